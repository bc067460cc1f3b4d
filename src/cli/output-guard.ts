// Watches the process's own stdout and stderr, so that a reader that went away (`| head`) or a full disk (`> /dev/full`)
// ends in one sentence and a sound exit code, never in a stack trace or in an exit code the work did not earn.

import type { Writable } from 'node:stream';

export type OutputName = 'stdout' | 'stderr';

export interface OutputFailure {
  stream: OutputName;
  /** The errno name (`EPIPE`, `ENOSPC`), or the error's message when it has none. */
  code: string;
  message: string;
}

const STREAM_WORDS: Record<OutputName, string> = { stdout: 'standard output', stderr: 'standard error' };

/** A reader that went away took what it wanted: not a failure of ours, and the exit code stays what it was. Pure. */
export function isReaderGone(failure: OutputFailure): boolean {
  return failure.code === 'EPIPE';
}

/** The one sentence a write failure is reported with, e.g. for ENOSPC on stdout. Pure. */
export function describeOutputFailure(failure: OutputFailure): string {
  // Node's messages read `ENOSPC: no space left on device, write`: the errno text is the part worth quoting.
  const reason = /^[A-Z]+: (.*?)(?:, \w+)?$/.exec(failure.message)?.[1] ?? failure.message;
  return `buildmedic: cannot write to ${STREAM_WORDS[failure.stream]} (${failure.code}: ${reason}); the output is incomplete.`;
}

/**
 * The exit code once the output has failed: 2 (buildmedic could not do its job) for a failed write, unless the command
 * reports another program's own exit code (`run`), which a failed write of ours must never change. Pure.
 */
export function exitCodeAfterOutputFailures(code: number, failures: readonly OutputFailure[], keepsOwnCode: boolean): number {
  if (keepsOwnCode || failures.every(isReaderGone)) return code;
  return 2;
}

export interface OutputGuard {
  readonly failures: readonly OutputFailure[];
  /** Resolves once what was written has been flushed or has failed, so that `failures` is complete. */
  settle(): Promise<void>;
}

/**
 * Listens for write errors on the given streams (they would otherwise be thrown as uncaught) and records the first
 * of each stream. Later writes to a failed stream are dropped by Node without another error.
 */
export function guardOutput(streams: Record<OutputName, Writable>): OutputGuard {
  const failures: OutputFailure[] = [];
  for (const [name, stream] of Object.entries(streams) as [OutputName, Writable][]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (failures.some((f) => f.stream === name)) return;
      failures.push({ stream: name, code: error.code ?? error.message, message: error.message });
    });
  }
  const flushed = (stream: Writable) =>
    new Promise<void>((resolve) => {
      if (stream.destroyed || stream.writableLength === 0) return resolve();
      stream.once('drain', () => resolve());
      stream.once('error', () => resolve());
      stream.once('close', () => resolve());
    });
  return {
    failures,
    async settle() {
      await Promise.all(Object.values(streams).map(flushed));
      // A synchronous write (a file, /dev/full) reports its error on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
