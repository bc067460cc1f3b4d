// A progress line on stderr for long reads; only on a terminal, never in pipes or --json output.

import type { ReadProgress } from '../diagnose/read-log.js';

/** Inputs smaller than this finish before a progress line would help. */
const MIN_BYTES = 50 * 1024 * 1024;
const REDRAW_MS = 200;

export interface Progress {
  update: (p: ReadProgress) => void;
  stop: () => void;
}

export function formatProgress(p: ReadProgress): string {
  const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
  if (p.totalBytes) {
    const pct = Math.min(100, Math.floor((100 * p.bytesRead) / p.totalBytes));
    const filled = Math.round(pct / 5);
    return `reading log [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${pct}% ${mb(p.bytesRead)} of ${mb(p.totalBytes)}`;
  }
  return `reading log ${mb(p.bytesRead)}`;
}

export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  let shown = false;
  let last = 0;
  return {
    update(p) {
      if (p.bytesRead < MIN_BYTES && (p.totalBytes ?? 0) < MIN_BYTES) return;
      const now = Date.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[2K${formatProgress(p)}`);
    },
    stop() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
