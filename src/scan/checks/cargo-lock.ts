// Scanner: a Cargo.lock that a flake, Dockerfile or CI job needs is missing, or invisible to git (ignored/untracked); pure.

import type { FileLocation, ProjectFiles, TextEdit } from '../../project/files.js';
import type { FixCommand, ScanFinding } from '../../report/finding.js';
import type { Scanner } from '../model.js';
import { lockLocations } from '../../project/cargo/packages.js';
import { dirOf, joinRel, locate, normaliseRel } from '../../project/text-location.js';
import { flakeNixFiles, isFlake } from '../../project/nix.js';

type UserKind = 'flake' | 'dockerfile' | 'ci';

interface LockUser {
  kind: UserKind;
  lock: string;
  at: FileLocation;
  /** The lock is only inferred (a Rust module naming no source): named after the users that say which lock they read. */
  inferred?: boolean;
}

// Nix (nixpkgs buildRustPackage / rustPlatform.importCargoLock, crane, naersk, and the flake-parts modules built on
// them: juspay/rust-flake's `rust-project`, nix-cargo-integration's `nci.projects`): all read Cargo.lock at evaluation time.
const NIX_RUST = /\b(?:cargoLock|importCargoLock|buildRustPackage|cargoHash|cargoSha256|crane|naersk|buildDepsOnly|buildPackage|rust-project|nci\.projects)\b/;
const NIX_SRC = /\bsrc\s*=\s*(?:[\w.]+\.cleanCargoSource\s*\(?\s*)?(\.{1,2}\/[^\s;)]*|\.\/?)/g;
const NIX_SELF_SRC = /\bsrc\s*=\s*(?:inputs\.)?self\b(?!\.)/;
const NIX_LOCKFILE = /\blockFile\s*=\s*(?:\$\{\s*)?(\.{1,2}\/[^\s;}]*|\.)/g;

function flakeUsers(project: ProjectFiles, locks: Set<string>): LockUser[] {
  const users: LockUser[] = [];
  for (const flake of project.files.keys()) {
    if (!isFlake(flake)) continue;
    // The Rust derivation may sit in a file the flake imports (`callPackage ./. { }` reads default.nix).
    for (const { file } of flakeNixFiles(project, flake)) {
      const text = project.files.get(file)!;
      if (!NIX_RUST.test(text)) continue;
      const dir = dirOf(file);
      let explicit = false;
      for (const m of text.matchAll(NIX_LOCKFILE)) {
        const lock = normaliseRel(joinRel(dir, m[1]));
        if (lock === null || !lock.endsWith('Cargo.lock')) continue;
        explicit = true;
        users.push({ kind: 'flake', lock, at: locate(file, text, m.index) });
      }
      if (explicit) continue;
      // crane, naersk and buildRustPackage read the lock file at the root of `src` (`src = ./.;`, `src = ./backend;`).
      const srcs = [...text.matchAll(NIX_SRC)].map((m) => ({ lock: normaliseRel(joinRel(joinRel(dir, m[1]), 'Cargo.lock')), index: m.index }));
      // A module that names no source at all (a flake-parts module such as juspay/rust-flake's `rust-project`, which
      // builds the flake's own tree with crane) reads the lock at the flake's root.
      const rootLock = joinRel(dirOf(flake), 'Cargo.lock');
      // `src = self` / `src = inputs.self` (often inside lib.cleanSourceWith { ... }): the flake's own tree.
      const self = NIX_SELF_SRC.exec(text);
      if (self) srcs.push({ lock: rootLock, index: self.index });
      const fallback = [joinRel(dir, 'Cargo.lock'), ...(/\bsrc\s*=/.test(text) ? [] : [rootLock])].find((l) => locks.has(l));
      const named = srcs.find((s) => s.lock !== null && locks.has(s.lock));
      const local = named ?? (fallback ? { lock: fallback, index: NIX_RUST.exec(text)!.index } : null);
      if (local?.lock) users.push({ kind: 'flake', lock: local.lock, at: locate(file, text, local.index), ...(named ? {} : { inferred: true }) });
    }
  }
  return users;
}

// Dockerfile: "COPY Cargo.toml Cargo.lock ./" (sources relative to the build context, usually the project root), and
// cargo's --locked / --frozen, which refuse to run without a lock file.
const DOCKER_COPY_LOCK = /^\s*(?:COPY|ADD)\b[^\n]*?\s(\.?\/?[^\s"]*Cargo\.lock)\b/gim;
const LOCKED_FLAG = /\bcargo\b[^\n]*\s--(?:locked|frozen)\b|\bmaturin\b[^\n]*\s--(?:locked|frozen)\b/g;

function dockerAndCiUsers(project: ProjectFiles, locks: Set<string>): LockUser[] {
  const users: LockUser[] = [];
  for (const [file, text] of project.files) {
    const base = file.slice(file.lastIndexOf('/') + 1);
    const docker = /^Dockerfile|\.Dockerfile$|^Containerfile/i.test(base);
    const ci = /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file);
    if (!docker && !ci) continue;
    if (docker) {
      for (const m of text.matchAll(DOCKER_COPY_LOCK)) {
        // `COPY --from=<stage or image>` reads another image's file system, not the build context.
        if (/\s--from[=\s]/i.test(m[0])) continue;
        const lock = normaliseRel(m[1]);
        if (lock) users.push({ kind: 'dockerfile', lock, at: locate(file, text, m.index + (m[0].length - m[0].trimStart().length)) });
      }
    }
    if (locks.has('Cargo.lock')) {
      const m = LOCKED_FLAG.exec(text);
      LOCKED_FLAG.lastIndex = 0;
      if (m) users.push({ kind: docker ? 'dockerfile' : 'ci', lock: 'Cargo.lock', at: locate(file, text, m.index) });
    }
  }
  return users;
}

const IGNORE_LINE = /^[ \t]*(\/?(?:\*\*\/)?Cargo\.lock|\*\.lock)[ \t]*\r?$/gm;

/** Edits removing the .gitignore lines that ignore `lock` (only the plain patterns; negations are left alone). */
function unignoreEdits(project: ProjectFiles, lock: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const [file, text] of project.files) {
    if (!(file === '.gitignore' || file.endsWith('/.gitignore'))) continue;
    const dir = dirOf(file);
    if (dir && !lock.startsWith(`${dir}/`)) continue;
    const rel = dir ? lock.slice(dir.length + 1) : lock;
    for (const m of text.matchAll(IGNORE_LINE)) {
      const pat = m[1];
      const applies = pat === '*.lock' || pat === 'Cargo.lock' || pat === '**/Cargo.lock' || (pat === '/Cargo.lock' && rel === 'Cargo.lock');
      if (!applies) continue;
      let end = m.index + m[0].length;
      if (text[end] === '\n') end++;
      edits.push({ file, start: m.index, end, text: '' });
    }
  }
  return edits;
}

/** Edits removing the root .dockerignore lines that exclude `lock` (Docker's patterns are relative to the context root). */
function dockerIgnoreEdits(project: ProjectFiles, lock: string): TextEdit[] {
  const text = project.files.get('.dockerignore');
  if (text === undefined) return [];
  const edits: TextEdit[] = [];
  for (const m of text.matchAll(IGNORE_LINE)) {
    const pat = m[1].replace(/^\//, '');
    if (!(pat === '*.lock' || pat === '**/Cargo.lock' || pat === lock || (pat === 'Cargo.lock' && lock === 'Cargo.lock'))) continue;
    let end = m.index + m[0].length;
    if (text[end] === '\n') end++;
    edits.push({ file: '.dockerignore', start: m.index, end, text: '' });
  }
  return edits;
}

function scanLocks(project: ProjectFiles): ScanFinding[] {
  const locations = lockLocations(project);
  const locks = new Set(locations.map((l) => l.lock));
  const users = [...flakeUsers(project, locks), ...dockerAndCiUsers(project, locks)].sort((a, b) => Number(a.inferred ?? false) - Number(b.inferred ?? false));
  const findings: ScanFinding[] = [];
  const byLock = new Map<string, LockUser[]>();
  for (const u of users) byLock.set(u.lock, [...(byLock.get(u.lock) ?? []), u]);
  for (const [lock, us] of byLock) {
    const exists = project.paths ? project.paths.has(lock) : project.files.has(lock);
    const location = locations.find((l) => l.lock === lock);
    const who = [...new Set(us.map((u) => (u.kind === 'flake' ? 'the Nix flake' : u.kind === 'dockerfile' ? 'the Dockerfile' : 'CI')))].join(' and ');
    const ignored = project.gitIgnored?.has(lock) ?? false;
    const tracked = project.gitTracked?.has(lock) ?? true;
    const gitSees = us.some((u) => u.kind === 'flake' || u.kind === 'ci');
    // A Dockerfile reads the build context, which has the lock only where it is on disk: a clean checkout (CI, another
    // machine) of a repository that does not track it has none.
    const checkoutNeeds = gitSees || us.some((u) => u.kind === 'dockerfile');
    const unignore = ignored && checkoutNeeds ? unignoreEdits(project, lock) : [];
    // Only a pattern we cannot remove (a negation, a glob) needs git add --force.
    const gitAdd: FixCommand = { argv: ['git', 'add', ...(ignored && unignore.length === 0 ? ['--force'] : []), '--', lock], cwd: '.', why: `git add ${lock}, so the flake and CI checkouts see it`, optIn: 'git' };
    const link = exists ? undefined : project.symlinks?.get(lock);
    if (link) {
      // cargo and git add would write through the link (or create its target): reported, never fixed here.
      findings.push({
        rule: 'cargo-lock-missing',
        title: 'Cargo.lock is missing',
        severity: 'error',
        message: `${lock} is a symlink to ${link.target}, ${link.inside ? 'which does not exist' : 'outside the project'}, and ${who} ${us.length > 1 ? 'need' : 'needs'} a lock file in the project; buildmedic does not write through it`,
        evidence: us.slice(0, 4).map((u) => u.at),
        captures: { lockPath: lock, where: who },
        fix: null,
      });
    } else if (!exists) {
      const commands: FixCommand[] = [];
      if (location) commands.push({ argv: ['cargo', 'generate-lockfile'], cwd: location.dir || '.', why: `write ${lock} as cargo resolves it`, offlineFirst: true });
      if (gitSees && project.gitTracked) commands.push(gitAdd);
      findings.push({
        rule: 'cargo-lock-missing',
        title: 'Cargo.lock is missing',
        severity: 'error',
        message: `${lock} does not exist, but ${who} ${us.length > 1 ? 'need' : 'needs'} it${ignored ? '; .gitignore also ignores it' : ''}`,
        evidence: us.slice(0, 4).map((u) => u.at),
        captures: { lockPath: lock, where: who },
        fix: commands.length ? { title: `generate ${lock}`, safety: 'safe', edits: unignore, commands } : null,
      });
    } else if (us.some((u) => u.kind === 'dockerfile') && dockerIgnoreEdits(project, lock).length) {
      const edits = dockerIgnoreEdits(project, lock);
      const text = project.files.get('.dockerignore') ?? '';
      findings.push({
        rule: 'cargo-lock-missing',
        title: 'Cargo.lock is missing',
        severity: 'error',
        message: `.dockerignore excludes ${lock} from the build context, but the Dockerfile needs it`,
        evidence: [locate('.dockerignore', text, edits[0].start), ...us.filter((u) => u.kind === 'dockerfile').slice(0, 3).map((u) => u.at)],
        captures: { lockPath: lock, where: 'the Docker build context' },
        fix: { title: `stop excluding ${lock} in .dockerignore`, safety: 'safe', edits, commands: [] },
      });
    } else if (checkoutNeeds && project.gitTracked && !tracked) {
      const flake = us.some((u) => u.kind === 'flake');
      const reader = flake ? 'the flake (which only sees git-tracked files)' : gitSees ? 'a CI checkout' : 'the Dockerfile, built from a clean checkout (CI, another machine),';
      const edits = unignore;
      findings.push({
        rule: flake ? 'nix-flake-untracked-file' : 'cargo-lock-missing',
        title: flake ? 'A file the flake needs is not tracked by git' : 'Cargo.lock is not in the repository',
        severity: 'error',
        message: `${lock} exists but git ${ignored ? 'ignores' : 'does not track'} it, so ${reader} will not have it`,
        evidence: us.slice(0, 4).map((u) => u.at),
        captures: { file: lock, lockPath: lock, addCommand: `git add ${lock}` },
        fix: { title: `${ignored ? 'stop ignoring and ' : ''}git add ${lock}`, safety: 'safe', edits, commands: [gitAdd] },
      });
    }
  }
  return findings;
}

const scanner: Scanner = {
  id: 'cargo-lock',
  reads: ['**/Cargo.toml', '**/*.nix', '.dockerignore', '**/Dockerfile*', '**/*.Dockerfile', '**/Containerfile*', '.github/workflows/*.yml', '.github/workflows/*.yaml', '**/.gitignore'],
  scan: scanLocks,
};
export default scanner;
