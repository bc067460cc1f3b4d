// build-tool-missing: a program the build runs (make, ninja, nasm, bison, flex, autoconf, libtool, meson, git, ...) is
// not installed or not on PATH, and no more specific rule (compilers, cmake, perl, protoc, python, pkg-config) owns it.
//
// The lines come from the shared program-not-found signal (every shell, make, env, Node/Python/Go/Rust ENOENT forms,
// CMake's build-program check) and from CMake find modules of programs (FindBISON, FindGit); the kb table names the
// package. A program the table does not know is reported only from wordings that surely mean "command not found".

import { COMPONENTS, factForCmakePackage, factForProgram, type EntityFact } from '../../../components.js';
import { cargoOffersInstalledPlugin } from '../../../signals.js';
import { mergeInstallFacts } from '../../../platforms.js';
import { defineRule, type CaptureValue, type PatternHit } from '../../../rule.js';
import { CMAKE_RECONFIGURE_STEP } from '../cmake-find-program.js';
import { MACRO_NAME } from '../autoconf-macro-lines.js';

// "./configure: line 4113: PKG_PROG_PKG_CONFIG: command not found" is an unexpanded autoconf macro, not a program
// (pkg-config-missing, autoconf-macro-missing).
const AUTOCONF_MACRO = new RegExp(String.raw`^${MACRO_NAME}$`);

// CMake: "CMake Error at CMakeLists.txt:38 (message):" or "CMake Error: ..." after a find module's status line.
const CMAKE_ERROR = /^CMake Error\b/;

function factOf(hit: PatternHit): EntityFact | null {
  // (A makefile that make names the way it names a missing program is dropped where the signal routes its hit.)
  if (hit.captures.program && AUTOCONF_MACRO.test(hit.captures.program)) return null;
  if (hit.captures.program) return factForProgram(hit.captures.program);
  if (hit.captures.library && hit.captures._entityKind === 'cmake') return factForCmakePackage(hit.captures.library);
  return null;
}

export default defineRule({
  id: 'build-tool-missing',
  title: 'A build tool is not installed',
  summary: 'The build runs a program (make, ninja, nasm, bison, autoconf, git, ...) that is not installed or not on PATH.',
  category: 'toolchain',
  captures: {
    program: { type: 'string', doc: 'the first missing program (the one the fix is about)' },
    programs: { type: 'string[]', doc: 'every missing program the log names' },
  },
  internal: ['library', 'packageNote'],
  signals: ['program-not-found', 'dependency-not-found', 'configure-check-failed'],
  contextAfter: 3,
  patterns: [
    {
      id: 'perl-cant-exec',
      // perl's system() when the program is not on PATH, as autoreconf, automake and other perl tools print it:
      // 'Can\'t exec "aclocal": No such file or directory at /usr/share/autoconf/Autom4te/FileUtils.pm line 326.'
      source: 'perl (autoreconf, automake, autom4te)',
      literals: ["Can't exec \""],
      re: /^Can't exec "(?:[^"\s]{0,200}\/)?(?<program>[\w.+-]{1,64})": No such file or directory/,
      weight: 0.85,
    },
    {
      id: 'autoreconf-failed-to-run',
      // autoreconf <= 2.69: "autoreconf: failed to run aclocal: No such file or directory"; 2.72: "autoreconf: error: failed to
      // run aclocal: ..." (printed only when the program could not be started; a failing one reads "aclocal failed with exit status")
      source: 'autoreconf (autoconf)',
      literals: ['failed to run '],
      re: /^autoreconf[\w.-]{0,8}: (?:error: )?failed to run (?<program>[\w.+-]{1,64})(?:: No such file or directory)?\s*$/,
      weight: 0.85,
    },
    {
      id: 'cmake-toolchain-file-failed',
      // CMake's call stack under an error raised while project() loads the toolchain file (vcpkg.cmake's "vcpkg install
      // failed", a CMAKE_TOOLCHAIN_FILE's FATAL_ERROR): "  /usr/share/cmake-3.25/Modules/CMakeDetermineSystem.cmake:124
      // (include)". Support only: after it CMake never looks for the build program, so its "unable to find a build
      // program corresponding to \"Ninja\"" that follows is no missing ninja
      source: 'CMake',
      literals: ['CMakeDetermineSystem.cmake:'],
      re: /CMakeDetermineSystem\.cmake:\d+ \(include\)/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    const toolchainFailedAt = Math.min(...ctx.hits.filter((h) => h.pattern === 'cmake-toolchain-file-failed').map((h) => h.line));
    const found = ctx.hits
      .filter((hit) => !(hit.pattern.endsWith('cmake-no-build-program') && hit.line > toolchainFailedAt))
      .filter((hit) => !(hit.pattern.endsWith('cargo-plugin-not-installed') && cargoOffersInstalledPlugin(hit.after.slice(0, 3))))
      .map((hit) => ({ hit, fact: factOf(hit) }))
      .filter((f): f is { hit: PatternHit; fact: EntityFact } => f.fact !== null && f.fact.rule === 'build-tool-missing')
      // CMake's "-- Could NOT find BISON" status line counts when the configure step then fails.
      .filter(({ hit }) => hit.weight >= 0.5 || hit.after.some((l) => CMAKE_ERROR.test(l)));
    if (found.length === 0) return null;
    const first = [...found].sort((a, b) => Number(b.fact.known) - Number(a.fact.known) || a.hit.line - b.hit.line)[0].fact;
    const programs = [...new Set(found.map((f) => f.fact.name.replace(/\.exe$/i, '')))];
    const known = found.filter((f) => f.fact.component !== null).map((f) => COMPONENTS[f.fact.component!]);
    const captures: Record<string, CaptureValue> = { program: first.name, programs };
    if (!first.known) captures.packageNote = ` (buildmedic's table does not know \`${first.name}\`: the commands below search for the package that ships it)`;
    // Unknown programs: the package manager's file search finds the package that ships bin/<program>.
    const install = known.length > 0 ? mergeInstallFacts(known) : { packages: {}, search: `bin/${first.name}` };
    // A program the table does not know might be the project's own helper or an optional one: below a named cause.
    const confidence = first.known ? Math.max(...found.map((f) => (f.hit.weight >= 0.5 ? f.hit.weight : 0.8))) : 0.7;
    return { captures, install, confidence, evidence: found.map((f) => ({ line: f.hit.line, text: f.hit.text })) };
  },
  explanation:
    'The build ran `{{program}}`, and the shell (or the build tool that starts it) could not find it: it is not installed, or not on ' +
    'the PATH the build sees. Builds of C/C++ code and of -sys crates and Python extensions that wrap them run many programs ' +
    'besides the compiler: make or ninja, assemblers (nasm, yasm), parser generators (bison, flex), the autotools (autoconf, ' +
    'automake, libtool), meson, git. Slim images and fresh CI runners rarely have them.',
  fix: {
    summary: 'Install `{{program}}` (below), or put the directory that has it on PATH.',
    steps: [
      'Install the package that provides `{{program}}`{{packageNote|}}.',
      'If it is installed in a non-standard place, add that directory to PATH for the build (under sudo, PATH is reset: pass it on or use the full path).',
      'In a Dockerfile, add the install line to the same stage that runs the build.',
      { tool: 'cmake', step: CMAKE_RECONFIGURE_STEP },
    ],
  },
});
