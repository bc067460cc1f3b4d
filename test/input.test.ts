// Inputs the log pipeline must survive, each with a clear outcome (issue: "safe on any input").

import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { ByteLineChunker } from '../src/diagnose/read-log.ts';
import { KB } from './helpers/cases.ts';
import { tempDir } from './helpers/temp.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const LOG = readFileSync(new URL('../src/kb/rules/toolchain/linker-not-found/cases/fail-cargo-hello-no-cc.log', import.meta.url));
const scratch = tempDir('buildmedic-input-');

function diagnoseCli(args: string[], input?: Buffer | string) {
  const r = spawnSync(process.execPath, [BIN, 'diagnose', '--json', ...args], { input, maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, json: r.stdout.length ? JSON.parse(r.stdout.toString()) : null, stderr: r.stderr.toString() };
}

test('invalid UTF-8 is replaced, never a crash', () => {
  const bad = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]), LOG, Buffer.from([0xe2, 0x82])]);
  const r = diagnoseCli([], bad);
  assert.equal(r.code, 1);
  assert.equal(r.json.rootCause, 'linker-not-found');
  assert.equal(r.json.findings[0].evidence[0].line, 4);
});

test('NUL bytes inside a text log: the text parts are analysed', () => {
  const withNuls = Buffer.from(LOG.toString().replace('error: linker', 'error:\0 linker').replace('Compiling', 'Comp\0\0iling'));
  const r = diagnoseCli([], withNuls);
  assert.equal(r.json.rootCause, 'linker-not-found');
});

test('an empty log: outcome unknown, exit 0', () => {
  const r = diagnoseCli([], '');
  assert.equal(r.code, 0);
  assert.equal(r.json.outcome, 'unknown');
  assert.equal(r.json.input.lines, 0);
});

test('CRLF and lone carriage returns give the same diagnosis as LF', () => {
  const lf = diagnoseText(KB, LOG.toString());
  const crlf = diagnoseText(KB, LOG.toString().replaceAll('\n', '\r\n'));
  assert.equal(crlf.rootCause, lf.rootCause);
  assert.deepEqual(crlf.findings[0].evidence, lf.findings[0].evidence);
  const redraws = diagnoseText(KB, LOG.toString().replace('error: linker', 'Building [=====>    ] 12/40\rerror: linker'));
  assert.equal(redraws.rootCause, 'linker-not-found');
});

/** The lines a ByteLineChunker hands on for `parts` pushed one after another. */
function chunkedLines(parts: string[]): string[] {
  const lines: string[] = [];
  const chunker = new ByteLineChunker({ feed: () => {}, feedBytes: (b) => lines.push(...Buffer.from(b).toString().split('\n')), noteTruncated: () => {} });
  for (const p of parts) chunker.push(Buffer.from(p));
  chunker.end();
  return lines;
}

test('a log whose lines end at a lone CR (no LF anywhere) is read line by line (the chunker diagnose and run share)', () => {
  const crOnly = LOG.toString().replaceAll('\n', '\r');
  const r = diagnoseCli([], crOnly);
  assert.equal(r.json.rootCause, 'linker-not-found');
  assert.equal(r.json.findings[0].evidence[0].line, 3);
  // Cut anywhere, and past the line cap before the first CR-only line ends: still the same lines.
  assert.deepEqual(chunkedLines(['a\rb', 'c\rd\r']), ['a', 'bc', 'd']);
  const long = 'x'.repeat(70 * 1024);
  assert.deepEqual(chunkedLines(['one\rtwo\r', long, '\rthree']).map((l) => l.slice(0, 5)), ['one', 'two', 'xxxxx', 'three']);
  // Near miss: with an LF in the input, a CR stays inside its line (a progress bar's redraws, read by normalize).
  assert.deepEqual(chunkedLines(['Building 1/3\rBuilding 2/3\rerror: x\n', 'next\r\n']), ['Building 1/3\rBuilding 2/3\rerror: x', 'next\r']);
});

test('10,000 ANSI sequences on one line', () => {
  const line = `${'\x1b[1m\x1b[38;5;9m*\x1b[0m'.repeat(10_000)}\n`;
  const d = diagnoseText(KB, line + LOG.toString());
  assert.equal(d.rootCause, 'linker-not-found');
  assert.equal(d.findings[0].evidence[0].line, 4);
});

test('a log that ends mid-line or mid-escape-sequence', () => {
  const cut = Buffer.concat([LOG, Buffer.from('warning: trailing \x1b[1')]);
  const r = diagnoseCli([], cut);
  assert.equal(r.json.rootCause, 'linker-not-found');
  assert.equal(r.json.input.lines, LOG.toString().split('\n').length);
});

test('a 100 MB single line is cut for matching and reported as truncated', () => {
  const huge = Buffer.alloc(100 * 1024 * 1024, 'x');
  const r = diagnoseCli([], Buffer.concat([LOG, huge, Buffer.from('\nerror: linker `cc` not found\n')]));
  assert.equal(r.code, 1);
  assert.equal(r.json.input.truncatedLines, 1);
  assert.equal(r.json.rootCause, 'linker-not-found');
  assert.deepEqual(r.json.findings[0].evidence.map((e: { line: number }) => e.line), [3, 9]);
});

test('gzip: a corrupt or cut-short archive is exit 2 with one sentence', () => {
  const gz = gzipSync(LOG);
  const path = join(scratch, 'cut.log.gz');
  writeFileSync(path, gz.subarray(0, gz.length - 12));
  const r = diagnoseCli([path]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cut\.log\.gz: gzip data is corrupt or cut short/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('a permission-denied file: exit 2 naming the path and the reason', { skip: process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status !== 0 ? 'root without setpriv' : false }, () => {
  const secret = join(scratch, 'secret.log');
  writeFileSync(secret, LOG);
  chmodSync(secret, 0o600);
  chmodSync(scratch, 0o755);
  // Root reads any file, so the CLI runs as nobody when the test runs as root.
  const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath] : [process.execPath];
  const r = spawnSync(asNobody[0], [...asNobody.slice(1), BIN, 'diagnose', secret], { encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.trim(), `buildmedic: ${secret}: permission denied`);
});

test('a process writing slowly into the pipe is diagnosed when the stream ends', async () => {
  const child = spawn(process.execPath, [BIN, 'diagnose', '--json'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b) => (out += b));
  for (const line of LOG.toString().split(/(?<=\n)/)) {
    child.stdin.write(line);
    await new Promise((r) => setTimeout(r, 60));
  }
  child.stdin.end();
  const code = await new Promise((r) => child.on('close', r));
  assert.equal(code, 1);
  assert.equal(JSON.parse(out).rootCause, 'linker-not-found');
});

test('no progress output in pipes or with --json, even for a large input', () => {
  const big = Buffer.concat([Buffer.alloc(60 * 1024 * 1024, '   Compiling a v0.1.0\n'), LOG]);
  const r = spawnSync(process.execPath, [BIN, 'diagnose', '-'], { input: big, maxBuffer: 1 << 26 });
  assert.equal(r.status, 1);
  assert.equal(r.stderr.toString(), '');
});

test('on a terminal, a progress bar for large inputs goes to stderr', { skip: spawnSync('script', ['--version']).status !== 0 ? 'no script(1)' : false }, () => {
  const big = join(scratch, 'big.log');
  writeFileSync(big, Buffer.concat([Buffer.alloc(80 * 1024 * 1024, '   Compiling a v0.1.0\n'), LOG]));
  // script(1) gives the command a pseudo-terminal, as a user's shell would.
  const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} diagnose ${big}`, '/dev/null'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const screen = r.stdout.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  assert.match(screen, /reading log \[[#.]{20}\] \d+% \d+ MB of 80 MB/);
  assert.match(screen, /Root cause: The linker is not installed/);
});

test("UTF-16 with a byte-order mark (Windows PowerShell 5.1's `>`) is read as the same log, little- and big-endian", () => {
  const plain = diagnoseCli([], LOG);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG.toString('utf8').replace(/\n/g, '\r\n'), 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  for (const [name, bytes] of [['le', le], ['be', be]] as const) {
    const path = join(scratch, `ps-${name}.log`);
    writeFileSync(path, bytes);
    const r = diagnoseCli([path]);
    assert.equal(r.code, plain.code, name);
    assert.equal(r.json.rootCause, plain.json.rootCause, name);
    assert.deepEqual(r.json.findings[0].evidence, plain.json.findings[0].evidence, name);
  }
});

test('UTF-16 without a byte-order mark (cmd /u, .NET without preamble) and a gzipped UTF-16 log are read as the same log (attack5)', () => {
  const plain = diagnoseCli([], LOG);
  const le = Buffer.from(LOG.toString('utf8'), 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  const gzipped = gzipSync(Buffer.concat([Buffer.from([0xff, 0xfe]), le]));
  for (const [name, bytes] of [['le.log', le], ['be.log', be], ['bom.log.gz', gzipped]] as const) {
    const path = join(scratch, `nobom-${name}`);
    writeFileSync(path, bytes);
    const r = diagnoseCli([path]);
    assert.equal(r.code, plain.code, `${name}: ${r.stderr}`);
    assert.equal(r.json.rootCause, plain.json.rootCause, name);
    assert.deepEqual(r.json.findings[0].evidence, plain.json.findings[0].evidence, name);
  }
});

test('a gzip archive holding a binary file (an executable, another archive) is refused as binary, exit 2, not "no failure" (attack5)', () => {
  for (const [name, bytes] of [['exe.gz', gzipSync(readFileSync(process.execPath).subarray(0, 1 << 20))], ['twice.log.gz', gzipSync(gzipSync(LOG))]] as const) {
    const path = join(scratch, name);
    writeFileSync(path, bytes);
    const r = diagnoseCli([path]);
    assert.equal(r.code, 2, name);
    assert.match(r.stderr, /looks like a binary file/, name);
  }
  // A text log with a NUL here and there stays a UTF-8 log.
  const path = join(scratch, 'nul.log.gz');
  writeFileSync(path, gzipSync(Buffer.from(LOG.toString('utf8').replace('\n', '\0\n'))));
  assert.equal(diagnoseCli([path]).json.rootCause, diagnoseCli([], LOG).json.rootCause);
});

test('a log ending in the zero-filled block a crash leaves is read as a log; only padding, or an executable, is still binary (attack6)', () => {
  const padded = Buffer.concat([LOG, Buffer.alloc(4096)]);
  const r = diagnoseCli([], padded);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.json.rootCause, 'linker-not-found');
  for (const [name, bytes] of [['zeros', Buffer.alloc(8192)], ['node', readFileSync(process.execPath).subarray(0, 1 << 16)]] as const) {
    const refused = diagnoseCli([], bytes);
    assert.equal(refused.code, 2, name);
    assert.match(refused.stderr, /looks like a binary file/, name);
  }
});
