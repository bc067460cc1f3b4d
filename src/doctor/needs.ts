// Pure: derives what a project needs from the system (components, version constraints, who needs them) from the project model.

import { dirname, relative, sep } from 'node:path';
import { CALLED_TOOLS, COMPONENTS, CRATE_NEEDS, EDITION_MIN_RUSTC, FETCHED_SOURCE_NEEDS, IMPLIED_CRATES, HEAVY_CRATES, LOCK_MIN_CARGO, PYO3_PYTHON, PYTHON_PACKAGE_NEEDS, RESOURCE_FLOORS, type ComponentId, type Exemption } from '../kb/crate-needs.js';
import { compareVersions, numericChannel } from './checks/versions.js';
import { factForCmakePackage } from '../kb/components.js';
import { builtByDefault, builtCrates, defaultFeatureRefs, defaultRequestedFeatures, edgeFoundGuard, edgeGuardFound, edgeUnused } from '../project/build-graph.js';
import { toolchainCaveat, type CargoGraph, type CargoResolution, type MetadataRequest } from '../project/cargo-metadata.js';
import { cppBuildOf, pkgConfigProbesOf, toolCallsOf, type BuildScriptContext } from '../project/build-script.js';
import type { CargoManifest, LockedCrate, Project, RustProject } from '../project/model.js';
import { clipForMessage } from '../project/shell-quote.js';
import { targetApplies } from '../project/target-cfg.js';

export interface Constraint {
  /** min/max: inclusive bounds on major.minor(.patch); pep440: a Python specifier; pin: a version prefix that must match. */
  kind: 'min' | 'max' | 'pep440' | 'pin';
  version: string;
  /** Who asks for it, e.g. "rust-version in Cargo.toml". */
  from: string;
}

export interface Need {
  /** Unique per row: the component, or `rust-target:<triple>`. */
  key: string;
  component: ComponentId;
  /** A missing optional component is reported but does not fail doctor. */
  required: boolean;
  neededBy: string[];
  constraints: Constraint[];
  /** For rust-target. */
  target?: string;
  /** For disk and memory: the floor in bytes. */
  minBytes?: number;
  /** For linker: the program `.cargo/config.toml` names. */
  program?: string;
}

export interface Exempted {
  component: ComponentId;
  crate: string;
  why: string;
}

export interface NeedsPlan {
  mode: 'project' | 'general';
  needs: Need[];
  exempted: Exempted[];
  /** System needs held back: whether the build compiles the crate cannot be told from the checkout. */
  unverified: Exempted[];
  notes: string[];
}

export interface PlanContext {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** The host's Rust target triple, when known (for deciding which `[target.X]` tables apply). */
  hostTriple?: string | null;
  /** What `cargo metadata --offline --locked` resolved for the workspace (features after unification), when it could. */
  cargo?: CargoResolution | null;
}

/**
 * The lock crates cargo's resolved graph builds: breadth-first from the workspace's default members through normal
 * and build dependencies (dev-dependencies only build tests), each with the member's direct dependency it comes through.
 * A build-dependency the build script calls only behind a guard the build leaves off is not followed: cargo resolves it
 * all the same (UNUSED_EDGES, decided by the crate's resolved features and the environment). What only an edge the
 * build script uses if it finds something on the machine reaches is unverified, with that edge in words.
 */
function builtFromGraph(graph: CargoGraph, lock: readonly LockedCrate[], roots: readonly string[], target: string, envSet: (name: string) => boolean): { via: Map<LockedCrate, string | null>; features: Map<string, ReadonlySet<string>>; unverified: Map<LockedCrate, string> } {
  const byKey = new Map(lock.map((c) => [`${c.name} ${c.version}`, c]));
  const guarded: string[] = [];
  const walk = (followFound: boolean) => {
    const via = new Map<LockedCrate, string | null>();
    const features = new Map<string, ReadonlySet<string>>();
    const seen = new Set<string>();
    const queue: { id: string; hop: string | null }[] = [...graph.packages.values()].filter((p) => p.manifest !== null && (roots.length === 0 || roots.includes(p.name))).map((p) => ({ id: p.id, hop: null }));
    for (let i = 0; i < queue.length; i++) {
      const { id, hop } = queue[i];
      if (seen.has(id)) continue;
      seen.add(id);
      const p = graph.packages.get(id);
      if (!p) continue;
      const locked = byKey.get(`${p.name} ${p.version}`);
      if (locked && !via.has(locked)) via.set(locked, hop);
      features.set(p.name, new Set([...(features.get(p.name) ?? []), ...p.features]));
      const guards = { envSet, featureOn: (feature: RegExp) => [...p.features].some((f) => feature.test(f)) };
      for (const d of p.deps) {
        if (!d.kinds.some((k) => k !== 'dev')) continue;
        const to = graph.packages.get(d.pkg)?.name;
        if (to && edgeUnused(p.name, to, target, guards)) continue;
        const found = to ? edgeFoundGuard(p.name, to, target) : null;
        if (found && !followFound) {
          if (!guarded.includes(found)) guarded.push(found);
          continue;
        }
        queue.push({ id: d.pkg, hop: p.manifest !== null ? null : (hop ?? p.name) });
      }
    }
    return { via, features };
  };
  const all = walk(true);
  const verified = walk(false).via;
  const unverified = new Map([...all.via.keys()].filter((c) => !verified.has(c)).map((c) => [c, guarded.join('; ')]));
  return { ...all, unverified };
}

class NeedSet {
  private byKey = new Map<string, Need>();
  add(component: ComponentId, neededBy: string, opts: { required?: boolean; constraint?: Constraint; key?: string; target?: string; minBytes?: number; program?: string } = {}): void {
    const key = opts.key ?? component;
    let n = this.byKey.get(key);
    if (!n) {
      n = { key, component, required: false, neededBy: [], constraints: [] };
      if (opts.target) n.target = opts.target;
      if (opts.program) n.program = opts.program;
      this.byKey.set(key, n);
    }
    n.required ||= opts.required ?? true;
    if (neededBy && !n.neededBy.includes(neededBy)) n.neededBy.push(neededBy);
    if (opts.constraint && !n.constraints.some((c) => c.kind === opts.constraint!.kind && c.version === opts.constraint!.version)) n.constraints.push(opts.constraint);
    if (opts.minBytes !== undefined) n.minBytes = Math.max(n.minBytes ?? 0, opts.minBytes);
  }
  list(): Need[] {
    return [...this.byKey.values()];
  }
  has(component: ComponentId): boolean {
    return [...this.byKey.values()].some((n) => n.component === component);
  }
}

/** For each locked crate, the workspace member's direct dependency it is reached through (null: a direct dependency). */
export function firstHops(packages: readonly LockedCrate[], roots: readonly string[]): Map<LockedCrate, string | null> {
  const byName = new Map<string, LockedCrate[]>();
  for (const p of packages) {
    const list = byName.get(p.name) ?? [];
    list.push(p);
    byName.set(p.name, list);
  }
  const resolveDep = (dep: string): LockedCrate | undefined => {
    const [name, version] = dep.split(' ');
    const list = byName.get(name);
    if (!list) return undefined;
    return version ? (list.find((p) => p.version === version) ?? list[0]) : list[0];
  };
  const via = new Map<LockedCrate, string | null>();
  const queue: LockedCrate[] = [];
  const rootCrates = packages.filter((p) => p.source === null && roots.includes(p.name));
  for (const r of rootCrates) via.set(r, null);
  for (const r of rootCrates) {
    for (const d of r.dependencies) {
      const c = resolveDep(d);
      if (c && !via.has(c)) {
        via.set(c, null);
        queue.push(c);
      }
    }
  }
  // Breadth-first, so each crate gets the shortest chain's first hop.
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i];
    const hop = via.get(cur) ?? cur.name;
    for (const d of cur.dependencies) {
      const c = resolveDep(d);
      if (c && !via.has(c)) {
        via.set(c, hop);
        queue.push(c);
      }
    }
  }
  return via;
}

/** Whether an exemption lifts a crate's need; `built` tells which lock crates the build compiles. */
export function exemptionApplies(u: Exemption, crate: LockedCrate, lock: readonly LockedCrate[], built: (dep: string) => boolean, features: ReadonlySet<string>, env: (name: string) => boolean, defaultsKept = true, askedOf: (name: string) => ReadonlySet<string> | undefined = () => undefined): boolean {
  // A lock dependency is "name" or "name version": the crate builds `d` when one of its entries names it and is built.
  const builds = (d: string) => crate.dependencies.some((x) => (x === d || x.startsWith(`${d} `)) && built(x));
  if (u.lockDependsOn?.some(builds)) return true;
  if (u.unlessBuilds && !u.unlessBuilds.some(builds)) return true;
  if (u.lockHas?.some((n) => lock.some((p) => p.name === n))) return true;
  if (u.memberDependsOn?.some((n) => lock.some((p) => p.source === null && p.dependencies.some((x) => x.split(' ')[0] === n)))) return true;
  if (u.features?.some((f) => features.has(f))) return true;
  if (u.forwardedFrom && Object.entries(u.forwardedFrom).some(([name, fs]) => fs.some((f) => askedOf(name)?.has(f)))) return true;
  if (u.env?.some((e) => env(e))) return true;
  if (u.defaultsOffWithout && !defaultsKept && !u.defaultsOffWithout.some((f) => features.has(f))) return true;
  return false;
}

function pyo3Range(version: string): { min: string; max: string } {
  let range = PYO3_PYTHON[0];
  for (const r of PYO3_PYTHON) if (compareVersions(version, r.since) >= 0) range = r;
  return range;
}

function deriveRust(project: Project, ctx: PlanContext, set: NeedSet, exempted: Exempted[], unverified: Exempted[], notes: string[]): void {
  const rust = project.rust!;
  notes.push(...(rust.notes ?? []));
  set.add('rustc', 'every Rust build');
  set.add('cargo', 'every Rust build');
  // rustc links with the system C toolchain on Linux and macOS (`cc`), with MSVC's link.exe on Windows.
  set.add('c-compiler', 'rustc links through it (the `cc` linker)');
  set.add('cargo-home', 'cargo downloads and caches crates there');
  if (rust.rustVersion) set.add('rustc', '', { constraint: { kind: 'min', version: rust.rustVersion.version, from: `rust-version in ${rust.rustVersion.from}` } });
  if (rust.edition && EDITION_MIN_RUSTC[rust.edition.edition]) {
    set.add('rustc', '', { constraint: { kind: 'min', version: EDITION_MIN_RUSTC[rust.edition.edition], from: `edition ${rust.edition.edition} in ${rust.edition.from}` } });
  }
  const channel = rust.toolchain?.channel;
  if (channel) {
    const numeric = numericChannel(channel);
    // A channel is the project's text, shown in every row that names the pin: a megabyte of it is shown shortened.
    set.add('rustc', '', { constraint: { kind: 'pin', version: numeric ?? clipForMessage(channel), from: `channel in ${rust.toolchain!.file.split('/').pop()}` } });
  }
  if (rust.lock) {
    const min = LOCK_MIN_CARGO[rust.lock.version];
    if (min) set.add('cargo', '', { constraint: { kind: 'min', version: min, from: `Cargo.lock format version ${rust.lock.version}` } });
  } else {
    notes.push('No Cargo.lock: only the direct dependencies in the manifests were checked (run `cargo generate-lockfile` for the full picture).');
  }
  const targets = new Set([...(rust.toolchain?.targets ?? []), ...rust.configTargets]);
  if (ctx.env.CARGO_BUILD_TARGET) targets.add(ctx.env.CARGO_BUILD_TARGET);
  for (const t of targets) {
    const from = rust.configTargets.includes(t) ? '.cargo/config.toml [build] target' : rust.toolchain?.targets.includes(t) ? `targets in ${rust.toolchain.file.split('/').pop()}` : 'CARGO_BUILD_TARGET';
    set.add('rust-target', from, { key: `rust-target:${t}`, target: t });
  }

  for (const l of rust.configLinkers) {
    // A linker for another target only matters when building for it; cfg(...) tables may match the host.
    const applies = l.target.startsWith('cfg(') || targets.has(l.target) || (targets.size === 0 && l.target === ctx.hostTriple);
    set.add('linker', `[target.${l.target}] linker in ${l.file}${applies ? '' : ` (only when building for ${l.target})`}`, {
      key: `linker:${l.target}`,
      target: l.target,
      program: l.linker,
      required: applies,
    });
  }

  const target = [...targets][0] ?? ctx.hostTriple ?? 'x86_64-unknown-linux-gnu';
  // maturin builds its crate with `[tool.maturin] features` on top of the defaults.
  const maturin = project.python?.backend === 'maturin';
  const selection = doctorSelection(project);
  const { heavy } = rustBuildNeeds({ rust, target, selection, maturin, env: ctx.env, cargo: ctx.cargo ?? null }, set, exempted, unverified, notes);
  set.add('disk', 'target/ and the crate cache', { minBytes: COMPONENT_FLOOR.disk(heavy) });
  set.add('memory', heavy ? `${heavy} (a large C/C++ build)` : 'rustc', { minBytes: COMPONENT_FLOOR.memory(heavy) });
  if (heavy) set.add('disk', `${heavy} (a large C/C++ build)`);
}

/** What doctor checks the machine for: a plain `cargo build` at the workspace root, with maturin's features on its crate. */
function doctorSelection(project: Project): BuildSelection {
  const rust = project.rust!;
  const features = project.python?.backend === 'maturin' ? (project.python.pyproject?.maturinFeatures ?? []) : [];
  return { roots: null, features, featuresOf: dirname(rust.manifestPath), featuresFrom: "pyproject.toml's [tool.maturin]" };
}

/** What doctor asks `cargo metadata` for: maturin's features on its crate (cargo applies them to the package it is pointed at). */
export function metadataRequest(project: Project): MetadataRequest {
  if (!project.rust) return {};
  const selection = doctorSelection(project);
  if (!selection.features.length) return {};
  return { manifestDir: relative(project.rust.root, selection.featuresOf!).split(sep).join('/'), featureArgs: selectionFeatureArgs(selection) };
}

/**
 * What one cargo (or maturin) command builds: which packages, with which features. doctor asks for a plain
 * `cargo build` at the workspace root (plus maturin's features); scan asks for what a Dockerfile's command says.
 */
export interface BuildSelection {
  /** Directories (as in RustProject.members) of the packages built; null: what a plain `cargo build` at the root builds. */
  roots: string[] | null;
  /**
   * `--features` (or `[tool.maturin] features`): `feat` of the built packages, `pkg/feat` of the built package `pkg`,
   * or `dep/feat` of a dependency of the built packages.
   */
  features: readonly string[];
  /** The one package the features are for (maturin's crate), when not every built package. */
  featuresOf?: string | null;
  /** Where the features come from, for the note ("pyproject.toml's [tool.maturin]", "the cargo command"). */
  featuresFrom?: string;
  noDefaultFeatures?: boolean;
  allFeatures?: boolean;
}

/** The cargo metadata flags that resolve a selection's features (what `resolveWithCargo` is asked with); pure. */
export function selectionFeatureArgs(selection: Pick<BuildSelection, 'features' | 'noDefaultFeatures' | 'allFeatures'>): string[] {
  return [...(selection.allFeatures ? ['--all-features'] : []), ...(selection.noDefaultFeatures ? ['--no-default-features'] : []), ...(selection.features.length ? ['--features', [...selection.features].join(',')] : [])];
}

/** The input of rustBuildNeeds: a workspace as read, the target, the selection, and what cargo resolved (if it could). */
export interface RustBuild {
  rust: Pick<RustProject, 'members' | 'defaultMembers' | 'lock' | 'gitDependencies' | 'absentPathCrates' | 'requestedFeatures'>;
  target: string;
  selection: BuildSelection;
  /** maturin builds the crate (it asks pyo3 0.26 on for an extension module through PYO3_BUILD_EXTENSION_MODULE). */
  maturin: boolean;
  env: Record<string, string | undefined>;
  /** cargo's graph, used when it was resolved for this target and these features (CargoGraph.featureArgs). */
  cargo: CargoResolution | null;
}

/** Where a need comes from, for a caller that points at it (scan points at the crate's lock entry or the build script). */
export interface NeedOrigin {
  crate?: LockedCrate;
  /** The direct dependency the crate comes through (null or absent: the crate is one itself). */
  hop?: string | null;
  buildScript?: string;
}

/** Receives the needs rustBuildNeeds finds (doctor's NeedSet; scan's collector). */
export interface NeedSink {
  add(component: ComponentId, neededBy: string, opts?: { required?: boolean; constraint?: Constraint }, origin?: NeedOrigin): void;
  /** Whether something already needs the component (then a need only an unverified step brings is not held back). */
  has(component: ComponentId): boolean;
}

/** The manifest built with `features` (and without its defaults when `noDefault`), as a new `default` feature. */
function withFeatures(manifest: CargoManifest, features: readonly string[], noDefault: boolean, all: boolean): CargoManifest {
  const base = all ? Object.keys(manifest.features) : noDefault ? [] : (manifest.features.default ?? []);
  return { ...manifest, features: { ...manifest.features, default: [...base, ...features] } };
}

/** The members, with each built package's manifest carrying the selection's features as its default ones. */
function selectedMembers(rust: RustBuild['rust'], selection: BuildSelection): { members: RustBuild['rust']['members']; roots: RustBuild['rust']['members'] } {
  const byDefault = rust.defaultMembers ? rust.members.filter((m) => rust.defaultMembers!.includes(m.dir)) : rust.members;
  const chosen = selection.roots ? rust.members.filter((m) => selection.roots!.includes(m.dir)) : byDefault;
  const targets = new Set((selection.featuresOf ? rust.members.filter((m) => m.dir === selection.featuresOf) : chosen.length ? chosen : rust.members).map((m) => m.dir));
  const names = new Set(rust.members.filter((m) => targets.has(m.dir)).map((m) => m.manifest.package?.name));
  const changes = selection.features.length > 0 || selection.noDefaultFeatures || selection.allFeatures;
  const members = !changes ? rust.members : rust.members.map((m) => {
    if (!targets.has(m.dir) || !m.manifest.package) return m;
    const own = selection.features.flatMap((f) => {
      const slash = f.indexOf('/');
      if (slash < 0) return [f];
      const pkg = f.slice(0, slash);
      // `pkg/feat` names a built package's own feature; anything else before the slash is a dependency.
      if (names.has(pkg)) return pkg === m.manifest.package!.name ? [f.slice(slash + 1)] : [];
      return [f];
    });
    return { ...m, manifest: withFeatures(m.manifest, own, Boolean(selection.noDefaultFeatures), Boolean(selection.allFeatures)) };
  });
  const roots = members.filter((m) => chosen.some((c) => c.dir === m.dir));
  return { members, roots };
}

/**
 * The system needs of the crates one cargo command compiles, shared by doctor and scan: cargo's resolved graph when
 * it answered for this target and these features, else a walk of Cargo.lock from the built packages' declarations
 * (or, without a lock, the declared crates and the git checkouts in CARGO_HOME); each crate's needs from the
 * knowledge base less the exemptions the build meets, and the pkg-config probes of the workspace's own build scripts.
 */
export function rustBuildNeeds(input: RustBuild, set: NeedSink, exempted: Exempted[], unverified: Exempted[], notes: string[]): { heavy: string | null } {
  const { rust, target, selection, env } = input;
  const added = new Set<ComponentId>();
  const sink = set;
  set = { add: (component, ...rest) => (added.add(component), sink.add(component, ...rest)), has: (c) => added.has(c) || sink.has(c) };
  const { members, roots: built } = selectedMembers(rust, selection);
  if (selection.features.length) notes.push(`The crate is built with the features ${selection.featuresFrom ?? 'the command'} turns on: ${selection.features.join(', ')}.`);
  const manifests = (built.length ? built : members).map((m) => m.manifest);
  // Without a lock only declared crates are known: the members' own, and those of the git dependencies cargo has
  // checked out (read from CARGO_HOME, each labelled with the git crate it comes through).
  const declared = new Map<LockedCrate, string | null>();
  // The features the implied crates are built with (openssl-sys's `vendored` through reqwest's native-tls-vendored).
  const impliedFeatures = new Map<string, Set<string>>();
  if (!rust.lock) {
    const imply = (name: string, version: string, asked: ReadonlySet<string>, defaultsKept: boolean, hop: string, depth = 0) => {
      for (const implied of IMPLIED_CRATES[name] ?? []) {
        if (depth > 8) break;
        if (version && compareVersions(version, implied.since) < 0) continue;
        if (version && implied.before && compareVersions(version, implied.before) >= 0) continue;
        const when = implied.features || implied.byDefault;
        if (when && !(implied.features?.some((f) => asked.has(f)) || (implied.byDefault && defaultsKept))) continue;
        if (implied.target && targetApplies(implied.target, target) !== true) continue;
        if (![...declared.keys()].some((c) => c.name === implied.crate)) declared.set({ name: implied.crate, version: implied.version, source: 'manifest', dependencies: [] }, hop);
        const features = impliedFeatures.get(implied.crate) ?? new Set<string>();
        for (const f of implied.sets ?? []) features.add(f);
        impliedFeatures.set(implied.crate, features);
        imply(implied.crate, implied.version, features, true, hop, depth + 1);
      }
    };
    const declare = (m: CargoManifest, hop: string | null) => {
      const asked = defaultRequestedFeatures([m], target);
      for (const d of m.dependencies.filter((x) => builtByDefault(m, x, target, defaultFeatureRefs(m)))) {
        const version = (d.req ?? '').replace(/^[\s^~=<>]+/, '');
        declared.set({ name: d.name, version, source: 'manifest', dependencies: [] }, hop);
        // Only a requirement within one semver-compatible series (`0.11`, `^1.4`, `~0.10.2`, `=0.12.5`) settles what
        // every version it admits brings; `>=0.11`, `*` or a range may resolve to a series where the fact is not so.
        if (version && /^\s*[\^~=]?\s*\d+(?:\.\d+){0,2}\s*$/.test(d.req ?? '')) imply(d.name, version, asked.get(d.name) ?? new Set(), d.defaultFeatures, hop ?? d.name);
      }
    };
    for (const m of built) declare(m.manifest, null);
    const gitUsed = new Set(built.flatMap((m) => m.manifest.dependencies.filter((d) => d.git && builtByDefault(m.manifest, d, target, defaultFeatureRefs(m.manifest))).map((d) => d.name)));
    for (const g of rust.gitDependencies ?? []) {
      if (!gitUsed.has(g.name)) continue;
      if (g.checkout) declare(g.checkout.manifest, g.name);
      else notes.push(`${g.name} is a git dependency (${g.url}) whose checkout could not be read: ${g.why}. What its build needs is not known.`);
    }
  }
  const packages: LockedCrate[] = rust.lock ? rust.lock.packages : [...declared.keys()];
  // Without a lock the members are no lock entries, but an exemption that asks what a member depends on itself
  // (protox or a vendored protoc in its build-dependencies) reads their manifests the same way.
  const exemptionCrates: LockedCrate[] = rust.lock
    ? packages
    : [...packages, ...built.filter((m) => m.manifest.package).map((m) => ({ name: m.manifest.package!.name, version: m.manifest.package!.version ?? '', source: null, dependencies: m.manifest.dependencies.map((d) => d.name) }))];
  // What a default `cargo build` compiles: cargo's resolved graph when it could answer offline; else from the lock and
  // the manifests (no dev-dependencies, optional ones left off, other targets' tables).
  // A graph cargo resolved for another target or other features would leave crates out (or in): the lock decides then.
  const wanted = selectionFeatureArgs(selection).join(' ');
  const graph = input.cargo && 'graph' in input.cargo && input.cargo.graph.target === target && (input.cargo.graph.featureArgs ?? []).join(' ') === wanted ? input.cargo.graph : null;
  const envSet = (name: string) => env[name] !== undefined && env[name] !== '';
  const fromGraph = graph && rust.lock ? builtFromGraph(graph, packages, manifests.map((m) => m.package?.name ?? '').filter(Boolean), target, envSet) : null;
  if (fromGraph) notes.push(`Needs follow the build graph cargo resolved (cargo metadata --offline, for ${graph!.target}${toolchainCaveat(graph!)}).`);
  else if (input.cargo && 'unresolved' in input.cargo && rust.lock) notes.push(`${input.cargo.unresolved}; needs are read from Cargo.lock and the manifests instead.`);
  const fromLock = !fromGraph && rust.lock ? builtCrates(packages, manifests, target, members.map((m) => m.manifest), rust.absentPathCrates ?? [], envSet) : null;
  const via = fromGraph ? fromGraph.via : fromLock ? fromLock.via : declared;
  const doubtful: { via: string; held: Exempted }[] = [];
  const lockNames = new Set(packages.map((p) => p.name));
  const requested: Map<string, ReadonlySet<string>> = fromGraph ? fromGraph.features : defaultRequestedFeatures(manifests, target);
  for (const [name, features] of impliedFeatures) if (!fromGraph) requested.set(name, new Set([...(requested.get(name) ?? []), ...features]));
  const builtDep = (dep: string) => {
    const [name, version] = dep.split(' ');
    return [...via.keys()].some((c) => c.name === name && (!version || c.version === version));
  };
  // What the workspace's own build scripts do in this build: the user's environment and each crate's features decide.
  const scriptContext = (name: string): BuildScriptContext => ({
    envSet: (v) => env[v] !== undefined,
    featureOn: (f) => {
      const features = fromGraph ? fromGraph.features.get(name) : fromLock?.localFeatures.get(name);
      return features ? features.has(f) : undefined;
    },
  });
  // Whether the build keeps a crate's default features: cargo's resolved features say; else any built declaration
  // keeping them does, and a crate only registry crates depend on is taken to keep them.
  const defaultsKept = (name: string): boolean => {
    if (fromGraph) return fromGraph.features.get(name)?.has('default') ?? true;
    const kept = members.flatMap(({ manifest: m }) => m.dependencies.filter((d) => d.name === name && builtByDefault(m, d, target, defaultFeatureRefs(m))).map((d) => d.defaultFeatures));
    return kept.length === 0 || kept.some(Boolean);
  };
  const builtMembers = members.filter((m) => m.manifest.package && (rust.lock ? [...via.keys()].some((c) => c.source === null && c.name === m.manifest.package!.name) : built.includes(m)));
  const heldByScripts = new Map<LockedCrate, string | null>();
  let heavy: string | null = null;
  for (const crate of packages) {
    // A workspace crate is the project's own code, unless it is a known crate itself (rdkafka-sys in its own
    // repository): then its build script does what the published crate's does.
    if (crate.source === null && !Object.hasOwn(CRATE_NEEDS, crate.name)) continue;
    if (rust.lock && !via.has(crate)) continue; // not reachable from the workspace: a stale lock entry
    const hop = via.get(crate) ?? null;
    const label = `${[crate.name, crate.version].filter(Boolean).join(' ')}${hop ? ` via ${hop}` : ''}`;
    if (!heavy && HEAVY_CRATES.includes(crate.name)) heavy = label;
    // own keys only: a crate named `constructor` or `__proto__` is not a table entry
    const needs = Object.hasOwn(CRATE_NEEDS, crate.name) ? CRATE_NEEDS[crate.name] : undefined;
    if (!needs) continue;
    // A workspace crate is built with the features its dependents and the roots turn on, closed over its [features].
    const own = crate.source === null ? (fromGraph ? fromGraph.features.get(crate.name) : fromLock?.localFeatures.get(crate.name)) : undefined;
    const features = own ?? requested.get(crate.name) ?? new Set<string>();
    const doubtVia = (fromGraph ?? fromLock)?.unverified.get(crate);
    for (const n of needs) {
      if (n.since && crate.version && compareVersions(crate.version, n.since) < 0) continue;
      if (n.unless && exemptionApplies(n.unless, crate, exemptionCrates, rust.lock ? builtDep : () => true, features, (e) => env[e] !== undefined && env[e] !== '', defaultsKept(crate.name), (name) => requested.get(name))) {
        exempted.push({ component: n.component, crate: label, why: n.unless.why });
        continue;
      }
      if (CALLED_TOOLS[crate.name]) {
        if (!heldByScripts.has(crate)) heldByScripts.set(crate, calledOnlyWhenOff(crate, CALLED_TOOLS[crate.name], [...via.keys()], members, scriptContext, fromGraph?.features.get(crate.name)));
        const why = heldByScripts.get(crate);
        if (why) {
          exempted.push({ component: n.component, crate: label, why });
          continue;
        }
      }
      if (doubtVia) {
        // Reached only through a step the checkout cannot settle (an absent path dependency, a guessed feature edge).
        doubtful.push({ via: doubtVia, held: { component: n.component, crate: `${label} (${n.why})`, why: `needed only through ${doubtVia}` } });
        continue;
      }
      set.add(n.component, `${label} (${n.why})`, { required: n.required ?? true }, { crate, hop });
    }
    // An unverified pyo3 sets no Python bounds either (its python need is held back above).
    if (!doubtVia && (crate.name === 'pyo3-build-config' || (crate.name === 'pyo3' && !lockNames.has('pyo3-build-config')))) {
      const range = pyo3Range(crate.version);
      set.add('python', `${crate.name} ${crate.version}${hop ? ` via ${hop}` : ''} (supports CPython ${range.min}–${range.max})`, {
        constraint: { kind: 'min', version: range.min, from: `pyo3 ${crate.version}` },
      });
      const abi3 = (rust.requestedFeatures.pyo3 ?? []).some((f) => f.startsWith('abi3')) || (input.maturin && selection.features.some((f) => f.startsWith('pyo3/abi3')));
      const forward = env.PYO3_USE_ABI3_FORWARD_COMPATIBILITY === '1';
      // abi3 builds run on newer interpreters; otherwise pyo3's build script rejects versions it does not know.
      if (!abi3 && !forward) set.add('python', '', { constraint: { kind: 'max', version: range.max, from: `pyo3 ${crate.version}` } });
      // pyo3 declares the C API in Rust, so an extension module needs no headers; without `extension-module`
      // (embedding Python, or `cargo test` of the crate) it links libpython, which ships with the development files.
      // maturin turns on no feature by itself: only pyo3 0.26 on reads the PYO3_BUILD_EXTENSION_MODULE it sets.
      const asked = [...(rust.requestedFeatures.pyo3 ?? []), ...(requested.get('pyo3') ?? []), ...selection.features.filter((f) => f.startsWith('pyo3/')).map((f) => f.slice(5))];
      const extensionModule = asked.includes('extension-module') || (input.maturin && compareVersions(crate.version, '0.26.0') >= 0);
      // pyo3-build-config alone (a build script reading the interpreter's configuration) links nothing: only pyo3's
      // FFI crate does.
      const linked = [...via.keys()].some((c) => c.name === 'pyo3' || c.name === 'pyo3-ffi');
      if (!extensionModule && linked) set.add('python-headers', `${crate.name} ${crate.version}${hop ? ` via ${hop}` : ''} (links libpython: no extension-module feature)`);
    }
  }
  // A pkg-config probe with no fallback in a built crate's own build script: pkg-config, and the library when known.
  for (const m of builtMembers) {
    const text = m.buildScript?.text;
    const name = m.manifest.package!.name;
    if (!text || !m.manifest.dependencies.some((d) => d.name === 'pkg-config' && d.kind === 'build')) continue;
    for (const library of pkgConfigProbesOf(text, scriptContext(name))) {
      const origin = { buildScript: m.buildScript!.file };
      set.add('pkg-config', `${name}'s build script (probes ${library || 'a library'} with pkg-config, with no fallback)`, {}, origin);
      const component = (Object.keys(COMPONENTS) as ComponentId[]).find((c) => library && COMPONENTS[c].pkgConfig === library);
      if (component) set.add(component, `${name}'s build script (links ${library}, found with pkg-config)`, {}, origin);
    }
  }
  // A built crate's own build script compiling C++ through cc: the C++ compiler (g++ ships what gcc hands C++ sources to).
  for (const m of builtMembers) {
    const text = m.buildScript?.text;
    const name = m.manifest.package!.name;
    if (!text || !m.manifest.dependencies.some((d) => d.name === 'cc' && d.kind === 'build')) continue;
    const how = cppBuildOf(text, scriptContext(name));
    if (how) set.add('cxx-compiler', `${name}'s build script (cc: ${how})`, {}, { buildScript: m.buildScript!.file });
  }
  // A component something verified needs anyway is a need, not held back.
  const held = doubtful.filter((b) => !set.has(b.held.component));
  unverified.push(...held.map((b) => b.held));
  if (held.length) {
    const components = [...new Set(held.map((b) => b.held.component))].join(', ');
    const through = [...new Set(held.map((b) => b.via))].join('; ');
    // cargo metadata settles what the manifests decide, never what a build script finds on the machine.
    const found = held.every((b) => edgeGuardFound(b.via));
    notes.push(`Held back as unverified: ${components}, needed only through ${through}; what those build cannot be told from the checkout${found ? '' : ' (cargo metadata can, with the crates in CARGO_HOME and any submodule checked out)'}.`);
  }
  return { heavy };
}

/**
 * Why a tool crate's need does not arise in this build, or null when it may: every built crate that reaches it does so
 * through its callers (bindgen for clang-sys) from the workspace's own crates, as build-dependencies, and each of
 * those crates' build scripts calls them only behind a guard the build leaves off (an unset variable, a feature off).
 * A registry crate on the way, a script not wholly read, or a caller without the feature that defers the need keeps it.
 */
function calledOnlyWhenOff(
  crate: LockedCrate,
  tool: (typeof CALLED_TOOLS)[string],
  builtList: readonly LockedCrate[],
  members: RustProject['members'],
  scriptContext: (name: string) => BuildScriptContext,
  resolvedFeatures: ReadonlySet<string> | undefined,
): string | null {
  const callers = new Map(tool.callers.map((c) => [c.crate, c.path]));
  const dependsOn = (d: LockedCrate, c: LockedCrate) => d.dependencies.some((x) => {
    const [name, version] = x.split(' ');
    return name === c.name && (!version || version === c.version);
  });
  // The workspace crates that call the tool, each with the callers it depends on directly.
  const frontier = new Map<string, Set<string>>();
  const seen = new Set<LockedCrate>([crate]);
  const queue = [crate];
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i];
    for (const d of builtList) {
      if (!dependsOn(d, cur)) continue;
      if (!callers.has(d.source === null ? cur.name : d.name)) return null;
      if (d.source === null) frontier.set(d.name, new Set([...(frontier.get(d.name) ?? []), cur.name]));
      else if (!seen.has(d)) (seen.add(d), queue.push(d));
    }
  }
  if (!frontier.size) return null;
  if (tool.callerFeature && resolvedFeatures && !resolvedFeatures.has(tool.callerFeature)) return null;
  const reasons: string[] = [];
  for (const [name, used] of frontier) {
    const member = members.find((m) => m.manifest.package?.name === name);
    const text = member?.buildScript?.text;
    if (!member || !text) return null;
    for (const caller of used) {
      const decls = member.manifest.dependencies.filter((d) => d.name === caller && d.kind !== 'dev');
      if (!decls.length || decls.some((d) => d.kind !== 'build')) return null;
      // Without the feature (default-features = false and not asked), the need is a build-time link, not a call.
      if (tool.callerFeature && !resolvedFeatures && decls.some((d) => !d.defaultFeatures && !d.features.includes(tool.callerFeature!))) return null;
      const calls = toolCallsOf(text, callers.get(caller)!, scriptContext(name));
      if (calls.byDefault === 'yes') return null;
      reasons.push(
        calls.offBecause.length
          ? `${name}'s build script calls ${caller} only off the default build: ${calls.offBecause.join('; ')}`
          : `${name}'s build script never calls ${caller}`,
      );
    }
  }
  return reasons.join('; ');
}

const COMPONENT_FLOOR = {
  disk: (heavy: string | null) => (heavy ? RESOURCE_FLOORS.disk.heavy : RESOURCE_FLOORS.disk.base),
  memory: (heavy: string | null) => (heavy ? RESOURCE_FLOORS.memory.heavy : RESOURCE_FLOORS.memory.base),
};

function derivePython(project: Project, set: NeedSet): void {
  const py = project.python!;
  const backendLabel = { maturin: 'maturin build backend', 'setuptools-rust': 'setuptools-rust build', 'setuptools-c': 'C extensions in setup.py', setuptools: 'setuptools build', other: 'the build backend', none: 'the project' }[py.backend];
  set.add('python', backendLabel);
  if (py.pyproject?.requiresPython) set.add('python', '', { constraint: { kind: 'pep440', version: py.pyproject.requiresPython, from: 'requires-python in pyproject.toml' } });
  if (py.pinnedPython) set.add('python', '', { constraint: { kind: 'pin', version: py.pinnedPython.version, from: py.pinnedPython.from } });
  if (py.backend === 'maturin') {
    set.add('maturin', 'build-backend maturin (pip fetches it by itself; `maturin develop` needs it installed)', { required: false });
  }
  if (py.backend === 'maturin' || py.backend === 'setuptools-rust') {
    set.add('rustc', backendLabel);
    set.add('cargo', backendLabel);
    set.add('c-compiler', 'rustc links through it (the `cc` linker)');
  }
  if (py.backend === 'setuptools-c') {
    set.add('c-compiler', backendLabel);
    set.add('python-headers', backendLabel);
    if (py.cppExtensions) set.add('cxx-compiler', 'C++ sources in setup.py extensions');
  }
  const reqs = [...py.requirements.flatMap((f) => f.requirements.map((r) => ({ name: r.normalized, from: `${r.name} in ${f.file}` }))), ...(py.pyproject?.dependencies ?? []).map((d) => {
    const name = (/^[A-Za-z0-9._-]+/.exec(d)?.[0] ?? d).toLowerCase().replace(/[-_.]+/g, '-');
    return { name, from: `${name} in pyproject.toml` };
  })];
  for (const r of reqs) {
    const p = PYTHON_PACKAGE_NEEDS[r.name];
    if (!p) continue;
    set.add('python', r.from);
    for (const n of p.needs) set.add(n.component, `${r.from} (${n.why}; ${p.note})`);
  }
}

const CMAKE_LANGUAGE_COMPONENT: Record<string, ComponentId> = { C: 'c-compiler', CXX: 'cxx-compiler', OBJC: 'c-compiler', OBJCXX: 'cxx-compiler', FORTRAN: 'gfortran' };

function deriveCmake(project: Project, ctx: PlanContext, set: NeedSet, unverified: Exempted[], notes: string[]): void {
  const cmake = project.cmake!;
  const from = 'CMakeLists.txt';
  set.add('cmake', `${from} (configure)`, cmake.minimumVersion ? { constraint: { kind: 'min', version: cmake.minimumVersion, from: `cmake_minimum_required in ${from}` } } : {});
  for (const language of cmake.languages) {
    const component = CMAKE_LANGUAGE_COMPONENT[language];
    if (component) set.add(component, `${from} enables ${language}`);
  }
  // CMake's default generator on Linux and macOS is Unix Makefiles; CMAKE_GENERATOR picks another (Ninja needs no make).
  const generator = ctx.env.CMAKE_GENERATOR ?? '';
  if (ctx.platform !== 'win32' && (generator === '' || /Makefiles/.test(generator))) set.add('make', `${from}: CMake's ${generator || 'default'} generator (Unix Makefiles) builds with make`);
  if (cmake.needsPkgConfig) set.add('pkg-config', `${from}: find_package(PkgConfig REQUIRED) or pkg_check_modules(... REQUIRED)`);
  // A library the configure stops without, through the one table of facts (find_package and pkg-config names). Only a
  // find of the system's copy counts: not one the project fetches and builds, or points at with <NAME>_ROOT_DIR and the like.
  for (const p of cmake.requiredPackages) {
    const component = p.kind === 'find_package' ? factForCmakePackage(p.name).component : (Object.keys(COMPONENTS) as ComponentId[]).find((c) => COMPONENTS[c].pkgConfig === p.name);
    if (!component || !COMPONENTS[component].pkgConfig) continue;
    const names = [p.name, COMPONENTS[component].pkgConfig!].map((n) => n.toLowerCase());
    const fetched = cmake.fetches.some((f) => names.some((n) => `${f.via} ${f.sources.join(' ')}`.toLowerCase().includes(n)));
    const pointed = cmake.setVariables.some((v) => names.some((n) => v.toUpperCase().startsWith(`${n.toUpperCase()}_`)));
    if (fetched || pointed) continue;
    const why = `${from}: ${p.via}`;
    if (p.conditional) unverified.push({ component, crate: why, why: 'it sits in an if(), a loop or a function body, which the configure may skip' });
    else set.add(component, why);
  }
  for (const m of cmake.pythonModules) {
    const why = `${m.via} in ${from} (builds a Python extension module against the Python headers)`;
    if (m.conditional) unverified.push({ component: 'python-headers', crate: why, why: 'it sits in an if(), a loop or a function body, which the configure may skip' });
    else set.add('python-headers', why);
  }
  // A source the configure fetches and builds brings its own build's needs.
  for (const fetch of cmake.fetches) {
    const known = FETCHED_SOURCE_NEEDS.find((k) => fetch.sources.some((src) => k.source.test(src)));
    // FIND_PACKAGE_ARGS: the system's copy is used when find_package() finds it; the source is only the fallback.
    if (!known || fetch.findsFirst) continue;
    const label = `${fetch.via} in ${fetch.file} (builds ${known.name} from source`;
    for (const n of known.needs) {
      if (fetch.conditional) unverified.push({ component: n.component, crate: `${label}: ${n.why})`, why: 'it sits in an if(), a loop or a function body, which the configure may skip' });
      else set.add(n.component, `${label}: ${n.why})`);
    }
  }
  const held = cmake.fetches.filter((f) => f.conditional && !f.findsFirst && FETCHED_SOURCE_NEEDS.some((k) => f.sources.some((src) => k.source.test(src))));
  if (held.length) notes.push(`Held back as unverified: what ${held.map((f) => `${f.via} in ${f.file}`).join(', ')} builds, since it sits in an if(), a loop or a function body the configure may skip.`);
}

/** The needs of the project; with no project, the general native-build toolchain. */
export function deriveNeeds(project: Project, ctx: PlanContext): NeedsPlan {
  const set = new NeedSet();
  const exempted: Exempted[] = [];
  const unverified: Exempted[] = [];
  const notes: string[] = [];
  if (!project.rust && !project.cmake && (!project.python || (project.python.backend === 'none' && project.python.requirements.length === 0 && !project.python.pinnedPython))) {
    const general = 'the general native-build toolchain';
    for (const c of ['c-compiler', 'cxx-compiler', 'make', 'pkg-config'] as const) set.add(c, general);
    for (const c of ['python', 'python-headers', 'rustc', 'cargo', 'cmake'] as const) set.add(c, general, { required: false });
    return { mode: 'general', needs: set.list(), exempted, unverified, notes: ['No Cargo.toml, pyproject.toml, setup.py, requirements file, .python-version or CMakeLists.txt here: checked the general native-build toolchain instead.'] };
  }
  if (project.rust) deriveRust(project, ctx, set, exempted, unverified, notes);
  if (project.python) derivePython(project, set);
  if (project.cmake) deriveCmake(project, ctx, set, unverified, notes);
  const needs = set.list().filter((n) => COMPONENTS[n.component]);
  return { mode: 'project', needs, exempted, unverified, notes };
}
