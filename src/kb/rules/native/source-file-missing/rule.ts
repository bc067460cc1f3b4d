// source-file-missing: a file of the source tree itself is missing (a git submodule that was not checked out, a
// generated header not generated yet, an incomplete archive): not a missing system package.

import { factForHeader } from '../../../components.js';
import { defineRule } from '../../../rule.js';
import { makeNoRuleNeededBy, makeNoRuleStop, MAKE_NO_RULE_LITERALS } from '../../../make-messages.js';
import { ENOENT_TEXTS, isProjectPath } from '../../../signals.js';

// gcc and clang quote the failing #include on the next lines: `    1 | #include "config.h"` (gcc >= 9) or `#include "config.h"`.
const QUOTED_INCLUDE = /#\s*include\s*"/;
// Directories where projects keep other projects' sources, usually as git submodules.
const VENDORED = /(?:^|[/\\])(?:third[_-]?party|3rdparty|vendor|external|extern|deps|submodules?|contrib|libs?)[/\\]/i;

// A make target that names a file: it has a directory or an extension (`src/x.o`, `build/Makefile.bottom`), unlike `build`.
function looksLikeFile(target: string | undefined): boolean {
  // "//github.com/...": the rest of a URL that a variable put into a rule line, where make read "https" as a target and
  // what follows its colon as a prerequisite: text, not a file of the tree.
  return target !== undefined && /[/\\]|\.\w{1,8}$/.test(target) && !target.startsWith('//');
}

// `.git/HEAD`, `../.git/refs/heads`: git's own metadata, absent from a source archive.
function isGitMetadata(file: string | undefined): boolean {
  return file !== undefined && /(?:^|[/\\])\.git[/\\]/.test(file);
}

// CMake's "Cannot find source file:" names the file on the same line (older wordings) or on the first non-blank line after.
/** The file a make "No rule to make target" hit names (where the needer comes first, as ja and ko print it, fileAfter). */
function targetOf(hit: { captures: Record<string, string | undefined> }): string | undefined {
  return hit.captures.file ?? hit.captures.fileAfter ?? hit.captures.file2;
}

// The extensions of the source files a C/C++/Objective-C/assembler/Fortran compiler takes.
const SOURCE_EXT = String.raw`(?:c|cc|cp|cpp|cxx|c\+\+|C|m|mm|S|s|sx|f|f90|F90|cu)`;

function sourceFileOf(hit: { captures: Record<string, string | undefined>; after: readonly string[] }): string | undefined {
  const file = hit.captures.file ?? hit.after.find((l) => l.trim() !== '')?.trim();
  return file !== undefined && !file.startsWith('Tried extensions') ? file : undefined;
}

// meson >= 1.x names the subproject a line or two before: "ERROR: Subproject foo is buildable: NO"; older meson does not.
function mesonSubprojectOf(hit: { before: readonly string[] }): string {
  const named = hit.before.map((l) => /^(?:ERROR: )?Subproject (\S{1,100}) is buildable: NO/.exec(l)?.[1]).find((n) => n !== undefined);
  return named !== undefined ? `subprojects/${named}` : 'a directory under subprojects/';
}

export default defineRule({
  id: 'source-file-missing',
  title: 'A file of the source tree is missing',
  summary: 'The build needs a file of the project itself (a submodule, a generated header, a source file) that is not in the checkout.',
  category: 'code',
  captures: {
    file: { type: 'path', doc: 'the file the build expected and did not find' },
    header: { type: 'string', doc: 'the same file, when an #include named it', optional: true },
  },
  internal: ['fileAfter', 'file2'],
  signals: ['header-not-found'],
  explains: ['c-code-error'],
  contextBefore: 3,
  contextAfter: 3,
  patterns: [
    {
      id: 'cmake-subdirectory-no-cmakelists',
      // CMake add_subdirectory(): "The source directory\n\n    /src/third_party/googletest\n\n  does not contain a CMakeLists.txt file."
      source: 'CMake add_subdirectory',
      literals: ['does not contain a CMakeLists.txt file'],
      re: /does not contain a CMakeLists\.txt file/,
      weight: 0.85,
    },
    {
      id: 'cmake-subdirectory-absent',
      // CMake add_subdirectory() on a path that does not exist (wrapped at 80 columns, so "directory." may be on the next line):
      // '  add_subdirectory given source "extern/pybind11" which is not an existing'
      source: 'CMake add_subdirectory',
      literals: ['add_subdirectory given source'],
      re: /add_subdirectory given source "(?<file>[^"]{1,300})" which is not an existing/,
      weight: 0.85,
    },
    {
      id: 'make-no-rule-needed-by',
      // GNU make: "make: *** No rule to make target 'vendor/lib.o', needed by 'app'.  Stop." (the file and no way to make it);
      // a paste through GitHub's editor often escapes the third star ("**\*") and eats the space before a backquote. In
      // make.mo's translations too (make-messages.ts): zh_CN "没有规则可制作目标“vendor/lib.o”，由“app” 需求。", ja "'app' に必要な
      // ターゲット 'vendor/lib.o' を make するルールがありません" (the needer first: fileAfter)
      source: 'GNU make',
      literals: MAKE_NO_RULE_LITERALS,
      re: new RegExp(makeNoRuleNeededBy()),
      weight: 0.8,
    },
    {
      id: 'make-no-rule-included-file',
      // GNU make: a missing `include`d makefile is first "Makefile:3: build/Makefile.top: No such file or directory",
      // then "make: *** No rule to make target 'build/Makefile.top'.  Stop." (no "needed by"); refine wants the file to be a path.
      // (translated: de "Keine Regel, um „build/config.mk“ zu erstellen.  Schluss.", ko "타겟 'build/config.mk'을(를) 만들 규칙이 없습니다.  멈춤.")
      source: 'GNU make',
      literals: MAKE_NO_RULE_LITERALS,
      re: new RegExp(makeNoRuleStop()),
      weight: 0.8,
    },
    {
      id: 'cmake-source-file-not-found',
      // CMake add_library()/add_executable() generate step: "  Cannot find source file:", a blank line, then the file indented
      // (CMake 3.x); the file is read from the lines after.
      source: 'CMake generate step',
      literals: ['Cannot find source file'],
      re: /^Cannot find source file:\s*(?<file>\S.{0,300})?$/,
      weight: 0.8,
    },
    {
      id: 'compiler-input-missing',
      // A source file on the compiler's command line that is not there: gcc 12 "cc1: fatal error: src/gen/parser.c: No such
      // file or directory" ("cc1plus" for C++; localized words and strerror too), older gcc or several inputs "gcc: error:
      // src/x.c: No such file or directory", clang "clang: error: no such file or directory: 'resampy/interp.c'". Only
      // source files: a missing object (x.o) is a stale or failed earlier step, and a header given by -include reads alike.
      source: 'gcc / clang drivers',
      literals: ['error: no such file or directory: ', ...ENOENT_TEXTS],
      re: new RegExp(
        String.raw`^(?:(?:cc1(?:plus|obj|objplus)?|(?:[\w.-]{1,40}-)?(?:gcc|g\+\+|cc|c\+\+)(?:-\d+(?:\.\d+)*)?(?:\.exe)?): [^:]{1,40}: (?<file>[^:\s'"]{1,300}\.${SOURCE_EXT}): (?:${ENOENT_TEXTS.join('|')})|clang(?:\+\+)?(?:-\d+)?(?:\.exe)?: error: no such file or directory: '(?<file2>[^']{1,300}\.${SOURCE_EXT})')\s*$`,
      ),
      weight: 0.8,
    },
    {
      id: 'meson-subproject-no-build-file',
      // meson (wrap.py resolve): "meson.build:2:0: ERROR: Subproject exists but has no meson.build file" (1.0.1; "... file." in 1.12,
      // after "ERROR: Subproject foo is buildable: NO"): subprojects/foo is there but empty, as an unchecked-out git submodule or a
      // GitHub source archive leaves it. Anchored: a `meson subprojects download` of a CMake wrap prints it inside its own report.
      source: 'meson setup',
      literals: ['Subproject exists but has no '],
      re: /^(?:\S{0,300}meson\.build:\d+:\d+: )?ERROR: Subproject exists but has no (?:meson\.build|CMakeLists\.txt) file/,
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    const hits = ctx.hits.filter((h) => {
      // A CMake status line ("-- Component directory ... does not contain a CMakeLists.txt file. No component will be
      // added", ESP-IDF) is information the configure went on from; add_subdirectory's error is never printed so.
      if (h.pattern === 'cmake-subdirectory-no-cmakelists') return !h.text.startsWith('-- ');
      if (h.pattern === 'cmake-subdirectory-absent' || h.pattern === 'meson-subproject-no-build-file' || h.pattern === 'compiler-input-missing') return true;
      // A bare word ('build', 'install') is a target the Makefile lacks (a project bug or a typo), not a file of the tree.
      // A file under .git/ is git metadata a source archive lacks (source-not-git-checkout), not a file of the tree.
      if (h.pattern === 'make-no-rule-needed-by') return looksLikeFile(targetOf(h)) && !isGitMetadata(targetOf(h));
      // Without "needed by", only an included makefile the line before said is missing (else: `make instal`, a typo).
      if (h.pattern === 'make-no-rule-included-file') return looksLikeFile(h.captures.file) && h.before.some((l) => ENOENT_TEXTS.some((enoent) => l.endsWith(`${h.captures.file}: ${enoent}`)));
      if (h.pattern === 'cmake-source-file-not-found') return sourceFileOf(h) !== undefined;
      // A header: only one the kb does not know, included with quotes or by a path into the project's own tree.
      const header = h.captures.header;
      return header !== undefined && !factForHeader(header).known && (h.after.slice(0, 2).some((l) => QUOTED_INCLUDE.test(l)) || isProjectPath(header));
    });
    if (hits.length === 0) return null;
    const first = hits[0];
    const dir = first.pattern === 'cmake-subdirectory-no-cmakelists' ? [...first.before].reverse().find((l) => /^[/\\\w.:~-]+$/.test(l) && /[/\\]/.test(l)) : undefined;
    const file = dir ?? (first.pattern === 'cmake-source-file-not-found' ? sourceFileOf(first) : first.pattern === 'meson-subproject-no-build-file' ? mesonSubprojectOf(first) : targetOf(first)) ?? first.captures.header ?? 'a file of the project';
    const captures: Record<string, string> = { file };
    if (VENDORED.test(file) || first.pattern.startsWith('cmake-subdirectory-') || first.pattern === 'meson-subproject-no-build-file') captures._submodule = ' It sits where projects keep git submodules, so the likeliest reason is a clone without `--recursive`.';
    // A header of the project is a weaker sign than CMake's or make's own words: a wrong include path reads the same.
    const confidence = hits.every((h) => h.captures.header !== undefined) ? 0.6 : undefined;
    return { captures, evidence: hits.map((h) => ({ line: h.line, text: h.text })), ...(confidence !== undefined ? { confidence } : {}) };
  },
  explanation:
    'The build needs `{{file}}`, which belongs to the source tree itself, and it is not there. Nothing needs installing: a git ' +
    'submodule was not checked out (a clone without --recursive, a CI checkout without submodules, a GitHub source archive, which ' +
    'never contains submodules), a file generated by an earlier step (configure, autogen.sh, a code generator) was not generated, or ' +
    'an include path points at the wrong place.{{_submodule|}}',
  fix: {
    summary: 'Fetch the missing part of the source tree (git submodules), or run the step that generates `{{file}}`.',
    steps: [
      'In a git checkout: `git submodule update --init --recursive` (clone with `--recursive` next time; in GitHub Actions, `actions/checkout` with `submodules: recursive`).',
      'A release tarball or a GitHub "Source code" archive has no submodules: use the project\'s own release archive, or a git clone. A release archive or sdist that lacks a file the build needs (pip building it from source) is that release\'s packaging bug: try another release, or build from a git clone.',
      'If `{{file}}` is generated (config.h, version.h), run the generating step first (./autogen.sh, ./configure, cmake) as the project\'s build instructions say.',
    ],
    commands: ['git submodule update --init --recursive'],
  },
});
