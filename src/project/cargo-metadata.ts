// The build graph cargo itself resolves (`cargo metadata`): the features each package is built with after feature
// unification, the dependency kinds, and only the dependencies of the target platform. Read once per workspace and
// shared by scan, fix and doctor; parsing is pure, running cargo is the one I/O function here.

import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { absoluteProgram, cargoEnv } from './cargo-env.js';
import { safeToolchainName } from './toolchain.js';
import { joinRel } from './text-location.js';

export interface ResolvedDependency {
  /** The dependency's package name (not the renamed key). */
  name: string;
  pkg: string;
  kinds: ('normal' | 'dev' | 'build')[];
}

export interface ResolvedPackage {
  id: string;
  name: string;
  version: string;
  /** Manifest path relative to the scanned root for local packages, else null (registry/git). */
  manifest: string | null;
  /** Features cargo enables for this package in this build, after unification. */
  features: ReadonlySet<string>;
  deps: ResolvedDependency[];
}

export interface CargoGraph {
  target: string;
  packages: ReadonlyMap<string, ResolvedPackage>;
  /** Set when the project's pinned toolchain is not installed and cargo ran with rustup's default one instead. */
  toolchain?: { used: string; pinned: string };
  /** The feature flags cargo resolved it with (`--features a,b`, `--no-default-features`); absent: the defaults. */
  featureArgs?: readonly string[];
  /** The manifest cargo was pointed at, relative to the scanned root (the features are that package's). */
  manifest?: string;
}

/** The words for a graph cargo resolved with another toolchain than the pin, or '' when it used the pin. */
export function toolchainCaveat(graph: CargoGraph): string {
  return graph.toolchain ? `, with the installed toolchain ${graph.toolchain.used}: the pinned ${graph.toolchain.pinned} is not installed` : '';
}

/** What cargo said for one workspace: its resolved graph, or why there is none (offline cache lacks crates, no lock...). */
export type CargoResolution = { graph: CargoGraph } | { unresolved: string };

interface MetadataJson {
  packages?: { id: string; name: string; version: string; manifest_path: string; source: string | null }[];
  resolve?: { nodes?: { id: string; features?: string[]; deps?: { pkg: string; dep_kinds?: { kind: string | null }[] }[] }[] } | null;
}

/** Parses `cargo metadata --format-version 1` output; `root` is the absolute scanned directory. */
export function parseCargoMetadata(json: string, root: string, target: string): CargoGraph | null {
  let data: MetadataJson;
  try {
    data = JSON.parse(json) as MetadataJson;
  } catch {
    return null;
  }
  if (!data.packages || !data.resolve?.nodes) return null;
  const info = new Map(data.packages.map((p) => [p.id, p]));
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const packages = new Map<string, ResolvedPackage>();
  for (const node of data.resolve.nodes) {
    const p = info.get(node.id);
    if (!p) continue;
    const local = p.source === null && p.manifest_path.startsWith(prefix);
    packages.set(node.id, {
      id: node.id,
      name: p.name,
      version: p.version,
      manifest: local ? p.manifest_path.slice(prefix.length) : null,
      features: new Set(node.features ?? []),
      deps: (node.deps ?? []).map((d) => ({
        name: info.get(d.pkg)?.name ?? d.pkg,
        pkg: d.pkg,
        kinds: (d.dep_kinds ?? [{ kind: null }]).map((k) => (k.kind === 'dev' ? 'dev' : k.kind === 'build' ? 'build' : 'normal')),
      })),
    });
  }
  return { target, packages };
}

type MetadataRun = { ok: true; stdout: string; toolchain?: CargoGraph['toolchain'] } | { ok: false; why: string };

// rustup's proxy, when RUSTUP_TOOLCHAIN names a toolchain it lacks and may not install:
// "error: toolchain '1.70.0-x86_64-unknown-linux-gnu' is not installed".
const TOOLCHAIN_NOT_INSTALLED = /^error: toolchain '([^']+)' is not installed/m;
// `rustup default`: "stable-x86_64-unknown-linux-gnu (default)".
const RUSTUP_DEFAULT = /^(\S+) \(default\)/m;

/** rustup's default toolchain as a plain name (asked from `/`, so no rust-toolchain file applies), or null. */
async function rustupDefault(timeoutMs: number): Promise<string | null> {
  const rustup = await absoluteProgram('rustup');
  if (!rustup) return null;
  return new Promise((done) => {
    const env: NodeJS.ProcessEnv = { ...process.env, RUSTUP_AUTO_INSTALL: '0' };
    delete env.RUSTUP_TOOLCHAIN;
    execFile(rustup, ['default'], { cwd: process.platform === 'win32' ? (process.env.SystemRoot ?? 'C:\\Windows') : '/', timeout: timeoutMs, env }, (error, stdout) => {
      const name = error ? null : (RUSTUP_DEFAULT.exec(String(stdout))?.[1] ?? null);
      done(safeToolchainName(name));
    });
  });
}

async function runCargoMetadata(root: string, cwd: string, manifest: string, target: string, locked: boolean, timeoutMs: number, extra: readonly string[] = []): Promise<MetadataRun> {
  const args = ['metadata', '--format-version', '1', '--offline', ...(locked ? ['--locked'] : []), ...extra, '--filter-platform', target, '--manifest-path', manifest];
  // The checkout is not trusted: its rust-toolchain `path` or .cargo/config.toml `build.rustc`/wrappers must not run.
  const safe = await cargoEnv(cwd, root, target);
  if ('refused' in safe) return { ok: false, why: `not run: ${safe.refused}` };
  const cargo = await absoluteProgram('cargo');
  if (!cargo) return { ok: false, why: 'cargo is not installed' };
  const first = await execCargo(cargo, args, cwd, safe.env, timeoutMs);
  if (first.ok || !first.missingToolchain) return first.ok ? { ok: true, stdout: first.stdout } : first;
  // The pin (a plain name, checked by cargoEnv) is not installed: the graph hardly depends on the toolchain with
  // --locked, so rustup's default toolchain, also by name, answers; the caller says which one was used.
  const fallback = await rustupDefault(timeoutMs);
  if (!fallback || fallback === first.missingToolchain) return first;
  const second = await execCargo(cargo, args, cwd, { ...safe.env, RUSTUP_TOOLCHAIN: fallback }, timeoutMs);
  if (!second.ok) return { ok: false, why: `${second.why} (with the installed toolchain ${fallback}; the pinned ${first.missingToolchain} is not installed)` };
  return { ok: true, stdout: second.stdout, toolchain: { used: fallback, pinned: first.missingToolchain } };
}

function execCargo(cargo: string, args: string[], cwd: string, safeEnv: Record<string, string>, timeoutMs: number): Promise<{ ok: true; stdout: string } | { ok: false; why: string; missingToolchain?: string }> {
  return new Promise((done) => {
    // RUSTUP_AUTO_INSTALL=0: a toolchain the project pins is never downloaded just to read metadata.
    execFile(cargo, args, { cwd, maxBuffer: 512 * 1024 * 1024, timeout: timeoutMs, env: { ...process.env, ...safeEnv, CARGO_TERM_COLOR: 'never', RUSTUP_AUTO_INSTALL: '0' } }, (error, stdout, stderr) => {
      if (!error) return done({ ok: true, stdout: String(stdout) });
      const missing = TOOLCHAIN_NOT_INSTALLED.exec(String(stderr))?.[1];
      if (missing) return done({ ok: false, why: `toolchain '${missing}' is not installed`, missingToolchain: missing });
      const code = (error as NodeJS.ErrnoException).code;
      // cargo's own first `error:` line says why (e.g. "no matching package named `tokio` found", "the lock file needs to be updated").
      // cargo's resolver explains a missing feature further down ("... but `tokio` does not have these features.").
      const detail = /^.*does not (?:have|contain) (?:these|this|that) features?.*$/m.exec(String(stderr))?.[0].trim();
      const first = /^error: (.*)$/m.exec(String(stderr))?.[1];
      done({ ok: false, why: code === 'ENOENT' ? 'cargo is not installed' : first ? `${first}${detail ? ` ${detail}` : ''}` : `cargo metadata failed${error.killed ? ' (timed out)' : ''}` });
    });
  });
}

/** Files a copy of the workspace needs for cargo to read its manifests: Cargo.toml, Rust sources, cargo config. */
const COPIED = /(?:^|\/)(?:Cargo\.toml|[^/]+\.rs|\.cargo\/config(?:\.toml)?|rust-toolchain(?:\.toml)?)$/;
const MAX_COPIED = 5000;

/** Whether the lock cargo would read is a regular file, something else (a FIFO, a device), or absent. */
function lockKind(path: string): 'file' | 'other' | 'none' {
  try {
    return statSync(path).isFile() ? 'file' : 'other';
  } catch {
    return 'none';
  }
}

/**
 * Runs `cargo metadata --offline --filter-platform <target>` for the workspace at `dir` (relative to `root`): offline
 * so nothing is downloaded. With a Cargo.lock, `--locked` keeps cargo from writing it; without one, cargo runs in a
 * temporary copy of the manifests and sources (`files`), so the lock it creates lands there, not in the project.
 * Resolves to why it could not when cargo is missing, the crate cache lacks a dependency, or the lock is stale.
 * `request` asks for a member's features (`--features` applies to the package cargo is pointed at).
 */
export interface MetadataRequest {
  /** The package whose features are asked for (its directory relative to root), when not the workspace root's. */
  manifestDir?: string;
  /** `--features a,b`, `--no-default-features`, `--all-features`: what the build turns on (maturin's features...). */
  featureArgs?: readonly string[];
}

export async function resolveWithCargo(root: string, dir: string, target: string, files: ReadonlyMap<string, string>, timeoutMs = 20_000, request: MetadataRequest = {}): Promise<CargoResolution> {
  const fail = (why: string): CargoResolution => ({ unresolved: `cargo metadata --offline could not resolve the graph: ${why}` });
  const manifestDir = request.manifestDir ?? dir;
  const featureArgs = [...(request.featureArgs ?? [])];
  // The graph says what it was resolved for, so a caller asking for other features does not take it as theirs.
  const described = (graph: CargoGraph | null, toolchain: CargoGraph['toolchain'] | undefined): CargoResolution => {
    if (!graph) return fail('it printed no resolved graph');
    return { graph: { ...graph, ...(toolchain ? { toolchain } : {}), ...(featureArgs.length ? { featureArgs } : {}), ...(request.manifestDir !== undefined ? { manifest: joinRel(manifestDir, 'Cargo.toml') } : {}) } };
  };
  const lock = lockKind(join(root, dir, 'Cargo.lock'));
  if (lock === 'other') return fail('its Cargo.lock is not a regular file (cargo would block on a FIFO or read a device)');
  if (lock === 'file') {
    const r = await runCargoMetadata(root, join(root, dir), join(root, manifestDir, 'Cargo.toml'), target, true, timeoutMs, featureArgs);
    if (!r.ok) return fail(r.why);
    return described(parseCargoMetadata(r.stdout, root, target), r.toolchain);
  }
  const copied = [...files.keys()].filter((f) => COPIED.test(f) && (dir === '' || f.startsWith(`${dir}/`) || f.startsWith('.cargo/')));
  if (copied.length > MAX_COPIED) return fail(`no Cargo.lock, and the workspace is too large (${copied.length} files) to resolve in a copy`);
  const tmp = await mkdtemp(join(tmpdir(), 'buildmedic-metadata-'));
  try {
    for (const f of copied) {
      await mkdir(dirname(join(tmp, f)), { recursive: true });
      await writeFile(join(tmp, f), files.get(f) as string);
    }
    const r = await runCargoMetadata(tmp, join(tmp, dir), join(tmp, manifestDir, 'Cargo.toml'), target, false, timeoutMs, featureArgs);
    if (!r.ok) return fail(r.why);
    return described(parseCargoMetadata(r.stdout, tmp, target), r.toolchain);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Whether cargo accepts the workspace at `dir` with `edited` files in place of the project's: `cargo metadata
 * --offline` in a temporary copy. Null when it does (or when cargo cannot tell: it rejects the unedited copy too and
 * the edited manifests still parse with `--no-deps`), else cargo's reason.
 */
export async function cargoRejects(files: ReadonlyMap<string, string>, edited: ReadonlyMap<string, string>, dir: string, target: string, timeoutMs = 20_000): Promise<string | null> {
  const inWorkspace = (f: string) => COPIED.test(f) || f.endsWith('Cargo.lock');
  const chosen = [...files.keys()].filter((f) => inWorkspace(f) && (dir === '' || f.startsWith(`${dir}/`) || f.startsWith('.cargo/')));
  if (chosen.length > MAX_COPIED) return null;
  const run = async (texts: ReadonlyMap<string, string>, noDeps: boolean) => {
    const tmp = await mkdtemp(join(tmpdir(), 'buildmedic-verify-'));
    try {
      for (const f of chosen) {
        await mkdir(dirname(join(tmp, f)), { recursive: true });
        await writeFile(join(tmp, f), texts.get(f) ?? (files.get(f) as string));
      }
      const args = noDeps ? ['--no-deps'] : [];
      return await runCargoMetadata(tmp, join(tmp, dir), join(tmp, dir, 'Cargo.toml'), target, false, timeoutMs, args);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  };
  const after = await run(edited, false);
  if (after.ok) return null;
  if (after.why === 'cargo is not installed') return null;
  const before = await run(new Map(), false);
  if (before.ok) return after.why;
  const parsed = await run(edited, true);
  return parsed.ok ? null : parsed.why;
}

/** The resolved package whose manifest is `manifest` (relative path), if cargo built it. */
export function localPackage(graph: CargoGraph, manifest: string): ResolvedPackage | null {
  for (const p of graph.packages.values()) if (p.manifest === manifest) return p;
  return null;
}

/**
 * Asks cargo for the resolved graph of every workspace (or lone package) in the project, one at a time (each run
 * reads the whole crate cache). Workspaces under vendored directories are not asked about.
 */
export async function resolveWorkspaces(root: string, workspaceDirs: readonly string[], target: string, files: ReadonlyMap<string, string>): Promise<Map<string, CargoResolution>> {
  const out = new Map<string, CargoResolution>();
  for (const dir of workspaceDirs) out.set(dir, await resolveWithCargo(root, dir, target, files));
  return out;
}
