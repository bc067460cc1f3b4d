// Expands Cargo workspace `members` globs to member directories (I/O: reads directories).

import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Cargo's member globs are glob(3) patterns; `*`, `?` and `[...]` within one path segment are what appear in practice. */
function segmentMatcher(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

async function expand(base: string, segments: string[]): Promise<string[]> {
  if (segments.length === 0) return [base];
  const [head, ...rest] = segments;
  if (!/[*?[]/.test(head)) return expand(join(base, head), rest);
  const re = segmentMatcher(head);
  let entries: string[] = [];
  try {
    entries = (await readdir(base, { withFileTypes: true })).filter((e) => e.isDirectory() && re.test(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
  const nested = await Promise.all(entries.sort().map((e) => expand(join(base, e), rest)));
  return nested.flat();
}

export async function resolveMembers(root: string, members: string[], exclude: string[]): Promise<string[]> {
  const excluded = new Set(exclude.map((e) => resolve(root, e)));
  const dirs = (await Promise.all(members.map((m) => expand(root, m.split('/').filter((s) => s && s !== '.'))))).flat();
  return [...new Set(dirs.map((d) => resolve(d)))].filter((d) => !excluded.has(d));
}
