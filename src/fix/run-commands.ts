// Runs the tools a fix needs (I/O): `cargo generate-lockfile` (offline first), `git add`; output captured, never shown raw.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { absoluteProgram, cargoEnv } from '../project/cargo-env.js';
import { dubiousOwnership, filteredPaths, runGit } from '../project/git.js';
import type { FixCommand } from '../report/finding.js';

export interface CommandResult {
  argv: string[];
  cwd: string;
  ok: boolean;
  /** One or two sentences for the user: what happened, and what to do when it failed. */
  message: string;
  output: string;
}

function exec(argv: string[], cwd: string, timeoutMs: number, extraEnv: Record<string, string> = {}): Promise<{ code: number | string; output: string }> {
  return new Promise((resolve) => {
    execFile(argv[0], argv.slice(1), { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...extraEnv, LC_ALL: 'C', CARGO_TERM_COLOR: 'never', RUSTUP_AUTO_INSTALL: '0', RUST_BACKTRACE: '0' } }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      if (!error) return resolve({ code: 0, output });
      const e = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean };
      resolve({ code: e.killed ? 'timeout' : (e.code ?? 1), output: output || e.message });
    });
  });
}

// cargo 1.7x+: "error: no matching package named `clap` found" / "attempting to make an HTTP request, but --offline was
// specified" / "failed to download ... (offline)": the crates are not cached, so offline resolution cannot work.
const OFFLINE_MISS = /--offline was specified|no matching package named|offline|not found in (?:the )?(?:local )?(?:cache|registry)/i;
// cargo: "failed to query replaced source registry `crates-io`", "Couldn't resolve host name", "[6] Could not resolve host"
const NETWORK = /Could(?:n't| not) resolve host|failed to (?:query replaced source|download|fetch|get)|network|timed? ?out|Connection refused|spurious/i;

/**
 * `git add -- PATH...` through the safe git runner. A path with a clean filter is refused: `git add` would run the
 * filter's program, which the checkout's .gitattributes can choose and its .git/config can define.
 */
async function runGitAdd(root: string, command: FixCommand, timeoutMs: number): Promise<CommandResult> {
  const cwd = join(root, command.cwd);
  const args = command.argv.slice(2);
  const shown = command.argv.join(' ');
  const paths = args.slice(args.indexOf('--') + 1);
  const failed = (message: string, output: string): CommandResult => ({ argv: command.argv, cwd: command.cwd, ok: false, message, output });
  const filtered = await filteredPaths(cwd, paths);
  if (!Array.isArray(filtered)) {
    if (filtered.code === 127) return failed(`\`git\` is not installed or not on PATH; run \`${shown}\` yourself where it is`, filtered.stderr);
    return failed(dubiousOwnership(filtered.stderr) ?? `\`git check-attr\` failed: ${lastLine(filtered.stderr)}`, filtered.stderr);
  }
  if (filtered.length) {
    const list = filtered.map((f) => `${f.path} (filter=${f.driver})`).join(', ');
    return failed(`not run: git would pass ${list} through a filter program, and buildmedic runs no program a repository configures; check the filter, then run \`${shown}\` yourself`, '');
  }
  const r = await runGit(cwd, 'add', args, { timeoutMs });
  const output = `${r.stdout}${r.stderr}`.trim();
  if (r.code === 0) return { argv: command.argv, cwd: command.cwd, ok: true, message: `ran \`${shown}\``, output };
  return failed(dubiousOwnership(r.stderr) ?? `\`${shown}\` failed: ${lastLine(output)}`, output);
}

export async function runFixCommand(root: string, command: FixCommand, timeoutMs = 120_000): Promise<CommandResult> {
  if (command.argv[0] === 'git') {
    if (command.argv[1] !== 'add') throw new Error(`internal: fix commands run no git subcommand but add (got ${command.argv[1]})`);
    return runGitAdd(root, command, timeoutMs);
  }
  const cwd = join(root, command.cwd);
  const show = (argv: string[]) => argv.join(' ');
  const fail = (argv: string[], r: { code: number | string; output: string }, hint: string): CommandResult => ({
    argv,
    cwd: command.cwd,
    ok: false,
    message: r.code === 'ENOENT' ? `\`${argv[0]}\` is not installed or not on PATH; run \`${show(argv)}\` yourself where it is` : hint,
    output: r.output,
  });
  let extraEnv: Record<string, string> = {};
  if (command.argv[0] === 'cargo') {
    const e = await cargoEnv(cwd, root);
    if ('refused' in e) return { argv: command.argv, cwd: command.cwd, ok: false, message: `not run: ${e.refused}; run \`${show(command.argv)}\` yourself once you trust it`, output: '' };
    extraEnv = e.env;
  }
  const program = await absoluteProgram(command.argv[0]);
  if (!program) return fail(command.argv, { code: 'ENOENT', output: '' }, '');
  if (command.offlineFirst) {
    const offline = [...command.argv, '--offline'];
    const r = await exec([program, ...offline.slice(1)], cwd, timeoutMs, extraEnv);
    if (r.code === 0) return { argv: offline, cwd: command.cwd, ok: true, message: `ran \`${show(offline)}\` (from the local cache)`, output: r.output };
    if (r.code === 'ENOENT') return fail(offline, r, '');
    if (!OFFLINE_MISS.test(r.output)) return fail(offline, r, `\`${show(offline)}\` failed: ${lastLine(r.output)}`);
  }
  const r = await exec([program, ...command.argv.slice(1)], cwd, timeoutMs, extraEnv);
  if (r.code === 0) return { argv: command.argv, cwd: command.cwd, ok: true, message: `ran \`${show(command.argv)}\``, output: r.output };
  if (r.code === 'timeout') return fail(command.argv, r, `\`${show(command.argv)}\` did not finish within ${Math.round(timeoutMs / 1000)} s`);
  if (NETWORK.test(r.output)) {
    return fail(command.argv, r, `\`${show(command.argv)}\` needs the crate registry, which is unreachable from here (${lastLine(r.output)}); run it where the network is available, or vendor the crates`);
  }
  return fail(command.argv, r, `\`${show(command.argv)}\` failed: ${lastLine(r.output)}`);
}

function lastLine(output: string): string {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => l.startsWith('error')) ?? lines.at(-1) ?? 'no output';
}
