// The one place where buildmedic writes project files (I/O): `fix --write`, `diagnose --fix --write` and
// `wheels --fix --write` all come here. A write is refused unless it lands inside the project (after every symlink),
// on a regular file with one link, that still holds what was read; only the edited lines' bytes change; the owner,
// group and mode are kept; the edited TOML/YAML/JSON must still parse; a temp file + rename makes it atomic.

import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { lstat, open, readFile, readlink, realpath, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments } from 'yaml';
import { BuildmedicError } from '../errors.js';
import { decodeFileText, encodeEditedText } from '../project/file-text.js';
import { isInside } from '../project/paths.js';

export interface FileWrite {
  /** Relative to the project root, with '/' separators. */
  file: string;
  /** The text the plan was made from (as the project reader decoded it). */
  before: string;
  after: string;
}


/**
 * Where a write to `path` really lands: the real path of the file, or of its directory when the file does not exist
 * yet. A symlink is followed (and said to be one); a dangling one is refused, since what it would create is unknown.
 */
export async function resolveWriteTarget(path: string): Promise<{ real: string; symlink: string | null } | { refused: string }> {
  let link: string | null = null;
  try {
    if ((await lstat(path)).isSymbolicLink()) link = await readlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { refused: `not inspectable (${(error as Error).message})` };
    try {
      return { real: join(await realpath(dirname(path)), basename(path)), symlink: null };
    } catch (e) {
      return { refused: `in a directory that cannot be resolved (${(e as Error).message})` };
    }
  }
  try {
    return { real: await realpath(path), symlink: link };
  } catch {
    return { refused: `a symlink to ${link}, which does not exist` };
  }
}

/** Why a write to `path` would land outside the project at `root` (a phrase to follow the file's name), or null. */
export async function outsideReason(root: string, path: string): Promise<string | null> {
  const realRoot = await realpath(root);
  const target = await resolveWriteTarget(path);
  if ('refused' in target) return target.refused;
  if (isInside(realRoot, target.real)) return null;
  if (target.symlink !== null) return `a symlink to ${target.symlink}, outside the project`;
  return target.real === resolve(path) ? 'outside the project' : `outside the project (it resolves to ${target.real})`;
}

function parseRefusal(file: string, before: string, after: string): string | null {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  const kind = base.endsWith('.toml') ? 'TOML' : base.endsWith('.yaml') || base.endsWith('.yml') ? 'YAML' : base.endsWith('.json') ? 'JSON' : null;
  if (!kind) return null;
  const parses = (text: string): string | null => {
    try {
      if (kind === 'TOML') parseToml(text);
      // JSON.parse rejects the BOM a file may start with (the reader keeps it as U+FEFF).
      else if (kind === 'JSON') JSON.parse(text.replace(/^\ufeff/, ''));
      else {
        const bad = parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors : []));
        if (bad.length) throw bad[0];
      }
      return null;
    } catch (error) {
      return String((error as Error).message ?? error).split('\n')[0];
    }
  };
  // A file that did not parse before (a template, say) is not held to it; one that did must still parse.
  if (parses(before) !== null) return null;
  const broken = parses(after);
  return broken === null ? null : `${file}: the edited file is not valid ${kind} (${broken}); not written`;
}

interface PreparedWrite {
  path: string;
  bytes: Buffer;
  uid: number;
  gid: number;
  mode: number;
}

/** Everything a write checks before touching the disk; throws 'fix-refused' or 'fix-stale'. */
async function prepareWrite(root: string, change: FileWrite): Promise<PreparedWrite> {
  const refuse = (message: string) => new BuildmedicError('fix-refused', message);
  const given = resolve(root, change.file);
  const outside = await outsideReason(root, given);
  if (outside) throw refuse(`${change.file}: ${outside}; not written`);
  // The real file, so a symlink inside the project stays a symlink and its target gets the edit.
  const path = await realpath(given).catch(() => given);
  let original: Buffer;
  let st;
  try {
    st = await lstat(path);
    if (!st.isFile()) throw refuse(`${change.file}: not a regular file; not written`);
    original = await readFile(path);
  } catch (error) {
    if (error instanceof BuildmedicError) throw error;
    throw new BuildmedicError('fix-stale', `${change.file}: cannot be read again before writing (${(error as Error).message}); nothing written`, { cause: error });
  }
  if (st.nlink > 1) throw refuse(`${change.file}: has ${st.nlink} hard links; replacing it would split them (the other names would keep the old text); not written`);
  if (decodeFileText(original) !== change.before) throw new BuildmedicError('fix-stale', `${change.file}: changed since it was scanned; not overwritten (run the fix again)`);
  const encoded = encodeEditedText(original, change.before, change.after);
  if ('badLine' in encoded) throw refuse(`${change.file}:${encoded.badLine}: the line to edit is not UTF-8; buildmedic edits only UTF-8 lines, so it is not written`);
  const unparsable = parseRefusal(change.file, change.before, change.after);
  if (unparsable) throw refuse(unparsable);
  return { path, bytes: encoded.bytes, uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 };
}

/** Why `change` would not be written, or null: the dry run's view of what `--write` would refuse. */
export async function writeRefusal(root: string, change: FileWrite): Promise<string | null> {
  try {
    await prepareWrite(root, change);
    return null;
  } catch (error) {
    if (error instanceof BuildmedicError && error.code === 'fix-refused') return error.message;
    throw error;
  }
}

/** Temp files that exist right now: a signal handler removes them before the process exits. */
const pendingTemps = new Set<string>();

/** Removes the temp files of writes in progress (synchronously: it runs in a signal handler). */
export function removePendingTempFiles(): void {
  for (const temp of pendingTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or removed.
    }
    pendingTemps.delete(temp);
  }
}

/** Test hook: stops between the temp file and the rename, so a test can send a signal then (no timing). */
async function pauseIfTesting(temp: string): Promise<void> {
  if (!process.env.BUILDMEDIC_TEST_PAUSE_BEFORE_RENAME) return;
  process.stderr.write(`buildmedic: test hook: paused before rename of ${temp}\n`);
  await new Promise(() => setInterval(() => undefined, 60_000));
}

/**
 * Replaces the project file `change.file` under `root` with `change.after` when it still holds `change.before`.
 * A reader never sees a half-written file: the new bytes go to a temp file beside the real file, renamed over it.
 */
export async function writeProjectFile(root: string, change: FileWrite): Promise<void> {
  const target = await prepareWrite(root, change);
  const { path } = target;
  const temp = join(dirname(path), `.${basename(path)}.buildmedic-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  pendingTemps.add(temp);
  try {
    const handle = await open(temp, 'wx', target.mode & 0o777);
    try {
      await handle.writeFile(target.bytes);
      // Renaming our file over theirs would give it our owner: keep theirs, or refuse when we may not.
      if (process.getuid && (target.uid !== process.getuid() || target.gid !== process.getgid?.())) {
        try {
          await handle.chown(target.uid, target.gid);
        } catch (error) {
          throw new BuildmedicError('fix-refused', `${change.file}: owned by ${target.uid}:${target.gid}, which this user cannot give the new file; not written`, { cause: error });
        }
      }
      // After chown (which clears set-id bits), and past the umask that narrowed the mode given to open.
      await handle.chmod(target.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await pauseIfTesting(temp);
    // Last look: a write that landed while we wrote the temp file wins over our fix.
    if (decodeFileText(await readFile(path)) !== change.before) throw new BuildmedicError('fix-stale', `${change.file}: changed while the fix was being written; not overwritten`);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof BuildmedicError) throw error;
    throw new BuildmedicError('output-unwritable', `${change.file}: cannot be written (${(error as Error).message})`, { cause: error });
  } finally {
    pendingTemps.delete(temp);
  }
}

/** Writes each change that nothing refuses; a refusal is reported (the other files are still written), not thrown. */
export async function writeChanges(root: string, changes: readonly FileWrite[]): Promise<{ written: string[]; refused: { file: string; reason: string }[] }> {
  const written: string[] = [];
  const refused: { file: string; reason: string }[] = [];
  for (const change of changes) {
    try {
      await writeProjectFile(root, change);
      written.push(change.file);
    } catch (error) {
      if (!(error instanceof BuildmedicError) || error.code !== 'fix-refused') throw error;
      refused.push({ file: change.file, reason: error.message });
    }
  }
  return { written, refused };
}
