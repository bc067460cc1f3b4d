// macos-extension-link-args-missing: a Python extension module linked on macOS without `-undefined dynamic_lookup`:
// Apple's linker refuses the Python C API symbols that the interpreter provides when it loads the module.

import { bareSymbol, symbolFamily } from '../../../link-symbols.js';
import { defineRule } from '../../../rule.js';
import { linkerKind, UNDEFINED_SYMBOL_PATTERNS, undefinedSymbols } from '../link-lines.js';

export default defineRule({
  id: 'macos-extension-link-args-missing',
  title: 'A Python extension was linked on macOS without -undefined dynamic_lookup',
  summary: 'Apple\'s linker refused the Python C API symbols of an extension module, which must be left for the interpreter to resolve.',
  category: 'python',
  captures: {
    symbol: { type: 'string', doc: 'the first Python C API symbol ld64 reported' },
    arch: { type: 'string', doc: 'the architecture being linked', optional: true },
  },
  internal: ['quoted', 'dso', 'dsoName'],
  contextAfter: 1,
  patterns: UNDEFINED_SYMBOL_PATTERNS,
  refine: (ctx) => {
    const symbols = undefinedSymbols(ctx.hits).filter(({ hit }) => linkerKind(hit) === 'ld64');
    const python = symbols.filter(({ symbol }) => symbolFamily(symbol, { macho: true })?.remedy === 'libpython');
    // Most undefined symbols must be Python's: other ones are a library the link lacks.
    if (python.length === 0 || python.length * 2 < symbols.length) return null;
    // ld64 names the function that references each symbol on the next line: "_main in main.o" is a program that embeds
    // Python and must link libpython instead.
    const referrers = python.map(({ hit }) => (hit.after[0] ?? '').trim());
    if (referrers.some((r) => /^_main in /.test(r))) return null;
    // An extension shows itself by who references the symbols: PyO3 or rust-cpython code, or a module's PyInit_ function.
    // Anything else (CPython's own _testembed, an app embedding Python) is a program that lacks libpython.
    if (!referrers.some((r) => /pyo3|\bcpython\b|python3_sys|_PyInit_\w+ in /.test(r))) return null;
    return {
      confidence: 0.85,
      captures: { symbol: bareSymbol(python[0].symbol, true).name, _count: String(python.length) },
      evidence: python.slice(0, 4).map(({ hit }) => ({ line: hit.line, text: hit.text })),
    };
  },
  explanation:
    'Apple\'s linker reported `{{symbol}}` and other Python C API symbols as undefined. A Python extension module does not link ' +
    'libpython: the interpreter that imports it provides those symbols, so on macOS the module must be linked with ' +
    '`-undefined dynamic_lookup` (Linux allows undefined symbols in shared libraries by default; ld64 does not). Build tools ' +
    '(setuptools, maturin, setuptools-rust, pybind11\'s CMake helpers) pass it; a plain `cargo build` of a PyO3 crate, or a ' +
    'hand-written Makefile/CMake target, does not.',
  fix: {
    summary: 'Link the extension with `-undefined dynamic_lookup` (or build it with maturin / setuptools-rust).',
    steps: [
      'PyO3 / rust-cpython: build with `maturin develop` / `maturin build`, or add to `.cargo/config.toml`: `[target.aarch64-apple-darwin]` and `[target.x86_64-apple-darwin]` with `rustflags = ["-C", "link-arg=-undefined", "-C", "link-arg=dynamic_lookup"]` (or call `pyo3_build_config::add_extension_module_link_args()` in build.rs).',
      'CMake: use `Python_add_library(<mod> MODULE ...)` or `pybind11_add_module`, or add `-undefined dynamic_lookup` to the module\'s link options on Apple; a Makefile: add `-bundle -undefined dynamic_lookup` to LDFLAGS.',
      'If this link is a test binary or a program that embeds Python (`cargo test` of a crate with PyO3\'s `extension-module` feature), it must link libpython instead: run tests without that feature, or link `$(python3-config --embed --ldflags)`.',
    ],
  },
});
