// `buildmedic wheels` end to end (I/O at the edges): read the project's files, fetch file lists from the index,
// then the pure steps (target, dependency set, verdicts, findings).

import { join, sep } from 'node:path';
import { BuildmedicError } from '../errors.js';
import { openProjectDir, readableFiles, readProjectText, walkedButUnread, walkProject } from '../project/reader.js';
import { DEFAULT_INDEX, fetchProjects, type IndexFailure } from './pypi/client.js';
import type { IndexFile } from './pypi/simple-api.js';
import { detectTarget, type DeployTarget, type TargetFlags } from './python-target.js';
import type { ScanFinding } from '../report/finding.js';
import { dependencyApplies, judgeDependency, type PackageVerdict } from './check.js';
import { mergeEnvironmentSettings, pipVariables } from './deploy-settings.js';
import { deployRequirementPaths, pickDependencyFile, readDependencySet } from './dependencies.js';
import { wheelFindings } from './findings.js';
import { markerEnv } from './markers.js';
import { includeTarget, requirementIncludes } from './requirements.js';
import type { DependencyProblem, DependencySet } from './model.js';

export interface WheelsOptions extends TargetFlags {
  /** The dependency file to read instead of the first one found. */
  file?: string;
  offline?: boolean;
  cacheDir: string | null;
  /** The caller's environment (PIP_INDEX_URL, PIP_ONLY_BINARY... as pip would see them). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  retries?: number;
  concurrency?: number;
}

export interface WheelsReport {
  root: string;
  target: DeployTarget;
  dependencies: DependencySet;
  indexUrl: string;
  verdicts: PackageVerdict[];
  findings: ScanFinding[];
  /** Lines that could not be read (file:line) and packages whose file list could not be had. */
  problems: DependencyProblem[];
  indexFailures: IndexFailure[];
}

// Files read by name wherever they are (up to three directories down): dependency files and deploy configuration.
const WANTED = /^(requirements.*\.txt|.*requirements.*\.(txt|in)|constraints.*\.txt|pyproject\.toml|uv\.lock|poetry\.lock|Pipfile\.lock|pylock(\.[^.]+)?\.toml|runtime\.txt|\.python-version|Dockerfile.*|Containerfile|render\.yaml|railway\.(toml|json)|nixpacks\.toml|Procfile|app\.json)$/;
// Of those, the ones pip reads as requirements files, whose -r/-c includes are read too.
const REQUIREMENTS_NAME = /^(requirements.*\.txt|.*requirements.*\.(txt|in)|constraints.*\.txt)$/;
/** How deep the walk looks for those names: deploy configuration and dependency files sit near the root. */
const WANTED_DEPTH = 3;
// Included files followed in all: pip has no limit, but a project with more is hostile.
const MAX_INCLUDED_FILES = 1000;
// Projects looked up on the index: the largest real lock files hold a few thousand packages.
export const MAX_PROJECTS = 5000;
// pip asks every --extra-index-url; deploys use one or two.
export const MAX_EXTRA_INDEXES = 15;

export interface PythonProjectFiles {
  /** Project-relative path ('/' separators) → text. */
  files: Map<string, string>;
  /** Files the check would use that exist but were not read, with the reason. */
  unread: Map<string, string>;
}

/** Why a file over its cap was not read, in the words of this command's reports. */
function tooLargeReason(size: number, cap: number): string {
  return `${size} bytes, over the ${cap / 1024 / 1024} MiB limit for a project file; not read`;
}

/**
 * Reads the files the check can use and nothing else: dependency files and deploy configuration by name (up to three
 * directories deep), the requirements files a deploy or `extra` (--file) names, and the files they include (-r/-c),
 * when inside the project. A 1 GiB data.txt is never opened; a named file that is too large is listed in `unread`.
 */
export async function readPythonProject(root: string, opts: { extra?: string[]; maxFileBytes?: number } = {}): Promise<PythonProjectFiles> {
  const { realRoot } = await openProjectDir(root, 'wheels');
  const out: PythonProjectFiles = { files: new Map(), unread: new Map() };
  const follow: string[] = [];
  const take = async (rel: string, isRequirements: boolean) => {
    if (out.files.has(rel) || out.unread.has(rel)) return;
    const full = join(realRoot, ...rel.split('/'));
    const r = await readProjectText(full, realRoot, opts.maxFileBytes);
    if ('missing' in r) return; // absent: the readers say "no such file" where it matters
    if ('unread' in r) out.unread.set(rel, r.tooLarge ? tooLargeReason(r.tooLarge.size, r.tooLarge.cap) : r.unread);
    else {
      out.files.set(rel, r.text);
      if (isRequirements) follow.push(rel);
    }
  };
  const nameWanted = (rel: string) => WANTED.test(rel.slice(rel.lastIndexOf('/') + 1));
  const walk = await walkProject(realRoot, { maxDepth: WANTED_DEPTH });
  for (const u of walkedButUnread(walk, nameWanted)) out.unread.set(u.file, u.reason);
  for (const rel of readableFiles(walk, nameWanted)) await take(rel, REQUIREMENTS_NAME.test(rel.slice(rel.lastIndexOf('/') + 1)));
  for (const rel of [...(opts.extra ?? []), ...deployRequirementPaths(out.files)]) {
    const target = includeTarget('', rel.split(sep).join('/'));
    if ('path' in target) await take(target.path, true);
  }
  for (let followed = 0; follow.length && followed < MAX_INCLUDED_FILES; followed++) {
    const file = follow.shift()!;
    for (const included of requirementIncludes(file, out.files.get(file)!)) await take(included, true);
  }
  return out;
}

/** The files readPythonProject reads (with `extra`, e.g. --file), without the list of those it did not. */
export async function readPythonProjectFiles(root: string, extra: string[] = []): Promise<Map<string, string>> {
  return (await readPythonProject(root, { extra })).files;
}

/** The pure part: everything after the files and file lists are in memory. */
export function judgeProject(files: ReadonlyMap<string, string>, target: DeployTarget, set: DependencySet, lists: ReadonlyMap<string, IndexFile[] | string>): { verdicts: PackageVerdict[]; findings: ScanFinding[] } {
  const deps = set.deps.filter((d) => dependencyApplies(d, target.spec));
  const verdicts = deps.map((d) => {
    const l = lists.get(d.normalized);
    return judgeDependency(d, typeof l === 'string' || l === undefined ? null : l, target.spec, set.settings, typeof l === 'string' ? l : 'no file list');
  });
  return { verdicts, findings: wheelFindings(verdicts, target, set, files) };
}

/** Deploy-level PIP_* settings, from the deploy's configuration files and then the caller's environment. */
function deployVars(files: ReadonlyMap<string, string>, target: DeployTarget, env: Record<string, string | undefined>) {
  const vars: ReturnType<typeof pipVariables> = {};
  for (const f of [target.deploy.file, 'render.yaml', 'nixpacks.toml'].filter((x): x is string => Boolean(x))) {
    const text = files.get(f);
    if (text !== undefined) Object.assign(vars, { ...pipVariables(f, text), ...vars });
  }
  for (const k of ['PIP_ONLY_BINARY', 'PIP_NO_BINARY', 'PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL'] as const) if (env[k] && !vars[k]) vars[k] = env[k];
  return vars;
}

export async function runWheelsCheck(dir: string, opts: WheelsOptions): Promise<WheelsReport> {
  const { files, unread } = await readPythonProject(dir, { extra: opts.file ? [opts.file] : [] });
  let target: DeployTarget;
  try {
    target = detectTarget(files, opts);
  } catch (error) {
    throw new BuildmedicError('usage', (error as Error).message, { cause: error });
  }
  const file = pickDependencyFile(files, opts.file, unread);
  if (!file) throw new BuildmedicError('project-unreadable', `${dir}: no requirements.txt, uv.lock, poetry.lock, pylock.toml, Pipfile.lock or pyproject.toml dependencies found (name one with --file)`);
  const raw = readDependencySet(files, file, markerEnv(target.spec), unread);
  const set: DependencySet = { ...raw, settings: mergeEnvironmentSettings(raw.settings, deployVars(files, target, opts.env ?? {})) };
  const indexUrl = set.settings.indexUrl ?? DEFAULT_INDEX;
  const wanted = [...new Set(set.deps.filter((d) => dependencyApplies(d, target.spec)).map((d) => d.normalized))];
  // A hostile file must not turn the check into a flood of requests: bounded projects and indexes, the rest said.
  const notes: string[] = [];
  const asked = wanted.slice(0, MAX_PROJECTS);
  if (wanted.length > MAX_PROJECTS) notes.push(`${wanted.length} projects to look up: only the first ${MAX_PROJECTS} were asked; the rest are not checked`);
  const extras = [...new Set(set.settings.extraIndexUrls)].filter((u) => u !== indexUrl);
  if (extras.length > MAX_EXTRA_INDEXES) notes.push(`${extras.length} extra index URLs: only the first ${MAX_EXTRA_INDEXES} were asked`);
  const results = await fetchProjects(asked, {
    indexUrl,
    extraIndexUrls: extras.slice(0, MAX_EXTRA_INDEXES),
    cacheDir: opts.cacheDir,
    offline: opts.offline,
    timeoutMs: opts.timeoutMs,
    retries: opts.retries,
    concurrency: opts.concurrency,
  });
  const lists = new Map<string, IndexFile[] | string>(wanted.slice(MAX_PROJECTS).map((n) => [n, `not looked up: more than ${MAX_PROJECTS} projects`]));
  const indexFailures: IndexFailure[] = [];
  for (const [name, r] of results) {
    if (r.ok) lists.set(name, r.project.files);
    else {
      lists.set(name, r.failure.message);
      indexFailures.push(r.failure);
    }
  }
  const { verdicts, findings } = judgeProject(files, target, set, lists);
  // Files not read that the dependency set did not need: said once, as a note.
  notes.push(...[...unread].filter(([f]) => !set.problems.some((p) => p.message.startsWith(`${f}: `))).map(([f, why]) => `${f}: ${why}`));
  // Index URLs stay as given here (the CLI masks the report unless --no-redact); the client's messages never carry them.
  return { root: dir, target: { ...target, warnings: [...target.warnings, ...notes] }, dependencies: set, indexUrl, verdicts, findings, problems: set.problems, indexFailures };
}
