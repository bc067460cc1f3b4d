// cxx-compiler-missing: a build step needs a C++ compiler (c++, g++, clang++ or a cross g++) that is not installed.
//
// The counterpart of c-compiler-missing: the same tools print the same messages, and only the compiler's name
// (c++/g++/clang++, or gcc's C++ backend cc1plus) tells the two apart. A machine often has gcc but not g++
// (Debian's gcc package does not pull in g++), so this is a separate diagnosis with a separate package.

import { confidenceOf, defineRule } from '../../../core/rule.js';

// The compiler names this rule owns (cc-rs patterns capture any tool name; the regex stays simple for recheck).
const COMPILER = /^(?:[\w.-]*-)?(?:c\+\+|g\+\+|clang\+\+)(?:-\d+(?:\.\d+)*)?(?:\.exe)?$/;

export default defineRule({
  id: 'cxx-compiler-missing',
  title: 'No C++ compiler is installed',
  summary: 'A build step needs a C++ compiler, and the one it tried to run is not installed or not on PATH.',
  category: 'toolchain',
  captures: {
    compiler: { type: 'string', doc: 'the C++ compiler that was not found (`c++`, `g++`, `clang++`)' },
    program: { type: 'string', doc: 'the compiler the shell did not find, when a shell said so', optional: true },
  },
  internal: ['tool'],
  signals: ['program-not-found'],
  contextBefore: 4,
  patterns: [
    {
      id: 'cmake-cxx-compiler-not-in-path',
      // CMake: "The CMAKE_CXX_COMPILER:\n\n    g++-13\n\n  is not a full path and was not found in the PATH." (checked in refine)
      source: 'cmake',
      literals: ['is not a full path and was not found in the PATH'],
      re: /is not a full path and was not found in the PATH/,
      weight: 0.9,
    },
    {
      id: 'cmake-cxx-env-not-found',
      // CMake: "Could not find compiler set in environment variable CXX:\n\n  clang++."
      source: 'cmake',
      literals: ['environment variable CXX:'],
      re: /Could not find compiler set in environment variable CXX:/,
      weight: 0.95,
    },
    {
      id: 'gcc-cannot-exec-cc1plus',
      // gcc asked to compile C++ without g++ installed: "gcc: fatal error: cannot execute 'cc1plus': execvp: No such file or directory"
      // (gcc >= 4.6; older: "gcc: error trying to exec 'cc1plus': execvp: No such file or directory")
      source: 'gcc',
      literals: ['cc1plus'],
      re: /(?:cannot execute|error trying to exec) ['‘]cc1plus['’] ?: execvp/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const hits = ctx.hits.filter((h) => h.captures.tool === undefined || COMPILER.test(h.captures.tool)).filter(
      (h) => h.pattern !== 'cmake-cxx-compiler-not-in-path' || h.before.some((l) => /The CMAKE_CXX_COMPILER:/.test(l)),
    );
    if (hits.length === 0) return null;
    const compiler = hits.map((h) => h.captures.program ?? h.captures.compiler ?? h.captures.compiler2 ?? h.captures.tool).find(Boolean) ?? (hits.some((h) => h.pattern === 'gcc-cannot-exec-cc1plus') ? 'g++' : 'c++');
    const cross = /^(?<triple>[a-z0-9_]+(?:-[a-z0-9_]+){1,3})-(?:g\+\+|c\+\+|clang\+\+)(?:-\d+(?:\.\d+)*)?(?:\.exe)?$/.exec(compiler);
    return {
      confidence: confidenceOf(hits),
      captures: { compiler, tool: compiler, ...(cross?.groups?.triple && cross.groups.triple !== 'x86_64-linux-gnu' ? { crossTriple: cross.groups.triple } : {}) },
      evidence: hits.map((h) => ({ line: h.line, text: h.text })).sort((a, b) => a.line - b.line),
    };
  },
  explanation:
    'The build had to compile C++ code and tried to start the C++ compiler `{{compiler}}`, which is not installed or not on PATH. ' +
    'A C compiler alone is not enough: on Debian/Ubuntu the gcc package does not include g++, and Alpine/Fedora split them too. ' +
    'node-gyp addons, CMake projects with CXX enabled, Python extensions with C++ sources and Rust crates that build C++ through ' +
    'cc-rs (e.g. via .cpp(true)) or the cmake crate all need it. With a target prefix, `{{compiler}}` is a cross compiler that must be installed separately.',
  fix: {
    summary: 'Install a C++ compiler that provides `{{compiler}}` (or point CXX at one you have).',
    steps: [
      'Install the C++ compiler (g++ or clang++) together with the C toolchain.',
      'If `{{compiler}}` is a cross compiler (`<triple>-g++`), install the cross toolchain for that target (Debian/Ubuntu: g++-<triple>, e.g. g++-aarch64-linux-gnu).',
      'If CXX, CXX_<target> or CMAKE_CXX_COMPILER names `{{compiler}}`, install it or unset the variable.',
    ],
    components: ['cxx-compiler'],
  },
});
