// openssl-dev-missing: OpenSSL's headers/libraries (the -dev/-devel package) are not installed, so openssl-sys,
// a C build or a CMake project cannot find them.

import { confidenceOf, defineRule, oneHitPerLine } from '../../../rule.js';

// The OpenSSL names pkg-config knows: openssl.pc, libssl.pc, libcrypto.pc.
const OPENSSL_PC = String.raw`(?:openssl|libssl|libcrypto)`;

export default defineRule({
  id: 'openssl-dev-missing',
  title: 'OpenSSL development files are not installed',
  summary: 'A crate or C build needs the OpenSSL headers and libraries, and the system does not have them.',
  category: 'system-library',
  captures: {
    crate: { type: 'string', doc: 'the crate whose build needs OpenSSL (`openssl-sys`)', optional: true },
    version: { type: 'version', doc: 'the version of that crate', optional: true },
    header: { type: 'string', doc: 'the OpenSSL header that was not found', optional: true },
    target: { type: 'string', doc: 'the Rust target triple the build was for', optional: true },
  },
  internal: ['crate2', 'dir', 'targetEnv', 'library'],
  // The shared signals' wordings of a missing OpenSSL header, -lssl/-lcrypto or openssl.pc (every compiler's, linker's and
  // pkg-config's, in their translations) reach this rule through the kb table; its own patterns below read the English
  // forms and what only OpenSSL's users print.
  signals: ['header-not-found', 'library-not-found', 'dependency-not-found'],
  // The same missing package also shows up as an unresolved -lssl or a failing C compile of the crate's probe.
  explains: ['native-lib-missing', 'c-code-error'],
  patterns: [
    {
      id: 'openssl-sys-dir-not-found',
      // openssl-sys 0.9.x build script panic (all 0.9 releases, 2017-2026); >= 0.9.100 also repeats it as
      // "warning: openssl-sys@0.9.116: Could not find directory of OpenSSL installation, ..." (cargo:warning).
      source: 'openssl-sys build script',
      literals: ['Could not find directory of OpenSSL'],
      re: /Could not find directory of OpenSSL installation/,
      weight: 0.9,
    },
    {
      id: 'openssl-sys-pkg-config-probe',
      // openssl-sys >= 0.9.90 prefixes the pkg-config details with "Could not find openssl via pkg-config:"
      source: 'openssl-sys build script',
      literals: ['Could not find openssl via pkg-config'],
      re: /Could not find openssl via pkg-config/,
      weight: 0.6,
    },
    {
      id: 'pkg-config-openssl-missing',
      // pkg-config CLI: "Package openssl was not found in the pkg-config search path." / old pkg-config 0.29
      // "No package 'openssl' found"; pkgconf: "Package 'openssl', required by 'virtual:world', not found";
      // pkg-config crate < 0.3.26: "could not find system library 'openssl' required by the 'openssl-sys' crate"
      // (inside one escaped run pkg_config fail: "..." line); >= 0.3.26: "The system library `openssl` required by crate `openssl-sys` was not found."
      source: 'pkg-config / pkgconf / pkg-config crate',
      literals: ['was not found in the pkg-config search path', 'No package ', "required by 'virtual:world'", 'could not find system library', 'The system library `'],
      re: new RegExp(
        // (the short forms only at the start of a line: after CMake's "--" they are an optional pkg_check_modules probe)
        String.raw`Package ${OPENSSL_PC} was not found in the pkg-config search path|^No package '${OPENSSL_PC}' found|^Package '${OPENSSL_PC}', required by 'virtual:world', not found|` +
          String.raw`could not find system library '${OPENSSL_PC}' required by the '(?<crate>[\w-]+)' crate|The system library \`${OPENSSL_PC}\` required by crate \`(?<crate2>[\w-]+)\` was not found`,
      ),
      weight: 0.85,
    },
    {
      id: 'openssl-header-missing',
      // gcc: "fatal error: openssl/ssl.h: No such file or directory"; clang: "fatal error: 'openssl/opensslv.h' file not found";
      // MSVC: "fatal error C1083: Cannot open include file: 'openssl/ssl.h': No such file or directory".
      // Printed directly, through cc-rs ("cargo:warning=", "warning: crate@ver:"), pip, node-gyp or make.
      source: 'gcc / clang / MSVC',
      literals: ['No such file or directory', 'file not found'],
      re: /(?:fatal )?error(?: C1083)?: (?:Cannot open include file: )?['‘"]?openssl\/(?<header>[\w-]+\.h)['’"]?:? (?:No such file or directory|file not found)/,
      weight: 0.9,
    },
    {
      id: 'msvc-openssl-h',
      // MSVC in other layouts: Visual Studio's error list "Error\tC1083\tCannot open include file: 'openssl/ssl.h': ...",
      // localized cl.exe "fatal error C1083: 无法打开包括文件: “openssl/ssl.h”: No such file or directory"
      source: 'MSVC cl.exe / Visual Studio',
      literals: ['C1083'],
      re: /C1083(?::|\t) ?(?:Cannot open include file|无法打开包括文件): ['"‘“]openssl\/(?<header>[\w-]+\.h)['"’”]/,
      weight: 0.9,
    },
    {
      id: 'cmake-find-openssl',
      // CMake's FindOpenSSL (3.x): "Could NOT find OpenSSL, try to set the path to OpenSSL root folder in the system variable OPENSSL_ROOT_DIR (missing: ...)"
      source: 'CMake FindOpenSSL',
      literals: ['Could NOT find OpenSSL'],
      re: /Could NOT find OpenSSL\b/,
      weight: 0.9,
    },
    {
      id: 'openssl-dir-invalid',
      // openssl-sys: "OpenSSL include directory does not exist: /usr/local/opt/openssl/include" / "OpenSSL library directory does not exist: ..."
      // (OPENSSL_DIR or the Homebrew default points at an OpenSSL that is not installed)
      source: 'openssl-sys build script',
      literals: ['directory does not exist'],
      re: /OpenSSL (?:include|library|lib) directory does not exist: (?<dir>\S+)/,
      weight: 0.85,
    },
    {
      id: 'meson-autoconf-openssl',
      // meson: 'ERROR: Dependency "openssl" not found, tried pkgconfig and cmake'; autoconf: "configure: error: OpenSSL ... not found" / "Cannot find OpenSSL's libraries"
      source: 'meson / autoconf configure',
      literals: ['Dependency "openssl"', 'Dependency "libssl"', 'Dependency "libcrypto"', 'configure: error: '],
      re: /Dependency "(?:openssl|libssl|libcrypto)" not found|^configure: error: .{0,80}\b(?:OpenSSL|openssl|libssl)\b.{0,80}(?:not found|[Cc]annot find|not installed|is required|[Cc]ould not find)/,
      weight: 0.85,
    },
    {
      id: 'linker-libssl-missing',
      // GNU ld "cannot find -lssl", lld "unable to find library -lcrypto", Apple ld "library not found for -lssl"
      source: 'GNU ld / lld / Apple ld',
      literals: ['-lssl', '-lcrypto', "library 'ssl'", "library 'crypto'", 'native static library `ssl`', 'native static library `crypto`'],
      // Apple ld-prime: "ld: library 'ssl' not found"; rustc: "could not find native static library `ssl`, perhaps an -L flag is missing?"
      re: /(?:cannot find|unable to find library|library not found for) -l(?:ssl|crypto)\b|\bld: library '(?:ssl|crypto)' not found|could not find native static library `(?:ssl|crypto)`/,
      weight: 0.8,
    },
    {
      id: 'openssl-sys-version-line',
      // openssl-sys panic footer: "openssl-sys = 0.9.80" (support only: names the crate version)
      source: 'openssl-sys build script',
      literals: ['openssl-sys = '],
      re: /^openssl-sys = (?<version>\d+\.\d+\.\d+)/,
      weight: 0.1,
    },
    {
      id: 'openssl-sys-target-line',
      // openssl-sys panic footer: "$TARGET = x86_64-unknown-linux-gnu" (support only: darwin/windows targets change the veto below)
      source: 'openssl-sys build script',
      literals: ['$TARGET = '],
      re: /^\$TARGET = (?<target>[\w.-]+)/,
      weight: 0.05,
    },
    {
      id: 'openssl-sys-target-env',
      // openssl-sys build script: "X86_64_APPLE_DARWIN_OPENSSL_DIR unset" / "AARCH64_APPLE_DARWIN_OPENSSL_LIB_DIR unset" (support only: the target when the footer is cut off)
      source: 'openssl-sys build script',
      literals: ['_OPENSSL_DIR unset', '_OPENSSL_LIB_DIR unset'],
      re: /^(?<targetEnv>[A-Z0-9_]+?)_OPENSSL_(?:LIB_)?DIR unset/,
      weight: 0.05,
    },
    {
      id: 'pkg-config-tool-absent',
      // openssl-sys on Linux: "...requires the `pkg-config` utility to find OpenSSL but unfortunately `pkg-config`";
      // pkg-config crate >= 0.3.24: "The pkg-config command could not be found."; older: Failed to run `"pkg-config" ...`: No such file or directory (os error 2)
      // Support only: when pkg-config itself is missing, pkg-config-missing (toolchain group) is the root cause.
      source: 'openssl-sys / pkg-config crate',
      literals: ['utility to find OpenSSL', 'pkg-config command could not be found', 'Failed to run `'],
      // (the old "Failed to run" form counts only with "(os error 2)" on the line: checked in refine)
      re: /requires the `pkg-config` utility to find OpenSSL|The pkg-config command could not be found|Failed to run `\\?"?pkg-config\b/,
      weight: 0.05,
    },
    {
      id: 'pkg-config-not-cross',
      // pkg-config crate: "pkg-config has not been configured to support cross-compilation." (support only, see refine)
      source: 'pkg-config crate',
      literals: ['configured to support cross-compilation'],
      re: /pkg-config has not been configured to support cross-compilation/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    const has = (id: string) => ctx.hits.some((h) => h.pattern === id);
    const signalled = ctx.hits.some((h) => h.pattern.startsWith('header-not-found:') || h.pattern.startsWith('library-not-found:') || h.pattern.startsWith('dependency-not-found:'));
    const direct = signalled || has('openssl-header-missing') || has('msvc-openssl-h') || has('cmake-find-openssl') || has('linker-libssl-missing') || has('openssl-dir-invalid') || has('meson-autoconf-openssl');
    const target = `${ctx.captures.target ?? ''} ${(ctx.captures.targetEnv ?? '').toLowerCase()}`;
    // On Linux openssl-sys finds OpenSSL only through pkg-config: with the tool absent, that is the cause to fix first.
    // (On macOS/Windows targets the pkg-config failure is incidental: there OpenSSL itself is what is missing.)
    const toolAbsent = ctx.hits.some((h) => h.pattern === 'pkg-config-tool-absent' && (!h.text.includes('Failed to run') || h.text.includes('(os error 2)')));
    if (toolAbsent && !direct && !/apple|darwin|windows/.test(target)) return null;
    // A cross build whose pkg-config is not set up for the target is a configuration problem, not a missing package.
    if (has('pkg-config-not-cross') && !direct) return null;
    if (ctx.firedRules.has('pkg-config-missing') && !direct && !/apple|darwin|windows/.test(target)) return null;
    const { targetEnv: _targetEnv, crate2: _crate2, library: _library, ...rest } = ctx.captures;
    // A signal names the header by its include path ("openssl/ssl.h"); this rule's capture is the file under openssl/.
    if (rest.header) rest.header = rest.header.replace(/^openssl\//, '');
    const crate = ctx.captures.crate ?? ctx.captures.crate2 ?? (has('openssl-sys-dir-not-found') || has('openssl-sys-pkg-config-probe') ? 'openssl-sys' : undefined);
    // Show the lines that prove the cause; the env-var and footer lines only feed captures.
    // (a line both a signal and this rule's own pattern read is shown and counted once)
    const perLine = oneHitPerLine(ctx.hits);
    const evidence = perLine.filter((h) => h.weight >= 0.5 || h.pattern === 'openssl-sys-version-line').map((h) => ({ line: h.line, text: h.text }));
    return { confidence: confidenceOf(perLine), captures: { ...rest, ...(crate ? { crate } : {}) }, evidence: evidence.sort((a, b) => a.line - b.line) };
  },
  explanation:
    'The build looked for OpenSSL (headers such as openssl/ssl.h, the libraries libssl/libcrypto and their pkg-config file openssl.pc) ' +
    'and did not find them. The OpenSSL runtime library is usually installed, but its development package is a separate one ' +
    '(libssl-dev, openssl-devel, openssl-dev), and {{crate|the build}} cannot compile or link without it. On Linux, openssl-sys locates ' +
    'OpenSSL through pkg-config, so both the development package and pkg-config must be present; on macOS and Windows it needs ' +
    'OPENSSL_DIR (or Homebrew/vcpkg) to point at an installation.',
  fix: {
    summary: 'Install the OpenSSL development package (and pkg-config).',
    steps: [
      'Install the OpenSSL development package for your system (below); keep pkg-config installed too.',
      // openssl-sys reads these (also under pip, for cryptography's Rust build); CMake's FindOpenSSL reads OPENSSL_ROOT_DIR.
      { tool: 'cargo', step: 'If OpenSSL is installed in a non-standard place, set OPENSSL_DIR (or OPENSSL_LIB_DIR and OPENSSL_INCLUDE_DIR) for the build.' },
      { tool: 'cmake', step: 'If OpenSSL is installed in a non-standard place, pass -DOPENSSL_ROOT_DIR=<its prefix> to cmake.' },
      {
        tool: ['pip', 'node-gyp', 'make', 'meson'],
        step: 'If OpenSSL is installed in a non-standard place, add its include and lib directories to CPATH and LIBRARY_PATH (or the -I/-L flags of the build) and its lib/pkgconfig directory to PKG_CONFIG_PATH.',
      },
      {
        tool: 'cargo',
        step: 'Or avoid the system OpenSSL: enable the `vendored` feature of the `openssl` crate (builds OpenSSL from source; needs perl and make), or switch the HTTP/TLS crate to rustls (e.g. reqwest `default-features = false, features = ["rustls-tls"]`).',
      },
    ],
    components: ['openssl-dev', 'pkg-config'],
    platformCommands: {
      macos: ['export OPENSSL_DIR="$(brew --prefix openssl@3)"'],
    },
  },
});
