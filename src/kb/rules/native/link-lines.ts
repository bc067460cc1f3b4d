// The linkers' "undefined symbol" lines, written once for the rules that judge which symbols a link lacks
// (system-library-not-linked, macos-extension-link-args-missing). Each pattern captures `symbol` as the linker printed
// it; kb/link-symbols.ts says which library defines it.

import type { LinePattern, PatternHit } from '../../rule.js';

// GNU ld's "undefined reference" in English and the translations binutils ships (fr, es, ru, pt_BR: seen with binutils 2.40).
const UNDEFINED_REFERENCE = ['undefined reference to ', 'référence indéfinie vers ', 'неопределённая ссылка на ', 'referência não definida para '];

export const UNDEFINED_SYMBOL_PATTERNS = [
  {
    id: 'ld-undefined-reference',
    // GNU ld (bfd): "m.c:(.text+0x34): undefined reference to `pow'" (binutils >= 2.42 and MinGW builds may print
    // 'pow'); gold: "m.c:3: error: undefined reference to 'pow'"; translated: fr "référence indéfinie vers « pow »",
    // ru "неопределённая ссылка на «pow»", pt_BR 'referência não definida para "pow"'
    source: 'GNU ld (bfd) / gold',
    literals: UNDEFINED_REFERENCE,
    re: new RegExp(String.raw`(?:${UNDEFINED_REFERENCE.join('|')})[\x60'‘«"](?<symbol>[^'’»"\x60‘«\n]{1,300})['’»"]`),
    weight: 0.6,
  },
  {
    id: 'ld-undefined-reference-es',
    // GNU ld (bfd), es: "m.c:(.text+0x34): referencia a `pow' sin definir"
    source: 'GNU ld (bfd), Spanish',
    literals: [' sin definir'],
    re: /referencia a [`'‘«"](?<symbol>[^'’»"`‘«\n]{1,300})['’»"] sin definir/,
    weight: 0.6,
  },
  {
    id: 'ld-more-undefined-references',
    // GNU ld (bfd): "x.o:<artificial>:(.text+0x3cf8): more undefined references to `__atomic_load_8' follow"
    source: 'GNU ld (bfd)',
    literals: ['more undefined references to '],
    re: /more undefined references to [`'‘](?<symbol>[^'’`\n]{1,400})['’] follow/,
    weight: 0.6,
  },
  {
    id: 'ld-dso-missing-symbol',
    // GNU ld (bfd) >= 2.22, a symbol found only in a library that is not on the link line: "x.o: undefined reference
    // to symbol 'sqrt@@GLIBC_2.2.5'" then "/lib/x86_64-linux-gnu/libm.so.6: error adding symbols: DSO missing from command line"
    source: 'GNU ld (bfd) >= 2.22',
    literals: ['undefined reference to symbol '],
    re: /undefined reference to symbol ['`‘](?<symbol>[^'’`\n]{1,400})['’]/,
    weight: 0.6,
  },
  {
    id: 'ld-dso-missing-library',
    // GNU ld (bfd) >= 2.22: "/lib64/libdl.so.2: error adding symbols: DSO missing from command line" (names the library)
    source: 'GNU ld (bfd) >= 2.22',
    literals: ['DSO missing from command line'],
    re: /(?:^|\s|:)(?<dso>[^\s:]{0,300}?lib(?<dsoName>[\w+.-]{1,80}?)\.so(?:\.[\d.]+)?): error adding symbols: DSO missing from command line/,
    weight: 0.3,
  },
  {
    id: 'lld-undefined-symbol',
    // LLVM lld (ld.lld, rust-lld, lld-link, ld64.lld) and mold: "ld.lld: error: undefined symbol: pow", followed by
    // ">>> referenced by m.c"; lld-link: "lld-link: error: undefined symbol: __declspec(dllimport) WSAStartup"
    source: 'LLVM lld / mold',
    literals: ['error: undefined symbol: '],
    re: /^(?:= note: )?(?:[^\s:]{0,200}[\\/])?(?<_lldName>ld\.lld|rust-lld|lld-link|ld64\.lld|lld|mold|ld)(?:\.exe)?: error: undefined symbol: (?<symbol>.{1,400})$/,
    weight: 0.6,
  },
  {
    id: 'ld64-undefined-symbol',
    // Apple ld64 / ld-prime, under "Undefined symbols for architecture arm64:": '  "_dlopen", referenced from:'
    source: 'Apple ld64 / ld-prime',
    literals: ['", referenced from:'],
    re: /^"(?<symbol>[^"\n]{1,400})", referenced from:/,
    weight: 0.6,
  },
  {
    id: 'ld64-undefined-symbols-header',
    // Apple ld64 / ld-prime: "Undefined symbols for architecture x86_64:" (support: the symbols follow)
    source: 'Apple ld64 / ld-prime',
    literals: ['Undefined symbols for architecture '],
    re: /Undefined symbols for architecture (?<arch>[\w-]{1,20}):/,
    weight: 0.1,
  },
  {
    id: 'msvc-unresolved-external',
    // MSVC link.exe: "main.obj : error LNK2019: unresolved external symbol __imp_WSAStartup referenced in function main",
    // "error LNK2001: unresolved external symbol __imp_RegOpenKeyExW"; C++ symbols come quoted with their decorated name
    source: 'MSVC link.exe',
    // (translated: zh-CN "error LNK2019: 无法解析的外部符号 __imp_WSAStartup，函数 ws_global_init 中引用了该符号", de 'error
    // LNK2019: Verweis auf nicht aufgelöstes externes Symbol "__imp_MPI_Finalize" in Funktion "main".', ja "error LNK2019:
    // 未解決の外部シンボル __imp__closesocket@4 が関数 _main で参照されました")
    literals: ['LNK2019: unresolved external symbol ', 'LNK2001: unresolved external symbol ', 'LNK2019: 无法解析的外部符号 ', 'LNK2001: 无法解析的外部符号 ', 'LNK2019: Verweis auf nicht aufgel', 'LNK2001: Nicht aufgel', 'LNK2019: 未解決の外部シンボル ', 'LNK2001: 未解決の外部シンボル '],
    re: /LNK20(?:19|01): (?:unresolved external symbol|无法解析的外部符号|Verweis auf nicht aufgel(?:ö|oe)stes externes Symbol|Nicht aufgel(?:ö|oe)stes externes Symbol|未解決の外部シンボル) (?:"(?<quoted>[^"\n]{1,400})"|(?<symbol>[^\s，"]{1,400}?))(?: \(| referenced in function| in Funktion| が関数|，|\.?\s*$)/,
    weight: 0.6,
  },
  {
    id: 'msvc-unresolved-import',
    // MSVC link.exe in any of Visual Studio's languages: an import thunk ("__imp_WSAStartup", 32-bit "__imp__WSAStartup@16")
    // keeps its name in the translated LNK2019/LNK2001 line, wherever the language puts it
    source: 'MSVC link.exe (any language)',
    literals: ['LNK2019: ', 'LNK2001: '],
    re: /LNK20(?:19|01): [^_:\n]{0,120}(?<symbol>__imp_[\w@?$]{1,200})/,
    weight: 0.6,
  },
] as const satisfies readonly LinePattern[];

/** The undefined symbols of a link, as printed, in order, each once. */
export function undefinedSymbols(hits: readonly PatternHit[]): { symbol: string; hit: PatternHit }[] {
  const seen = new Set<string>();
  const out: { symbol: string; hit: PatternHit }[] = [];
  for (const hit of hits) {
    const symbol = (hit.captures.symbol ?? hit.captures.quoted)?.trim();
    if (!symbol || seen.has(symbol)) continue;
    seen.add(symbol);
    out.push({ symbol, hit });
  }
  return out;
}

/** Which linker printed a hit: Apple's (Mach-O names), a Windows one (import libraries), or a Unix ELF one. */
export function linkerKind(hit: PatternHit): 'ld64' | 'windows' | 'elf' {
  if (hit.pattern.endsWith('ld64-undefined-symbol')) return 'ld64';
  if (/msvc-unresolved-(?:external|import)$/.test(hit.pattern) || hit.captures._lldName === 'lld-link') return 'windows';
  // MinGW ld prints Windows paths ("C:/msys64/..." or "c:\\go\\...") and .obj/.exe names.
  if (/(?:^|\s)[A-Za-z]:[\\/]|\.obj\b|\.exe\b/.test(hit.text)) return 'windows';
  return 'elf';
}
