// prebuilt-binary-unavailable: a native npm package found no prebuilt binary for this Node version / platform, so its
// install fell back to compiling from source, which then failed (no Python, no compiler, or source that does not
// support this Node). The fallback is the cause to fix first: a supported Node/platform gets the prebuilt binary.

import { defineRule } from '../../../core/rule.js';

export default defineRule({
  id: 'prebuilt-binary-unavailable',
  title: 'No prebuilt binary for this platform, and the source build failed',
  summary: 'A native package has no prebuilt binary for this Node version or platform, so it was compiled from source, and that build failed.',
  category: 'packaging',
  // What the fallback source build then runs into is a consequence of taking that path at all.
  explains: ['python-missing', 'c-compiler-missing', 'cxx-compiler-missing', 'build-tool-missing', 'msvc-missing', 'c-code-error', 'cxx-source-incompatible'],
  patterns: [
    {
      id: 'prebuild-install-none-found',
      // prebuild-install (better-sqlite3, sqlite3 5, keytar, ...): "prebuild-install warn install No prebuilt binaries found
      // (target=24.2.0 runtime=node arch=arm64 libc=musl platform=linux)"
      source: 'prebuild-install',
      literals: ['No prebuilt binaries found'],
      re: /prebuild-install (?:warn|WARN) install No prebuilt binaries found \(target=(?<target>\S{1,40}) runtime=(?<runtime>\w{1,20}) arch=(?<arch>\w{1,20}) libc=(?<libc>\w{0,20}) platform=(?<platform>\w{1,20})\)/,
      weight: 0.8,
    },
    {
      id: 'node-pre-gyp-not-found',
      // node-pre-gyp (sqlite3 < 5, bcrypt, grpc, ...): "node-pre-gyp ERR! Pre-built binaries not found for sqlite3@3.1.13 and
      // node@12.18.2 (node-v72 ABI) (falling back to source compile with node-gyp)"; also "... not installable for ..."
      source: 'node-pre-gyp / @mapbox/node-pre-gyp',
      literals: ['Pre-built binaries not found for', 'Pre-built binaries not installable for'],
      re: /node-pre-gyp (?:ERR!|WARN|warn) Pre-built binaries not (?:found|installable) for (?<package>[\w@./-]{1,100}) and (?<target>(?:node|electron|node-webkit)@[\w.-]{1,40})/,
      weight: 0.8,
    },
  ],
  refine: (ctx) => {
    const c = ctx.captures;
    const target = c.platform ? `${c.runtime ?? 'node'} ${c.target} on ${c.platform}/${c.arch}${c.libc ? ` (${c.libc})` : ''}` : c.target;
    return { captures: { ...(c.package ? { package: c.package } : {}), ...(target ? { where: target } : {}) } };
  },
  explanation:
    '{{package|The package}} publishes prebuilt binaries for some Node versions and platforms, and none matched {{where|this one}}, so the ' +
    'install fell back to compiling it from source with node-gyp. That needs Python, make and a C++ compiler, and source that ' +
    'supports this Node version; the failure after the fallback comes from that build. New Node releases (before the package ' +
    'publishes binaries for them), musl (Alpine), arm64 and old package versions (whose binaries were never built for newer ' +
    'Node) are the usual gaps.',
  fix: {
    summary: 'Use a Node version and platform the package ships binaries for (or a newer package release), or install the build toolchain.',
    steps: [
      'Use a Node LTS release the package supports (its README lists them) or upgrade the package to a release with binaries for your Node.',
      'On Alpine, a glibc-based image (node:<version>-slim) usually has prebuilt binaries when the musl build is missing.',
      'Or let the source build succeed: install Python 3, make and a C++ compiler (`apk add python3 make g++`, `apt-get install python3 make g++`).',
    ],
  },
});
