// libc-headers-missing: the compiler runs, but the C library's (or C++ standard library's, or the Linux kernel API's)
// development headers are not installed, so the first #include <stdio.h> / <sys/types.h> / <iostream> fails.
//
// The lines come from the shared header-not-found signal (gcc, clang, MSVC wordings, localized strerror); the kb
// table (kb/components.ts) decides which headers are the C library's and gives the package per platform.

import { COMPONENTS, factForHeader, type ComponentId } from '../../../kb/components.js';
import { mergeInstallFacts } from '../../../kb/platforms.js';
import { defineRule } from '../../../core/rule.js';

export default defineRule({
  id: 'libc-headers-missing',
  title: 'The C library development headers are not installed',
  summary: 'The compiler runs, but the standard library headers it needs (stdio.h, sys/types.h, iostream, linux/*.h) are not installed.',
  category: 'toolchain',
  signals: ['header-not-found', 'configure-check-failed'],
  explains: ['c-code-error', 'native-lib-missing'],
  patterns: [],
  refine: (ctx) => {
    const found = ctx.hits.flatMap((h) => (h.captures.header ? [{ hit: h, fact: factForHeader(h.captures.header) }] : [])).filter((f) => f.fact.rule === 'libc-headers-missing');
    if (found.length === 0) return null;
    const components = [...new Set(found.map((f) => f.fact.component).filter((c): c is ComponentId => c !== null))];
    const headers = [...new Set(found.map((f) => f.fact.name))];
    return {
      captures: { header: headers[0], headers: headers.join(', '), what: components.map((c) => COMPONENTS[c].label).join('; ') },
      install: mergeInstallFacts(components.map((c) => COMPONENTS[c])),
      evidence: found.map((f) => ({ line: f.hit.line, text: f.hit.text })),
    };
  },
  explanation:
    'The compiler itself is installed and ran, but it could not find `{{header}}`, a header of the {{what}}. Those headers ship ' +
    'in a development package separate from the compiler (libc6-dev on Debian/Ubuntu, glibc-devel on Fedora, musl-dev on Alpine; ' +
    'linux-libc-dev for linux/*.h; the libstdc++ dev package for C++ headers such as iostream), which a minimal image or a ' +
    'compiler installed on its own does not pull in. On macOS the headers come with the Xcode Command Line Tools SDK. ' +
    'Nothing is wrong with the code being compiled.',
  fix: {
    summary: 'Install the standard library development headers (on Debian/Ubuntu: build-essential or libc6-dev).',
    steps: [
      'Install the development package below (on Debian/Ubuntu `build-essential` installs libc6-dev and g++ together).',
      'With clang on Debian/Ubuntu, C++ headers come from a libstdc++-<N>-dev package matching the newest installed gcc; installing g++ pulls it in.',
      'When cross-compiling or using --sysroot, the sysroot must contain the target\'s C library headers.',
    ],
    components: ['libc-dev'],
  },
});
