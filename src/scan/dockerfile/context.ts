// Which build-context file a COPY/ADD puts at a given path of the image (or whether it cannot be known); pure.

import { type Glob, matchGlob, tryCompileGlob } from '../../project/glob.js';
import type { ProjectFiles } from '../model.js';
import { dirOf, joinRel } from '../text-location.js';
import { type CopyStep, type RunStep, resolvePath } from './parse.js';

/** The build context: the Dockerfile's directory (what `docker build .` next to it sends), as a relative path. */
export function contextDir(dockerfile: string): string {
  return dirOf(dockerfile);
}

/** Cleans a path the way Go's filepath.Clean does for these patterns: no `.` segments, no repeated or edge slashes. */
function cleanPath(p: string): string {
  return p.split('/').filter((seg) => seg !== '' && seg !== '.').join('/');
}

/**
 * The lines of a .dockerignore as Docker reads them (moby/patternmatcher/ignorefile): `#` comments, `!` exceptions,
 * cleaned and without a leading slash. A line Docker would reject (`[` unclosed) is skipped here (Docker stops the
 * build with "syntax error in pattern").
 */
export function dockerignoreRules(text: string): { negate: boolean; glob: Glob }[] {
  const out: { negate: boolean; glob: Glob }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    const glob = tryCompileGlob(cleanPath(line), 'dockerignore');
    if ('alternatives' in glob) out.push({ negate, glob });
  }
  return out;
}

const contextCache = new WeakMap<ProjectFiles, Map<string, ReadonlySet<string>>>();

/**
 * The files the build context at `ctx` sends: the project's paths below it minus what its .dockerignore excludes
 * (patterns relative to the context, `!` re-includes, the last matching line wins; a directory pattern covers its files).
 */
export function contextPaths(project: ProjectFiles, ctx: string): ReadonlySet<string> {
  let byCtx = contextCache.get(project);
  if (!byCtx) contextCache.set(project, (byCtx = new Map()));
  const cached = byCtx.get(ctx);
  if (cached) return cached;
  const all = project.paths ?? new Set(project.files.keys());
  const ignore = project.files.get(joinRel(ctx, '.dockerignore')) ?? '';
  const rules = dockerignoreRules(ignore);
  const out = new Set<string>();
  for (const p of all) {
    if (ctx && !p.startsWith(`${ctx}/`)) continue;
    const rel = ctx ? p.slice(ctx.length + 1) : p;
    const prefixes = rel.split('/').map((_, i, segs) => segs.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const r of rules) if (prefixes.some((x) => matchGlob(r.glob, x))) excluded = !r.negate;
    if (!excluded) out.add(p);
  }
  byCtx.set(ctx, out);
  return out;
}

function relOf(ctx: string, source: string): string {
  const clean = source.replace(/^\.\/?/, '').replace(/\/+$/, '');
  return clean === '' || clean === '.' ? ctx : joinRel(ctx, clean);
}

function isDir(paths: ReadonlySet<string>, rel: string): boolean {
  if (rel === '') return true;
  for (const p of paths) if (p.startsWith(`${rel}/`)) return true;
  return false;
}

export type Landing = { kind: 'context'; path: string } | { kind: 'unknown' } | null;

/**
 * What `copy` puts at the absolute image path `abs`: a context file (relative to the project root), `unknown` when a
 * COPY --from / ADD URL may put something there, or null when it puts nothing there.
 */
export function landsAt(copy: CopyStep, abs: string, ctx: string, project: ProjectFiles): Landing {
  const paths = contextPaths(project, ctx);
  const dest = resolvePath(copy.workdir, copy.dest);
  const destIsDir = copy.dest.endsWith('/') || copy.dest === '.' || copy.sources.length > 1;
  const inside = abs.startsWith(`${dest}/`) ? abs.slice(dest.length + 1) : null;
  if (copy.from !== null || copy.sources.some((s) => /^https?:|^git@/.test(s.value))) {
    return abs === dest || inside !== null ? { kind: 'unknown' } : null;
  }
  for (const s of copy.sources) {
    if (/[*?[\\]/.test(s.value)) {
      // BuildKit expands COPY sources with Go's filepath.Match, component by component, relative to the context.
      const glob = tryCompileGlob(cleanPath(s.value), 'copy');
      if ('error' in glob) continue;
      for (const p of paths) {
        const rel = ctx ? p.slice(ctx.length + 1) : p;
        if (inside === p.slice(p.lastIndexOf('/') + 1) && matchGlob(glob, rel)) return { kind: 'context', path: p };
      }
      continue;
    }
    const rel = relOf(ctx, s.value);
    if (isDir(paths, rel)) {
      // A directory's contents land in the destination directory.
      if (inside !== null && paths.has(joinRel(rel, inside))) return { kind: 'context', path: joinRel(rel, inside) };
    } else if (paths.has(rel)) {
      const name = rel.slice(rel.lastIndexOf('/') + 1);
      if (destIsDir ? inside === name : abs === dest) return { kind: 'context', path: rel };
    }
  }
  return null;
}

/** Whether a RUN's bind mounts put a context file at `abs` (`--mount=type=bind,source=Cargo.toml,target=Cargo.toml`). */
export function bindMountAt(run: RunStep, abs: string, ctx: string, project: ProjectFiles): Landing {
  const paths = contextPaths(project, ctx);
  for (const m of run.mounts) {
    if (m.type !== 'bind') continue;
    const rel = relOf(ctx, m.source ?? '.');
    if (abs === m.target && paths.has(rel)) return { kind: 'context', path: rel };
    if (abs.startsWith(`${m.target}/`) && isDir(paths, rel)) {
      const p = joinRel(rel, abs.slice(m.target.length + 1));
      if (paths.has(p)) return { kind: 'context', path: p };
    }
  }
  return null;
}
