// nix-flake-untracked-file: a flake in a git repository only sees git-tracked files, so a file that exists on disk but
// was never `git add`ed is missing from the store copy of the source.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'nix-flake-untracked-file',
  title: 'A file the flake needs is not tracked by git',
  summary: 'A Nix flake build cannot see a file because the file is not tracked by git, and flakes copy only tracked files.',
  category: 'container',
  captures: {
    file: { type: 'path', doc: 'the file Nix does not see' },
    repo: { type: 'path', doc: 'the git repository of the flake', optional: true },
  },
  internal: ['addCommand'],
  patterns: [
    {
      id: 'nix-not-tracked',
      // nix >= 2.28 (NixOS/nix#12870): 'error: Path 'foo/bar' in the repository "/path/to/repo" is not tracked by Git.'
      source: 'nix >= 2.28',
      literals: ['is not tracked by Git'],
      re: /Path '(?<file>[^']+)' in the repository "(?<repo>[^"]+)" is not tracked by Git/,
      weight: 0.95,
    },
    {
      id: 'nix-no-flake-nix',
      // nix >= 2.19 (NixOS/nix#9398): "error: source tree referenced by 'git+file:///home/u/repo' does not contain a '/flake.nix' file"
      source: 'nix >= 2.19',
      literals: ['does not contain a'],
      re: /source tree referenced by 'git\+file:\/\/(?<repo>[^']+)' does not contain a '\/?(?<file>[^']+)' file/,
      weight: 0.85,
    },
    {
      id: 'nix-source-path-missing',
      // nix: "error: path '/nix/store/<hash>-source/sub/file' does not exist" (>= 2.4), "error: getting status of
      // '/nix/store/<hash>-source/file': No such file or directory" (2.8), "error: opening file '...': No such file or directory"
      source: 'nix evaluator',
      literals: ["error: path '/nix/store/", "getting status of '/nix/store/", "opening file '/nix/store/"],
      re: /(?:path|getting status of|opening file) '\/nix\/store\/[a-z0-9]{32}-source\/(?<file>[^']{1,300})'(?: does not exist|: No such file or directory)/,
      weight: 0.45,
    },
    {
      id: 'nix-dirty-tree',
      // nix (all flake versions): "warning: Git tree '/home/u/repo' is dirty": the tree has uncommitted changes
      source: 'nix',
      literals: ["' is dirty"],
      re: /^warning: Git tree '(?<repo>[^']+)' is dirty/,
      weight: 0.3,
    },
  ],
  refine: (ctx) => {
    const has = (id: string) => ctx.hits.some((h) => h.pattern === id);
    const file = ctx.captures.file;
    let confidence: number;
    if (has('nix-not-tracked')) confidence = 0.95;
    else if (has('nix-no-flake-nix')) confidence = 0.85;
    else if (!has('nix-source-path-missing')) return null;
    // A missing store path plus a dirty tree: the file most likely exists but was never added.
    else if (has('nix-dirty-tree')) confidence = 0.8;
    // Without the dirty-tree warning a missing Cargo.lock is more often never generated (cargo-lock-missing); a missing
    // .nix or source file in a flake is still most often a new, un-added file.
    else if (file && !/(?:^|\/)Cargo\.lock$/.test(file)) confidence = 0.6;
    else return null;
    const repo = ctx.captures.repo;
    return {
      confidence,
      captures: {
        ...(file ? { file } : {}),
        ...(repo ? { repo, addCommand: `git -C "${repo}" add ${file ? `"${file}"` : '<file>'}` } : {}),
      },
    };
  },
  explanation:
    'When a flake lives in a git repository, Nix copies only the files git tracks (committed or staged) into the store, ' +
    'so `{{file|a file}}` can exist in your working tree and still be missing from `/nix/store/...-source`. ' +
    'Newly created files (a new module, a freshly generated Cargo.lock, flake.nix itself) must be `git add`ed first; ' +
    'files matched by .gitignore are never seen. Older Nix versions only say the store path does not exist ' +
    '(often after "warning: Git tree ... is dirty"); Nix >= 2.28 says the path is not tracked by Git.',
  fix: {
    summary: 'git add the file (committing is not required; staging is enough), then rebuild.',
    steps: [
      'Stage the file: `{{addCommand|git add <file>}}` (or `git add -N <file>` to track it without staging its content).',
      'If it is listed in .gitignore (Cargo.lock often is), remove it from .gitignore or force it: `git add -f <file>`.',
      'To build from the directory as-is instead of from git, use a path flake reference: `nix build path:.#package`.',
    ],
    commands: ['git add -N .', 'nix build path:.'],
  },
});
