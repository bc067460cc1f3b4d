// While a command writes project files: SIGINT, SIGTERM or SIGHUP removes the temp files of writes in progress,
// then exits 128+N as a shell reports a death by signal N (the original file is untouched until the rename).

import { constants } from 'node:os';
import { removePendingTempFiles } from '../fix/write-files.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Installs the handlers; the function returned removes them. */
export function cleanUpTempFilesOnSignals(): () => void {
  const installed = SIGNALS.map((signal) => {
    const handler = () => {
      removePendingTempFiles();
      process.exit(128 + constants.signals[signal]);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of installed) process.off(signal, handler);
  };
}
