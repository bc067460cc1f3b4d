// compiler-too-old: the C or C++ compiler predates the language standard (or a feature of it) that the build asks for:
// gcc or clang refuse the -std= spelling, CMake knows no flag or feature for this compiler's version.

import { defineRule, type Refinement } from '../../../rule.js';

// "cxx_std_20" → "C++20", "CXX26" → "C++26", "c++2b" → "C++2b", "c2y" → "C2y", "gnu++17" → "C++17"
function standardName(raw: string): string {
  const m = /^(?:(?:c|cxx|cuda)_std_(\d+)|(C|CXX|CUDA|HIP|OBJC|OBJCXX)(\d+)|(?:c|gnu)(\+\+)?(\w+))$/i.exec(raw);
  if (!m) return raw;
  if (m[1]) return `${/^c_/i.test(raw) ? 'C' : /^cuda/i.test(raw) ? 'CUDA C++' : 'C++'}${m[1]}`;
  if (m[2]) return `${{ C: 'C', CXX: 'C++', CUDA: 'CUDA C++', HIP: 'HIP', OBJC: 'Objective-C', OBJCXX: 'Objective-C++' }[m[2].toUpperCase()] ?? m[2]}${m[3]}`;
  return `${m[4] ? 'C++' : 'C'}${m[5]}`;
}

// CMake prints the compiler after the feature: `"GNU"` and `version 7.5.0.` on the lines that follow.
// A prefix (VS Code's `[build]`, CI timestamps) may come first.
const CMAKE_COMPILER_ID = /(?:^|\s)"(?<id>[A-Za-z][\w ]{0,40})"\s*$/;
const CMAKE_COMPILER_VERSION = /(?:^|\s)version (?<version>\d[\w.]*)\.\s*$/;
// CMake's configure output names each language's compiler: "-- The CXX compiler identification is GNU 7.5.0".
const CMAKE_IDENTIFICATION = /The (?<lang>C|CXX|CUDA) compiler identification is (?<compiler>[\w .-]{1,60}?)\s*$/;

export default defineRule({
  id: 'compiler-too-old',
  title: 'The compiler is too old for the language standard the project uses',
  summary: 'The C or C++ compiler predates the language standard or feature the build asks for (C++20, C++23, C2x...), so it rejects the -std option or CMake knows no way to enable it.',
  category: 'toolchain',
  captures: {
    standard: { type: 'string', doc: 'the standard or feature asked for, as the log names it (`-std=c++26`, `cxx_std_20`, `CXX20`)' },
    compiler: { type: 'string', doc: 'the compiler and version, when the log says (`GNU 7.5.0`, `g++`)', optional: true },
  },
  internal: ['feature', 'dialect', 'driver'],
  // compiler-flag-unsupported reads the same -std= refusal as a wrong flag; the fix here is another compiler.
  explains: ['compiler-flag-unsupported', 'c-code-error'],
  contextBefore: 60,
  contextAfter: 6,
  patterns: [
    {
      id: 'gcc-std-unrecognized',
      // gcc driver (opts-common.c): "g++: error: unrecognized command-line option ‘-std=c++26’; did you mean
      // ‘-std=c++20’?" (gcc 8+), "unrecognized command line option '-std=c++17'" (older), cc1plus's
      // "unrecognized command line option \"-std=c++11\"" (gcc 4.6).
      source: 'gcc / g++',
      literals: ['unrecognized command-line option', 'unrecognized command line option'],
      re: /(?:^|\s)(?<driver>[\w.+-]*(?:gcc|g\+\+|cc1plus|cc1|c\+\+|cc)(?:-[\d.]+)?(?:\.exe)?): error: unrecognized command[- ]line option [‘'"`](?<standard>-std=(?:c|gnu)(?:\+\+)?\w+)[’'"`]/,
      weight: 0.8,
    },
    {
      id: 'clang-std-invalid',
      // clang driver: "error: invalid value 'c++23' in '-std=c++23'".
      source: 'clang',
      literals: ["invalid value '"],
      re: /error: invalid value '(?:c|gnu)(?:\+\+)?\w+' in '(?<standard>-std=(?:c|gnu)(?:\+\+)?\w+)'/,
      weight: 0.8,
    },
    {
      id: 'cmake-feature-unknown',
      // CMake (cmTargetCompileFeaturesCommand / cmStandardLevelResolver): "target_compile_features The compiler feature
      // "cxx_std_20" is not known to" / "CXX compiler" / "\"GNU\"" / "version 7.5.0." (wrapped at any word: `is` /
      // `not known to`). Not "no known features for CXX compiler": CMake has no feature table for that compiler at all.
      source: 'CMake 3.1+',
      literals: ['The compiler feature "'],
      re: /The compiler feature "(?<feature>\w+)" is(?: not known to|\s*$)/,
      weight: 0.8,
    },
    {
      id: 'cmake-dialect-unknown',
      // CMake (cmStandardLevelResolver), CMAKE_CXX_STANDARD/CXX_STANDARD or a std feature: "Target "demo" requires the
      // language dialect "CXX26" (with compiler extensions).  But the current compiler "GNU" does not support this, or
      // CMake does not know the flags to enable it." (3.22+); older: "..., but CMake does not know the compile flags to
      // use to enable it."
      source: 'CMake',
      literals: ['requires the language dialect "'],
      re: /requires the language dialect "(?<dialect>(?:C|CXX|CUDA|HIP|OBJC|OBJCXX)\d+)"/,
      weight: 0.75,
    },
  ],
  refine: (ctx): Refinement | null => {
    const first = ctx.hits[0];
    if (!first) return null;
    const raw = first.captures.standard ?? first.captures.feature ?? first.captures.dialect ?? '';
    const named = standardName(raw.replace(/^-std=/, ''));
    // A feature such as cxx_variable_templates is not a standard; it is named as CMake names it.
    const standard = first.pattern === 'cmake-feature-unknown' && !/_std_\d+$/.test(raw) ? `\`${raw}\`` : `${named} (\`${raw}\`)`;
    let compiler: string | undefined;
    if (first.pattern === 'cmake-feature-unknown') {
      const id = first.after.map((l) => CMAKE_COMPILER_ID.exec(l)?.groups?.id).find(Boolean);
      const version = first.after.map((l) => CMAKE_COMPILER_VERSION.exec(l)?.groups?.version).find(Boolean);
      if (id) compiler = version ? `${id} ${version}` : id;
    } else if (first.pattern === 'cmake-dialect-unknown') {
      const lang = /^(C|CUDA)\d/.exec(first.captures.dialect ?? '')?.[1] ?? 'CXX';
      const identified = first.before.map((l) => CMAKE_IDENTIFICATION.exec(l)?.groups).filter((g) => g?.lang === lang).pop()?.compiler;
      compiler = identified ?? /current compiler "(?<id>[\w ]+)"/.exec([first.text, ...first.after].join(' '))?.groups?.id;
    } else if (first.captures.driver) {
      compiler = first.captures.driver;
    }
    const cmakeToo = first.pattern === 'cmake-dialect-unknown'
      ? ' CMake says either the compiler does not support it or this CMake release does not know the flag for it: a CMake older than the standard (C++23 needs CMake 3.20+, C++26 3.25+) gives the same message.'
      : '';
    return {
      captures: { standard, ...(compiler ? { compiler, _compiler: ` (${compiler})` } : {}), _cmakeToo: cmakeToo },
      evidence: [{ line: first.line, text: first.text }],
    };
  },
  explanation:
    'The build asks for {{standard}}, and the compiler{{_compiler|}} does not know it: it was released before that standard ' +
    '(or before the spelling of its -std option). Distributions keep the compiler of their release (Ubuntu 18.04 has GCC 7, ' +
    'RHEL/CentOS 7 GCC 4.8), a cross or vendor toolchain can be older still, and projects move to C++20 and later.{{_cmakeToo|}}',
  fix: {
    summary: 'Build with a newer compiler (and point the build at it), or with a standard the project still supports.',
    steps: [
      'Install a newer compiler next to the old one: Ubuntu/Debian `apt-get install g++-13` (the ubuntu-toolchain-r/test PPA on old releases), RHEL/CentOS `gcc-toolset-13` or `devtoolset-11` (`scl enable ...`), macOS a current Xcode or `brew install llvm`, conda `gxx_linux-64`.',
      { tool: 'cmake', step: 'Point CMake at it in a fresh build directory: `cmake -S . -B build -DCMAKE_CXX_COMPILER=g++-13 -DCMAKE_C_COMPILER=gcc-13` (the compiler is chosen once per build directory).' },
      'Elsewhere set `CC`/`CXX` to the newer compiler for the build (`CXX=g++-13 pip install ...`, `CXX=clang++-17 make`).',
      'If the project still builds with an older standard (its README or an option says so), lower CMAKE_CXX_STANDARD or the -std flag instead.',
    ],
  },
});
