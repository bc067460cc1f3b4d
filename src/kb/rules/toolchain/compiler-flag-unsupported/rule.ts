// compiler-flag-unsupported: the build passes the compiler or linker an option that this compiler, linker or target
// does not accept (Apple clang and -march=native for arm64, an x86 -m flag given to an ARM compiler, a linker option
// an older ld lacks, OpenMP with Apple clang). The tool works; the flag is wrong for it.

import { defineRule } from '../../../rule.js';
import { hostCompilerGivenTargetFlag } from '../cross-toolchain-misconfigured/target-flags.js';

// The options autoconf's compiler version probe tries one after another (lang.m4, c.m4), expecting some to fail.
const AUTOCONF_VERSION_PROBES = new Set(['-V', '-qversion', '-version']);

export default defineRule({
  id: 'compiler-flag-unsupported',
  title: 'The compiler or linker does not accept an option the build passes',
  summary: 'The build passes the compiler or linker an option that this compiler, linker or target does not support.',
  category: 'toolchain',
  captures: {
    flag: { type: 'string', doc: 'the compiler flag the compiler rejected' },
  },
  explains: ['c-code-error'],
  // gcc's note after the rejected option and its warning before it say which backend it is (see target-flags.ts)
  contextBefore: 1,
  contextAfter: 2,
  patterns: [
    {
      id: 'apple-clang-march-native',
      // Apple clang when compiling for arm64 (Apple silicon, or a universal2 build on Intel):
      // "clang: error: the clang compiler does not support '-march=native'"
      source: 'Apple clang',
      literals: ['the clang compiler does not support'],
      re: /the clang compiler does not support ['‘](?<flag>-[^'’]{1,100})['’]/,
      weight: 0.9,
    },
    {
      id: 'gcc-unrecognized-option',
      // gcc driver: "aarch64-linux-gnu-gcc: error: unrecognized command-line option ‘-msse4.2’" (gcc >= 4.9 hyphenates,
      // older: "unrecognized command line option"), "gcc: error: unrecognized argument in option ‘-mcpu=apple-m1’",
      // gcc < 12: "error: bad value (‘native’) for ‘-march=’ switch"
      source: 'gcc',
      literals: ['error: unrecognized command-line option', 'error: unrecognized command line option', 'error: unrecognized argument in option', 'error: bad value'],
      re: /error: (?:unrecognized command[- ]line option|unrecognized argument in option) ['‘](?<_f2>-[^'’]{1,100})['’]|error: bad value \(?['‘](?<_value>[^'’]{1,60})['’]\)? for ['‘]?(?<_f3>-m[\w-]{1,30}=)['’]? switch/,
      weight: 0.85,
    },
    {
      id: 'gcc-optimization-level-unknown',
      // gcc's compilers proper (cc1, cc1plus, cc1.exe) on an -O level they do not have: "cc1: error: argument to '-O' should
      // be a non-negative integer, 'g', 's' or 'fast'" (gcc < 12, which has no -Oz; a mistyped -OG reads the same), gcc 12+
      // "... 'g', 's', 'z' or 'fast'". The level itself is on the compile command, not in the message.
      source: 'gcc',
      literals: ["argument to '-O' should be", 'argument to ‘-O’ should be'],
      re: /error: argument to ['‘]-O['’] should be a non-negative integer, ['‘]g['’], ['‘]s['’](?<_withZ>, ['‘]z['’])? or ['‘]fast['’]/,
      weight: 0.85,
    },
    {
      id: 'clang-unsupported-option',
      // clang driver: "clang: error: unsupported option '-fopenmp'" (Apple clang), "clang: error: unknown argument: '-mno-cygwin'",
      // and with -Werror: "error: unknown warning option '-Wno-maybe-uninitialized'; did you mean ...?"
      source: 'clang',
      literals: ['error: unsupported option', 'error: unknown argument', 'error: unknown warning option'],
      re: /clang[\w+.-]{0,20}: error: (?:unsupported option|unknown argument:?) ['‘](?<_f4>-[^'’]{1,100})['’]|error: unknown warning option ['‘](?<_f7>-W[^'’]{1,100})['’]/,
      weight: 0.85,
    },
    {
      id: 'clang-unsupported-argument',
      // an option's value clang rejects (err_drv_unsupported_option_argument): clang >= 15 "clang++: error: unsupported
      // argument 'native' to option '-march='" (Apple clang 15 on arm64), clang 14 and older without the dash,
      // "clang: error: unsupported argument 'bogus' to option 'flto='"
      source: 'clang',
      literals: ['error: unsupported argument'],
      re: /(?:^|\s)clang(?:\+\+)?(?:-\d{1,2})?: error: unsupported argument '(?<_value2>[^']{1,60})' to option '-?(?<_f8>\w[\w-]{0,40}=?)'/,
      weight: 0.85,
    },
    {
      id: 'linker-unrecognized-option',
      // GNU ld: "/usr/bin/ld: unrecognized option '--no-undefined-version'" (cross: "aarch64-linux-gnu-ld: ..."); Apple ld64:
      // "ld: unknown option: --as-needed". Anchored on the program name so "build: unrecognized option" does not match.
      source: 'GNU ld / Apple ld64',
      literals: [': unrecognized option ', 'ld: unknown option'],
      re: /(?:^|[\s/])(?:[\w.]{0,60}-)?ld(?:\.bfd|\.gold)?: unrecognized option ['‘](?<_f5>-[^'’]{1,100})['’]|^ld: unknown options?: (?<_f6>-\S{1,100})/,
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    // The unprefixed host gcc given an ARM/RISC-V/MIPS-only option: the cross compiler was not used
    // (cross-toolchain-misconfigured), not an option this compiler lacks.
    if (hostCompilerGivenTargetFlag(ctx.hits)) return null;
    // configure asks every compiler for its version with each of --version -v -V -qversion -version (autoconf's
    // _AC_PROG_*_VERSION loop) and goes on whatever it says: gcc rejecting -V or -qversion in config.log is that probe.
    const built = ctx.hits.filter((h) => !AUTOCONF_VERSION_PROBES.has(h.captures._f2 ?? h.captures._f4 ?? ''));
    if (built.length === 0) return null;
    const c = built.length === ctx.hits.length ? ctx.captures : Object.assign({}, ...[...built].reverse().map((h) => h.captures));
    const flag = c.flag ?? (ctx.hits.some((h) => h.pattern === 'gcc-optimization-level-unknown') ? 'an -O level' : undefined) ?? c._f2 ?? (c._f3 ? `${c._f3}${c._value ?? ''}` : undefined) ?? c._f4 ?? c._f7 ?? (c._f8 ? `-${c._f8}${c._value2 ?? ''}` : undefined) ?? c._f5 ?? c._f6 ?? 'an option';
    const isLinker = ctx.hits.some((h) => h.pattern === 'linker-unrecognized-option');
    const hint = /^-m(?:arch|cpu)=native$/.test(flag) && ctx.hits.some((h) => h.pattern === 'apple-clang-march-native' || h.pattern === 'clang-unsupported-argument')
      ? ' Apple clang rejects -march=native whenever it compiles for arm64: on Apple silicon, and on Intel Macs when pip builds a universal2 (x86_64 + arm64) extension.'
      : flag === 'an -O level'
        ? ' gcc takes -O0 to -O3, -Os, -Og and -Ofast, and -Oz only from release 12 on: a level written for clang (-Oz) or mistyped (-OG) is refused; the message does not say which, the compile command above it does.'
        : /^-m(?:sse|avx|fma|bmi|popcnt|64|32|arch=x86|tune=generic)/.test(flag)
        ? ' That is an x86 option, and this compiler targets another architecture.'
        : '';
    const evidence = built.length === ctx.hits.length ? undefined : built.map((h) => ({ line: h.line, text: h.text }));
    return { captures: { flag, _tool: isLinker ? 'linker' : 'compiler', _hint: hint }, ...(evidence ? { evidence } : {}) };
  },
  explanation:
    'The {{_tool}} stopped at `{{flag}}`, an option it does not support for this target or in this version.{{_hint|}} The flag ' +
    'usually comes from the project\'s build files (CMake, setup.py, a Makefile) or from CFLAGS/CXXFLAGS/LDFLAGS in the ' +
    'environment, written for another compiler, architecture or tool version.',
  fix: {
    summary: 'Remove or replace the option, or build with a compiler that supports it.',
    steps: [
      'Find where the flag comes from: CFLAGS/CXXFLAGS/LDFLAGS in the environment, the project\'s CMakeLists.txt/setup.py/Makefile, or a package option (many expose one to turn off native tuning, e.g. a *_NO_NATIVE variable).',
      'Apple silicon / -march=native: use `-mcpu=apple-m1` (or drop the flag); for pip on an Intel Mac set `ARCHFLAGS="-arch x86_64"` so it does not build a universal2 binary.',
      'An x86 flag (-msse*, -mavx*, -m64) on an ARM build: drop it or guard it by architecture in the build files.',
      'OpenMP with Apple clang (-fopenmp): install libomp (`brew install libomp`) and pass `-Xpreprocessor -fopenmp -lomp`, or use Homebrew\'s llvm/gcc.',
      'A linker option an older ld lacks: upgrade binutils (or the Xcode tools), or use another linker (`-fuse-ld=lld`).',
    ],
  },
});
