// Which crates of a Cargo.lock a plain `cargo build` of the workspace compiles for a target: the lock lists every
// crate any feature, target or dependency kind could pull in, so this walks it from the members' own declarations
// (no dev-dependencies, no optional dependencies the default features leave off, no other targets' tables) and skips
// the lock edges known not to build for the target or by default; pure.

import type { CargoDependency, CargoManifest, LockedCrate } from './model.js';
import { targetApplies } from './target-cfg.js';

/**
 * Lock edges a default build does not use, from the crates' own manifests and build scripts: aws-lc-sys runs cmake only
 * for FIPS or targets without prebuilt assembly; v8 runs bindgen only with V8_FROM_SOURCE; libproc's bindgen is a
 * macOS build-dependency.
 */
export const UNUSED_EDGES: readonly { from: string; to: string; unless?: string }[] = [
  { from: 'aws-lc-sys', to: 'cmake' },
  { from: 'v8', to: 'bindgen' },
  { from: 'libproc', to: 'bindgen', unless: 'cfg(target_os = "macos")' },
];

/** The `dep/feature` and `dep` references a member's default build turns on (the `default` feature's closure). */
export function defaultFeatureRefs(manifest: CargoManifest): Set<string> {
  const refs = new Set<string>();
  const seen = new Set<string>();
  const visit = (feature: string) => {
    if (seen.has(feature)) return;
    seen.add(feature);
    for (const item of manifest.features[feature] ?? []) {
      if (item.includes('/') || item.startsWith('dep:')) refs.add(item.replace(/^dep:/, '').replace('?/', '/'));
      else if (manifest.features[item]) visit(item);
      else refs.add(item);
    }
  };
  visit('default');
  return refs;
}

/** Whether the default build of the member compiles this declared dependency for `target`. */
export function builtByDefault(manifest: CargoManifest, dep: CargoDependency, target: string, defaults: ReadonlySet<string>): boolean {
  if (dep.kind === 'dev') return false;
  if (dep.target && targetApplies(dep.target, target) === false) return false;
  if (!dep.optional) return true;
  return defaults.has(dep.key) || [...defaults].some((r) => r.startsWith(`${dep.key}/`));
}

/** Features the members' default builds ask of each crate (declared `features = [...]` and `dep/feature` in defaults). */
export function defaultRequestedFeatures(members: readonly CargoManifest[], target: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (name: string, f: string) => {
    const set = out.get(name) ?? new Set<string>();
    set.add(f);
    out.set(name, set);
  };
  for (const m of members) {
    const defaults = defaultFeatureRefs(m);
    const wsDeps = m.workspace?.dependencies ?? [];
    for (const d of m.dependencies) {
      if (!builtByDefault(m, d, target, defaults)) continue;
      for (const f of d.features) add(d.name, f);
      if (d.workspace) for (const f of wsDeps.find((w) => w.key === d.key)?.features ?? []) add(d.name, f);
    }
    for (const r of defaults) {
      const [key, f] = r.split('/');
      const dep = m.dependencies.find((d) => d.key === key);
      if (dep && f) add(dep.name, f);
    }
  }
  return out;
}

/**
 * Lock edges a feature adds: the lock keeps them when any feature combination of the members turns them on, so they
 * are built only when a member's default build asks for such a feature, or when no member can (a dependency's own
 * default does). openssl-sys builds openssl-src only with `vendored` (reqwest's native-tls-vendored, openssl's vendored...).
 */
export const FEATURE_EDGES: readonly { from: string; to: string; feature: RegExp; onlyWhenAsked?: boolean }[] = [
  { from: 'openssl-sys', to: 'openssl-src', feature: /vendored/ },
  // sqlx's weak `sqlx-sqlite?/...` features keep sqlx-sqlite in every lock (cargo#10801); only `sqlite` builds it.
  { from: 'sqlx', to: 'sqlx-sqlite', feature: /sqlite/, onlyWhenAsked: true },
  { from: 'sqlx-macros-core', to: 'sqlx-sqlite', feature: /sqlite/, onlyWhenAsked: true },
];

function featureEdgeUsed(edge: (typeof FEATURE_EDGES)[number], members: readonly CargoManifest[], target: string): boolean {
  const requested = [...defaultRequestedFeatures(members, target).values()].some((set) => [...set].some((f) => edge.feature.test(f)));
  if (requested) return true;
  if (edge.onlyWhenAsked) return false;
  const anyMemberAsks = members.some((m) => Object.values(m.features).some((list) => list.some((f) => edge.feature.test(f))) || m.dependencies.some((d) => d.features.some((f) => edge.feature.test(f))));
  return !anyMemberAsks;
}

export interface BuiltCrates {
  /** Each lock crate the build compiles, with the member's direct dependency it is reached through (null: direct). */
  via: Map<LockedCrate, string | null>;
}

/**
 * The lock crates a default `cargo build` of `members` compiles for `target`, breadth-first from the members' built
 * dependencies, each with the first hop it is reached through.
 */
export function builtCrates(packages: readonly LockedCrate[], members: readonly CargoManifest[], target: string): BuiltCrates {
  const byName = new Map<string, LockedCrate[]>();
  for (const p of packages) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const resolveDep = (dep: string): LockedCrate | undefined => {
    const [name, version] = dep.split(' ');
    const list = byName.get(name);
    return version ? (list?.find((p) => p.version === version) ?? list?.[0]) : list?.[0];
  };
  const offEdges = FEATURE_EDGES.filter((e) => !featureEdgeUsed(e, members, target));
  const unused = (from: string, to: string) =>
    UNUSED_EDGES.some((e) => e.from === from && e.to === to && (!e.unless || targetApplies(e.unless, target) === false)) || offEdges.some((e) => e.from === from && e.to === to);
  const via = new Map<LockedCrate, string | null>();
  const queue: LockedCrate[] = [];
  for (const m of members) {
    if (!m.package) continue;
    const self = packages.find((p) => p.source === null && p.name === m.package!.name);
    if (self && !via.has(self)) via.set(self, null);
    const defaults = defaultFeatureRefs(m);
    for (const d of m.dependencies) {
      if (!builtByDefault(m, d, target, defaults)) continue;
      const lockDeps = self?.dependencies.filter((x) => x.split(' ')[0] === d.name) ?? [d.name];
      for (const ld of lockDeps) {
        const c = resolveDep(ld);
        if (c && !via.has(c)) {
          via.set(c, null);
          queue.push(c);
        }
      }
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i];
    const hop = via.get(cur) ?? cur.name;
    for (const d of cur.dependencies) {
      const c = resolveDep(d);
      if (!c || via.has(c) || unused(cur.name, c.name)) continue;
      // A local path crate is a member-like package: its own declarations decide, handled as a member when listed.
      via.set(c, c.source === null ? null : hop);
      queue.push(c);
    }
  }
  return { via };
}
