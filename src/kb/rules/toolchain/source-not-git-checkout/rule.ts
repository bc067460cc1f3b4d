// source-not-git-checkout: the build asks git about the source tree (a version from git describe, a .git/HEAD
// dependency, git archive, submodules) and the tree is not a git checkout: a GitHub source archive, a tarball, a
// Docker build context without .git.

import { makeNoRuleNeededBy, makeNoRuleStop, MAKE_NO_RULE_LITERALS } from '../../../make-messages.js';
import { defineRule } from '../../../rule.js';

// A target under .git/ (.git/HEAD, .git/refs/heads/main, ../.git/index), as make quotes it (no space at either end: the
// space inside a guillemet is the quote's, and a class that overlaps it would backtrack)
const GIT_METADATA_TARGET = String.raw`(?:[^'’“”»」"\s][^'’“”»」"\n]{0,299}\/)?\.git\/[^'’“”»」"\n]{0,199}[^'’“”»」"\s]`;

const NOT_A_REPOSITORY = 'git-not-a-repository';

export default defineRule({
  id: 'source-not-git-checkout',
  title: 'The build needs a git checkout, and the source tree is not one',
  summary: 'The build reads its version or files from git (git describe, .git/HEAD, setuptools-scm), and the sources are an archive or a copy without .git.',
  category: 'code',
  captures: {
    tool: { type: 'string', doc: 'what asked git: make, setuptools-scm, a build script or git itself' },
    directory: { type: 'path', doc: 'the source directory that has no git metadata, when the log names it', optional: true },
  },
  explains: ['source-file-missing'],
  contextAfter: 6,
  patterns: [
    {
      id: 'make-needs-dot-git',
      // GNU make: "make: *** No rule to make target '.git/HEAD', needed by 'build.h'.  Stop." (make 3.81 quotes `.git/HEAD');
      // a Makefile that derives a version from .git/HEAD or .git/refs/heads, in a tree without .git
      source: 'GNU make',
      // (in make.mo's translations too, either form: make-messages.ts)
      literals: MAKE_NO_RULE_LITERALS,
      re: new RegExp(`${makeNoRuleNeededBy(() => GIT_METADATA_TARGET)}|${makeNoRuleStop(GIT_METADATA_TARGET)}`),
      weight: 0.9,
    },
    {
      id: 'setuptools-scm-no-version',
      // setuptools-scm / vcs-versioning (_version_missing): "LookupError: setuptools-scm was unable to detect version for /x/proj."
      // (older: "... for '/x/proj'."), then "Make sure you're either building from a fully intact git repository or PyPI tarballs."
      source: 'setuptools-scm',
      literals: ['was unable to detect version for'],
      re: /(?:setuptools-scm|setuptools_scm|vcs-versioning) was unable to detect version for '?(?<directory>[^'\s]{1,400})/,
      weight: 0.9,
    },
    {
      id: 'libgit2-repository-not-found',
      // libgit2 through the git2 crate (vergen, built/shadow-rs build scripts): "could not find repository from 'D:\x\proj';
      // class=Repository (6); code=NotFound (-3)" (older libgit2: "could not find repository at '/x/proj'")
      source: 'libgit2 (git2 crate)',
      literals: ['could not find repository '],
      re: /could not find repository (?:at|from) '(?<directory>[^']{1,400})'; class=Repository/,
      weight: 0.85,
    },
    {
      id: NOT_A_REPOSITORY,
      // git: "fatal: not a git repository (or any of the parent directories): .git" (git < 2.? capitalises "Not"), or "(or any
      // parent up to mount point /mnt)"; often only a warning (a version string left empty), so it counts only when the next
      // lines show the step failing: git's exit status 128 (make, Docker, BuildKit, podman) or a CMake error.
      source: 'git',
      literals: ['ot a git repository (or any'],
      re: /^fatal: [Nn]ot a git repository \(or any (?:of the parent directories|parent up to mount point [^)]{1,300})\)/,
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    const hits = ctx.hits.filter((h) => {
      // vergen without fail_on_error reports the libgit2 error as a cargo warning ("warning: vergen: could not find repository
      // ...") and the build goes on.
      if (h.pattern === 'libgit2-repository-not-found') return !/^(?:cargo:)?warning[:=]/.test(h.text);
      // git's exit status 128 as the step that ran it reports it: make's "Error 128", Docker's "returned a non-zero code: 128",
      // BuildKit's "exit code: 128", podman/buildah's "error while running runtime: exit status 128"; CMake's error is the
      // script that ran git.
      return h.pattern !== NOT_A_REPOSITORY || h.after.some((l) => /\bError 128\b|^CMake Error at |failed with (?:exit code )?128\b|\bexit (?:status|code):? 128\b|non-zero code: 128\b/.test(l));
    });
    if (hits.length === 0) return null;
    const first = hits.reduce((a, b) => (b.line < a.line ? b : a));
    const tool = { 'make-needs-dot-git': 'make', 'setuptools-scm-no-version': 'setuptools-scm', 'libgit2-repository-not-found': 'a build script (libgit2)' }[first.pattern] ?? 'git';
    // setuptools-scm ends the sentence after the path ("... for /x/proj.").
    const directory = first.captures.directory?.replace(/\.$/, '');
    return { captures: { tool, ...(directory ? { directory } : {}) }, evidence: hits.map((h) => ({ line: h.line, text: h.text })) };
  },
  explanation:
    'The build asks git about the source tree ({{tool}}: a version from `git describe` or the commit, a dependency on .git/HEAD, ' +
    '`git archive`, or submodules), and {{directory|the source tree}} is not a git checkout. GitHub\'s "Download ZIP" and ' +
    '"Source code" archives, many distribution tarballs and a Docker build context whose .dockerignore leaves out `.git` carry ' +
    'no git metadata, so the step fails. A build that works from a clone and fails from an archive is this.',
  fix: {
    summary: 'Build from a git clone (with its history and tags), or give the build its version another way.',
    steps: [
      'Clone the repository instead of downloading an archive: `git clone --recursive <url>` (pip: `pip install git+https://...` instead of an archive URL).',
      'setuptools-scm / hatch-vcs: set `SETUPTOOLS_SCM_PRETEND_VERSION=<version>` (or `SETUPTOOLS_SCM_PRETEND_VERSION_FOR_<DIST>`) when building from an archive, or build the sdist from PyPI.',
      'Docker: do not exclude `.git` in .dockerignore for this build, or pass the version in as a build argument; in CI, fetch tags (`actions/checkout` with `fetch-depth: 0`).',
      'If the project documents archive builds, its build files need a fallback for a missing .git: report it upstream.',
    ],
    commands: ['git clone --recursive <repository-url>'],
  },
});
