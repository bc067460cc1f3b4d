// The GitHub Action's entry point, run locally with the environment the runner provides (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY).

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from './helpers/temp.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const ACTION_YML = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const ENTRY = join(ROOT, /^ {2}main: (\S+)$/m.exec(ACTION_YML)![1]);
const LINKER_LOG = join(ROOT, 'src/kb/rules/toolchain/linker-not-found/cases/fail-cargo-hello-no-cc.log');

/** Runs the action like the runner: a fresh workspace, inputs as INPUT_<NAME>, files for outputs and the summary. */
function runAction(inputs: Record<string, string>) {
  const workspace = tempDir('buildmedic-action-');
  const output = join(workspace, '_github_output');
  const summary = join(workspace, '_step_summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', CI: 'true', RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [ENTRY], { cwd: workspace, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: parseOutputs(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8'), workspace };
}

/** Reads $GITHUB_OUTPUT the way the runner does (name<<DELIMITER ... DELIMITER). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    assert.ok(end > i, `unterminated output ${m[1]}`);
    out[m[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

test('action.yml declares what the entry point reads and writes, and runs on Node', () => {
  assert.match(ACTION_YML, /^ {2}using: node(20|24)$/m);
  assert.ok(existsSync(ENTRY), `${ENTRY} is built`);
  // The top-level block `name:` up to the next top-level key.
  const block = (name: string) => {
    const rest = ACTION_YML.slice(ACTION_YML.indexOf(`\n${name}:\n`) + name.length + 3);
    return rest.slice(0, rest.search(/^\S/m) >>> 0);
  };
  const declared = (name: string) => [...block(name).matchAll(/^ {2}([\w-]+):$/gm)].map((m) => m[1]);
  assert.deepEqual(declared('inputs').sort(), ['html', 'log', 'platform', 'redact', 'run', 'sarif', 'working-directory']);
  assert.deepEqual(declared('outputs').sort(), ['exit-code', 'outcome', 'root-cause', 'summary']);
});

test('a failing build fails the step, annotates, summarises and sets the outputs', () => {
  const r = runAction({ run: 'echo "   Compiling hello v0.1.0"\necho "error: linker \\`cc\\` not found" >&2\nexit 101' });
  assert.equal(r.code, 101, r.stderr);
  assert.match(r.stdout, /^ {3}Compiling hello v0\.1\.0$/m, 'the build output passes through');
  assert.match(r.stdout, /^::error title=The linker is not installed \[linker-not-found\]::/m);
  assert.match(r.summary, /^## buildmedic: ❌ Build failed$/m);
  assert.match(r.summary, /Root cause: The linker is not installed/);
  assert.equal(r.outputs['root-cause'], 'linker-not-found');
  assert.equal(r.outputs.outcome, 'failed');
  assert.equal(r.outputs['exit-code'], '101');
});

test('a multi-line command stops at its first failure, as a bash step does', () => {
  const r = runAction({ run: 'false\necho should-not-run' });
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout, /should-not-run/);
  const piped = runAction({ run: 'false | cat' });
  assert.equal(piped.code, 1, 'pipefail');
});

test('a successful build passes the step and says so', () => {
  const r = runAction({ run: 'echo "    Finished \\`dev\\` profile [unoptimized] target(s) in 0.1s"' });
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /^::(error|warning)/m);
  assert.equal(r.outputs.outcome, 'succeeded');
  assert.equal(r.outputs['root-cause'], '');
  assert.match(r.summary, /✅ Build succeeded/);
});

test('log mode diagnoses a log in the working directory and writes SARIF there', () => {
  const workspace = tempDir('buildmedic-action-ws-');
  mkdirSync(join(workspace, 'sub'));
  copyFileSync(LINKER_LOG, join(workspace, 'sub', 'build.log'));
  const r = runAction({ log: 'build.log', sarif: 'buildmedic.sarif', 'working-directory': join(workspace, 'sub') });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^::error title=The linker is not installed \[linker-not-found\],file=build\.log,line=3::/m);
  const sarif = JSON.parse(readFileSync(join(workspace, 'sub', 'buildmedic.sarif'), 'utf8'));
  assert.equal(sarif.runs[0].results[0].ruleId, 'linker-not-found');
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'build.log');
  assert.equal(r.outputs.outcome, 'failed');
});

test('without run or log the step fails with an error annotation', () => {
  const r = runAction({});
  assert.equal(r.code, 2);
  assert.match(r.stdout, /^::error title=buildmedic::give exactly one of the inputs/m);
});

test('log mode: a FIFO where the log should be is refused at once, not read until the job times out', () => {
  const workspace = tempDir('buildmedic-action-fifo-');
  const made = spawnSync('mkfifo', [join(workspace, 'build.log')]);
  assert.equal(made.status, 0, 'mkfifo (coreutils)');
  const r = runAction({ log: 'build.log', 'working-directory': workspace });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stdout, /^::error title=buildmedic::build\.log: not a regular file/m);
});
