// `buildmedic run` end to end with real processes: byte-exact passthrough, exit codes and signals, stdin, logs, diagnosis on failure, bounded memory.

import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { tempDir } from './helpers/temp.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const scratch = tempDir('buildmedic-run-');

function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.GITHUB_ACTIONS;
  delete env.GITLAB_CI;
  delete env.GITHUB_STEP_SUMMARY;
  return { ...env, ...extra };
}

function run(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, 'run', ...args], { input: options.input ?? '', env: baseEnv(options.env), cwd: options.cwd, maxBuffer: 64 << 20 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function bare(command: string, args: string[], input = '') {
  const r = spawnSync(command, args, { input, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Colours, a lone CR redraw, invalid UTF-8, a NUL and no final newline: bytes must pass through untouched.
const NOISY = String.raw`printf '\033[1m\033[32m   Compiling\033[0m x\r\033[Kdone \377\376 nul:\000:\n'; printf 'to stderr \033[31merror\033[0m\n\344\275' >&2; printf 'no newline at end'`;

test('stdout and stderr pass through byte for byte, and a success adds nothing', () => {
  const want = bare('sh', ['-c', NOISY]);
  const got = run(['--', 'sh', '-c', NOISY]);
  assert.equal(got.code, 0);
  assert.deepEqual(got.stdout, want.stdout);
  assert.deepEqual(got.stderr, want.stderr);
  assert.ok(got.stdout.includes(Buffer.from([0xff, 0xfe])));
});

test('the command exit code is returned; 128+N when signal N ends it; 127 when it does not exist', () => {
  assert.equal(run(['--', 'sh', '-c', 'exit 3']).code, 3);
  assert.equal(run(['--', 'sh', '-c', 'kill -TERM $$']).code, 143);
  assert.equal(run(['--', 'sh', '-c', 'kill -KILL $$']).code, 137);
  const missing = run(['--', 'buildmedic-no-such-command', '--flag']);
  assert.equal(missing.code, 127);
  assert.match(missing.stderr.toString(), /buildmedic-no-such-command: command not found/);
});

test('standard input reaches the command, and options after the command are its own', () => {
  const r = run(['cat', '-n'], { input: 'first\nsecond\n' });
  assert.equal(r.code, 0);
  assert.equal(r.stdout.toString(), '     1\tfirst\n     2\tsecond\n');
});

test('--shell runs a command line through the shell', () => {
  const r = run(['--shell', '--', 'echo a && echo "$((40 + 2))" | tr 4 X']);
  assert.equal(r.stdout.toString(), 'a\nX2\n');
});

test('a real failed cargo build: output first, then the diagnosis on stderr, with the cargo exit code', { timeout: 120_000 }, () => {
  const project = join(scratch, 'hello');
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'Cargo.toml'), '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2021"\n');
  writeFileSync(join(project, 'src/main.rs'), 'fn main() { println!("hi"); }\n');
  const env = { RUSTFLAGS: '-C linker=buildmedic-missing-linker', CARGO_TARGET_DIR: join(scratch, 'target'), CARGO_TERM_COLOR: 'never' };
  const r = run(['--', 'cargo', 'build', '--offline'], { cwd: project, env });
  assert.equal(r.code, 101);
  const err = r.stderr.toString();
  const output = err.indexOf('error: linker `buildmedic-missing-linker` not found');
  const diagnosis = err.indexOf('Root cause: The linker is not installed [linker-not-found]');
  assert.ok(output >= 0 && diagnosis > output, err);
  assert.match(err, /exited with code 101/);
});

test('stdout and stderr lines are diagnosed in arrival order, with the right line numbers', () => {
  const script = 'echo one; sleep 0.2; echo "error: linker \\`cc\\` not found" >&2; sleep 0.2; echo three; exit 1';
  const r = run(['--format', 'json', '--', 'sh', '-c', script]);
  assert.equal(r.code, 1);
  const d = JSON.parse(r.stderr.toString().slice(r.stderr.indexOf('{')));
  assert.equal(d.rootCause, 'linker-not-found');
  assert.deepEqual(d.findings[0].evidence, [{ line: 2, text: 'error: linker `cc` not found' }]);
  assert.equal(d.input.lines, 3);
});

test('a failure the log does not explain still quotes the last lines; --verbose reports a success', () => {
  const r = run(['--', 'sh', '-c', 'for i in 1 2 3 4 5; do echo "step $i"; done; exit 4']);
  assert.equal(r.code, 4);
  assert.match(r.stderr.toString(), /No known cause matched\.[\s\S]*5 │ step 5/);
  const v = run(['--verbose', '--', 'true']);
  assert.equal(v.code, 0);
  assert.match(v.stderr.toString(), /succeeded/);
});

test('--log keeps the full output, gzipped for .gz', () => {
  const script = 'i=0; while [ $i -lt 20000 ]; do echo "line $i of the build"; i=$((i+1)); done; echo "warn" >&2';
  const want = bare('sh', ['-c', script]);
  const plain = join(scratch, 'build.log');
  const gz = join(scratch, 'build.log.gz');
  assert.equal(run(['--log', plain, '--', 'sh', '-c', script]).code, 0);
  assert.equal(run(['--log', gz, '--', 'sh', '-c', script]).code, 0);
  // Two pipes race: the stderr line may land anywhere after the stdout bytes written before it.
  for (const got of [readFileSync(plain), gunzipSync(readFileSync(gz))]) {
    const text = got.toString();
    const at = text.indexOf('warn\n');
    assert.ok(at >= 0 && (at === 0 || text[at - 1] === '\n'), 'the stderr line is in the log, whole');
    assert.equal(text.slice(0, at) + text.slice(at + 5), want.stdout.toString());
    assert.equal(want.stderr.toString(), 'warn\n');
  }
  const bad = run(['--log', join(scratch, 'no/such/dir/x.log'), '--', 'true']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr.toString(), /cannot write the log/);
});

/** Whether `pid` still runs: a zombie (ended, not yet reaped by whoever inherited it) does not. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // /proc/<pid>/stat: "pid (comm) S ...", the state after the parenthesised command name.
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/\) [ZX] /.test(stat);
}

/** Resolves with the first stderr line of `child` that matches `re`: waits on the event, not on a clock. */
function lineFrom(child: ReturnType<typeof spawn>, re: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk;
      const m = re.exec(seen);
      if (m) resolve(m);
    });
    child.once('close', () => reject(new Error(`no line matching ${re} in ${seen}`)));
  });
}

test('SIGTERM to buildmedic reaches the whole process group of the command', { timeout: 60_000 }, async () => {
  // The command says which background process it started once it has: the test waits for that, however slow the machine.
  const child = spawn(process.execPath, [BIN, 'run', '--', 'sh', '-c', 'sleep 600 & echo "grandchild $!" >&2; wait'], { stdio: ['pipe', 'ignore', 'pipe'], env: baseEnv() });
  const grandchild = Number((await lineFrom(child, /grandchild (\d+)\n/))[1]);
  assert.ok(grandchild > 0);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  assert.equal(await exited, 143);
  // Polled until it is gone (the test's timeout is the bound): only a sleep that outlived the SIGTERM would still run
  // after ten minutes.
  while (running(grandchild)) await new Promise((r) => setTimeout(r, 50));
});

test('under GitHub Actions a failure becomes annotations and a job summary; a success writes neither', () => {
  const summary = join(scratch, 'summary.md');
  writeFileSync(summary, '');
  const fail = run(['--', 'sh', '-c', 'echo "error: linker \\`cc\\` not found" >&2; exit 1'], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
  assert.equal(fail.code, 1);
  assert.match(fail.stderr.toString(), /\n::error title=The linker is not installed \[linker-not-found\]::/);
  assert.match(readFileSync(summary, 'utf8'), /Root cause: The linker is not installed/);
  writeFileSync(summary, '');
  const ok = run(['--', 'echo', 'fine'], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
  assert.equal(ok.code, 0);
  assert.equal(ok.stderr.toString(), '');
  assert.equal(readFileSync(summary, 'utf8'), '');
});

test('memory stays bounded: 600 MB of output costs no more than 200 MB does', { timeout: 180_000 }, () => {
  // maxRSS covers the main thread, the diagnosis worker and every buffer in between. Its absolute value depends on
  // the Node version's heap sizing (Node 24's garbage collector lets the heap grow further before it collects, up to
  // a plateau), so the check is that tripling the output past that point does not move it.
  const peak = (bytes: number) => {
    const probe = `const { loadBundle } = await import(${JSON.stringify(new URL('../dist/bin/load-bundle.js', import.meta.url).pathname)});
const { main } = loadBundle().cli;
const code = await main(['run', '--', 'sh', '-c', "yes '   Compiling some-crate v1.2.3 (/work/some-crate) warning: unused' | head -c ${bytes}; exit 1"]);
process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + ' CODE ' + code + '\\n');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'], env: baseEnv(), maxBuffer: 16 << 20 });
    const m = /MAXRSS (\d+) CODE (\d+)/.exec(r.stderr.toString());
    assert.ok(m, r.stderr.toString().slice(-2000));
    assert.equal(m[2], '1');
    return Number(m[1]) / 1024;
  };
  const mid = peak(200 * 1024 * 1024);
  const large = peak(600 * 1024 * 1024);
  assert.ok(large < mid + 48, `peak RSS ${large.toFixed(0)} MiB for 600 MiB of output, ${mid.toFixed(0)} MiB for 200 MiB`);
  assert.ok(large < 320, `peak RSS ${large.toFixed(0)} MiB`);
});

test('a secret on the command line does not reach the report, in any format', () => {
  const script = 'echo "error: linker \\`cc\\` not found" >&2; exit 1 # https://ci:topsecretpw@git.example.com';
  for (const format of ['text', 'markdown', 'github', 'json']) {
    const html = join(scratch, `cmd-${format}.html`);
    const r = run(['--format', format, '--html', html, '--', 'sh', '-c', script]);
    assert.equal(r.code, 1);
    const report = r.stderr.toString() + readFileSync(html, 'utf8');
    assert.ok(!report.includes('topsecretpw'), `${format} leaks the password`);
    if (format !== 'json') assert.ok(report.includes('ci:***@git.example.com'), `${format} names the command`);
  }
});

test('a reader that goes away ends the command as it would without buildmedic (`run -- yes | head`)', { timeout: 30_000 }, () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" run -- yes | head -n 2`], { encoding: 'utf8', timeout: 20_000, env: baseEnv() });
  assert.equal(r.signal, null, 'finished before the timeout');
  assert.equal(r.stdout, 'y\ny\n');
});

test('a background process left holding the output does not keep buildmedic waiting', { timeout: 180_000 }, () => {
  // The background sleep holds the command's pipes for ten minutes; buildmedic must return while it still runs.
  const r = spawnSync(process.execPath, [BIN, 'run', '--', 'sh', '-c', 'sleep 600 & echo "started $!"; exit 0'], { env: baseEnv(), encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.signal, null, 'buildmedic waited for the background process');
  assert.equal(r.status, 0);
  const m = /^started (\d+)\n$/.exec(r.stdout);
  assert.ok(m, r.stdout);
  const background = Number(m[1]);
  assert.ok(running(background), 'returned while the background process still held the output');
  process.kill(background, 'SIGKILL');
});
