// doctor's needs when a registry crate's build script calls a build-dependency only behind a guard: the lock (and
// cargo's graph) list the edge either way, so the guard decides. Modelled in test/fixtures/projects/guarded-build-deps
// on ringsaturn/wai, llxxbb/Nature, uorocketry/rgs and cmmarslender/chia-caching-proxy (validation/real-repos-fresh6.json).

import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { FIX, needsOf, planOf, variant } from './helpers/needs-fixtures.ts';
import { edgeFoundGuard, edgeGuardFound, edgeUnused } from '../src/project/build-graph.ts';
import { deriveNeeds } from '../src/doctor/needs.ts';
import { readProject } from '../src/project/discover.ts';
import type { CargoResolution, ResolvedPackage } from '../src/project/cargo-metadata.ts';

const DIR = join(FIX, 'guarded-build-deps');
const LINUX = 'x86_64-unknown-linux-gnu';

test('guarded build-dependencies left off: no protoc, cmake, make, libclang or Python headers', async () => {
  const needs = await needsOf(DIR);
  for (const c of ['protoc', 'cmake', 'make', 'libclang', 'python-headers']) assert.equal(needs.get(c), undefined, `${c}: ${needs.get(c)?.join('; ')}`);
  // What the default builds do compile stays: libsql-ffi's and aws-lc-sys's C through cc.
  assert.ok(needs.get('c-compiler')!.some((n) => n.startsWith('cc 1.0.83')), needs.get('c-compiler')!.join('; '));
});

test('the environment variable a build script waits for brings its tool back (TZF_RS_BUILD_PB, LIBSQL_DEV)', async () => {
  const tz = await needsOf(DIR, { TZF_RS_BUILD_PB: '1' });
  assert.ok(tz.get('protoc')?.some((n) => n.startsWith('prost-build 0.12.4 via tzf-rs')), tz.get('protoc')?.join('; '));
  assert.equal(tz.get('libclang'), undefined);
  const dev = await needsOf(DIR, { LIBSQL_DEV: '1' });
  assert.ok(dev.get('libclang')?.some((n) => n.startsWith('clang-sys 1.8.1 via libsql')), dev.get('libclang')?.join('; '));
  assert.ok(dev.get('cmake')?.some((n) => n.startsWith('cmake 0.1.54 via libsql')), dev.get('cmake')?.join('; '));
  assert.equal(dev.get('protoc'), undefined);
});

test("a feature that opens the guard brings its tool back: libsql's encryption, mysql_common's test, rustls's fips", async () => {
  const enc = await needsOf(variant('guarded-build-deps', 'store/Cargo.toml', (t) => t.replace('features = ["core"]', 'features = ["core", "encryption"]')));
  assert.ok(enc.get('cmake')?.some((n) => n.startsWith('cmake 0.1.54 via libsql')), enc.get('cmake')?.join('; '));
  assert.equal(enc.get('libclang'), undefined, 'bindgen still waits for LIBSQL_DEV');
  const mysql = await needsOf(variant('guarded-build-deps', 'db/Cargo.toml', (t) => `${t}mysql_common = { version = "0.29", features = ["test"] }\n`));
  assert.ok(mysql.get('cmake')?.some((n) => n.startsWith('cmake 0.1.54 via mysql')), mysql.get('cmake')?.join('; '));
  const fips = await needsOf(variant('guarded-build-deps', 'tls/Cargo.toml', (t) => t.replace('features = ["aws-lc-rs"]', 'features = ["aws-lc-rs", "fips"]')));
  assert.ok(fips.get('cmake')?.some((n) => n.startsWith('cmake 0.1.54 via rustls')), fips.get('cmake')?.join('; '));
});

test('pyo3-build-config alone links no libpython; pyo3 without extension-module does', async () => {
  const lock = (t: string) => t.replace('name = "chialisp"\nversion = "0.4.1"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n', '$&"pyo3",\n')
    .replace('\n[[package]]\nname = "pyo3-build-config"', '\n[[package]]\nname = "pyo3"\nversion = "0.24.2"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n "pyo3-build-config",\n]\n$&');
  const needs = await needsOf(variant('guarded-build-deps', 'Cargo.lock', lock));
  assert.ok(needs.get('python-headers')?.some((n) => n.startsWith('pyo3')), needs.get('python-headers')?.join('; '));
});

test("edgeUnused: a guard's variable or feature opens the edge; an unguarded edge stays used", () => {
  const off = { envSet: () => false, featureOn: () => false };
  assert.equal(edgeUnused('libsql-ffi', 'bindgen', LINUX, off), true);
  assert.equal(edgeUnused('libsql-ffi', 'bindgen', LINUX, { ...off, envSet: (v) => v === 'LIBSQL_DEV' }), false);
  assert.equal(edgeUnused('libsql-ffi', 'cmake', LINUX, { ...off, featureOn: (f) => f.test('multiple-ciphers') }), false);
  assert.equal(edgeUnused('libsql-ffi', 'cc', LINUX, off), false);
  // wasmer's optional backends: cmake only for wamr, bindgen for wamr, v8 and wasmi (lib/api/build.rs).
  assert.equal(edgeUnused('wasmer', 'cmake', LINUX, off), true);
  assert.equal(edgeUnused('wasmer', 'bindgen', LINUX, off), true);
  assert.equal(edgeUnused('wasmer', 'cmake', LINUX, { ...off, featureOn: (f) => f.test('wamr') }), false);
  assert.equal(edgeUnused('wasmer', 'bindgen', LINUX, { ...off, featureOn: (f) => f.test('v8') }), false);
  assert.equal(edgeUnused('wasmer', 'cmake', LINUX, { ...off, featureOn: (f) => f.test('v8') }), true);
  // z3-sys builds Z3 with cmake only for static-link-z3 (its Cargo.toml: cmake optional, static-link-z3 = ["cmake"]).
  assert.equal(edgeUnused('z3-sys', 'cmake', LINUX, off), true);
  assert.equal(edgeUnused('z3-sys', 'cmake', LINUX, { ...off, featureOn: (f) => f.test('static-link-z3') }), false);
  // A target guard still decides by target alone.
  assert.equal(edgeUnused('aws-lc-sys', 'bindgen', LINUX, off), true);
  assert.equal(edgeUnused('aws-lc-sys', 'bindgen', 'x86_64-pc-windows-msvc', off), false);
});

test("cargo's resolved graph lists a guarded build-dependency too: the crate's resolved features and the environment decide", async () => {
  const project = await readProject(DIR);
  // The graph cargo metadata gives for the fixture: every lock edge but aws-lc-rs's optional aws-lc-fips-sys (no `fips`),
  // as cargo resolves build-dependencies whatever the build script does with them; libsql-ffi's features as given.
  const graphWith = (ffiFeatures: string[]): CargoResolution => {
    const packages = new Map<string, ResolvedPackage>();
    for (const p of project.rust!.lock!.packages.filter((x) => x.name !== 'aws-lc-fips-sys')) {
      const id = `${p.name} ${p.version}`;
      const deps = p.dependencies.filter((d) => d !== 'aws-lc-fips-sys').map((d) => {
        const dep = project.rust!.lock!.packages.find((x) => x.name === d.split(' ')[0])!;
        return { name: dep.name, pkg: `${dep.name} ${dep.version}`, kinds: ['normal' as const] };
      });
      packages.set(id, { id, name: p.name, version: p.version, manifest: p.source === null ? `${p.name}/Cargo.toml` : null, features: new Set(p.name === 'libsql-ffi' ? ffiFeatures : []), deps });
    }
    return { graph: { target: LINUX, packages } };
  };
  const plan = (ffi: string[], env: Record<string, string> = {}) => deriveNeeds(project, { env, platform: 'linux', hostTriple: LINUX, cargo: graphWith(ffi) });
  const components = (p: ReturnType<typeof plan>) => p.needs.map((n) => n.component);
  const plain = plan([]);
  assert.ok(plain.notes.some((n) => /follow the build graph cargo resolved/.test(n)), plain.notes.join('\n'));
  for (const c of ['libclang', 'protoc', 'cmake', 'python-headers']) assert.ok(!components(plain).includes(c), components(plain).join(', '));
  assert.ok(plan(['multiple-ciphers']).needs.find((n) => n.component === 'cmake')!.neededBy.some((n) => n.includes('via libsql')));
  assert.ok(components(plan([], { LIBSQL_DEV: '1' })).includes('libclang'));
  // The Qt backend's C++ waits for a Qt installation on the graph too: held back, not a need.
  assert.ok(!components(plain).includes('cxx-compiler') && plain.unverified.some((u) => u.component === 'cxx-compiler'), components(plain).join(', '));
});

test("a build-dependency used only when the build finds something on the machine is held back, not a need (slint's Qt backend)", async () => {
  const plan = await planOf(DIR);
  assert.ok(!plan.needs.some((n) => n.component === 'cxx-compiler'), plan.needs.find((n) => n.component === 'cxx-compiler')?.neededBy.join('; '));
  const held = plan.unverified.find((u) => u.component === 'cxx-compiler');
  assert.match(held?.why ?? '', /(?:i-slint-backend-qt|qttypes) -> cpp_build, which (?:i-slint-backend-qt|qttypes)'s build script uses only when it finds a Qt installation/);
  // Near miss: a member that builds with cpp_build itself compiles C++ whatever is installed.
  const own = variant('guarded-build-deps', 'Cargo.lock', (t) => t.replace('name = "gui"\nversion = "0.1.0"\ndependencies = [\n', '$&"cpp_build",\n'));
  writeFileSync(join(own, 'gui', 'Cargo.toml'), `${readFileSync(join(own, 'gui', 'Cargo.toml'), 'utf8')}\n[build-dependencies]\ncpp_build = "0.5"\n`);
  assert.ok((await needsOf(own)).get('cxx-compiler')?.some((n) => n.startsWith('cpp_build 0.5.10')));
});

test('the held-back note does not promise that cargo metadata settles what only the machine decides', async () => {
  const plan = await planOf(DIR);
  const note = plan.notes.find((n) => n.startsWith('Held back as unverified: cxx-compiler'));
  assert.ok(note && !/cargo metadata can/.test(note), plan.notes.join('\n'));
  assert.equal(edgeGuardFound('the lock edge reqwest -> native-tls, which a feature of reqwest adds'), false);
});

test("audiopus_sys builds its bundled Opus with cmake only when pkg-config finds no system Opus: the machine decides (cringe_radio)", () => {
  const why = edgeFoundGuard('audiopus_sys', 'cmake', LINUX);
  assert.match(why ?? '', /audiopus_sys -> cmake, which audiopus_sys's build script uses only when it finds no Opus through pkg-config/);
  assert.equal(edgeGuardFound(why ?? ''), true);
  assert.equal(edgeFoundGuard('audiopus_sys', 'cc', LINUX), null);
});
