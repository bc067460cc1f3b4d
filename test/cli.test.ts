// The built command line, run as a user runs it: exit codes, JSON contract, input handling, help.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { tempDir } from './helpers/temp.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const LOG = new URL('../src/kb/rules/toolchain/linker-not-found/cases/fail-cargo-hello-no-cc.log', import.meta.url).pathname;
const scratch = tempDir('buildmedic-cli-');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('diagnose --json prints the documented object and exits 1 for a diagnosed failure', () => {
  const r = run(['diagnose', '--json', LOG]);
  assert.equal(r.code, 1);
  const d = JSON.parse(r.stdout);
  assert.equal(d.schemaVersion, 2);
  assert.equal(d.outcome, 'failed');
  assert.equal(d.rootCause, 'linker-not-found');
  const f = d.findings[0];
  assert.deepEqual(Object.keys(f).sort(), ['captures', 'category', 'confidence', 'evidence', 'explanation', 'fix', 'role', 'rule', 'title']);
  assert.equal(f.role, 'root-cause');
  assert.deepEqual(f.evidence, [{ line: 3, text: 'error: linker `cc` not found' }]);
  assert.ok(f.fix.commands.some((c: { command: string }) => c.command.includes('build-essential')));
  assert.deepEqual(Object.keys(d).sort(), ['chain', 'consequences', 'excerpt', 'findings', 'input', 'outcome', 'platform', 'rootCause', 'schemaVersion', 'summary']);
});

test('reads standard input, "-" and gzip files alike', () => {
  const text = readFileSync(LOG);
  const gz = join(scratch, 'build.log.gz');
  writeFileSync(gz, gzipSync(text));
  for (const [args, input] of [[['diagnose', '--json'], text], [['diagnose', '--json', '-'], text], [['diagnose', '--json', gz], undefined]] as const) {
    const r = run([...args], input);
    assert.equal(JSON.parse(r.stdout).rootCause, 'linker-not-found', args.join(' '));
  }
});

test('text output names the root cause, the evidence line and the fix', () => {
  const r = run(['diagnose', LOG]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /Root cause: The linker is not installed \[linker-not-found\]/);
  assert.match(r.stdout, /3 │ error: linker `cc` not found/);
  assert.match(r.stdout, /apt-get install -y build-essential/);
  assert.ok(!r.stdout.includes('\x1b['), 'NO_COLOR means no escape codes');
});

test('a successful build exits 0 and names no cause', () => {
  const r = run(['diagnose', '--json'], '   Compiling a v0.1.0\n    Finished `release` profile [optimized] target(s) in 1.0s\n');
  assert.equal(r.code, 0);
  assert.equal(JSON.parse(r.stdout).outcome, 'succeeded');
});

test('unreadable input: one clear sentence on stderr and exit 2, no stack trace', () => {
  const locked = join(scratch, 'locked.log');
  writeFileSync(locked, 'x');
  chmodSync(locked, 0o000);
  const cases: [string, RegExp][] = [
    [join(scratch, 'missing.log'), /missing\.log: no such file/],
    [scratch, /is a directory/],
  ];
  // root reads any file whatever its mode, so the permission case only means something for other users.
  if (process.getuid?.() !== 0) cases.push([locked, /permission denied/]);
  for (const [path, message] of cases) {
    const r = run(['diagnose', path]);
    assert.equal(r.code, 2, path);
    assert.match(r.stderr, message);
    assert.ok(!r.stderr.includes('    at '), 'no stack trace');
  }
});

test('a binary file is refused with exit 2', () => {
  const bin = join(scratch, 'a.out');
  writeFileSync(bin, Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 7 === 0 ? 0 : i % 256)));
  const r = run(['diagnose', bin]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /binary file/);
});

test('usage errors exit 2; help and version exit 0', () => {
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['diagnose', '--platform', 'beos', LOG]).code, 2);
  const help = run(['diagnose', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Exit codes: 0 no failure/);
  assert.equal(run(['--version']).code, 0);
});

test('explain prints the rule documentation; an unknown rule is exit 2 with a suggestion', () => {
  const r = run(['explain', 'linker-not-found']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^# linker-not-found\n/);
  const bad = run(['explain', 'linker-missing']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /did you mean linker-not-found/);
});

test('rules --json lists the knowledge base', () => {
  const r = run(['rules', '--json']);
  assert.equal(r.code, 0);
  const { rules } = JSON.parse(r.stdout);
  assert.ok(rules.some((x: { id: string }) => x.id === 'linker-not-found'));
});
