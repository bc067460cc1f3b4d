// Scanner: Rust code using items a dependency only has with a Cargo feature (clap `env`/`derive`, `#[tokio::main]`,
// serde derives) while the package's Cargo.toml (or its workspace's) does not enable that feature; pure.

import { parseCargoLock } from '../../project/cargo.js';
import type { CargoDependency, LockedCrate } from '../../project/model.js';
import { hostTriple, targetApplies } from '../../project/target-cfg.js';
import { planAddFeatures } from '../cargo/add-features.js';
import { type CargoGraph, localPackage } from '../../project/cargo-metadata.js';
import { type CargoPackage, cargoPackages } from '../../project/cargo/packages.js';
import type { FileLocation, ProjectFiles } from '../../project/files.js';
import type { ScanFinding } from '../../report/finding.js';
import type { Scanner } from '../model.js';
import { dirOf, joinRel, lineAt, locate, normaliseRel } from '../../project/text-location.js';
import { isVendored } from '../../project/paths.js';

interface GatedUse {
  crate: string;
  features: string[];
  at: FileLocation;
}

/** Features each crate enables by default or through an umbrella feature (tokio's `full`); from their Cargo.toml. */
const IMPLIED: Record<string, { defaults: string[]; umbrella: Record<string, string[]> }> = {
  clap: { defaults: ['std', 'color', 'help', 'usage', 'error-context', 'suggestions'], umbrella: {} },
  tokio: { defaults: [], umbrella: { full: ['macros', 'rt', 'rt-multi-thread', 'fs', 'io-util', 'io-std', 'net', 'parking_lot', 'process', 'signal', 'sync', 'time'], 'rt-multi-thread': ['rt'] } },
  serde: { defaults: ['std'], umbrella: {} },
  reqwest: { defaults: ['default-tls', 'charset', 'http2', 'macos-system-configuration'], umbrella: {} },
  uuid: { defaults: ['std'], umbrella: {} },
};

/**
 * The text of an attribute's parenthesised arguments starting at `open` (a '('), strings skipped. In code that does not
 * compile, an unclosed '(' ends at the ']' that closes the attribute, else at the end of the text.
 */
function parenBody(text: string, open: number): { body: string; end: number } {
  let depth = 0;
  let brackets = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return { body: text.slice(open + 1, i), end: i + 1 };
    else if (c === '[') brackets++;
    else if (c === ']' && brackets-- === 0) return { body: text.slice(open + 1, i), end: i };
  }
  return { body: text.slice(open + 1), end: text.length };
}

/**
 * The attributes `re` finds, each with its argument text. An attribute found inside the arguments of the one before
 * (only in code that does not compile) is part of those: reading each from its own '(' made a file of unclosed
 * `#[arg(` quadratic (300 KB took over 20 s).
 */
function* attributeBodies(text: string, re: RegExp): Generator<{ index: number; open: number; body: string }> {
  let scannedTo = 0;
  for (const m of text.matchAll(re)) {
    if (m.index < scannedTo) continue;
    const open = m.index + m[0].length - 1;
    const { body, end } = parenBody(text, open);
    scannedTo = end;
    yield { index: m.index, open, body };
  }
}

/** Blanks `//` comments (keeping offsets), so commented-out attributes are not taken as code. */
function withoutLineComments(text: string): string {
  return text.replace(/(^|[^:"'])\/\/[^\n]*/g, (m, pre: string) => pre + ' '.repeat(m.length - pre.length));
}

// clap 3/4 derive: #[arg(long, env = "X")], #[clap(env)], #[command(...)] has no env; structopt uses clap 2 (env ungated).
const CLAP_ATTR = /#\[\s*(?:arg|clap)\s*\(/g;
const ENV_ARG = /(?:^|[\s,(])(env)\s*(?:=|,|$)/;
const DERIVE_ATTR = /#\[\s*derive\s*\(/g;
const TOKIO_ATTR = /#\[\s*(?:::)?tokio::(main|test)\b/g;
// Item paths that only exist with a feature: tokio 1.x modules (its Cargo.toml gates each), reqwest 0.10+'s blocking
// client, uuid 1.x's version constructors.
// A path preceded by another segment (`rocket::tokio::time`) goes through that crate's re-export, whose features
// that crate enables itself: only paths starting at the crate (or at `::`) count.
const ITEM_PATHS = /(?<!\w::)\btokio::(?:fs|net|time|sync|process|signal|spawn|task::spawn_blocking)\b|(?<!\w::)\breqwest::blocking\b|\bUuid::(?:new_v[1-8]|now_v[1-8])\b/g;
const TOKIO_MODULE_FEATURE: Record<string, string> = { fs: 'fs', net: 'net', time: 'time', sync: 'sync', process: 'process', signal: 'signal', spawn: 'rt', 'task::spawn_blocking': 'rt' };

function itemFeature(path: string): { crate: string; feature: string } | null {
  if (path.startsWith('tokio::')) {
    const feature = TOKIO_MODULE_FEATURE[path.slice('tokio::'.length)];
    return feature ? { crate: 'tokio', feature } : null;
  }
  if (path === 'reqwest::blocking') return { crate: 'reqwest', feature: 'blocking' };
  const v = /_v([1-8])$/.exec(path);
  return v ? { crate: 'uuid', feature: `v${v[1]}` } : null;
}

/**
 * `text.indexOf(needle, from)` for rising `from`: a search is reused while it is still ahead, so that the searches of a
 * whole file cost one pass (as many unclosed attributes as a file holds would each search to its end).
 */
function nextOccurrence(text: string, needle: string): (from: number) => number {
  let found: number | null = null;
  return (from) => {
    // None ahead of an earlier `from` means none ahead of this one either.
    if (found === null || (found >= 0 && found < from)) found = text.indexOf(needle, from);
    return found;
  };
}

/** Every use of a feature-gated item in one Rust file. */
export function findGatedUses(file: string, source: string): GatedUse[] {
  const text = withoutLineComments(source);
  const uses: GatedUse[] = [];
  const usesClap = /\bclap::/.test(text);
  const usesSerde = /\buse\s+serde\s*::[^;]*\b(?:Serialize|Deserialize)\b/.test(text);
  for (const { open, body } of attributeBodies(text, CLAP_ATTR)) {
    const env = ENV_ARG.exec(body);
    if (env) uses.push({ crate: 'clap', features: ['env'], at: locate(file, source, open + 1 + env.index + env[0].indexOf('env')) });
  }
  for (const m of attributeBodies(text, DERIVE_ATTR)) {
    const { body } = m;
    const names = body.split(',').map((s) => s.trim());
    if (names.some((n) => /^(?:clap::)?(?:Parser|Subcommand|Args|ValueEnum)$/.test(n)) && (usesClap || names.some((n) => n.startsWith('clap::')))) {
      uses.push({ crate: 'clap', features: ['derive'], at: locate(file, source, m.index) });
    }
    if (names.some((n) => /^serde::(?:Serialize|Deserialize)$/.test(n) || (usesSerde && /^(?:Serialize|Deserialize)$/.test(n)))) {
      uses.push({ crate: 'serde', features: ['derive'], at: locate(file, source, m.index) });
    }
  }
  const seen = new Set<string>();
  // `use rocket::tokio;` makes later `tokio::` paths the re-export (rocket enables the features it re-exports).
  const reexported = new Set([...text.matchAll(/\buse\s+(?:::)?\w+::(tokio|reqwest)\b/g)].map((m) => m[1]));
  for (const m of text.matchAll(ITEM_PATHS)) {
    const hit = itemFeature(m[0]);
    if (hit && reexported.has(hit.crate)) continue;
    if (!hit || seen.has(`${hit.crate}/${hit.feature}`)) continue;
    seen.add(`${hit.crate}/${hit.feature}`);
    uses.push({ crate: hit.crate, features: [hit.feature], at: locate(file, source, m.index) });
  }
  const closeAfter = nextOccurrence(text, ']');
  const attributeAfter = nextOccurrence(text, '#[');
  for (const m of text.matchAll(TOKIO_ATTR)) {
    const close = closeAfter(m.index);
    // An attribute left unclosed (code that does not compile) ends where the next one starts.
    const next = attributeAfter(m.index + 2);
    const rest = close < 0 ? '' : text.slice(m.index, next < 0 ? close + 1 : Math.min(close + 1, next));
    // #[tokio::test] and flavor = "current_thread" only need the current-thread runtime (`rt`).
    const currentThread = m[1] === 'test' ? !/multi_thread/.test(rest) : /current_thread/.test(rest);
    uses.push({ crate: 'tokio', features: ['macros', currentThread ? 'rt' : 'rt-multi-thread'], at: locate(file, source, m.index) });
  }
  return uses.sort((a, b) => a.at.line - b.at.line);
}

/** Features of `dep` on for this package: listed, inherited from the workspace, default, implied, or named in `[features]`. */
function enabledFeatures(pkg: CargoPackage, dep: CargoDependency): Set<string> {
  const on = new Set(dep.features);
  let defaults = dep.defaultFeatures;
  if (dep.workspace && pkg.workspaceRoot?.manifest.workspace) {
    const wsDep = pkg.workspaceRoot.manifest.workspace.dependencies.find((d) => d.key === dep.key);
    if (wsDep) {
      for (const f of wsDep.features) on.add(f);
      defaults = wsDep.defaultFeatures;
    }
  }
  const implied = IMPLIED[dep.name];
  if (implied && defaults) for (const f of implied.defaults) on.add(f);
  // A package feature like `cli = ["clap/env"]` means the code using it is probably behind that feature.
  for (const list of Object.values(pkg.manifest.features)) {
    for (const f of list) {
      const m = /^([\w-]+)\??\/([\w-]+)$/.exec(f);
      if (m && m[1] === dep.key) on.add(m[2]);
    }
  }
  if (implied) for (const f of [...on]) for (const g of implied.umbrella[f] ?? []) on.add(g);
  return on;
}

function majorOf(req: string | null): number | null {
  const m = /(\d+)/.exec(req ?? '');
  return m ? Number(m[1]) : null;
}



/**
 * The dependency declarations a use can rely on: the normal ones, plus dev-dependencies for code only built for tests
 * (tests/, benches/, examples/, `#[cfg(test)]` modules, `#[tokio::test]`), since cargo unifies their features then;
 * only tables that apply to the target being built (a wasm-only table does not build on Linux).
 */
function dependenciesFor(pkg: CargoPackage, crate: string, testOnly: boolean, target: string): CargoDependency[] {
  const deps = pkg.manifest.dependencies.filter((d) => d.name === crate && (d.kind === 'normal' || (testOnly && d.kind === 'dev')) && (!d.target || targetApplies(d.target, target) !== false));
  // The declaration to edit first: a dev-dependency for test-only code, a plain [dependencies] entry otherwise.
  return deps.sort((a, b) => rank(a, testOnly) - rank(b, testOnly));
}

function rank(d: CargoDependency, testOnly: boolean): number {
  return (d.kind === (testOnly ? 'dev' : 'normal') ? 0 : 2) + (d.target ? 1 : 0);
}

/**
 * Whether the code at `line` is compiled out for `target`: a file-level `#![cfg(...)]`, or a `#[cfg(...)]` on the
 * top-level item around it (the attributes right above its first line), that does not hold for the target.
 */
function builtOnlyElsewhere(text: string, line: number, target: string): boolean {
  const lines = text.split('\n');
  const cfgFalse = (l: string) => {
    // rustc's attribute syntax: #[cfg(...)] / #![cfg(...)] on one line.
    const m = /^\s*#!?\[\s*cfg\s*\((.*)\)\s*\]\s*$/.exec(l);
    // Only target conditions: `test`, `feature = ...` and custom cfgs are not about the platform.
    if (!m || !/target_\w+|\bunix\b|\bwindows\b/.test(m[1]) || /\btest\b|\bfeature\s*=|\bdoc(?:test)?\b/.test(m[1])) return false;
    return targetApplies(`cfg(${m[1]})`, target) === false;
  };
  for (const l of lines.slice(0, 20)) if (/^\s*#!\[/.test(l) && cfgFalse(l)) return true;
  let i = line - 1;
  while (i > 0 && !/^(?:pub(?:\([^)]*\))?\s+)?(?:async\s+|unsafe\s+|const\s+)*(?:fn|mod|impl|struct|enum|trait|static|const|type|use)\b/.test(lines[i] ?? '')) i--;
  for (let j = i - 1; j >= 0 && /^\s*(?:#\[|\/\/)/.test(lines[j]); j--) if (cfgFalse(lines[j])) return true;
  return false;
}

/** Offset of the first `#[cfg(test)]`: test modules sit at the end of a file, so what follows is built for tests only. */
function testRegionStart(text: string): number {
  const m = /#\[\s*cfg\s*\(\s*test\s*\)\s*\]/.exec(text);
  return m ? m.index : Number.POSITIVE_INFINITY;
}

function tablesFor(dep: CargoDependency): string[][] {
  const kind = dep.kind === 'normal' ? 'dependencies' : dep.kind === 'dev' ? 'dev-dependencies' : 'build-dependencies';
  return dep.target ? [['target', dep.target, kind]] : [[kind]];
}

/** Each Rust file's package: the one with the deepest directory containing it (a nested package's files are its own). */
function filesByPackage(project: ProjectFiles, packages: readonly CargoPackage[]): Map<CargoPackage, string[]> {
  const byDir = new Map(packages.map((p) => [p.dir, p]));
  const out = new Map<CargoPackage, string[]>();
  for (const file of project.files.keys()) {
    // build.rs compiles against [build-dependencies], which this check does not look at.
    if (!file.endsWith('.rs') || file === 'build.rs' || file.endsWith('/build.rs')) continue;
    for (let dir = dirOf(file); ; dir = dirOf(dir)) {
      const pkg = byDir.get(dir);
      if (pkg) {
        out.set(pkg, [...(out.get(pkg) ?? []), file]);
        break;
      }
      if (dir === '') break;
    }
  }
  return out;
}

/**
 * Lock entries whose absence proves a feature is off everywhere in the graph: the feature pulls in that optional
 * dependency (tokio `macros` -> tokio-macros, serde `derive` -> serde_derive...), and Cargo.lock records every
 * dependency any feature combination of the workspace enables.
 */
const FEATURE_MARKERS: Record<string, Record<string, string[]>> = {
  tokio: { macros: ['tokio-macros'], net: ['mio'], signal: ['signal-hook-registry'], process: ['mio'] },
  serde: { derive: ['serde_derive'] },
  clap: { derive: ['clap_derive'] },
  uuid: { v4: ['getrandom'], v7: ['getrandom'] },
};

/** Whether `feature` of `dep.name` is on; the answer and, when the graph could not settle it, why. */
type Verdict = { on: true } | { on: false; unverified: string | null };

/** Local manifests (not vendored copies) that turn on `crate`'s `feature`: directly, through an umbrella, or in `[features]`. */
function localEnablers(packages: readonly CargoPackage[], crate: string, feature: string, testOnly: boolean): string[] {
  const out: string[] = [];
  for (const p of packages) {
    if (isVendored(p.file)) continue;
    // Dev-dependencies join the build only for tests and examples (resolver 2 keeps them out of `cargo build`).
    const decls = [...p.manifest.dependencies.filter((d) => testOnly || d.kind !== 'dev'), ...(p.manifest.workspace?.dependencies ?? [])].filter((d) => d.name === crate);
    const on = decls.some((d) => enabledFeatures(p, d).has(feature));
    if (on) out.push(p.file);
  }
  return out;
}

function lockOf(project: ProjectFiles, pkg: CargoPackage): { packages: LockedCrate[] } | null {
  const dir = pkg.workspaceRoot?.dir ?? pkg.dir;
  const text = project.files.get(joinRel(dir, 'Cargo.lock'));
  if (text === undefined) return null;
  try {
    return parseCargoLock(text);
  } catch {
    return null;
  }
}

/** Without cargo's resolved graph: off only when Cargo.lock proves no crate of the graph can turn it on. */
/**
 * The local packages built together with `pkg`: its workspace's (they share one lock and one feature resolution) and
 * the path dependencies they reach; other workspaces of the repository are separate builds.
 */
function sameBuild(all: readonly CargoPackage[], pkg: CargoPackage): CargoPackage[] {
  const rootOf = (p: CargoPackage) => p.workspaceRoot?.dir ?? p.dir;
  const build = new Set(all.filter((p) => rootOf(p) === rootOf(pkg)));
  const byDir = new Map(all.map((p) => [p.dir, p]));
  const queue = [...build];
  for (let i = 0; i < queue.length; i++) {
    for (const d of queue[i].manifest.dependencies) {
      if (!d.path) continue;
      const dir = normaliseRel(joinRel(queue[i].dir, d.path));
      const dep = dir === null ? undefined : byDir.get(dir);
      if (dep && !build.has(dep)) {
        build.add(dep);
        queue.push(dep);
      }
    }
  }
  return [...build];
}

function verdictFromFiles(project: ProjectFiles, all: readonly CargoPackage[], pkg: CargoPackage, crate: string, feature: string, testOnly: boolean, reason: string): Verdict {
  const enablers = localEnablers(sameBuild(all, pkg), crate, feature, testOnly).filter((f) => f !== pkg.file);
  const what = `${pkg.file} lacks ${crate} \`${feature}\``;
  if (enablers.length) return { on: false, unverified: `${what}, but ${enablers[0]} enables it, and Cargo unifies features across the build; ${reason}` };
  const lock = lockOf(project, pkg);
  if (!lock) {
    // No lock says who else depends on the crate, but when the build's only registry dependency is the crate itself,
    // nothing else can: its own dependencies cannot depend on it (normal dependencies form no cycles).
    const others = sameBuild(all, pkg).flatMap((p) => p.manifest.dependencies).filter((d) => !d.path && (testOnly || d.kind !== 'dev') && d.name !== crate);
    if (others.length === 0) return { on: false, unverified: null };
    return { on: false, unverified: `${what}, but no Cargo.lock tells which other crates depend on ${crate}; ${reason}` };
  }
  const entries = lock.packages.filter((p) => p.name === crate);
  const markers = FEATURE_MARKERS[crate]?.[feature];
  if (markers && entries.length && entries.every((e) => !e.dependencies.some((d) => markers.includes(d.split(' ')[0])))) return { on: false, unverified: null };
  const dependents = lock.packages.filter((p) => p.source !== null && p.dependencies.some((d) => d.split(' ')[0] === crate));
  if (dependents.length === 0) return { on: false, unverified: null };
  const names = dependents.slice(0, 3).map((d) => d.name).join(', ');
  return { on: false, unverified: `${what}, but ${names}${dependents.length > 3 ? ` and ${dependents.length - 3} more` : ''} also depend on ${crate} and may enable it; ${reason}` };
}

/** With cargo's resolved graph: the features cargo builds the dependency with, after unification. */
function verdictFromGraph(graph: CargoGraph, pkg: CargoPackage, crate: string, feature: string, testOnly: boolean): Verdict | null {
  const node = localPackage(graph, pkg.file);
  if (!node) return null;
  const dep = node.deps.find((d) => d.name === crate && d.kinds.some((k) => k === 'normal' || (testOnly && k === 'dev')));
  const resolved = dep && graph.packages.get(dep.pkg);
  if (!resolved) return null;
  return resolved.features.has(feature) ? { on: true } : { on: false, unverified: null };
}

function scanFeatures(project: ProjectFiles): ScanFinding[] {
  const all = cargoPackages(project);
  const packages = all.filter((p) => p.manifest.package && !isVendored(p.file));
  const findings: ScanFinding[] = [];
  const owned = filesByPackage(project, all.filter((p) => p.manifest.package));
  const target = project.target ?? hostTriple() ?? 'x86_64-unknown-linux-gnu';
  for (const pkg of packages) {
    const resolution = project.cargo?.get(pkg.workspaceRoot?.dir ?? pkg.dir);
    const graph = resolution && 'graph' in resolution ? resolution.graph : null;
    const reason = resolution && 'unresolved' in resolution ? resolution.unresolved : 'cargo metadata was not run';
    const wanted = new Map<string, { dep: CargoDependency; features: Set<string>; at: FileLocation[]; testOnly: boolean; unverified: string | null }>();
    for (const file of owned.get(pkg) ?? []) {
      const text = project.files.get(file) as string;
      const testStart = testRegionStart(text);
      const testsFrom = Number.isFinite(testStart) ? lineAt(text, testStart) : Number.POSITIVE_INFINITY;
      const rel = pkg.dir ? file.slice(pkg.dir.length + 1) : file;
      const testFile = /^(?:tests|benches|examples)\//.test(rel);
      for (const use of findGatedUses(file, text)) {
        if (builtOnlyElsewhere(text, use.at.line, target)) continue;
        const testOnly = testFile || use.at.line >= testsFrom || /#\[\s*tokio::test/.test(use.at.text);
        const deps = dependenciesFor(pkg, use.crate, testOnly, target);
        const dep = deps[0];
        if (!dep) continue;
        // Inherited from a workspace root above the scanned directory: its features are unknown here, so stay quiet.
        if (deps.some((d) => d.workspace) && !pkg.workspaceRoot?.manifest.workspace) continue;
        const major = majorOf(dep.req);
        // clap 2 (structopt's) has `Arg::env` without a feature and no derive.
        if (dep.name === 'clap' && major !== null && major < 3 && !dep.workspace) continue;
        if (dep.name === 'serde' && pkg.manifest.dependencies.some((d) => d.name === 'serde_derive')) continue;
        const on = new Set(deps.flatMap((d) => [...enabledFeatures(pkg, d)]));
        const missing: string[] = [];
        let unverified: string | null = null;
        for (const f of use.features) {
          const verdict = graph ? verdictFromGraph(graph, pkg, dep.name, f, testOnly) : on.has(f) ? ({ on: true } as const) : verdictFromFiles(project, all, pkg, dep.name, f, testOnly, reason);
          if (!verdict || verdict.on) continue;
          missing.push(f);
          if (verdict.unverified) unverified ??= verdict.unverified;
        }
        if (missing.length === 0) continue;
        const w = wanted.get(dep.key) ?? { dep, features: new Set<string>(), at: [], testOnly: true, unverified: null };
        for (const f of missing) w.features.add(f);
        if (w.at.length < 4) w.at.push(use.at);
        w.testOnly &&= testOnly;
        // One finding per dependency: verified when any of its missing features is.
        w.unverified = w.at.length === 1 ? unverified : w.unverified && unverified;
        wanted.set(dep.key, w);
      }
    }
    for (const { dep, features, at, testOnly, unverified } of wanted.values()) {
      const feats = [...features];
      // Code built only for tests and examples gets the feature from [dev-dependencies]; turning it on in
      // [dependencies] would change what the library's users build.
      const misplaced = testOnly && dep.kind === 'normal';
      const edits = misplaced ? null : planAddFeatures(pkg.text, pkg.file, dep.key, feats, tablesFor(dep));
      // The declaration the fix edits (the table of the target being built), else the first one written.
      const depLine = edits?.[0] ? locate(pkg.file, pkg.text, edits[0].start) : findDependencyLine(pkg, dep.key);
      const names = feats.map((f) => `\`${f}\``).join(', ');
      findings.push({
        rule: 'crate-feature-missing',
        title: 'A Cargo feature of a dependency is not enabled',
        severity: 'error',
        message: `${at[0].file}:${at[0].line} uses ${dep.name}'s ${names} feature${feats.length > 1 ? 's' : ''}, which ${graph ? 'the resolved build graph does not enable' : `${pkg.file} does not enable${dep.workspace ? ' (nor the workspace dependency)' : ''}`}${misplaced ? ' (only tests or examples use it: enable it in [dev-dependencies])' : ''}`,
        evidence: [...at, ...(depLine ? [depLine] : [])],
        captures: {
          crate: dep.name,
          // `feature` (the names joined, as schema 1 first printed it) stays; `features` is the list, as diagnose names it.
          feature: feats.join('`, `'),
          features: [...feats],
          cargoAdd: `cargo add ${misplaced ? '--dev ' : ''}${dep.name} --features ${feats.join(',')}`,
          manifest: pkg.file,
        },
        fix: edits && edits.length ? { title: `enable ${dep.name}'s ${names} in ${pkg.file}`, safety: 'safe', edits, commands: [] } : null,
        ...(unverified ? { unverified } : {}),
      });
    }
  }
  return findings;
}

function findDependencyLine(pkg: CargoPackage, key: string): FileLocation | null {
  const re = new RegExp(`^[ \\t]*(?:\\[[^\\]\\n]*\\.)?["']?${key.replace(/[-.]/g, '\\$&')}["']?[ \\t]*[.=\\]]`, 'm');
  const m = re.exec(pkg.text);
  return m ? locate(pkg.file, pkg.text, m.index) : null;
}

const scanner: Scanner = {
  id: 'cargo-features',
  reads: ['**/Cargo.toml', '**/Cargo.lock', '**/*.rs', '.cargo/config.toml', '.cargo/config'],
  scan: scanFeatures,
};
export default scanner;
