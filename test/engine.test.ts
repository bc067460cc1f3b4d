// The engine's streaming contract: chunking never changes the result, line numbers are the input's, and the
// outcome follows the last terminal marker.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Diagnoser, diagnoseText, lineSignature, REMEMBERED_LINES } from '../src/diagnose/engine.ts';
import { KB } from './helpers/cases.ts';

const LINKER_LOG = readFileSync(new URL('../src/kb/rules/toolchain/linker-not-found/cases/fail-cargo-hello-no-cc.log', import.meta.url), 'utf8');

function feedLines(text: string, perChunk: number) {
  const d = new Diagnoser(KB, { hostPlatform: 'debian' });
  const lines = text.replace(/\n$/, '').split('\n');
  for (let i = 0; i < lines.length; i += perChunk) d.feed(lines.slice(i, i + perChunk).join('\n'));
  return d.finish();
}

test('feeding a log line by line gives the same diagnosis as feeding it whole', () => {
  const whole = diagnoseText(KB, LINKER_LOG, { hostPlatform: 'debian' });
  for (const n of [1, 2, 3, 7]) assert.deepEqual(feedLines(LINKER_LOG, n), whole);
});

test('evidence keeps the line numbers of the original input, with decorations removed', () => {
  const decorated = LINKER_LOG.split('\n').map((l) => (l ? `2024-05-01T12:00:00.0000000Z \x1b[1m${l}\x1b[0m` : l)).join('\n');
  const d = diagnoseText(KB, `\n\n${decorated}`, { hostPlatform: 'debian' });
  assert.equal(d.rootCause, 'linker-not-found');
  assert.deepEqual(d.findings[0].evidence, [{ line: 5, text: 'error: linker `cc` not found' }]);
});

test('a successful build after a failed attempt is a success, with no root cause', () => {
  const d = diagnoseText(KB, `${LINKER_LOG}\n$ apt-get install -y build-essential\n$ cargo build\n   Compiling hello v0.1.0\n    Finished \`dev\` profile [unoptimized + debuginfo] target(s) in 0.5s\n`);
  assert.equal(d.outcome, 'succeeded');
  assert.equal(d.rootCause, null);
  assert.deepEqual(d.findings, []);
});

test('a failure no rule knows gives no root cause, and the first real error block as excerpt', () => {
  const log = ['   Compiling app v0.1.0', 'error: some tool exploded in a new way', '  detail one', '', 'error: could not compile `app` (bin "app") due to 1 previous error'].join('\n');
  const d = diagnoseText(KB, log);
  assert.equal(d.outcome, 'failed');
  assert.equal(d.rootCause, null);
  assert.equal(d.excerpt?.startLine, 1);
  assert.ok(d.excerpt?.lines.includes('error: some tool exploded in a new way'));
  assert.deepEqual(d.consequences.map((c) => c.line), [5]);
});

test('a short paste is shown whole: its decisive line may precede the first recognised error by more than the lines kept before it', () => {
  // the first line is a reporter's inline-code quoting, so no marker anchors on it; the first recognised error is line 7
  const log = ['`error: could not find native static library `frob`, perhaps an -L flag is missing?', '', 'error: aborting due to previous error', '', 'error: could not compile `frob-sys` due to 2 previous errors', 'warning: build failed, waiting for other jobs to finish...', 'error: build failed'].join('\n');
  const d = diagnoseText(KB, `${log}\n`);
  assert.equal(d.excerpt?.startLine, 1);
  assert.ok(d.excerpt?.lines[0].includes('could not find native static library'));
  // a long log still gets the block around its first error
  const long = diagnoseText(KB, `${Array.from({ length: 40 }, (_, i) => `step ${i}`).join('\n')}\nerror: some tool exploded in a new way\n`);
  assert.equal(long.excerpt?.startLine, 38);
});

test('autoconf, node-pre-gyp and Heroku failure lines mark a failure, so the paste gets an excerpt', () => {
  const lines = [
    'configure: error: C compiler cannot create executables',
    'node-pre-gyp ERR! Pre-built binaries not found for sqlite3@3.1.13 and node@12.18.2 (node-v72 ABI) (falling back to source compile with node-gyp)',
    "remote:  !     Push failed: command='release-slug-callback' exit_status=1",
    'remote: !   Push rejected to myapp.',
  ];
  for (const line of lines) {
    const d = diagnoseText(KB, `checking things... yes\n${line}\n`);
    assert.equal(d.outcome, 'failed', line);
    assert.ok(d.excerpt?.lines.some((l) => l.includes(line.replace(/^remote:\s+/, '').slice(0, 20))), line);
  }
  assert.equal(diagnoseText(KB, 'node-pre-gyp ERR! Tried to download(404): https://example.org/x.tar.gz\ngyp info ok \n').outcome, 'succeeded');
});

// Real output of each tool, broken on purpose (test/fixtures/failure-markers/README.md): the decisive line a reader
// needs, which no rule explains, so only a failure marker puts it in front of the reader.
const MARKER_LOGS: readonly [file: string, decisive: string][] = [
  ['gnu-make-no-rule.log', "make: *** No rule to make target 'build.h', needed by 'all'.  Stop."],
  ['gnu-make-separator.log', 'Makefile:2: *** missing separator.  Stop.'],
  ['bmake-gnu-makefile.log', 'line 1: Missing dependency operator'],
  ['bmake-no-rule.log', "bmake: don't know how to make arch.c. Stop"],
  ['ninja-no-manifest.log', "ninja: error: loading 'build.ninja': No such file or directory"],
  ['meson-syntax.log', 'meson.build:2:19: ERROR: Expecting eol got id.'],
  ['bash-configure-macro.log', "./configure: line 3: `PKG_CHECK_MODULES(X11, x11)'"],
  ['bash-no-such-file.log', 'bash: line 1: ./nothere: No such file or directory'],
  ['autoreconf.log', "automake: error: no 'Makefile.am' found for any configure output"],
  ['config-status.log', "config.status: error: cannot find input file: `Makefile.in'"],
  ['cython.log', "bad.pyx:3:25: Cannot assign type 'size_t' to 'const char *'"],
  ['java-exception.log', 'Caused by: java.io.IOException: Cannot run program "cargo-not-installed": error=2, No such file or directory'],
  ['java-logging-severe.log', 'SEVERE: native library build failed: rustup not found in PATH'],
  ['node-gyp-no-binding.log', 'gyp: binding.gyp not found (cwd: /tmp/t/ng) while trying to load binding.gyp'],
  ['ruby-extconf-raise.log', "extconf.rb:3:in `<main>': missing API: are you using ruby 9.9+? (RuntimeError)"],
  ['bash-script-path-missing.log', '/tmp/t/swiftenv/shims/tool: line 2: /tmp/t/swiftenv/libexec/../libexec/tool: No such file or directory'],
];

/** The log is a failure, and the excerpt a reader gets shows its decisive line. */
function assertFailureShown(what: string, log: string, decisive: string): void {
  const d = diagnoseText(KB, log);
  assert.equal(d.outcome, 'failed', what);
  assert.ok(d.excerpt?.lines.some((l) => l.includes(decisive)), `${what}: ${JSON.stringify(d.excerpt)}`);
}

test('make, bmake, ninja, meson, bash, autotools, Cython, JVM, gyp and Ruby failure lines mark a failure whose excerpt shows the decisive line', () => {
  for (const [file, decisive] of MARKER_LOGS) assertFailureShown(file, readFileSync(new URL(`./fixtures/failure-markers/${file}`, import.meta.url), 'utf8'), decisive);
});

test("the excerpt of a node-gyp failure starts at gyp's own error, not at npm's summary after it", () => {
  const gyp = readFileSync(new URL('./fixtures/failure-markers/node-gyp-no-binding.log', import.meta.url), 'utf8');
  const log = `${gyp}npm ERR! code 1\nnpm ERR! path /tmp/t/ng\nnpm ERR! command failed\n`;
  const gypLine = log.split('\n').findIndex((l) => l.startsWith('gyp: ')) + 1;
  assert.equal(diagnoseText(KB, log).excerpt?.startLine, gypLine - 3);
});

test("GNU ld's relocation it does not know is a failure line (an archive built by newer binutils: gozstd#71's line)", () => {
  const line = "/usr/bin/ld: /root/go/pkg/mod/github.com/valyala/gozstd@v1.22.0/libzstd_linux_amd64.a(zstd_compress_literals.o): unrecognized relocation (0x2a) in section `.text'";
  const d = diagnoseText(KB, `${line}\n`);
  assert.equal(d.outcome, 'failed');
  assert.ok(d.excerpt?.lines.includes(line), JSON.stringify(d.excerpt));
  assert.equal(diagnoseText(KB, '/usr/bin/ld: warning: x.o: missing .note.GNU-stack section implies executable stack\n').outcome === 'failed', false);
});

test('pasted make lines keep their marker (also cut before make\'s name); flyctl\'s deploy failure is a failure', () => {
  for (const line of ["`make: *** No rule to make target `.git/HEAD', needed by `version.h'.  Stop.", 'make: **\\* No rule to make target \'all\'.  Stop.', '"make: *** No rule to make target \'x\'.  Stop."', " *** No rule to make target 'config.status', needed by 'default'.  Stop."]) {
    assert.equal(diagnoseText(KB, `$ make\n${line}\n`).outcome, 'failed', line);
  }
  for (const line of ['Error failed to fetch an image or build from source: error building: exit code: 1', 'Error: failed to fetch an image or build from source: app does not have a Dockerfile']) {
    const d = diagnoseText(KB, `==> Building image\n${line}\n`);
    assert.equal(d.outcome, 'failed', line);
    assert.deepEqual(d.consequences.map((c) => c.text), [line]);
  }
});

test('a paste that starts inside the failure still marks it: cargo\'s Caused-by line, a traceback\'s last line, old cargo, old pip, electron-rebuild', () => {
  const fixture = (file: string) => readFileSync(new URL(`./fixtures/failure-markers/${file}`, import.meta.url), 'utf8').split('\n');
  const cargo = fixture('cargo-build-script.log');
  const causedBy = cargo.findIndex((l) => l === 'Caused by:');
  const pastes = [
    cargo.slice(causedBy, causedBy + 2).join('\n'),
    fixture('python-exception.log').filter((l) => l.startsWith('subprocess.')).join('\n'),
    // cargo before 1.x, with no "error: " in front
    'failed to run custom build command for `magick_rust v0.4.0 (file:///src/magick-rust)`',
    'Build failed, waiting for other jobs to finish...',
    // pip <= 9
    "  Running setup.py bdist_wheel for pyyaml: finished with status 'error'",
    '✖ Rebuild Failed',
  ];
  for (const paste of pastes) assert.equal(diagnoseText(KB, `$ build\n${paste}\n`).outcome, 'failed', paste);
  assert.equal(diagnoseText(KB, "  Running setup.py bdist_wheel for pyyaml: finished with status 'done'\n").outcome, 'unknown');
});

// Lines of the natural samples (validation/natural/fresh2, fresh4) whose logs had no failure marker, so their excerpt was
// empty: each thread is cited; the lines are the tools' own.
const PASTED_FAILURES: readonly [source: string, log: string, decisive: string][] = [
  // https://github.com/bytebeamio/rumqtt/issues/674: cross (color-eyre) puts its causes under a bare "Error:"
  ['color-eyre', 'Error:\n   0: failed to parse file `"/src/Cross.toml"` as TOML\n   1: invalid type: map, expected a string for key `target.x86_64-unknown-linux-musl.image` at line 8 column 14\n', 'invalid type: map, expected a string'],
  // https://github.com/wiringX/wiringX/issues/74: make's stars escaped by GitHub's editor, after "[100%] Built target" lines
  ['make, escaped stars', "[100%] Built target wiringx_static\nRun CPack packaging tool...\nCPack Error: Cannot initialize CPack generator: DEB RPM\nMakefile:107: recipe for target 'package' failed\nmake: **\\* [package] Error 1\n", 'CPack Error: Cannot initialize CPack generator'],
  // https://github.com/golang-migrate/migrate/issues/78: the go command refuses a cgo package with CGO_ENABLED=0
  ['go package loading', 'package github.com/mattn/go-sqlite3: C source files not allowed when not using cgo or SWIG: sqlite3-binding.c\n', 'C source files not allowed'],
  // https://github.com/NixOS/nixpkgs/issues/22735: nix 1.x names the failed builder with curly quotes and no "error: "
  ['nix 1.x', "mv: missing destination file operand after '/nix/store/x-ill-fetch/registry/cache/HASH'\nTry 'mv --help' for more information.\nbuilder for ‘/nix/store/dw177b3in0rmfsx237jlzqimbjmcxrpk-ill-fetch.drv’ failed with exit code 1\n", 'mv: missing destination file operand'],
  // https://github.com/electron/electron/issues/39953: Electron Forge's listr column ("[FAILED] ") before @electron/rebuild's error
  ['listr', "node-gyp failed to rebuild 'K:\\app\\node_modules\\exe-icon-extractor'.\n\n[FAILED] For more information, rerun with the DEBUG environment variable set to \"electron-rebuild\".\n", "node-gyp failed to rebuild"],
];

test('pasted failures without a usual marker still mark a failure whose excerpt shows the decisive line', () => {
  for (const [what, log, decisive] of PASTED_FAILURES) assertFailureShown(what, log, decisive);
});

test('near misses of the new failure markers: a Ruby warning, a script line naming no path, a build that then succeeds', () => {
  for (const line of ["x.rb:3:in `foo': deprecated (Warning)", 'setup.sh: line 4: cd: build: No such file or directory', 'package foo is not in GOROOT']) {
    assert.equal(diagnoseText(KB, `step one\n${line}\n`).outcome, 'unknown', line);
  }
  assert.equal(diagnoseText(KB, 'Error:\n   0: first try failed\n[100%] Built target demo\n').outcome, 'succeeded');
});

test('near misses of the failure markers leave a log undecided', () => {
  const lines = [
    "make: Nothing to be done for 'all'.",
    'ninja: no work to do.',
    'Message: ERROR: this is printed by message() and is not an error',
    'grep: conftest.out: No such file or directory',
    'bash: /root/.bashrc: No such file or directory',
    'checking whether make supports nested variables... yes',
    'checking for aclocal... aclocal',
    'gyp info spawn args binding.gyp',
    'INFO: Error compiling Cython file is a phrase in this line',
    'Caused by:',
    'warnings.warn(DeprecationWarning: this is only a warning)',
    'Compiling error_chain v0.12.4',
  ];
  for (const line of lines) assert.equal(diagnoseText(KB, `step one\n${line}\n`).outcome, 'unknown', line);
});

test('an empty log is unknown, not a failure', () => {
  const d = diagnoseText(KB, '');
  assert.equal(d.outcome, 'unknown');
  assert.equal(d.rootCause, null);
  assert.equal(d.input.lines, 0);
});

test('a pasted fragment with only the cause line is still a diagnosed failure', () => {
  const d = diagnoseText(KB, 'collect2: fatal error: cannot find ‘ld’');
  assert.equal(d.outcome, 'failed');
  assert.equal(d.rootCause, 'linker-not-found');
});

test('the Docker stage that failed sets the platform and the Dockerfile fix', () => {
  const log = [
    '#5 [builder 1/4] FROM docker.io/library/rust:1.79-alpine@sha256:abc',
    '#9 [builder 4/4] RUN cargo build --release',
    '#9 0.512    Compiling hello v0.1.0 (/app)',
    '#9 0.901 error: linker `cc` not found',
    '#9 0.902 error: could not compile `hello` (bin "hello") due to 1 previous error',
    'ERROR: failed to solve: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
  ].join('\n');
  const d = diagnoseText(KB, log, { hostPlatform: 'debian' });
  assert.equal(d.platform.detected, 'alpine');
  assert.equal(d.platform.docker?.image, 'docker.io/library/rust:1.79-alpine@sha256:abc');
  assert.deepEqual(d.chain, ['docker build step 4/4', 'cargo', 'linker']);
  assert.equal(d.findings[0].fix.dockerfile, 'RUN apk add --no-cache build-base');
});

test("pip's 'Successfully built a' before 'Failed to build b' does not make a cut-off log a success", () => {
  const log = ['  Building wheel for b (pyproject.toml): finished with status \'error\'', '  ERROR: Failed building wheel for b', 'Successfully built a'].join('\n');
  assert.equal(diagnoseText(KB, log).outcome, 'failed');
  assert.equal(diagnoseText(KB, 'Building wheels for collected packages: a\nSuccessfully built a\n').outcome, 'succeeded');
});

test("uv's platform hint says where the build ran", () => {
  const d = diagnoseText(KB, "  hint: You're on Windows (`win_amd64`), but `torch` (v2.1.0) only has wheels for: `manylinux_2_17_x86_64`\nerror: no wheel", { hostPlatform: 'debian' });
  assert.equal(d.platform.detected, 'windows');
  assert.equal(d.platform.source, 'log');
});

test('MSVC and MSBuild output says the build ran on Windows, whatever the drive, folder or language', () => {
  const rules = new URL('../src/kb/rules/', import.meta.url);
  const cases = [
    'toolchain/msvc-missing/cases/fail-issue-corert-7521-lnk1104-kernel32.log', // banners, `LINK : fatal error LNK1104`
    'toolchain/msvc-missing/cases/fail-issue-vcpkg-42247-zh-msb8036-sdk.log', // Chinese MSBuild on D:\
    'native/system-library-not-linked/cases/fail-issue-wepoll-31-msvc-zh.log', // Chinese link.exe, no path at all
    'native/python-headers-missing/cases/fail-issue-microsoft-ell-97-visual-studio.log', // the Error List's columns
    'toolchain/msvc-missing/cases/fail-issue-vcpkg-23986-es-ctype-h.log', // Spanish cl.exe under C:\src
  ];
  for (const c of cases) {
    const d = diagnoseText(KB, readFileSync(new URL(c, rules), 'utf8'), { hostPlatform: 'debian' });
    assert.deepEqual([d.platform.detected, d.platform.source], ['windows', 'log'], c);
  }
  // Near misses: a gcc log, lld-link cross-linking for Windows from Linux (no MSVC codes), and "error C..." words.
  const linux = diagnoseText(KB, LINKER_LOG, { hostPlatform: 'debian' });
  assert.equal(linux.platform.source, 'host');
  for (const text of ["lld-link: error: could not open 'kernel32.lib': No such file or directory", 'CMake Error at CMakeLists.txt:3 (project):\n  error CMAKE_C_COMPILER not set, error C compiler missing']) {
    assert.equal(diagnoseText(KB, text, { hostPlatform: 'debian' }).platform.source, 'host', text);
  }
});

test('a message repeated many times does not push out the one line that supports it', () => {
  const repeated = Array.from({ length: 40 }, () => 'error: linker `cc` not found').join('\n');
  const d = diagnoseText(KB, `${repeated}\ncollect2: fatal error: cannot find 'ld'`);
  const f = d.findings.find((x) => x.rule === 'linker-not-found');
  assert.ok(f?.evidence.some((e) => e.text.startsWith('collect2')), JSON.stringify(f?.evidence));
});

test('a stored literal automaton is used when built from the same literals, and ignored otherwise', async () => {
  const { LiteralScanner, decodeAutomaton, encodeAutomaton } = await import('../src/diagnose/literal-scanner.ts');
  const literals = ['not found', 'cannot find', 'Killed', 'could not compile', '‘ld’'];
  const built = new LiteralScanner(literals);
  // As read from disk: a Buffer inside a larger pool, at an odd offset.
  const encoded = encodeAutomaton(built.compiled());
  const pool = Buffer.alloc(encoded.length + 3);
  pool.set(encoded, 3);
  const stored = decodeAutomaton(pool.subarray(3));
  assert.ok(stored);
  const line = Buffer.from('collect2: fatal error: cannot find ‘ld’ and more');
  assert.deepEqual([...new LiteralScanner(literals, stored).literalsIn(line, 0, line.length)].sort(), [...built.literalsIn(line, 0, line.length)].sort());
  // Another literal set: the stored automaton does not fit and is rebuilt.
  const other = new LiteralScanner(['cannot find', 'exploded'], stored);
  const boom = Buffer.from('it exploded');
  assert.equal(other.find(boom, 0, boom.length), boom.length - 1);
  assert.equal(decodeAutomaton(Buffer.from('not an automaton')), null);
});

// The engine remembers what a line's bytes decide (its text, literals and their owners) for lines up to 512 bytes;
// the same log with every line padded past that length is never remembered, and must be diagnosed alike.
test('repeated lines, remembered by their bytes, are diagnosed as if each were seen for the first time', () => {
  const block = [
    '#9 [builder 4/6] RUN cargo build --release',
    '\x1b[1m\x1b[32m    Finished\x1b[0m dev [unoptimized + debuginfo] target(s) in 0.5s',
    'warning: unused variable: `x`',
    ...LINKER_LOG.replace(/\n$/, '').split('\n'),
  ];
  // Two lines of one length that fall in one slot: the second must not be taken for the first, remembered there.
  const linker = (name: string) => `error: linker \`${name}\` not found`;
  const slotOf = (line: string) => lineSignature(Buffer.from(line), 0, Buffer.byteLength(line)) % REMEMBERED_LINES;
  const first = linker('c000');
  const second = Array.from({ length: 5000 }, (_, i) => linker(`c${String(i + 1).padStart(3, '0')}`)).find((l) => slotOf(l) === slotOf(first))!;
  const lines = [first, first, second, second, ...Array.from({ length: 4 }, (_, round) => [...block, `   Compiling demo v0.${round}.0 (/app)`]).flat()];
  const remembered = diagnoseText(KB, `${lines.join('\n')}\n`, { hostPlatform: 'debian' });
  const padded = diagnoseText(KB, `${lines.map((l) => `${l}${' '.repeat(600)}`).join('\n')}\n`, { hostPlatform: 'debian' });
  assert.equal(remembered.rootCause, 'linker-not-found');
  assert.deepEqual(remembered, padded);
});

test("BuildKit's Dockerfile excerpt is shown but never matched: a comment quoting an error names no cause", () => {
  // The shape BuildKit prints after a failed RUN (solver/errdefs: "%s:%d", dashes, " %3d | >>> line"); the comment
  // quotes a linker error that the build did not hit.
  const log = [
    '------',
    ' > [builder 3/7] RUN cargo install cargo-chef --locked:',
    '0.512     Updating crates.io index',
    '------',
    'Dockerfile:6',
    '--------------------',
    '   5 |     # musl-dev avoids "ld: cannot find crti.o: No such file or directory"',
    '   6 | >>> RUN cargo install cargo-chef --locked',
    '   7 |     ',
    '--------------------',
    'ERROR: failed to solve: process "/bin/sh -c cargo install cargo-chef --locked" did not complete successfully: exit code: 101',
  ].join('\n');
  const d = diagnoseText(KB, log, { hostPlatform: 'debian' });
  assert.equal(d.outcome, 'failed');
  assert.equal(d.rootCause, null);
  assert.ok(d.excerpt?.lines.includes('   6 | >>> RUN cargo install cargo-chef --locked'));
});

test("an unexplained failure's excerpt reads a traceback to its exception line, and the script output above npm's summary", () => {
  // Real output (test/fixtures/excerpts/README.md): the decisive line is the traceback's last line, 23 lines after it
  // starts; and a script's own message, ten lines above the summary npm prints after it.
  const cases = [
    ['pip-long-traceback.log', 'RuntimeError: libwidget 2.4 or newer is required; found 1.9 in /usr/lib'],
    ['npm-script-output-then-summary.log', 'the widget catalogue in ./widgets is corrupt'],
  ];
  for (const [file, decisive] of cases) {
    const d = diagnoseText(KB, readFileSync(new URL(`./fixtures/excerpts/${file}`, import.meta.url), 'utf8'), { hostPlatform: 'debian' });
    assert.equal(d.rootCause, null, file);
    assert.ok(d.excerpt?.lines.some((l) => l.includes(decisive)), `${file}: ${JSON.stringify(d.excerpt?.lines)}`);
    assert.ok((d.excerpt?.lines.length ?? 0) <= 40, file);
  }
});

test("BuildKit's tty arrow and makepkg's error heading mark a failure; their progress lines do not", () => {
  // BuildKit's tty progress ("=> ERROR [stage n/m] ...   0.4s") and makepkg's msg/error helpers ("==> ...", "==> ERROR: ...")
  for (const line of [' => ERROR [builder 7/7] RUN cargo build --release                          0.4s', '==> ERROR: A failure occurred in build().']) {
    assert.equal(diagnoseText(KB, `step one\n${line}\n`).outcome, 'failed', line);
  }
  for (const line of [' => [builder 6/7] COPY . .                                                   0.1s', '==> Starting build()...']) {
    assert.equal(diagnoseText(KB, `step one\n${line}\n`).outcome, 'unknown', line);
  }
});

test("Gentoo portage's die() line marks a failure; its informational lines do not", () => {
  assert.equal(diagnoseText(KB, 'step one\n * ERROR: dev-libs/openssl-3.0.13::gentoo failed (compile phase):\n').outcome, 'failed');
  assert.equal(diagnoseText(KB, 'step one\n * Applying openssl-3.0.13-fix.patch ...\n').outcome, 'unknown');
});

test("errors in the shapes of Go, cgo, argparse, QEMU, pip's PEP 517 hooks and ld's duplicate symbols are failures, shown in the excerpt", () => {
  // Lines as real tools print them (from threads of validation/natural/fresh3, after it was scored).
  const lines = [
    'ui/command-processor.go:112:21: undefined: autocompleteUser',
    'could not determine kind of name for C.GIT_CHECKOUT_DONT_WRITE_INDEX',
    "meson setup: error: argument --debug: ignored explicit argument 'false'",
    'qemu: uncaught target signal 11 (Segmentation fault) - core dumped',
    "pip._vendor.pyproject_hooks._impl.BackendUnavailable: Cannot import 'scikit_build_core_conan.build'",
    "/usr/bin/ld: main.o:(.bss+0x0): multiple definition of `counter'; util.o:(.bss+0x0): first defined here",
    "make[3]: make[3]: don't know how to make castget.1. Stop",
  ];
  for (const line of lines) {
    const d = diagnoseText(KB, `checking something\n${line}\n`, { hostPlatform: 'debian' });
    assert.equal(d.outcome, 'failed', line);
    assert.ok(d.excerpt?.lines.includes(line), line);
  }
  // npm-debug.log's line numbering is a decoration, peeled like a time column: the excerpt shows what node-gyp said.
  const numbered = diagnoseText(KB, 'checking something\n2274 error gyp ERR! node-gyp -v v3.8.0\n', { hostPlatform: 'debian' });
  assert.equal(numbered.outcome, 'failed');
  assert.ok(numbered.excerpt?.lines.includes('gyp ERR! node-gyp -v v3.8.0'));
  // clang's own count is no npm-debug.log line
  assert.ok(diagnoseText(KB, 'x.c:1:2: error: oops\n1 error generated.\n', { hostPlatform: 'debian' }).excerpt?.lines.includes('1 error generated.'));
  // A Go source path in a successful build's listing is no error.
  assert.notEqual(diagnoseText(KB, 'go: downloading example.com/x v1.0.0\nok  \texample.com/x\t0.01s\n', { hostPlatform: 'debian' }).outcome, 'failed');
});
