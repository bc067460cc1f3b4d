// compiler-bug: the compiler itself failed (an internal compiler error), not the code it was given: rustc's ICE, gcc's
// failed internal check, MSVC's C1001.

import { defineRule, type Refinement } from '../../../rule.js';

// rustc's incremental compilation state is the usual trigger of its ICEs: the note that prints the compiler flags shows
// `-C incremental`, and the panic names the dependency graph or the on-disk query cache.
const RUSTC_INCREMENTAL = /-C incremental\b|rustc_incremental|dep_graph|try_load_from_disk|stolen value|incr[-_]comp/;

export default defineRule({
  id: 'compiler-bug',
  title: 'The compiler crashed (an internal compiler error)',
  summary: 'The compiler itself failed with an internal error (rustc\'s ICE, gcc\'s internal compiler error, MSVC\'s C1001), not because of an error in the code it compiled.',
  category: 'toolchain',
  captures: {
    compiler: { type: 'string', doc: 'the compiler that failed: `rustc`, `gcc` or `MSVC`' },
  },
  internal: ['_step1', '_incremental'],
  // The compiler's own crash comes first; an error it printed on the way (MSVC's C1001 reads like a code error) is not the code's.
  explains: ['c-code-error', 'rust-code-error'],
  contextBefore: 30,
  contextAfter: 12,
  patterns: [
    {
      id: 'rustc-ice',
      // rustc (rustc_driver, every release since 1.0): "error: internal compiler error: unexpected panic" (or the ICE's
      // own message) and "note: the compiler unexpectedly panicked. this is a bug."; 1.73+: "error: the compiler
      // unexpectedly panicked. this is a bug."
      source: 'rustc',
      // rustc's own thread panicking ("thread 'rustc' panicked at 'assertion failed: ...', librustc_trans/back/link.rs")
      // is the same ICE when the paste stops before those notes.
      literals: ['the compiler unexpectedly panicked', 'error: internal compiler error: ', "thread 'rustc' panicked at"],
      re: /(?:note|error): the compiler unexpectedly panicked\. this is a bug\.|^error: internal compiler error: |^thread 'rustc' panicked at /,
      weight: 0.9,
    },
    {
      id: 'gcc-ice',
      // gcc (diagnostic.c, internal_error): "x.c:252:1: internal compiler error: in based_loc_descr, at dwarf2out.c:14264",
      // "internal compiler error: tree check: expected ...", "internal compiler error: Segmentation fault" (the compiler
      // proper crashing in process), then "Please submit a full bug report". Not "internal compiler error: Killed
      // (program cc1plus)" (the kernel's OOM killer: out-of-memory's), nor "<signal> signal terminated program cc1plus",
      // which an emulator, bad memory or the OOM killer cause as often as a bug.
      source: 'gcc / g++',
      literals: ['internal compiler error: '],
      re: /internal compiler error: (?:in \S|tree check: |RTL check: |Segmentation fault\s*$)/,
      weight: 0.85,
    },
    {
      id: 'msvc-c1001',
      // MSVC cl.exe: "x.cpp(62): fatal error C1001: An internal error has occurred in the compiler." (VS 2015-2019) or
      // "fatal error C1001: Internal compiler error." (VS 2019 16.x+), with "(compiler file '...', line N)" after it.
      source: 'MSVC cl.exe',
      literals: ['fatal error C1001', 'fatal  error C1001'],
      re: /fatal {1,2}error C1001: (?:An internal error has occurred in the compiler|Internal compiler error)/,
      weight: 0.85,
    },
  ],
  refine: (ctx): Refinement | null => {
    const first = ctx.hits[0];
    if (!first) return null;
    const compiler = first.pattern === 'rustc-ice' ? 'rustc' : first.pattern === 'gcc-ice' ? 'gcc' : 'MSVC';
    const incremental = compiler === 'rustc' && ctx.hits.some((h) => [...h.before, h.text, ...h.after].some((l) => RUSTC_INCREMENTAL.test(l)));
    return {
      captures: { compiler, _step1: STEP1[compiler], ...(incremental ? { _incremental: INCREMENTAL_NOTE } : {}) },
      evidence: ctx.hits.slice(0, 3).map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    '{{compiler}} itself failed: an internal compiler error is a bug or crash of the compiler, not an error in the code it was ' +
    'compiling (that code may be valid). rustc\'s crashes most often come from its incremental compilation state in target/ ' +
    '(a build after switching branches or toolchains); gcc\'s and MSVC\'s are bugs of that compiler release, triggered by a ' +
    'particular construct or optimisation. A machine short of memory (MSVC\'s C1001, a segfaulting cc1plus) or a faulty one can ' +
    'make a compiler crash the same way.{{_incremental|}}',
  fix: {
    summary: 'Clear the compiler\'s cached state and retry, then change the compiler release; report the crash if it persists.',
    steps: [
      '{{_step1}}',
      'Use another compiler release: a newer one usually has the fix (rustup update, a newer gcc or Visual Studio update); if the crash started with an upgrade, pin the previous release.',
      'Lower the optimisation level or drop the flag that triggers it for the failing file, and check that the machine has free memory (parallel jobs: `-j1`, `CARGO_BUILD_JOBS=1`).',
      'Report it to the compiler with the failing file (rustc prints the bug-report address; gcc\'s -freport-bug writes a reproducer; MSVC\'s Developer Community).',
    ],
  },
});

const INCREMENTAL_NOTE = ' This one shows rustc\'s incremental state at work (`-C incremental`, its dependency graph), which `cargo clean` removes.';

const STEP1: Record<string, string> = {
  rustc: 'Remove rustc\'s incremental state and rebuild: `cargo clean` (or just `rm -rf target/debug/incremental`), or build with `CARGO_INCREMENTAL=0`.',
  gcc: 'Rebuild from a clean build directory (`make clean`, a fresh CMake build dir) to rule out a damaged precompiled header or object.',
  MSVC: 'Rebuild from a clean build directory and without precompiled headers or /GL if the project allows; close other builds to give cl.exe memory.',
};
