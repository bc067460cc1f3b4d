// Which system components the crates locked for a Docker build context need (crate-needs knowledge over Cargo.lock); pure.

import { parseCargoLock } from '../../project/cargo.js';
import { CRATE_NEEDS, type ComponentId } from '../../kb/crate-needs.js';
import { exemptionApplies } from '../../doctor/needs.js';
import { builtCrates, defaultRequestedFeatures } from '../../project/build-graph.js';
import { hostTriple } from '../../project/target-cfg.js';
import { cargoPackages, type CargoPackage } from '../../project/cargo/packages.js';
import type { CargoManifest } from '../../project/model.js';
import { isWorkspaceMember } from '../../project/workspace.js';
import { isVendored } from '../../project/paths.js';
import type { FileLocation, ProjectFiles } from '../../project/files.js';
import { dirOf, joinRel, locate } from '../../project/text-location.js';

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

/**
 * The Cargo.lock a Dockerfile builds from: at its build context's root, else beside it when that is inside the
 * context. A lock outside the context is not what the image builds with, so its needs say nothing here.
 */
export function lockForDockerfile(project: ProjectFiles, dockerfile: string, context: string = dirOf(dockerfile)): string | null {
  const own = dirOf(dockerfile);
  const inside = context === '' || own === context || own.startsWith(`${context}/`);
  for (const lock of [joinRel(context, 'Cargo.lock'), ...(inside ? [joinRel(own, 'Cargo.lock')] : [])]) if (project.files.has(lock)) return lock;
  return null;
}

/** The manifests `default-members` of the workspace rooted at `root` names, or null when it names none. */
function defaultMembersOf(packages: readonly CargoPackage[], root: string): CargoManifest[] | null {
  const patterns = packages.find((p) => p.dir === root && p.manifest.workspace)?.manifest.workspace?.defaultMembers;
  if (!patterns?.length) return null;
  const rel = (dir: string) => (root === '' ? dir : dir.slice(root.length + 1));
  const chosen = packages.filter((p) => (p.dir === root ? patterns.some((m) => m === '.' || m === '') : isWorkspaceMember(rel(p.dir), patterns, [])));
  return chosen.length ? chosen.map((p) => p.manifest) : null;
}

/** Needs of the crates a default build compiles from the lock (first reason per component), minus exempted ones. */
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
  const lockDir = dirOf(lockFile);
  // The lock's workspace: the manifests whose workspace root (or own directory) holds this lock; no vendored copies.
  const packages = cargoPackages(project).filter((p) => (p.workspaceRoot?.dir ?? p.dir) === lockDir && !isVendored(p.file));
  const members = packages.map((p) => p.manifest);
  const target = project.target ?? hostTriple() ?? 'x86_64-unknown-linux-gnu';
  // A plain `cargo build` (or `cargo chef cook`) at the root builds the workspace's default-members, as doctor reads it.
  const { via } = builtCrates(lock.packages, defaultMembersOf(packages, lockDir) ?? members, target, members);
  const requested = defaultRequestedFeatures(members, target);
  const built = (dep: string) => {
    const [name, version] = dep.split(' ');
    for (const c of via.keys()) if (c.name === name && (!version || c.version === version)) return true;
    return false;
  };
  const out = new Map<ComponentId, ComponentNeed>();
  for (const crate of lock.packages) {
    if (crate.source === null || !via.has(crate)) continue;
    for (const n of CRATE_NEEDS[crate.name] ?? []) {
      if (n.required === false || out.has(n.component)) continue;
      if (n.since && crate.version && compareVersions(crate.version, n.since) < 0) continue;
      if (n.unless && exemptionApplies(n.unless, crate, lock.packages, built, requested.get(crate.name) ?? new Set(), (e) => env.has(e))) continue;
      const idx = text.indexOf(`name = "${crate.name}"`);
      out.set(n.component, { component: n.component, why: `${crate.name} ${crate.version} (${n.why})`, at: locate(lockFile, text, Math.max(0, idx)) });
    }
  }
  return [...out.values()];
}
