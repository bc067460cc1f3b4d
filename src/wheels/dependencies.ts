// Pure: picks the file a deploy installs from (requirements, a lock file, pyproject) and reads its dependency set.

import { normalizePackageName, parsePyproject } from '../project/python.js';
import { readPipfileLock, readPoetryLock, readPylock, readUvLock } from './locks.js';
import type { MarkerEnv } from './markers.js';
import { emptySettings, type Dependency, type DependencySet } from './model.js';
import { readRequirements, specifierProblem } from './requirements.js';

// What deploy builders install from when several are present: an explicit requirements.txt first (Heroku, Render
// and Railway's pip path), then the lock of the tool the project uses, then pyproject's unlocked ranges.
export const DEPENDENCY_FILES = ['requirements.txt', 'uv.lock', 'poetry.lock', 'pylock.toml', 'Pipfile.lock', 'pyproject.toml'];

function kindOf(file: string): DependencySet['kind'] {
  const base = file.split('/').pop()!;
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'uv.lock' || base === 'poetry.lock' || base === 'Pipfile.lock') return base;
  if (/^pylock(\.[^.]+)?\.toml$/.test(base)) return 'pylock.toml';
  return 'requirements';
}

// Files a deploy configures its install in.
const DEPLOY_FILE = /(^|\/)(Dockerfile[^/]*|Containerfile|render\.yaml|railway\.toml|nixpacks\.toml|Procfile)$/;

/**
 * Requirements files the deploy's own install command names (`pip install -r requirements/prod.txt` in a Dockerfile
 * RUN or render.yaml buildCommand), as project paths; a Docker COPY may rename them, so callers keep those that exist.
 */
export function deployRequirementPaths(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    if (!DEPLOY_FILE.test(file)) continue;
    // pip / uv pip install ... -r FILE, as written in a Dockerfile RUN or a PaaS build command.
    for (const m of text.matchAll(/\bpip3?\s+install\b[^\n]*?(?:-r|--requirement)[= ]\s*([^\s"'&;|]+)/g)) {
      out.push(m[1]!.replace(/^\.\//, '').replace(/^\/(app|code|src|srv|opt\/app|usr\/src\/app)\//, ''));
    }
  }
  return out;
}

/**
 * The dependency file to read: `chosen`; else the requirements file the deploy's own install command names; else the
 * first of DEPENDENCY_FILES present; null when there is none. A file in `unread` (present, but not read) still counts
 * as present, so that it is reported rather than silently replaced by the next candidate.
 */
export function pickDependencyFile(files: ReadonlyMap<string, string>, chosen?: string, unread: ReadonlyMap<string, string> = new Map()): string | null {
  if (chosen) return chosen;
  const present = (f: string) => files.has(f) || unread.has(f);
  const named = deployRequirementPaths(files).find(present);
  if (named) return named;
  return DEPENDENCY_FILES.find((f) => present(f) && (f !== 'pyproject.toml' || !files.has(f) || /^\s*dependencies\s*=/m.test(files.get(f)!))) ?? null;
}

function readPyprojectDeps(file: string, text: string): DependencySet {
  const set: DependencySet = { source: file, kind: 'pyproject', deps: [], settings: emptySettings(), problems: [] };
  let list: string[];
  try {
    list = parsePyproject(text, file).dependencies;
  } catch (error) {
    const line = Number(/line (\d+)/.exec((error as Error).message)?.[1] ?? 1);
    set.problems.push({ file, line, message: `invalid TOML: ${(error as Error).message.split('\n')[0]}` });
    return set;
  }
  const lines = text.split(/\r?\n/);
  // The first line quoting each string, built once: searching every line for every entry was quadratic.
  const lineOfString = new Map<string, number>();
  lines.forEach((l, i) => {
    // TOML basic and literal strings on one line, as a person or uv/poetry writes dependency arrays.
    for (const m of l.matchAll(/"([^"]*)"|'([^']*)'/g)) {
      const value = m[1] ?? m[2]!;
      if (!lineOfString.has(value)) lineOfString.set(value, i);
    }
  });
  for (const entry of list) {
    const i = lineOfString.get(entry) ?? -1;
    const where = { file, line: i + 1, text: lines[i] ?? '' };
    const m = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(\(?[^;@]*?\)?|@\s*\S+)\s*(?:;\s*(.*))?$/.exec(entry.trim());
    if (!m) {
      set.problems.push({ file, line: where.line, message: `'${entry}' is not a PEP 508 requirement` });
      continue;
    }
    if (m[3]!.startsWith('@')) continue;
    const specifier = m[3]!.replace(/[()\s]/g, '');
    const bad = specifierProblem(specifier);
    if (bad) {
      set.problems.push({ file, line: where.line, message: `${m[1]}: ${bad}` });
      continue;
    }
    const pin = /^==([0-9][^,*]*)$/.exec(specifier);
    const dep: Dependency = { name: m[1]!, normalized: normalizePackageName(m[1]!), specifier, version: pin?.[1] ?? null, marker: m[4]?.trim() || null, where, lockedFiles: null };
    set.deps.push(dep);
  }
  return set;
}

/** Reads the dependency set of `file` (a requirements file, lock file or pyproject.toml); `unread` as for readRequirements. */
export function readDependencySet(files: ReadonlyMap<string, string>, file: string, env: MarkerEnv, unread: ReadonlyMap<string, string> = new Map()): DependencySet {
  const kind = kindOf(file);
  const text = files.get(file);
  if (text === undefined) return { source: file, kind, deps: [], settings: emptySettings(), problems: [{ file, line: 0, message: `${file}: ${unread.get(file) ?? 'no such file'}` }] };
  if (kind === 'requirements') {
    const r = readRequirements(files, file, unread);
    return { source: file, kind, deps: r.deps, settings: r.settings, problems: r.problems };
  }
  if (kind === 'pyproject') return readPyprojectDeps(file, text);
  const reader = { 'uv.lock': readUvLock, 'poetry.lock': readPoetryLock, 'pylock.toml': readPylock, 'Pipfile.lock': readPipfileLock }[kind];
  const r = reader(file, text, env);
  const settings = emptySettings();
  const primary = r.indexes[0];
  if (primary) settings.indexUrl = primary.replace(/\/+$/, '');
  settings.extraIndexUrls = r.indexes.slice(1);
  return { source: file, kind, deps: r.deps, settings, problems: r.problems };
}
