// Hostile conditions around `buildmedic run` and the output of every command: a reader that goes away, a full disk.
// Each case broke buildmedic once (issue 14, items 13 and 14); a new attack on `run` or on our own output goes here.

import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { test } from 'node:test';
import { describeOutputFailure, exitCodeAfterOutputFailures, guardOutput } from '../src/cli/output-guard.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const EXAMPLE_LOG = new URL('../examples/cargo-no-c-toolchain.log', import.meta.url).pathname;
const EXAMPLES = new URL('../examples', import.meta.url).pathname;

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.GITHUB_ACTIONS;
  delete env.GITHUB_STEP_SUMMARY;
  return env;
}

// 2 MB on stdout (far more than a pipe holds), then a linker error on stderr and exit 7. SIGPIPE is ignored, as many
// build tools do, so the command outlives a closed stdout and exits with its own code, as it does without buildmedic.
const LOUD_FAILURE = `trap '' PIPE; i=0; while [ $i -lt 100000 ]; do echo "   Compiling crate-$i v0.1.0"; i=$((i+1)); done 2>/dev/null; echo 'error: linker \`cc\` not found' >&2; exit 7`;

/** Runs buildmedic with a stdout reader that, like `head -1`, takes the first chunk and closes its end. */
function runWithReaderThatLeaves(args: string[]): Promise<{ code: number | null; first: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: baseEnv() });
  let first = '';
  let stderr = '';
  child.stdout.once('data', (chunk: Buffer) => {
    first = chunk.toString();
    child.stdout.destroy();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, first, stderr })));
}

test('`run -- CMD | head -1`: the build runs to its end, keeps its exit code and is diagnosed on stderr', { timeout: 60_000 }, async () => {
  const bare = spawnSync('sh', ['-c', LOUD_FAILURE], { stdio: 'ignore' });
  assert.equal(bare.status, 7);
  const r = await runWithReaderThatLeaves(['run', '--', 'sh', '-c', LOUD_FAILURE]);
  assert.match(r.first, /^ {3}Compiling crate-0 v0\.1\.0\n/);
  assert.equal(r.code, 7, r.stderr.slice(-2000));
  assert.match(r.stderr, /error: linker `cc` not found\n/, 'the build\'s stderr still passes through');
  assert.match(r.stderr, /exited with code 7/);
  assert.match(r.stderr, /Root cause: The linker is not installed \[linker-not-found\]/);
  assert.doesNotMatch(r.stderr, /EPIPE|cannot write/, 'a reader that went away is not an error of ours');
});

test('a failed write is recorded, never thrown; only a reader that went away leaves the exit code as it was', async () => {
  const failing = (code: string) =>
    new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error(`${code}: the reason, write`), { code }));
      },
    });
  const streams = [failing('EPIPE'), failing('ENOSPC')];
  const guards = streams.map((stdout) => guardOutput({ stdout, stderr: new PassThrough() }));
  for (const stdout of streams) {
    stdout.write('first');
    stdout.write('second');
  }
  await Promise.all(guards.map((g) => g.settle()));
  assert.deepEqual(guards.map((g) => g.failures.map((f) => `${f.stream} ${f.code}`)), [['stdout EPIPE'], ['stdout ENOSPC']]);
  assert.equal(exitCodeAfterOutputFailures(1, guards[0].failures, false), 1);
  assert.equal(exitCodeAfterOutputFailures(0, guards[1].failures, false), 2);
  assert.equal(exitCodeAfterOutputFailures(0, guards[1].failures, true), 0);
  assert.equal(describeOutputFailure(guards[1].failures[0]), 'buildmedic: cannot write to standard output (ENOSPC: the reason); the output is incomplete.');
});

/** Runs buildmedic with its stdout on /dev/full, where every write fails with ENOSPC. */
function withStdoutOnFullDisk(args: string[]) {
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', full, 'pipe'], env: baseEnv(), encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, stderr: r.stderr };
  } finally {
    closeSync(full);
  }
}

const FULL_DISK_SENTENCE = 'buildmedic: cannot write to standard output (ENOSPC: no space left on device); the output is incomplete.\n';

test('stdout on a full disk: diagnose, scan and rules say so in one sentence and exit 2', { skip: !existsSync('/dev/full') && 'no /dev/full' }, () => {
  for (const args of [['diagnose', EXAMPLE_LOG], ['diagnose', '--json', EXAMPLE_LOG], ['scan', EXAMPLES], ['rules'], ['rules', '--json']]) {
    const r = withStdoutOnFullDisk(args);
    assert.equal(r.stderr, FULL_DISK_SENTENCE, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.code, 2, args.join(' '));
  }
});

test('stdout on a full disk: run keeps the build\'s own exit code, and still diagnoses a failure on stderr', { skip: !existsSync('/dev/full') && 'no /dev/full' }, () => {
  const ok = withStdoutOnFullDisk(['run', '--', 'sh', '-c', 'echo built; exit 0']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stderr, FULL_DISK_SENTENCE);
  const failed = withStdoutOnFullDisk(['run', '--', 'sh', '-c', `${LOUD_FAILURE.replace('exit 7', 'exit 3')}`]);
  assert.equal(failed.code, 3, failed.stderr.slice(-2000));
  assert.match(failed.stderr, /Root cause: The linker is not installed \[linker-not-found\]/);
  assert.ok(failed.stderr.endsWith(FULL_DISK_SENTENCE), failed.stderr.slice(-500));
  // The build never saw the full disk (its output was drained and discarded), so all 100000 lines were diagnosed.
  assert.match(failed.stderr, /100001 │ error: linker `cc` not found/);
  assert.doesNotMatch(failed.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
});

test('the command line named after a failure is shown as typed, and an argument cannot drive the terminal', () => {
  // An argument that sets the window title (OSC 0) and clears the screen (CSI 2J), and one a shell must keep whole.
  const title = 'x\u001b]0;pwned\u0007\u001b[2J';
  const r = spawnSync(process.execPath, [BIN, 'run', '--', 'sh', '-c', 'echo built; exit 3', title], { encoding: 'utf8', env: baseEnv() });
  assert.equal(r.status, 3);
  const line = r.stderr.split('\n').find((l) => l.startsWith('buildmedic: `'));
  assert.ok(line, r.stderr);
  assert.equal(line, "buildmedic: `sh -c 'echo built; exit 3' 'x'` exited with code 3 after " + line.split(' after ')[1]);
  assert.doesNotMatch(r.stderr, /\u001b\]|\u0007|\u001b\[2J/);
});
