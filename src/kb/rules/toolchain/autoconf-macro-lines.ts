// The unexpanded-autoconf-macro family: when aclocal does not find the .m4 file that defines a macro configure.ac
// calls (pkg-config's pkg.m4, autoconf-archive's ax_*.m4, libtool.m4, gettext.m4, libcurl.m4), autoconf copies the
// call into configure as plain text, and the shell later stops on it. The same lines name the macro in every case;
// only the macro tells which package was missing, so pkg-config-missing (PKG_*) and autoconf-macro-missing (the rest)
// share these patterns, each with its own macro name regex.

import type { LinePattern } from '../../rule.js';

/** An m4 macro's name as configure.ac spells it: upper case with an underscore (PKG_CHECK_MODULES, AX_..., LT_INIT). */
export const MACRO_NAME = String.raw`[A-Z][A-Z0-9]*_[A-Z0-9_]{1,60}`;
/** The macro names pkg-config's pkg.m4 defines. */
export const PKG_MACRO = String.raw`PKG_[A-Z0-9_]{1,60}`;
/** Any other macro: what pkg.m4 defines belongs to pkg-config-missing. */
export const NON_PKG_MACRO = String.raw`(?!PKG_)${MACRO_NAME}`;

// The script's name as bash prints it: ./configure, ../configure, /path/to/configure (a subdirectory's configure too).
const CONFIGURE = String.raw`^(?:\S{0,200}/)?configure: line \d+:`;

/** The lines that name an unexpanded macro (group `macro`), for a macro name regex; ids start with `stem`. */
export function unexpandedMacroPatterns(stem: string, macro: string): LinePattern[] {
  return [
    {
      id: `${stem}-configure-line-echo`,
      // bash, after "syntax error near unexpected token": the offending line, "./configure: line 3459: `PKG_CHECK_MODULES(X11, x11)'"
      // (pasted copies lose the backquote or the space: "line 4270:PKG_CHECK_MODULES(...)'", "line 2525: 'AX_PREFIX_CONFIG_H(...)'";
      // a call inside an if keeps its indentation: "line 17646: `\t\t\tPKG_CHECK_MODULES(libusb, ...'")
      source: 'bash running configure (any autoconf)',
      literals: ['configure: line '],
      re: new RegExp(String.raw`${CONFIGURE} ?[\`']?\s{0,40}(?<macro>${macro})\(`),
      weight: 0.9,
    },
    {
      id: `${stem}-configure-token-is-macro`,
      // bash, when the call follows a construct it cannot end: "./configure: line 17172: syntax error near unexpected token `PKG_CHECK_MODULES'"
      source: 'bash running configure (any autoconf)',
      literals: ['syntax error near unexpected token'],
      re: new RegExp(String.raw`${CONFIGURE} syntax error near unexpected token [\`'](?<macro>${macro})'`),
      weight: 0.85,
    },
    {
      id: `${stem}-configure-command-not-found`,
      // bash: a macro called without arguments is run as a command, "./configure: line 4113: PKG_PROG_PKG_CONFIG: command not found";
      // dash: "./configure: 4113: PKG_PROG_PKG_CONFIG: not found"
      source: 'bash / dash running configure (any autoconf)',
      literals: ['not found'],
      re: new RegExp(String.raw`^(?:\S{0,200}/)?configure: (?:line )?\d+: (?<macro>${macro}): (?:command )?not found\s*$`),
      weight: 0.85,
    },
    {
      id: `${stem}-autoconf-possibly-undefined`,
      // autoconf / autoreconf (2.5x-2.72): "configure.ac:103: error: possibly undefined macro: AC_MSG_ERROR" for a name that
      // matches m4_pattern_forbid (AC_, AM_, AS_, LT_ once libtool.m4 is read, PKG_ once pkg.m4 is read)
      source: 'autoconf (autom4te)',
      literals: ['possibly undefined macro'],
      re: new RegExp(String.raw`^(?:\S{0,200}/)?configure\.(?:ac|in):\d+: error: possibly undefined macro: (?<macro>${macro})\b`),
      weight: 0.9,
    },
    {
      id: `${stem}-aclocal-not-found-in-library`,
      // aclocal (automake >= 1.12): "configure.ac:5: warning: macro 'AM_GNU_GETTEXT' not found in library"
      // (older aclocal quotes with a backquote: "macro `PKG_CHECK_MODULES' not found in library"); aclocal goes on
      source: 'aclocal (automake)',
      literals: ['not found in library'],
      re: new RegExp(String.raw`^(?:\S{0,200}/)?configure\.(?:ac|in):\d+: warning: macro [\`'](?<macro>${macro})' not found in library`),
      weight: 0.45,
      severity: 'warning',
    },
  ];
}
