// Which build-context file a COPY/ADD puts at a given path of the image (or whether it cannot be known); pure.

import { parse as parseYaml } from 'yaml';
import { YAML_FLOW_DEPTH_LIMIT, yamlFlowDepth } from '../json-depth.js';
import { type Glob, matchGlob, tryCompileGlob } from '../glob.js';
import type { ProjectFiles } from '../files.js';
import { dirOf, joinRel, normaliseRel } from '../text-location.js';
import { holdsPaths } from '../paths.js';
import { type CopyStep, type DockerfileModel, type RunStep, resolvePath } from './parse.js';

/** A build context a Dockerfile is built with, and what says so. */
export interface BuildContext {
  dir: string;
  /** "docker-compose.yml", ".github/workflows/x.yml", "docker-bake.hcl", or how it was inferred. */
  from: string;
}

function declared(pairs: Map<string, BuildContext>, baseDir: string, context: unknown, dockerfile: unknown, from: string, dockerfileBase?: string): void {
  // An absolute path (`context: /srv/app`, `file: /tmp/Dockerfile`) is on the machine, not in the project: joined
  // below, it was read as the project's own `srv/app` (and `/` as the project root).
  if (typeof context !== 'string' || context.startsWith('/') || /\$\{?\w|^[a-z]+:\/\//i.test(context)) return;
  if (typeof dockerfile === 'string' && dockerfile.startsWith('/')) return;
  const ctx = normaliseRel(joinRel(baseDir, context));
  if (ctx === null) return;
  const file = typeof dockerfile === 'string' && !/\$\{?\w/.test(dockerfile) ? dockerfile : 'Dockerfile';
  const path = normaliseRel(joinRel(dockerfileBase ?? ctx, file));
  if (path !== null && !pairs.has(path)) pairs.set(path, { dir: ctx, from });
}

/** `docker build -f X ctx` / `docker buildx build --file X ctx` in a shell line (a workflow `run:`). */
function dockerBuildPairs(script: string, pairs: Map<string, BuildContext>, from: string): void {
  for (const line of script.split(/\n|&&|;/)) {
    const words = line.trim().split(/\s+/);
    const at = words.findIndex((w, i) => w === 'build' && (words[i - 1] === 'docker' || (words[i - 1] === 'buildx' && words[i - 2] === 'docker')));
    if (at < 0) continue;
    let file: string | undefined;
    const positional: string[] = [];
    for (let i = at + 1; i < words.length; i++) {
      const w = words[i];
      if (w === '-f' || w === '--file') file = words[++i];
      else if (w.startsWith('--file=')) file = w.slice(7);
      else if (w.startsWith('-')) {
        // Flags with a separate value: the value is not the context.
        if (/^(?:-t|--tag|--build-arg|--target|--platform|--label|--cache-from|--cache-to|--secret|--ssh|--output|-o|--network|--progress|--build-context)$/.test(w)) i++;
      } else if (w !== '\\') positional.push(w);
    }
    const ctx = positional[0];
    if (ctx && ctx !== '-') declared(pairs, '', ctx, file, from, file ? '' : undefined);
  }
}

// yaml's duplicate-key check compares each key of a mapping with every other: 30k compose services took 20 s. A
// duplicate key changes nothing this reading needs, so it is not checked.
const YAML_OPTIONS = { uniqueKeys: false } as const;

/** parseYaml, refusing (throwing) a file nested deeper than any real one before the parser builds it. */
function parseBoundedYaml(text: string): unknown {
  if (yamlFlowDepth(text, YAML_FLOW_DEPTH_LIMIT) > YAML_FLOW_DEPTH_LIMIT) throw new Error('YAML nested too deep');
  return parseYaml(text, YAML_OPTIONS);
}

/** The values of a YAML mapping; nothing for a scalar or a list where a mapping belongs. */
function valuesOf<T>(value: Record<string, T> | null | undefined): T[] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.values(value) : [];
}

/** Every (Dockerfile -> context) pair that compose files, bake files and GitHub workflows declare. */
function declaredContexts(project: ProjectFiles): Map<string, BuildContext> {
  const pairs = new Map<string, BuildContext>();
  for (const [file, text] of project.files) {
    const base = file.slice(file.lastIndexOf('/') + 1);
    if (/^(?:docker-)?compose[\w.-]*\.ya?ml$/.test(base)) {
      let doc: unknown;
      try {
        doc = parseBoundedYaml(text);
      } catch {
        continue;
      }
      const services = (doc as { services?: Record<string, { build?: unknown }> } | null)?.services;
      for (const svc of valuesOf(services)) {
        const build = svc?.build;
        if (typeof build === 'string') declared(pairs, dirOf(file), build, undefined, file);
        else if (build && typeof build === 'object') declared(pairs, dirOf(file), (build as { context?: unknown }).context ?? '.', (build as { dockerfile?: unknown }).dockerfile, file);
      }
    } else if (/^docker-bake(?:\.[\w-]+)?\.hcl$/.test(base)) {
      // HCL target blocks: `context = "..."` and `dockerfile = "..."` (docker buildx bake).
      for (const block of text.split(/\btarget\s+"[^"]*"\s*\{/).slice(1)) {
        const body = block.slice(0, block.indexOf('}'));
        const ctx = /\bcontext\s*=\s*"([^"]*)"/.exec(body)?.[1] ?? '.';
        const df = /\bdockerfile\s*=\s*"([^"]*)"/.exec(body)?.[1];
        declared(pairs, dirOf(file), ctx, df, file);
      }
    } else if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(file)) {
      let doc: unknown;
      try {
        doc = parseBoundedYaml(text);
      } catch {
        continue;
      }
      type Uses = { uses?: unknown; with?: Record<string, unknown>; run?: unknown };
      const jobs = (doc as { jobs?: Record<string, Uses & { steps?: Uses[] }> } | null)?.jobs;
      for (const job of valuesOf(jobs)) {
        // A reusable workflow job (docker/github-builder's build.yml) takes the same `context:`/`file:` inputs.
        if (typeof job?.uses === 'string' && job.uses.startsWith('docker/') && job.with && (job.with.file !== undefined || job.with.context !== undefined)) {
          declared(pairs, '', job.with.context ?? '.', job.with.file, file, job.with.file !== undefined ? '' : undefined);
        }
        // YAML gives any shape (`steps: 5`): only a list is a list of steps.
        for (const step of Array.isArray(job?.steps) ? job.steps : []) {
          if (typeof step?.uses === 'string' && step.uses.startsWith('docker/build-push-action')) {
            // `file:` is relative to the workspace, not to `context:` (default: {context}/Dockerfile).
            const ctx = step.with?.context ?? '.';
            declared(pairs, '', ctx, step.with?.file, file, step.with?.file !== undefined ? '' : undefined);
          }
          if (typeof step?.run === 'string') dockerBuildPairs(step.run, pairs, file);
        }
      }
    }
  }
  return pairs;
}

const declaredCache = new WeakMap<ProjectFiles, Map<string, BuildContext>>();

/** How many COPY/ADD sources (not --from, not URLs or globs) exist in the context `dir`. */
function sourcesFound(model: DockerfileModel, dir: string, paths: ReadonlySet<string>): { found: number; total: number } {
  let found = 0;
  let total = 0;
  for (const stage of model.stages) {
    for (const step of stage.steps) {
      if (step.kind !== 'copy' || step.from !== null) continue;
      for (const s of step.sources) {
        if (/^https?:|^git@|[*?[$]/.test(s.value)) continue;
        total++;
        const rel = relOf(dir, s.value);
        if (paths.has(rel) || isDir(paths, rel)) found++;
      }
    }
  }
  return { found, total };
}

/**
 * The build context of a Dockerfile: what a compose file, a bake file or a workflow declares for it; else the
 * directory (the Dockerfile's own, or one above it) from which its COPY sources exist; else the Dockerfile's folder.
 */
export function buildContext(project: ProjectFiles, model: DockerfileModel): BuildContext {
  let pairs = declaredCache.get(project);
  if (!pairs) declaredCache.set(project, (pairs = declaredContexts(project)));
  const listed = pairs.get(model.file);
  if (listed) return listed;
  const paths = project.paths ?? new Set(project.files.keys());
  const own = dirOf(model.file);
  const here = sourcesFound(model, own, paths);
  if (here.found === here.total) return { dir: own, from: "the Dockerfile's folder" };
  for (let dir = own; dir !== ''; ) {
    dir = dirOf(dir);
    const there = sourcesFound(model, dir, paths);
    if (there.found === there.total) return { dir, from: `its COPY sources (they exist from ${dir || 'the project root'}, not from its folder)` };
  }
  return { dir: own, from: "the Dockerfile's folder" };
}

/** The build context's directory (see buildContext). */
export function contextDir(project: ProjectFiles, model: DockerfileModel): string {
  return buildContext(project, model).dir;
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
  // BuildKit resolves a source as a path rooted at the context (Go's path.Join("/", src)): `./a`, `a/./b` and `a/`
  // are `a`, and `..` stops at the root, so `COPY ../Cargo.toml .` copies the context's own Cargo.toml.
  const clean = resolvePath('/', source).slice(1);
  return clean === '' ? ctx : joinRel(ctx, clean);
}

/** Whether `rel` is a directory of the context (the root always is). */
function isDir(paths: ReadonlySet<string>, rel: string): boolean {
  return rel === '' || holdsPaths(paths, rel);
}

const byNameCache = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

/** The paths grouped by file name (the last segment), made once per set. */
function byName(paths: ReadonlySet<string>): Map<string, string[]> {
  let names = byNameCache.get(paths);
  if (!names) {
    names = new Map();
    for (const p of paths) {
      const name = p.slice(p.lastIndexOf('/') + 1);
      const list = names.get(name);
      if (list) list.push(p);
      else names.set(name, [p]);
    }
    byNameCache.set(paths, names);
  }
  return names;
}

const copyGlobs = new Map<string, ReturnType<typeof tryCompileGlob>>();

/** A COPY source compiled as a glob, compiled once (a Dockerfile's sources are asked about for every path checked). */
function copyGlob(source: string): ReturnType<typeof tryCompileGlob> {
  let glob = copyGlobs.get(source);
  if (!glob) {
    if (copyGlobs.size > 10_000) copyGlobs.clear();
    glob = tryCompileGlob(resolvePath('/', source).slice(1), 'copy');
    copyGlobs.set(source, glob);
  }
  return glob;
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
  // COPY into `/` (no WORKDIR): everything below the root is inside it.
  const prefix = dest === '/' ? '/' : `${dest}/`;
  const inside = abs.startsWith(prefix) && abs !== dest ? abs.slice(prefix.length) : null;
  if (copy.from !== null || copy.sources.some((s) => /^https?:|^git@/.test(s.value))) {
    return abs === dest || inside !== null ? { kind: 'unknown' } : null;
  }
  for (const s of copy.sources) {
    if (/[*?[\\]/.test(s.value)) {
      // BuildKit expands COPY sources with Go's filepath.Match, component by component, relative to the context; a
      // matched file lands under its own name, so only the context files named like `inside` can be it.
      if (inside === null || inside.includes('/')) continue;
      const glob = copyGlob(s.value);
      if ('error' in glob) continue;
      for (const p of byName(paths).get(inside) ?? []) {
        const rel = ctx ? p.slice(ctx.length + 1) : p;
        if (matchGlob(glob, rel)) return { kind: 'context', path: p };
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
