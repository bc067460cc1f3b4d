// autoconf-macro-missing: configure was generated without the .m4 file that defines a macro configure.ac calls
// (autoconf-archive's AX_*, libtool's LT_*, gettext's AM_GNU_GETTEXT, libcurl.m4's LIBCURL_CHECK_CONFIG, ...), so the
// call sits in configure as plain text and the shell stops on it. pkg-config's PKG_* macros are pkg-config-missing's
// (same lines, autoconf-macro-lines.ts); a syntax error that names no macro lands here, since it cannot tell them apart.
// automake stops earlier on the same cause when a Makefile.am builds a libtool library: libtool's macro (LT_INIT, or
// AC_PROG_LIBTOOL before libtool 2) was not expanded, so the LIBTOOL variable it defines is missing.

import { COMPONENTS, componentForAutoconfMacro } from '../../../components.js';
import { confidenceOf, defineRule, type CaptureValue } from '../../../rule.js';
import { autoconfRanAlone, bootstrapPatterns, isAutomakeMacro, isBootstrapSupport, NON_PKG_MACRO, unexpandedMacroPatterns } from '../autoconf-macro-lines.js';

// bash: "./configure: line 4634: syntax error near unexpected token `ZLIB,'" (pasted copies may use a straight quote)
const SYNTAX_ERROR = String.raw`^(?:\S{0,200}/)?configure: line \d+: syntax error near unexpected token [\`']`;

// Below the engine's stand-alone threshold (0.8): with a failure marker it is still the root cause.
const UNKNOWN_OWNER_CONFIDENCE = 0.75;

// automake >= 1.12 prefixes "error: " and quotes 'like this'; older automake quotes `like this' and has no prefix.
const AUTOMAKE_LINE = String.raw`^(?:\S{0,300}\.am(?::\d+)?: {1,3})`;
const QUOTE_OPEN = String.raw`[\x60']`;
/** The macro automake names when it prints no follow-up line (a trimmed paste): libtool 2's. */
const LIBTOOL_MACRO = 'LT_INIT';

export default defineRule({
  id: 'autoconf-macro-missing',
  title: 'configure was generated without the autoconf macros it calls',
  summary: 'The configure script calls an autoconf macro that was not defined when it was generated (autoconf-archive, libtool or another package\'s .m4 file was missing), so the shell stops on it.',
  category: 'toolchain',
  captures: {
    macro: { type: 'string', doc: 'the unexpanded macro the log names (AX_CHECK_COMPILE_FLAG, LT_INIT, ...)', optional: true },
  },
  internal: ['provider'],
  patterns: [
    ...unexpandedMacroPatterns('macro', NON_PKG_MACRO),
    ...bootstrapPatterns(),
    {
      id: 'automake-libtool-undefined',
      // automake (require_variables): "Makefile.am:8: error: Libtool library used but 'LIBTOOL' is undefined" (>= 1.12);
      // automake 1.11 and older: "Makefile.am:5: Libtool library used but `LIBTOOL' is undefined"
      source: 'automake',
      literals: ['Libtool library used but '],
      re: new RegExp(String.raw`${AUTOMAKE_LINE}(?:error: )?Libtool library used but ${QUOTE_OPEN}LIBTOOL' is undefined`),
      weight: 0.9,
    },
    {
      id: 'automake-usual-way-to-define-libtool',
      // automake, the next line: "Makefile.am:8:   The usual way to define 'LIBTOOL' is to add 'LT_INIT'" (libtool 2), older
      // "The usual way to define `LIBTOOL' is to add `AC_PROG_LIBTOOL'" (pasted copies may lose the spaces after the colon)
      source: 'automake',
      literals: ['The usual way to define '],
      re: new RegExp(String.raw`${AUTOMAKE_LINE}?\s{0,4}The usual way to define ${QUOTE_OPEN}LIBTOOL' is to add ${QUOTE_OPEN}(?<macro>LT_INIT|AC_PROG_LIBTOOL)'`),
      weight: 0.9,
    },
    {
      id: 'configure-syntax-error-macro-argument',
      // bash parses an unexpanded `NAME(ARG, ...)` in configure as a function definition and stops at its first argument:
      // "./configure: line 4634: syntax error near unexpected token `ZLIB,'", "`FDK_AAC,fdk-aac'" (the comma: a macro's argument list)
      source: 'bash running configure (any autoconf)',
      literals: ['syntax error near unexpected token'],
      re: new RegExp(String.raw`${SYNTAX_ERROR}[\w.+-]{1,80},[\w.+-]{0,80}'`),
      weight: 0.8,
    },
    {
      id: 'configure-syntax-error',
      // bash, any other token ("`2.2'", "`fi'"): generated shell that does not parse, cause not named by this line alone
      source: 'bash running configure (any autoconf)',
      literals: ['syntax error near unexpected token'],
      re: new RegExp(String.raw`${SYNTAX_ERROR}`),
      weight: 0.3,
    },
  ],
  refine: (ctx) => {
    const named = ctx.hits.map((h) => h.captures.macro).filter((m): m is string => typeof m === 'string');
    // automake's own macros undefined after autoconf ran alone: aclocal never ran, so no package's macros were defined
    // (autotools-bootstrap-needed), whichever other macros the log names
    if (named.some(isAutomakeMacro) && autoconfRanAlone(ctx.hits)) return null;
    const own = ctx.hits.filter((h) => !isBootstrapSupport(h));
    if (own.length === 0) return null;
    // automake's first line names the variable, not the macro: LIBTOOL is defined by libtool's macro alone
    if (named.length === 0 && ctx.hits.some((h) => h.pattern === 'automake-libtool-undefined')) named.push(LIBTOOL_MACRO);
    // A macro a package defines names that package; AC_MSG_ERROR and the like only sit inside the unexpanded call.
    const macro = named.find((m) => componentForAutoconfMacro(m) !== null) ?? named[0];
    const component = macro === undefined ? null : componentForAutoconfMacro(macro);
    const captures: Record<string, CaptureValue> = macro === undefined ? {} : { macro };
    if (component !== null) captures.provider = COMPONENTS[component].label;
    const macroPhrase = macro === undefined ? 'an autoconf macro' : `the autoconf macro \`${macro}\``;
    captures._story = own.some((h) => h.pattern.startsWith('automake-'))
      ? `automake stopped: a Makefile.am builds a libtool library, but the LIBTOOL variable that ${macroPhrase} defines is missing, because aclocal found no .m4 file defining that macro when autoreconf (autogen.sh, bootstrap) ran (or configure.ac does not call it).`
      : `configure calls ${macroPhrase}, but when configure was generated (autoreconf, autogen.sh, bootstrap) aclocal found no .m4 file defining it, so autoconf copied the call into configure as plain text and the shell stops on it.`;
    const evidence = own.map((h) => ({ line: h.line, text: h.text })).sort((a, b) => a.line - b.line);
    const install = component === null ? undefined : { packages: COMPONENTS[component].packages, platform: COMPONENTS[component].platform };
    // Without a package known to define the macro, the fix may as well be the project's (a macro such as
    // LIBCURL_CHECK_CONFIG that it should ship in its m4/ directory): shown, but not strong enough alone for a fragment.
    const confidence = component === null ? Math.min(UNKNOWN_OWNER_CONFIDENCE, confidenceOf(own)) : confidenceOf(own);
    return { captures, confidence, evidence, ...(install ? { install } : {}) };
  },
  explanation:
    '{{_story|configure stopped on an autoconf macro that was not defined when configure was generated.}} The macro comes from ' +
    'a package that was not installed then ({{provider|autoconf-archive for AX_*, libtool for LT_*, gettext for AM_GNU_GETTEXT, ' +
    'a library\'s development package for its own check}}), or that aclocal does not search (Homebrew or another prefix). ' +
    'Generated files do not repair themselves: configure must be generated again.',
  fix: {
    summary: 'Install {{provider|the package that defines the macro}}, then generate configure again with `autoreconf -fi`.',
    steps: [
      'Install {{provider|the package whose .m4 file defines the macro (the project\'s README lists it; on a machine that has it, `grep -rl <MACRO> /usr/share/aclocal` names the file)}}.',
      'If it is installed under another prefix (Homebrew, /usr/local), point aclocal at it: `ACLOCAL_PATH=<prefix>/share/aclocal autoreconf -fi`.',
      'automake\'s "Libtool library used but \'LIBTOOL\' is undefined" with libtool installed: check that configure.ac calls `LT_INIT` (libtool 2; `AC_PROG_LIBTOOL` before it) and that libtoolize runs before aclocal (autoreconf -fi does both).',
      'Delete the generated configure and run `autoreconf -fi` (or the project\'s autogen.sh) again before ./configure.',
    ],
    commands: ['autoreconf -fi'],
  },
});
