// The one function that changes file text: edits apply in position order and never overlap.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyEdits } from '../src/project/text-edits.ts';

const toml = '[dependencies]\r\nclap = "4"   # CLI\r\nserde = "1"\r\n';

test('edits apply at their offsets whatever order they come in, keeping comments and CRLF', () => {
  const start = toml.indexOf('"4"');
  const out = applyEdits(toml, [
    { file: 'Cargo.toml', start: toml.length, end: toml.length, text: 'tokio = "1"\r\n' },
    { file: 'Cargo.toml', start, end: start + 3, text: '{ version = "4", features = ["env"] }' },
  ]);
  assert.equal(out, '[dependencies]\r\nclap = { version = "4", features = ["env"] }   # CLI\r\nserde = "1"\r\ntokio = "1"\r\n');
});

test('overlapping edits and ambiguous insertions are refused', () => {
  assert.throws(() => applyEdits(toml, [{ file: 'Cargo.toml', start: 0, end: 10, text: 'a' }, { file: 'Cargo.toml', start: 5, end: 12, text: 'b' }]), { code: 'fix-conflict' });
  assert.throws(() => applyEdits(toml, [{ file: 'Cargo.toml', start: 3, end: 3, text: 'a' }, { file: 'Cargo.toml', start: 3, end: 3, text: 'b' }]), { code: 'fix-conflict' });
  assert.throws(() => applyEdits(toml, [{ file: 'Cargo.toml', start: 0, end: toml.length + 1, text: '' }]), { code: 'fix-invalid' });
});

test('no edits, no change', () => {
  assert.equal(applyEdits(toml, []), toml);
});
