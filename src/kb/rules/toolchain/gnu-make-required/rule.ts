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
      id: 'bsd-make-fatal-errors',
      // BSD make after its parse errors: "make: Fatal errors encountered -- cannot continue" (old: "fatal errors encountered")
      source: 'BSD make (bmake, FreeBSD/NetBSD/OpenBSD make)',
      literals: ['errors encountered -- cannot continue'],
      re: /^(?:b|bsd|f|p)?make(?:\[\d+\])?: [Ff]atal errors encountered -- cannot continue/,
      weight: 0.3,
    },
  ],
  explanation:
    'The make that ran is a BSD make (the system `make` of FreeBSD, NetBSD and OpenBSD, or `bmake`), and the Makefile is written ' +
    'for GNU make: conditionals such as `ifeq`/`ifdef`, `define`, `$(shell ...)`, `%` pattern rules or `:=` are GNU extensions, ' +
    'so BSD make cannot read those lines as a rule or an assignment ("Need an operator") and stops before building anything.',
  fix: {
    summary: 'Build with GNU make (`gmake` on the BSDs) instead of the system make.',
    steps: [
      'Install GNU make: FreeBSD `pkg install gmake`, OpenBSD `pkg_add gmake`, NetBSD `pkgin install gmake`.',
      'Run `gmake` where the instructions say `make`; for a script or a package build that calls make itself, set `MAKE=gmake` (or put gmake first on PATH as make).',
    ],
    commands: ['gmake'],
  },
});
