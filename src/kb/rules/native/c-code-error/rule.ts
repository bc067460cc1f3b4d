// c-code-error: the project's own C/C++ code does not compile; the compiler runs and the environment is fine.

import type { PatternHit } from '../../../rule.js';
import { defineRule } from '../../../rule.js';
import { ENOENT_TEXTS } from '../../../signals.js';

// C/C++ sources and headers as compilers name them in diagnostics.
const SOURCE_FILE = String.raw`(?<file>(?:[A-Za-z]:)?[^\s:()]+\.(?:c|cc|cpp|cxx|c\+\+|C|h|hh|hpp|hxx|inl|ipp|tcc|m|mm|cu|cuh))`;

/** Paths of code the project did not write: registries, vendored/third-party trees, system and SDK headers (an Xcode or
 * Command Line Tools SDK: "/Applications/Xcode.app/.../MacOSX.sdk/usr/include/machine/types.h", osxcross's "target/SDK/MacOSX14.4.sdk/"). */
// (node-gyp's download of the runtime's headers, an npm package's header such as nan.h, and an SDK's sysroot headers
// are never the project's own code either)
export const FOREIGN_PATH =
  /[\\/]\.(?:node|electron)-gyp[\\/]|[\\/]\.cache[\\/]node-gyp[\\/]|node-gyp[\\/]Cache[\\/]|Caches[\\/]node-gyp[\\/]|(?:^|[\\/])(?:nan|napi|napi-inl)\.h$|[\\/]sysroots?[\\/][^\\/\s]+[\\/]usr[\\/](?:local[\\/])?include[\\/]|[\\/]\.?cargo[\\/](?:registry|git)[\\/]|[\\/]usr[\\/]share[\\/]cargo[\\/]registry[\\/]|[\\/]vendor(?:ed)?[\\/]|node_modules[\\/]|site-packages[\\/]|dist-packages[\\/]|[\\/]_deps[\\/]|third[_-]?party[\\/]|3rdparty[\\/]|^\/usr\/(?:local\/)?(?:include|lib)\/|^\/opt\/homebrew\/|^\/Library\/Developer\/|Program Files|[\\/]pip-(?:install|req-build|build-env)-|[\\/][^\\/\s]+\.sdk[\\/]|^\/Applications\/Xcode[^/]*\.app\//;

/** gold prints linker errors in the compiler's shape ("m.c:3: error: undefined reference to 'pow'"): the link failed, not the compile. */
const LINKER_MESSAGE = /^(?:undefined reference to |multiple definition of |relocation |requires (?:dynamic|unsupported) )/;

/** Messages that are a missing file, not a coding mistake: the environment (or another rule) is to blame. strerror is
 * translated even where gcc's own words are not (a ko_KR or pl_PL gcc prints "fatal error: x.h: 그런 파일이나 …"). */
export const MISSING_INCLUDE = new RegExp([...ENOENT_TEXTS, 'file not found', 'Cannot open include file'].join('|'));
// MSVC's C1083 (cannot open a file) is a missing file in every language Visual Studio speaks, however its text reads.
const MSVC_CANNOT_OPEN = /\berror C1083:/;

/** A compiler line prefixed the way cc-rs and cargo relay it: "cargo:warning=" or "warning: crate@1.2.3: ". */
export const RELAY_PREFIX = String.raw`^(?:cargo:warning=|warning: (?:(?<relayCrate>[\w.-]+)@(?<relayVersion>[\w.+-]+): )?)?`;

/** Is the crate whose build script failed a dependency (registry/git) rather than a local path crate? */
export function failedBuildScriptIsDependency(hits: readonly PatternHit[]): boolean {
  // cargo >= 1.77 relays cc-rs output as "warning: librocksdb-sys@0.17.1+9.9.3: ...": a version with build metadata
  // (the bundled upstream version) is the mark of a published -sys crate, not of the user's own package.
  if (hits.some((h) => (h.captures.relayVersion ?? '').includes('+'))) return true;
  const script = hits.find((h) => h.pattern === 'cargo-build-script-failed');
  if (!script) return false;
  const where = script.captures.cratePath;
  // cargo prints "(/path/to/crate)" for path crates, "(https://github.com/...#rev)" for git ones, nothing for registry ones.
  return where === undefined || !/^(?:\/|[A-Za-z]:[\\/]|\\\\|~)/.test(where);
}

/**
 * An `#error` directive: the code refuses this compiler, platform or configuration on purpose, and its text names what
 * to change; no mistake in the code to fix. gcc puts the directive in the message ("error: #error \"unsupported GCC
 * version\"") and echoes "    2 | #error ..."; clang prints only its text ("error: architecture not supported") and
 * echoes "#error architecture not supported" on the next line.
 */
export function isErrorDirective(hit: PatternHit): boolean {
  return /^#\s*error\b/.test(hit.captures.message ?? '') || /^(?:\d+\s*\|\s*)?#\s*error\b/.test(hit.after[0] ?? '');
}

/** One hit per distinct compiler diagnostic (file, line, message). */
export function uniqueErrors(hits: readonly PatternHit[]): PatternHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.captures.file}:${h.captures.lineNo}:${h.captures.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a compiler error line gives, for the rules that read COMPILER_ERROR_PATTERNS. */
export const COMPILER_ERROR_CAPTURES = {
  file: { type: 'path', doc: 'the source file the compiler rejected' },
  lineNo: { type: 'integer', doc: 'the line in that file' },
  message: { type: 'string', doc: 'the compiler\'s error message' },
  crate: { type: 'string', doc: 'the crate whose build script compiled it', optional: true },
  crateVersion: { type: 'version', doc: 'the version of that crate', optional: true },
} as const;

export const COMPILER_ERROR_PATTERNS = [
  {
    id: 'gcc-clang-error',
    // gcc/clang: "src/ring.c:8:12: error: ‘lenght’ undeclared", gcc 4: "x.cc:12: error: ...", also relayed by cc-rs as
    // "cargo:warning=src/ring.c:8:12: error: ..." and by cargo >= 1.77 as "warning: ccbug@0.1.0: src/ring.c:8:12: error: ..."
    source: 'gcc / clang (direct, make, cmake, setuptools, cc-rs)',
    literals: [': error: ', ': fatal error: '],
    re: new RegExp(String.raw`${RELAY_PREFIX}${SOURCE_FILE}:(?<lineNo>\d+)(?::\d+)?: (?:fatal )?error: (?<message>.+)`),
    weight: 0.7,
  },
  {
    id: 'msvc-error',
    // MSVC cl.exe: "src\\ring.c(8): error C2065: 'lenght': undeclared identifier"
    source: 'MSVC cl.exe',
    literals: ['): error C', '): fatal error C'],
    re: new RegExp(String.raw`${RELAY_PREFIX}${SOURCE_FILE}\((?<lineNo>\d+)(?:,\d+)?\): (?:fatal )?error C\d{4}: (?<message>.+)`),
    weight: 0.7,
  },
  {
    id: 'cargo-build-script-failed',
    // cargo: "error: failed to run custom build command for `ccbug v0.1.0 (/work/ccbug)`" (support only: which crate, local or not)
    source: 'cargo',
    literals: ['failed to run custom build command for'],
    re: /^error: failed to run custom build command for `(?<crate>[\w-]+) v(?<crateVersion>[^\s`]+)(?: \((?<cratePath>[^)`]*)\))?`/,
    weight: 0.05,
  },
  {
    id: 'node-gyp-cwd',
    // node-gyp: "gyp ERR! cwd /app/node_modules/bcrypt" (support only: a package under node_modules is not the user's own code)
    source: 'node-gyp',
    literals: ['gyp ERR! cwd '],
    re: /^gyp ERR! cwd (?<gypCwd>.+)$/,
    weight: 0.05,
  },
  {
    id: 'gem-native-extension',
    // RubyGems (gem install, bundle install): "ERROR: Failed to build gem native extension." (support only: a gem's C
    // extension is a published package's code built against this Ruby, not the user's own project)
    source: 'RubyGems',
    literals: ['Failed to build gem native extension'],
    re: /Failed to build gem native extension/,
    weight: 0.05,
  },
  {
    id: 'pip-remote-sdist',
    // pip: "Downloading foo-1.2.3.tar.gz (45 kB)" / "Collecting foo==1.2" (support only: a downloaded sdist is not the user's own code)
    source: 'pip',
    literals: ['.tar.gz', '.zip'],
    re: /^(?:Downloading|Using cached) (?:https?:\/\/\S+\/)?(?<sdist>[\w.-]+\.(?:tar\.gz|zip))\b/,
    weight: 0.05,
  },
] as const;

export default defineRule({
  id: 'c-code-error',
  title: 'The C/C++ code does not compile',
  summary: 'The compiler ran and rejected the project’s own C or C++ source code.',
  category: 'code',
  captures: {
    ...COMPILER_ERROR_CAPTURES,
    cratePath: { type: 'path', doc: 'where that crate\'s sources are', optional: true },
  },
  internal: ['relayCrate', 'relayVersion', 'gypCwd', 'sdist'],
  contextAfter: 1,
  patterns: COMPILER_ERROR_PATTERNS,
  refine: (ctx) => {
    const errors = ctx.hits.filter((h) => (h.pattern === 'gcc-clang-error' || h.pattern === 'msvc-error') && !LINKER_MESSAGE.test(h.captures.message ?? ''));
    // A missing header anywhere means the later errors are follow-ups of an environment problem.
    if (errors.some((h) => MISSING_INCLUDE.test(h.captures.message ?? '') || MSVC_CANNOT_OPEN.test(h.text))) return null;
    if (failedBuildScriptIsDependency(ctx.hits)) return null;
    if (ctx.hits.some((h) => h.pattern === 'pip-remote-sdist' || h.pattern === 'gem-native-extension')) return null;
    if (/node_modules/.test(ctx.captures.gypCwd ?? '')) return null;
    // cc-rs output appears twice (cargo's relayed "warning: crate@ver:" copy and the raw "cargo:warning=" one): count each error once.
    const own = uniqueErrors(errors.filter((h) => !FOREIGN_PATH.test(h.captures.file ?? '') && !isErrorDirective(h)));
    if (own.length === 0) return null;
    const first = own[0];
    return {
      confidence: Math.min(0.8, 0.7 + 0.05 * (new Set(own.map((h) => h.captures.message)).size > 1 ? 1 : 0)),
      captures: { file: first.captures.file, lineNo: first.captures.lineNo, message: first.captures.message, ...(ctx.captures.crate ? { crate: ctx.captures.crate } : {}) },
      evidence: own.slice(0, 4).map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'The C/C++ compiler is installed and ran, but rejected the source: `{{file}}` line {{lineNo}}: {{message}}. ' +
    'This is an error in the code being built (a typo, a missing declaration or #include of the project’s own headers, ' +
    'an API mismatch), not a missing tool or library, so installing packages will not fix it.',
  fix: {
    summary: 'Fix the code at {{file}}:{{lineNo}} (the first error; later ones are often follow-ups).',
    steps: [
      'Open {{file}} at line {{lineNo}} and fix the first error the compiler reports: "{{message}}".',
      'Rebuild; fix errors top-down, since one mistake (a missing semicolon or declaration) often causes several messages.',
      'If this code compiled before, check what changed: a new compiler version (stricter defaults such as GCC 14 / clang 16 errors on implicit declarations), different -std= or -Werror flags.',
    ],
  },
});
