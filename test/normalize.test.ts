// Log decorations real logs arrive with are removed without moving line numbers.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { cleanText, displayLine, normalizeLine } from '../src/diagnose/normalize.ts';

const text = (raw: string) => normalizeLine(raw).text;

test('ANSI colour from cargo with CARGO_TERM_COLOR=always', () => {
  assert.equal(text('\x1b[1m\x1b[91merror\x1b[0m\x1b[1m: linker `cc` not found\x1b[0m'), 'error: linker `cc` not found');
});

test('colour codes whose ESC byte was lost in a paste', () => {
  assert.equal(text('[1m[91merror[0m[1m: linker `cc` not found[0m'), 'error: linker `cc` not found');
});

test('BuildKit plain progress prefix', () => {
  assert.equal(text('#12 3.456 error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('#7 [builder 4/9] RUN cargo build --release'), '[builder 4/9] RUN cargo build --release');
});

test('GitHub Actions timestamps and workflow markers', () => {
  assert.equal(text('2024-05-01T12:34:56.7890123Z ##[error]Process completed with exit code 101.'), 'Process completed with exit code 101.');
  assert.equal(text('2024-05-01T12:34:56.7890123Z    Compiling libc v0.2.139'), 'Compiling libc v0.2.139');
});

test("pip's subprocess boxes keep their content", () => {
  assert.equal(text('  │ exit code: 1'), 'exit code: 1');
  assert.equal(text('  ╰─> [9 lines of output]'), '[9 lines of output]');
  assert.equal(text('  × python setup.py bdist_wheel did not run successfully.'), 'python setup.py bdist_wheel did not run successfully.');
});

test('markdown quoting of a pasted log, nested with a timestamp', () => {
  assert.equal(text('> error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('> 2024-05-01T12:34:56Z error: could not compile `foo`'), 'error: could not compile `foo`');
});

test('carriage-return progress redraws and CRLF', () => {
  assert.equal(text('Downloading 10%\rDownloading 55%\rDownloaded 100%'), 'Downloaded 100%');
  assert.equal(text('error: linker `cc` not found\r'), 'error: linker `cc` not found');
});

test('HTML entities from logs copied out of a web page', () => {
  assert.equal(text('note: &#39;uint64_t&#39; is defined in header &#39;&lt;cstdint&gt;&#39;'), "note: 'uint64_t' is defined in header '<cstdint>'");
});

test('cleanText never adds or removes a newline', () => {
  const raw = '\x1b[1mone\x1b[0m\n&lt;two&gt;\n\n[0mthree\x1b]0;title\x07\n';
  assert.equal(cleanText(raw).split('\n').length, raw.split('\n').length);
});

test('indentation is reported, and kept for display', () => {
  assert.deepEqual(normalizeLine('      error: command failed'), { text: 'error: command failed', indent: 6 });
  assert.equal(displayLine('#3 0.2   --- stderr'), '  --- stderr');
});

test('Windows paths survive untouched', () => {
  assert.equal(text('error: linker `link.exe` not found at C:\\Users\\me\\proj'), 'error: linker `link.exe` not found at C:\\Users\\me\\proj');
});

test("nix's indented builder-log tail", () => {
  assert.equal(text('       > error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('  --> src/main.rs:2:9'), '--> src/main.rs:2:9');
});
