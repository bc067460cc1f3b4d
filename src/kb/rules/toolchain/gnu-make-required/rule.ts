// gnu-make-required: a BSD make (FreeBSD's and NetBSD's make, bmake on Linux) reads a Makefile written for GNU make
// (ifeq/ifdef, define, $(shell ...), pattern rules) and cannot parse it. The fix is running GNU make (gmake).

import { defineRule } from '../../../rule.js';

// BSD make's parse errors for a line it cannot read as a dependency, variable assignment or directive.
const OPERATOR = String.raw`(?:Need an operator|Missing dependency operator)`;

export default defineRule({
  id: 'gnu-make-required',
  title: 'The Makefile needs GNU make, and BSD make ran',
  summary: 'A BSD make (the system make of FreeBSD, NetBSD, OpenBSD, or bmake) read a Makefile written for GNU make and could not parse it.',
  category: 'toolchain',
  patterns: [
    {
      id: 'bsd-make-need-operator',
      // bmake / FreeBSD make >= 10: 'make: "/tmp/x/Makefile" line 3: Need an operator', '... line 11: Missing dependency operator';
      // FreeBSD <= 9 make and old pmake: '"Makefile", line 17: Missing dependency operator'; bmake >= 2020: 'make: Makefile:27: ...'
      source: 'BSD make (bmake, FreeBSD/NetBSD/OpenBSD make)',
      literals: ['Need an operator', 'Missing dependency operator'],
      re: new RegExp(String.raw`^(?:(?:b|bsd|f|p)?make(?:\[\d+\])?: )?(?:"[^"]{1,300}",? line \d+|[^\s:"]{1,300}:\d+): ${OPERATOR}\s*$`),
      weight: 0.85,
    },
    {
      id: 'openbsd-make-parse-error',
      // OpenBSD make (usr.bin/make/error.c, ParseVErrorInternal): the first parse error names the directory, later ones
      // not, and each ends with its file and line: "*** Parse error in /src/x: Missing dependency operator (Makefile:25)",
      // "*** Parse error: Need an operator in 'endif' (Makefile:27)"
      source: 'OpenBSD make',
      literals: ['Need an operator', 'Missing dependency operator'],
      re: new RegExp(String.raw`^\*\*\* Parse error(?: in [^:]{1,300})?: ${OPERATOR}(?: in '[^']{0,100}')? \([^()\s]{1,300}:\d+\)$`),
      weight: 0.85,
    },
    {
      id: 'compiler-no-input-files',
      // gcc "cc: fatal error: no input files" (gcc < 4.7 "cc: error: no input files"), clang "clang: error: no input files":
      // the compile or link command got no sources, as when BSD make expands GNU make's $(wildcard ...) or $(patsubst ...)
      // to nothing (support: see refine)
      source: 'gcc / clang driver',
      literals: ['error: no input files'],
      re: /^(?:[\w.+-]+-)?(?:cc|gcc|g\+\+|c\+\+|clang(?:\+\+)?)(?:-\d+(?:\.\d+)*)?: (?:fatal )?error: no input files$/,
      weight: 0.3,
    },
    {
      id: 'bsd-make-error-code',
      // the failed command as BSD make reports it: bmake and FreeBSD make "*** Error code 1" (then "Stop."), OpenBSD make
      // "*** Error 1 in /root/x (Makefile:23 'x')"; GNU make says "make: *** [Makefile:5: x] Error 1" (support: see refine)
      source: 'BSD make (bmake, FreeBSD/NetBSD/OpenBSD make)',
      literals: ['*** Error '],
      re: /^\*\*\* Error (?:code )?\d+\b/,
      weight: 0.3,
    },
    {
      id: 'bsd-make-fatal-errors',
      // BSD make after its parse errors: "make: Fatal errors encountered -- cannot continue" (old: "fatal errors encountered")
      source: 'BSD make (bmake, FreeBSD/NetBSD/OpenBSD make)',
      literals: ['errors encountered -- cannot continue'],
      re: /^(?:b|bsd|f|p)?make(?:\[\d+\])?: [Ff]atal errors encountered -- cannot continue/,
      weight: 0.3,
    },
  ],
  refine: (ctx) => {
    const parseErrors = ctx.hits.filter((h) => h.weight >= 0.5);
    if (parseErrors.length > 0) return {};
    // No parse error (the GNU constructs were read as variable names): a command that got no input files, and BSD make
    // reporting that command's failure within the next lines, is GNU make's $(wildcard)/$(patsubst) expanded to nothing.
    const noInput = ctx.hits.filter((h) => h.pattern === 'compiler-no-input-files');
    const bsdError = ctx.hits.filter((h) => h.pattern === 'bsd-make-error-code');
    const pair = noInput.map((n) => ({ n, e: bsdError.find((e) => e.line > n.line && e.line - n.line <= 4) })).find((p) => p.e !== undefined);
    if (!pair?.e) return null;
    return {
      confidence: 0.75,
      captures: { note: ' Here it shows as a command with no source files: GNU make functions such as `$(wildcard ...)` or `$(patsubst ...)` are not functions to BSD make, so the lists they should build expanded to nothing.' },
      evidence: [pair.n, pair.e].map((h) => ({ line: h.line, text: h.text })),
    };
  },
  internal: ['note'],
  explanation:
    'The make that ran is a BSD make (the system `make` of FreeBSD, NetBSD and OpenBSD, or `bmake`), and the Makefile is written ' +
    'for GNU make: conditionals such as `ifeq`/`ifdef`, `define`, `$(shell ...)`, `%` pattern rules or `:=` are GNU extensions, ' +
    'so BSD make cannot read those lines as a rule or an assignment ("Need an operator") and stops.{{note|}}',
  fix: {
    summary: 'Build with GNU make (`gmake` on the BSDs) instead of the system make.',
    steps: [
      'Install GNU make: FreeBSD `pkg install gmake`, OpenBSD `pkg_add gmake`, NetBSD `pkgin install gmake`.',
      'Run `gmake` where the instructions say `make`; for a script or a package build that calls make itself, set `MAKE=gmake` (or put gmake first on PATH as make).',
    ],
    commands: ['gmake'],
  },
});
