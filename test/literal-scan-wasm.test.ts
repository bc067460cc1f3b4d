// The scanner's two loops, JavaScript (literal-scanner.ts) and WebAssembly (literal-scan.wat, as `npm run build`
// assembles it), find the same hits: on every case log, and on inputs made of the escape sequences both step over.

import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileKnowledgeBase } from '../src/diagnose/engine.ts';
import { MAX_WASM_TEXT } from '../src/diagnose/literal-scan-wasm.ts';
import type { LiteralScanner } from '../src/diagnose/literal-scanner.ts';
import { RULE_GROUPS } from '../src/kb/rules/index.ts';
import { prng } from '../scripts/gen-log.mjs';
import { caseFiles, KB, ruleFolders } from './helpers/cases.ts';
import { tempDir } from './helpers/temp.ts';

const wasmModule = new WebAssembly.Module(readFileSync(new URL('../dist/literal-scan.wasm', import.meta.url)));
const wasmKb = compileKnowledgeBase(Object.values(RULE_GROUPS).flat(), KB.scanner.compiled(), wasmModule);

/** Every hit, one after another, as the engine asks for them (the next search starts after the hit's line). */
function hits(find: (from: number, to: number) => number, buf: Uint8Array): number[] {
  const out: number[] = [];
  for (let pos = 0; pos < buf.length; ) {
    const hit = find(pos, buf.length);
    if (hit < 0) break;
    out.push(hit);
    const nl = buf.indexOf(10, hit);
    pos = nl < 0 ? buf.length : nl + 1;
  }
  return out;
}

const jsHits = (scanner: LiteralScanner, buf: Uint8Array) => hits((from, to) => scanner.find(buf, from, to), buf);
const wasmHits = (buf: Uint8Array) => hits(wasmKb.scanner.over(buf), buf);

test('the WebAssembly loop is in use and finds what the JavaScript loop finds in every case log', () => {
  assert.ok(wasmKb.scanner.usesWasm);
  assert.ok(!KB.scanner.usesWasm);
  let total = 0;
  for (const folder of ruleFolders()) {
    for (const c of caseFiles(folder.dir)) {
      const buf = readFileSync(c.path);
      const expected = jsHits(KB.scanner, buf);
      assert.deepEqual(wasmHits(buf), expected, c.path);
      total += expected.length;
    }
  }
  assert.ok(total > 1000, `only ${total} hits over all case logs`);
});

test('escape sequences cut anywhere: CSI, OSC ended by BEL, ESC \\ or a newline, ESC as the last byte', () => {
  const rand = prng(7);
  // Literals cut in two, so that a sequence between the halves must be stepped over exactly for the hit to stay.
  const halves = ['linker `c', 'c` not found', 'fatal err', 'or: ', 'openssl/s', 'sl.h', 'could not f', 'ind native static library'];
  const escapes = ['\x1b', '\x1b[', '\x1b[1;31m', '\x1b[38;5;196m', '\x1b]8;;https://x\x07', '\x1b]0;title\x1b\\', '\x1b]2;t', '\x1b\\', '\x1b(B'];
  const pieces = [...halves, ...halves, ...escapes, '\n', ' ', 'error: '];
  for (let i = 0; i < 5000; i++) {
    const text = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
    const buf = Buffer.from(text);
    assert.deepEqual(wasmHits(buf), jsHits(KB.scanner, buf), JSON.stringify(text));
  }
});

test('a text larger than the module keeps memory for is scanned in JavaScript, with the same hits', () => {
  const line = Buffer.from('warning: unused variable `x`\n');
  const big = Buffer.concat([Buffer.alloc(MAX_WASM_TEXT + 1, 0x61), line, Buffer.from('error: linker `cc` not found')]);
  const found = wasmHits(big);
  assert.deepEqual(found, jsHits(KB.scanner, big));
  assert.ok(found.length >= 1);
});

// The WebAssembly loop looks at every second position through a filter of key pieces (literal-scan.wat); these
// inputs put keys of every length (the pieces' and pairs' edge cases) at every offset, next to newlines, escape
// sequences (one swallowing a newline) and the end of the text, where the filter reads spare bytes.
test('keys of every length at every offset: the filtered loop finds what the plain automaton finds', async () => {
  const { LiteralScanner } = await import('../src/diagnose/literal-scanner.ts');
  const literals = ['Q', 'zx', 'k\\q', 'abcd', 'bcdef', 'xyzzy!', 'needle in', 'error: linker `', 'long key of many bytes', 'café ok'];
  // Keys cut in two as well, so that an escape sequence between the halves hides every piece of the key.
  const pieces = [...literals, 'ab', 'cd', 'zz', 'xyzz', 'needle', ' in', 'error: li', 'nker `', 'long key o', 'f many bytes', 'caf', 'é ok', '\n', '\n', ' ', 'a', 'y'];
  const escapes = ['\x1b[1m', '\x1b[', '\x1b[1;\n', '\x1b]0;t\x07', '\x1b'];
  const rand = prng(11);
  const sample = [Buffer.from('abcd bcdef error: linker `cc` needle in a long key of many bytes')];
  for (const tuned of [false, true]) {
    const plain = new LiteralScanner(literals);
    const filtered = new LiteralScanner(literals);
    if (tuned) filtered.tunePieces(sample);
    filtered.useWasm(wasmModule);
    assert.ok(filtered.usesWasm);
    let total = 0;
    for (let i = 0; i < 4000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(rand() * 10) }, () => (rand() < 0.1 ? escapes[Math.floor(rand() * escapes.length)] : pieces[Math.floor(rand() * pieces.length)]));
      // A leading odd-length run shifts the keys behind it off the filter's step.
      const buf = Buffer.from('x'.repeat(Math.floor(rand() * 3)) + parts.join(''));
      const expected = jsHits(plain, buf);
      assert.deepEqual(hits(filtered.over(buf), buf), expected, JSON.stringify(buf.toString()));
      total += expected.length;
    }
    assert.ok(total > 2000, `only ${total} hits`);
  }
});

test('keys of 3 and 4 bytes: every pair of covers they can choose finds what the plain automaton finds', async () => {
  const { LiteralScanner } = await import('../src/diagnose/literal-scanner.ts');
  // a 3-byte and a 4-byte key, beside a long one whose walks hand back to the filter at either parity
  const literals = ['@: ', '.go:', 'error: linker `'];
  const parts = [...literals, '@', ': ', '.g', 'o:', 'go', '.', ':', 'error: li', 'x', 'xx', '\x1b[1m', '\n'];
  const rand = prng(5);
  const texts = Array.from({ length: 3000 }, () =>
    Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 12) }, () => parts[Math.floor(rand() * parts.length)]).join('')),
  );
  const plain = new LiteralScanner(literals);
  // 2 x 2 covers of a 3-byte key, 2 x 3 of a 4-byte one (shortCovers in literal-scanner.ts)
  for (let three = 0; three < 4; three++) {
    for (let four = 0; four < 6; four++) {
      const stored = { ...plain.compiled(), pieces: [three, four, 0], filter: undefined };
      const filtered = new LiteralScanner(literals, stored);
      assert.deepEqual(filtered.compiled().pieces, [three, four, 0]);
      filtered.useWasm(wasmModule);
      assert.ok(filtered.usesWasm);
      for (const buf of texts) assert.deepEqual(hits(filtered.over(buf), buf), jsHits(plain, buf), `covers ${three}, ${four}: ${JSON.stringify(buf.toString())}`);
    }
  }
});

test('a stored automaton keeps the pieces it was tuned with, and a malformed list of pieces is not used', async () => {
  const { LiteralScanner, decodeAutomaton, encodeAutomaton } = await import('../src/diagnose/literal-scanner.ts');
  const literals = ['error: linker `', 'could not compile', 'Killed'];
  const tuned = new LiteralScanner(literals);
  tuned.tunePieces([Buffer.from('error: linker error: linker error: could not could not')]);
  const stored = decodeAutomaton(encodeAutomaton(tuned.compiled()))!;
  assert.deepEqual(new LiteralScanner(literals, stored).compiled().pieces, tuned.compiled().pieces);
  const bad = { ...stored, pieces: stored.pieces!.map(() => 99) };
  const rebuilt = new LiteralScanner(literals, bad);
  assert.notDeepEqual(rebuilt.compiled().pieces, bad.pieces);
  rebuilt.useWasm(wasmModule);
  const text = Buffer.from('ok\nerror: linker `cc` not found\nKilled\n');
  assert.deepEqual(hits(rebuilt.over(text), text), jsHits(new LiteralScanner(literals), text));
});

test('a stored automaton read from disk is scanned where it was read to, finds the same hits, and a cut file is refused', async () => {
  const { LiteralScanner, encodeAutomaton, decodeAutomaton } = await import('../src/diagnose/literal-scanner.ts');
  const { readStoredAutomaton } = await import('../src/diagnose/diagnose.ts');
  const { scanLayout } = await import('../src/diagnose/literal-scan-wasm.ts');
  const literals = ['error: linker `', 'could not compile', 'Killed', 'fatal error: ', 'café ok'];
  const tuned = new LiteralScanner(literals);
  tuned.tunePieces([Buffer.from('error: linker error: linker fatal error: fatal')]);
  const bytes = encodeAutomaton(tuned.compiled());
  const dir = tempDir('bm-automaton-');
  const text = Buffer.from('ok\nerror: linker `cc` not found\n\x1b[1mKilled\x1b[0m\nx café ok\nfatal error: a.h\n');
  const expected = jsHits(new LiteralScanner(literals), text);
  try {
    const path = join(dir, 'kb-automaton.bin');
    writeFileSync(path, bytes);
    const stored = readStoredAutomaton(path, wasmModule);
    assert.ok(stored?.memory, 'read into a scan memory');
    assert.deepEqual(stored.pieces, tuned.compiled().pieces);
    const scanner = new LiteralScanner(literals, stored);
    scanner.useWasm(wasmModule);
    assert.deepEqual(hits(scanner.over(text), text), expected);
    // In place: the text went into the memory the file was read into, behind the table.
    const { textAt } = scanLayout(stored.filter!.grams.length, stored.table.byteLength);
    assert.deepEqual(Buffer.from(stored.memory.buffer, textAt, text.length), text);
    // A second scanner on the same memory copies instead of sharing the text's room.
    const second = new LiteralScanner(literals, stored);
    second.useWasm(wasmModule);
    const other = Buffer.from('Killed\n');
    assert.deepEqual(hits(second.over(other), other), [5]);
    assert.deepEqual(Buffer.from(stored.memory.buffer, textAt, text.length), text);
    // Without the module: the same automaton in ordinary memory, and the JavaScript loop.
    const plain = readStoredAutomaton(path, null);
    assert.equal(plain?.memory, undefined);
    assert.deepEqual(jsHits(new LiteralScanner(literals, plain), text), expected);
    assert.deepEqual(decodeAutomaton(bytes)?.table, stored.table);
    writeFileSync(path, bytes.subarray(0, bytes.length - 1));
    assert.equal(readStoredAutomaton(path, wasmModule), null);
    assert.equal(readStoredAutomaton(join(dir, 'missing.bin'), wasmModule), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('newlines and over-long lines are counted alike in WebAssembly and JavaScript, from any offset', () => {
  const rand = prng(5);
  for (let i = 0; i < 500; i++) {
    const runs = Array.from({ length: 1 + Math.floor(rand() * 30) }, () => 'y'.repeat(Math.floor(rand() * (rand() < 0.2 ? 90 : 12))));
    const buf = Buffer.from(runs.join('\n') + (rand() < 0.5 ? '\n' : ''));
    const from = Math.floor(rand() * Math.min(20, buf.length));
    const to = buf.length - Math.floor(rand() * Math.min(20, buf.length - from));
    const cap = 16 + Math.floor(rand() * 70);
    wasmKb.scanner.over(buf);
    const inWasm = wasmKb.scanner.countLines(buf, from, to, cap);
    assert.deepEqual(inWasm, KB.scanner.countLines(buf, from, to, cap), JSON.stringify({ text: buf.toString(), from, to, cap }));
  }
  // A text the module does not hold is counted in JavaScript.
  const other = Buffer.from('a\nbb\n' + 'c'.repeat(50) + '\n');
  assert.deepEqual(wasmKb.scanner.countLines(other, 0, other.length, 20), { lines: 3, long: 1 });
});
