// Hostile input found by this session's independent attack run (attack2): what a log, a project or an argument
// carries must not drive the reader's terminal, act as a workflow command on stderr, leak a secret glued to a flag or
// percent-encoded, or become a shell command buildmedic advises running; a pyproject.toml every build backend rejects
// is not a clean project.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { redactText } from '../src/report/redact.ts';
import { jobLogSafe, jsonTerminalSafe, terminalSafe } from '../src/report/terminal-safe.ts';
import { renderGitlabSections } from '../src/report/gitlab.ts';
import { tempDir } from './helpers/temp.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const scratch = tempDir('bm-hostile-output-');
after(() => rmSync(scratch, { recursive: true, force: true }));

function cli(args: string[], env: NodeJS.ProcessEnv = {}, input?: string) {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'CI']) delete clean[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...clean, ...env }, input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A terminal control other than colour, tab and newline: C0 (CR included), DEL, C1 (CSI U+009B, OSC U+009D, NEL
// U+0085), any other ESC sequence.
const CONTROL = /[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]|\x1b(?!\[[0-9;]*m)/;
// GitLab's section markers, which buildmedic writes itself in the gitlab format.
const GITLAB_MARKER = /\x1b\[0Ksection_(?:start|end):\d+:[A-Za-z0-9_.-]+(?:\[collapsed=true\])?\r\x1b\[0K/g;
const withoutMarkers = (text: string) => text.replace(GITLAB_MARKER, '');

test('terminalSafe keeps colour, tab and newline, and removes OSC, CSI, C1, BEL, BS and CR', () => {
  assert.equal(terminalSafe('a \x1b[1mbold\x1b[0m\tb\nc'), 'a \x1b[1mbold\x1b[0m\tb\nc');
  assert.equal(terminalSafe('cc\u009b2J\u009b31m\u009d52;c;QUFB\u0007\b\bx'), 'ccx');
  assert.equal(terminalSafe('t\x1b]0;title\x07u\x1b]52;c;Y2xpcA==\x1b\\v'), 'tuv');
  assert.equal(terminalSafe('\x1b[2J\x1b[Hclear\rline\u0085next'), 'clearlinenext');
  // Bidi overrides and isolates would show a quoted line in another order than it is.
  assert.equal(terminalSafe('error: linker `cc\u202e\u2066 ton si dnammoc` x'), 'error: linker `cc ton si dnammoc` x');
  // CR ESC[0K erases the line shown before it, also after text that looks like a GitLab marker.
  assert.equal(terminalSafe('curl x | sh # section_start:1:a\r\x1b[0KRUN echo ok'), 'curl x | sh # section_start:1:aRUN echo ok');
  const json = jsonTerminalSafe(JSON.stringify({ v: 'x\u009by\u0085z' }));
  assert.ok(!/[\u0080-\u009f]/.test(json));
  assert.equal(JSON.parse(json).v, 'x\u009by\u0085z');
});

test('a GitLab job log keeps only the section markers buildmedic writes: one forged in the content is inert', () => {
  const forged = 'RUN curl x | sh\x1b[0Ksection_end:1:buildmedic_scan\r\x1b[0K\x1b[0Ksection_start:1:fake\r\x1b[0Kall good';
  const log = jobLogSafe(renderGitlabSections([{ name: 'buildmedic_scan', header: `scan \r\x1b[0K${forged}`, body: forged, collapsed: false }], 1700000000));
  assert.deepEqual(log.match(GITLAB_MARKER), ['\x1b[0Ksection_start:1700000000:buildmedic_scan\r\x1b[0K', '\x1b[0Ksection_end:1700000000:buildmedic_scan\r\x1b[0K']);
  assert.ok(!CONTROL.test(withoutMarkers(log)), JSON.stringify(log));
  // Outside the gitlab format no marker survives at all.
  assert.ok(!CONTROL.test(terminalSafe(log)));
});

test('controls in a captured linker name reach no output format of diagnose', () => {
  const log = join(scratch, 'linker.log');
  writeFileSync(log, '   Compiling demo v0.1.0 (/app)\nerror: linker `cc\u009b2J\u009d52;c;QUFB\u0007\b\bx\x1b]0;PWN\x07` not found\n  |\n  = note: No such file or directory (os error 2)\n\nerror: could not compile `demo` (bin "demo") due to 1 previous error\n');
  for (const format of ['text', 'markdown', 'github', 'gitlab', 'json']) {
    const r = cli(['diagnose', '--format', format, log]);
    assert.ok(r.status === 1, `${format}: exit ${r.status} ${r.stderr}`);
    const out = format === 'gitlab' ? withoutMarkers(r.stdout) : r.stdout;
    assert.ok(!CONTROL.test(out), `${format} prints a terminal control: ${JSON.stringify(out.match(CONTROL))}`);
  }
  // Report files: HTML, SARIF, Code Quality, and the GitHub job summary.
  const files = { html: join(scratch, 'r.html'), sarif: join(scratch, 'r.sarif'), codequality: join(scratch, 'cq.json'), summary: join(scratch, 'summary.md') };
  const r = cli(['diagnose', '--format', 'github', '--html', files.html, '--sarif', files.sarif, '--codequality', files.codequality, log], { GITHUB_STEP_SUMMARY: files.summary });
  assert.equal(r.status, 1, r.stderr);
  for (const [name, path] of Object.entries(files)) assert.ok(!CONTROL.test(readFileSync(path, 'utf8')), `${name} holds a terminal control`);
});

test('explain with a hostile id: no terminal control on stderr, and under GitHub Actions no workflow command outside a fence', () => {
  const id = 'x\n::error title=PWN::forged\n\u0085::add-mask::PWNEX\n##[set-env name=PWN;]1\x1b]52;c;UFdO\x07';
  const plain = cli(['explain', id]);
  assert.equal(plain.status, 2);
  assert.ok(!CONTROL.test(plain.stderr), JSON.stringify(plain.stderr));
  const gha = cli(['explain', id], { GITHUB_ACTIONS: 'true' });
  assert.equal(gha.status, 2);
  const lines = gha.stderr.split('\n');
  const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
  const token = stop >= 0 ? lines[stop].slice('::stop-commands::'.length) : null;
  const resume = token ? lines.indexOf(`::${token}::`) : -1;
  assert.ok(stop >= 0 && resume > stop, `stderr is not fenced: ${JSON.stringify(gha.stderr)}`);
  const outside = lines.filter((l, i) => (i < stop || i > resume) && /^::|^##\[/.test(l));
  assert.deepEqual(outside, []);
});

test('a secret glued to a flag or with a percent-encoded key is masked', () => {
  assert.equal(redactText('/usr/bin/ld: cannot find -lAKIAZ7Q3L5XK2M4N6P8R: No such file'), '/usr/bin/ld: cannot find -lAKIA***: No such file');
  assert.equal(redactText('failed to download from `https://r.example/dl?access%5Ftoken=SECRET123`'), 'failed to download from `https://r.example/dl?access%5Ftoken=***`');
  // Near misses: a longer run of capitals is no key, and an ordinary query parameter stays.
  assert.equal(redactText('ZAKIAZ7Q3L5XK2M4N6P8R0 stays'), 'ZAKIAZ7Q3L5XK2M4N6P8R0 stays');
  assert.equal(redactText('https://crates.io/api/v1/crates?page=2&per_page=10'), 'https://crates.io/api/v1/crates?page=2&per_page=10');
});

test('a feature name from a log that Cargo would refuse never reaches the cargo add command buildmedic advises', () => {
  const log = join(scratch, 'feature.log');
  const rustc = (feature: string) => `error[E0432]: unresolved import \`rand::rngs::StdRng\`\n --> src/main.rs:1:5\n  |\n1 | use rand::rngs::StdRng;\n  |     ^^^^^^^^^^^^^^^^^^ no \`StdRng\` in \`rngs\`\n  |\nnote: found an item that was configured out\n --> /root/.cargo/registry/src/index.crates.io-6f17d22bba15001f/rand-0.8.5/src/rngs/mod.rs:112:25\n  |\n112 | pub use self::std::StdRng;\n  |                    ^^^^^^\n  = note: the item is gated behind the \`${feature}\` feature\n\nerror: could not compile \`app\` (bin "app") due to 1 previous error\n`;
  writeFileSync(log, rustc('std$(touch /tmp/PWNED)'));
  const r = cli(['diagnose', log]);
  assert.match(r.stdout, /crate-feature-missing/);
  assert.ok(!/cargo add[^\n]*\$\(/.test(r.stdout), 'the payload is in a cargo add command');
  // The near miss: a name Cargo accepts still gets its command.
  writeFileSync(log, rustc('std_rng'));
  assert.match(cli(['diagnose', log]).stdout, /cargo add rand --features std_rng/);
});

test('a pyproject.toml with a BOM or bytes that are not UTF-8 is not a clean project: scan exits 2 and says why', () => {
  const dir = mkdtempSync(join(scratch, 'py-'));
  for (const [bytes, why] of [[Buffer.from('\xef\xbb\xbf[project]\nname = "x"\n', 'latin1'), /byte-order mark/], [Buffer.from('[project]\nname = "x\xff\xfe"\n', 'latin1'), /not UTF-8, first at line 2/]] as const) {
    writeFileSync(join(dir, 'pyproject.toml'), bytes);
    const r = cli(['scan', dir]);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, why);
  }
  writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "x"\n');
  assert.equal(cli(['scan', dir]).status, 0);
});
