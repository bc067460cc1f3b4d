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

test("BitBake's and meson's bar column goes; compiler snippet gutters and Markdown tables keep their bars", () => {
  // (lines of the natural samples: a Yocto task log, a CMake subproject relayed by meson)
  assert.equal(text("| make[2]: *** [riscv-linux-nat.o] Error 1"), 'make[2]: *** [riscv-linux-nat.o] Error 1');
  assert.equal(text('| Or, add -DCMAKE_POLICY_VERSION_MINIMUM=3.5 to try configuring anyway.'), 'Or, add -DCMAKE_POLICY_VERSION_MINIMUM=3.5 to try configuring anyway.');
  // indented by a relaying tool (pip's 6 spaces)
  assert.equal(text('      | Or, add -DCMAKE_POLICY_VERSION_MINIMUM=3.5 to try configuring anyway.'), 'Or, add -DCMAKE_POLICY_VERSION_MINIMUM=3.5 to try configuring anyway.');
  // rustc's and gcc's gutters: spaces or markers follow the bar
  assert.equal(text('   |     ^^^ not found in this scope'), '|     ^^^ not found in this scope');
  assert.equal(text('   | |___^'), '| |___^');
  assert.equal(text('      |     ^~~~'), '|     ^~~~');
  assert.equal(text('  | ------- expected due to this'), '| ------- expected due to this');
  assert.equal(text('| crate | version |'), '| crate | version |');
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

test("numeric character references an issue importer leaves, and the zero-width spaces they stand for", () => {
  // perl5#286 as GitHub shows an imported RT ticket: "/bin/sh&#8203;: cc&#8203;: not found"
  assert.equal(cleanText('/bin/sh&#8203;: cc&#8203;: not found'), '/bin/sh: cc: not found');
  assert.equal(cleanText('#include &#60;stdio.h&#x3E;'), '#include <stdio.h>');
  assert.equal(cleanText('make\u200b: *** [all] Error 1'), 'make: *** [all] Error 1');
  // a reference to a control character (ESC, BEL, DEL, C1) or to nothing stays as text: decoding it would drive a terminal
  assert.equal(cleanText('&#27;[2J &#x1b; &#7; &#127; &#x9b; &#xD800; &#9999999;'), '&#27;[2J &#x1b; &#7; &#127; &#x9b; &#xD800; &#9999999;');
});

test('cleanText never adds or removes a newline', () => {
  const raw = '\x1b[1mone\x1b[0m\n&lt;two&gt;\n\n[0mthree\x1b]0;title\x07\n';
  assert.equal(cleanText(raw).split('\n').length, raw.split('\n').length);
});

test('indentation is reported, and kept for display', () => {
  assert.deepEqual(normalizeLine('      error: command failed'), { text: 'error: command failed', indent: 6, quotedSource: false });
  assert.equal(displayLine('#3 0.2   --- stderr'), '  --- stderr');
});

test('Windows paths survive untouched', () => {
  assert.equal(text('error: linker `link.exe` not found at C:\\Users\\me\\proj'), 'error: linker `link.exe` not found at C:\\Users\\me\\proj');
});

test("nix's indented builder-log tail", () => {
  assert.equal(text('       > error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('  --> src/main.rs:2:9'), '--> src/main.rs:2:9');
});

test("BuildKit's time column without the step number, as the failed step's summary prints it", () => {
  // progressui: 3 decimals under 10 s, 2 under 100 s, 1 beyond; the column is peeled once, a second number is the message's
  assert.equal(text('0.512 error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('19.45   package `icu_normalizer_data v2.0.0` cannot be built'), 'package `icu_normalizer_data v2.0.0` cannot be built');
  assert.equal(text('163.9   revm-inspector@10.0.1 requires rustc 1.88.0'), 'revm-inspector@10.0.1 requires rustc 1.88.0');
  assert.equal(text('2024-05-01T12:34:56.7890123Z 0.512 error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('1.70.0 is required'), '1.70.0 is required');
  assert.equal(text('3.14 error'), '3.14 error');
  assert.equal(displayLine('85.28     --> src/cargo/util/toml/mod.rs:389:13'), '    --> src/cargo/util/toml/mod.rs:389:13');
});

test('quoted source lines are kept for display and context, never matched as the tool speaking', () => {
  // BuildKit's Dockerfile excerpt (" %3d | >>> ..."), GCC >= 9's and rustc's snippets
  for (const line of ['   5 |     # avoid "ld: cannot find crti.o: No such file or directory"', '   6 | >>> RUN cargo build', '   30 | #include "file_disvar.h"', '85.28 256 | pub fn normalize_bins(', '2 |     panic!("Unable to find libclang")']) {
    assert.equal(normalizeLine(line).quotedSource, true, line);
  }
  assert.equal(displayLine('   6 | >>> RUN cargo build'), '   6 | >>> RUN cargo build');
  for (const line of ['      |          ^~~~~~~~~~~~~~~', '  |', 'error: linker `cc` not found', '| Caused by:']) assert.equal(normalizeLine(line).quotedSource, false, line);
});

test('markdown an author put around a pasted line: backticks, bold, a line break tag', () => {
  assert.equal(text('**configure: error: libcap-ng library was not found.**'), 'configure: error: libcap-ng library was not found.');
  assert.equal(text('`*** Parse error in /tmp/gitstatus/gitstatus: Missing dependency operator (Makefile:27)'), '*** Parse error in /tmp/gitstatus/gitstatus: Missing dependency operator (Makefile:27)');
  assert.equal(text("`error: command 'C:\\\\VC\\\\bin\\\\cl.exe'`"), "error: command 'C:\\\\VC\\\\bin\\\\cl.exe'");
  assert.equal(text('`$ make` <br/>'), '$ make');
  assert.equal(text('make[2]: gcc-4.9: Command not found<br>'), 'make[2]: gcc-4.9: Command not found');
  assert.equal(text('``'), '');
  // a message's own backticks come in pairs and stay; so do make's banners and BSD make's "***" lines
  assert.equal(text('`error: failed to run custom build command for `sp1-recursion-compiler v0.1.0`'), 'error: failed to run custom build command for `sp1-recursion-compiler v0.1.0`');
  assert.equal(text('error: could not compile `foo` (lib) due to 1 previous error`'), 'error: could not compile `foo` (lib) due to 1 previous error');
  assert.equal(text('error: could not compile `foo`'), 'error: could not compile `foo`');
  assert.equal(text('*** Error code 1'), '*** Error code 1');
  assert.equal(text('**********************************************'), '**********************************************');
});

test("CI services' line prefixes: Cloud Build steps, CMake Tools channels, timestamps, GitLab sections, Travis folds", () => {
  assert.equal(text('Step #1:     File "/tmp/pip-install-3p1noqkw/dlib/setup.py", line 129, in run'), 'File "/tmp/pip-install-3p1noqkw/dlib/setup.py", line 129, in run');
  assert.equal(text('Step #0 - "build": error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('Step 9/10 : RUN make'), 'Step 9/10 : RUN make');
  assert.equal(text('[cmake] CMake Error at CMakeLists.txt:3 (project):'), 'CMake Error at CMakeLists.txt:3 (project):');
  assert.equal(text('[ 50%] Building C object CMakeFiles/x.dir/x.c.o'), '[ 50%] Building C object CMakeFiles/x.dir/x.c.o');
  assert.equal(text('[16:03:16.703] npm error gyp info spawn args'), 'gyp info spawn args');
  assert.equal(text('[2024-05-01T12:34:56.789Z] make: *** [all] Error 2'), 'make: *** [all] Error 2');
  assert.equal(text('2024-05-14T11:19:20.000000Z 00O+error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('2024-05-14T11:19:20.000000Z 01E error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('section_start:1717171717:step_script\r\x1b[0KExecuting "step_script" stage of the job script'), 'Executing "step_script" stage of the job script');
  assert.equal(text('section_start:1717171717:step_script[0Kerror: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('travis_fold:start:install[0K'), '');
  assert.equal(text('travis_time:end:0a1b2c:start=1,finish=2,duration=1[0K'), '');
  assert.equal(text('2024-05-01T12:34:56.7890123Z ##[section]Starting: Build'), 'Starting: Build');
});

test("listr's level column (Electron Forge on CI) goes; a bracketed word that is a message's own stays", () => {
  assert.equal(text('[FAILED] Error: request to https://www.electronjs.org/headers/v26.2.1/node-v26.2.1-headers.tar.gz failed'), 'Error: request to https://www.electronjs.org/headers/v26.2.1/node-v26.2.1-headers.tar.gz failed');
  assert.equal(text('[STARTED] Preparing native dependencies'), 'Preparing native dependencies');
  assert.equal(text('[WARNING] deprecated option'), '[WARNING] deprecated option');
  assert.equal(text('[FAILED]'), '');
});

test("craft tools' stream prefix, once per nesting level; GitHub's workflow commands stay", () => {
  assert.equal(text('::    ::         error: subprocess-exited-with-error'), 'error: subprocess-exited-with-error');
  assert.equal(text(':: Collecting pydantic-core==2.27.2 (from pydantic->cosl)'), 'Collecting pydantic-core==2.27.2 (from pydantic->cosl)');
  assert.equal(displayLine('::    ::         │ exit code: 1'), '          exit code: 1');
  assert.equal(text('::error file=app.js,line=1::Missing semicolon'), '::error file=app.js,line=1::Missing semicolon');
});

test("uv's cause chain, in Unicode and in its ASCII form", () => {
  assert.equal(text('  × Failed to build `flash-attn==2.7.4.post1`'), 'Failed to build `flash-attn==2.7.4.post1`');
  assert.equal(text('  ├─▶ The build backend returned an error'), 'The build backend returned an error');
  assert.equal(text('  ╰─▶ Call to `setuptools.build_meta:__legacy__.build_wheel` failed (exit status: 1)'), 'Call to `setuptools.build_meta:__legacy__.build_wheel` failed (exit status: 1)');
  assert.equal(text('  |-> The build backend returned an error'), 'The build backend returned an error');
  assert.equal(text('  `-> Call to `setuptools.build_meta.build_wheel` failed (exit code: 1)'), 'Call to `setuptools.build_meta.build_wheel` failed (exit code: 1)');
  // (a bare bar is not uv's `|->`: it is BitBake's column, peeled as such below)
  assert.equal(text('|-- Caused by:'), '|-- Caused by:');
});

test("git's remote: sideband of a push-to-deploy build, and inline HTML tags of a log copied from a web page", () => {
  assert.equal(text('remote:        ERROR: Failed building wheel for psycopg2'), 'ERROR: Failed building wheel for psycopg2');
  assert.equal(displayLine('remote:  !     Push rejected, failed to compile Python app.'), ' !     Push rejected, failed to compile Python app.');
  assert.equal(text('<b>error: failed to run custom build command for `openssl-sys v0.9.58`</b>'), 'error: failed to run custom build command for `openssl-sys v0.9.58`');
  assert.equal(text('<code>make: *** [all] Error 2</code>'), 'make: *** [all] Error 2');
  assert.equal(text('error: expected `<` after `Vec`'), 'error: expected `<` after `Vec`');
});

test("Docker Compose's service column, v2 and v1; a table or a quoted source line is not one", () => {
  assert.equal(text('web-1  | error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('app_web_1  | ERROR: Failed building wheel for psycopg2'), 'ERROR: Failed building wheel for psycopg2');
  assert.equal(displayLine('web-1  |    Compiling libc v0.2.139'), '   Compiling libc v0.2.139');
  assert.equal(normalizeLine('web-1  |   12 | #include <x.h>').quotedSource, true);
  assert.equal(text('foo | bar'), 'foo | bar');
  assert.equal(text('| crate | version |'), '| crate | version |');
});

test('time columns: Jenkins clock and elapsed time, Vercel, Netlify and IntelliJ, Render, the Open Build Service', () => {
  assert.equal(text('12:34:56  make: *** [all] Error 2'), 'make: *** [all] Error 2');
  assert.equal(text('00:04:25.492 error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('20:52:05.025 | sh: cargo-cp-artifact: command not found'), 'sh: cargo-cp-artifact: command not found');
  assert.equal(text('4:27:44 PM: Task execution finished'), 'Task execution finished');
  assert.equal(text('11:02:03 AM: error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('Dec 9 03:03:10 PM  Dockerfile.render:25'), 'Dockerfile.render:25');
  assert.equal(normalizeLine('Dec 9 03:03:10 PM    25 | >>> RUN make').quotedSource, true);
  assert.equal(text('[   27s] gcc -pthread -c x.c'), 'gcc -pthread -c x.c');
  // a message that starts with a time keeps the rest; only one time column is peeled
  assert.equal(text('12:34:56  0.512 error'), '0.512 error');
});

test("Cloudflare's build logs (a tab after the clock or timestamp, wrangler's [custom build] relay) and Visual Studio's Error List (an empty code column)", () => {
  assert.equal(text('04:48:47.430\t[custom build] /bin/sh: 1: cargo: not found'), '/bin/sh: 1: cargo: not found');
  assert.equal(text('2026-01-17T02:28:09.922Z\t[custom build] Running: pnpm run build'), 'Running: pnpm run build');
  assert.equal(text('[custom build] '), '');
  assert.equal(text('[custom] build'), '[custom] build');
  assert.equal(text('Error\tC1083\tCannot open include file: \'Python.h\': No such file or directory'), "Error\tC1083\tCannot open include file: 'Python.h': No such file or directory");
  assert.equal(text('Error\t\tCMake Error at scripts/cmake/vcpkg_download_distfile.cmake:32 (message):'), 'CMake Error at scripts/cmake/vcpkg_download_distfile.cmake:32 (message):');
  assert.equal(text('Warnung\t\tCMake Warning (dev) at CMakeLists.txt:3 (project):'), 'CMake Warning (dev) at CMakeLists.txt:3 (project):');
  // a message of its own that starts with the word keeps it
  assert.equal(text('Error: Command failed (1)'), 'Error: Command failed (1)');
  assert.equal(text('Error\tsomething\telse'), 'Error\tsomething\telse');
});

test("TeamCity's downloaded build log and its web console", () => {
  assert.equal(text('[14:36:30] :\t [Step 1/5] error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(text('[14:36:30]W:\t [Step 1/5] From https://github.com/x/y'), 'From https://github.com/x/y');
  assert.equal(text('[23:54:29] :\t\t\t [CompileWeb] MSBuild'), 'MSBuild');
  assert.equal(text('[14:36:30] : Step 1/2: Command Line (2s)'), 'Step 1/2: Command Line (2s)');
  assert.equal(text('[10:38:30][npm install] node-pre-gyp ERR! Tried to download'), 'node-pre-gyp ERR! Tried to download');
});

test("Buildkite's per-line timestamp escape", () => {
  assert.equal(text('\x1b_bk;t=1745322209921\x07error: linker `cc` not found'), 'error: linker `cc` not found');
  assert.equal(cleanText('\x1b_bk;t=1\x07a\n\x1b_bk;t=2\x07b'), 'a\nb');
});

test("npm's relay prefix goes from a script's output, and stays on npm's own lines", () => {
  assert.equal(text('npm ERR! gyp ERR! find Python'), 'gyp ERR! find Python');
  assert.equal(displayLine('npm error   CXX(target) Release/obj.target/x.o'), '  CXX(target) Release/obj.target/x.o');
  for (const own of ['npm ERR! code 1', 'npm error command sh -c node-gyp rebuild', 'npm ERR! errno 1', 'npm error path /app/node_modules/x', 'npm ERR! x@1.0.0 install: `node-gyp rebuild`', 'npm ERR! Failed at the x@1.0.0 install script.', 'npm error network request failed', 'npm ERR! A complete log of this run can be found in:', 'npm ERR! notsup Required: {"node":">=20"}', 'npm error engine Unsupported engine', 'npm ERR! Required: {"node":">= 0.8.0"}']) {
    assert.equal(text(own), own);
  }
});

test("a progress spinner's status with a build's output glued on after it: the status goes, the build's line stays", () => {
  // Lines as pasted in thx/rap2-delos#160 (cnpm), wiselibs/better-sqlite3#322 (npminstall), electron/rebuild#530
  // (electron-rebuild) and abetlen/llama-cpp-python#123 (pipenv).
  assert.equal(text('⠦ [34/64] Installing @types/mockjs@^1.0.0make: g++: Command not found'), 'make: g++: Command not found');
  assert.equal(text('⠴ [32/64] Installing brace-expansion@^1.1.7  CXX(target) Release/obj.target/hiredis/src/hiredis.o'), 'CXX(target) Release/obj.target/hiredis/src/hiredis.o');
  assert.equal(text('⠸ [32/64] Installing @types/koa-generic-session@*  AR(target) Release/obj.target/deps/hiredis-c.a'), 'AR(target) Release/obj.target/deps/hiredis-c.a');
  assert.equal(text('⠼ [0/1] Installing tar@^4.4.10In file included from ../src/integer.cpp:1:'), 'In file included from ../src/integer.cpp:1:');
  assert.equal(text('⠙ Building module: my-module, Completed: 0gyp WARN install got an error, rolling back install'), 'gyp WARN install got an error, rolling back install');
  assert.equal(text('⠋ Installing llama-cpp-python...Writing supplied requirement line to temporary file'), 'Writing supplied requirement line to temporary file');
  // A spinner with its status alone, or a status of another shape, is left as it is.
  for (const own of ['⠦ [34/64] Installing @types/mockjs@^1.0.0', '⠦ Building your source code...', '⠋ Installing dependencies from Pipfile.lock (a1b2c3)...']) assert.equal(text(own), own);
});

test("Windows PowerShell's error record around a native command's first stderr line; MSVC's own tool names stay", () => {
  assert.equal(text('cargo : error: linker `link.exe` not found'), 'error: linker `link.exe` not found');
  assert.equal(text('pip : ERROR: Failed building wheel for x'), 'ERROR: Failed building wheel for x');
  assert.equal(text("LINK : fatal error LNK1181: cannot open input file 'x.lib'"), "LINK : fatal error LNK1181: cannot open input file 'x.lib'");
  assert.equal(text('NMAKE : fatal error U1077: exit code 2'), 'NMAKE : fatal error U1077: exit code 2');
});

test("an inner prefix behind an outer one's indentation: Heroku's 7 spaces, pnpm's box column", () => {
  assert.equal(text('remote:        #12 7.830 ModuleNotFoundError: No module named x'), 'ModuleNotFoundError: No module named x');
  assert.equal(text('│ #12 0.512 error: linker `cc` not found'), 'error: linker `cc` not found');
  // with no outer prefix, an indented line keeps its indentation and content
  assert.deepEqual(normalizeLine('      #1 step'), { text: '#1 step', indent: 6, quotedSource: false });
});

test("make's *** with every star markdown-escaped by an issue importer still reads as make's message", async () => {
  const { diagnoseText } = await import('../src/diagnose/engine.ts');
  const { KB } = await import('./helpers/cases.ts');
  const d = diagnoseText(KB, "make: \\*\\*\\* No rule to make target 'all'.  Stop.\n", { hostPlatform: 'debian' });
  assert.equal(d.rootCause, 'build-files-not-configured');
  assert.equal(d.outcome, 'failed');
});

test("the third leading star GitHub's editor escapes is the tool's (mkmf's \"*** extconf.rb failed ***\", bundler#1725)", () => {
  assert.equal(normalizeLine('**\\* extconf.rb failed ***').text, '*** extconf.rb failed ***');
  // markdown bold around a tool's line is still peeled, and a line that merely starts with stars is left alone
  assert.equal(normalizeLine('**error: linker `cc` not found**').text, 'error: linker `cc` not found');
  assert.equal(normalizeLine('** (Mix) Could not compile dependency').text, '** (Mix) Could not compile dependency');
});

test("npm's prefix is peeled off a relayed line that names a module-cache path (pkg@v1.7.1/file.go:6:5: ...), kept on npm's own 'x@1.0.0 install:'", () => {
  assert.equal(normalizeLine('npm ERR! ../../go/pkg/mod/github.com/marcboeker/go-duckdb@v1.7.1/transaction.go:6:5: undefined: conn').text, '../../go/pkg/mod/github.com/marcboeker/go-duckdb@v1.7.1/transaction.go:6:5: undefined: conn');
  assert.equal(normalizeLine('npm ERR! re2@1.8.4 install: `node-gyp rebuild`').text, 'npm ERR! re2@1.8.4 install: `node-gyp rebuild`');
});
