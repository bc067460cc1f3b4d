// Which crates of a Cargo.lock a plain `cargo build` of the workspace compiles for a target: the lock lists every
// crate any feature, target or dependency kind could pull in, so this walks it from the members' own declarations
// (no dev-dependencies, no optional dependencies the default features leave off, no other targets' tables) and skips
// the lock edges known not to build for the target or by default; pure.

import type { CargoDependency, CargoManifest, LockedCrate } from './model.js';
import { targetApplies } from './target-cfg.js';

/**
 * Lock edges a default build does not use, from the crates' own manifests and build scripts: aws-lc-sys runs cmake only
 * for FIPS or targets without prebuilt assembly, and bindgen only for targets without pre-generated bindings; v8 runs bindgen only with V8_FROM_SOURCE; libproc's bindgen is a
 * macOS build-dependency; coreaudio-sys is for Apple targets only, alsa-sys and libudev-sys for Linux (and BSDs),
 * iana-time-zone-haiku for Haiku; mysql_common runs bindgen only with its test feature. `from: '*'`: an edge from any crate.
 * A build-dependency the build script calls only behind a guard is an unused edge with that guard: cargo resolves
 * (and the lock lists) it either way, so cargo's own graph keeps it too.
 */
export interface UnusedEdge {
  from: string;
  to: string;
  /** The edge is used for targets matching this cfg. */
  unless?: string;
  /** The build script uses it only when one of these environment variables is set. */
  unlessEnv?: readonly string[];
  /** The build script uses it only with a feature matching this (of `from`, or of a crate forwarding to it). */
  unlessFeature?: RegExp;
  /**
   * The build script uses it only when it finds this on the building machine: whether it does cannot be told from the
   * checkout, so what the edge alone reaches is unverified (held back), not unused.
   */
  onlyIfFound?: string;
}

const LINUX_BSD = 'cfg(any(target_os = "linux", target_os = "dragonfly", target_os = "freebsd", target_os = "openbsd", target_os = "netbsd"))';

export const UNUSED_EDGES: readonly UnusedEdge[] = [
  { from: 'aws-lc-sys', to: 'cmake' },
  // aws-lc-sys (0.2x) ships pre-generated bindings for Linux on x86_64/aarch64 and for macOS; its bindgen build-dependency
  // (which Cargo.lock lists for every target) runs only elsewhere, or with its `bindgen` feature.
  { from: 'aws-lc-sys', to: 'bindgen', unless: 'cfg(not(any(all(target_os = "linux", any(target_arch = "x86_64", target_arch = "aarch64")), target_os = "macos")))' },
  { from: 'v8', to: 'bindgen' },
  { from: 'libproc', to: 'bindgen', unless: 'cfg(target_os = "macos")' },
  // coreaudio-sys (bindgen over Apple's headers) builds for Apple targets only, so whoever depends on it (cpal,
  // rodio through coreaudio-rs) does so in an Apple-only table: from any crate.
  { from: '*', to: 'coreaudio-sys', unless: 'cfg(any(target_os = "macos", target_os = "ios"))' },
  // ALSA and libudev exist on Linux (ALSA also on the BSDs cpal supports): their -sys crates build nowhere else.
  { from: '*', to: 'alsa-sys', unless: 'cfg(any(target_os = "linux", target_os = "dragonfly", target_os = "freebsd", target_os = "netbsd", target_os = "openbsd"))' },
  { from: '*', to: 'libudev-sys', unless: 'cfg(target_os = "linux")' },
  // The GTK stack (whose -sys crates probe through system-deps, so pkg-config) of the windowing and webview crates is
  // theirs only on Linux (tao and wry: and the BSDs): macOS and Windows use the system's own toolkits.
  ...['gtk', 'gdkx11-sys', 'gdkwayland-sys'].map((to) => ({ from: 'tao', to, unless: LINUX_BSD })),
  ...['gtk', 'gdkx11', 'webkit2gtk', 'webkit2gtk-sys', 'soup3', 'javascriptcore-rs'].map((to) => ({ from: 'wry', to, unless: LINUX_BSD })),
  ...['gtk', 'libxdo'].map((to) => ({ from: 'muda', to, unless: 'cfg(target_os = "linux")' })),
  ...['gtk', 'libappindicator'].map((to) => ({ from: 'tray-icon', to, unless: 'cfg(target_os = "linux")' })),
  ...['gtk', 'gtk-sys', 'gio-sys', 'glib', 'glib-sys'].map((to) => ({ from: 'systemicons', to, unless: 'cfg(target_os = "linux")' })),
  // slint's winit backend uses muda (and through it GTK on Linux) for menus on macOS and Windows only: its Cargo.toml
  // lists muda in a cfg(any(target_os = "macos", target_family = "windows")) table.
  { from: 'i-slint-backend-winit', to: 'muda', unless: 'cfg(any(target_os = "macos", target_family = "windows"))' },
  // rav1e 0.7 (under image's AVIF encoder, ravif) depends on system-deps only in a cfg(any(decode_test,
  // decode_test_dav1d)) table: cfgs of its own decode tests, never set in a dependent's build.
  { from: 'rav1e', to: 'system-deps', unless: 'cfg(any(decode_test, decode_test_dav1d))' },
  // iana-time-zone depends on its Haiku helper (which compiles C++ with cxx) only in a cfg(target_os = "haiku") table.
  { from: '*', to: 'iana-time-zone-haiku', unless: 'cfg(target_os = "haiku")' },
  // mysql_common's build script runs bindgen and cmake (building MySQL's libstrings) only with its `test` feature,
  // to check its bindings.
  { from: 'mysql_common', to: 'bindgen', unlessFeature: /^test$/ },
  { from: 'mysql_common', to: 'cmake', unlessFeature: /^test$/ },
  // wasmer (4.x/5.x) lists cmake, bindgen, ureq and zip among its build-dependencies for its optional C-API backends:
  // its build script builds WAMR with cmake and bindgen only for `wamr`, and runs bindgen for `v8` and `wasmi`; the
  // default backends (sys, with cranelift) build neither.
  { from: 'wasmer', to: 'cmake', unlessFeature: /^wamr$/ },
  { from: 'wasmer', to: 'bindgen', unlessFeature: /^(?:wamr|v8|wasmi)$/ },
  // libsql-ffi compiles its bundled SQLite with cc and copies pre-generated bindings: bindgen runs only with
  // LIBSQL_DEV; cmake builds SQLite3MultipleCiphers, for its multiple-ciphers feature (libsql's `encryption`) or
  // LIBSQL_DEV.
  { from: 'libsql-ffi', to: 'bindgen', unlessEnv: ['LIBSQL_DEV'] },
  { from: 'libsql-ffi', to: 'cmake', unlessEnv: ['LIBSQL_DEV'], unlessFeature: /^(?:multiple-ciphers|encryption)$/ },
  // z3-sys 0.7/0.8 lists cmake as an optional build-dependency for its static-link-z3 feature (a fresh Z3 built from
  // source); a workspace feature that could turn it on keeps the edge in the lock, but a default build links the system Z3.
  { from: 'z3-sys', to: 'cmake', unlessFeature: /^static-link-z3$/ },
  // tzf-rs ships its generated protobuf code; its build script runs prost-build only when TZF_RS_BUILD_PB is set.
  { from: 'tzf-rs', to: 'prost-build', unlessEnv: ['TZF_RS_BUILD_PB'] },
  // qttypes compiles its C++ (cpp_build) only after finding Qt (qmake on PATH, QMAKE, or QT_INCLUDE_PATH and
  // QT_LIBRARY_PATH); without it (and without its `required` feature) its build script sets cfg(no_qt) and stops.
  // slint's Qt backend does the same when qttypes reports no Qt.
  // audiopus_sys (under songbird) links the system Opus when pkg-config finds `opus`, and builds its bundled copy with
  // the cmake crate only when it does not (or for its static feature on targets that link statically).
  { from: 'audiopus_sys', to: 'cmake', onlyIfFound: 'no Opus through pkg-config (libopus-dev)' },
  { from: 'qttypes', to: 'cpp_build', onlyIfFound: 'a Qt installation (qmake)' },
  { from: 'i-slint-backend-qt', to: 'cpp_build', onlyIfFound: 'a Qt installation (qmake)' },
];

/** What decides a guarded edge: the environment, and whether a feature matching the guard is on. */
export interface EdgeGuards {
  envSet: (name: string) => boolean;
  featureOn: (feature: RegExp) => boolean;
}

const foundWhy = (from: string, to: string, found: string) => `the lock edge ${from} -> ${to}, which ${from}'s build script uses only when it finds ${found}`;

/** Why the lock edge `from -> to` is used only if the build finds something on the machine, or null (UNUSED_EDGES); pure. */
export function edgeFoundGuard(from: string, to: string, target: string): string | null {
  const e = UNUSED_EDGES.find((x) => (x.from === from || x.from === '*') && x.to === to && x.onlyIfFound && (!x.unless || targetApplies(x.unless, target) === false));
  return e ? foundWhy(from, to, e.onlyIfFound!) : null;
}

/** Whether unverified steps' words (one, or several joined by "; ") are all edgeFoundGuard's: the machine decides them. */
export function edgeGuardFound(why: string): boolean {
  return why.split('; ').every((part) => UNUSED_EDGES.some((e) => e.onlyIfFound && e.from !== '*' && part === foundWhy(e.from, e.to, e.onlyIfFound)));
}

/** Whether the build leaves the lock edge `from -> to` unused for `target` (UNUSED_EDGES); pure. */
export function edgeUnused(from: string, to: string, target: string, guards: EdgeGuards): boolean {
  return UNUSED_EDGES.some((e) => {
    if ((e.from !== from && e.from !== '*') || e.to !== to || e.onlyIfFound) return false;
    if (e.unless && targetApplies(e.unless, target) !== false) return false;
    if (e.unlessEnv?.some(guards.envSet)) return false;
    if (e.unlessFeature && guards.featureOn(e.unlessFeature)) return false;
    return true;
  });
}

/** The `dep/feature` and `dep` references a member's default build turns on (the `default` feature's closure). */
export function defaultFeatureRefs(manifest: CargoManifest): Set<string> {
  const refs = new Set<string>();
  const seen = new Set<string>();
  const visit = (feature: string) => {
    if (seen.has(feature)) return;
    seen.add(feature);
    for (const item of manifest.features[feature] ?? []) {
      // `dep?/feature` (weak) is kept as written: it enables the feature only when something else enables the dependency.
      if (item.includes('/') || item.startsWith('dep:')) refs.add(item.replace(/^dep:/, ''));
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
      const [rawKey, f] = r.split('/');
      const weak = rawKey.endsWith('?');
      const key = rawKey.replace(/\?$/, '');
      const dep = m.dependencies.find((d) => d.key === key);
      if (dep && f && (!weak || builtByDefault(m, dep, target, defaults))) add(dep.name, f);
    }
  }
  return out;
}

/**
 * Lock edges a feature adds: the lock keeps them when any feature combination of the members turns them on, so they
 * are built only when a member's default build asks for such a feature, or when no member can (a dependency's own
 * default does). openssl-sys builds openssl-src only with `vendored` (reqwest's native-tls-vendored, openssl's vendored...).
 */
export interface FeatureEdge {
  from: string;
  to: string[];
  /** Features of `from` (or of crates forwarding to them) that add the edge. */
  feature: RegExp;
  /** Only a feature someone asks for adds it (no dependency turns it on by default). */
  onlyWhenAsked?: boolean;
  /** `from`'s own default features add it in versions before this one (reqwest's default-tls was native-tls until 0.13). */
  onDefaultBefore?: string;
  /** `from`'s own default features add it (in every version): built when a declaration keeps them or asks for it. */
  onDefault?: boolean;
  /** Only these crates' requested features count (default: any crate's, as features forward to `from`). */
  askedOf?: string[];
}

export const FEATURE_EDGES: readonly FeatureEdge[] = [
  { from: 'openssl-sys', to: ['openssl-src'], feature: /vendored/ },
  // sqlx's weak `sqlx-sqlite?/...` features keep sqlx-sqlite in every lock (cargo#10801); only `sqlite` builds it.
  { from: 'sqlx', to: ['sqlx-sqlite'], feature: /sqlite/, onlyWhenAsked: true },
  { from: 'sqlx-macros-core', to: ['sqlx-sqlite'], feature: /sqlite/, onlyWhenAsked: true },
  // diesel links a database client library only for the backend features asked of it.
  { from: 'diesel', to: ['mysqlclient-sys'], feature: /^mysql/, onlyWhenAsked: true, askedOf: ['diesel'] },
  { from: 'diesel', to: ['pq-sys'], feature: /^postgres/, onlyWhenAsked: true, askedOf: ['diesel'] },
  // native-tls is never a default of these crates: only a member asking for their native-tls feature builds it.
  ...['ureq', 'tungstenite', 'tokio-tungstenite', 'tokio-tungstenite-wasm', 'async-tungstenite'].map((from) => ({ from, to: ['native-tls', 'tokio-native-tls'], feature: /native-tls/, onlyWhenAsked: true, askedOf: [from] })),
  { from: 'reqwest', to: ['native-tls', 'hyper-tls', 'tokio-native-tls', 'native-tls-crate'], feature: /^(?:default-tls|native-tls)/, onDefaultBefore: '0.13.0', askedOf: ['reqwest'] },
  // git2's `https` feature (a default in the 0.13-0.20 line) links OpenSSL; `default-features = false` without it does not.
  { from: 'git2', to: ['openssl-sys', 'openssl-probe'], feature: /^https$/, onDefault: true, askedOf: ['git2'] },
  { from: 'libgit2-sys', to: ['openssl-sys'], feature: /^https$/, onlyWhenAsked: true, askedOf: ['libgit2-sys', 'git2'] },
  // update-informer's reqwest client is the non-default `reqwest` feature; its weak `reqwest?/...` features keep the
  // edge in every lock (cargo#10801).
  { from: 'update-informer', to: ['reqwest'], feature: /^reqwest$/, onlyWhenAsked: true, askedOf: ['update-informer'] },
  // jiter's Python bindings are its non-default `python` feature (which also adds pyo3-build-config); a lock with
  // jiter -> pyo3 but no pyo3-build-config edge shows them off.
  { from: 'jiter', to: ['pyo3', 'pyo3-build-config'], feature: /^python$/, onlyWhenAsked: true, askedOf: ['jiter'] },
  // rdkafka-sys runs cmake only for its `cmake-build` feature (rdkafka's of the same name forwards to it).
  { from: 'rdkafka-sys', to: ['cmake'], feature: /^cmake[-_]build$/, onlyWhenAsked: true },
  // libz-sys builds zlib-ng with cmake only for its `zlib-ng` feature (libgit2-sys's zlib-ng-compat forwards to it).
  { from: 'libz-sys', to: ['cmake'], feature: /zlib-ng/, onlyWhenAsked: true },
  // slint's backend crates name the Skia renderer and the linuxkms backend only weakly (`i-slint-renderer-skia?/x11`,
  // `i-slint-backend-linuxkms?/renderer-femtovg`) outside the features that enable them; the lock keeps the weak edges
  // (cargo#10801), which bring bindgen/libclang and libudev. slint's `renderer-skia*` and `backend-linuxkms*` forward here.
  { from: 'i-slint-backend-winit', to: ['i-slint-renderer-skia'], feature: /^renderer-skia/, onlyWhenAsked: true },
  { from: 'i-slint-backend-selector', to: ['i-slint-renderer-skia'], feature: /^renderer-skia/, onlyWhenAsked: true },
  { from: 'i-slint-backend-selector', to: ['i-slint-backend-linuxkms'], feature: /^backend-linuxkms/, onlyWhenAsked: true },
  // aws-lc-rs builds AWS-LC's FIPS module (aws-lc-fips-sys: CMake and Go) only for its `fips` feature (rustls's
  // weak `aws-lc-rs?/fips` keeps the edge in every lock, cargo#10801).
  { from: 'aws-lc-rs', to: ['aws-lc-fips-sys'], feature: /^fips$/, onlyWhenAsked: true },
  // substrait vendors protoc (protobuf-src, built with cmake and a C++ compiler) only for its non-default `protoc`
  // feature (datafusion-substrait's `protoc` forwards to it); without it prost-build runs the system protoc.
  { from: 'substrait', to: ['protobuf-src'], feature: /^protoc$/ },
];

function versionBefore(version: string, bound: string): boolean {
  const a = version.split(/[.+-]/).map((n) => Number.parseInt(n, 10) || 0);
  const b = bound.split('.').map((n) => Number(n));
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/**
 * Whether a default build uses a feature edge: true or false when the members' declarations decide it, 'guess' when
 * it rests on the manifests of crates outside the workspace (taken as used, but what it alone reaches is unverified).
 */
function featureEdgeUsed(edge: FeatureEdge, fromVersion: string, members: readonly CargoManifest[], target: string, membersDependOnIt = true): boolean | 'guess' {
  const asked = defaultRequestedFeatures(members, target);
  const requested = [...asked].some(([crate, set]) => (!edge.askedOf || edge.askedOf.includes(crate)) && [...set].some((f) => edge.feature.test(f)));
  if (requested) return true;
  if (edge.onlyWhenAsked) return false;
  if (edge.onDefaultBefore || edge.onDefault) {
    // Declared by the members: their default builds decide (default features on, in a version that had it there).
    const decls = members.flatMap((m) => {
      const defaults = defaultFeatureRefs(m);
      return m.dependencies.filter((d) => d.name === edge.from && builtByDefault(m, d, target, defaults)).map((d) => ({ d, ws: m.workspace?.dependencies.find((w) => w.key === d.key) }));
    });
    // A member's declaration decides only the version it resolves to: another copy in the lock (reqwest 0.9 under a
    // dependency, beside the members' reqwest 0.12) is declared by crates outside the workspace alone.
    const declaredAnywhere = membersDependOnIt && members.some((m) => [...m.dependencies, ...(m.workspace?.dependencies ?? [])].some((d) => d.name === edge.from));
    // Only crates outside the workspace declare it. The lock has the edge because some feature turned it on: theirs,
    // unless a member's own non-default feature forwards to one (then their manifests would have to tell).
    if (!declaredAnywhere) return memberMentions(edge, members) ? 'guess' : true;
    return (!edge.onDefaultBefore || versionBefore(fromVersion, edge.onDefaultBefore)) && decls.some(({ d, ws }) => d.defaultFeatures && (ws?.defaultFeatures ?? true));
  }
  // A member mentions the feature but its default build does not ask for it: that non-default feature added the
  // edge. No member mentions it: a dependency's enabled feature did (the lock keeps only edges some feature adds).
  return !memberMentions(edge, members);
}

/** Whether a member names a feature matching the edge anywhere: in its features or a dependency's feature list. */
function memberMentions(edge: FeatureEdge, members: readonly CargoManifest[]): boolean {
  // `dep/feature` and `dep?/feature` items name the dependency's feature after the slash.
  const names = (f: string) => edge.feature.test(f) || edge.feature.test(f.slice(f.lastIndexOf('/') + 1));
  return members.some((m) => Object.values(m.features).some((list) => list.some(names)) || m.dependencies.some((d) => d.features.some(names)));
}

export interface BuiltCrates {
  /** Each lock crate the build compiles, with the member's direct dependency it is reached through (null: direct). */
  via: Map<LockedCrate, string | null>;
  /**
   * Lock crates reached only through a local crate whose manifest is not in the checkout (a git submodule not checked
   * out) or a feature edge the workspace's own manifests do not decide: whether they are built cannot be told. Each
   * maps to the first such step, in words.
   */
  unverified: Map<LockedCrate, string>;
  /** The features each walked local crate is built with (what its dependents and the roots ask, closed over `[features]`). */
  localFeatures: Map<string, Set<string>>;
}

/** The features and `dep`/`dep/feature` references that `enabled` features of a package turn on (their closure). */
function featureClosure(manifest: CargoManifest, enabled: Iterable<string>): { features: Set<string>; refs: Set<string> } {
  const features = new Set<string>();
  const refs = new Set<string>();
  const visit = (f: string) => {
    if (features.has(f)) return;
    features.add(f);
    for (const item of manifest.features[f] ?? []) {
      if (item.startsWith('dep:')) refs.add(item.slice(4));
      else if (item.includes('/')) {
        const [key, feat] = item.split('/');
        // `dep?/feat` (weak) turns the feature on only if something else enables the dependency.
        if (!key.endsWith('?')) refs.add(key);
        refs.add(`${key.replace(/\?$/, '')}/${feat}`);
      } else if (manifest.features[item]) visit(item);
      else refs.add(item);
    }
  };
  for (const f of enabled) visit(f);
  // An optional dependency without a `dep:` mention anywhere is also a feature of its own name.
  for (const f of features) if (!manifest.features[f]) refs.add(f);
  return { features, refs };
}

/**
 * The lock crates a default `cargo build` of `roots` compiles for `target`, breadth-first, each with the first hop it
 * is reached through. Local crates whose manifests are `known` (the workspace's) are walked with the features their
 * dependents ask for, so an optional dependency only a non-default feature enables is not counted; registry crates
 * are walked through every lock edge but the unused ones. `absent`: local crates whose manifest is not in the checkout.
 */
export function builtCrates(packages: readonly LockedCrate[], roots: readonly CargoManifest[], target: string, known: readonly CargoManifest[] = roots, absent: readonly string[] = [], envSet: (name: string) => boolean = () => false): BuiltCrates {
  const byName = new Map<string, LockedCrate[]>();
  for (const p of packages) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const resolveDep = (dep: string): LockedCrate | undefined => {
    const [name, version] = dep.split(' ');
    const list = byName.get(name);
    return version ? (list?.find((p) => p.version === version) ?? list?.[0]) : list?.[0];
  };
  const edgeCache = new Map<string, boolean | 'guess'>();
  const offFeatures = featuresLeftOff(roots, target);
  const reachCache = new Map<string, Set<LockedCrate>>();
  // The registry crates the lock lets a dependency reach (every edge): where a feature asked of it can act.
  const reachOf = (name: string): Set<LockedCrate> => {
    if (!reachCache.has(name)) {
      const seen = new Set<LockedCrate>((byName.get(name) ?? []).filter((c) => c.source !== null));
      const queue = [...seen];
      for (let i = 0; i < queue.length; i++) {
        for (const d of queue[i].dependencies) {
          const c = resolveDep(d);
          if (c && c.source !== null && !seen.has(c)) (seen.add(c), queue.push(c));
        }
      }
      reachCache.set(name, seen);
    }
    return reachCache.get(name)!;
  };
  // A guard's feature counts when the members' default builds ask it of any crate (dependents forward features).
  const askedFeatures = [...defaultRequestedFeatures(roots, target).values()].flatMap((set) => [...set]);
  const guards: EdgeGuards = { envSet, featureOn: (feature) => askedFeatures.some((f) => feature.test(f)) };
  const edgeUse = (from: LockedCrate, to: string): boolean | 'guess' => {
    if (edgeUnused(from.name, to, target, guards)) return false;
    const index = FEATURE_EDGES.findIndex((e) => e.from === from.name && e.to.includes(to));
    if (index < 0) {
      // A member forwards a feature named after the crate (`actix-web/openssl`) only from a non-default feature of
      // its own: the lock edges into that crate under the dependency are likely that feature's, so what they alone
      // reach is unverified (cargo metadata decides it when it can answer).
      return offFeatures.some((o) => featureNamesCrate(o.feature, to) && reachOf(o.dep).has(from)) ? 'guess' : true;
    }
    // Per edge entry: one crate can have several (diesel's mysql and postgres backends).
    const key = `${index} ${from.version}`;
    if (!edgeCache.has(key)) edgeCache.set(key, featureEdgeUsed(FEATURE_EDGES[index], from.version, roots, target, membersDependOn(from)));
    return edgeCache.get(key)!;
  };
  const unused = (from: LockedCrate, to: string) => edgeUse(from, to) === false;
  // Whether a local crate's lock entry depends on this very copy of a crate ("name" alone: the lock has one copy).
  const membersDependOn = (c: LockedCrate) => packages.some((p) => p.source === null && p.dependencies.some((d) => d === c.name || d === `${c.name} ${c.version}`));
  const manifestOf = new Map<string, CargoManifest>();
  for (const m of [...known, ...roots]) if (m.package) manifestOf.set(m.package.name, m);
  const via = new Map<LockedCrate, string | null>();
  const queue: LockedCrate[] = [];
  const reach = (c: LockedCrate, hop: string | null) => {
    if (via.has(c)) return;
    via.set(c, hop);
    queue.push(c);
  };
  // Features asked of each known local crate; it is (re)walked whenever they grow.
  const asked = new Map<string, Set<string>>();
  const localQueue: string[] = [];
  const ask = (name: string, features: Iterable<string>) => {
    const set = asked.get(name) ?? new Set<string>();
    const before = set.size;
    for (const f of features) set.add(f);
    asked.set(name, set);
    if (set.size > before || before === 0) localQueue.push(name);
  };
  for (const m of roots) if (m.package) ask(m.package.name, ['default']);
  while (localQueue.length) {
    const name = localQueue.shift()!;
    const m = manifestOf.get(name)!;
    const self = packages.find((p) => p.source === null && p.name === name);
    if (self && !via.has(self)) via.set(self, null);
    const { refs } = featureClosure(m, asked.get(name)!);
    for (const d of m.dependencies) {
      if (d.kind === 'dev' || (d.target && targetApplies(d.target, target) === false)) continue;
      if (d.optional && !refs.has(d.key)) continue;
      const lockDeps = self?.dependencies.filter((x) => x.split(' ')[0] === d.name) ?? [d.name];
      for (const ld of lockDeps) {
        const c = resolveDep(ld);
        if (!c) continue;
        if (c.source === null && manifestOf.has(c.name)) {
          const wanted = [...d.features, ...(d.defaultFeatures ? ['default'] : []), ...[...refs].filter((r) => r.startsWith(`${d.key}/`)).map((r) => r.slice(d.key.length + 1))];
          ask(c.name, wanted);
        } else reach(c, null);
      }
    }
  }
  const starts = [...queue];
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i];
    const hop = via.get(cur) ?? cur.name;
    for (const d of cur.dependencies) {
      const c = resolveDep(d);
      if (!c || via.has(c) || unused(cur, c.name)) continue;
      reach(c, c.source === null ? null : hop);
    }
  }
  // The same walk again through verified steps only (no local crate of unknown manifest, no guessed feature edge):
  // what only the others reach is unverified, with the first such step that leads to it.
  const blind = new Set([...via.keys()].filter((c) => c.source === null && !manifestOf.has(c.name) && absent.includes(c.name)));
  const seen = new Set<LockedCrate>(starts.filter((c) => !blind.has(c)));
  const doubtful: { from: LockedCrate; to: LockedCrate; why: string }[] = [...blind].map((b) => ({ from: b, to: b, why: `${b.name}, a path dependency whose Cargo.toml is not in the checkout` }));
  const again = [...seen];
  for (let i = 0; i < again.length; i++) {
    for (const d of again[i].dependencies) {
      const c = resolveDep(d);
      if (!c || seen.has(c) || blind.has(c)) continue;
      const found = edgeFoundGuard(again[i].name, c.name, target);
      if (found) {
        doubtful.push({ from: again[i], to: c, why: found });
        continue;
      }
      const use = edgeUse(again[i], c.name);
      if (use === false) continue;
      if (use === 'guess') {
        doubtful.push({ from: again[i], to: c, why: `the lock edge ${again[i].name} -> ${c.name}, which a feature of ${again[i].name} adds; whether the crates that depend on ${again[i].name} turn it on needs their manifests` });
        continue;
      }
      seen.add(c);
      again.push(c);
    }
  }
  const unverified = new Map<LockedCrate, string>();
  for (const c of via.keys()) if (!seen.has(c) && !blind.has(c) && !manifestOf.has(c.name)) unverified.set(c, doubtfulOrigin(c, doubtful, resolveDep));
  const localFeatures = new Map([...asked].map(([name, features]) => [name, featureClosure(manifestOf.get(name)!, features).features]));
  return { via, unverified, localFeatures };
}

/**
 * The `dep/feature` (and `dep?/feature`) items of the members' non-default features whose feature their default
 * builds ask of no dependency (in the default features' closure or a declaration's `features`), by dependency name.
 */
export function featuresLeftOff(members: readonly CargoManifest[], target: string): { dep: string; feature: string }[] {
  const out: { dep: string; feature: string }[] = [];
  // What any member's default build asks of a dependency is on for all of them (cargo unifies features).
  const asked = defaultRequestedFeatures(members, target);
  for (const m of members) {
    const on = featureClosure(m, ['default']);
    for (const [name, items] of Object.entries(m.features)) {
      if (on.features.has(name)) continue;
      for (const item of items) {
        const slash = item.indexOf('/');
        if (slash < 0) continue;
        const key = item.slice(0, slash).replace(/\?$/, '');
        const feature = item.slice(slash + 1);
        const dep = m.dependencies.find((d) => d.key === key && d.kind !== 'dev');
        // Asked of any dependency by default (`awc/openssl` declared), the crates it names are built after all.
        if (!dep || [...asked.values()].some((set) => set.has(feature))) continue;
        if (!out.some((o) => o.dep === dep.name && o.feature === feature)) out.push({ dep: dep.name, feature });
      }
    }
  }
  return out;
}

/** Whether a feature's name is a crate's name or a whole part of it (`openssl`: openssl, openssl-sys, tokio-openssl). */
export function featureNamesCrate(feature: string, crate: string): boolean {
  const words = crate.split(/[-_]/);
  const wanted = feature.split(/[-_]/);
  for (let i = 0; i + wanted.length <= words.length; i++) if (wanted.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/** The first doubtful step (breadth-first from its target) whose lock edges reach `target`. */
function doubtfulOrigin(target: LockedCrate, doubtful: readonly { to: LockedCrate; why: string }[], resolveDep: (dep: string) => LockedCrate | undefined): string {
  for (const step of doubtful) {
    const seen = new Set<LockedCrate>([step.to]);
    const queue = [step.to];
    for (let i = 0; i < queue.length; i++) {
      if (queue[i] === target) return step.why;
      for (const d of queue[i].dependencies) {
        const c = resolveDep(d);
        if (c && !seen.has(c)) {
          seen.add(c);
          queue.push(c);
        }
      }
    }
  }
  return doubtful[0]?.why ?? 'an unverified step';
}
