// macos-extension-link-args-missing: an extension module linked on macOS without `-undefined dynamic_lookup`: Apple's
// linker refuses the symbols of the API that the host program (Python, the Erlang VM, Node.js) provides when it
// loads the module.

import { bareSymbol, pluginHostOf, symbolFamily, type PluginHost } from '../../../link-symbols.js';
import { defineRule } from '../../../rule.js';
import { linkerKind, UNDEFINED_SYMBOL_PATTERNS, undefinedSymbols } from '../link-lines.js';

const PYTHON: PluginHost = { host: 'the Python interpreter', plugin: 'Python extension module' };

function hostOf(symbol: string): PluginHost | null {
  return symbolFamily(symbol, { macho: true })?.remedy === 'libpython' ? PYTHON : pluginHostOf(symbol, { macho: true });
}

function mostCommon<T>(items: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const PYTHON_STEP =
  'PyO3 / rust-cpython: build with `maturin develop` / `maturin build`, or add to `.cargo/config.toml`: `[target.aarch64-apple-darwin]` and `[target.x86_64-apple-darwin]` with `rustflags = ["-C", "link-arg=-undefined", "-C", "link-arg=dynamic_lookup"]` (or call `pyo3_build_config::add_extension_module_link_args()` in build.rs). CMake: `Python_add_library(<mod> MODULE ...)` or `pybind11_add_module`.';
const OTHER_STEP =
  'A Makefile (rebar3\'s and elixir_make\'s c_src Makefiles, a hand-written one): on Darwin add `-undefined dynamic_lookup` to the link flags of the module (`ifeq ($(shell uname -s),Darwin)` / `LDFLAGS += -undefined dynamic_lookup`, with `-dynamiclib` or `-bundle`); Rustler and node-gyp pass it themselves, so a release that lacks it is an old one: update the dependency.';

export default defineRule({
  id: 'macos-extension-link-args-missing',
  title: 'An extension module was linked on macOS without -undefined dynamic_lookup',
  summary: 'Apple\'s linker refused the symbols an extension module (Python, Erlang NIF, Node-API) leaves for the program that loads it to resolve.',
  category: 'python',
  captures: {
    symbol: { type: 'string', doc: 'the first of the host API\'s symbols ld64 reported' },
    host: { type: 'string', doc: 'the program that loads the module and defines those symbols (`the Python interpreter`, `the Erlang VM`)' },
    arch: { type: 'string', doc: 'the architecture being linked', optional: true },
  },
  internal: ['quoted', 'dso', 'dsoName', '_plugin', '_step1'],
  contextAfter: 1,
  patterns: UNDEFINED_SYMBOL_PATTERNS,
  refine: (ctx) => {
    const symbols = undefinedSymbols(ctx.hits).filter(({ hit }) => linkerKind(hit) === 'ld64');
    const hosted = symbols.map((s) => ({ ...s, host: hostOf(s.symbol) })).filter((s): s is typeof s & { host: PluginHost } => s.host !== null);
    // The host most of the undefined symbols belong to; other undefined symbols are a library the link lacks.
    const host = mostCommon(hosted.map((s) => s.host));
    const own = hosted.filter((s) => s.host === host);
    if (!host || own.length * 2 < symbols.length) return null;
    // ld64 names the function that references each symbol on the next line: "_main in main.o" is a program that embeds
    // the runtime and must link its library instead.
    const referrers = own.map(({ hit }) => (hit.after[0] ?? '').trim());
    if (referrers.some((r) => /^_main in /.test(r))) return null;
    // A Python extension shows itself by who references the symbols: PyO3 or rust-cpython code, or a module's PyInit_
    // function. Anything else (CPython's own _testembed, an app embedding Python) is a program that lacks libpython.
    // The other hosts' APIs (enif_, napi_) are only ever called by plugins.
    if (host === PYTHON && !referrers.some((r) => /pyo3|\bcpython\b|python3_sys|_PyInit_\w+ in /.test(r))) return null;
    return {
      confidence: 0.85,
      captures: { symbol: bareSymbol(own[0].symbol, true).name, host: host.host, _plugin: host.plugin, _step1: host === PYTHON ? PYTHON_STEP : OTHER_STEP, _count: String(own.length) },
      evidence: own.slice(0, 4).map(({ hit }) => ({ line: hit.line, text: hit.text })),
    };
  },
  explanation:
    'Apple\'s linker reported `{{symbol}}` and other symbols of {{host}}\'s API as undefined. A {{_plugin}} does not link ' +
    'them: {{host}} defines them and resolves them when it loads the module, so on macOS the module must be linked with ' +
    '`-undefined dynamic_lookup` (Linux allows undefined symbols in shared libraries by default; ld64 does not). Build tools ' +
    'made for such modules (maturin, setuptools, pybind11\'s CMake helpers, Rustler, node-gyp) pass it; a plain ' +
    '`cargo build` of a PyO3 crate, or a hand-written Makefile or CMake target, does not.',
  fix: {
    summary: 'Link the module with `-undefined dynamic_lookup` (or build it with the tool made for it: maturin, setuptools-rust, Rustler).',
    steps: [
      '{{_step1}}',
      'If this link is a test binary or a program that embeds the runtime (`cargo test` of a crate with PyO3\'s `extension-module` feature), it must link the runtime\'s library instead: run tests without that feature, or link `$(python3-config --embed --ldflags)`.',
    ],
  },
});
