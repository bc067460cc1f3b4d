// global-variable-multiply-defined: a global variable is defined in several object files (usually `int x;` in a header
// without `extern`). Compilers before GCC 10 and Clang 11 merged such tentative definitions as "common" symbols; with
// -fno-common, their default since, the link fails. Decided only where the linker shows the definitions are data (.bss).

import { defineRule } from '../../../rule.js';

// GNU ld (bfd) places: "x.o:(.bss+0x10)", with -fdata-sections "(.bss.counter+0x0)"; code is "(.text+0x0)".
const BSS_PLACE = /\(\.bss(?:\.[\w.$]{1,200})?\+0x[0-9a-f]{1,16}\)/;
const CODE_PLACE = /\(\.text(?:\.[\w.$]{1,200})?\+0x[0-9a-f]{1,16}\)/;

export default defineRule({
  id: 'global-variable-multiply-defined',
  title: 'A global variable is defined in more than one object file',
  summary: 'The link failed because a global variable is defined in several files, which GCC >= 10 and Clang >= 11 no longer merge (-fno-common).',
  category: 'code',
  captures: {
    symbol: { type: 'string', doc: 'the variable defined more than once' },
    object: { type: 'path', doc: 'an object file that defines it again', optional: true },
  },
  contextAfter: 5,
  patterns: [
    {
      id: 'bfd-multiple-definition-bss',
      // GNU ld (bfd) >= 2.32: "d2.o:(.bss+0x0): multiple definition of `counter'; d1.o:(.bss+0x0): first defined here";
      // older binutils put "d1.o:(.bss+0x0): first defined here" on the next line
      source: 'GNU ld (bfd)',
      literals: ['multiple definition of '],
      re: /(?:^|\s|: )(?<object>[^\s:]{1,300}):\(\.bss[^)\s]{0,200}\): multiple definition of [`'‘](?<symbol>[^'’`\n]{1,300})['’]/,
      weight: 0.85,
    },
    {
      id: 'lld-duplicate-symbol',
      // LLVM lld: "ld.lld: error: duplicate symbol: counter" then ">>> defined at d1.c", ">>>            d1.o:(counter)",
      // ">>> defined at d2.c", ">>>            d2.o:(.bss+0x0)" (refine reads the places)
      source: 'LLVM lld',
      literals: ['error: duplicate symbol: '],
      re: /error: duplicate symbol: (?<symbol>[^\s]{1,300})\s*$/,
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    const decided = ctx.hits.filter((hit) => {
      // A C++ qualified name ("Config::instance") was never a tentative definition: -fno-common is not what changed.
      if ((hit.captures.symbol ?? '').includes('::')) return false;
      if (hit.pattern === 'lld-duplicate-symbol') {
        // lld's places (">>> d1.o:(counter)", whose ">>>" quoting normalisation may strip), up to the next message:
        // one of them must be data, none code.
        const end = hit.after.findIndex((l) => /error:/.test(l));
        const places = hit.after.slice(0, end === -1 ? 4 : Math.min(4, end));
        return places.some((l) => BSS_PLACE.test(l)) && !places.some((l) => CODE_PLACE.test(l));
      }
      // The first definition, on the same line or the next: a function there means two different things share a name.
      const first = /first defined here/.test(hit.text) ? hit.text.slice(hit.text.indexOf('; ')) : (hit.after[0] ?? '');
      return !CODE_PLACE.test(first);
    });
    if (decided.length === 0) return null;
    const symbols = [...new Set(decided.map((h) => h.captures.symbol))];
    return {
      confidence: 0.85,
      captures: { symbol: symbols[0], ...(decided[0].captures.object ? { object: decided[0].captures.object } : {}), _more: symbols.length > 1 ? ` (and ${symbols.length - 1} more: ${symbols.slice(1, 5).join(', ')})` : '' },
      evidence: decided.slice(0, 4).map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'The global variable `{{symbol}}`{{_more|}} is defined, not just declared, in more than one object file: typically a header ' +
    'declares `int {{symbol}};` without `extern` and several .c files include it. GCC before 10 and Clang before 11 compiled such ' +
    'tentative definitions as "common" symbols that the linker merged; since GCC 10 and Clang 11 the default is -fno-common, so ' +
    'each file defines its own `{{symbol}}` and the link fails. Old code that built before fails this way on newer compilers.',
  fix: {
    summary: 'Declare `{{symbol}}` with `extern` in the header and define it in one .c file (or build with -fcommon as a stopgap).',
    steps: [
      'In the header, change the definition to a declaration: `extern <type> {{symbol}};`, and define it once in one .c file (`<type> {{symbol}};`).',
      'If the code cannot be changed now, compile with `-fcommon` (CFLAGS="-fcommon"), which restores the old behaviour; it is a workaround, not a fix.',
      'A newer release of the project often has this fixed already (look for "fix build with GCC 10" / "-fno-common").',
    ],
  },
});
