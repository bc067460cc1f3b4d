// Reads a project for the scanners (I/O): walks the tree once, reads the files scanners ask for, asks git what it tracks and ignores.

import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BuildmedicError, fileError } from '../errors.js';
import { isInside } from '../fix/write-files.js';
import { decodeFileText } from '../project/file-text.js';
import { readProjectFile } from '../project/read-file.js';
import { dubiousOwnership, runGit } from '../project/git.js';
import { globMatcher } from '../project/glob.js';
import { parseCargoConfigTargets } from '../project/cargo.js';
import { hostTriple } from '../project/target-cfg.js';
import { resolveWorkspaces } from '../project/cargo-metadata.js';
import { lockLocations } from './cargo/packages.js';
import { isVendored } from './checks/cargo-features.js';
import type { ProjectFiles, Scanner } from './model.js';

/** Directories that never hold build files worth scanning, and can be huge. */
const SKIP_DIRS = new Set(['.git', 'target', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.direnv', 'result', '.mypy_cache', '.pytest_cache']);
/** Hidden directories that do hold build configuration. */
const HIDDEN_KEPT = new Set(['.github', '.cargo', '.config']);
const MAX_FILES = 50_000;
const MAX_DEPTH = 12;
/** Larger files are generated or vendored; scanners gain nothing from them (and say they skipped one). */
const MAX_READ_BYTES = 2 * 1024 * 1024;
/** A lock file of a big workspace is large, and findings depend on it: smol-toml reads 64 MiB in about a second. */
const MAX_LOCK_BYTES = 64 * 1024 * 1024;

type SymlinkInfo = { target: string; inside: boolean; exists: boolean };

async function walk(root: string): Promise<{ files: string[]; symlinks: Map<string, SymlinkInfo>; special: Map<string, string> }> {
  const out: string[] = [];
  const special = new Map<string, string>();
  const symlinks = new Map<string, SymlinkInfo>();
  const realRoot = await realpath(root);
  async function visit(rel: string, depth: number): Promise<void> {
    if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
    let entries;
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch (error) {
      if (rel === '') throw fileError(root, error);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name) || (e.name.startsWith('.') && !HIDDEN_KEPT.has(e.name))) continue;
        await visit(path, depth + 1);
      } else if (e.isFile()) {
        out.push(path);
        if (out.length >= MAX_FILES) return;
      } else if (!e.isSymbolicLink()) {
        // A FIFO, socket or device: never opened (a FIFO would block), but it is there, and a reader that wants the
        // name says why it did not read it.
        special.set(path, e.isFIFO() ? 'a FIFO' : e.isSocket() ? 'a socket' : 'a device');
      } else {
        // Never followed: recorded so a scanner can say "a symlink to X" instead of "missing", and a fix keeps off it.
        const full = join(root, path);
        const target = await readlink(full).catch(() => '?');
        const real = await realpath(full).catch(() => null);
        const exists = real !== null && (await stat(real).then((st) => st.isFile(), () => false));
        symlinks.set(path, { target, inside: real !== null && isInside(realRoot, real), exists });
      }
    }
  }
  await visit('', 0);
  return { files: out, symlinks, special };
}

/** What git tracks and ignores under root, with paths relative to root; nulls when root is not in a work tree. */
async function readGitState(root: string, candidates: string[]): Promise<{ tracked: Set<string> | null; ignored: Set<string> | null; refused: string | null }> {
  const inside = await runGit(root, 'rev-parse', ['--is-inside-work-tree']);
  // A repository git will not open is not "no repository": say so instead of treating every file as untracked.
  const refused = dubiousOwnership(inside.stderr);
  if (refused) return { tracked: null, ignored: null, refused };
  if (inside.code !== 0 || inside.stdout.trim() !== 'true') return { tracked: null, ignored: null, refused: null };
  // Without --full-name, ls-files prints paths relative to the directory it runs in: the scanned root.
  const files = await runGit(root, 'ls-files', ['-z', '--cached']);
  const tracked = new Set(files.stdout.split('\0').filter(Boolean));
  // check-ignore exits 1 when nothing is ignored; tracked files are never reported as ignored (no --no-index).
  const ig = candidates.length ? await runGit(root, 'check-ignore', ['-z', '--stdin'], { input: `${candidates.join('\0')}\0` }) : { code: 1, stdout: '' };
  const ignored = new Set(ig.code === 0 ? ig.stdout.split('\0').filter(Boolean) : []);
  return { tracked, ignored, refused: null };
}

/** Cargo.lock beside every manifest, existing or not: scanners ask whether git would ignore it. */
function lockCandidates(paths: readonly string[]): string[] {
  return paths.filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml')).map((p) => p.replace(/Cargo\.toml$/, 'Cargo.lock'));
}

export interface ReadOptions {
  /** Ask `cargo metadata --offline --locked` for each workspace's resolved graph (features after unification). */
  resolveCargo?: boolean;
  /** The target triple the build is for (default: `[build] target` of .cargo/config.toml, else the host). */
  target?: string;
}

/** `[build] target` of the project's .cargo/config(.toml), the first one when it lists several. */
function configTarget(files: ReadonlyMap<string, string>): string | null {
  for (const name of ['.cargo/config.toml', '.cargo/config']) {
    const text = files.get(name);
    if (text === undefined) continue;
    try {
      const targets = parseCargoConfigTargets(text, name);
      if (targets.length) return targets[0];
    } catch {
      // An unreadable cargo config is cargo's error to report; the host stays the target.
    }
  }
  return null;
}

/** Reads what `scanners` need from the project at `dir`. */
export async function readProjectFiles(dir: string, scanners: readonly Scanner[], options: ReadOptions = {}): Promise<ProjectFiles> {
  const root = resolve(dir);
  let st;
  try {
    st = await stat(root);
  } catch (error) {
    throw fileError(root, error);
  }
  if (!st.isDirectory()) throw new BuildmedicError('usage', `${dir}: not a directory (scan and fix take a project directory)`);
  const { files: walked, symlinks, special } = await walk(root);
  const wanted = globMatcher(scanners.flatMap((s) => s.reads), 'scan');
  const files = new Map<string, string>();
  const unread: { file: string; reason: string }[] = [];
  for (const [p, kind] of special) if (wanted(p)) unread.push({ file: p, reason: `${kind}; not read` });
  // Such a file exists for whoever asks (a FIFO named Cargo.lock is not a missing lock to generate).
  const paths = [...walked, ...[...special.keys()].filter(wanted)];
  await Promise.all(
    walked.filter(wanted).map(async (p) => {
      try {
        const full = join(root, p);
        const cap = p === 'Cargo.lock' || p.endsWith('/Cargo.lock') ? MAX_LOCK_BYTES : MAX_READ_BYTES;
        const read = await readProjectFile(full, cap);
        if ('unread' in read) unread.push({ file: p, reason: read.unread });
        else if ('bytes' in read) files.set(p, decodeFileText(read.bytes));
      } catch (error) {
        throw new BuildmedicError('project-unreadable', `${p}: cannot be read (${(error as Error).message})`, { cause: error });
      }
    }),
  );
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const { tracked, ignored, refused } = await readGitState(root, [...new Set([...paths, ...lockCandidates(paths)])]);
  // A symlink to a file inside the project is that file, for whoever asks whether it exists.
  const linked = [...symlinks].filter(([, l]) => l.inside && l.exists).map(([p]) => p);
  unread.sort((a, b) => (a.file < b.file ? -1 : 1));
  const project: ProjectFiles = { root, files: sorted, gitTracked: tracked, gitIgnored: ignored, paths: new Set([...paths, ...linked]), symlinks, unread, ...(refused ? { gitRefused: refused } : {}) };
  const target = options.target ?? configTarget(sorted) ?? hostTriple() ?? undefined;
  if (!options.resolveCargo || !target) return target ? { ...project, target } : project;
  const dirs = lockLocations(project).map((l) => l.dir).filter((d) => !isVendored(`${d}/`));
  return { ...project, target, cargo: await resolveWorkspaces(root, dirs, target, sorted) };
}
