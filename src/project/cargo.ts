// Pure parsers for Cargo.toml, Cargo.lock and .cargo/config.toml text.

import { parse as parseToml } from 'smol-toml';
import { BuildmedicError } from '../errors.js';
import type { CargoDependency, CargoLock, CargoManifest, LockedCrate } from './model.js';

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Parses TOML, turning a syntax error into a coded error that names the file. */
export function parseTomlText(text: string, file: string): Table {
  try {
    return parseToml(text) as Table;
  } catch (error) {
    // smol-toml: "Invalid TOML document: invalid value\n\n3:  version = = 1\n ..." with line and column fields.
    const first = String((error as Error).message ?? error).split('\n')[0].replace(/^Invalid TOML document: /, '');
    const { line, column } = error as { line?: number; column?: number };
    const at = typeof line === 'number' ? ` at line ${line}${typeof column === 'number' ? `, column ${column}` : ''}` : '';
    throw new BuildmedicError('project-unreadable', `${file}: not valid TOML${at} (${first})`, { cause: error });
  }
}

function dependencyTable(table: unknown, kind: CargoDependency['kind'], target: string | null): CargoDependency[] {
  if (!isTable(table)) return [];
  return Object.entries(table).map(([key, spec]) => {
    if (typeof spec === 'string') {
      return { name: key, key, req: spec, kind, target, features: [], defaultFeatures: true, optional: false, workspace: false, path: null, git: null };
    }
    const t = isTable(spec) ? spec : {};
    return {
      name: str(t.package) ?? key,
      key,
      req: str(t.version),
      kind,
      target,
      features: strList(t.features),
      // Cargo accepts the old `default_features` spelling too.
      defaultFeatures: (t['default-features'] ?? t.default_features) !== false,
      optional: t.optional === true,
      workspace: t.workspace === true,
      path: str(t.path),
      git: str(t.git),
      rev: str(t.rev),
    };
  });
}

function allDependencies(t: Table): CargoDependency[] {
  const out: CargoDependency[] = [];
  const kinds: [string, CargoDependency['kind']][] = [
    ['dependencies', 'normal'],
    ['dev-dependencies', 'dev'],
    ['dev_dependencies', 'dev'],
    ['build-dependencies', 'build'],
    ['build_dependencies', 'build'],
  ];
  for (const [k, kind] of kinds) out.push(...dependencyTable(t[k], kind, null));
  if (isTable(t.target)) {
    for (const [target, tt] of Object.entries(t.target)) {
      if (!isTable(tt)) continue;
      for (const [k, kind] of kinds) out.push(...dependencyTable(tt[k], kind, target));
    }
  }
  return out;
}

/** `edition = "2021"` or `edition.workspace = true`. */
function inheritable(v: unknown): { value: string | null; inherits: boolean } {
  if (isTable(v)) return { value: null, inherits: v.workspace === true };
  return { value: typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null, inherits: false };
}

export function parseCargoManifest(text: string, file = 'Cargo.toml'): CargoManifest {
  const t = parseTomlText(text, file);
  const pkg = isTable(t.package) ? t.package : isTable(t.project) ? t.project : null;
  let pkgOut: CargoManifest['package'] = null;
  if (pkg) {
    const edition = inheritable(pkg.edition);
    const rustVersion = inheritable(pkg['rust-version']);
    pkgOut = {
      name: str(pkg.name) ?? '',
      version: str(pkg.version),
      edition: edition.value,
      rustVersion: rustVersion.value,
      inherits: { edition: edition.inherits, rustVersion: rustVersion.inherits },
      links: str(pkg.links),
      build: typeof pkg.build === 'string' || typeof pkg.build === 'boolean' ? pkg.build : null,
    };
  }
  let ws: CargoManifest['workspace'] = null;
  if (isTable(t.workspace)) {
    const wp = isTable(t.workspace.package) ? t.workspace.package : {};
    ws = {
      members: strList(t.workspace.members),
      exclude: strList(t.workspace.exclude),
      defaultMembers: Array.isArray(t.workspace['default-members']) ? strList(t.workspace['default-members']) : null,
      package: { edition: inheritable(wp.edition).value, rustVersion: inheritable(wp['rust-version']).value },
      dependencies: dependencyTable(t.workspace.dependencies, 'normal', null),
    };
  }
  const features: Record<string, string[]> = {};
  if (isTable(t.features)) for (const [k, v] of Object.entries(t.features)) features[k] = strList(v);
  return { package: pkgOut, workspace: ws, dependencies: allDependencies(t), features };
}

export function parseCargoLock(text: string, file = 'Cargo.lock'): CargoLock {
  const t = parseTomlText(text, file);
  const version = typeof t.version === 'number' ? t.version : 1;
  const packages: LockedCrate[] = [];
  for (const p of Array.isArray(t.package) ? t.package : []) {
    if (!isTable(p) || typeof p.name !== 'string') continue;
    packages.push({ name: p.name, version: str(p.version) ?? '', source: str(p.source), dependencies: strList(p.dependencies) });
  }
  return { version, packages };
}

/** `[target.<triple or cfg(...)>] linker` entries of a `.cargo/config.toml`. */
export function parseCargoConfigLinkers(text: string, file = '.cargo/config.toml'): { target: string; linker: string }[] {
  const t = parseTomlText(text, file);
  if (!isTable(t.target)) return [];
  return Object.entries(t.target).flatMap(([target, v]) => (isTable(v) && typeof v.linker === 'string' ? [{ target, linker: v.linker }] : []));
}

/** `[build] target` of a `.cargo/config.toml` (a string or a list). */
export function parseCargoConfigTargets(text: string, file = '.cargo/config.toml'): string[] {
  const t = parseTomlText(text, file);
  const target = isTable(t.build) ? t.build.target : undefined;
  return typeof target === 'string' ? [target] : strList(target);
}

/** The features the manifests ask of each dependency, by name (the union over all of them, sorted). */
export function requestedFeaturesOf(manifests: readonly CargoManifest[]): Record<string, string[]> {
  const requested = new Map<string, Set<string>>();
  for (const m of manifests) {
    for (const d of m.dependencies) {
      const set = requested.get(d.name) ?? new Set<string>();
      for (const f of d.features) set.add(f);
      requested.set(d.name, set);
    }
  }
  return Object.fromEntries([...requested].map(([name, set]) => [name, [...set].sort()]));
}

/** Fills `{ workspace = true }` edition / rust-version and dependency specs from the workspace root. */
export function inheritFromWorkspace(m: CargoManifest, ws: CargoManifest['workspace']): CargoManifest {
  if (!ws || !m.package) return m;
  const pkg = { ...m.package };
  if (pkg.inherits.edition) pkg.edition = ws.package.edition;
  if (pkg.inherits.rustVersion) pkg.rustVersion = ws.package.rustVersion;
  const dependencies = m.dependencies.map((d) => {
    if (!d.workspace) return d;
    const base = ws.dependencies.find((w) => w.key === d.key);
    if (!base) return d;
    return { ...d, name: base.name, req: base.req, path: base.path, git: base.git, rev: base.rev, features: [...new Set([...base.features, ...d.features])], defaultFeatures: base.defaultFeatures };
  });
  return { ...m, package: pkg, dependencies };
}
