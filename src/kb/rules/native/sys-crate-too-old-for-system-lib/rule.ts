// sys-crate-too-old-for-system-lib: a -sys crate (in practice openssl-sys) found the system library, but the library
// is a version that this release of the crate does not know (OpenSSL 1.1.1 for openssl-sys < 0.9.42, OpenSSL 3 for
// < 0.9.64, LibreSSL newer than the crate, OpenSSL 4 before support landed); or the bindings over it (the openssl
// crate < 0.10.8) do not know the version openssl-sys reported.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'sys-crate-too-old-for-system-lib',
  title: 'The -sys crate is too old for the installed system library',
  summary: 'A -sys crate found the system library but does not support its (newer) version.',
  category: 'system-library',
  captures: {
    crate: { type: 'string', doc: 'the crate that is too old (`openssl-sys`, or `openssl`, the bindings over it)' },
    crateVersion: { type: 'version', doc: 'its version', optional: true },
    libraryVersion: { type: 'string', doc: 'the system library version it cannot handle', optional: true },
  },
  internal: ['crateVersion2', 'flavor', 'hex', 'bindings', 'bindingsVersion', 'bindingsVersion2', 'finding'],
  // the expando.c preprocessor error is this mismatch, not an error in the project's C code
  explains: ['c-code-error'],
  patterns: [
    {
      id: 'openssl-sys-version-mismatch',
      // openssl-sys build script panic, every 0.9.x release since 2017; the supported list changes per release:
      // "This crate is only compatible with OpenSSL 1.0.1, 1.0.2, and 1.1.0, or LibreSSL" (0.9.1x),
      // "... OpenSSL (version 1.0.1 through 1.1.1, or 3.0.0), or LibreSSL 2.5" (0.9.7x), "... (version 1.1.0, 1.1.1, or 3.x)" (0.9.11x)
      source: 'openssl-sys build script',
      literals: ['This crate is only compatible with OpenSSL'],
      re: /This crate is only compatible with OpenSSL\b/,
      weight: 0.95,
    },
    {
      id: 'openssl-sys-version-mismatch-tail',
      // the wrapped continuation lines of the same panic: "... but a different version of OpenSSL was found. The build is now aborting due to this version mismatch."
      source: 'openssl-sys build script',
      literals: ['a different version of OpenSSL was found', 'due to this version mismatch'],
      re: /a different version of OpenSSL was found|due to this version mismatch/,
      weight: 0.9,
    },
    {
      id: 'openssl-sys-expando-version-paste',
      // openssl-sys < 0.9.64 preprocesses build/expando.c, whose VERSION(OPENSSL, OPENSSL_VERSION_NUMBER) needs a literal;
      // OpenSSL 3 defines the number as an expression, so gcc says 'error: pasting "RUST_VERSION_OPENSSL_" and "(" does
      // not give a valid preprocessing token' and clang "error: pasting formed 'RUST_VERSION_OPENSSL_(', an invalid
      // preprocessing token" (relayed by cc-rs as cargo:warning=, by cargo as warning:)
      source: 'gcc / clang preprocessing openssl-sys build/expando.c',
      literals: ['RUST_VERSION_OPENSSL_'],
      re: /error: pasting (?:"RUST_VERSION_OPENSSL_" and "\("|formed 'RUST_VERSION_OPENSSL_\()/,
      weight: 0.95,
    },
    {
      id: 'openssl-sys-crate-version',
      // panic location / failed build script: ".../openssl-sys-0.9.17/build.rs:463:9" or "failed to run custom build command for `openssl-sys v0.9.19`" (support)
      source: 'rustc panic location / cargo',
      literals: ['/build.rs:', '/build/main.rs:', 'command for `openssl-sys v'],
      re: /openssl-sys-(?<crateVersion>0\.\d+\.\d+)\/build(?:\.rs|\/main\.rs):|command for `openssl-sys v(?<crateVersion2>0\.\d+\.\d+)/,
      weight: 0.05,
    },
    {
      id: 'openssl-bindings-unknown-version',
      // the openssl crate's build script (0.9.x through 0.10.7) matches DEP_OPENSSL_VERSION, which openssl-sys sets
      // from the headers it found ("101", "102", "110", "111" from openssl-sys 0.9.28 on), against the versions it
      // knows, and panics otherwise: "thread 'main' panicked at 'Unable to detect OpenSSL version', .../openssl-0.9.24/
      // build.rs:16:14" (rustc < 1.73; later rustc puts the message on the line after the location). tls-api-openssl's
      // build script prints the same with its name in front. openssl-sys itself had found OpenSSL: its build script ran
      // first, since the bindings' build script reads its output.
      source: 'openssl / tls-api-openssl build script',
      literals: ['Unable to detect OpenSSL version'],
      re: /(?:panicked at '|^)(?<bindings>tls-api-openssl: )?Unable to detect OpenSSL version(?:'|$)/,
      weight: 0.9,
    },
    {
      id: 'openssl-bindings-crate-version',
      // panic location or cargo's failed build script of the bindings: ".../openssl-0.9.24/build.rs:16:14",
      // "failed to run custom build command for `openssl v0.9.24`" (support)
      source: 'rustc panic location / cargo',
      literals: ['/build.rs:', 'command for `openssl v'],
      re: /\/openssl-(?<bindingsVersion>0\.\d+\.\d+)\/build\.rs:|command for `openssl v(?<bindingsVersion2>0\.\d+\.\d+)/,
      weight: 0.05,
    },
    {
      id: 'openssl-version-number',
      // openssl-sys build script: "cargo:version_number=30000020" / "cargo:libressl_version_number=3070000f" (support: which library was found)
      source: 'openssl-sys build script',
      literals: ['version_number='],
      re: /cargo:(?<flavor>libressl_)?version_number=(?<hex>[0-9a-f]{8,9})\b/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    const { hex, flavor } = ctx.captures;
    const bindingsFailed = ctx.hits.some((h) => h.pattern === 'openssl-bindings-unknown-version');
    const onlyBindings = bindingsFailed && !ctx.hits.some((h) => h.weight >= 0.5 && h.pattern !== 'openssl-bindings-unknown-version');
    const captures: Record<string, string> = { crate: 'openssl-sys' };
    if (!ctx.captures.crateVersion && ctx.captures.crateVersion2) captures.crateVersion = ctx.captures.crateVersion2;
    if (onlyBindings) {
      captures.crate = ctx.captures.bindings ? 'tls-api-openssl' : 'openssl';
      const version = ctx.captures.bindingsVersion ?? ctx.captures.bindingsVersion2;
      if (ctx.captures.bindings || !version) delete captures.crateVersion;
      else captures.crateVersion = version;
      captures.finding =
        `openssl-sys found OpenSSL on the system and reported its version, but the ${captures.crate} crate` +
        `${captures.crateVersion ? ` ${captures.crateVersion}` : ''} (bindings over openssl-sys) only knows the OpenSSL versions that existed ` +
        'when it was released (openssl 0.9.x: 1.0.1, 1.0.2 and 1.1.0) and stops at any other, such as OpenSSL 1.1.1 or 3.x.';
    }
    if (ctx.hits.some((h) => h.pattern === 'openssl-sys-expando-version-paste') && !hex) captures.libraryVersion = 'OpenSSL 3.x, whose version macro old openssl-sys cannot expand';
    if (hex) {
      // OpenSSL/LibreSSL version numbers are 0xMNN00PP0 (3.x: 0xMNN00PPL): major, minor, patch.
      const n = parseInt(hex, 16);
      const major = Math.floor(n / 0x10000000);
      const minor = Math.floor(n / 0x100000) % 0x100;
      const patch = Math.floor(n / 0x1000) % 0x100;
      captures.libraryVersion = `${flavor ? 'LibreSSL' : 'OpenSSL'} ${major}.${minor}.${patch}`;
    }
    captures.finding ??=
      `openssl-sys ${captures.crateVersion ?? '(the version in Cargo.lock)'} found OpenSSL on the system, but the installed library ` +
      `(${captures.libraryVersion ?? 'a newer OpenSSL or LibreSSL'}) is not one this release of the crate knows how to bind.`;
    const evidence = ctx.hits.filter((h) => h.weight >= 0.5).map((h) => ({ line: h.line, text: h.text }));
    return { captures, evidence };
  },
  explanation:
    '{{finding|openssl-sys found OpenSSL on the system, but the installed library is not one this release of the crate knows how to bind.}} Each openssl-sys release lists the OpenSSL/LibreSSL versions it supports; ' +
    'distributions moving to OpenSSL 1.1.1, 3.x or 4.x (or a newer LibreSSL) break builds that pin an old openssl-sys in Cargo.lock. ' +
    'The headers are present, so installing packages does not help: the crate must be updated.',
  fix: {
    summary: 'Update openssl-sys (and openssl) to a release that supports the installed OpenSSL, or build a bundled OpenSSL.',
    steps: [
      'Run `cargo update -p openssl-sys -p openssl` (with --locked builds, commit the updated Cargo.lock).',
      'If a dependency pins an old `openssl` (0.9.x / old 0.10.x), update that dependency too (`cargo tree -i openssl-sys` shows who pulls it in).',
      'If no release supports your OpenSSL yet (e.g. a brand-new major version), enable the `vendored` feature of the `openssl` crate, or point OPENSSL_DIR at an OpenSSL 3 installation.',
    ],
    commands: ['cargo update -p openssl-sys -p openssl', 'cargo tree -i openssl-sys'],
    platformCommands: {
      macos: ['brew install openssl@3 && export OPENSSL_DIR="$(brew --prefix openssl@3)"   # if the crate cannot be updated'],
    },
  },
});
