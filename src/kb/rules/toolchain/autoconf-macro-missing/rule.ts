// autoconf-macro-missing: configure was generated without the .m4 file that defines a macro configure.ac calls
// (autoconf-archive's AX_*, libtool's LT_*, gettext's AM_GNU_GETTEXT, libcurl.m4's LIBCURL_CHECK_CONFIG, ...), so the
// call sits in configure as plain text and the shell stops on it. pkg-config's PKG_* macros are pkg-config-missing's
// (same lines, autoconf-macro-lines.ts); a syntax error that names no macro lands here, since it cannot tell them apart.

import { COMPONENTS, componentForAutoconfMacro } from '../../../components.js';
import { confidenceOf, defineRule, type CaptureValue } from '../../../rule.js';
import { NON_PKG_MACRO, unexpandedMacroPatterns } from '../autoconf-macro-lines.js';

// bash: "./configure: line 4634: syntax error near unexpected token `ZLIB,'" (pasted copies may use a straight quote)
const SYNTAX_ERROR = String.raw`^(?:\S{0,200}/)?configure: line \d+: syntax error near unexpected token [\`']`;

// Below the engine's stand-alone threshold (0.8): with a failure marker it is still the root cause.
const UNKNOWN_OWNER_CONFIDENCE = 0.75;

export default defineRule({
  id: 'autoconf-macro-missing',
  title: 'configure was generated without the autoconf macros it calls',
  summary: 'The configure script calls an autoconf macro that was not defined when it was generated (autoconf-archive, libtool or another package\'s .m4 file was missing), so the shell stops on it.',
  category: 'toolchain',
  captures: {
    macro: { type: 'string', doc: 'the unexpanded macro the log names (AX_CHECK_COMPILE_FLAG, LT_INIT, ...)', optional: true },
  },
  internal: ['provider', 'macroPhrase'],
  patterns: [
    ...unexpandedMacroPatterns('macro', NON_PKG_MACRO),
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
    // A macro a package defines names that package; AC_MSG_ERROR and the like only sit inside the unexpanded call.
    const macro = named.find((m) => componentForAutoconfMacro(m) !== null) ?? named[0];
    const component = macro === undefined ? null : componentForAutoconfMacro(macro);
    const captures: Record<string, CaptureValue> = macro === undefined ? {} : { macro, macroPhrase: `the autoconf macro \`${macro}\`` };
    if (component !== null) captures.provider = COMPONENTS[component].label;
    const evidence = ctx.hits.map((h) => ({ line: h.line, text: h.text })).sort((a, b) => a.line - b.line);
    const install = component === null ? undefined : { packages: COMPONENTS[component].packages, platform: COMPONENTS[component].platform };
    // Without a package known to define the macro, the fix may as well be the project's (a macro such as
    // LIBCURL_CHECK_CONFIG that it should ship in its m4/ directory): shown, but not strong enough alone for a fragment.
    const confidence = component === null ? Math.min(UNKNOWN_OWNER_CONFIDENCE, confidenceOf(ctx.hits)) : confidenceOf(ctx.hits);
    return { captures, confidence, evidence, ...(install ? { install } : {}) };
  },
  explanation:
    'configure calls {{macroPhrase|an autoconf macro}}, but when configure was generated ' +
    '(autoreconf, autogen.sh, bootstrap) aclocal found no .m4 file defining it, so autoconf copied the call into configure as ' +
    'plain text and the shell stops on it. The macro comes from a package that was not installed then ({{provider|autoconf-archive ' +
    'for AX_*, libtool for LT_*, gettext for AM_GNU_GETTEXT, a library\'s development package for its own check}}), or that aclocal ' +
    'does not search (Homebrew or another prefix). configure does not repair itself: it must be generated again.',
  fix: {
    summary: 'Install {{provider|the package that defines the macro}}, then generate configure again with `autoreconf -fi`.',
    steps: [
      'Install {{provider|the package whose .m4 file defines the macro (the project\'s README lists it; on a machine that has it, `grep -rl <MACRO> /usr/share/aclocal` names the file)}}.',
      'If it is installed under another prefix (Homebrew, /usr/local), point aclocal at it: `ACLOCAL_PATH=<prefix>/share/aclocal autoreconf -fi`.',
      'Delete the generated configure and run `autoreconf -fi` (or the project\'s autogen.sh) again before ./configure.',
    ],
    commands: ['autoreconf -fi'],
  },
});
