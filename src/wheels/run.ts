// `buildmedic wheels` end to end (I/O at the edges): read the project's files, fetch file lists from the index,
// then the pure steps (target, dependency set, verdicts, findings).

import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { BuildmedicError } from '../errors.js';
import { decodeFileText } from '../project/file-text.js';
import { DEFAULT_INDEX, fetchProjects, type IndexFailure } from '../pypi/client.js';
import type { IndexFile } from '../pypi/simple-api.js';
import { detectTarget, type DeployTarget, type TargetFlags } from '../python-target/detect.js';
import type { ScanFinding } from '../scan/model.js';
import { dependencyApplies, judgeDependency, type PackageVerdict } from './check.js';
import { mergeEnvironmentSettings, pipVariables } from './deploy-settings.js';
import { pickDependencyFile, readDependencySet } from './dependencies.js';
import { wheelFindings } from './findings.js';
import { markerEnv } from './markers.js';
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

const SKIP = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', 'dist', 'build', '.mypy_cache']);
const WANTED = /^(requirements.*\.txt|.*requirements.*\.(txt|in)|constraints.*\.txt|pyproject\.toml|uv\.lock|poetry\.lock|Pipfile\.lock|pylock(\.[^.]+)?\.toml|runtime\.txt|\.python-version|Dockerfile.*|Containerfile|render\.yaml|railway\.(toml|json)|nixpacks\.toml|Procfile|app\.json)$/;

/** Reads the files the check can use, up to three directories deep (requirements often live in requirements/). */
export async function readPythonProjectFiles(root: string): Promise<Map<string, string>> {
  try {
    if (!(await stat(root)).isDirectory()) throw new BuildmedicError('project-unreadable', `${root}: not a directory`);
  } catch (error) {
    if (error instanceof BuildmedicError) throw error;
    throw new BuildmedicError('project-unreadable', `${root}: no such directory`, { cause: error });
  }
  const files = new Map<string, string>();
  const walk = async (dir: string, depth: number) => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = join(dir, e.name);
      if (e.isDirectory() && depth < 3 && !SKIP.has(e.name)) await walk(full, depth + 1);
      else if (e.isFile() && (WANTED.test(e.name) || (depth > 0 && e.name.endsWith('.txt')))) {
        // Decoded as the writer decodes, so `--fix --write` keeps bytes that are not UTF-8 on lines it does not edit.
        const text = await readFile(full).then(decodeFileText, () => null);
        if (text !== null && text.length < 20_000_000) files.set(relative(root, full).split(sep).join('/'), text);
      }
    }
  };
  await walk(root, 0);
  return files;
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
  const files = await readPythonProjectFiles(dir);
  let target: DeployTarget;
  try {
    target = detectTarget(files, opts);
  } catch (error) {
    throw new BuildmedicError('usage', (error as Error).message, { cause: error });
  }
  const file = pickDependencyFile(files, opts.file);
  if (!file) throw new BuildmedicError('project-unreadable', `${dir}: no requirements.txt, uv.lock, poetry.lock, pylock.toml, Pipfile.lock or pyproject.toml dependencies found (name one with --file)`);
  const raw = readDependencySet(files, file, markerEnv(target.spec));
  const set: DependencySet = { ...raw, settings: mergeEnvironmentSettings(raw.settings, deployVars(files, target, opts.env ?? {})) };
  const indexUrl = set.settings.indexUrl ?? DEFAULT_INDEX;
  const wanted = set.deps.filter((d) => dependencyApplies(d, target.spec)).map((d) => d.normalized);
  const results = await fetchProjects(wanted, {
    indexUrl,
    extraIndexUrls: set.settings.extraIndexUrls,
    cacheDir: opts.cacheDir,
    offline: opts.offline,
    timeoutMs: opts.timeoutMs,
    retries: opts.retries,
    concurrency: opts.concurrency,
  });
  const lists = new Map<string, IndexFile[] | string>();
  const indexFailures: IndexFailure[] = [];
  for (const [name, r] of results) {
    if (r.ok) lists.set(name, r.project.files);
    else {
      lists.set(name, r.failure.message);
      indexFailures.push(r.failure);
    }
  }
  const { verdicts, findings } = judgeProject(files, target, set, lists);
  return { root: dir, target, dependencies: set, indexUrl, verdicts, findings, problems: set.problems, indexFailures };
}
