// pkg-config-missing: the pkg-config program itself is absent, so a build cannot even ask where a library is.
//
// This is the root cause whenever it shows: openssl-sys then also prints "Could not find directory of OpenSSL
// installation" (openssl-dev-missing) and other -sys crates fail to find their library, but the library may well be
// installed. The pkg-config crate prints its own line before the panic that other rules match, and the
// refine bonus below keeps this rule ahead of them when both fire.
// An autotools configure generated while pkg-config (and so pkg.m4) was absent shows it as an unexpanded PKG_* macro
// (the shapes are autoconf-macro-missing's too, autoconf-macro-lines.ts): pkg-config must be installed and configure
// generated again.

import { confidenceOf, defineRule } from '../../../rule.js';
import { PKG_MACRO, unexpandedMacroPatterns } from '../autoconf-macro-lines.js';

export default defineRule({
  id: 'pkg-config-missing',
  title: 'pkg-config is not installed',
  summary: 'The build uses pkg-config to locate a system library, but the pkg-config program itself is not installed.',
  category: 'toolchain',
  captures: {
    library: { type: 'string', doc: 'the library whose pkg-config lookup failed for want of pkg-config', optional: true },
    program: { type: 'string', doc: 'the pkg-config program the shell did not find', optional: true },
    macro: { type: 'string', doc: 'the PKG_* autoconf macro left unexpanded in configure', optional: true },
  },
  internal: ['macroNote', 'lastStep'],
  signals: ['program-not-found', 'configure-check-failed'],
  contextBefore: 40,
  patterns: [
    {
      id: 'pkg-config-crate-command-not-found',
      // pkg-config crate >= 0.3.19 (Rust build scripts; openssl-sys embeds it in "run pkg_config fail: ..."):
      // "The pkg-config command could not be found."
      source: 'pkg-config crate',
      literals: ['pkg-config command could not be found'],
      re: /The pkg-config command could not be found/,
      weight: 0.95,
    },
    {
      id: 'pkg-config-crate-failed-to-run',
      // pkg-config crate < 0.3.19: 'Failed to run `"pkg-config" "--libs" "--cflags" "openssl"`: No such file or directory (os error 2)'
      // (Windows: "The system cannot find the file specified. (os error 2)", or the same localized); before 0.3.x's
      // error type (2015-16) the message was lowercase: 'failed to run `"pkg-config" "--libs" "--cflags" "lua5.2"`: No
      // such file or directory (os error 2)', and Rust 1.0's io error read "no such file or directory". The crate says
      // "failed to run" only when the command could not be started (a pkg-config that ran and failed "did not exit
      // successfully"), so the line counts even when a terminal wrapped it before the error text.
      source: 'pkg-config crate (old)',
      literals: ['Failed to run `', 'failed to run `'],
      re: /[Ff]ailed to run `\\?"pkg-config\\?"(?:[^`]*--cflags\\?"? \\?"?(?<library>[\w.+-]+)\\?"?`)?/,
      weight: 0.95,
    },
    {
      id: 'pkg-config-crate-command-debug',
      // pkg-config crate 0.3.9-0.3.18 behind a build script's unwrap(), the error's Debug form: 'Command { command:
      // "\"pkg-config\" \"--libs\" \"--cflags\" \"mad\"", cause: Error { repr: Os { code: 2, message: "No such file or
      // directory" } } }' (Rust < 1.21 io::Error), 'cause: Os { code: 2, kind: NotFound, ... }' (later); errno 2 is ENOENT
      source: 'pkg-config crate (old) via a panic',
      literals: ['command: "\\"pkg-config\\"'],
      re: /Command \{ command: "\\"pkg-config\\"(?:[^"\\]|\\.)*", cause: (?:Error \{ repr: )?Os \{ code: 2\b/,
      weight: 0.95,
    },
    {
      id: 'pkg-config-crate-could-not-run',
      // pkg-config crate >= 0.3.19: 'Could not run `"pkg-config" "--libs" "--cflags" "zlib"`' (>= 0.3.27 without the quotes:
      // "Could not run `PKG_CONFIG_ALLOW_SYSTEM_CFLAGS=1 pkg-config --libs --cflags zlib`") is printed only when the
      // command could not be started at all (a failing pkg-config reads "... did not exit successfully")
      source: 'pkg-config crate',
      literals: ['Could not run `'],
      re: /Could not run `[^`]*--cflags\\?"? \\?"?(?<library>[\w.+-]+)/,
      weight: 0.8,
    },
    {
      id: 'openssl-sys-pkg-config-utility',
      // openssl-sys >= 0.9.5x build script: "requires the `pkg-config` utility to find OpenSSL but unfortunately `pkg-config`"
      // "could not be found."
      source: 'openssl-sys build script',
      literals: ['requires the `pkg-config` utility'],
      re: /requires the `pkg-config` utility to find OpenSSL but unfortunately/,
      weight: 0.9,
    },
    {
      id: 'sqlite3-gem-pkg-config',
      // the sqlite3 gem's extconf.rb (1.5+, building against the system SQLite or its packaged one): "Could not
      // configure the build properly (pkg_config). Please install either the `pkg-config` utility or the `pkg-config`"
      // / "rubygem." (the extconf does not use the gem: the utility is what helps)
      source: 'sqlite3 gem (extconf.rb)',
      literals: ['Please install either the `pkg-config`'],
      // (the gem 1.6+ drops "(pkg_config)" and a console may wrap right after the first `pkg-config`)
      re: /Please install either the `pkg-config`(?: utility or the `pkg-config`|\s*$)/,
      weight: 0.9,
    },
    {
      id: 'cmake-find-pkgconfig',
      // CMake FindPkgConfig, find_package(PkgConfig REQUIRED) under "CMake Error at ...":
      // "Could NOT find PkgConfig (missing: PKG_CONFIG_EXECUTABLE)"
      source: 'cmake',
      literals: ['Could NOT find PkgConfig'],
      re: /^Could NOT find PkgConfig \(missing: PKG_CONFIG_EXECUTABLE\)/,
      weight: 0.95,
    },
    {
      id: 'cmake-find-pkgconfig-optional',
      // the same check without REQUIRED is a status line ("-- Could NOT find PkgConfig ..."): the build goes on and may
      // fail later for this reason or another, so it only counts when nothing stronger explains the failure
      source: 'cmake',
      literals: ['Could NOT find PkgConfig'],
      re: /^-- Could NOT find PkgConfig \(missing: PKG_CONFIG_EXECUTABLE\)/,
      weight: 0.55,
    },
    {
      id: 'autoconf-pkg-config-script',
      // autoconf PKG_CHECK_MODULES (pkg.m4): "configure: error: The pkg-config script could not be found or is too old."
      // (older pkg.m4: "*** The pkg-config script could not be found. Make sure it is"; hand-written checks:
      // "configure: error: Could not find pkg-config")
      source: 'autoconf configure',
      literals: ['pkg-config script could not be found', 'find pkg-config'],
      re: /The pkg-config script could not be found|^configure: error: (?:Could not find|cannot find) pkg-config/,
      weight: 0.95,
    },
    {
      id: 'meson-pkg-config-not-found',
      // meson: "Did not find pkg-config by name 'pkg-config'" / "Pkg-config binary for machine 1 not found. Giving up."
      // / meson >= 0.62 "Pkg-config for machine host machine not found. Giving up."
      source: 'meson',
      literals: ['Did not find pkg-config', 'Pkg-config binary for machine', 'Pkg-config for machine'],
      re: /Did not find pkg-config by name|Pkg-config (?:binary )?for machine [\w ]{1,40} not found\. Giving up/,
      weight: 0.9,
    },
    ...unexpandedMacroPatterns('pkg-macro', PKG_MACRO),
  ],
  refine: (ctx) => {
    const hits = ctx.hits;
    // openssl-sys on macOS/Windows looks in Homebrew/MacPorts/vcpkg/OPENSSL_DIR first; a failed pkg-config probe there is
    // noise and the missing OpenSSL is the cause (openssl-dev-missing). The target shows in the lines openssl-sys prints
    // just before the probe ("AARCH64_APPLE_DARWIN_OPENSSL_DIR unset", "TARGET = Some(...)").
    const crateOnly = hits.every((h) => h.pattern.startsWith('pkg-config-crate-'));
    const nonLinuxTarget = hits.some((h) =>
      h.before.some((l) => /^[A-Z0-9_]*(?:APPLE|DARWIN|WINDOWS)[A-Z0-9_]*_OPENSSL_(?:LIB_|INCLUDE_)?DIR unset$|TARGET = (?:Some\(")?[\w.]*-(?:apple|pc-windows)/.test(l)),
    );
    if (crateOnly && nonLinuxTarget) return null;
    // When pkg-config is missing, openssl-sys / -sys crates also report their library as not found; a small lead
    // keeps this (the cause) ahead of those consequences at equal line strength.
    const consequences = ['openssl-dev-missing', 'native-lib-missing'].some((id) => ctx.firedRules.has(id));
    const library = ctx.captures.library ?? (ctx.hits.some((h) => h.pattern === 'openssl-sys-pkg-config-utility') ? 'openssl' : undefined);
    const captures: Record<string, string> = library ? { library } : {};
    const macro = hits.map((h) => h.captures.macro).find((m): m is string => typeof m === 'string');
    if (macro) {
      captures.macro = macro;
      captures.macroNote =
        ` Here configure shows it: it was generated (autoreconf, autogen.sh) while pkg-config's macros (pkg.m4) were not installed, ` +
        `or not where aclocal looks, so \`${macro}\` was copied into it unexpanded and the shell stops on it.`;
      captures.lastStep = 'Then delete the generated configure and run `autoreconf -fi` (or the project\'s autogen.sh) again: configure does not repair itself.';
    }
    return {
      confidence: Math.min(0.99, confidenceOf(hits) + (consequences ? 0.03 : 0)),
      captures,
      evidence: hits.map((h) => ({ line: h.line, text: h.text })).sort((a, b) => a.line - b.line),
    };
  },
  explains: ['openssl-dev-missing', 'native-lib-missing', 'autoconf-macro-missing'],
  explanation:
    'The build asks pkg-config where {{library|a system library}} is installed (compiler and linker flags), but the `pkg-config` program ' +
    'itself is not installed or not on PATH. The library may well be installed: without pkg-config the build cannot find it, so ' +
    'later errors (openssl-sys "Could not find directory of OpenSSL installation", a missing -l library) are consequences of this one.{{macroNote|}}',
  fix: {
    summary: 'Install pkg-config (pkgconf), together with the development package of {{library|the library}}.',
    steps: [
      'Install pkg-config (on newer distributions it is provided by pkgconf).',
      'Make sure the development package of {{library|the library}} is installed too (e.g. libssl-dev / openssl-devel for OpenSSL).',
      '{{lastStep|When cross-compiling, set PKG_CONFIG_SYSROOT_DIR / PKG_CONFIG_PATH for the target, or use the target-prefixed pkg-config.}}',
    ],
    components: ['pkg-config'],
    platformCommands: {
      windows: ['choco install pkgconfiglite   # or use vcpkg / set the library\'s *_DIR environment variable instead'],
    },
  },
});
