// The bundle's ASCII rewrite (scripts/ascii-source.mjs): the same values and matches, or no rewrite at all.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { asciiSource } from '../scripts/ascii-source.mjs';

const SAMPLE = [
  '// ld a retourné le statut de sortie 1',
  'const strings = ["Ошибка 2", "错误：", "🍹"];',
  'const plain = /Fehler|Ошибка|エラー/;',
  'const unicode = /builder for ‘[^’]+’ failed|^✖ |🍹$/u;',
  'const classes = /[à-ÿ🍹]/;',
  '/* «block» */ const café = 1;',
  '({ strings, flags: [plain.flags, unicode.flags],',
  '  matches: ["Ошибка", "builder for ‘x’ failed", "✖ x", "a🍹", "é", "\\ud83c"].map((s) => [plain.test(s), unicode.test(s), classes.test(s)]),',
  '  café })',
].join('\n');

test('the rewrite is ASCII and the code means the same', () => {
  const ascii = asciiSource(SAMPLE);
  assert.ok(ascii !== null);
  assert.match(ascii, /^[\x00-\x7f]*$/);
  // (as JSON: each run has a context of its own, whose objects have its own prototypes)
  assert.equal(JSON.stringify(runInNewContext(ascii)), JSON.stringify(runInNewContext(SAMPLE)));
});

test('an escape that could change the meaning leaves the source alone', () => {
  // after a backslash the escape would be escaped itself
  assert.equal(asciiSource('const s = "\\é";'), null);
  // a line separator ends a // comment; escaped, the comment would run on over the code
  assert.equal(asciiSource('// a\u2028const x = 1;'), null);
  // white space between tokens cannot be an escape
  assert.equal(asciiSource('const\u00a0x = 1;'), null);
});

test('an ASCII source comes back as it is', () => {
  assert.equal(asciiSource('const x = "a";\n'), 'const x = "a";\n');
});
