// cxx-compiler-missing: a build step needs a C++ compiler (c++, g++, clang++ or a cross g++) that is not installed.
//
// The counterpart of c-compiler-missing: the same tools print the same messages, and only the compiler's name
// (c++/g++/clang++, or gcc's C++ backend cc1plus) tells the two apart. A machine often has gcc but not g++
// (Debian's gcc package does not pull in g++), so this is a separate diagnosis with a separate package. The shapes
// both rules share live in ../compiler-family.ts.

import { defineRule } from '../../../rule.js';
import { cmakeCompilerEnvNotFound, cmakeCompilerNotInPath, compilerCaptures, CXX_LANGUAGE, gccBackendMissing, refineCompilerMissing } from '../compiler-family.js';

const CXX = CXX_LANGUAGE;

export default defineRule({
  id: 'cxx-compiler-missing',
  title: 'No C++ compiler is installed',
  summary: 'A build step needs a C++ compiler, and the one it tried to run is not installed or not on PATH.',
  category: 'toolchain',
  captures: compilerCaptures('C++'),
  signals: ['program-not-found'],
  contextBefore: 4,
  patterns: [cmakeCompilerNotInPath(CXX), cmakeCompilerEnvNotFound(CXX), gccBackendMissing(CXX)],
  refine: (ctx) => refineCompilerMissing(CXX, ctx),
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
