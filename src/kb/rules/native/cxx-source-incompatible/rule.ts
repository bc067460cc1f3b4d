// cxx-source-incompatible: C/C++ sources bundled in a dependency (usually a -sys crate) no longer compile with the
// installed, newer compiler (GCC 13+ no longer includes <cstdint> transitively, GCC 14 / clang 16 turn implicit
// declarations and pointer mismatches into errors, new warnings under -Werror).

import { defineRule } from '../../../rule.js';
import { COMPILER_ERROR_CAPTURES, COMPILER_ERROR_PATTERNS, MISSING_INCLUDE, failedBuildScriptIsDependency, uniqueErrors } from '../c-code-error/rule.js';
import { isDependencySource } from '../../rust/dependency-source.js';


export default defineRule({
  id: 'cxx-source-incompatible',
  title: 'A dependency’s bundled C/C++ code does not compile with this compiler',
  summary: 'C or C++ sources shipped inside a dependency fail to compile with the installed (newer) compiler.',
  category: 'toolchain',
  captures: {
    ...COMPILER_ERROR_CAPTURES,
    type: { type: 'string', doc: 'the fixed-width type (`uint64_t`) used without its header', optional: true },
  },
  internal: ['relayCrate', 'relayVersion', 'cratePath', 'flag', 'flag2', 'hint'],
  // Compile errors in a dependency's sources are this rule, never the project's own code error.
  explains: ['c-code-error'],
  patterns: [
    ...COMPILER_ERROR_PATTERNS.filter((p) => p.id !== 'pip-remote-sdist' && p.id !== 'node-gyp-cwd').map((p) => ({ ...p, weight: p.id === 'cargo-build-script-failed' ? 0.05 : 0.5 })),
    {
      id: 'gcc13-missing-cstdint',
      // GCC >= 13 (libstdc++ stopped including <cstdint> transitively): "note: 'uint64_t' is defined in header '<cstdint>';
      // did you forget to '#include <cstdint>'?" (GCC 15: "this is probably fixable by adding '#include <cstdint>'")
      source: 'GCC >= 13',
      literals: ['is defined in header'],
      re: /note: ['‘](?<type>u?int(?:8|16|32|64|ptr)_t)['’] is defined in header ['‘]<cstdint>['’]; (?:did you forget to|this is probably fixable by adding)/,
      weight: 0.45,
    },
    {
      id: 'new-default-error-flag',
      // GCC 14 / clang 16 made these errors by default: "[-Wimplicit-function-declaration]", "[-Wincompatible-function-pointer-types]",
      // "[-Wint-conversion]", "[-Wincompatible-pointer-types]", "[-Wimplicit-int]"; also any "[-Werror=...]" under -Werror.
      source: 'GCC >= 14 / clang >= 16',
      literals: ['[-Wimplicit-function-declaration]', '[-Wincompatible-function-pointer-types]', '[-Wint-conversion]', '[-Wincompatible-pointer-types]', '[-Wimplicit-int]', '[-Werror='],
      // (only lines that are errors count: checked in refine)
      re: /\[-W(?:error=)?(?<flag>implicit-function-declaration|incompatible-function-pointer-types|int-conversion|incompatible-pointer-types|implicit-int)\]|\[-Werror=(?<flag2>[\w-]+)\]/,
      weight: 0.45,
    },
  ],
  refine: (ctx) => {
    const errors = uniqueErrors(ctx.hits.filter((h) => (h.pattern === 'gcc-clang-error' || h.pattern === 'msvc-error') && !MISSING_INCLUDE.test(h.captures.message ?? '')));
    if (errors.length === 0) return null;
    // A missing header is an environment problem (other rules), not an incompatibility.
    if (ctx.hits.some((h) => (h.pattern === 'gcc-clang-error' || h.pattern === 'msvc-error') && MISSING_INCLUDE.test(h.captures.message ?? ''))) return null;
    // Only Rust dependencies (registry/git checkouts, vendored -sys crates, or a failing build script of such a crate): a node_modules or
    // site-packages package that fails is a different story (an old package for a new Node/Python), not reported here.
    const foreign = errors.filter((h) => isDependencySource(h.captures.file ?? ''));
    const signatureSeen = ctx.hits.some((h) => h.pattern === 'gcc13-missing-cstdint' || (h.pattern === 'new-default-error-flag' && /\berror: /.test(h.text)));
    // A -sys crate relayed by cargo ("warning: foo-sys@1.2.3: ...") with a new-compiler signature is a dependency too.
    const sysRelay = signatureSeen && errors.some((h) => /-sys$/.test(h.captures.relayCrate ?? ''));
    // Older cargo relays without a crate name ("cargo:warning=rocksdb/x.cc:9: error: ..."): with a new-compiler
    // signature that is vendored C/C++ compiled by a build script, which projects rarely write for their own code.
    const rawRelay = signatureSeen && errors.some((h) => h.text.startsWith('cargo:warning='));
    const dependencyScript = failedBuildScriptIsDependency(ctx.hits) || sysRelay || rawRelay;
    if (foreign.length === 0 && !dependencyScript) return null;
    const shown = (foreign.length ? foreign : errors).slice(0, 3);
    const signature = ctx.hits.filter((h) => h.pattern === 'gcc13-missing-cstdint' || (h.pattern === 'new-default-error-flag' && /\berror: /.test(h.text)));
    const flagHit = signature.find((h) => h.pattern === 'new-default-error-flag');
    const flag = flagHit?.captures.flag ?? flagHit?.captures.flag2;
    const fromPath = /([\w-]+?)-(\d+\.\d+\.\d+[\w.+-]*)[\\/]/.exec(shown[0].captures.file ?? '');
    const crate = ctx.captures.crate ?? ctx.captures.relayCrate ?? fromPath?.[1];
    const crateVersion = ctx.captures.crateVersion ?? ctx.captures.relayVersion ?? fromPath?.[2];
    const hint = ctx.captures.type
      ? `GCC 13 and later no longer include <cstdint> indirectly, so code using ${ctx.captures.type} without including it breaks`
      : flag
        ? `newer compilers (GCC 14, clang 16) reject code that older ones accepted (-W${flag} is an error here)`
        : 'the compiler is newer (or stricter) than the one this code was last tested with';
    return {
      confidence: signature.length ? 0.9 : 0.8,
      captures: {
        ...(crate ? { crate } : {}),
        ...(crateVersion ? { crateVersion } : {}),
        file: shown[0].captures.file,
        message: shown[0].captures.message,
        hint,
      },
      evidence: [...shown, ...signature.slice(0, 1)].sort((a, b) => a.line - b.line).map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'The errors are in C/C++ code that ships inside a dependency ({{crate|a dependency}} {{crateVersion|}}), not in your project: ' +
    '`{{file}}`: {{message}}. That code compiled with the compilers of its time; {{hint}}. Newer releases of the ' +
    'dependency usually contain the fix.',
  fix: {
    summary: 'Update {{crate|the dependency}} to a release that supports your compiler, or build it with an older compiler.',
    steps: [
      'Update the dependency: `cargo update -p {{crate|<crate>}}` (or raise its version requirement in Cargo.toml if the fix is in a newer major/minor release).',
      'If no fixed release exists, build with an older compiler, e.g. `CC=gcc-12 CXX=g++-12 cargo build`, or a compatible flag: `CXXFLAGS="-include cstdint"` for GCC 13+ <cstdint> errors, `CFLAGS="-Wno-error=implicit-function-declaration -Wno-error=incompatible-pointer-types"` for GCC 14 / clang 16.',
      'Check the dependency’s issue tracker for the compiler version in your log; report it if it is new.',
    ],
    commands: ['cargo update -p {{crate|<crate>}}'],
  },
});
