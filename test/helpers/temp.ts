// Temporary directories for tests, removed when the test file's process exits (node --test runs each file in its own
// process), so a run leaves nothing behind in the system's temp directory.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under the system's temp directory, removed when this process exits. */
export function tempDir(prefix = 'bm-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
