// Property tests over random and mutated logs: the whole pipeline (chunker, scanner, engine, ranking) never
// throws, its JSON always matches the published schema, chunking never changes the result, memory stays bounded.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv from 'ajv';
import { Diagnoser } from '../src/diagnose/engine.ts';
import { ByteLineChunker } from '../src/diagnose/read-log.ts';
import { prng } from '../scripts/gen-log.mjs';
import { caseFiles, KB, ruleFolders } from './helpers/cases.ts';

const schema = JSON.parse(readFileSync(new URL('../docs/diagnosis.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const realLogs = ruleFolders()
  .flatMap((f) => caseFiles(f.dir))
  .map((c) => readFileSync(c.path));

/** Runs bytes through the reader's chunker in pieces of random size, as a pipe would deliver them. */
function diagnoseInPieces(bytes: Buffer, rand: () => number) {
  const d = new Diagnoser(KB, { hostPlatform: 'debian' });
  const chunker = new ByteLineChunker(d);
  for (let pos = 0; pos < bytes.length; ) {
    const n = 1 + Math.floor(rand() * 4096);
    chunker.push(bytes.subarray(pos, pos + n));
    pos += n;
  }
  chunker.end();
  return d.finish();
}

function mutate(rand: () => number): Buffer {
  const pick = () => realLogs[Math.floor(rand() * realLogs.length)];
  const kind = Math.floor(rand() * 5);
  if (kind === 0) return Buffer.from(Array.from({ length: Math.floor(rand() * 20000) }, () => Math.floor(rand() * 256)));
  if (kind === 1) {
    // two real logs spliced at random byte offsets (may cut UTF-8 characters and escape sequences)
    const a = pick();
    const b = pick();
    return Buffer.concat([a.subarray(0, Math.floor(rand() * a.length)), b.subarray(Math.floor(rand() * b.length))]);
  }
  if (kind === 2) {
    // a real log with random bytes flipped
    const log = Buffer.from(pick());
    for (let i = 0; i < 1 + rand() * 50; i++) log[Math.floor(rand() * log.length)] = Math.floor(rand() * 256);
    return log;
  }
  if (kind === 3) {
    // pathological repetitions of fragments the patterns look for
    const fragments = ['error: ', '\x1b[1m', '`', "'", 'error[E0599]: ', 'cannot find -l', '#12 3.4 ', '\r', '│ ', '&lt;', '[0m', ' '.repeat(50), '(((', 'a'.repeat(100)];
    return Buffer.from(Array.from({ length: 2000 }, () => fragments[Math.floor(rand() * fragments.length)] + (rand() < 0.1 ? '\n' : '')).join(''));
  }
  // a real log decorated the ways pasted logs are
  return Buffer.from(
    pick()
      .toString('utf8')
      .split('\n')
      .map((l, i) => (i % 3 === 0 ? `2024-01-01T00:00:0${i % 10}.123Z ${l}` : i % 3 === 1 ? `#7 ${i}.0 ${l}` : `> ${l}`))
      .join('\r\n'),
  );
}

test('random and mutated logs: no crash, schema-valid JSON, evidence within the input, chunking-independent', () => {
  const rand = prng(20261122);
  for (let i = 0; i < 300; i++) {
    const input = mutate(rand);
    const whole = diagnoseInPieces(input, () => 1);
    const pieces = diagnoseInPieces(input, rand);
    const json = JSON.parse(JSON.stringify(pieces));
    assert.ok(validate(json), `case ${i}: ${JSON.stringify(validate.errors)}`);
    assert.deepEqual(pieces, whole, `case ${i}: chunking changed the result`);
    for (const f of pieces.findings) for (const e of f.evidence) assert.ok(e.line >= 1 && e.line <= pieces.input.lines, `case ${i}: evidence line ${e.line} outside 1..${pieces.input.lines}`);
    if (pieces.rootCause) assert.equal(pieces.outcome, 'failed');
  }
});

test('memory stays bounded when every line is a candidate', () => {
  // Every line matches some literal and marker: the worst case for what the engine keeps.
  const lines = ['error: linker `cc` not found', 'error: could not compile `x`', '#5 [builder 1/4] FROM rust:1.79-alpine', 'Finished `dev` profile [unoptimized] target(s) in 1s'];
  const block = Buffer.from(`${Array.from({ length: 10_000 }, (_, i) => `${lines[i % lines.length]} ${i}`).join('\n')}\n`);
  const d = new Diagnoser(KB, { hostPlatform: 'debian' });
  const chunker = new ByteLineChunker(d);
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 20; i++) chunker.push(block);
  chunker.end();
  const result = d.finish();
  const grown = (process.memoryUsage().heapUsed - before) / 1048576;
  assert.equal(result.input.lines, 200_000);
  assert.ok(result.consequences.length <= 30);
  assert.ok(result.findings.every((f) => f.evidence.length <= 6));
  assert.ok(grown < 64, `heap grew by ${grown.toFixed(1)} MiB over 200,000 candidate lines`);
});
