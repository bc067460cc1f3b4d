// A failure no rule explains must still put the line that decides it in front of the reader, in a short excerpt:
// real logs (test/fixtures/decisive/README.md) of tool shapes, wrappers and pastes the excerpt once missed.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createColors } from 'picocolors';
import { diagnoseText } from '../src/diagnose/engine.ts';
import type { Diagnosis } from '../src/diagnose/rank.ts';
import { renderText } from '../src/report/text.ts';
import { KB } from './helpers/cases.ts';

const plain = createColors(false);
const fixture = (file: string) => readFileSync(new URL(`./fixtures/decisive/${file}`, import.meta.url), 'utf8');

/** What a reader of the diagnosis sees of the log: the excerpt and every finding's evidence (as scripts/validate.mjs counts it). */
const shownLines = (d: Diagnosis) => [...(d.excerpt?.lines ?? []), ...d.findings.flatMap((f) => f.evidence.map((e) => e.text))];

/** The excerpt of a failure whose first error is this line: it starts a few lines before it, whatever the log's length. */
const EXCERPT_MAX = 19;

// [log, the line that decides it, the outcome buildmedic gives, the root cause a rule has since named (none: unexplained)]
const DECISIVE: readonly [file: string, decisive: string, outcome: Diagnosis['outcome'], rootCause?: string][] = [
  // (make under another name and NMAKE without a makefile now have build-files-not-configured's shape: still shown)
  ['nmake-no-makefile.log', 'NMAKE : fatal error U1064: MAKEFILE not found and no target specified', 'failed', 'build-files-not-configured'],
  ['cl-command-line-too-long.log', "cl : Command line error D8049 : cannot execute 'D:\\Apps\\Microsoft Visual Studio 14.0\\VC\\bin\\c1xx.dll'", 'failed'],
  ['gnu-make-other-name.log', 'mingw32-make: *** No targets specified and no makefile found.  Stop.', 'failed', 'build-files-not-configured'],
  ['gnu-make-mingw32.log', 'mingw32-make: *** No targets specified and no makefile found.  Stop.', 'failed', 'build-files-not-configured'],
  ['vs-output-cmake-vcpkg.log', 'Failed to read manifest C:\\src\\mlcard\\vcpkg.json\\vcpkg.json: no such file or directory', 'failed'],
  ['vs-output-cmake-variable.log', 'CMake Error: Error required internal CMake variable not set', 'failed'],
  // (CMake's <VAR>-NOTFOUND command and mkmf's macOS link failure now have rules: the line stays shown as their evidence)
  ['vs-error-list-msb3073.log', 'PYTHON_COMMAND-NOTFOUND D:/______/GitHub/engine-x/cmake/scripts/sync_folder.py', 'failed', 'python-missing'],
  ['vs-error-list-msb8066.log', 'MSB8066', 'failed'],
  ['cargo-old-build-script.log', "task '<main>' panicked at 'called `Result::unwrap()` on an `Err` value: no such file or directory'", 'failed'],
  ['cargo-old-install.log', 'failed to unpack package `cargo-edit v0.1.1`', 'failed'],
  ['ld-old-could-not-read-symbols.log', 'crt1.o: could not read symbols: File in wrong format', 'failed'],
  ['ld-config-log-excerpt.log', 'bad.o: file not recognized: file format not recognized', 'failed'],
  ['ld-file-not-recognized.log', 'bad.o: file not recognized: file format not recognized', 'failed'],
  ['ld-archive-no-index.log', 'noidx.a: error adding symbols: archive has no index', 'failed'],
  // (mkmf's failed header check right before "*** extconf.rb failed ***" is now read as the header missing)
  ['rubygems-extconf-raise.log', 'checking for widget_catalogue.h... no', 'failed', 'native-lib-missing'],
  ['rubygems-nokogiri.log', 'The compiler failed to generate an executable file. (RuntimeError)', 'failed', 'xcode-clt-missing'],
  ['cmake-benign-error-then-failure.log', 'gen-catalogue: schema version 3 is not supported by this generator', 'failed'],
  ['pip-resolver-error-then-failure.log', 'RuntimeError: widget needs b 1.0 at run time, found b 2.0', 'failed'],
  ['cmake-send-error.log', 'widget: WIDGET_CATALOGUE_DIR is not set', 'failed'],
  ['node-uncaught-deep-stack.log', "TypeError: Cannot read properties of null (reading 'schema')", 'failed'],
  ['node-esm-package-missing.log', "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'widget-catalogue' imported from", 'failed'],
  ['node-error-code-vercel.log', 'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received undefined', 'failed'],
  ['gradle-agp-ninja-missing-input.log', "ninja: error: 'E:/Documents/AndroidStudioProjects/RaptorMark/app/src/main/cpp/fio/backend.c', needed by", 'failed'],
  ['gradle-agp-cxx-build-system.log', "ninja: error: 'C:/Users/Sora/Downloads/simplex-chat-5.6.0/simplex-chat-5.6.0/apps/multiplatform/common/src/commonMain/cpp/android/libs/arm64-v8a/libsimplex.so', needed by", 'failed'],
  ['go-imports-build-constraints.log', 'imports example.com/demo/cgolib: build constraints exclude all Go files in /tmp/t/cgolib', 'failed'],
  ['gas-foreign-assembly.log', "gcc_arm64.S:2: Error: no such instruction: `stp x29,x30,[sp,-16]!'", 'failed'],
  ['go-flag-not-defined.log', 'flag provided but not defined: -badflag', 'failed'],
  ['go-windows-path-undefined.log', 'robotgo_mac_win.go:13:2: undefined: internalActive', 'failed'],
  ['tar-unmarked-paste.log', 'tar: widget-1.2.tar.gz: Cannot open: No such file or directory', 'unknown'],
  ['vcpkg-unmarked-paste.log', "Failed to open 'E:\\Work\\Libraries\\vcpkg\\buildtrees\\freetype\\stdout-x86-windows.log' for writing", 'unknown'],
];

test('a failure shows its decisive line, unexplained or not: NMAKE, cl.exe, make by another name, Visual Studio, old cargo, GNU ld, GNU as, RubyGems, Node.js, Go, Gradle, an unmarked paste', () => {
  for (const [file, decisive, outcome, rootCause = null] of DECISIVE) {
    const d = diagnoseText(KB, fixture(file), { hostPlatform: 'debian' });
    assert.equal(d.rootCause, rootCause, file);
    assert.equal(d.outcome, outcome, file);
    assert.ok(shownLines(d).some((l) => l.includes(decisive)), `${file}: ${JSON.stringify(d.excerpt?.lines)}`);
    assert.ok((d.excerpt?.lines.length ?? 0) <= EXCERPT_MAX, `${file}: ${d.excerpt?.lines.length} lines shown`);
  }
});

test("the tools' warnings and progress in those shapes mark no failure: cl.exe's D9xxx, an Error List warning row, make by another name entering a directory, Node.js and Python warnings, Gradle's task lines and AGP's relayed warnings", () => {
  const lines = [
    "cl : Command line warning D9002 : ignoring unknown option '-fPIC'",
    "Warning\tC4996\t'strcpy': This function or variable may be unsafe.\twidget\tC:\\src\\widget.c\t12",
    "mingw32-make[1]: Entering directory 'C:/src/widget/build'",
    '  Compiling widget v0.1.0 (file:///src/widget)',
    "(node:4242) ExperimentalWarning: Importing JSON modules is an experimental feature and might change at any time",
    '/usr/lib/python3/dist-packages/setuptools/dist.py:472: DeprecationWarning: Invalid dash-separated options',
    '> Task :app:buildCMakeDebug[arm64-v8a]',
    'C/C++: debug|arm64-v8a :CMake Warning at CMakeLists.txt:12 (message):',
  ];
  for (const line of lines) assert.equal(diagnoseText(KB, `$ build\n${line}\n`).outcome, 'unknown', line);
});

test('on a long log the excerpt stays short and starts at the failure, past an error the build went on from', () => {
  // 417 lines: git's harmless "fatal:" on line 7, then CMake configures, builds 400 files, and a generator fails
  const log = fixture('cmake-benign-error-then-failure.log');
  const lines = log.trimEnd().split('\n');
  assert.ok(lines.length > 400);
  const d = diagnoseText(KB, log, { hostPlatform: 'debian' });
  const decisive = lines.findIndex((l) => l.startsWith('gen-catalogue: ')) + 1;
  assert.ok(d.excerpt && d.excerpt.lines.length <= EXCERPT_MAX, JSON.stringify(d.excerpt));
  assert.ok(d.excerpt.startLine <= decisive && decisive < d.excerpt.startLine + d.excerpt.lines.length, JSON.stringify(d.excerpt));
  assert.ok(!d.excerpt.lines.some((l) => l.startsWith('fatal: not a git repository')));
  // config.log: the compiler version probes of autoconf fail before every check ("gcc: error: unrecognized
  // command-line option '-V'"); the block is the failing check's, from its "configure:NNNN: checking" line
  const configLog = diagnoseText(KB, fixture('autoconf-config-log.log'), { hostPlatform: 'debian' });
  assert.ok(configLog.excerpt?.lines.some((l) => l.startsWith('bad.o: file not recognized')), JSON.stringify(configLog.excerpt));
  assert.ok(!configLog.excerpt?.lines.some((l) => l.includes("unrecognized command-line option '-V'")), JSON.stringify(configLog.excerpt));
  // pip's resolver ERROR line, then "Successfully installed": the traceback after it is the failure's block
  const pip = diagnoseText(KB, fixture('pip-resolver-error-then-failure.log'), { hostPlatform: 'debian' });
  assert.ok(!pip.excerpt?.lines.some((l) => l.startsWith("ERROR: pip's dependency resolver")), JSON.stringify(pip.excerpt));
});

test('an error the build did not go on from keeps the block: CMake configuring to "incomplete", pip building another wheel, another job of make -j', () => {
  const cmake = diagnoseText(KB, fixture('cmake-send-error.log'), { hostPlatform: 'debian' });
  assert.ok(cmake.excerpt?.lines.some((l) => l.startsWith('CMake Error at CMakeLists.txt:3 (message):')), JSON.stringify(cmake.excerpt));
  // pip prints "Successfully built a" after b's failure and before "Failed to build b": it proves nothing about b
  const progress = Array.from({ length: 20 }, (_, i) => `  copying src/widget/part${i}.py -> build/lib/widget`);
  const pip = [
    'Building wheel for b (setup.py): started',
    'ERROR: Command errored out with exit status 1:',
    'RuntimeError: widget catalogue schema 3 is not supported',
    ...progress,
    'Successfully built a',
    'Failed to build b',
  ].join('\n');
  const d = diagnoseText(KB, pip, { hostPlatform: 'debian' });
  assert.equal(d.outcome, 'failed');
  assert.ok(d.excerpt?.lines.some((l) => l.includes('widget catalogue schema 3 is not supported')), JSON.stringify(d.excerpt));
  // make -j: another job's target finishes after the one that failed
  const jobs = Array.from({ length: 20 }, (_, i) => `[${String(50 + i).padStart(3)}%] Building C object CMakeFiles/b.dir/b${i}.c.o`);
  const parallel = [
    '[ 45%] Building C object CMakeFiles/a.dir/a.c.o',
    'make[2]: *** No rule to make target \'catalogue/schema3.h\', needed by \'CMakeFiles/a.dir/a.c.o\'.  Stop.',
    ...jobs,
    '[100%] Built target b',
    'make: *** [Makefile:91: all] Error 2',
  ].join('\n');
  const j = diagnoseText(KB, parallel, { hostPlatform: 'debian' });
  assert.ok(j.excerpt?.lines.some((l) => l.includes("No rule to make target 'catalogue/schema3.h'")), JSON.stringify(j.excerpt));
});

test('a short paste with no failure marker is shown whole only when its lines read like an error', () => {
  const tar = diagnoseText(KB, fixture('tar-unmarked-paste.log'), { hostPlatform: 'debian' });
  assert.equal(tar.outcome, 'unknown');
  assert.deepEqual(tar.excerpt, { startLine: 1, lines: fixture('tar-unmarked-paste.log').trimEnd().split('\n') });
  const text = renderText(tar, plain);
  assert.match(text, /No failure marker found\./);
  assert.match(text, /tar: Error is not recoverable: exiting now/);
  const version = diagnoseText(KB, fixture('cmake-version-paste.log'), { hostPlatform: 'debian' });
  assert.equal(version.outcome, 'unknown');
  assert.equal(version.excerpt, null);
  assert.equal(renderText(version, plain), 'No build failure found in this log.\n');
  // a paste longer than the excerpt is no reporter's cut: with no marker it stays without one
  const long = Array.from({ length: 40 }, (_, i) => (i === 20 ? 'tar: Error is not recoverable: exiting now' : `x/file${i}.txt`)).join('\n');
  assert.equal(diagnoseText(KB, long).excerpt, null);
});

test("GNU ld's input-file errors mark the failure behind any of the prefixes ld gives them", () => {
  // BFD's "%F%P: %pB: error adding symbols: %E" and older "%F%B: could not read symbols: %E", as Linux and MinGW print them
  for (const line of [
    'bad.o: file not recognized: file format not recognized',
    '/usr/bin/ld: noidx.a: error adding symbols: archive has no index; run ranlib to add one',
    'C:/msys64/mingw64/bin/../lib/gcc/x86_64-w64-mingw32/13.2.0/../../../../x86_64-w64-mingw32/bin/ld.exe: C:/src/libz.a: error adding symbols: file format not recognized',
    '/usr/bin/ld: final link failed: file in wrong format',
  ]) {
    assert.equal(diagnoseText(KB, `$ build\n${line}\n`).outcome, 'failed', line);
  }
});
