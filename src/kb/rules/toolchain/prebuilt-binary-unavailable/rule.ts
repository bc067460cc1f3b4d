// prebuilt-binary-unavailable: an npm package with a native addon found no prebuilt binary for this Node.js,
// platform or libc, so its install script fell back to compiling the addon from source, and that build failed.
// Ranked below the rules that name why the source build failed (python-missing, msvc-missing, node-version-unsupported...):
// when one of those fires it is the root cause and this finding says why a source build ran at all.

import { defineRule } from '../../../rule.js';

const FALLBACK_PATTERNS = new Set(['prebuild-install-none-found', 'node-pre-gyp-not-found', 'sharp-libvips-unavailable']);

export default defineRule({
  id: 'prebuilt-binary-unavailable',
  title: 'No prebuilt binary for this platform, and the fallback source build failed',
  summary: 'An npm package found no prebuilt native binary for this Node.js version or platform, so it compiled the addon from source, and that build failed.',
  category: 'packaging',
  captures: {
    package: { type: 'string', doc: 'the npm package whose prebuilt binary was not found', optional: true },
    packageVersion: { type: 'version', doc: 'its version', optional: true },
    runtime: { type: 'string', doc: 'the runtime the binary was sought for (`node`, `electron`)', optional: true },
    runtimeVersion: { type: 'version', doc: 'the version of that runtime', optional: true },
    nodeVersion: { type: 'version', doc: 'the Node.js version (or runtime version) the binary was sought for', optional: true },
    arch: { type: 'string', doc: 'the CPU architecture sought', optional: true },
    platform: { type: 'string', doc: 'the OS sought', optional: true },
    libc: { type: 'string', doc: 'the C library sought (`musl`, or empty for glibc)', optional: true },
    abi: { type: 'string', doc: 'the ABI description node-pre-gyp printed', optional: true },
    libvips: { type: 'version', doc: 'the libvips version sharp wanted', optional: true },
    sharpPlatform: { type: 'string', doc: 'the platform sharp looked for (`win32-x64`)', optional: true },
  },
  internal: ['target', 'runtime2', '_hitStatus'],
  patterns: [
    {
      id: 'prebuild-install-none-found',
      // prebuild-install (npmlog "WARN" before 6, "warn" after): "prebuild-install warn install No prebuilt binaries found
      // (target=20.20.2 runtime=node arch=x64 libc= platform=linux)"; the target may be "undefined" (an unknown N-API version)
      source: 'prebuild-install',
      literals: ['No prebuilt binaries found'],
      re: /No prebuilt binaries found \(target=(?<target>\S{1,40}) runtime=(?<runtime>\w{1,20}) arch=(?<arch>\w{1,20})(?: libc=(?<libc>\w{0,20}))? platform=(?<platform>\w{1,20})\)/,
      weight: 0.75,
    },
    {
      id: 'node-pre-gyp-not-found',
      // @mapbox/node-pre-gyp (lib/install.js print_fallback_error): "node-pre-gyp WARN Pre-built binaries not found for bcrypt@5.0.0
      // and node@15.0.1 (node-v88 ABI, glibc) (falling back to source compile with node-gyp)" when the server answered (older
      // releases log it at ERR! level); "not installable" when the download threw instead, which since 1.0 (node-fetch,
      // 2021) includes a 404: its next line says which (node-pre-gyp-hit-error)
      source: 'node-pre-gyp',
      literals: ['Pre-built binaries not found for', 'Pre-built binaries not installable for'],
      re: /Pre-built binaries not (?:found|installable) for (?<package>[\w@/.-]{1,100}?)@(?<packageVersion>[\w.+-]{1,40}) and (?<runtime2>node|electron|node-webkit)@(?<runtimeVersion>[\w.+-]{1,40}) \((?<abi>[^)]{1,60})\)/,
      weight: 0.75,
    },
    {
      id: 'node-pre-gyp-hit-error',
      // @mapbox/node-pre-gyp after "not installable": "node-pre-gyp WARN Hit error response status 404 Not Found on https://..."
      // (the file is not published), or another error (ENOTDIR, an invalid URI, a network failure) that says nothing about it
      source: 'node-pre-gyp',
      literals: ['Hit error '],
      re: /Hit error (?:response status (?<_hitStatus>\d{3})\b)?/,
      weight: 0.05,
    },
    {
      id: 'sharp-libvips-unavailable',
      // sharp 0.2x-0.32 (its own installation error, so it is failure evidence too): "sharp: Installation error: Prebuilt
      // libvips 8.14.3 binaries are not yet available for win32-x64"; before 0.29 without the version
      source: 'sharp (install/libvips.js)',
      literals: ['binaries are not yet available for'],
      re: /Prebuilt libvips (?:(?<libvips>\d[\d.]{0,20}) )?binaries are not yet available for (?<sharpPlatform>[\w-]{1,40})/,
      weight: 0.75,
    },
    {
      id: 'native-build-failed',
      // the source build's own failure: node-gyp "gyp ERR! not ok" (and its other ERR! lines), or node-pre-gyp's
      // "node-pre-gyp ERR! build error". Not node-pre-gyp's other ERR! lines: before 0.10 it logged the fallback notice
      // itself ("node-pre-gyp ERR! Pre-built binaries not found ...") at ERR! level, also when the source build then worked.
      source: 'node-gyp / node-pre-gyp',
      literals: ['gyp ERR! '],
      re: /(?<!pre-)gyp ERR! |node-pre-gyp ERR! build error/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    // A missing prebuild followed by a source build that works is a normal install; only a failed one is reported.
    const sharpFailed = ctx.hits.some((h) => h.pattern === 'sharp-libvips-unavailable');
    if (!sharpFailed && !ctx.hits.some((h) => h.pattern === 'native-build-failed')) return null;
    // "not installable" is a missing binary only when the error it hit was the server's 403/404; a download that broke
    // otherwise (ENOTDIR, a bad URI, the network) says nothing about which binaries are published.
    const missing = ctx.hits.filter((h) => FALLBACK_PATTERNS.has(h.pattern) && !(h.pattern === 'node-pre-gyp-not-found' && h.text.includes('not installable')));
    const answered = ctx.hits.some((h) => h.pattern === 'node-pre-gyp-hit-error' && /^40[34]$/.test(h.captures._hitStatus ?? ''));
    const installable404 = answered && ctx.hits.some((h) => h.pattern === 'node-pre-gyp-not-found');
    if (missing.length === 0 && !installable404) return null;
    const c = ctx.captures;
    const nodeVersion = c.runtimeVersion ?? (c.target && c.target !== 'undefined' ? c.target : undefined);
    const runtime = c.runtime2 ?? c.runtime ?? 'node';
    const where = [c.platform, c.arch, c.libc ? `libc=${c.libc}` : c.abi].filter(Boolean).join(' ');
    const what = c.package ? `${c.package}@${c.packageVersion}` : 'The package';
    const story = sharpFailed
      ? `sharp found no prebuilt libvips${c.libvips ? ` ${c.libvips}` : ''} for ${c.sharpPlatform}, and without a libvips installed ` +
        'on the system it cannot build from source, so its install failed.'
      : `${what} has no prebuilt binary for ${runtime}${nodeVersion ? ` ${nodeVersion}` : ''}${where ? ` (${where})` : ''}, so its install ` +
        'script compiled the native addon from source with node-gyp, and that build failed.';
    // The root cause is why the source build failed when another rule names it (this finding then says why a source
    // build ran), so it steps below any other reported rule; alone, it is the best explanation the log offers.
    const othersReported = [...ctx.firedRules].some((id) => id !== 'prebuilt-binary-unavailable');
    return { confidence: othersReported ? 0.6 : 0.8, captures: { ...(nodeVersion ? { nodeVersion } : {}), _story: story } };
  },
  explanation:
    '{{_story}} Packages publish prebuilt binaries only for the Node.js versions, platforms and C libraries that existed ' +
    'when the release was made: a newer Node.js (another ABI), Alpine (musl), arm64 or an unusual platform gets none, and ' +
    'the fallback needs a full toolchain (Python, make, a C++ compiler) and sources that still compile on this Node.js. ' +
    'When buildmedic names why the source build failed, that finding is the root cause; the missing binary explains why a ' +
    'source build ran.',
  fix: {
    summary: 'Use a release of the package that ships a binary for this Node.js and platform, or make the source build work.',
    steps: [
      'Upgrade the package: newer releases usually publish binaries for newer Node.js versions, arm64 and musl (sharp 0.33 and later ship them as @img/sharp-* packages).',
      'Or run a Node.js version the package has binaries for (often the previous LTS).',
      'Or install what the source build needs: Python 3, make and a C++ compiler (`apk add python3 make g++` on Alpine, `apt-get install python3 make g++` on Debian/Ubuntu).',
      'Behind a mirror, check that it carries the binary (`npm_config_<package>_binary_host`); a download error is a network problem instead.',
    ],
  },
});
