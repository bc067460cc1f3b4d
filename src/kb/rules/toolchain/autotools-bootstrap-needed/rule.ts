// autotools-bootstrap-needed: an autotools project taken from git (or a GitHub source archive) lacks the files that
// autoreconf generates (configure, Makefile.in, config.h.in, install-sh and the other auxiliary scripts), so
// ./configure is missing or stops. Running the project's autogen.sh or `autoreconf -fi` first fixes it.

import { confidenceOf, defineRule, representativeHits } from '../../../rule.js';
import { autoconfRanAlone, bootstrapPatterns, isAutomakeMacro, MACRO_NAME, unexpandedMacroPatterns } from '../autoconf-macro-lines.js';

// The generated inputs config.status reads: automake's Makefile.in and autoheader's config.h.in (not a project's own *.in).
const GENERATED_INPUT = String.raw`(?:[^'’\s]{0,300}/)?(?:GNUmakefile|Makefile|config\.h|config\.hin)\.in`;

export default defineRule({
  id: 'autotools-bootstrap-needed',
  title: 'The autotools build was not bootstrapped (autoreconf / autogen.sh not run)',
  summary: 'An autotools project from git or a source archive lacks its generated configure script or Makefile.in files, or has ones from other autotools releases: autogen.sh or autoreconf -fi must run first.',
  category: 'toolchain',
  captures: {
    file: { type: 'string', doc: 'the generated file that is missing (configure, Makefile.in, install-sh...), the versioned automake program (aclocal-1.16) that make runs to regenerate them, aclocal.m4 when autoconf ran without aclocal, or the substitution configure left unfilled (@mkdir_p@)' },
  },
  // automake's versioned programs (aclocal-1.16: command not found), which the kb table routes here
  signals: ['program-not-found'],
  patterns: [
    // autoconf run by hand on an automake project: "$ autoconf" then "configure.ac:6: error: possibly undefined macro:
    // AM_INIT_AUTOMAKE" (the refine keeps only automake's own macros, and only when no aclocal ran)
    ...unexpandedMacroPatterns('automake-macro', MACRO_NAME).filter((p) => p.id === 'automake-macro-autoconf-possibly-undefined'),
    ...bootstrapPatterns(),
    {
      id: 'configure-script-missing',
      // bash: "bash: ./configure: No such file or directory" (login shell "-bash: ...", scripts "bash: line 1: ..."); dash/sh:
      // "sh: 1: ./configure: not found", "./autogen.sh: 6: ./configure: not found"; out of tree "../configure".
      source: 'bash / dash',
      literals: ['/configure: No such file or directory', '/configure: not found'],
      re: /^(?:\S{0,200}: (?:line )?(?:\d+: )?)?(?<file>\.{1,2}\/configure): (?:No such file or directory|not found)\s*$/,
      weight: 0.8,
    },
    {
      id: 'cabal-configure-script-missing',
      // Cabal, a package with `build-type: Configure` built from a git checkout (its configure is generated, and only the
      // Hackage sdist ships it): "Warning: The 'build-type' is 'Configure' but there is no 'configure' script. You probably
      // need to run 'autoreconf -i' to generate it." then "Error: cabal-3.8.1.0: configure script not found." (cabal 3.8+;
      // older "cabal: configure script not found.")
      source: 'Cabal (build-type: Configure)',
      literals: ["is 'Configure' but there is no 'configure' script", ': configure script not found'],
      re: /The 'build-type' is 'Configure' but there is no 'configure' script|^(?:Error: )?(?:cabal|setup|Setup)[\w.-]{0,20}(?:\.exe)?: configure script not found/,
      weight: 0.85,
    },
    {
      id: 'configure-script-missing-zsh',
      // zsh: "zsh: no such file or directory: ./configure"
      source: 'zsh',
      literals: ['zsh: no such file or directory: '],
      re: /^zsh: no such file or directory: (?<file>\.{1,2}\/configure)\s*$/,
      weight: 0.8,
    },
    {
      id: 'config-status-input-missing',
      // autoconf's config.status (2.69, 2.71): "config.status: error: cannot find input file: `src/Makefile.in'"; plain or curly quotes accepted
      source: 'autoconf config.status',
      literals: ['config.status: error: cannot find input file'],
      re: new RegExp(String.raw`^config\.status: error: cannot find input file: [\`'‘](?<file>${GENERATED_INPUT})['’]`),
      weight: 0.85,
    },
    {
      id: 'configure-aux-files-missing',
      // autoconf >= 2.70: "configure: error: cannot find required auxiliary files: compile missing install-sh"; 2.69 and older:
      // 'configure: error: cannot find install-sh, install.sh, or shtool in "." "./.." "./../.."' (AC_CONFIG_AUX_DIR files
      // that `autoreconf -i` / `automake --add-missing` install)
      source: 'autoconf configure',
      literals: ['cannot find required auxiliary files', 'cannot find install-sh, install.sh, or shtool'],
      re: /^configure: error: cannot find (?:required auxiliary files: (?<file>.{1,200})$|(?<file2>install-sh), install\.sh, or shtool)/,
      weight: 0.85,
    },
    {
      id: 'missing-versioned-automake',
      // automake's `missing` script (1.13+: "WARNING: 'aclocal-1.16' is missing on your system.", 1.12 and older with a
      // backquote and the advice on the same line) when make reruns the automake release that generated aclocal.m4 and
      // the Makefile.in files; exit 63 (an older automake) reads "is probably too old."
      source: 'automake missing',
      literals: ['is missing on your system', 'is probably too old'],
      re: /^WARNING: ['`](?<program>(?:aclocal|automake)-\d+\.\d+)' is (?:missing on your system|probably too old)\./,
      weight: 0.85,
    },
    {
      id: 'unsubstituted-variable',
      // a Makefile that configure did not fill in: an autoconf substitution left as text reaches a command, which takes
      // it for a file or a program: gcc "gcc: error: @LIBCERROR_DLL_EXPORT@: No such file or directory" (gcc 12: "...:
      // linker input file not found: No such file or directory"), dash "/bin/sh: 6: @mkdir_p@: not found", bash "...:
      // @MKDIR_P@: command not found", make "make: @GMSGFMT@: Command not found"
      source: 'gcc / sh / make',
      literals: ['@: '],
      re: /(?:^|: )(?<subst>@[A-Za-z_][A-Za-z0-9_]{1,60}@): (?:linker input file not found: )?(?:No such file or directory|[Cc]ommand not found|not found)\s*$/,
      weight: 0.85,
    },
    {
      id: 'libtool-version-mismatch',
      // libtool 2.x (ltmain.sh, the `libtool` script configure writes): "libtool: Version mismatch error.  This is libtool
      // 2.4.6, but the" / "libtool: definition of this LT_INIT comes from libtool 2.4.2." (aclocal.m4's libtool macros
      // come from another libtool release than the ltmain.sh beside them); a distribution adds its own suffix
      // ("2.4.6 Debian-2.4.6-0.1")
      source: 'libtool 2.x',
      literals: ['Version mismatch error.  This is libtool'],
      re: /^(?:libtool|ltmain\.sh): Version mismatch error\.  This is libtool (?<ltVersion>\d+(?:\.\d+){1,3}[a-z]?)\b/,
      weight: 0.85,
    },
  ],
  internal: ['file2', 'program', 'programs', 'ltVersion', 'macro', 'subst'],
  refine: (ctx) => {
    const automake = ctx.hits.filter((h) => h.pattern === 'automake-macro-autoconf-possibly-undefined' && isAutomakeMacro(h.captures.macro ?? ''));
    if (automake.length > 0 && autoconfRanAlone(ctx.hits)) {
      const macro = automake[0].captures.macro;
      return {
        confidence: 0.9,
        evidence: automake.slice(0, 3).map((h) => ({ line: h.line, text: h.text })),
        captures: {
          file: 'aclocal.m4',
          _lead:
            `autoconf ran on its own, so aclocal never made aclocal.m4 and automake's macros (\`${macro}\`) stayed undefined: ` +
            'an automake project must be bootstrapped with autoreconf (or its autogen.sh), which runs aclocal, autoconf, ' +
            'autoheader, libtoolize and automake in order.',
        },
      };
    }
    const others = ctx.hits.filter((h) => h.weight >= 0.5 && !h.pattern.startsWith('automake-macro-'));
    if (others.length === 0) return null;
    // the support lines (autoreconf's, a typed autoconf) are context, never evidence
    const shown = { confidence: confidenceOf(others), evidence: representativeHits(others).map((h) => ({ line: h.line, text: h.text })) };
    // An autogen.sh that could not run aclocal/autoconf/automake/libtoolize leaves configure missing: that missing tool is the cause.
    if (ctx.firedRules.has('build-tool-missing') || ctx.firedRules.has('autoconf-macro-missing')) return null;
    const first = others.reduce((a, b) => (b.line < a.line ? b : a));
    if (first.pattern === 'libtool-version-mismatch') {
      return {
        ...shown,
        captures: {
          file: 'aclocal.m4',
          _lead:
            `The project's aclocal.m4 carries the libtool macros of another libtool release than the ltmain.sh (libtool ` +
            `${first.captures.ltVersion}) it runs with, so libtool refuses to work: the generated files are stale, from a ` +
            'tarball or checkout made with other autotools, or from a half-done regeneration.',
        },
      };
    }
    if (first.pattern === 'unsubstituted-variable') {
      return {
        ...shown,
        captures: {
          file: first.captures.subst,
          _lead:
            `The Makefile hands \`${first.captures.subst}\` on as text: configure never substituted it, so the generated files do not ` +
            'match each other. Makefile.in (or po/Makefile.in.in) was generated from a Makefile.am or m4 macros that define that ' +
            'substitution, and the configure here came from other ones: a checkout whose bootstrap (or its step that fetches ' +
            'local libraries and m4 files) did not run, or files generated by other automake or gettext releases.',
        },
      };
    }
    const versioned = first.captures.program;
    if (versioned) {
      const release = versioned.replace(/^\w+-/, '');
      // `missing` says "probably too old" when the program ran and failed with automake's version-mismatch status (63).
      const mismatch = ctx.hits.some((h) => h.text.includes('is probably too old'));
      const lead = mismatch
        ? `The project's generated files come from more than one automake release: make ran \`${versioned}\` to regenerate ` +
          'them, and it refused aclocal.m4, which another automake release made.'
        : `The project's generated files (aclocal.m4, configure, Makefile.in) were made by automake ${release}, and make wants ` +
          `to regenerate them with \`${versioned}\`, which is not here (another automake release, or none, is installed).`;
      return {
        ...shown,
        captures: {
          file: versioned,
          _lead:
            `${lead} make regenerates them when configure.ac, Makefile.am or an m4 file looks newer than what was generated ` +
            'from it: a git checkout does not keep timestamps, and an edited file counts too.',
        },
      };
    }
    const file = first.captures.file ?? first.captures.file2 ?? 'configure';
    // autoconf >= 2.70 lists the auxiliary files space-separated ("compile missing install-sh": `missing` is a script's name).
    const named = first.pattern === 'configure-aux-files-missing' ? file.trim().split(/\s+/).join(', ') : file.replace(/^\.{1,2}\//, '');
    return {
      ...shown,
      captures: {
        file: named,
        _lead:
          `This autotools project has not been bootstrapped: \`${named}\` is one of the files that autoreconf generates (configure from ` +
          'configure.ac, Makefile.in from Makefile.am, config.h.in, and the auxiliary scripts install-sh, compile, config.guess), and ' +
          'projects do not keep them in git.',
      },
    };
  },
  explanation:
    '{{_lead}} A git clone or a GitHub "Source code" archive has no configure script (or stale generated files) until ' +
    'the bootstrap step runs with the autotools installed here; release tarballs (`make dist`) include the generated ' +
    'files. If the directory has no configure.ac at all, the command ran in the wrong directory.',
  fix: {
    summary: 'Run the project\'s bootstrap step (./autogen.sh, ./bootstrap, or `autoreconf -fi`), then ./configure.',
    steps: [
      'In the directory that holds configure.ac: run the project\'s `./autogen.sh` (or `./bootstrap`) if it has one, else `autoreconf -fi`; then `./configure && make`.',
      'autoreconf needs autoconf, automake, libtool and pkg-config (for pkg.m4) installed: Debian/Ubuntu `apt-get install autoconf automake libtool pkg-config`, macOS `brew install autoconf automake libtool pkg-config`.',
      'Or build from the project\'s release tarball, which ships a generated configure.',
    ],
    commands: ['autoreconf -fi && ./configure'],
  },
});
