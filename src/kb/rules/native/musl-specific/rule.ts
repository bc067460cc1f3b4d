// musl-specific: a failure that happens because the build runs on (or targets) musl libc, typically Alpine Linux:
// musl-dev/build-base missing (no crt1.o/crti.o), glibc-only headers or symbols, glibc binaries on musl, and
// proc-macros on a statically linked musl host.

import { glibcOnlySymbol } from '../../../link-symbols.js';
import { defineRule, type PatternHit } from '../../../rule.js';
import { compilerHeaderNotFound, HEADER_NOT_FOUND_LITERALS, ldCannotFind } from '../../../signals.js';

// glibc-only headers that musl does not ship (asked for by code written for glibc).
const GLIBC_ONLY_HEADER = String.raw`(?<header>execinfo\.h|error\.h|fstab\.h|obstack\.h|printf\.h|gnu\/libc-version\.h|gnu\/lib-names\.h|bits\/libc-header-start\.h|sys\/cdefs\.h|ucontext\.h|argp\.h|fts\.h|libintl\.h)`;

/** The glibc-only family of the symbol an undefined-reference hit names (kb/link-symbols.ts), or null. */
function undefinedGlibcSymbol(hit: PatternHit) {
  if (hit.pattern !== 'glibc-symbol-on-musl') return null;
  const symbol = hit.captures.symbol2 ?? hit.captures.symbol3;
  return symbol === undefined ? null : glibcOnlySymbol(symbol);
}

export default defineRule({
  id: 'musl-specific',
  title: 'The build fails because of musl libc (Alpine)',
  summary: 'The build runs on or targets musl libc (Alpine Linux), which lacks something the build expects from glibc.',
  category: 'toolchain',
  captures: {
    kind: { type: 'string', doc: 'what fails on musl: `linux-headers`, `glibc-binary`, `proc-macro` or `glibc-symbol`' },
    target: { type: 'string', doc: 'the musl target triple', optional: true },
    crate: { type: 'string', doc: 'the crate that fails', optional: true },
    header: { type: 'string', doc: 'a glibc-only header that is missing', optional: true },
    kheader: { type: 'string', doc: 'the Linux kernel header that is missing', optional: true },
    object: { type: 'string', doc: 'the glibc binary that was run or linked', optional: true },
    symbol: { type: 'string', doc: 'a glibc-only symbol that is undefined', optional: true },
  },
  internal: ['library', 'libraryAfter', 'symbol2', 'symbol3', 'glibcLib', 'ctx', 'reason'],
  explains: ['native-lib-missing', 'c-code-error', 'libc-headers-missing'],
  patterns: [
    {
      id: 'proc-macro-musl-host',
      // cargo (1.3x-1.4x on musl hosts, or +crt-static): "error: cannot produce proc-macro for `serde_derive v1.0.81` as the target
      // `x86_64-unknown-linux-musl` does not support these crate types" (also x86_64-alpine-linux-musl)
      source: 'cargo',
      literals: ['cannot produce proc-macro for'],
            // (only musl targets count: checked in refine; +crt-static on -gnu targets gives the same message)
      re: /cannot produce proc-macro for `(?<crate>[^`]+)` as the target `(?<target>[\w.-]+)` does not support these crate types/,
      weight: 0.95,
    },
    {
      id: 'libgcc-s-missing-musl',
      // GNU ld on Alpine: "x86_64-alpine-linux-musl/bin/ld: cannot find -lgcc_s" (Alpine's libgcc/gcc packages missing); musl
      // context required. The C library's own files (crt1.o, crti.o, -lssp_nonshared: musl-dev) are libc-headers-missing.
      source: 'GNU ld (Alpine gcc)',
      literals: ['-lgcc_s', '-lgcc_eh'],
      re: new RegExp(ldCannotFind((suffix) => String.raw`-l(?<library${suffix}>gcc_s|gcc_eh)\b`)),
      weight: 0.8,
    },
    {
      id: 'glibc-header-missing',
      // gcc: "crash.c:1:10: fatal error: execinfo.h: No such file or directory"; clang: "fatal error: 'execinfo.h' file not found"
      // for headers glibc has and musl does not; musl context required (musl-gcc, *-linux-musl, alpine)
      source: 'gcc / clang with musl',
      // (gcc's and glibc's translations too: "schwerwiegender Fehler: execinfo.h: Datei oder Verzeichnis nicht gefunden")
      literals: HEADER_NOT_FOUND_LITERALS,
      re: new RegExp(compilerHeaderNotFound(GLIBC_ONLY_HEADER)),
      weight: 0.85,
    },
    {
      id: 'linux-headers-missing',
      // gcc/clang on Alpine without the linux-headers package: "fatal error: linux/limits.h: No such file or directory"; musl context required
      source: 'gcc / clang on Alpine',
      literals: HEADER_NOT_FOUND_LITERALS,
      re: new RegExp(compilerHeaderNotFound(String.raw`(?<kheader>(?:linux|asm|asm-generic)\/[\w-]+(?:\/[\w-]+)?\.h)`)),
      weight: 0.8,
    },
    {
      id: 'glibc-symbol-on-musl',
      // musl's dynamic loader running a glibc binary: "Error relocating ./protoc: __memcpy_chk: symbol not found";
      // GNU ld: "util.c:(.text+0x55): undefined reference to `__memcpy_chk'" (binutils >= 2.42 quotes with 'x');
      // lld / mold: "ld.lld: error: undefined symbol: __rawmemchr". Undefined references count only for the glibc-only
      // symbols of kb/link-symbols.ts (checked in refine).
      source: 'musl ld.so / GNU ld / lld / mold',
      literals: ['Error relocating', 'undefined reference to ', 'error: undefined symbol: '],
      re: /Error relocating (?<object>[^:\s]+): (?<symbol>[\w.@]+): symbol not found|undefined reference to [`'‘](?<symbol2>[\w.@]{1,120})['’]|error: undefined symbol: (?<symbol3>[\w.@]{1,120})\s*$/,
      weight: 0.85,
    },
    {
      id: 'other-libc-context',
      // a C library that is neither glibc nor musl (uClibc's i386-linux-uclibc, Android's bionic/NDK), or a glibc
      // cross toolchain's own linker ("x86_64-unknown-linux-gnu-ld.bfd: "): a glibc-only symbol left undefined there is
      // not musl's (support only: vetoes the symbol-only diagnosis)
      source: 'gcc / ld paths',
      literals: ['uclibc', 'uClibc', 'linux-android', 'bionic', 'linux-gnu-ld', 'dietlibc', 'newlib'],
      re: /uclibc|uClibc|-linux-android|\bbionic\b|-linux-gnu-ld(?:\.bfd|\.gold)?:|dietlibc|newlib/,
      weight: 0.01,
    },
    {
      id: 'glibc-loader-missing',
      // musl ld.so / Alpine: "Error loading shared library ld-linux-x86-64.so.2: No such file or directory (needed by ./node)"
      source: 'musl ld.so',
      literals: ['Error loading shared library'],
      re: /Error loading shared library (?<glibcLib>ld-linux[\w.-]*\.so\.\d|libc\.so\.6|libpthread\.so\.0|libdl\.so\.2|libm\.so\.6|libresolv\.so\.2): No such file or directory/,
      weight: 0.85,
    },
    {
      id: 'musl-context',
      // anything that shows musl/Alpine: "x86_64-alpine-linux-musl" paths, "--target x86_64-unknown-linux-musl", "musl-gcc", "FROM alpine" (support only)
      source: 'gcc paths / cargo / docker',
      literals: ['linux-musl', 'musl-gcc', 'alpine'],
      re: /(?<ctx>\b(?:x86_64|aarch64|i[3-6]86|armv7|arm|riscv64|powerpc64le|s390x|loongarch64|mips\w*)-(?:unknown-|alpine-|pc-)?linux-musl\w*|musl-gcc|\balpine\b)/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    const hits = ctx.hits
      .filter((h) => h.pattern !== 'proc-macro-musl-host' || (h.captures.target ?? '').includes('musl'))
      .filter((h) => h.pattern !== 'glibc-symbol-on-musl' || h.captures.symbol !== undefined || undefinedGlibcSymbol(h) !== null);
    const has = (id: string) => hits.some((h) => h.pattern === id);
    const musl = has('musl-context') || hits.some((h) => /musl|alpine/i.test(h.text));
    // A symbol only glibc's headers produce (__rawmemchr, gnu_get_libc_version) shows a glibc-built object on another
    // C library by itself; the log not naming one, musl (Alpine) is the one builds meet: weaker then, and never where
    // the log shows uClibc, Android or a glibc cross linker.
    const symbolAlone = !musl && !has('other-libc-context')
      && hits.some((h) => h.pattern === 'glibc-symbol-on-musl' && undefinedGlibcSymbol(h)?.alone === true);
    const strong = has('proc-macro-musl-host') || has('glibc-loader-missing') || symbolAlone
      || (has('glibc-symbol-on-musl') && hits.some((h) => h.pattern === 'glibc-symbol-on-musl' && h.text.startsWith('Error relocating')));
    // Kernel headers (linux/*.h, asm/*.h) come with every glibc toolchain (linux-libc-dev is a libc6-dev dependency) but are a
    // separate package on Alpine, so their absence points at Alpine even when the log never says so (weaker then).
    const kernelHeadersOnly = !strong && !musl && has('linux-headers-missing');
    if (!strong && !musl && !kernelHeadersOnly) return null;
    const evidence = hits
      .filter((h) => h.weight >= 0.5 && (!kernelHeadersOnly || h.pattern === 'linux-headers-missing'))
      .slice(0, 5)
      .map((h) => ({ line: h.line, text: h.text }));
    if (evidence.length === 0) return null;
    let kind: string;
    if (has('proc-macro-musl-host')) kind = 'proc-macro';
    else if (has('libgcc-s-missing-musl')) kind = 'musl-dev';
    else if (has('glibc-header-missing') && !kernelHeadersOnly) kind = 'header';
    else if (has('linux-headers-missing')) kind = 'linux-headers';
    else kind = 'glibc-binary';
    const what: Record<string, string> = {
      'proc-macro':
        'the Rust toolchain targets musl with static linking (crt-static), and proc-macro crates must be dynamic libraries, so cargo refuses to build {{crate|them}}',
      'musl-dev': 'gcc\'s runtime library ({{library|libgcc_s}}) is missing: on Alpine it comes with the gcc / build-base packages, which are not installed',
      header: 'the code includes a glibc-only header ({{header|a glibc header}}) that musl does not provide',
      'linux-headers':
        'the Linux kernel headers ({{kheader|linux/*.h}}) are missing: Alpine ships them separately as linux-headers (not part of build-base); on glibc distributions they come with linux-libc-dev / kernel-headers / linux-api-headers',
      'glibc-binary': 'a program or library built for glibc ({{object|a prebuilt binary}}) is being run or linked on musl, which lacks glibc-internal symbols such as {{symbol|__memcpy_chk}}',
    };
    // The reason is itself a template over this rule's captures (fillTemplate does not recurse).
    // The symbol named is the first glibc-only one (not an undefined symbol of the project's that came before it).
    const glibcHit = hits.find((h) => undefinedGlibcSymbol(h) !== null);
    const family = glibcHit ? undefinedGlibcSymbol(glibcHit) : null;
    const symbol = ctx.captures.symbol || (glibcHit ? (glibcHit.captures.symbol2 ?? glibcHit.captures.symbol3 ?? '').replace(/@.*$/, '') : '');
    const c: Record<string, string> = { ...ctx.captures, symbol };
    const reason = what[kind].replace(/\{\{(\w+)\|([^}]*)\}\}/g, (_, name: string, fallback: string) => c[name] || fallback);
    const captures: Record<string, string> = { kind, reason: kind === 'glibc-binary' && family ? `${reason} (${family.family})` : reason };
    if (symbol) captures.symbol = symbol;
    return { captures, evidence, ...(kernelHeadersOnly || (symbolAlone && !has('glibc-loader-missing')) ? { confidence: 0.75 } : {}) };
  },
  explanation:
    'This build runs on or targets musl libc (Alpine Linux and musl targets), and {{reason}}. musl is not a drop-in replacement ' +
    'for glibc: prebuilt glibc binaries do not run on it, some GNU-specific headers and functions do not exist, and Alpine keeps ' +
    'the C development files in separate packages.',
  fix: {
    summary: 'Install Alpine’s build packages, avoid glibc-only code/binaries, or build on a glibc image.',
    steps: [
      'On Alpine, install the C toolchain and musl headers: `apk add --no-cache build-base musl-dev` (build-base includes gcc, g++, make, musl-dev).',
      'For "cannot produce proc-macro ... musl": build with RUSTFLAGS="-C target-feature=-crt-static" (or upgrade Rust: musl hosts support proc-macros since 1.44), or use a glibc-based image.',
      'For missing linux/*.h or asm/*.h headers: `apk add linux-headers` on Alpine (linux-libc-dev on Debian/Ubuntu, kernel-headers on Fedora, linux-api-headers on Arch).',
      'For glibc-only headers (execinfo.h, error.h, ...): use the musl-compatible alternative (e.g. libexecinfo-dev on older Alpine) or disable that feature of the code.',
      'For glibc binaries ("Error relocating ... symbol not found", missing ld-linux-x86-64.so.2): install a musl build of the tool (`apk add` it), try `apk add gcompat`, or switch the image to a glibc distribution (e.g. debian:bookworm-slim, rust:slim).',
      'For undefined references to glibc-only symbols at link time (__memcpy_chk, __rawmemchr, __isoc99_sscanf, gnu_get_libc_version, open64): an object or static library in the link was compiled against glibc; rebuild it from source in the musl image (or use its musl build), since gcompat does not help a static link.',
    ],
    packages: {
      apk: ['build-base', 'musl-dev', 'linux-headers'],
    },
    platformCommands: {
      linux: ['RUSTFLAGS="-C target-feature=-crt-static" cargo build   # proc-macros on a musl host'],
    },
  },
});
