// c-compiler-missing: a build step needs a C compiler (cc, gcc, clang or a cross gcc) that is not installed.
//
// The compiler's name decides between this rule and cxx-compiler-missing: the kb table routes C drivers (cc, gcc,
// clang, with an optional target prefix, version suffix or .exe) here and c++/g++/clang++ there; the shapes both
// rules share live in ../compiler-family.ts.
// MSVC's cl.exe belongs to msvc-missing; the linker step (rustc "linker `cc` not found") to linker-not-found.

import { defineRule } from '../../../rule.js';
import { cmakeCompilerEnvNotFound, cmakeCompilerNotInPath, compilerCaptures, C_LANGUAGE, gccBackendMissing, refineCompilerMissing } from '../compiler-family.js';

const C = C_LANGUAGE;

export default defineRule({
  id: 'c-compiler-missing',
  title: 'No C compiler is installed',
  summary: 'A build step needs a C compiler, and the one it tried to run is not installed or not on PATH.',
  category: 'toolchain',
  captures: compilerCaptures('C'),
  signals: ['program-not-found'],
  contextBefore: 4,
  patterns: [
    cmakeCompilerNotInPath(C),
    cmakeCompilerEnvNotFound(C),
    {
      id: 'autoconf-no-c-compiler',
      // autoconf AC_PROG_CC (all versions): "configure: error: no acceptable C compiler found in $PATH"
      source: 'autoconf configure',
      literals: ['no acceptable C compiler'],
      re: /no acceptable C compiler found in \$PATH/,
      weight: 0.95,
    },
    gccBackendMissing(C),
    {
      id: 'mkmf-cannot-link',
      // Ruby's mkmf (1.9 to 3.x), at a gem's first check: "/usr/lib/ruby/3.1.0/mkmf.rb:498:in `try_do': The compiler
      // failed to generate an executable file. (RuntimeError)" (Ruby 3.4 names the method 'MakeMakefile#try_do'). It
      // could not compile and link a program that does nothing: as a rule no compiler at all, else a CC in RbConfig
      // naming one that is not installed, or a flag or library it rejects (mkmf.log has the command), hence the weight.
      source: 'Ruby mkmf',
      // (Bundler wraps its output at 80 columns, which may break the line after "an")
      literals: ['The compiler failed to generate an'],
      re: /The compiler failed to generate an(?: executable file\.|$)/,
      weight: 0.75,
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
  refine: (ctx) => refineCompilerMissing(C, ctx),
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
      'If `{{compiler}}` is a cross compiler (`<triple>-gcc`), install the cross toolchain for that target (Debian/Ubuntu: gcc-<triple>, e.g. gcc-aarch64-linux-gnu).',
      { tool: 'cargo', step: 'For a Rust cross build, `cross` or `cargo zigbuild` bring a C toolchain for the target.' },
      'If CC, CC_<target> or CMAKE_C_COMPILER is set to `{{compiler}}`, install that compiler or unset the variable.',
      {
        tool: 'gem',
        step: "mkmf says \"The compiler failed to generate an executable file\" whenever it cannot link a program that does nothing: if a compiler is installed, the gem's mkmf.log (beside gem_make.out) shows the command that failed, such as a CC from RbConfig that names another compiler, or a flag or library it rejects.",
      },
      'In a Dockerfile, add the install line to the same stage that runs the build.',
    ],
    components: ['c-compiler'],
  },
});
