// Reads a project's files for doctor, scan/fix and wheels (I/O). One skip list, one set of limits, one symlink
// policy and one way of saying why a file was not read, so the three commands see the same project.
//
// Symlink policy: a walk never descends into a linked directory. A linked file is read as the file it points to
// when that is inside the project; a link out of the project is "not read" with the reason (its text could be
// anything on the machine, and a fix must never write through it); a link to nothing is an absent file.

import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { BuildmedicError, fileError } from '../errors.js';
import { notRegularFile } from './file-kind.js';
import { decodeFileText } from './file-text.js';
import { readProjectFile } from './read-file.js';
import { isInside } from './paths.js';

/** Directories that never hold build files a command reads: tool caches, environments and build output. */
export const SKIP_DIRS: ReadonlySet<string> = new Set(['.git', 'target', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.direnv', 'result', '.mypy_cache', '.pytest_cache', 'dist']);
/** Hidden directories that do hold build configuration; every other hidden directory is skipped. */
const HIDDEN_KEPT: ReadonlySet<string> = new Set(['.github', '.cargo', '.config']);

/** Bounds of one walk: a hostile tree (a million files, a deep chain) ends the walk, not the machine. */
export const WALK_LIMITS = { maxFiles: 50_000, maxDepth: 12 } as const;

const MiB = 1024 * 1024;
/** A lock file of a big workspace is large, and findings depend on it: smol-toml reads 64 MiB in about a second. */
export const MAX_LOCK_BYTES = 64 * MiB;
/** pip-compile's hash-pinned requirements of a large application run to a few MiB. */
export const MAX_REQUIREMENTS_BYTES = 16 * MiB;
/** Manifests, Dockerfiles, workflows and sources: anything larger is generated or vendored. */
export const MAX_FILE_BYTES = 2 * MiB;

// Lock files of cargo, uv, poetry, pipenv and PEP 751 (pylock.toml, pylock.<name>.toml).
const LOCK_FILE = /^(?:Cargo\.lock|uv\.lock|poetry\.lock|Pipfile\.lock|pylock(?:\.[^.]+)?\.toml)$/;
// Files pip reads with -r/-c: requirements*.txt, *requirements*.in (pip-tools), constraints*.txt.
const REQUIREMENTS_FILE = /^(?:.*requirements.*\.(?:txt|in)|constraints.*\.txt)$/;

/** The size cap of the project file at `path`, by its name. */
export function sizeCapOf(path: string): number {
  const name = basename(path);
  if (LOCK_FILE.test(name)) return MAX_LOCK_BYTES;
  if (REQUIREMENTS_FILE.test(name)) return MAX_REQUIREMENTS_BYTES;
  return MAX_FILE_BYTES;
}

/** Whether a walk skips the directory called `name`. */
export function isSkippedDir(name: string): boolean {
  return SKIP_DIRS.has(name) || (name.startsWith('.') && !HIDDEN_KEPT.has(name));
}


/** The project directory `dir` names, resolved and real; an error naming it when it is missing or not a directory. */
export async function openProjectDir(dir: string, command: string): Promise<{ root: string; realRoot: string }> {
  const root = resolve(dir);
  let st;
  try {
    st = await stat(root);
  } catch (error) {
    throw fileError(dir, error);
  }
  if (!st.isDirectory()) throw new BuildmedicError('usage', `${dir}: not a directory; ${command} reads a project directory`);
  return { root, realRoot: await realpath(root) };
}

export type SymlinkInfo = { target: string; inside: boolean; exists: boolean };

export interface ProjectWalk {
  /** Regular files, project-relative with '/' separators, sorted. */
  files: string[];
  /** Symbolic links, never followed by the walk: where each points, whether inside, whether a regular file is there. */
  symlinks: Map<string, SymlinkInfo>;
  /** Where each link to a regular file inside the project really is, project-relative. */
  linkTargets: Map<string, string>;
  /** Where the walk's own limits cut it short (not a smaller `maxDepth` a caller asked for), with the reason. */
  unwalked: { file: string; reason: string; walkCut: true }[];
  /** FIFOs, sockets and devices, and links to them: never opened (a FIFO would block), named so a reader can say why. */
  special: Map<string, string>;
}

/** Every file under `root` outside the skipped directories, within WALK_LIMITS (`maxDepth` may ask for less). */
export async function walkProject(root: string, options: { maxDepth?: number } = {}): Promise<ProjectWalk> {
  const maxDepth = Math.min(options.maxDepth ?? WALK_LIMITS.maxDepth, WALK_LIMITS.maxDepth);
  const files: string[] = [];
  const special = new Map<string, string>();
  const symlinks = new Map<string, SymlinkInfo>();
  const linkTargets = new Map<string, string>();
  const realRoot = await realpath(root);
  const unwalked: ProjectWalk['unwalked'] = [];
  let cutDeep = false;
  let cutFiles = false;
  async function visit(rel: string, depth: number): Promise<void> {
    if (depth > maxDepth) {
      // Said once: a deeper tree is generated or hostile, and what it holds was not read.
      if (maxDepth === WALK_LIMITS.maxDepth && !cutDeep) unwalked.push({ file: rel, reason: `more than ${maxDepth} directories deep; not walked`, walkCut: true });
      cutDeep = true;
      return;
    }
    let entries;
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch (error) {
      if (rel === '') throw fileError(root, error);
      unwalked.push({ file: rel, reason: `a directory that cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); not walked`, walkCut: true });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (files.length >= WALK_LIMITS.maxFiles) {
        if (!cutFiles) unwalked.push({ file: path, reason: `the walk stops at ${WALK_LIMITS.maxFiles} files; not walked, nor what follows it`, walkCut: true });
        cutFiles = true;
        return;
      }
      if (e.isDirectory()) {
        if (!isSkippedDir(e.name)) await visit(path, depth + 1);
      } else if (e.isFile()) {
        files.push(path);
      } else if (!e.isSymbolicLink()) {
        special.set(path, e.isFIFO() ? 'a FIFO' : e.isSocket() ? 'a socket' : 'a device');
      } else {
        const full = join(root, path);
        const target = await readlink(full).catch(() => '?');
        const real = await realpath(full).catch(() => null);
        const st = real === null ? null : await stat(real).catch(() => null);
        const inside = real !== null && isInside(realRoot, real);
        symlinks.set(path, { target, inside, exists: st?.isFile() ?? false });
        if (inside && st?.isFile()) linkTargets.set(path, relative(realRoot, real).split(sep).join('/'));
        // `-> /dev/zero` or a link to a FIFO: said like the thing itself, never opened.
        if (st && !st.isFile() && !st.isDirectory()) special.set(path, notRegularFile(st));
      }
    }
  }
  await visit('', 0);
  return { files, symlinks, linkTargets, special, unwalked };
}

/**
 * The files of a walk `wanted` asks for that a reader may open: regular files, and links to regular files inside the
 * project, except a link to a file read under its own name (`Dockerfile.dev -> Dockerfile`): one file read twice
 * would get two findings and two fixes of the same bytes, and the second write would be refused as stale.
 */
export function readableFiles(walk: ProjectWalk, wanted: (path: string) => boolean): string[] {
  const own = new Set(walk.files.filter(wanted));
  const linked = [...walk.linkTargets].filter(([link, real]) => wanted(link) && !own.has(real)).map(([link]) => link);
  return [...own, ...linked].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** What a walk did not read that `wanted` may have asked for: FIFOs and devices, links out, where its limits cut it. */
export function walkedButUnread(walk: ProjectWalk, wanted: (path: string) => boolean): { file: string; reason: string; walkCut?: true }[] {
  const out: { file: string; reason: string; walkCut?: true }[] = [...walk.unwalked];
  for (const [file, kind] of walk.special) if (wanted(file)) out.push({ file, reason: `${kind}; not read` });
  for (const [file, link] of walk.symlinks) if (!link.inside && link.exists && wanted(file)) out.push({ file, reason: OUTSIDE });
  return out;
}

/** Why a link out of the project was not read (a reader may treat it as not there). */
export const LINK_OUT = 'a link to a file outside the project; not read';
const OUTSIDE = LINK_OUT;

export type TextRead = { text: string } | { unread: string; tooLarge?: { size: number; cap: number } } | { missing: true };

/**
 * The text of the file at `path` (UTF-8, bytes that are not shown as U+FFFD, as the fix writer expects), or why it
 * was not read; `missing` when nothing is there (or a link to nothing). With `realRoot`, a link resolving outside it
 * is not read. The cap is the file's by name unless `maxBytes` says otherwise.
 */
export async function readProjectText(path: string, realRoot: string | null, maxBytes = sizeCapOf(path)): Promise<TextRead> {
  await openSlot();
  try {
    return await readTextNow(path, realRoot, maxBytes);
  } finally {
    releaseSlot();
  }
}

/**
 * How many project files are open at once. Callers read thousands of files with one Promise.all (every .rs file of a
 * crate, every member's manifest): opened all at once, they ran out of file descriptors (EMFILE) past the soft limit
 * of 1024 on Linux, 256 on macOS, and the files were reported as unreadable.
 */
const MAX_OPEN_READS = 64;
let openReads = 0;
// A queue read from `head` on (Array.prototype.shift copies the array: quadratic over 50k waiting reads).
let waiting: (() => void)[] = [];
let head = 0;

function openSlot(): Promise<void> {
  if (openReads < MAX_OPEN_READS) {
    openReads++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

/** Hands the slot to the next waiting read, or frees it. */
function releaseSlot(): void {
  const next = head < waiting.length ? waiting[head++] : undefined;
  if (head === waiting.length) {
    waiting = [];
    head = 0;
  }
  if (next) next();
  else openReads--;
}

async function readTextNow(path: string, realRoot: string | null, maxBytes: number): Promise<TextRead> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { unread: `cannot be read (${code ?? (error as Error).message})` };
  }
  if (realRoot !== null && !isInside(realRoot, real)) {
    // What a link points at is said first (`-> /dev/zero` is "a device"): it is never opened, only stat'ed.
    const st = await stat(real).catch(() => null);
    return { unread: st && !st.isFile() && !st.isDirectory() ? `${notRegularFile(st)}; not read` : OUTSIDE };
  }
  const read = await readProjectFile(real, maxBytes);
  return 'bytes' in read ? { text: decodeFileText(read.bytes) } : read;
}
