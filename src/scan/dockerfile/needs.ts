// Which system components the crates a Dockerfile's cargo or maturin command builds need: the workspace of the
// manifest the command finds in the image, the packages, features and target its flags select, resolved by the same
// function doctor uses (rustBuildNeeds); pure.

import { inheritFromWorkspace, parseCargoLock, requestedFeaturesOf } from '../../project/cargo.js';
import type { ComponentId } from '../../kb/crate-needs.js';
import { rustBuildNeeds, selectionFeatureArgs, type BuildSelection, type Exempted, type NeedOrigin, type NeedSink, type RustBuild } from '../../doctor/needs.js';
import { cargoPackages, type CargoPackage } from '../../project/cargo/packages.js';
import type { RustProject } from '../../project/model.js';
import { isWorkspaceMember } from '../../project/workspace.js';
import { isVendored } from '../../project/paths.js';
import { parsePyproject } from '../../project/python.js';
import type { CargoRun } from '../../project/dockerfile/cargo-commands.js';
import type { DockerfileModel, RunStep, Stage } from '../../project/dockerfile/parse.js';
import { featureVariantKey, type FileLocation, type ProjectFiles } from '../../project/files.js';
import type { CargoResolution } from '../../project/cargo-metadata.js';
import { dirOf, joinRel, locate, normaliseRel } from '../../project/text-location.js';
import { presentAt } from './present.js';

export interface ComponentNeed {
  component: ComponentId;
  /** "librocksdb-sys 0.16.0 via rocksdb (compiles C++ in its build script)". */
  why: string;
  at: FileLocation;
  /** Set when the need comes only through a step the checkout cannot settle (held back unless asked for). */
  unverified?: string;
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

/** What one command of a Dockerfile builds: the lock it resolves with, the workspace, the selection. */
export interface DockerBuild {
  /** null: the workspace has no Cargo.lock at all, so cargo resolves afresh and only the declared crates are known. */
  lockFile: string | null;
  /** The directory of the workspace the command builds (the lock's). */
  workspaceDir: string;
  /** The manifest the command builds, when it is a context file (the key of a graph cargo resolved with its features). */
  manifest: string | null;
  selection: BuildSelection;
  maturin: boolean;
  /** The target triple, from `--target`, else the project's when it is a Linux one (an image builds for Linux). */
  target: string;
  /**
   * Build scripts of the workspace's packages that no COPY has put into the image by the RUN (a dependency-only build
   * after `cargo new` and a COPY of the manifests): cargo finds no build script there, so none runs.
   */
  buildScriptsAbsent: ReadonlySet<string>;
}

function isUnder(dir: string, root: string): boolean {
  return root === '' || dir === root || dir.startsWith(`${root}/`);
}

/**
 * The packages sharing the lock at `lockDir`, none vendored: its workspace's members, and the path crates below it the
 * lock lists as local (cargo makes a path dependency inside the workspace a member by itself).
 */
function lockPackages(project: ProjectFiles, lockDir: string, lockText: string | undefined = project.files.get(joinRel(lockDir, 'Cargo.lock'))): CargoPackage[] {
  let local: Set<string> | null = null;
  const isLocal = (name: string) => {
    if (!local) {
      local = new Set<string>();
      try {
        if (lockText !== undefined) for (const c of parseCargoLock(lockText, joinRel(lockDir, 'Cargo.lock')).packages) if (c.source === null) local.add(c.name);
      } catch {
        // An unparseable lock names no local crates.
      }
    }
    return local.has(name);
  };
  return cargoPackages(project).filter((p) => !isVendored(p.file) && ((p.workspaceRoot?.dir ?? p.dir) === lockDir || (!p.workspaceRoot && p.dir !== lockDir && isUnder(p.dir, lockDir) && p.manifest.package !== null && isLocal(p.manifest.package.name))));
}

/** The manifest (a project path) an image path holds when `step` runs, when it is a context file the scan has read. */
function manifestAt(project: ProjectFiles, model: DockerfileModel, stage: Stage, step: RunStep, abs: string): string | null {
  const { landing } = presentAt(model, step, stage.index, abs, project);
  return landing?.kind === 'context' && project.files.has(landing.path) ? landing.path : null;
}

/**
 * What `run` (a compiling command of `step`) builds, read from the files the build context puts in the image: the
 * manifest at its `--manifest-path` or working directory (maturin: pyproject.toml's `[tool.maturin] manifest-path`),
 * its workspace's lock, and its `-p`, `--bin`, `--workspace`, `--features`, `--no-default-features`, `--target`. A
 * command whose manifest is not a context file (`cargo chef cook`'s skeleton) builds from the context's lock.
 */
export function dockerBuild(project: ProjectFiles, model: DockerfileModel, stage: Stage, step: RunStep, run: CargoRun, context: string): DockerBuild | null {
  const sel = run.selection;
  const maturin = run.action === 'maturin';
  const cwd = run.cwd.replace(/\/$/, '');
  let features = [...sel.features];
  let manifest: string | null = null;
  if (maturin && !sel.manifestPath) {
    const pyproject = manifestAt(project, model, stage, step, `${cwd}/pyproject.toml`);
    let info = null;
    try {
      info = pyproject ? parsePyproject(project.files.get(pyproject) as string, pyproject) : null;
    } catch {
      // An unreadable pyproject.toml is maturin's error; the crate beside it is still what it would build.
    }
    if (pyproject && info) {
      features = [...info.maturinFeatures, ...features];
      const rel = info.maturinManifestPath ? joinRel(dirOf(pyproject), info.maturinManifestPath).replace(/(^|\/)\.\//g, '$1') : joinRel(dirOf(pyproject), 'Cargo.toml');
      manifest = project.files.has(rel) ? rel : null;
    }
  }
  manifest ??= manifestAt(project, model, stage, step, sel.manifestPath ?? `${cwd}/Cargo.toml`);
  const pkg = manifest ? cargoPackages(project).find((p) => p.file === manifest) : undefined;
  const rootDir = pkg ? (pkg.workspaceRoot?.dir ?? pkg.dir) : null;
  const lockFile = rootDir !== null ? (project.files.has(joinRel(rootDir, 'Cargo.lock')) && isUnder(rootDir, context) ? joinRel(rootDir, 'Cargo.lock') : null) : lockForDockerfile(project, model.file, context);
  // A workspace in the context with no Cargo.lock anywhere in the repository: cargo resolves it afresh in the image,
  // and what every version its requirements admit brings is still known (doctor's lock-less reading).
  const noLock = !lockFile && rootDir !== null && isUnder(rootDir, context) && !project.files.has(joinRel(rootDir, 'Cargo.lock')) && !(project.paths?.has(joinRel(rootDir, 'Cargo.lock')) ?? false);
  if (!lockFile && !noLock) return null;
  const workspaceDir = lockFile ? dirOf(lockFile) : (rootDir as string);
  const packages = lockPackages(project, workspaceDir);
  const named = (names: readonly string[]) => packages.filter((p) => p.manifest.package && names.includes(p.manifest.package.name)).map((p) => p.dir);
  let roots: string[] | null = null;
  if (sel.workspace) roots = packages.filter((p) => p.manifest.package && (p.workspaceRoot || p.dir === workspaceDir)).map((p) => p.dir);
  else if (sel.packages.length) roots = named(sel.packages);
  else if (sel.bins.length && named(sel.bins).length) roots = named(sel.bins);
  // cargo builds the package whose directory it runs in; at the workspace root, the default members.
  else if (pkg?.manifest.package && pkg.dir !== rootDir) roots = [pkg.dir];
  else if (maturin && pkg?.manifest.package) roots = [pkg.dir];
  if (roots && !roots.length) roots = null;
  const selection: BuildSelection = {
    roots,
    features,
    featuresOf: maturin && pkg ? pkg.dir : null,
    featuresFrom: maturin ? "the maturin command and pyproject.toml's [tool.maturin]" : 'the cargo command',
    noDefaultFeatures: sel.noDefaultFeatures,
    allFeatures: sel.allFeatures,
  };
  const target = sel.target ?? (project.target && /-linux-/.test(project.target) ? project.target : 'x86_64-unknown-linux-gnu');
  // Where the command's manifest is a context file, the packages below its directory sit at the same place below the
  // command's directory in the image; their build scripts are there only if a COPY put them there.
  const buildScriptsAbsent = new Set<string>();
  if (manifest && !maturin) {
    const manifestDir = dirOf(manifest);
    const paths = project.paths ?? new Set(project.files.keys());
    for (const p of packages) {
      const build = p.manifest.package?.build;
      if (build === false || !isUnder(p.dir, manifestDir)) continue;
      const file = joinRel(p.dir, typeof build === 'string' ? build.replace(/^\.\//, '') : 'build.rs');
      if (!paths.has(file)) continue;
      const rel = manifestDir === '' ? file : file.slice(manifestDir.length + 1);
      if (presentAt(model, step, stage.index, `${cwd}/${rel}`, project).landing === null) buildScriptsAbsent.add(file);
    }
  }
  return { lockFile, workspaceDir, manifest, selection, maturin, target, buildScriptsAbsent };
}

/** The workspace at `lockDir` as doctor reads it (members, default members, build scripts), from the read files. */
function workspaceOf(project: ProjectFiles, lockDir: string, lockText: string | null, buildScriptsAbsent: ReadonlySet<string> = new Set()): RustBuild['rust'] | null {
  let lock = null;
  try {
    if (lockText !== null) lock = parseCargoLock(lockText, joinRel(lockDir, 'Cargo.lock'));
  } catch {
    // An unparseable lock file is the Cargo scanners' finding; here it only means no needs are known.
    return null;
  }
  const packages = lockPackages(project, lockDir, lockText ?? undefined);
  const root = packages.find((p) => p.dir === lockDir);
  const ws = root?.manifest.workspace ?? null;
  const paths = project.paths ?? new Set(project.files.keys());
  const members: RustProject['members'] = packages.filter((p) => p.manifest.package).map((p) => {
    const build = p.manifest.package!.build;
    const file = build === false ? null : joinRel(p.dir, typeof build === 'string' ? build.replace(/^\.\//, '') : 'build.rs');
    const text = file ? project.files.get(file) : undefined;
    // A build script the image lacks at this RUN runs nothing: read as one that calls no tool and compiles no C.
    if (file && buildScriptsAbsent.has(file)) return { dir: p.dir, manifest: inheritFromWorkspace(p.manifest, ws), buildScript: { file, text: '' } };
    return { dir: p.dir, manifest: inheritFromWorkspace(p.manifest, ws), buildScript: file && (text !== undefined || paths.has(file)) ? { file, text: text ?? null } : null };
  });
  const rel = (dir: string) => (lockDir === '' ? dir : dir.slice(lockDir.length + 1));
  const defaultMembers = ws?.defaultMembers?.length
    ? members.filter((m) => (m.dir === lockDir ? ws.defaultMembers!.some((d) => d === '.' || d === '') : isWorkspaceMember(rel(m.dir), ws.defaultMembers!, []))).map((m) => m.dir)
    : ws && root?.manifest.package
      ? [lockDir]
      : null;
  // Path dependencies inside the workspace whose Cargo.toml the checkout lacks (a submodule not checked out): what
  // they build is unknown. One outside the workspace (`path = "../noir"`) is not a member: the lock recorded its edges
  // with the features its dependents ask for, so it is walked through them, as doctor does.
  const absent = (dir: string, path: string) => {
    const depDir = normaliseRel(joinRel(dir, path));
    return depDir !== null && isUnder(depDir, lockDir) && !paths.has(joinRel(depDir, 'Cargo.toml'));
  };
  const absentPathCrates = [...new Set(members.flatMap((m) => m.manifest.dependencies.filter((d) => d.path !== null && absent(m.dir, d.path)).map((d) => d.name)))];
  return { members, defaultMembers, lock, gitDependencies: [], absentPathCrates, requestedFeatures: requestedFeaturesOf(members.map((m) => m.manifest)) };
}

/** The workspace packages a build compiles: its roots (all members when none are selected) and those they reach by path. */
function compiledMembers(members: RustProject['members'], roots: readonly string[] | null): RustProject['members'] {
  if (roots === null) return members;
  const byDir = new Map(members.map((m) => [m.dir, m]));
  const seen = new Set<string>();
  const queue = roots.filter((r) => byDir.has(r));
  while (queue.length) {
    const dir = queue.pop() as string;
    if (seen.has(dir)) continue;
    seen.add(dir);
    for (const d of byDir.get(dir)?.manifest.dependencies ?? []) {
      if (d.path === null || d.kind === 'dev') continue;
      const depDir = normaliseRel(joinRel(dir, d.path));
      if (depDir !== null && byDir.has(depDir)) queue.push(depDir);
    }
  }
  return members.filter((m) => seen.has(m.dir));
}

/** The graph cargo resolved for the build's features (the workspace's default one when it asks for none). */
function graphFor(project: ProjectFiles, build: DockerBuild, lockDir: string): CargoResolution | null {
  const args = selectionFeatureArgs(build.selection);
  if (!args.length) return project.cargo?.get(lockDir) ?? null;
  return build.manifest ? (project.cargoVariants?.get(featureVariantKey(build.manifest, args)) ?? null) : null;
}

/**
 * The needs of what `build` compiles (first reason per component; optional needs left out), as doctor derives them;
 * `env` holds the ENV values of the stage (an exemption such as OPENSSL_DIR or PROTOC may rest on one).
 */
export function buildNeeds(project: ProjectFiles, build: DockerBuild, env: ReadonlyMap<string, string>): ComponentNeed[] {
  const lockText = build.lockFile === null ? null : project.files.get(build.lockFile);
  if (lockText === undefined) return [];
  const lockDir = build.workspaceDir;
  const rust = workspaceOf(project, lockDir, lockText, build.buildScriptsAbsent);
  if (!rust) return [];
  // Without a lock a need points at the manifest declaring the crate (or the one its chain starts from), else the
  // workspace's Cargo.toml.
  const manifestFile = joinRel(lockDir, 'Cargo.toml');
  const declaring = (name: string): FileLocation => {
    for (const m of name ? rust.members : []) {
      const file = joinRel(m.dir, 'Cargo.toml');
      const text = project.files.get(file);
      const idx = text ? text.search(new RegExp(`^\\s*${name.replace(/[-.]/g, '\\$&')}\\s*=`, 'm')) : -1;
      if (text && idx >= 0) return locate(file, text, idx);
    }
    return locate(build.manifest ?? manifestFile, project.files.get(build.manifest ?? manifestFile) ?? '', 0);
  };
  const out = new Map<ComponentId, ComponentNeed>();
  const any = new Set<ComponentId>();
  const at = (origin: NeedOrigin | undefined): FileLocation => {
    if (origin?.buildScript && project.files.has(origin.buildScript)) return locate(origin.buildScript, project.files.get(origin.buildScript) as string, 0);
    if (lockText === null || build.lockFile === null) return declaring(origin?.hop ?? origin?.crate?.name ?? '');
    const idx = origin?.crate ? lockText.indexOf(`name = "${origin.crate.name}"`) : -1;
    return locate(build.lockFile, lockText, Math.max(0, idx));
  };
  // cargo compiles a package's build-dependencies only for its build script: with the script not in the image, a
  // crate reached only through them is not built at this RUN (made here with cargo 1.95: a package with
  // [build-dependencies] and no build.rs compiles none of them).
  const builtOnlyForAbsentScripts = (hop: string | null | undefined): boolean => {
    if (!hop || build.buildScriptsAbsent.size === 0) return false;
    const declaring = rust.members.filter((m) => m.manifest.dependencies.some((d) => d.name === hop));
    return declaring.length > 0 && declaring.every((m) => !!m.buildScript && build.buildScriptsAbsent.has(m.buildScript.file) && m.manifest.dependencies.filter((d) => d.name === hop).every((d) => d.kind === 'build'));
  };
  const cargo = graphFor(project, build, lockDir);
  // The lock lists every edge any feature could add, and cargo's graph of the workspace unifies the features of all
  // its members; a build of some packages (`-p`, `--bin`) unifies only theirs. A crate reached through a dependency
  // that every package this build compiles declares with `default-features = false` (and no features) comes from
  // edges such a build may leave off (bevy's audio and input crates under a server built with `--bin`): held back.
  const compiled = compiledMembers(rust.members, build.selection.roots);
  const throughDefaultsOff = (origin: NeedOrigin | undefined): string | null => {
    const hop = origin?.hop;
    if ((cargo && build.selection.roots === null) || !hop || !origin?.crate || origin.crate.name === hop) return null;
    const decls = compiled.flatMap((m) => m.manifest.dependencies.filter((d) => d.name === hop && d.kind !== 'dev'));
    return decls.length > 0 && decls.every((d) => !d.defaultFeatures && d.features.length === 0)
      ? `${origin.crate.name} comes through ${hop}, which the packages this build compiles declare with default-features = false: whether the build turns that edge on is not known here (the lock and the workspace's resolved features hold every member's)`
      : null;
  };
  const sink: NeedSink = {
    add: (component, neededBy, opts, origin) => {
      if (builtOnlyForAbsentScripts(origin?.hop)) return;
      const doubt = throughDefaultsOff(origin);
      if (doubt) {
        if (neededBy && opts?.required !== false && !out.has(component)) out.set(component, { component, why: neededBy, at: at(origin), unverified: doubt });
        return;
      }
      any.add(component);
      if (!neededBy || opts?.required === false || (out.has(component) && !out.get(component)?.unverified)) return;
      out.set(component, { component, why: neededBy, at: at(origin) });
    },
    has: (c) => any.has(c),
  };
  const exempted: Exempted[] = [];
  const unverified: Exempted[] = [];
  const notes: string[] = [];
  const input: RustBuild = { rust, target: build.target, selection: build.selection, maturin: build.maturin, env: Object.fromEntries(env), cargo };
  rustBuildNeeds(input, sink, exempted, unverified, notes);
  for (const u of unverified) {
    if (out.has(u.component)) continue;
    out.set(u.component, { component: u.component, why: u.crate, at: lockText === null || build.lockFile === null ? declaring('') : locate(build.lockFile, lockText, 0), unverified: `${u.why}; whether the build compiles it cannot be told from the checkout` });
  }
  return [...out.values()];
}
