// Cargo workspace membership: whether a directory is a member (pure), and expanding `members` globs (I/O: readdir).

import { readdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { compileGlob, type Glob, hasWildcard, matchGlob, tryCompileGlob } from './glob.js';

/** `dir` is `base` or below it, component-wise (cargo's `Path::starts_with`: `crates/a` does not cover `crates/a-1`). */
function isUnderPath(dir: string, base: string): boolean {
  const b = base.replace(/[\\/]+$/, '');
  return dir === b || b === '' || dir.startsWith(`${b}/`);
}

function cleanMember(m: string): string {
  return m.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
}

/**
 * Whether the directory `rel` (relative to the workspace root, `/`-separated) is a member, as cargo decides it:
 * it matches a `members` glob, and it is not under an `exclude` path (plain paths, not globs) unless a `members`
 * entry names it or a parent literally. Members cargo cannot parse (cargo refuses the workspace) match nothing.
 */
export function isWorkspaceMember(rel: string, members: readonly string[], exclude: readonly string[]): boolean {
  const { cleaned, literal, globs } = compiledMembers(members);
  if (!literal.has(rel) && !globs.some((g) => matchGlob(g, rel))) return false;
  const excluded = exclude.map(cleanMember).some((e) => isUnderPath(rel, e));
  return !excluded || cleaned.some((m) => isUnderPath(rel, m));
}

const compiledCache = new WeakMap<readonly string[], { cleaned: string[]; literal: Set<string>; globs: Glob[] }>();

/**
 * A `members` list cleaned and compiled once: asked about every manifest of a workspace, compiling every pattern on
 * each question made a scan of 2000 listed members take minutes. Plain paths (most lists) are a set lookup.
 */
function compiledMembers(members: readonly string[]): { cleaned: string[]; literal: Set<string>; globs: Glob[] } {
  let compiled = compiledCache.get(members);
  if (compiled) return compiled;
  const cleaned = members.map(cleanMember);
  const literal = new Set<string>();
  const globs: Glob[] = [];
  for (const m of cleaned) {
    if (!m.split('/').some((seg) => hasWildcard(seg, 'cargo'))) literal.add(m.split('/').filter((seg) => seg && seg !== '.').join('/'));
    else {
      const g = tryCompileGlob(m, 'cargo');
      if ('alternatives' in g) globs.push(g);
    }
  }
  compiledCache.set(members, (compiled = { cleaned, literal, globs }));
  return compiled;
}

/** Directories `**` may descend through, and how deep: a member glob must not walk a whole disk. */
const RECURSIVE_MAX_DEPTH = 8;
const RECURSIVE_MAX_DIRS = 10_000;

async function subdirs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** One walk's shared state: how many directories `**` may still visit, and each directory's listing, read once. */
interface Walk {
  dirs: number;
  listings: Map<string, Promise<string[]>>;
}

/** subdirs, read once per walk: thousands of member globs over one directory must not each hold its listing. */
function listing(walk: Walk, dir: string): Promise<string[]> {
  let names = walk.listings.get(dir);
  if (!names) walk.listings.set(dir, (names = subdirs(dir)));
  return names;
}

async function expand(base: string, segments: string[], budget: Walk): Promise<string[]> {
  if (segments.length === 0) return [base];
  const [head, ...rest] = segments;
  if (head === '**') {
    // glob crate: `**` is the directory itself and every directory below it.
    const out: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (budget.dirs-- <= 0) return;
      out.push(...(await expand(dir, rest, budget)));
      if (depth >= RECURSIVE_MAX_DEPTH) return;
      for (const d of await listing(budget, dir)) await walk(join(dir, d), depth + 1);
    };
    await walk(base, 0);
    return out;
  }
  if (!hasWildcard(head, 'cargo')) return expand(join(base, head), rest, budget);
  const glob = compileGlob(head, 'cargo');
  // The literal text before the first wildcard rules out most names without running the matcher: thousands of
  // `crates/foo-*` members over thousands of directories stay linear in practice.
  const prefix = head.slice(0, head.search(/[*?[]/));
  const names = (await listing(budget, base)).filter((name) => name.startsWith(prefix) && matchGlob(glob, name));
  const nested = await Promise.all(names.map((e) => expand(join(base, e), rest, budget)));
  return nested.flat();
}

/**
 * The member directories of the workspace at `root`. A member pattern cargo would reject (e.g. `crates/[`) is
 * skipped with a note, as is the part of a `**` walk beyond its bounds.
 */
export async function resolveMembers(root: string, members: string[], exclude: string[]): Promise<{ dirs: string[]; notes: string[] }> {
  const notes: string[] = [];
  const budget: Walk = { dirs: RECURSIVE_MAX_DIRS, listings: new Map() };
  const valid = members.filter((m) => {
    const g = tryCompileGlob(cleanMember(m), 'cargo');
    if ('error' in g) notes.push(`Cargo.toml [workspace] members: ${g.error}; cargo refuses this workspace until it is fixed, and doctor skipped that entry.`);
    return !('error' in g);
  });
  // One pattern at a time: their expansions share the listings, and never all wait in memory at once.
  const dirs: string[] = [];
  for (const m of valid) dirs.push(...(await expand(root, cleanMember(m).split('/').filter((s) => s && s !== '.'), budget)));
  if (budget.dirs < 0) notes.push(`Cargo.toml [workspace] members: a \`**\` pattern reaches more than ${RECURSIVE_MAX_DIRS} directories; doctor looked at the first ${RECURSIVE_MAX_DIRS}.`);
  const rootAbs = resolve(root);
  const isMember = (d: string) => {
    const rel = d === rootAbs ? '' : d.slice(rootAbs.length + 1).split(sep).join('/');
    const excluded = exclude.map(cleanMember).some((e) => isUnderPath(rel, e));
    return !excluded || valid.map(cleanMember).some((m) => isUnderPath(rel, m));
  };
  return { dirs: [...new Set(dirs.map((d) => resolve(d)))].filter(isMember), notes };
}
