// c-compiler-missing: a build step needs a C compiler (cc, gcc, clang or a cross gcc) that is not installed.
//
// The compiler's name decides between this rule and cxx-compiler-missing: every pattern captures the tool and only
// accepts C drivers (cc, gcc, clang, with an optional target prefix, version suffix or .exe), never c++/g++/clang++.
// MSVC's cl.exe belongs to msvc-missing; the linker step (rustc "linker `cc` not found") to linker-not-found.

import { confidenceOf, defineRule } from '../../../core/rule.js';

// The compiler names this rule owns (cc-rs patterns capture any tool name; the regex stays simple for recheck).
const COMPILER = /^(?:[\w.-]*-)?(?:cc|gcc|clang)(?:-\d+(?:\.\d+)*)?(?:\.exe)?$/;

export default defineRule({
  id: 'c-compiler-missing',
  title: 'No C compiler is installed',
  summary: 'A build step needs a C compiler, and the one it tried to run is not installed or not on PATH.',
  category: 'toolchain',
  captures: {
    compiler: { type: 'string', doc: 'the C compiler that was not found (`cc`, `gcc`, a cross compiler)' },
    program: { type: 'string', doc: 'the compiler the shell did not find, when a shell said so', optional: true },
    crossTriple: { type: 'string', doc: 'the target triple of a cross compiler\'s name', optional: true },
  },
  internal: ['tool'],
  signals: ['program-not-found'],
  contextBefore: 4,
  patterns: [
    {
      id: 'cmake-c-compiler-not-in-path',
      // CMake: "The CMAKE_C_COMPILER:\n\n    gcc-13\n\n  is not a full path and was not found in the PATH." (checked in refine)
      source: 'cmake',
      literals: ['is not a full path and was not found in the PATH'],
      re: /is not a full path and was not found in the PATH/,
      weight: 0.9,
    },
    {
      id: 'cmake-cc-env-not-found',
      // CMake: "Could not find compiler set in environment variable CC:\n\n  clang."
      source: 'cmake',
      literals: ['environment variable CC:'],
      re: /Could not find compiler set in environment variable CC:/,
      weight: 0.95,
    },
    {
      id: 'autoconf-no-c-compiler',
      // autoconf AC_PROG_CC (all versions): "configure: error: no acceptable C compiler found in $PATH"
      source: 'autoconf configure',
      literals: ['no acceptable C compiler'],
      re: /no acceptable C compiler found in \$PATH/,
      weight: 0.95,
    },
    {
      id: 'gcc-cannot-exec-cc1',
      // gcc driver present but its C backend is not: "gcc: fatal error: cannot execute 'cc1': execvp: No such file or directory"
      // (gcc >= 4.6; older: "gcc: error trying to exec 'cc1': execvp: No such file or directory")
      source: 'gcc',
      literals: ["cannot execute 'cc1'", "cannot execute ‘cc1’", "exec 'cc1'"],
      re: /(?:cannot execute|error trying to exec) ['‘]cc1['’] ?: execvp/,
      weight: 0.9,
    },
    {
      id: 'cgo-c-compiler-not-found',
      // Go cgo: 'cgo: C compiler "gcc" not found: exec: "gcc": executable file not found in $PATH'
      source: 'go (cgo)',
      literals: ['cgo: C compiler'],
      re: /cgo: C compiler "(?<compiler>[^"]+)" not found/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const hits = ctx.hits.filter((h) => h.captures.tool === undefined || COMPILER.test(h.captures.tool)).filter(
      (h) => h.pattern !== 'cmake-c-compiler-not-in-path' || h.before.some((l) => /The CMAKE_C_COMPILER:/.test(l)),
    );
    if (hits.length === 0) return null;
    const compiler = hits.map((h) => h.captures.program ?? h.captures.compiler ?? h.captures.compiler2 ?? h.captures.tool).find(Boolean) ?? 'cc';
    const cross = /^(?<triple>[a-z0-9_]+(?:-[a-z0-9_]+){1,3})-(?:gcc|cc|clang)(?:-\d+(?:\.\d+)*)?(?:\.exe)?$/.exec(compiler);
    return {
      confidence: confidenceOf(hits),
      captures: { compiler, tool: compiler, ...(cross?.groups?.triple && cross.groups.triple !== 'x86_64-linux-gnu' ? { crossTriple: cross.groups.triple } : {}) },
      evidence: hits.map((h) => ({ line: h.line, text: h.text })).sort((a, b) => a.line - b.line),
    };
  },
  explanation:
    'The build had to compile C code and tried to start the C compiler `{{compiler}}`, which is not installed or not on PATH. ' +
    'Rust -sys crates (through cc-rs or the cmake crate), Python extensions (setuptools), CMake, autoconf and make projects all ' +
    'call the system C compiler; slim Docker images, fresh CI runners and WSL usually have none. When `{{compiler}}` has a target ' +
    'prefix (e.g. aarch64-linux-gnu-gcc) it is a cross compiler for the target being built, which must be installed separately; ' +
    'when CC/CC_<target> names it, that exact program must exist.',
  fix: {
    summary: 'Install a C compiler that provides `{{compiler}}` (or point CC at one you have).',
    steps: [
      'Install the system C toolchain (gcc or clang, with make and the C library headers).',
      'If `{{compiler}}` is a cross compiler (`<triple>-gcc`), install the cross toolchain for that target (Debian/Ubuntu: gcc-<triple>, e.g. gcc-aarch64-linux-gnu), or use `cross`/`cargo zigbuild`.',
      'If CC, CC_<target> or CMAKE_C_COMPILER is set to `{{compiler}}`, install that compiler or unset the variable.',
      'In a Dockerfile, add the install line to the same stage that runs the build.',
    ],
    components: ['c-compiler'],
  },
});
