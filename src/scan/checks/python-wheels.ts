// Scanner for `buildmedic scan`/`fix`: locked Python dependencies without a wheel for the deploy target, judged from
// the file names the lock records (uv.lock, poetry.lock, pylock.toml); pure, so no index is asked. `buildmedic wheels`
// does the full check (requirements files, newer versions, index settings).

import { detectTarget } from '../../wheels/python-target.js';
import type { ProjectFiles } from '../../project/files.js';
import type { ScanFinding } from '../../report/finding.js';
import type { Scanner } from '../model.js';
import { judgeDependency, dependencyApplies } from '../../wheels/check.js';
import { readDependencySet } from '../../wheels/dependencies.js';
import { wheelFindings } from '../../wheels/findings.js';
import { markerEnv } from '../../wheels/markers.js';

const LOCKS = ['uv.lock', 'poetry.lock', 'pylock.toml'];

export function scanLockedWheels(project: ProjectFiles): ScanFinding[] {
  const lock = LOCKS.find((f) => project.files.has(f));
  if (!lock) return [];
  const target = detectTarget(project.files);
  const set = readDependencySet(project.files, lock, markerEnv(target.spec));
  if (set.problems.length && !set.deps.length) throw new Error(`${set.problems[0]!.file}:${set.problems[0]!.line}: ${set.problems[0]!.message}`);
  const verdicts = set.deps
    .filter((d) => d.lockedFiles?.length && dependencyApplies(d, target.spec))
    .map((d) => judgeDependency(d, null, target.spec, set.settings))
    // A release with no wheel for any platform is almost always pure Python (native projects publish wheels), and its
    // sdist builds without a compiler: no risk to report unless the package is known to build native code.
    .filter((v) => v.status !== 'source-build' || v.needs !== null || (v.dep.lockedFiles ?? []).some((f) => f.endsWith('.whl')));
  return wheelFindings(verdicts, target, set, project.files);
}

const scanner: Scanner = {
  id: 'python-wheels',
  reads: [...LOCKS, 'pyproject.toml', 'runtime.txt', '.python-version', 'Dockerfile', 'Containerfile', 'render.yaml', 'railway.toml', 'railway.json', 'nixpacks.toml', 'Procfile', 'app.json'],
  scan: scanLockedWheels,
};

export default scanner;
