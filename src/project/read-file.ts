// Reads one file of a project that may be hostile (I/O): only a regular file, only up to a size cap, and never by
// blocking on a FIFO or streaming a device (`Cargo.lock -> /dev/zero`).

import { constants as fsConstants } from 'node:fs';
import { open } from 'node:fs/promises';
import { notRegularFile } from './file-kind.js';

/** `tooLarge` gives the sizes behind an `unread` over the cap, for a command that words it its own way. */
export type ProjectFileRead = { bytes: Buffer } | { unread: string; tooLarge?: { size: number; cap: number } } | { missing: true };

/** The bytes of `path` (symlinks followed), or why they were not read; `missing` when no file is there (nothing, or a directory). */
export async function readProjectFile(path: string, maxBytes: number): Promise<ProjectFileRead> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer; fstat below refuses it.
    handle = await open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    if (code === 'EISDIR') return { missing: true };
    return { unread: `cannot be read (${code ?? (error as Error).message})` };
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) return { missing: true };
    if (!st.isFile()) return { unread: `${notRegularFile(st)}; not read` };
    if (st.size > maxBytes) return { unread: `skipped, larger than ${maxBytes / 1024 / 1024} MiB (${(st.size / 1024 / 1024).toFixed(1)} MiB)`, tooLarge: { size: st.size, cap: maxBytes } };
    const bytes = await handle.readFile();
    // A file that grew past the cap after fstat (procfs files report size 0) is refused the same way.
    if (bytes.length > maxBytes) return { unread: `skipped, larger than ${maxBytes / 1024 / 1024} MiB`, tooLarge: { size: bytes.length, cap: maxBytes } };
    return { bytes };
  } finally {
    await handle.close();
  }
}
