// Path facts of a project: containment (on real paths) and vendored copies; pure.

import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` is `root` or below it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Directories holding copies of other projects' crates: cargo builds them only as path dependencies, and fixes never go there. */
const VENDORED = /(?:^|\/)(?:vendor|vendored|third[_-]party)\//;

export function isVendored(path: string): boolean {
  return VENDORED.test(path);
}
