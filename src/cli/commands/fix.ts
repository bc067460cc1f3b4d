// `buildmedic fix [DIR]`: shows (dry run) or applies the fixes for what `scan` finds: format-preserving edits and tool runs.

import type { Command } from 'commander';
import { colors, wantColor } from '../colors.js';
import { printJson, printText } from '../stdout.js';
import { checkOnlyIds, collectIds } from './scan.js';

interface FixCliOptions {
  write?: boolean;
  only: string[];
  git?: boolean;
  unsafe?: boolean;
  json?: boolean;
  color?: boolean;
  target?: string;
}

async function runFixCommand(dir: string | undefined, opts: FixCliOptions): Promise<number> {
  const { SCANNERS } = await import('../../scan/registry.js');
  const { runFix, fixExitCode } = await import('../../fix/run-fix.js');
  await checkOnlyIds(opts.only);
  const write = Boolean(opts.write);
  const { cleanUpTempFilesOnSignals } = await import('../signals.js');
  const uninstall = write ? cleanUpTempFilesOnSignals() : () => undefined;
  let run;
  try {
    run = await runFix(dir ?? '.', SCANNERS, { write, only: opts.only, optIns: opts.git ? ['git'] : [], unsafe: Boolean(opts.unsafe), read: { resolveCargo: true, target: opts.target } });
  } finally {
    uninstall();
  }
  // The diff and the findings quote project lines, which may hold a token: masked as scan masks them.
  if (opts.json) {
    const { fixJson } = await import('../../fix/render.js');
    const { redactDeep } = await import('../../report/redact.js');
    printJson(`${JSON.stringify(redactDeep(fixJson(run, write)), null, 2)}\n`);
  } else {
    const { renderFixText, maskFixText } = await import('../../fix/render.js');
    printText(maskFixText(renderFixText(run, write, colors(wantColor(opts.color, process.env, Boolean(process.stdout.isTTY)))), write, '`buildmedic fix --write`'));
  }
  return fixExitCode(run);
}

export function register(program: Command, setExit: (code: number) => void): void {
  program
    .command('fix')
    .description('fix what `buildmedic scan` finds in DIR: prints a unified diff (dry run) unless --write is given')
    .argument('[dir]', 'the project directory (default: the current directory)')
    .option('--write', 'apply the safe fixes (atomic writes; a file changed since it was read is left alone), run the tools they need, then re-scan')
    .option('--only <rule>', 'fix only findings of these rule ids (repeat, or separate with commas)', collectIds, [])
    .option('--unsafe', 'with --write, also apply fixes marked unsafe (they change behaviour, e.g. a toolchain pin or manylinux mode)')
    .option('--git', 'with --write, also run `git add` for files a flake or CI checkout needs')
    .option('--json', 'print the plan (or what was done) as JSON (schema: docs/scan-json.md)')
    .option('--target <triple>', 'the Rust target the build is for (default: [build] target of .cargo/config.toml, else this machine)')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      [
        '',
        'Edits keep formatting (comments, key order, quoting, CRLF): e.g. clap = "4" becomes clap = { version = "4", features = ["env"] }.',
        'Fixes that need a tool run it: `cargo generate-lockfile` (offline first) for a missing Cargo.lock, `git add` (with --git).',
        'Neither runs a program the checkout configures (git hooks, fsmonitor, filters; a rust-toolchain path, build.rustc).',
        'The diff applies with `git apply` or `patch -p1`. Running `fix --write` twice changes nothing the second time.',
        '',
        'Nothing outside DIR is written, by buildmedic or by the tools it runs (symlinks and cargo\'s workspace root are resolved first);',
        'a hard-linked file, a line to edit that is not UTF-8, or an edit after which the TOML/YAML/JSON no longer parses is refused.',
        '',
        'Exit codes: 0 nothing to fix, 1 fixes shown or applied, 2 fix could not run or refused a write (no such directory,',
        'a file it could not read, a file changed while fixing, a write outside DIR, bad usage). SIGINT/SIGTERM/SIGHUP remove temp files and exit 128+N.',
        '',
        'Examples:',
        '  buildmedic fix                  # the diff, nothing changed',
        '  buildmedic fix --write --only crate-feature-missing',
        '  buildmedic fix --write --git    # also git add an untracked Cargo.lock a flake needs',
      ].join('\n'),
    )
    .action(async (dir: string | undefined, opts: FixCliOptions) => setExit(await runFixCommand(dir, opts)));
}
