// cargo-lock-missing: a Nix or Docker build needs the project's Cargo.lock and it is not there (never generated,
// not committed, git-ignored, or excluded from the Docker build context).

import { defineRule } from '../../../rule.js';

// A flake/source copy: "/nix/store/<32-char hash>-source/backend/Cargo.lock", or, in nix >= 2.20 (lazy source
// accessors), the source shown as "«github:owner/repo/rev»/backend/Cargo.lock"
const NIX_LOCK = String.raw`(?:\/nix\/store\/[a-z0-9]{32}-[\w.+-]{1,120}|«[^»\s]{1,200}»)\/(?<sub>(?:[\w.+-]{1,100}\/){0,8})Cargo\.lock`;

export default defineRule({
  id: 'cargo-lock-missing',
  title: 'Cargo.lock is missing from the build',
  summary: 'A Nix or Docker build reads the project Cargo.lock, but the file is not in the sources it was given.',
  category: 'container',
  captures: {
    lockPath: { type: 'path', doc: 'the Cargo.lock that is missing' },
  },
  internal: ['sub', 'sub2', 'dockerPath', 'where'],
  patterns: [
    {
      id: 'nix-path-missing',
      // nix >= 2.4 (readFile / importCargoLock / cargoLock.lockFile / naersk): "error: path '/nix/store/...-source/Cargo.lock' does not exist";
      // nix 2.8 pathExists/readFile: "error: getting status of '/nix/store/...-source/Cargo.lock': No such file or directory";
      // newer nix: "error: opening file '/nix/store/...-source/Cargo.lock': No such file or directory"
      source: 'nix evaluator',
      literals: ['Cargo.lock'],
      re: new RegExp(
        String.raw`(?:path '${NIX_LOCK}' does not exist|(?:getting status of|opening file) '${NIX_LOCK.replace('(?<sub>', '(?<sub2>')}': No such file or directory)`,
      ),
      weight: 0.85,
    },
    {
      id: 'nixpkgs-hook-missing',
      // nixpkgs cargoSetupHook: "ERROR: Missing Cargo.lock from src. Expected to find it at: /build/source/Cargo.lock";
      // fetchCargoTarball (cargoSha256/cargoHash): "ERROR: The Cargo.lock file doesn't exist"; naersk: "Naersk requires
      // Cargo.lock to be available in root"; crane: "unable to find Cargo.lock at ..."
      source: 'nixpkgs rustPlatform / naersk / crane',
      literals: ['Missing Cargo.lock from src', "The Cargo.lock file doesn't exist", 'requires Cargo.lock to be available', 'unable to find Cargo.lock'],
      re: /Missing Cargo\.lock from src|The Cargo\.lock file doesn't exist|requires Cargo\.lock to be available|unable to find Cargo\.lock/,
      weight: 0.9,
    },
    {
      id: 'docker-copy-lock-missing',
      // BuildKit: 'failed to compute cache key: failed to calculate checksum of ref ...: "/Cargo.lock": not found';
      // legacy builder: "COPY failed: file not found in build context or excluded by .dockerignore: stat Cargo.lock: file does not exist",
      // "COPY failed: stat /var/lib/docker/tmp/docker-builder123/Cargo.lock: no such file or directory"
      source: 'BuildKit / docker legacy builder',
      literals: ['Cargo.lock'],
      re: /"\/(?<dockerPath>(?:[\w.+-]{1,100}\/){0,8}Cargo\.lock)": not found|COPY failed: (?:file not found in build context or excluded by \.dockerignore: )?stat (?:[\w.+\/-]{0,300}\/)?Cargo\.lock: (?:file does not exist|no such file or directory)/,
      weight: 0.9,
    },
    {
      id: 'flake-dirty-or-untracked',
      // nix: "warning: Git tree '/path' is dirty" / "Path 'Cargo.lock' in the repository ... is not tracked by Git":
      // then the file is probably untracked, which nix-flake-untracked-file reports.
      source: 'nix',
      literals: ["' is dirty", 'is not tracked by Git'],
      re: /^warning: Git tree '[^']{1,300}' is dirty|is not tracked by Git/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    if (ctx.hits.some((h) => h.pattern === 'flake-dirty-or-untracked')) return null;
    const main = ctx.hits.filter((h) => h.pattern !== 'flake-dirty-or-untracked');
    if (main.length === 0) return null;
    const sub = ctx.captures.sub ?? ctx.captures.sub2 ?? ctx.captures.dockerPath?.replace(/Cargo\.lock$/, '') ?? '';
    const docker = main.some((h) => h.pattern === 'docker-copy-lock-missing');
    return {
      captures: {
        lockPath: `${sub}Cargo.lock`,
        ...(docker
          ? { where: 'the Docker build context (is it in .gitignore/.dockerignore, or never generated?)' }
          : { where: 'the sources Nix copied into the store (flakes only see files tracked by git)' }),
      },
    };
  },
  explanation:
    'The build reads `{{lockPath}}`, but it is not in {{where}}. Nix Rust builders (rustPlatform.buildRustPackage with ' +
    '`cargoLock.lockFile`, importCargoLock, crane, naersk) need Cargo.lock to pin every crate, and a Dockerfile that does ' +
    '`COPY Cargo.toml Cargo.lock ./` needs it in the context. Libraries often do not commit Cargo.lock (or list it in ' +
    '.gitignore), so a fresh checkout has none; a flake also ignores a Cargo.lock that exists on disk but is not `git add`ed.',
  fix: {
    summary: 'Generate Cargo.lock and commit it (or at least `git add` it for flakes), and make sure it is not ignored.',
    steps: [
      'Generate it where Cargo.toml is: `cargo generate-lockfile` (in {{lockPath}}\'s directory).',
      'Commit it: remove `Cargo.lock` from .gitignore, then `git add Cargo.lock && git commit` (flakes only see git-tracked files).',
      'Docker: remove Cargo.lock from .dockerignore, or copy it only if present (`COPY Cargo.toml Cargo.lock* ./`).',
      'Nix: point `cargoLock.lockFile` at the committed file, or build from a source that contains it.',
    ],
    commands: ['cargo generate-lockfile', 'git add Cargo.lock'],
    platformCommands: {
      nix: ['nix develop -c cargo generate-lockfile && git add Cargo.lock && nix build'],
    },
  },
});
