// Names what a path is when it is not a regular file, for the messages of readers that refuse such paths.

import type { Stats } from 'node:fs';

/** 'a FIFO', 'a socket', 'a device', 'a directory' or 'not a regular file'. */
export function notRegularFile(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a directory';
  return 'not a regular file';
}
