// compiler-flag-unsupported: the compiler rejects a flag the build passes (-march=native on Apple clang for arm64,
// -fopenmp on Apple clang, an x86 or ARM-only -m option on another architecture, a flag too new for this compiler).

import { defineRule } from '../../../core/rule.js';

export default defineRule({
  id: 'compiler-flag-unsupported',
  title: 'The compiler does not support a flag the build passes',
  summary: 'The C/C++ compiler rejects a command-line flag the build passes (e.g. -march=native on Apple clang, -fopenmp on Apple clang).',
  category: 'toolchain',
  explains: ['c-code-error'],
  patterns: [
    {
      id: 'clang-does-not-support',
      // Apple clang < 15 on arm64 (and clang for some targets): "clang: error: the clang compiler does not support '-march=native'"
      source: 'clang / Apple clang',
      literals: ['the clang compiler does not support'],
      re: /error: the clang compiler does not support '(?<flag>-[^']{1,100})'/,
      weight: 0.9,
    },
    {
      id: 'clang-unsupported-option',
      // Apple clang: "clang: error: unsupported option '-fopenmp'" (no OpenMP runtime shipped); also other driver options
      source: 'clang / Apple clang',
      literals: ["error: unsupported option '"],
      re: /clang(?:\+\+)?(?:-\d+)?: error: unsupported option '(?<flag>-[^']{1,100})'/,
      weight: 0.9,
    },
    {
      id: 'clang-unknown-argument',
      // clang: "clang: error: unknown argument: '-fno-semantic-interposition'" (a gcc-only or too-new flag)
      source: 'clang',
      literals: ['error: unknown argument'],
      re: /clang(?:\+\+)?(?:-\d+)?: error: unknown argument:? '(?<flag>-[^']{1,100})'/,
      weight: 0.85,
    },
    {
      id: 'gcc-unrecognized-option',
      // gcc >= 4.x: "cc: error: unrecognized command-line option ‘-mfpu=neon’" (older: "unrecognized command line option");
      // the same words as a *warning* (unknown -Wno-*) are not matched
      source: 'gcc',
      literals: ['error: unrecognized command-line option', 'error: unrecognized command line option'],
      re: /(?:^|[\s/])(?:[\w.-]*-)?(?:gcc|g\+\+|cc|c\+\+|cc1|cc1plus)(?:-\d+)?(?:\.exe)?: error: unrecognized command[- ]line option [‘'"](?<flag>-[^’'"]{1,100})[’'"]/,
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    const flag = ctx.captures.flag;
    const captures: Record<string, string> = { flag };
    if (flag === '-march=native') captures._why = ' Apple clang before version 15 does not accept -march=native for arm64 (Apple silicon); -mcpu=native or -mcpu=apple-m1 is the equivalent.';
    else if (flag === '-fopenmp') captures._why = ' Apple clang ships no OpenMP runtime: install libomp (brew install libomp) and pass -Xpreprocessor -fopenmp -lomp, or build with Homebrew gcc/llvm.';
    else if (/^-m(?:fpu|float-abi|arm|thumb|sse|avx|arch=(?:armv|x86|i\d86))/.test(flag)) captures._why = ' It is an option of another CPU architecture: the build assumes a different target than the compiler has.';
    return { captures };
  },
  explanation:
    'The compiler stopped before compiling anything because it does not accept `{{flag}}`, which the build (its Makefile, CMakeLists, ' +
    'setup.py or CFLAGS/CXXFLAGS from the environment) passes.{{_why|}} Flags are specific to a compiler (gcc vs clang), its ' +
    'version and the target architecture.',
  fix: {
    summary: 'Remove or replace `{{flag}}` for this compiler (check CFLAGS/CXXFLAGS and the build files), or use a compiler that supports it.',
    steps: [
      'Find where `{{flag}}` comes from: the environment (CFLAGS, CXXFLAGS, CPPFLAGS, RUSTFLAGS for cc-rs) or the project\'s build files.',
      'On Apple silicon, replace -march=native with -mcpu=native (or -mcpu=apple-m1), or update to Xcode 15 or newer.',
      'For -fopenmp with Apple clang: `brew install libomp` and use `-Xpreprocessor -fopenmp -lomp`, or build with Homebrew gcc/llvm.',
    ],
  },
});
