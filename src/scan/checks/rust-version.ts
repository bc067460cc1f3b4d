// Scanner: a Rust toolchain pinned (rust-toolchain.toml, `FROM rust:X`, CI) older than the `rust-version` the
// packages declare, so cargo refuses to build them; pure.

import { type CargoPackage, cargoPackages, isUnder } from '../../project/cargo/packages.js';
import { tomlSpans } from '../../project/cargo/toml-spans.js';
import type { FileLocation, ProjectFiles } from '../../project/files.js';
import type { ScanFinding } from '../../report/finding.js';
import type { Scanner } from '../model.js';
import { dirOf, joinRel, locate } from '../../project/text-location.js';
import { EDITION_MIN_RUSTC, LOCK_MIN_CARGO, NEWEST_RELEASE_MIN_RUSTC } from '../../kb/crate-needs.js';
import { parseCargoLock } from '../../project/cargo.js';

interface Pin {
  version: string;
  /** Offsets of the version text, for the fix. */
  start: number;
  end: number;
  at: FileLocation;
  where: string;
}

function parts(v: string): number[] {
  return v.split('.').map(Number);
}

/** True when every toolchain matching `pin` (1.70 means any 1.70.x, the newest being used) is older than `need`. */
export function pinOlderThan(pin: string, need: string): boolean {
  const p = parts(pin);
  const n = parts(need);
  for (let i = 0; i < 3; i++) {
    if (p[i] === undefined) return false;
    const ni = n[i] ?? 0;
    if (p[i] !== ni) return p[i] < ni;
  }
  return false;
}

const VERSION = /^\d+\.\d+(?:\.\d+)?$/;

function toolchainFilePins(file: string, text: string): Pin[] {
  if (!file.endsWith('.toml')) {
    const m = /^\s*(\d+\.\d+(?:\.\d+)?)\s*$/.exec(text);
    if (!m) return [];
    const start = text.indexOf(m[1]);
    return [{ version: m[1], start, end: start + m[1].length, at: locate(file, text, start), where: file }];
  }
  const channel = tomlSpans(text).entries.find((e) => e.table.join('.') === 'toolchain' && e.key.join('.') === 'channel');
  if (!channel) return [];
  const raw = text.slice(channel.valueStart + 1, channel.valueEnd - 1);
  if (!VERSION.test(raw)) return [];
  return [{ version: raw, start: channel.valueStart + 1, end: channel.valueEnd - 1, at: locate(file, text, channel.valueStart), where: file }];
}

// Dockerfile: "FROM rust:1.70-slim-bookworm AS build", "FROM docker.io/library/rust:1.75.0"
const FROM_RUST = /^[ \t]*FROM[ \t]+(?:--platform=\S+[ \t]+)?(?:[\w.-]+(?::\d+)?\/)?(?:library\/)?rust:(\d+\.\d+(?:\.\d+)?)\b/gim;
// GitHub Actions: "uses: dtolnay/rust-toolchain@1.70", "toolchain: 1.70.0" (actions-rs, dtolnay with:),
// "rust-toolchain: 1.70" (maturin-action), "rustup toolchain install 1.70", "rustup default 1.70"
const CI_PINS = [
  /dtolnay\/rust-toolchain@(\d+\.\d+(?:\.\d+)?)\b/g,
  /^[ \t-]*(?:toolchain|rust-toolchain)[ \t]*:[ \t]*["']?(\d+\.\d+(?:\.\d+)?)["']?[ \t]*(?:#.*)?$/gm,
  /\brustup[ \t]+(?:default|toolchain[ \t]+install|install|override[ \t]+set)[ \t]+(\d+\.\d+(?:\.\d+)?)\b/g,
];

// GitHub Actions matrices: "rust: [1.70.0, stable]", "toolchain: ['1.70', beta]" (an MSRV job older than rust-version fails)
const CI_MATRIX = /^[ \t-]*(?:rust|toolchain|rust-toolchain|msrv)[ \t]*:[ \t]*\[([^\]\n]*)\]/gm;
const MATRIX_VERSION = /(?<![\w.])\d+\.\d+(?:\.\d+)?(?![\w.])/g;

function matrixPins(file: string, text: string): Pin[] {
  const pins: Pin[] = [];
  for (const m of text.matchAll(CI_MATRIX)) {
    const base = m.index + m[0].lastIndexOf(m[1]);
    for (const v of m[1].matchAll(MATRIX_VERSION)) {
      const start = base + v.index;
      pins.push({ version: v[0], start, end: start + v[0].length, at: locate(file, text, start), where: `${file}'s toolchain matrix` });
    }
  }
  return pins;
}

function regexPins(file: string, text: string, res: RegExp[], where: string): Pin[] {
  const pins: Pin[] = [];
  for (const re of res) {
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].lastIndexOf(m[1]);
      pins.push({ version: m[1], start, end: start + m[1].length, at: locate(file, text, start), where });
    }
  }
  return pins;
}

interface Need {
  version: string;
  /** Where it comes from, for the message: "rust-version 1.80 in crates/x/Cargo.toml", "edition 2021 in Cargo.toml". */
  from: string;
}

/**
 * What the packages under `dir` need of the toolchain: the highest of their rust-version (inherited from
 * [workspace.package] when a member says so) and of the oldest rustc that knows their edition; and, when `readsLock`,
 * the oldest cargo that reads the format of the Cargo.lock at `dir` or its workspace root (a cargo older than the
 * format stops before building: "lock file version 4 requires `-Znext-lockfile-bump`").
 */
function neededUnder(packages: CargoPackage[], dir: string, lockFormat: ((file: string) => number | null) | null, resolvesFresh = false): Need | null {
  let need: Need | null = null;
  const consider = (n: Need) => {
    if (VERSION.test(n.version) && (!need || compare(n.version, need.version) > 0)) need = n;
  };
  const roots = new Set<string>();
  for (const pkg of packages) {
    const p = pkg.manifest.package;
    if (!p || !isUnder(pkg.dir, dir)) continue;
    roots.add(pkg.workspaceRoot?.dir ?? pkg.dir);
    const v = p.inherits.rustVersion ? (pkg.workspaceRoot?.manifest.workspace?.package.rustVersion ?? null) : p.rustVersion;
    const from = p.inherits.rustVersion && pkg.workspaceRoot ? pkg.workspaceRoot.file : pkg.file;
    if (v) consider({ version: v, from: `rust-version ${v} in ${from}` });
    const edition = p.edition ?? '2015';
    const min = EDITION_MIN_RUSTC[edition];
    if (min) consider({ version: min, from: `edition ${edition} in ${pkg.file} (Rust ${min.replace(/\.0$/, '')} and later)` });
    if (resolvesFresh) for (const n of newestReleaseNeeds(pkg)) consider(n);
  }
  if (lockFormat) {
    for (const root of roots) {
      const file = joinRel(root, 'Cargo.lock');
      const format = lockFormat(file);
      const min = format === null ? undefined : LOCK_MIN_CARGO[format];
      if (min) consider({ version: min, from: `${file}'s format version ${format} (cargo ${min.replace(/\.0$/, '')} and later)` });
    }
  }
  return need;
}

// A caret requirement (`"1"`, `"1.20"`, `"^0.4.17"`): cargo takes the newest release of its series.
const CARET_REQ = /^\^?(\d+)(?:\.(\d+))?(?:\.\d+)?$/;

/** What the newest releases of a package's direct dependencies need, for a build that resolves without a lock. */
function newestReleaseNeeds(pkg: CargoPackage): Need[] {
  const needs: Need[] = [];
  for (const dep of pkg.manifest.dependencies) {
    if (dep.kind === 'dev' || dep.optional || dep.target !== null || dep.path !== null || dep.git !== null || !dep.req) continue;
    const m = CARET_REQ.exec(dep.req.trim());
    const bounds = NEWEST_RELEASE_MIN_RUSTC[dep.name];
    if (!m || !bounds) continue;
    const series = m[1] === '0' ? `0.${m[2] ?? '0'}` : m[1];
    const rustc = bounds[series];
    if (rustc) needs.push({ version: rustc, from: `the newest ${dep.name} ${series}.x that cargo resolves without a lock (${dep.name} = "${dep.req}" in ${pkg.file}), which needs Rust ${rustc.replace(/\.0$/, '')} or later` });
  }
  return needs;
}

/**
 * The format version of each tracked Cargo.lock, parsed once per scan (a lock git does not track, a library's ignored
 * one, is in no clone, CI checkout or build context: null, as for an unparseable one).
 */
function lockFormats(project: ProjectFiles): (file: string) => number | null {
  const cache = new Map<string, number | null>();
  return (file) => {
    if (!cache.has(file)) {
      const text = project.files.get(file);
      let format: number | null = null;
      if (text !== undefined && (project.gitTracked === null || project.gitTracked.has(file))) {
        try {
          format = parseCargoLock(text, file).version;
        } catch {
          format = null;
        }
      }
      cache.set(file, format);
    }
    return cache.get(file) ?? null;
  };
}

// A CI job or image build that makes its own lock first (an MSRV job's `cargo update -Zminimal-versions`, `cargo generate-lockfile`, or
// removing the committed one) builds with a lock its own cargo wrote.
const CI_REWRITES_LOCK = /\bcargo\s+(?:\+\S+\s+)?(?:update|generate-lockfile)\b|minimal-versions|\brm\b[^\n]*Cargo\.lock/;
// A Dockerfile step that builds with the project's Cargo.lock (cargo install reads it only with --locked or --frozen),
// after copying it in (by name or with the whole context).
const DOCKER_READS_LOCK = /\bcargo\s+(?:\+\S+\s+)?(?:build|run|test|check|chef\s+cook|zigbuild|auditable\s+build)\b|\bcargo\s+install\b[^\n]*--(?:locked|frozen)\b/;
const DOCKER_COPIES_LOCK = /^[ \t]*(?:COPY|ADD)\b[^\n]*(?:Cargo\.lock|\s\.(?:\/)?\s)/im;
// A Dockerfile step that builds the project itself (`cargo install <crate>` installs another program).
const DOCKER_BUILDS_PROJECT = /\bcargo\s+(?:\+\S+\s+)?(?:build|run|test|check|chef\s+cook|zigbuild|auditable\s+build)\b|\bcargo\s+install\b[^\n]*--path\b/;

/**
 * The directories a workflow builds: its `working-directory:` values, `cd X` and `--manifest-path X/Cargo.toml` in its
 * run lines; the repository root when it names none and the repository has one workspace; none when it has several.
 */
function workflowDirs(text: string, packages: CargoPackage[]): string[] {
  const dirs = new Set<string>();
  // GitHub Actions `working-directory: x`, shell `cd x`, cargo `--manifest-path x/Cargo.toml`.
  for (const m of text.matchAll(/working-directory:\s*["']?([\w./-]+)/g)) dirs.add(m[1]);
  for (const m of text.matchAll(/(?:^|[\s;&|])cd\s+["']?([\w./-]+)/gm)) dirs.add(m[1]);
  for (const m of text.matchAll(/--manifest-path[=\s]+["']?([\w./-]+?)\/?Cargo\.toml/g)) dirs.add(m[1]);
  const clean = [...dirs].map((d) => d.replace(/^\.\/?/, '').replace(/\/+$/, '')).filter((d) => !d.includes('..') && !d.startsWith('/') && !d.includes('$'));
  if (clean.length) return clean;
  const roots = new Set(packages.map((p) => p.workspaceRoot?.dir ?? p.dir));
  return roots.size <= 1 ? [''] : [];
}

function scanRustVersion(project: ProjectFiles): ScanFinding[] {
  const packages = cargoPackages(project);
  // A pin governs the packages below it: rustup reads the nearest toolchain file, a Dockerfile builds its directory,
  // workflows (in .github/) build the whole repository.
  const pins: (Pin & { need: Need | null })[] = [];
  const lockFormat = lockFormats(project);
  for (const [file, text] of project.files) {
    const base = file.slice(file.lastIndexOf('/') + 1);
    const under = file.startsWith('.github/') ? '' : dirOf(file);
    let found: Pin[] = [];
    // A toolchain file or a CI job builds with the lock; a Dockerfile when it copies it in and builds with it. Neither
    // when it writes its own lock first.
    let readsLock = !CI_REWRITES_LOCK.test(text);
    // An image build of the project that reads no lock resolves today's releases of its dependencies.
    let resolvesFresh = false;
    if (base === 'rust-toolchain' || base === 'rust-toolchain.toml') found = toolchainFilePins(file, text);
    else if (/^Dockerfile|\.Dockerfile$|^Containerfile/i.test(base)) {
      found = regexPins(file, text, [FROM_RUST], `${file}'s rust image`);
      readsLock &&= DOCKER_READS_LOCK.test(text) && DOCKER_COPIES_LOCK.test(text);
      resolvesFresh = DOCKER_BUILDS_PROJECT.test(text) && (!readsLock || noTrackedLock(packages, under, lockFormat));
    } else if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(file)) found = [...regexPins(file, text, CI_PINS, `${file}'s toolchain`), ...matrixPins(file, text)];
    if (found.length) {
      const dirs = file.startsWith('.github/') ? workflowDirs(text, packages) : [under];
      // A workflow in a repository of several workspaces that does not say which one it builds: no need is known.
      const needs = dirs.map((d) => neededUnder(packages, d, readsLock ? lockFormat : null, resolvesFresh)).filter((n): n is Need => n !== null);
      const need = needs.sort((a, b) => compare(b.version, a.version))[0] ?? null;
      for (const pin of found) pins.push({ ...pin, need });
    }
  }
  const findings: ScanFinding[] = [];
  for (const pin of pins) {
    const need = pin.need;
    if (!need || !pinOlderThan(pin.version, need.version)) continue;
    // Keep the pin's precision: 1.70 becomes 1.74 (newest 1.74.x), 1.70.0 becomes 1.74.1.
    const target = pin.version.split('.').length === 2 ? need.version.split('.').slice(0, 2).join('.') : [...need.version.split('.'), '0', '0'].slice(0, 3).join('.');
    findings.push({
      rule: 'rustc-too-old',
      title: 'rustc is older than the project needs',
      severity: 'error',
      message: `${pin.where} pins Rust ${pin.version}, older than ${need.from}`,
      evidence: [pin.at],
      captures: { need: need.version, pin: pin.version },
      fix: { title: `pin Rust ${target} in ${pin.at.file}`, safety: 'unsafe', edits: [{ file: pin.at.file, start: pin.start, end: pin.end, text: target }], commands: [] },
    });
  }
  return findings;
}

/** Whether no package under `dir` has a tracked Cargo.lock at its workspace root (a Dockerfile then copies none in). */
function noTrackedLock(packages: CargoPackage[], dir: string, lockFormat: (file: string) => number | null): boolean {
  const roots = new Set(packages.filter((p) => p.manifest.package && isUnder(p.dir, dir)).map((p) => p.workspaceRoot?.dir ?? p.dir));
  return roots.size > 0 && [...roots].every((root) => lockFormat(joinRel(root, 'Cargo.lock')) === null);
}

function compare(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

const scanner: Scanner = {
  id: 'rust-version',
  reads: ['**/Cargo.toml', '**/Cargo.lock', '**/rust-toolchain', '**/rust-toolchain.toml', '**/Dockerfile*', '**/*.Dockerfile', '**/Containerfile*', '.github/workflows/*.yml', '.github/workflows/*.yaml'],
  scan: scanRustVersion,
};
export default scanner;
