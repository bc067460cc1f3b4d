// Which system components the crates locked for a Docker build context need (crate-needs knowledge over Cargo.lock); pure.

import { parseCargoLock } from '../../project/cargo.js';
import { CRATE_NEEDS, type ComponentId } from '../../knowledge/crate-needs.js';
import { cargoPackages } from '../cargo/packages.js';
import type { FileLocation, ProjectFiles } from '../model.js';
import { dirOf, joinRel, locate } from '../text-location.js';

export interface ComponentNeed {
  component: ComponentId;
  /** "librocksdb-sys 0.16.0 (compiles C++ in its build script)". */
  why: string;
  at: FileLocation;
}

function compareVersions(a: string, b: string): number {
  const x = a.split(/[.+-]/).map((n) => Number.parseInt(n, 10) || 0);
  const y = b.split(/[.+-]/).map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The Cargo.lock a Dockerfile builds from: at its build context's root, else beside it, else at the project root. */
export function lockForDockerfile(project: ProjectFiles, dockerfile: string, context: string = dirOf(dockerfile)): string | null {
  for (const lock of [joinRel(context, 'Cargo.lock'), joinRel(dirOf(dockerfile), 'Cargo.lock'), 'Cargo.lock']) if (project.files.has(lock)) return lock;
  return null;
}

/** Needs of the locked crates (first reason per component), minus the ones a feature or `env` exempts. */
export function lockedNeeds(project: ProjectFiles, lockFile: string, env: ReadonlySet<string>): ComponentNeed[] {
  const text = project.files.get(lockFile);
  if (text === undefined) return [];
  let lock;
  try {
    lock = parseCargoLock(text, lockFile);
  } catch {
    // An unparseable lock file is the Cargo scanners' finding; here it only means no needs are known.
    return [];
  }
  const requested = new Map<string, Set<string>>();
  for (const pkg of cargoPackages(project)) {
    const deps = [...pkg.manifest.dependencies, ...(pkg.manifest.workspace?.dependencies ?? [])];
    for (const d of deps) {
      const set = requested.get(d.name) ?? new Set<string>();
      for (const f of d.features) set.add(f);
      requested.set(d.name, set);
    }
  }
  const names = new Set(lock.packages.map((p) => p.name));
  const out = new Map<ComponentId, ComponentNeed>();
  for (const crate of lock.packages) {
    if (crate.source === null) continue;
    for (const n of CRATE_NEEDS[crate.name] ?? []) {
      if (n.required === false || out.has(n.component)) continue;
      if (n.since && crate.version && compareVersions(crate.version, n.since) < 0) continue;
      const u = n.unless;
      if (u) {
        const features = requested.get(crate.name) ?? new Set<string>();
        if (u.lockDependsOn?.some((d) => crate.dependencies.some((x) => x === d || x.startsWith(`${d} `)))) continue;
        if (u.lockHas?.some((h) => names.has(h))) continue;
        if (u.features?.some((f) => features.has(f))) continue;
        if (u.env?.some((e) => env.has(e))) continue;
      }
      const idx = text.indexOf(`name = "${crate.name}"`);
      out.set(n.component, { component: n.component, why: `${crate.name} ${crate.version} (${n.why})`, at: locate(lockFile, text, Math.max(0, idx)) });
    }
  }
  return [...out.values()];
}
