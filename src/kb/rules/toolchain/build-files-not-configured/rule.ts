// build-files-not-configured: the build step (ninja, make, cmake --build, meson compile, node-gyp) ran in a directory
// that holds no build files: the configure step was not run, or the build ran in the wrong directory.

import { makeNoMakefile, makeNoRuleStop, MAKE_NO_MAKEFILE_LITERALS, MAKE_NO_RULE_LITERALS } from '../../../make-messages.js';
import { confidenceOf, defineRule } from '../../../rule.js';

// Patterns whose line only says an earlier configure step failed: then that failure is the cause, not this one.
const CONFIGURE_FAILED = 'configure-step-failed';
// npm ran node-gyp as a package's install script: then the package, not the directory the user chose, lacks binding.gyp.
const NPM_RUNS_NODE_GYP = 'npm-lifecycle-runs-node-gyp';

// A package's directory in node_modules (`node_modules/n64`, `node_modules/@scope/name`).
const NPM_PACKAGE_DIR = /node_modules[/\\](?:@[^/\\]+[/\\])?[^/\\@]+[/\\]?$/;

export default defineRule({
  id: 'build-files-not-configured',
  title: 'The build ran where there are no build files',
  summary: 'A build tool ran in a directory with no build files (no build.ninja, Makefile, CMake cache or binding.gyp): the configure step was not run there.',
  category: 'toolchain',
  captures: {
    tool: { type: 'string', doc: 'the build tool that found nothing to build' },
    directory: { type: 'path', doc: 'the directory it ran in, when the log names it', optional: true },
  },
  internal: ['directory2', 'directory3', 'directory4'],
  patterns: [
    {
      id: 'ninja-no-build-ninja',
      // ninja (ninja.cc, manifest_parser): "ninja: error: loading 'build.ninja': No such file or directory"; on Windows the system
      // message, localized: "The system cannot find the file specified.", "Le fichier spécifié est introuvable."
      source: 'ninja',
      literals: ["ninja: error: loading '"],
      re: /^ninja: error: loading '(?<_file>[^']{0,300}\.ninja)': (?!Permission denied)/,
      weight: 0.85,
    },
    {
      id: 'make-no-makefile',
      // GNU make (main.c): "make: *** No targets specified and no makefile found.  Stop." (GitHub's editor escapes "**\*"),
      // under the name it was run as ("mingw32-make: *** ...") and in make.mo's translations (zh_CN: "make: *** 没有指明目标
      // 并且找不到 makefile。 停止。"); NMAKE's "NMAKE : fatal error U1064: MAKEFILE not found and no target specified"
      source: 'GNU make / NMAKE',
      literals: [...MAKE_NO_MAKEFILE_LITERALS, 'fatal error U1064'],
      re: new RegExp(`${makeNoMakefile()}|^NMAKE : fatal error U1064: MAKEFILE not found and no target specified`),
      weight: 0.85,
    },
    {
      id: 'make-named-makefile-missing',
      // GNU make told which makefile to read (`make -f Makefile`, a ports or package recipe) when it is not there: "make:
      // Makefile: No such file or directory", then "make: *** No rule to make target 'Makefile'.  Stop." (not "..., needed
      // by 'x.o'", a rule's prerequisite; not an included fragment such as config.mk, which may be the project's own)
      source: 'GNU make',
      // (in make.mo's translations too: make-messages.ts)
      literals: MAKE_NO_RULE_LITERALS,
      re: new RegExp(makeNoRuleStop('(?:GNUmakefile|makefile|Makefile)')),
      weight: 0.85,
    },
    {
      id: 'make-no-rule-all',
      // GNU make asked for `all` (`make all`, `make all modules`) where no makefile has it: "make: *** No rule to make target
      // 'all'.  Stop." (not "..., needed by"). Every generated Makefile (automake, CMake, qmake, ./configure's) has `all`,
      // so the usual reason is that none was generated: configure was not run. Weaker than the no-makefile line: a
      // hand-written Makefile without `all` reads the same.
      source: 'GNU make',
      literals: MAKE_NO_RULE_LITERALS,
      re: new RegExp(makeNoRuleStop('all')),
      weight: 0.7,
    },
    {
      id: 'node-gyp-binding-gyp-not-found',
      // gyp (input.py LoadOneBuildFile) under node-gyp configure/rebuild: "gyp: binding.gyp not found (cwd: C:\Users\x) while trying
      // to load binding.gyp"; older gyp raises it as "Exception: binding.gyp not found (cwd: ...) while trying to load binding.gyp"
      source: 'gyp (node-gyp)',
      literals: ['binding.gyp not found (cwd:'],
      re: /binding\.gyp not found \(cwd: (?<directory>[^()]{1,400})\) while trying to load binding\.gyp/,
      weight: 0.85,
    },
    {
      id: 'cmake-build-no-cache',
      // cmake --build on a directory never configured: CMake <= 3.25 "Error: could not load cache"; newer "Error: not a CMake build
      // directory (missing CMakeCache.txt)"
      source: 'cmake --build',
      literals: ['Error: could not load cache', 'not a CMake build directory (missing CMakeCache.txt)'],
      re: /^Error: (?:could not load cache\s*$|not a CMake build directory \(missing CMakeCache\.txt\))/,
      weight: 0.85,
    },
    {
      id: 'meson-not-a-build-directory',
      // meson compile/test/introspect (mcompile.py validate_builddir): "ERROR: Current directory is not a meson build directory:
      // `/x/build`." (older mintro: "Current directory is not a meson build directory."); meson configure (mconf.py) on a
      // directory with neither meson-private/ nor meson.build: "ERROR: Directory /x/build is neither a Meson build directory
      // nor a project source directory." (0.50+; before, mesonconf: "Directory build does not seem to be a Meson build
      // directory."; mdevenv/mtest say it with the name quoted); meson test (1.x): "ERROR: No such build data file as
      // '/x/build/meson-private/build.dat'."
      source: 'meson',
      literals: ['is not a meson build directory', 'is neither a Meson build directory', 'does not seem to be a Meson build directory', "/meson-private/build.dat'", "/meson-private/coredata.dat'"],
      re: /^(?:ERROR: )?(?:Current directory is not a meson build directory(?::\s*`(?<directory>[^`]{1,400})`)?|Directory '?(?<directory2>[^']{1,400}?)'? (?:is neither a Meson build directory nor a project source directory|does not seem to be a Meson build directory)|No such build data file as '(?<directory3>[^']{1,400})\/meson-private\/build\.dat'|(?:FileNotFoundError: \[Errno 2\] )?No such file or directory: '(?<directory4>[^']{1,400})\/meson-private\/(?:coredata|build)\.dat')/,
      weight: 0.85,
    },
    {
      id: 'meson-install-data-not-found',
      // meson install (minstall.py) outside a configured build directory: "Install data not found. Run this command in build directory root."
      source: 'meson install',
      literals: ['Install data not found. Run this command in build directory root'],
      re: /^(?:ERROR: )?Install data not found\. Run this command in build directory root/,
      weight: 0.8,
    },
    {
      id: 'msbuild-no-project-file',
      // MSBuild (node-gyp build on Windows without configure): "MSBUILD : error MSB1003: Specify a project or solution file. The
      // current working directory does not contain a project or solution file."
      source: 'MSBuild',
      literals: ['MSB1003'],
      re: /error MSB1003: Specify a project or solution file/,
      weight: 0.8,
    },
    {
      id: NPM_RUNS_NODE_GYP,
      // npm's lifecycle echo of the script ("> node-gyp rebuild", the `> ` removed by normalisation) and its failure summary:
      // npm 6 "npm ERR! x@1.0.0 install: `node-gyp rebuild`", npm >= 7 "npm ERR! command sh -c node-gyp rebuild" ("npm error ..." in npm 11, as made here)
      source: 'npm',
      literals: ['node-gyp rebuild'],
      re: /^(?:npm (?:ERR!|error) (?:command (?:sh|cmd\.exe \/d \/s \/c) -c |\S{1,300} install: `))?node-gyp rebuild`?\s*$/,
      weight: 0.1,
    },
    {
      id: CONFIGURE_FAILED,
      // CMake: "-- Configuring incomplete, errors occurred!"; autoconf: "configure: error: ..."; meson setup, after its error only:
      // "A full log can be found at /x/build/meson-logs/meson-log.txt". An earlier configure failed, so the build files are
      // missing because of that failure (e.g. `cmake ..; ninja`, `meson setup build; ninja -C build`).
      source: 'CMake / autoconf / meson',
      literals: ['Configuring incomplete, errors occurred', 'configure: error:', 'A full log can be found at '],
      re: /^(?:-- )?Configuring incomplete, errors occurred|^configure: error: |^A full log can be found at \S{0,400}meson-log\.txt/,
      weight: 0.1,
    },
  ],
  refine: (ctx) => {
    const hits = ctx.hits.filter((h) => h.pattern !== CONFIGURE_FAILED && h.pattern !== NPM_RUNS_NODE_GYP);
    if (hits.length === 0) return null;
    const first = hits.reduce((a, b) => (b.line < a.line ? b : a));
    // A configure step that failed before is the cause; the missing build files only follow from it.
    if (ctx.hits.some((h) => h.pattern === CONFIGURE_FAILED && h.line < first.line)) return null;
    // gyp run by the Makefile it generated, from build/ (a Makefile regenerating itself): not a directory without a project.
    if (first.pattern === 'node-gyp-binding-gyp-not-found' && /[/\\]build[/\\]?$/.test(first.captures.directory ?? '')) return null;
    // A package's install script that runs node-gyp without a binding.gyp is that package's bug, not a wrong directory.
    // So is a package's own directory under node_modules (npm ran it there: the published package lacks the file); the
    // node_modules directory itself is still a wrong place the user chose.
    if (first.pattern === 'node-gyp-binding-gyp-not-found' && (ctx.hits.some((h) => h.pattern === NPM_RUNS_NODE_GYP) || NPM_PACKAGE_DIR.test(first.captures.directory ?? ''))) return null;
    const tool = first.pattern.startsWith('ninja')
      ? 'ninja'
      : first.pattern.startsWith('make')
        ? 'make'
        : first.pattern.startsWith('node-gyp')
          ? 'node-gyp'
          : first.pattern.startsWith('cmake')
            ? 'cmake --build'
            : first.pattern.startsWith('meson')
              ? 'meson'
              : 'MSBuild';
    const directory = first.captures.directory ?? first.captures.directory2 ?? first.captures.directory3 ?? first.captures.directory4;
    return { confidence: confidenceOf(hits), captures: { tool, ...(directory ? { directory } : {}) }, evidence: hits.map((h) => ({ line: h.line, text: h.text })) };
  },
  explanation:
    '{{tool}} ran in {{directory|a directory}} that holds no build files for it. The build files (build.ninja, Makefile, ' +
    'CMakeCache.txt, the Visual Studio project) are written by the configure step (cmake, meson setup, ./configure, node-gyp ' +
    'configure), and node-gyp needs the package\'s binding.gyp in the current directory. So either the configure step was never ' +
    'run, it ran into another build directory, or the command ran in the wrong directory (the home directory, a parent folder, ' +
    'the global node_modules).',
  fix: {
    summary: 'Run the configure step first, and run the build in the directory it configured.',
    steps: [
      'CMake: `cmake -S . -B build` in the source directory, then `cmake --build build` (or `ninja -C build` / `make -C build`).',
      'Meson: `meson setup builddir` in the source directory, then `meson compile -C builddir` (or `ninja -C builddir`); if builddir was set up by another meson version (meson says so too), `meson setup --wipe builddir`.',
      'Autotools: `./configure` (after `./autogen.sh` or `autoreconf -fi` in a git checkout), then `make`.',
      'node-gyp: `cd` into the package that has binding.gyp before `node-gyp rebuild`; `node-gyp build` needs `node-gyp configure` first.',
      'Follow the project\'s build instructions for the exact directory; an earlier configure error, if any, is the thing to fix.',
    ],
    commands: [{ tool: 'cmake', command: 'cmake -S . -B build && cmake --build build' }, { tool: 'meson', command: 'meson setup builddir && meson compile -C builddir' }, { tool: 'node-gyp', command: 'node-gyp rebuild' }],
  },
});
