// object-not-pic: a shared library (or a position-independent executable) was linked from objects compiled as
// position-dependent code, usually a static library built without -fPIC. The linker's own message says so.

import { defineRule } from '../../../rule.js';

// The object (or "archive(member)") the linker names before the relocation: "./libp.a(p.o): relocation ...",
// gold "error: ./libp.a(p.o): requires dynamic ...", lld on the next line ">>> defined in ./libp.a(p.o)".
const OBJECT_BEFORE = /(?:^|\s)(?<object>[^\s:]{1,300}?\.(?:a|o|obj|lo|rlib)(?:\([^)\s]{1,200}\))?) ?: ?(?:relocation|requires)/;
const LLD_DEFINED_IN = /^(?:>>> )?defined in (?<object>\S{1,300})/;

export default defineRule({
  id: 'object-not-pic',
  title: 'Position-dependent code linked into a shared library',
  summary: 'The linker refused an object compiled without -fPIC (often inside a static library) while building a shared library or PIE.',
  category: 'toolchain',
  captures: {
    relocation: { type: 'string', doc: 'the relocation the linker could not use (R_X86_64_32, R_AARCH64_ADR_PREL_PG_HI21...)' },
    flag: { type: 'string', doc: 'the flag the linker asks for (-fPIC, or -fPIE for a PIE executable)' },
    object: { type: 'path', doc: 'the object or archive member compiled without it', optional: true },
  },
  contextAfter: 2,
  patterns: [
    {
      id: 'recompile-with-fpic',
      // GNU ld (bfd): "./libp.a(p.o): relocation R_X86_64_32S against `.data' can not be used when making a shared object;
      // recompile with -fPIC" (binutils >= 2.26 also "... making a PIE object; recompile with -fPIE"; AArch64 "relocation
      // R_AARCH64_ADR_PREL_PG_HI21 against symbol `x' which may bind externally can not be used ..."); lld: "relocation
      // R_X86_64_PC32 cannot be used against symbol 'x'; recompile with -fPIC"; gold: "requires dynamic R_X86_64_PC32 reloc
      // against 'x' which may overflow at runtime; recompile with -fPIC"
      source: 'GNU ld (bfd) / lld / gold',
      literals: ['recompile with -fPIC', 'recompile with -fPIE'],
      // (the relocation's name is read in refine: one regex for both would backtrack over the text between them)
      re: /[;；] ?recompile with (?<flag>-fPIC|-fPIE)\b/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const hit = ctx.hits[0];
    const object = OBJECT_BEFORE.exec(hit.text)?.groups?.object ?? hit.after.map((l) => LLD_DEFINED_IN.exec(l.trim())?.groups?.object).find(Boolean);
    const pie = ctx.captures.flag === '-fPIE';
    // The relocation type the linker names: "R_X86_64_32S", "R_AARCH64_ADR_PREL_PG_HI21", "R_386_PC32".
    const relocation = /\bR_[A-Z0-9_]{2,40}\b/.exec(hit.text)?.[0] ?? 'absolute';
    return {
      captures: {
        relocation,
        ...(object ? { object } : {}),
        _output: pie ? 'a position-independent executable (PIE, the default of most distributions\' compilers)' : 'a shared library (a .so: a Python extension, a Rust cdylib, a plugin)',
        _what: object ? `\`${object}\`` : 'An object on the link line',
      },
    };
  },
  explanation:
    '{{_what}} was compiled as position-dependent code, and the link builds {{_output}}, which needs position-independent ' +
    'code: the {{relocation}} relocation hard-codes an absolute or near address that a library loaded anywhere cannot use. ' +
    'This is nearly always a static library (.a) built without {{flag}} (autotools and CMake build static libraries without it ' +
    'by default) being linked into a shared library, or old objects compiled before -fPIE became the default.',
  fix: {
    summary: 'Rebuild the objects (the static library) with {{flag}}, or link against the library\'s shared build.',
    steps: [
      'Rebuild the static library with position-independent code: CMake `-DCMAKE_POSITION_INDEPENDENT_CODE=ON`, autotools `./configure --with-pic` (or `CFLAGS=-fPIC`), Make `CFLAGS += {{flag}}`; run `make clean` (or delete the build directory) first, so every object is recompiled.',
      'Or link the shared build of that library (`libfoo.so` instead of `libfoo.a`), e.g. install its distribution package instead of a static build.',
      'For a PIE executable the alternative is to link with `-no-pie` (loses address randomisation); a Rust crate vendoring C code gets -fPIC from cc-rs, so check CFLAGS that override it.',
    ],
  },
});
