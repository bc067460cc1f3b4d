// libc-headers-missing: the compiler runs, but the C library's (or C++ standard library's, or the Linux kernel API's)
// development headers are not installed, so the first #include <stdio.h> / <sys/types.h> / <iostream> fails.
//
// The lines come from the shared header-not-found signal (gcc, clang, MSVC wordings, localized strerror); the kb
// table (kb/components.ts) decides which headers are the C library's and gives the package per platform.

import { COMPONENTS, factForHeader, type ComponentId } from '../../../components.js';
import { mergeInstallFacts } from '../../../platforms.js';
import { defineRule } from '../../../rule.js';
import { ldCannotFind } from '../../../signals.js';

export default defineRule({
  id: 'libc-headers-missing',
  title: 'The C library development headers are not installed',
  summary: 'The compiler runs, but the standard library headers it needs (stdio.h, sys/types.h, iostream, linux/*.h) are not installed.',
  category: 'toolchain',
  captures: {
    header: { type: 'string', doc: 'the first missing header (or start file)' },
    headers: { type: 'string[]', doc: 'every missing header, start file and link library of the C library' },
  },
  internal: ['crt', 'crtAfter', 'libcLibrary', 'libcLibraryAfter', 'role', 'what'],
  signals: ['header-not-found', 'configure-check-failed'],
  explains: ['c-code-error', 'native-lib-missing'],
  patterns: [
    {
      id: 'crt-objects-missing',
      // GNU ld without the C library's dev package (libc6-dev, glibc-devel, Alpine's musl-dev): "/usr/bin/ld: cannot find
      // crti.o: No such file or directory" (also crt1.o, Scrt1.o, rcrt1.o, crtn.o; gcc's own crtbegin*.o are not libc's)
      source: 'GNU ld',
      // (in ld's and gold's translations too: "impossibile trovare crti.o", "crti.o が見つかりません")
      literals: ['crt1.o', 'crti.o', 'crtn.o'],
      re: new RegExp(ldCannotFind((suffix) => String.raw`(?<crt${suffix}>(?:S|r|g|M)?crt[1in]\.o)\b`)),
      weight: 0.85,
    },
    {
      id: 'libc-link-library-missing',
      // GNU ld on Alpine: "ld: cannot find -lssp_nonshared" (musl-dev ships libssp_nonshared.a). Not "-lc": that is most
      // often a -static link without the static libc (glibc-static), a library of its own (native-lib-missing)
      source: 'GNU ld',
      literals: ['-lssp_nonshared'],
      re: new RegExp(ldCannotFind((suffix) => String.raw`-l(?<libcLibrary${suffix}>ssp_nonshared)\b`)),
      weight: 0.8,
    },
  ],
  refine: (ctx) => {
    const found = ctx.hits.flatMap((h) => (h.captures.header ? [{ hit: h, fact: factForHeader(h.captures.header) }] : [])).filter((f) => f.fact.rule === 'libc-headers-missing');
    const runtime = ctx.hits.filter((h) => h.pattern === 'crt-objects-missing' || h.pattern === 'libc-link-library-missing');
    if (found.length === 0 && runtime.length === 0) return null;
    const components = [...new Set([...found.map((f) => f.fact.component).filter((c): c is ComponentId => c !== null), ...(runtime.length ? ['libc-dev' as const] : [])])];
    const headers = [...new Set(found.map((f) => f.fact.name))];
    // The C library's start files and link libraries ship in the same dev package as its headers.
    const files = runtime.map((h) => h.captures.crt ?? h.captures.crtAfter ?? `-l${h.captures.libcLibrary ?? h.captures.libcLibraryAfter}`);
    const first = headers[0] ?? files[0];
    return {
      captures: {
        header: first,
        headers: [...headers, ...new Set(files)],
        role: headers.length ? 'a header' : 'a start file or link library',
        what: components.map((c) => COMPONENTS[c].label).join('; '),
      },
      install: mergeInstallFacts(components.map((c) => COMPONENTS[c])),
      evidence: [...found.map((f) => ({ line: f.hit.line, text: f.hit.text })), ...runtime.map((h) => ({ line: h.line, text: h.text }))],
    };
  },
  explanation:
    'The compiler itself is installed and ran, but it could not find `{{header}}`, {{role|a header}} of the {{what}}. Those files ship ' +
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
