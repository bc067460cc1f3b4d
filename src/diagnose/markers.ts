// Rule-independent signals: did the build fail or succeed, which lines are mere consequences of an earlier
// error, and which wrappers (Docker, pip, maturin, cargo, a build script, cc-rs...) the failure travelled through.
import type { BuildTool } from '../kb/rule.js';
import { HASKELL_EXEC_FAILED } from '../kb/signals.js';

export type MarkerKind = 'error' | 'consequence' | 'success';

export interface Marker {
  kind: MarkerKind;
  /** A success line that does not outweigh a failure seen before it in the same log. */
  onlyBeforeFailure?: boolean;
  /** A stage of the build that completed or the next one that started, not the build: it shows the build went on past
   *  the errors before it (so they were not the failure's), never that the build succeeded. */
  stageOnly?: boolean;
  /** Printed by the other jobs of a parallel build too, so it shows nothing about an error printed before it. */
  interleaves?: boolean;
  /** What prints it. */
  source: string;
  literals: readonly string[];
  re: RegExp;
}

// R CMD INSTALL after a package's configure or compile failed, and install.packages() around it: a consequence, and
// the sign that R's installer ran the build.
const R_PACKAGE_FAILED = /^ERROR: (?:configuration|compilation) failed for package |installation of package .* had non-zero exit status/;

// Consequences are checked before errors: "error: could not compile" is both, and it is a consequence.
export const CONSEQUENCE_MARKERS: readonly Marker[] = [
  { kind: 'consequence', source: 'cargo', literals: ['could not compile'], re: /^error: could not compile `/ },
  { kind: 'consequence', source: 'cargo', literals: ['build failed, waiting'], re: /^warning: build failed, waiting for other jobs to finish/ },
  // (cargo before 1.x printed it without "error: ", and "Build failed, waiting for other jobs to finish...")
  // (cargo before 1.0 capitalised it: "Failed to run custom build command for `libgit2-sys v0.1.3 (file:///x)`")
  { kind: 'consequence', source: 'cargo', literals: ['failed to run custom build command', 'Failed to run custom build command'], re: /^(?:error: )?[Ff]ailed to run custom build command for `/ },
  { kind: 'consequence', source: 'cargo (old)', literals: ['Build failed, waiting'], re: /^Build failed, waiting for other jobs to finish/ },
  // cargo's "Caused by:" under a build script failure, the first line of a paste that starts there:
  // "  process didn't exit successfully: `/x/target/debug/build/foo-1/build-script-build` (exit status: 101)" (cargo
  // before 1.0: "Process didn't exit successfully: `/x/build-script-build` (status=101)")
  { kind: 'consequence', source: 'cargo', literals: ["process didn't exit successfully", "Process didn't exit successfully"], re: /^[Pp]rocess didn't exit successfully: `[^`]+` \((?:exit (?:status|code): ?|status=)\d+\)/ },
  { kind: 'consequence', source: 'cargo', literals: ['linking with'], re: /^error: linking with `[^`]+` failed/ },
  // (cargo install before 1.0, with no "error: " in front: "failed to compile `cargo-extras v0.3.0`, intermediate artifacts ...")
  { kind: 'consequence', source: 'cargo install', literals: ['failed to compile'], re: /^(?:error: )?failed to compile `[^`]+`/ },
  { kind: 'consequence', source: 'rustc', literals: ['aborting due to'], re: /^error: aborting due to/ },
  { kind: 'consequence', source: 'pip', literals: ['subprocess-exited-with-error'], re: /^error: subprocess-exited-with-error/ },
  { kind: 'consequence', source: 'pip', literals: ['originates from a subprocess'], re: /This error originates from a subprocess/ },
  { kind: 'consequence', source: 'pip', literals: ['Failed building wheel', 'Failed to build', 'Could not build wheels', 'Failed to build installable wheels'], re: /^(?:ERROR: )?(?:Failed building wheel for|Failed to build\b|Could not build wheels for|Failed to build installable wheels)/ },
  { kind: 'consequence', source: 'pip', literals: ['legacy-install-failure', 'metadata-generation-failed', 'Encountered error while'], re: /^error: (?:legacy-install-failure|metadata-generation-failed)|Encountered error while (?:trying to install|generating package metadata)/ },
  // pip <= 9: "Running setup.py bdist_wheel for pyyaml: finished with status 'error'"; pip -v: "Building wheel for b
  // (pyproject.toml): finished with status 'error'"
  { kind: 'consequence', source: 'pip', literals: ["finished with status 'error'"], re: /: finished with status 'error'$/ },
  { kind: 'consequence', source: 'pip', literals: ['did not run successfully', 'Command errored out'], re: /did not run successfully\.|^ERROR: Command errored out with exit status/ },
  { kind: 'consequence', source: 'maturin', literals: ['maturin failed', 'Failed to build a native library', 'Cargo build finished with'], re: /maturin failed|Failed to build a native library through cargo|Cargo build finished with "exit (?:status|code): ?\d+"/ },
  { kind: 'consequence', source: 'cargo-chef', literals: ['cargo-chef', 'Exited with status code'], re: /cargo-chef-[\d.]+\/src\/|^Exited with status code: \d+/ },
  { kind: 'consequence', source: 'BuildKit', literals: ['failed to solve', 'did not complete successfully', 'executor failed running'], re: /failed to solve|did not complete successfully: exit code|executor failed running/ },
  { kind: 'consequence', source: 'docker (legacy builder)', literals: ['returned a non-zero code'], re: /The command .* returned a non-zero code: \d+/ },
  // (BuildKit's tty progress puts its arrow in front: " => ERROR [builder 7/7] RUN cargo build --release   0.4s")
  { kind: 'consequence', source: 'BuildKit', literals: ['ERROR ['], re: /^(?:=> )?ERROR \[[^\]]*\] / },
  // makepkg (Arch Linux PKGBUILDs, and paru/yay running it): "==> ERROR: A failure occurred in build()."
  { kind: 'consequence', source: 'makepkg', literals: ['==> ERROR: '], re: /^==> ERROR: / },
  // Gentoo portage's die(): " * ERROR: dev-libs/foo-1.0::gentoo failed (compile phase):"
  { kind: 'consequence', source: 'portage (Gentoo)', literals: ['* ERROR: '], re: /^\* ERROR: \S+ failed \([\w ]+ phase\):/ },
  { kind: 'consequence', source: 'GitHub Actions', literals: ['Process completed with exit code', 'failed with exit code'], re: /Process completed with exit code [1-9]|^(?:Error: )?The process '.*' failed with exit code [1-9]/ },
  // (translated: de "Fehler 2", fr "Erreur 2", ru "Ошибка 2", zh "错误 2", ja "エラー 2", as make 4.3 prints them)
  // (a paste through GitHub's editor may escape the third star, "make: **\\* [package] Error 1", or an importer every
  // one, "make: \\*\\*\\* [x.o] Error 1")
  { kind: 'consequence', source: 'make', literals: ['***', '**\\*', '\\*\\*\\*'], re: /^(?:[\w.]+-)?g?make(?:\.exe)?(?:\[\d+\])?: (?:\\?\*){3} .*(?:(?:Error|Fehler|Erreur|Ошибка|错误|エラー) \d+|Killed|Segmentation fault)/ },
  { kind: 'consequence', source: 'ninja', literals: ['ninja: build stopped', 'FAILED: '], re: /^ninja: build stopped|^FAILED: / },
  // (translated by gcc: de "ld gab 1 als Ende-Status zurück", fr "ld a retourné le statut de sortie 1", es "ld devolvió
  // el estado de salida 1", ru "выполнение ld завершилось с кодом возврата 1", zh "ld 返回 1", ja "ld はステータス 1 で終了しました")
  { kind: 'consequence', source: 'collect2', literals: ['ld returned', 'ld gab ', 'ld a retourné', 'ld devolvió', 'выполнение ld', 'ld 返回', 'ld はステータス'], re: /ld returned \d+ exit status|^collect2: .*\bld (?:gab \d|a retourné|devolvió|返回 \d|はステータス \d)|^collect2: .*выполнение ld завершилось/ },
  { kind: 'consequence', source: 'cc-rs', literals: ['error occurred in cc-rs', 'ToolExecError', 'did not execute successfully'], re: /error occurred in cc-rs: Command|ToolExecError|Command .* did not execute successfully \(status code/ },
  { kind: 'consequence', source: 'cmake', literals: ['Configuring incomplete'], re: /^-- Configuring incomplete, errors occurred!/ },
  { kind: 'consequence', source: 'cmake crate', literals: ['command did not execute successfully'], re: /command did not execute successfully, got: exit (?:status|code)/ },
  // (nix 1.x: "builder for ‘/nix/store/x.drv’ failed with exit code 1", curly quotes and no "error: " in front)
  { kind: 'consequence', source: 'nix', literals: ['builder for', 'dependencies of derivation', 'dependency of derivation'], re: /^(?:error: (?:builder for '[^']+' failed|\d+ dependenc(?:ies|y) of derivation)|builder for ‘[^’]+’ failed)/ },
  { kind: 'consequence', source: 'npm', literals: ['ELIFECYCLE', 'npm ERR! Failed at', 'npm error code', 'npm ERR! code', 'npm error command failed', 'npm ERR! command failed'], re: /^npm (?:ERR!|error) (?:code\b|Failed at|command failed|errno)|ELIFECYCLE/ },
  { kind: 'consequence', source: 'node-gyp', literals: ['gyp ERR! '], re: /^gyp ERR! (?:stack|not ok|System|command|cwd|node -v|node-gyp -v|build error|configure error)/ },
  // Heroku's git push: "remote:  !     Push rejected to myapp." / "remote:  !     Push failed: command=..."
  { kind: 'consequence', source: 'Heroku', literals: ['Push rejected', 'Push failed'], re: /^(?:remote:\s+)?!\s+Push (?:rejected|failed)\b/ },
  // fly deploy wraps every image build or fetch failure: "Error failed to fetch an image or build from source: error
  // building: ..." (flyctl < 0.1 prints "Error <message>", later versions "Error: <message>")
  { kind: 'consequence', source: 'flyctl', literals: ['failed to fetch an image or build from source'], re: /^Error:? failed to fetch an image or build from source: / },
  // electron-rebuild's spinner: "✖ Rebuild Failed", then the node-gyp error it relays
  { kind: 'consequence', source: 'electron-rebuild', literals: ['Rebuild Failed'], re: /^✖ Rebuild Failed/ },
  // @electron/rebuild under Electron Forge: "node-gyp failed to rebuild '/app/node_modules/better-sqlite3'"
  { kind: 'consequence', source: '@electron/rebuild', literals: ['node-gyp failed to rebuild'], re: /^(?:Error: )?node-gyp failed to rebuild '/ },
  // Ruby's mkmf, when extconf.rb raised or a check failed: "*** extconf.rb failed ***" (then gem's "ERROR: Failed to build
  // gem native extension." or the exception that stopped it)
  { kind: 'consequence', source: 'Ruby mkmf', literals: ['*** extconf.rb failed ***'], re: /^\*\*\* extconf\.rb failed \*\*\*/ },
  // RubyGems and Bundler around a gem's native build: "ERROR: Failed to build gem native extension." (Bundler:
  // "Gem::Ext::BuildError: ERROR: ..."), "extconf failed, exit code 1" / "make failed, exit code 2", and Bundler's "An
  // error occurred while installing nokogiri (1.16.0), and Bundler cannot" (its output wraps at 80 columns)
  // R CMD INSTALL after a package's configure or compile failed: "ERROR: configuration failed for package ‘curl’" (then
  // "* removing ‘/usr/lib/R/site-library/curl’"); install.packages() warns "installation of package ‘curl’ had non-zero
  // exit status"
  // Mix around a dependency's native build: 'could not compile dependency :bcrypt_elixir, "mix compile" failed.' (Elixir
  // < 1.4 without the colon and quotes), and elixir_make's '** (Mix) Could not compile with "make" (exit status: 2).'
  {
    kind: 'consequence',
    source: 'Elixir Mix',
    literals: ['could not compile dependency', 'Could not compile with'],
    re: /^could not compile dependency :?[\w.]+, "?mix compile"? failed|^\*\* \(Mix\) Could not compile with ["`]/,
  },
  {
    kind: 'consequence',
    source: 'R CMD INSTALL',
    literals: ['failed for package', 'had non-zero exit status'],
    re: R_PACKAGE_FAILED,
  },
  {
    kind: 'consequence',
    source: 'RubyGems / Bundler',
    literals: ['Failed to build gem native extension', 'failed, exit code', 'Bundler cannot'],
    re: /Failed to build gem native extension|^(?:extconf|make) failed, exit code \d+|^An error occurred while installing .*, and Bundler cannot\b/,
  },
  { kind: 'consequence', source: 'just / task runners', literals: ['Recipe `'], re: /^error: Recipe `[^`]+` failed/ },
  // RubyGems' summary of a gem it could not install, printed before the output of the extconf.rb that failed (so the
  // Ruby exception that decides it comes many lines later): alert_error's "ERROR:  Error installing nokogiri:" and
  // Gem::Ext::BuildError's "ERROR: Failed to build gem native extension."
  { kind: 'consequence', source: 'RubyGems', literals: ['Error installing ', 'Failed to build gem native extension'], re: /^ERROR: {1,2}(?:Error installing \S{1,300}:|Failed to build gem native extension\.)/ },
  // Gradle around a task that failed (BuildExceptionReporter, the console's task lines): "> Task :app:buildCMakeDebug
  // FAILED", "Execution failed for task ':app:externalNativeBuildDebug'.", "FAILURE: Build failed with an exception." /
  // "FAILURE: Build completed with 2 failures.", "BUILD FAILED in 12s"; and the Android Gradle plugin around its native
  // build: "C++ build system [build] failed while executing:" (AGP >= 7), "Build command failed." then "Error while
  // executing process .../ninja.exe with arguments {...}" (older AGP)
  {
    kind: 'consequence',
    source: 'Gradle / Android Gradle plugin',
    literals: [' FAILED', 'Execution failed for task', 'FAILURE: Build', 'BUILD FAILED in', 'C++ build system [', 'Build command failed.', 'Error while executing process'],
    re: /^(?:> )?Task :[\w:.-]{1,200}(?:\[[\w-]{1,30}\])? FAILED$|^Execution failed for task '|^FAILURE: Build (?:failed with an exception|completed with \d+ failures?)\.|^BUILD FAILED in \d|^C\+\+ build system \[\w+\] failed while executing:|^Build command failed\.$|^Error while executing process \S/,
  },
  // NMAKE's report of a command it ran that failed: "NMAKE : fatal error U1077: '\"C:\\...\\cl.exe\"' : return code '0x2'"
  { kind: 'consequence', source: 'NMAKE', literals: ['fatal error U1077'], re: /^(?:\d{1,4}>)?NMAKE : fatal error U1077: / },
];

export const ERROR_MARKERS: readonly Marker[] = [
  // Cabal's configure stopping on a package's extra-libraries/includes (Setup configure, cabal-install, stack, whose
  // "pkg   > " prefix comes first): "Setup.hs: Missing dependency on a foreign library:" ("Missing dependencies on
  // foreign libraries:", newer cabal-install "Error: setup: ..."), and "Setup.hs: Bad header file: foo.h"
  { kind: 'error', source: 'Cabal configure', literals: ['foreign librar', 'Bad header file: '], re: /: Missing dependenc(?:y on a foreign library|ies on foreign libraries):|: Bad header file: / },
  { kind: 'error', source: 'cargo/rustc/nix', literals: ['error:', 'error['], re: /^error(?:\[E\d{4}\])?: / },
  // (a pasted line may carry a reporter's mark in front: "--->  src/x.c:9:10: fatal error: ...")
  { kind: 'error', source: 'gcc/clang', literals: ['error:'], re: /^(?:[^\s\w]{1,8}\s+)?(?:[^\s:]+:\d+:(?:\d+:)? )?(?:fatal )?error: |^(?:clang|gcc|g\+\+|cc|c\+\+|cc1(?:plus)?|collect2|ld(?:\.\w+)?): (?:fatal )?error: / },
  // gcc with its translations installed, at a source location: "x.c:2:10: schwerwiegender Fehler: …", "x.c:3:5: Fehler: …",
  // fr "erreur fatale:", es "error fatal:", ru "фатальная ошибка:" / "ошибка:", zh "致命错误：" / "错误：", ja "致命的エラー:" / "エラー:"
  { kind: 'error', source: 'gcc (translated)', literals: ['Fehler:', 'erreur', 'error fatal:', 'ошибка:', '错误：', 'エラー:'], re: /^(?:[^\s:]+:\d+:(?:\d+:)? )(?:schwerwiegender Fehler|Fehler|erreur fatale|erreur|error fatal|фатальная ошибка|ошибка|致命错误|错误|致命的エラー|エラー)\s?[:：]/ },
  // cc-rs relays the compiler's stderr through cargo: "cargo:warning=src/x.cc:9:1: error: ..." (older cargo), or
  // "warning: foo-sys@1.2.0: src/x.cc:9:1: error: ..." (cargo >= 1.77). Relayed warnings are harmless; errors are not.
  { kind: 'error', source: 'cc-rs via cargo', literals: ['error:'], re: /^(?:cargo:warning=|warning: [\w.-]+@[\w.+-]+: )(?:[^\s:]+:\d+:(?:\d+:)? )?(?:fatal )?error: / },
  { kind: 'error', source: 'ld', literals: ['cannot find -l', 'undefined reference to', 'cannot find ', 'multiple definition of'], re: /ld(?:\.\w+)?: (?:cannot find |.*undefined reference to|.*multiple definition of [`'‘])|undefined reference to `/ },
  // GNU ld (BFD) unable to read an input file, named first and (older binutils, and some messages of current ones) with
  // no "ld: " in front: "crt1.o: could not read symbols: File in wrong format", "bad.o: file not recognized: file format
  // not recognized", "/usr/bin/ld: libx.a: error adding symbols: archive has no index; run ranlib to add one",
  // "/usr/bin/ld: final link failed: file in wrong format" (MinGW's: "C:/msys64/mingw64/bin/ld.exe: C:/x/libz.a: error adding symbols: ...")
  { kind: 'error', source: 'GNU ld (BFD)', literals: ['could not read symbols', 'error adding symbols', 'file not recognized', 'final link failed'], re: /^(?:(?:[A-Za-z]:)?[^\s:]*ld(?:\.\w+)?: ?)?(?:[A-Za-z]:)?[^\s:]+: (?:could not read symbols|error adding symbols|file not recognized): |ld(?:\.\w+)?: final link failed: / },
  // GNU ld meeting an object whose relocation it does not know (an archive built by newer binutils, as Go's prebuilt
  // cgo archives are): "/usr/bin/ld: /x/libzstd_linux_amd64.a(zstd_compress_literals.o): unrecognized relocation (0x2a)
  // in section `.text'" (bfd's elf64-x86-64.c message; "unsupported relocation type 0x2a" in current binutils)
  { kind: 'error', source: 'GNU ld (BFD)', literals: ['unrecognized relocation (', 'unsupported relocation type '], re: /ld(?:\.\w+)?(?:\.exe)?: .*(?:unrecognized relocation \(0x[0-9a-f]+\) in section|unsupported relocation type 0x[0-9a-f]+)/ },
  { kind: 'error', source: 'pip', literals: ['ERROR: '], re: /^ERROR: / },
  { kind: 'error', source: 'cmake', literals: ['CMake Error'], re: /^CMake Error\b/ },
  // (Rust before 1.0 named the thread a task: "task '<main>' panicked at 'called `Result::unwrap()` ...'")
  { kind: 'error', source: 'rust panic', literals: ['panicked at'], re: /^(?:thread|task) '[^']*'(?: \(\d+\))? panicked at/ },
  { kind: 'error', source: 'kernel OOM killer / shells', literals: ['Killed', 'SIGKILL'], re: /^Killed\b|signal: 9, SIGKILL/ },
  { kind: 'error', source: 'sh', literals: ['command not found', 'not found'], re: /: (?:\d+: )?[\w.+-]+: (?:command )?not found$/ },
  { kind: 'error', source: 'npm/node-gyp', literals: ['npm ERR!', 'npm error', 'gyp ERR!'], re: /^(?:npm ERR!|npm error|gyp ERR!) / },
  { kind: 'error', source: 'python', literals: ['Traceback (most recent call last)'], re: /^Traceback \(most recent call last\)/ },
  { kind: 'error', source: 'rustup', literals: ['error: toolchain', 'error: component'], re: /^error: (?:toolchain|component) / },
  // (color-eyre and some CLIs put the message on the next lines: "Error:" alone, then "   0: failed to parse ...")
  { kind: 'error', source: 'generic', literals: ['Error:', 'FATAL: ', 'fatal: '], re: /^(?:Error|FATAL|fatal): |^Error:$/ },
  // Elixir's uncaught exception, Mix's own errors among them: "** (Mix) ...", "** (ErlangError) erlang error: :enoent",
  // "** (CompileError) lib/x.ex:3: ..."
  { kind: 'error', source: 'Elixir', literals: ['** ('], re: /^\*\* \([A-Z][\w.]*\) / },
  // autoconf: "configure: error: C compiler cannot create executables"; its config.status: "config.status: error:
  // cannot find input file: `Makefile.in'"
  { kind: 'error', source: 'autoconf', literals: ['configure: error:', 'config.status: error:'], re: /^(?:configure|config\.status): error: / },
  // autoreconf < 2.70: "autoreconf: failed to run aclocal: No such file or directory"; >= 2.70 and automake >= 1.13:
  // "autoreconf: error: aclocal failed with exit status: 1", "automake-1.16: error: no proper invocation of AM_INIT_AUTOMAKE"
  { kind: 'error', source: 'autoreconf/automake', literals: ['autoreconf', 'aclocal', 'automake', 'autoheader', 'libtoolize'], re: /^(?:autoreconf|autoconf|autoheader|aclocal|automake|libtoolize)(?:-[\d.]+)?: (?:error: |failed to run )/ },
  // bash running a script it cannot parse (a configure whose autoconf macros were not expanded, a Python file run as
  // a shell script): "./configure: line 4634: syntax error near unexpected token `ZLIB,'"; and a program of the
  // project it cannot start: "-bash: ./configure: No such file or directory" (only a ./ or ../ path: a missing
  // "bash: /root/.bashrc" in a container's log is harmless)
  // A script that cannot run a program it names by path: "/app/shims/swift: line 3: /tmp/x/libexec/swiftenv: No such
  // file or directory" (bash names the script and its line)
  { kind: 'error', source: 'bash/sh', literals: ['syntax error', 'No such file or directory', 'Permission denied'], re: /^[^\s:]+: line \d+: syntax error\b|^-?(?:ba|da|z)?sh: (?:line \d+: )?\.\.?\/[^\s:]*: (?:No such file or directory|Permission denied)$|^[^\s:]+: line \d+: \.{0,2}\/[^\s:]*: (?:No such file or directory|Permission denied)$/ },
  // GNU make's fatal errors all end in "Stop.": "make: *** No rule to make target 'all'.  Stop.", "Makefile:3: ***
  // missing separator.  Stop." (a paste through GitHub's editor may escape the third star, "**\*", or an importer every one, or keep the
  // backtick or quote the line was wrapped in)
  // GNU make names itself by the name it was run as: "mingw32-make: *** No targets specified and no makefile found.  Stop."
  // A paste that starts at the stars, without make's name: " *** No rule to make target 'config.status', needed by
  // 'default'.  Stop." (make's "*** ...  Stop." is its own shape).
  { kind: 'error', source: 'GNU make', literals: ['Stop.'], re: /^[`"]?(?:(?:(?:[\w.]+-)?g?make(?:\.exe)?(?:\[\d+\])?|[^\s:]+:\d+): |\s*)(?:\\?\*){3} .*\bStop\./ },
  // BSD make (bmake, FreeBSD/macOS make) reading a GNU Makefile: 'make: "/x/Makefile" line 107: Need an operator',
  // "make: don't know how to make arch.c. Stop", "*** Parse error in /x: Missing dependency operator (Makefile:27)"
  // (a sub-make names itself twice: "make[3]: make[3]: don't know how to make castget.1. Stop")
  { kind: 'error', source: 'BSD make', literals: ['" line ', "don't know how to make", 'Fatal errors encountered', 'Parse error in'], re: /^[`"]?(?:b?make(?:\[\d+\])?: ){1,2}(?:"[^"]+" line \d+: |don't know how to make |Fatal errors encountered)|^[`"]?\*\*\* Parse error in / },
  // ninja: "ninja: error: loading 'build.ninja': No such file or directory" (Error() in ninja's util.cc; Fatal() says "fatal")
  { kind: 'error', source: 'ninja', literals: ['ninja: error:', 'ninja: fatal:'], re: /^ninja: (?:error|fatal): / },
  // meson >= 0.50 puts the location first: "meson.build:237:14: ERROR: Expecting eol got id."; older meson:
  // "Meson encountered an error in file meson.build, line 1, column 0:" and "Error during basic setup:"
  // Haskell's process library, when a program (ghc, git, pkg-config) could not be started: "ghc:
  // readCreateProcessWithExitCode: runInteractiveProcess: exec: does not exist (No such file or directory)", a tool's own
  // prefix before it ("cabal-debian: ... - ghc: ..."); process >= 1.6.? says "posix_spawnp" instead.
  { kind: 'error', source: 'Haskell process library', literals: [': does not exist (No such file or directory)'], re: new RegExp(HASKELL_EXEC_FAILED) },
  { kind: 'error', source: 'meson', literals: [': ERROR: ', 'Meson encountered an error', 'Error during basic setup'], re: /^[^\s:]+(?::\d+){1,2}: ERROR: |^Meson encountered an error in file |^Error during basic setup:/ },
  // gyp (run by node-gyp) reports a GypError as "gyp: binding.gyp not found (cwd: ...) while trying to load binding.gyp"
  { kind: 'error', source: 'gyp', literals: ['gyp: '], re: /^gyp: \S/ },
  // Cython: "Error compiling Cython file:", then the source lines and "src/x.pyx:264:28: <the error>"
  { kind: 'error', source: 'Cython', literals: ['Error compiling Cython file'], re: /^Error compiling Cython file:/ },
  // a Java exception (Gradle, a JVM tool starting cargo): "Caused by: java.io.IOException: Cannot run program \"cargo\"";
  // the last line of a Python traceback whose top was not pasted: "distutils.errors.DistutilsError: Setup script
  // exited with error: ...", "subprocess.CalledProcessError: Command '['false']' returned non-zero exit status 1."
  { kind: 'error', source: 'JVM / Python', literals: ['Exception: ', 'Error: ', 'Exception in thread', 'Caused by: '], re: /^(?:Exception in thread "[^"]*" |Caused by: )(?:[a-z]\w*\.)+[A-Z]\w*(?:Exception|Error)\b|^(?:[a-z_]\w*\.)+[A-Z]\w*(?:Exception|Error): / },
  // An uncaught exception's own line, where no traceback start or wrapper marks it: Node.js after the source line and
  // caret it quotes ("TypeError: Cannot read properties of null (reading 'schema')", "Error [ERR_MODULE_NOT_FOUND]:
  // Cannot find package 'x'"), so a stack of ten frames cannot push it out of the lines kept before npm's summary; and
  // the last line of a Python traceback pasted without its top ("ModuleNotFoundError: No module named 'pybind11'")
  { kind: 'error', source: 'Node.js / Python', literals: ['Error: ', 'Exception: ', 'Error [', 'KeyboardInterrupt'], re: /^(?:(?:[A-Z]\w*)?(?:Error|Exception)(?: \[[A-Z][A-Z0-9_]{2,60}\])?: \S|KeyboardInterrupt$)/ },
  // the SEVERE level of Dart's logging package (Flutter's Cargokit: "[   +1 ms] SEVERE: Cargokit BuildTool failed
  // with error:", behind flutter -v's timing column) and of java.util.logging
  { kind: 'error', source: 'Dart logging / java.util.logging', literals: ['SEVERE: '], re: /^(?:\[\s*(?:\+\d+ ms)?\] )?SEVERE: / },
  // MSVC and MSBuild, whose error codes stay English in every language Visual Studio ships: cl.exe "src\\x.cpp(12,5): error
  // C2065: ..." ("fatal error C1083", VS 2008 "x.c(12) : error"), link.exe "LINK : fatal error LNK1181: ..." and
  // "x.obj : error LNK2019: ...", MSBuild "C:\\...\\Microsoft.CppBuild.targets(440,5): error MSB8020: ..." (MSBuild puts
  // the project number in front: "6>x.cpp(3): error C2143"; the IDE's error list is not a log: no location before the code)
  { kind: 'error', source: 'MSVC cl.exe / link.exe / MSBuild', literals: [': error C', ': fatal error C', 'error LNK', 'error MSB', 'error C'], re: /^(?:\d{1,4}>)?(?:[^\s(]{1,300}|[A-Za-z]:[\\/][^\n]{0,300}?)\(\d+(?:,\d+)?\) ?: (?:fatal )?error (?:C\d{4}|MSB\d{4}):|^(?:\d{1,4}>)?(?:LINK|[^\s:]{1,200}\.(?:obj|lib|exe|dll)) : (?:fatal )?error LNK\d{4}:|^(?:\d{1,4}>)?(?:[^\s:]{1,40} )?:? ?error MSB\d{4}:/ },
  // NMAKE's own fatal errors ("NMAKE : fatal error U1064: MAKEFILE not found and no target specified"; U1077, a command
  // that failed, is a consequence above) and cl.exe refusing its command line ("cl : Command line error D8049 : cannot
  // execute 'c1xx.dll': command line is too long to fit in debug record"; D9xxx are its warnings)
  { kind: 'error', source: 'NMAKE / cl.exe command line', literals: ['fatal error U', 'Command line error D'], re: /^(?:\d{1,4}>)?(?:NMAKE : fatal error U\d{4}:|cl(?:\.exe)? : Command line error D\d{4} ?:)/ },
  // Visual Studio's Error List, copied, an Error row with its code (the row with an empty code is unwrapped by
  // normalize.ts): "Error\tMSB3073\tThe command \"...\" exited with code 9009.", "Fehler\tC1083\tDatei ... nicht öffnen"
  { kind: 'error', source: 'Visual Studio Error List', literals: ['Error\t', 'Fehler\t', 'Erreur\t'], re: /^(?:Error|Fehler|Erreur)\t(?:[A-Z]{1,3}\d{4,5})\t/ },
  // the Go compiler and go vet (no warnings exist): "ui/command-processor.go:112:21: undefined: autocompleteUser";
  // cgo: "could not determine kind of name for C.GIT_BLAME_IGNORE_WHITESPACE"
  // (a Windows path too: "C:\\Users\\u\\go\\src\\x\\robotgo_mac_win.go:13:2: undefined: internalActive")
  { kind: 'error', source: 'go / cgo', literals: ['.go:', 'could not determine kind of name for C.'], re: /^(?:[A-Za-z]:[\\/])?(?:\.{1,2}[\\/])?[\w./\\@+-]{1,300}\.go:\d+(?::\d+)?: \S|^could not determine kind of name for C\./ },
  // GNU as (gas) under gcc or cgo: "gcc_arm64.S:2: Error: no such instruction: `stp x29,x30,[sp,-16]!'" (assembly for
  // another architecture than the assembler's), after its "gcc_arm64.S: Assembler messages:" header
  { kind: 'error', source: 'GNU as', literals: [': Error: '], re: /^[^\s:]{1,300}\.(?:[sS]|asm):\d+: Error: / },
  // Go's flag package refusing an option, in the go command or a Go tool (cgo): "flag provided but not defined: -badflag"
  { kind: 'error', source: 'Go flag package', literals: ['flag provided but not defined: '], re: /^flag provided but not defined: -/ },
  // Python's argparse refusing a command line (meson, conan, scons): "meson setup: error: argument --debug: ignored
  // explicit argument 'false'", "conan: error: unrecognized arguments: --build"
  { kind: 'error', source: 'argparse (meson, conan, ...)', literals: [': error: argument ', ': error: unrecognized arguments', ': error: the following arguments are required', ': error: invalid choice'], re: /^[\w.+-]{1,40}(?: [\w-]{1,40})?: error: (?:argument |unrecognized arguments|the following arguments are required|invalid choice)/ },
  // QEMU user-mode emulation (a foreign-architecture docker build): "qemu: uncaught target signal 11 (Segmentation fault) - core dumped"
  { kind: 'error', source: 'QEMU user emulation', literals: ['uncaught target signal'], re: /qemu(?:-[\w-]{1,30})?: uncaught target signal \d+/ },
  // pip's PEP 517 hooks: "pip._vendor.pyproject_hooks._impl.BackendUnavailable: Cannot import 'x.build'"
  { kind: 'error', source: 'pyproject_hooks', literals: ['BackendUnavailable: ', 'BackendInvalid: '], re: /\bBackend(?:Unavailable|Invalid): / },
  // the go command refusing a package before it compiles anything: "package github.com/mattn/go-sqlite3: C source files
  // not allowed when not using cgo or SWIG: sqlite3-binding.c" (go >= 1.11; older go: "can't load package: package x: ..."),
  // or at the end of an import chain: "\timports example.com/demo/cgolib: build constraints exclude all Go files in ..."
  // (go 1.19), "go build github.com/DataDog/zstd: build constraints exclude all Go files in ...", go before 1.12's bare
  // "github.com/x/webview: build constraints exclude all Go files" 
  { kind: 'error', source: 'go (package loading)', literals: ['C source files not allowed', 'build constraints exclude all Go files', 'cannot find package'], re: /^(?:can't load package: )?(?:(?:package|imports|go build) \S+|[\w-]+(?:\.[\w-]+)+\/\S+): (?:C source files not allowed|build constraints exclude all Go files|cannot find package)/ },
  // Ruby's uncaught exception (an extconf.rb or Rakefile that raised): "extconf.rb:8:in `<main>': missing API: are you
  // using ruby 2.1+? (RuntimeError)"; Ruby >= 3.4 quotes the method 'like this'
  { kind: 'error', source: 'Ruby', literals: [":in `", ":in '"], re: /^[^\s:]+\.rb:\d+:in [`'][^']{1,200}': .* \((?:[A-Z]\w*::)*(?:[A-Z]\w*(?:Error|Exception)|E[A-Z0-9]{2,}|Interrupt)\)$/ },
  // node-pre-gyp: "node-pre-gyp ERR! Pre-built binaries not found for sqlite3@3.1.13 ..." (a later "gyp info ok" still wins)
  { kind: 'error', source: 'node-pre-gyp', literals: ['node-pre-gyp ERR!'], re: /^node-pre-gyp ERR! / },
];

/**
 * Words an error message carries whatever prints it, for a paste with no failure marker at all: a short paste the
 * reporter cut down to the lines that failed (a tool's own message with no marker, a wrapper's prefix that hides one)
 * is shown whole when one of its lines reads like this. Never a failure on its own: the outcome stays unknown.
 */
export const ERROR_WORDS = /\b(?:error|fatal|failed|failure|cannot|can't|could not|couldn't|unable to|not found|no such file|panicked|permission denied)\b|-NOTFOUND\b/i;

export const SUCCESS_MARKERS: readonly Marker[] = [
  // cargo >= 1.75: "Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.32s"; older: "Finished dev [unoptimized + debuginfo] target(s) in"
  { kind: 'success', source: 'cargo', literals: ['Finished '], re: /^Finished `?\w+`? (?:profile )?\[[^\]]*\] target\(s\) in / },
  { kind: 'success', source: 'pip / docker (legacy)', literals: ['Successfully installed'], re: /^Successfully installed \S/ },
  // pip prints "Successfully built a" right before "Failed to build b": it only ends a log that had no failure.
  { kind: 'success', source: 'pip / docker (legacy)', literals: ['Successfully built'], re: /^Successfully built \S/, onlyBeforeFailure: true },
  { kind: 'success', source: 'maturin', literals: ['Built wheel', 'Installed '], re: /^(?:📦 )?Built wheel (?:for|to) |^(?:🛠 )?Installed [\w.-]+-\d/ },
  // (make -j: another job's target can still finish after one failed, and its progress may read 100%)
  { kind: 'success', source: 'cmake/make', literals: ['[100%] Built target'], re: /^\[100%\] Built target /, interleaves: true },
  { kind: 'success', source: 'node-gyp', literals: ['gyp info ok'], re: /^gyp info ok\b/ },
  { kind: 'success', source: 'npm', literals: ['added '], re: /^added \d+ packages?\b/ },
  { kind: 'success', source: 'BuildKit', literals: ['naming to ', 'writing image sha256'], re: /^(?:=> )?(?:naming to |writing image sha256:)/ },
  { kind: 'success', source: 'gradle/generic', literals: ['BUILD SUCCESSFUL'], re: /^BUILD SUCCESSFUL/ },
  // CMake's configure step completed ("-- Configuring done", "-- Configuring done (0.3s)" since 3.26, then "-- Generating
  // done" and "-- Build files have been written to: /x/build"): an error it printed before was not fatal to it, for
  // after a CMake Error it prints "-- Configuring incomplete, errors occurred!" instead
  { kind: 'success', source: 'cmake', literals: ['-- Configuring done', '-- Generating done'], re: /^-- (?:Configuring|Generating) done\b/, stageOnly: true },
  // autoconf's config.log starts each check with its line number: "configure:2576: checking whether the C compiler works".
  // The errors of the checks before it (the compiler version probes "gcc -V", a header it looked for and went on
  // without) were expected; the block of the failure starts at the errors of the check that failed.
  { kind: 'success', source: 'autoconf (config.log)', literals: [': checking '], re: /^configure:\d+: checking /, stageOnly: true },
];

export interface ChainLayer {
  /** Nesting depth: outer wrappers have lower numbers. */
  depth: number;
  literals: readonly string[];
  re: RegExp;
  /** Label, with $1.. replaced by capture groups. */
  label: string;
  /** Later hits replace the label (e.g. the Docker step that ran last). */
  latest?: boolean;
  /** The build tool this layer shows ran, whose commands a fix may then offer. */
  tool?: BuildTool;
}

/**
 * A build tool named on a finding's own evidence line: with the chain, which of a rule's tool-specific commands apply
 * (`ERROR: Neither directory contains a build file meson.build.` is meson's, `CMakeCache.txt` CMake's).
 */
export const TOOL_ON_LINE: readonly { tool: BuildTool; re: RegExp }[] = [
  { tool: 'cargo', re: /\bcargo\b|\brustc\b|Cargo\.toml/ },
  { tool: 'pip', re: /\bpip3?\b|setup\.py|pyproject\.toml|\bwheel for\b|\bskbuild\b|scikit[-_]build|\bsetuptools\b|\bdistutils\b/ },
  // node-gyp's make output names its targets `CXX(target) Release/obj.target/...`
  { tool: 'node-gyp', re: /\bgyp\b|node-gyp|binding\.gyp|\b(?:CXX|CC|LINK|SOLINK_MODULE)\(target\)/ },
  // (a `<VAR>-NOTFOUND` word is a CMake variable's value: a custom command CMake generated runs it)
  { tool: 'cmake', re: /\bcmake\b|CMake|CMakeLists\.txt|\b[A-Za-z]\w*-NOTFOUND\b/i },
  { tool: 'meson', re: /\bmeson\b/i },
  // autotools' configure counts as make's: its advice (CPATH, PKG_CONFIG_PATH, a rerun) is the same
  { tool: 'make', re: /^g?make(?:\[\d+\])?: |\bMakefile\b|^configure: (?:error|WARNING): / },
  // cgo: the package header `# runtime/cgo` and the go command's own lines
  { tool: 'go', re: /\bcgo\b|^# [\w.-]+(?:\/[\w.-]+)+$|^go(?: build| install| get| run|: )/ },
  // a Ruby gem's C extension: RubyGems' and Bundler's failure lines, and mkmf (extconf.rb) itself
  { tool: 'gem', re: /\bmkmf\b|extconf\.rb|gem native extension|Gem::Ext::BuildError/ },
  // an R package's source install: R CMD INSTALL's own lines, and install.packages() around it
  { tool: 'r', re: new RegExp(String.raw`\bR CMD INSTALL\b|^\* installing \*source\* package|${R_PACKAGE_FAILED.source}`) },
  // a Haskell package's configure: cabal-install's and stack's lines, and Cabal's own foreign-library check
  { tool: 'cabal', re: /\bcabal(?:-install)?\b|\bstack (?:build|install)\b|Missing (?:\(or bad\) )?(?:C librar|header file)|foreign librar/ },
  { tool: 'docker', re: /\bdocker\b|Dockerfile|failed to solve/i },
];

export const CHAIN_LAYERS: readonly ChainLayer[] = [
  { depth: 0, literals: ['##[group]', '##[error]'], re: /##\[(?:group|error)\]/, label: 'GitHub Actions' },
  { depth: 0, literals: ['gitlab-runner'], re: /Running with gitlab-runner/, label: 'GitLab CI' },
  { depth: 1, literals: [' RUN ', ' RUN\t'], re: /\[(?:[\w.-]+ )?(\d+\/\d+)\] RUN\b|^Step (\d+\/\d+) : RUN\b/, label: 'docker build step $1$2', latest: true, tool: 'docker' },
  { depth: 2, literals: ['/nix/store/', 'building \''], re: /^building '\/nix\/store\/[a-z0-9]{32}-([^']+)\.drv'/, label: 'nix build $1', latest: true },
  { depth: 2, literals: ['error: path \'/nix/store', 'flake'], re: /^error: (?:path '\/nix\/store|getting status of '\/nix\/store)|in flake\b/, label: 'nix flake evaluation' },
  { depth: 3, literals: ['Building wheel for', 'Preparing metadata', 'pip install', 'Collecting '], re: /Building wheel for ([\w.-]+)|Preparing metadata \(|pip3? install|^Collecting ([\w.-]+)/, label: 'pip', tool: 'pip' },
  { depth: 3, literals: ['gyp info', 'node-gyp'], re: /^gyp (?:info|ERR!) |node-gyp/, label: 'node-gyp', tool: 'node-gyp' },
  { depth: 4, literals: ['maturin', '🍹'], re: /maturin|🍹/, label: 'maturin', tool: 'cargo' },
  { depth: 4, literals: ['running build_rust', 'setuptools_rust', 'setuptools-rust'], re: /running build_rust|setuptools[_-]rust/, label: 'setuptools-rust', tool: 'cargo' },
  { depth: 4, literals: ['running build_ext'], re: /^running build_ext/, label: 'setuptools build_ext', tool: 'pip' },
  { depth: 5, literals: ['cargo-chef', 'chef cook'], re: /cargo-chef|chef cook/, label: 'cargo-chef', tool: 'cargo' },
  { depth: 6, literals: ['could not compile', 'failed to run custom build command', 'Caused by:', 'error[E'], re: /[Cc]ould not compile `|failed to run custom build command|^Caused by:|^error\[E\d{4}\]/, label: 'cargo', tool: 'cargo' },
  { depth: 7, literals: ['failed to run custom build command'], re: /failed to run custom build command for `([^`]+)`/, label: 'build script of $1', tool: 'cargo' },
  { depth: 8, literals: ['cc-rs', 'ToolExecError', 'failed to find tool'], re: /cc-rs|ToolExecError|failed to find tool/, label: 'cc-rs', tool: 'cargo' },
  { depth: 8, literals: ['CMake Error', 'running: "cmake"', 'running: cd '], re: /^CMake Error|running: "cmake"|running: cd .*"cmake"/, label: 'cmake', tool: 'cmake' },
  // Crate names alone ("Compiling bindgen v0.69") say nothing: only bindgen's failures and panic paths count.
  { depth: 8, literals: ['Unable to find libclang', "couldn't find any valid shared libraries"], re: /Unable to find libclang|couldn't find any valid shared libraries matching/, label: 'bindgen' },
  { depth: 8, literals: ['***'], re: /^(?:[\w.]+-)?g?make(?:\.exe)?(?:\[\d+\])?: \*\*\*/, label: 'make', tool: 'make' },
  // meson's banner, its errors located in a meson.build, the log it points to
  { depth: 8, literals: ['The Meson build system', 'meson.build:', 'meson-log.txt'], re: /^The Meson build system$|meson\.build:\d+:\d+: ERROR|meson-logs[\\/]meson-log\.txt/, label: 'meson', tool: 'meson' },
  { depth: 9, literals: ['pkg-config search path', '"pkg-config"', 'pkg_config fail', 'pkg-config command', '`pkg-config`', 'PKG_CONFIG_PATH environment'], re: /pkg-config search path|"pkg-config"|pkg_config fail|pkg-config command|`pkg-config`|PKG_CONFIG_PATH environment/, label: 'pkg-config' },
  { depth: 9, literals: ['linking with', 'collect2', 'linker `'], re: /linking with `|collect2|linker `/, label: 'linker' },
];
