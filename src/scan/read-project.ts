// Reads a project for the scanners (I/O): walks the tree once, reads the files scanners ask for, asks git what it tracks and ignores.

import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BuildmedicError, fileError } from '../errors.js';
import { globMatcher } from './glob.js';
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
/** Larger files are generated or vendored; scanners gain nothing from them. */
const MAX_READ_BYTES = 2 * 1024 * 1024;

async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
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
      }
    }
  }
  await visit('', 0);
  return out;
}

function git(root: string, args: string[], input?: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolvePromise) => {
    const child = execFile('git', ['-C', root, ...args], { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 127) : 0;
      resolvePromise({ code, stdout: String(stdout) });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** What git tracks and ignores under root, with paths relative to root; nulls when root is not in a work tree. */
async function readGitState(root: string, candidates: string[]): Promise<{ tracked: Set<string> | null; ignored: Set<string> | null }> {
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside.code !== 0 || inside.stdout.trim() !== 'true') return { tracked: null, ignored: null };
  // Without --full-name, ls-files prints paths relative to the directory it runs in: the scanned root.
  const files = await git(root, ['ls-files', '-z', '--cached']);
  const tracked = new Set(files.stdout.split('\0').filter(Boolean));
  // check-ignore exits 1 when nothing is ignored; tracked files are never reported as ignored (no --no-index).
  const ig = candidates.length ? await git(root, ['check-ignore', '-z', '--stdin'], `${candidates.join('\0')}\0`) : { code: 1, stdout: '' };
  const ignored = new Set(ig.code === 0 ? ig.stdout.split('\0').filter(Boolean) : []);
  return { tracked, ignored };
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
  const paths = await walk(root);
  const wanted = globMatcher(scanners.flatMap((s) => s.reads));
  const files = new Map<string, string>();
  await Promise.all(
    paths.filter(wanted).map(async (p) => {
      try {
        const full = join(root, p);
        if ((await stat(full)).size > MAX_READ_BYTES) return;
        files.set(p, await readFile(full, 'utf8'));
      } catch (error) {
        throw new BuildmedicError('project-unreadable', `${p}: cannot be read (${(error as Error).message})`, { cause: error });
      }
    }),
  );
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const { tracked, ignored } = await readGitState(root, [...new Set([...paths, ...lockCandidates(paths)])]);
  const project: ProjectFiles = { root, files: sorted, gitTracked: tracked, gitIgnored: ignored, paths: new Set(paths) };
  const target = options.target ?? configTarget(sorted) ?? hostTriple() ?? undefined;
  if (!options.resolveCargo || !target) return target ? { ...project, target } : project;
  const dirs = lockLocations(project).map((l) => l.dir).filter((d) => !isVendored(`${d}/`));
  return { ...project, target, cargo: await resolveWorkspaces(root, dirs, target, sorted) };
}
