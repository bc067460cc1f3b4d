// fortran-compiler-missing: a build (SciPy and other meson-python/numpy.distutils projects, CMake projects with
// Fortran) needs a Fortran compiler and none is installed.
//
// The lines come from the shared program-not-found signal (meson's "Unknown compiler(s): [['gfortran'], ...]", CMake's
// "No CMAKE_Fortran_COMPILER could be found", shells); the kb table maps gfortran/flang/ifort here.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'fortran-compiler-missing',
  title: 'No Fortran compiler is installed',
  summary: 'The build compiles Fortran code (SciPy, LAPACK-based packages, CMake Fortran projects) and no Fortran compiler is installed.',
  category: 'toolchain',
  captures: {
    compiler: { type: 'string', doc: 'the Fortran compiler that was not found (`gfortran`)' },
    program: { type: 'string', doc: 'the compiler the shell did not find, when a shell said so', optional: true },
  },
  signals: ['program-not-found'],
  patterns: [
    {
      id: 'numpy-distutils-no-fortran',
      // numpy.distutils: "error: library dfftpack has Fortran sources but no Fortran compiler found"
      source: 'numpy.distutils',
      literals: ['has Fortran sources but no Fortran compiler found'],
      re: /has Fortran sources but no Fortran compiler found/,
      weight: 0.95,
    },
  ],
  refine: (ctx) => ({ captures: { compiler: ctx.captures.program ?? 'gfortran' } }),
  explanation:
    'The build has Fortran sources and looked for a Fortran compiler (`{{compiler}}` first), but none is installed. ' +
    'SciPy and other scientific packages built from source (because no wheel matches this Python or platform), and ' +
    'CMake or meson projects that enable Fortran, need gfortran (or flang/ifort); C toolchains such as build-essential ' +
    'and the Xcode Command Line Tools do not include one.',
  fix: {
    summary: 'Install a Fortran compiler (gfortran), or use a prebuilt wheel so nothing is compiled.',
    steps: [
      'Install gfortran (below); on macOS it comes with Homebrew\'s gcc.',
      'For Python packages, a prebuilt wheel avoids the compile: upgrade pip, or pick a package version / Python version that has wheels for your platform.',
      'If the compiler has another name, point FC (CMake, meson) at it.',
    ],
    components: ['gfortran'],
  },
});
