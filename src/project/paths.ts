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

const dirsCache = new WeakMap<ReadonlySet<string>, Set<string>>();

/**
 * Whether `rel` (project-relative, '' for the root) is a directory holding some of `paths`: one set of every path's
 * parent directories, made once per set, so asking for many directories stays linear.
 */
export function holdsPaths(paths: ReadonlySet<string>, rel: string): boolean {
  if (rel === '') return paths.size > 0;
  let dirs = dirsCache.get(paths);
  if (!dirs) {
    dirs = new Set<string>();
    for (const p of paths) for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) dirs.add(p.slice(0, i));
    dirsCache.set(paths, dirs);
  }
  return dirs.has(rel);
}
