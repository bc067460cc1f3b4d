// I/O: finds the wheels named on the command line (files or directories), reads and audits them, a few at a time.

import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BuildmedicError, fileError } from '../errors.js';
import { auditWheel, unreadableWheel, type WheelReport } from './audit.js';
import { DEFAULT_LIMITS, readWheel, type ReadLimits, WheelReadError } from './read-wheel.js';

/**
 * Expands directories to the regular .whl files directly inside them (or symlinks to such), sorted; a FIFO, socket
 * or device named *.whl is left out, since opening a FIFO blocks. Files named on the command line are taken as given
 * (readWheel refuses what is not a regular file).
 */
export async function findWheels(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch (e) {
      throw fileError(input, e);
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = await readdir(input);
      } catch (e) {
        throw fileError(input, e);
      }
      const wheels: string[] = [];
      for (const n of names.filter((n) => n.endsWith('.whl')).sort()) {
        // stat does not open the file, so it cannot block on a FIFO.
        if (await stat(join(input, n)).then((s) => s.isFile(), () => false)) wheels.push(n);
      }
      if (wheels.length === 0) throw new BuildmedicError('input-not-found', `${input}: no .whl files in this directory`);
      out.push(...wheels.map((n) => join(input, n)));
    } else out.push(input);
  }
  return out;
}

/** Reads and audits one wheel; an archive that cannot be read becomes an "unreadable" report, not an exception. */
export async function auditWheelFile(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<WheelReport> {
  try {
    const contents = await readWheel(path, limits);
    return auditWheel(basename(path), contents);
  } catch (e) {
    if (e instanceof WheelReadError) return unreadableWheel(path, e.message);
    const code = (e as NodeJS.ErrnoException)?.code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return unreadableWheel(path, fileError(path, e).message);
    throw e;
  }
}

/** Audits many wheels, `concurrency` at a time (inflate runs on libuv's thread pool, so this uses more cores). */
export async function auditWheelFiles(paths: string[], opts: { concurrency?: number; onDone?: (done: number, total: number) => void } = {}): Promise<WheelReport[]> {
  const results: WheelReport[] = new Array(paths.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      results[i] = await auditWheelFile(paths[i]!);
      opts.onDone?.(++done, paths.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, paths.length)) }, worker));
  return results;
}
