// system-library-not-linked: the link left symbols undefined that a known system library defines (libdl, libm,
// libpthread, librt, libatomic, the C++ runtime, libpython, Windows import libraries), because that library is not on
// the link line. The symbols decide it (kb/link-symbols.ts); a symbol the table does not know keeps the rule silent.

import { bareSymbol, symbolFamily, type SymbolFamily } from '../../../link-symbols.js';
import { defineRule } from '../../../rule.js';
import { linkerKind, UNDEFINED_SYMBOL_PATTERNS, undefinedSymbols } from '../link-lines.js';

/** How each build system names the library, for the fix: CMake, a Rust build script, the flag itself. */
function howToLink(family: SymbolFamily): string {
  switch (family.remedy) {
    case 'cxx-driver':
      return 'Link with the C++ driver (g++ or clang++) instead of gcc/clang/cc: in a Makefile set the link command to $(CXX), in CMake give the target a C++ source or `set_target_properties(<target> PROPERTIES LINKER_LANGUAGE CXX)`; or add `-lstdc++` (`-lc++` with clang on macOS) after the objects.';
    case 'libcxx':
      return 'Link with libc++ too: `clang++ -stdlib=libc++` (or add `-lc++ -lc++abi`), or use a build of the library compiled against libstdc++ (the toolchain you link with).';
    case 'libstdcxx':
      return 'Build every C++ object and library with the same compiler and C++ library: rebuild the GCC-built library with Apple clang (libc++), or link the whole program with that GCC (g++-14 and its libstdc++).';
    case 'libpython':
      return 'Link libpython into the program that calls the Python C API: `$(python3-config --embed --ldflags)` (Python >= 3.8 needs --embed), CMake `find_package(Python COMPONENTS Development.Embed)` + `Python::Python`. A PyO3 crate with the `extension-module` feature cannot be linked as a test or binary: build the extension with maturin, and run `cargo test` without that feature.';
    case 'flag': {
      if (family.windows) {
        return `Add the import library \`${family.flag}.lib\`: MSVC linker input or \`#pragma comment(lib, "${family.flag}.lib")\`, MinGW \`-l${family.flag}\`, CMake \`target_link_libraries(<target> PRIVATE ${family.flag})\`, a Rust build script \`cargo:rustc-link-lib=${family.flag}\`.`;
      }
      const name = family.flag.replace(/^-l|^-/, '');
      const cmake = name === 'pthread' ? 'Threads::Threads)` (after `find_package(Threads)`' : name === 'dl' ? '${CMAKE_DL_LIBS})`' : `${name})\``;
      return `Add \`${family.flag}\` to the link command, after the objects and libraries that use it (order matters to GNU ld): Make \`LDLIBS += ${family.flag}\`, CMake \`target_link_libraries(<target> PRIVATE ${cmake}, autotools \`LIBS="${family.flag}"\`, cgo \`#cgo LDFLAGS: ${family.flag}\`, a Rust build script \`cargo:rustc-link-lib=${name}\`.`;
    }
  }
}

// A library named by GNU ld's "DSO missing from command line": libstdc++ is the C++ runtime, any other is added by -l.
function familyOfDso(name: string): SymbolFamily {
  if (/^stdc\+\+$|^c\+\+$/.test(name)) return { library: `the C++ runtime (lib${name})`, flag: 'g++ / clang++', remedy: 'cxx-driver', note: 'the C compiler driver links only the C library' };
  return { library: `lib${name}`, flag: `-l${name}`, remedy: 'flag', note: `GNU ld found the symbol in lib${name}, which other libraries on the link line depend on, but it does not search the dependencies of libraries (since binutils 2.22): the program must name lib${name} itself` };
}

export default defineRule({
  id: 'system-library-not-linked',
  title: 'A system library is not on the link line',
  summary: 'The link failed on undefined symbols that a system library defines, because that library was not linked.',
  category: 'toolchain',
  captures: {
    symbol: { type: 'string', doc: 'the first undefined symbol, as the linker printed it' },
    library: { type: 'string', doc: 'the library that defines it (libdl, libm, the C++ runtime, ws2_32.lib...)' },
    flag: { type: 'string', doc: 'what to add to the link (-ldl, -pthread, -lm, a C++ driver, an import library)' },
    symbols: { type: 'string[]', doc: 'the distinct undefined symbols (up to 8)', optional: true },
  },
  internal: ['quoted', 'arch', 'dso', 'dsoName'],
  patterns: UNDEFINED_SYMBOL_PATTERNS,
  refine: (ctx) => {
    const undefinedHits = ctx.hits.filter((h) => h.pattern !== 'ld-dso-missing-library' && h.pattern !== 'ld64-undefined-symbols-header');
    const symbols = undefinedSymbols(undefinedHits);
    if (symbols.length === 0) return null;
    const dso = ctx.hits.find((h) => h.pattern === 'ld-dso-missing-library');
    let families: SymbolFamily[];
    if (dso?.captures.dsoName) {
      // GNU ld names the library that defines the symbol: decisive for any library, known or not.
      families = [familyOfDso(dso.captures.dsoName)];
    } else {
      const found = symbols.map(({ symbol, hit }) => {
        const kind = linkerKind(hit);
        return { family: symbolFamily(symbol, { windowsLink: kind === 'windows', macho: kind === 'ld64' }), kind, symbol };
      });
      // Every undefined symbol must belong to a known system library: one that does not is the project's own or a
      // third-party library's, and its cause is not in the table.
      if (found.some((f) => f.family === null)) return null;
      // Python's C API on macOS is an extension's link (macos-extension-link-args-missing), not a library to add.
      if (found.some((f) => f.family?.remedy === 'libpython' && f.kind === 'ld64')) return null;
      // Only std::__cxx11 symbols missing while the rest of the C++ runtime resolves: a libstdc++ older than the compiler,
      // or a library built with the other string ABI (_GLIBCXX_USE_CXX11_ABI): not a driver that lacks the runtime.
      const runtime = found.filter((f) => f.family?.remedy === 'cxx-driver');
      if (runtime.length > 0 && runtime.every((f) => f.symbol.includes('__cxx11'))) return null;
      families = [...new Set(found.map((f) => f.family as SymbolFamily))];
      // The family with the most symbols leads; others are named too.
      const count = (fam: SymbolFamily) => found.filter((f) => f.family === fam).length;
      families.sort((a, b) => count(b) - count(a));
    }
    const lead = families[0];
    const others = families.slice(1);
    const otherNote = others.length > 0 ? ` Also undefined: symbols of ${others.map((f) => `${f.library} (${f.flag})`).join(', ')}.` : '';
    return {
      confidence: 0.85,
      captures: {
        symbol: bareSymbol(symbols[0].symbol, linkerKind(symbols[0].hit) === 'ld64').name,
        library: lead.library,
        flag: lead.flag,
        symbols: [...new Set(symbols.map((s) => bareSymbol(s.symbol, linkerKind(s.hit) === 'ld64').name))].slice(0, 8),
        _note: lead.note,
        _others: otherNote,
        _how: howToLink(lead) + (others.length > 0 ? ` Likewise for the other libraries: ${others.map((f) => f.flag).join(', ')}.` : ''),
      },
      evidence: [...symbols.slice(0, 4).map(({ hit }) => ({ line: hit.line, text: hit.text })), ...(dso ? [{ line: dso.line, text: dso.text }] : [])],
    };
  },
  explanation:
    'The compile succeeded, but the link left `{{symbol}}` undefined. It is defined by {{library}}, which is not on the link line ' +
    '(or, for GNU ld, which resolves symbols left to right, comes before the objects that need it). Why it is missing: {{_note}}.{{_others|}} ' +
    'Nothing needs to be installed; the link command must name the library.',
  fix: {
    summary: 'Link {{library}} ({{flag}}).',
    steps: ['{{_how}}'],
  },
});
