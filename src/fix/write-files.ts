// Writes fixed file text atomically (I/O): temp file in the same directory, same mode, rename; never over a file changed since it was read.

import { randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BuildmedicError } from '../errors.js';

/**
 * Replaces `path`'s content with `after` when it still holds `before` (the text the plan was made from).
 * A reader never sees a half-written file: the new text goes to a temp file that is renamed over the old one.
 */
export async function writeFileAtomic(path: string, before: string, after: string): Promise<void> {
  let current: string;
  let mode: number;
  try {
    current = await readFile(path, 'utf8');
    mode = (await stat(path)).mode & 0o7777;
  } catch (error) {
    throw new BuildmedicError('fix-stale', `${path}: cannot be read again before writing (${(error as Error).message}); nothing written`, { cause: error });
  }
  if (current !== before) throw new BuildmedicError('fix-stale', `${path}: changed since it was scanned; not overwritten (run the fix again)`);
  const temp = join(dirname(path), `.${basename(path)}.buildmedic-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(after, 'utf8');
      // The umask may have narrowed the mode given to open.
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Last look: a write that landed while we wrote the temp file wins over our fix.
    if ((await readFile(path, 'utf8')) !== before) throw new BuildmedicError('fix-stale', `${path}: changed while the fix was being written; not overwritten`);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof BuildmedicError) throw error;
    throw new BuildmedicError('output-unwritable', `${path}: cannot be written (${(error as Error).message})`, { cause: error });
  }
}
