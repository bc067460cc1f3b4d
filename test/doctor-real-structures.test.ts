// doctor's needs on structures found in real repositories (validation/real-repos.json), each modelled as a small
// fixture project: lock edges that only a registry crate's (non-default) feature adds are not counted as built,
// and each comes back when the member turns the feature on.

import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { FIX, needsOf, planOf, variant } from './helpers/needs-fixtures.ts';
import { deriveNeeds } from '../src/doctor/needs.ts';
import { readProject } from '../src/project/discover.ts';
import { tempDir } from './helpers/temp.ts';

test('registry feature edges a default build leaves off: no OpenSSL and no cmake (exa, nushell, git2-rs)', async () => {
  const needs = await needsOf(join(FIX, 'registry-feature-edges'));
  assert.equal(needs.get('openssl-dev'), undefined, needs.get('openssl-dev')?.join('; '));
  assert.ok(!needs.get('pkg-config')?.some((n) => n.startsWith('openssl-sys')), needs.get('pkg-config')?.join('; '));
  assert.equal(needs.get('cmake'), undefined, needs.get('cmake')?.join('; '));
  // What is built stays: libgit2-sys and libz-sys compile C.
  assert.ok(needs.get('c-compiler')!.some((n) => n.startsWith('cc 1.0.79')), needs.get('c-compiler')!.join('; '));
});

test('git2 with its default features links OpenSSL (its `https` default)', async () => {
  const dir = variant('registry-feature-edges', 'gitlog/Cargo.toml', (t) => t.replace(', default-features = false', ''));
  assert.ok((await needsOf(dir)).get('openssl-dev')?.some((n) => n.startsWith('openssl-sys 0.9.61 via git2')));
});

test('update-informer asked for its reqwest client builds native-tls; a member feature forwarding to it leaves that unverified', async () => {
  const dir = variant('registry-feature-edges', 'notify/Cargo.toml', (t) => t.replace('"ureq"]', '"reqwest"]'));
  // No workspace manifest mentions native-tls: the lock's reqwest -> native-tls edge comes from a feature that is on.
  assert.ok((await needsOf(dir)).get('openssl-dev')?.some((n) => n.startsWith('openssl-sys 0.9.61 via update-informer')));
  // A member's own non-default feature may be what added the edge (nushell's `native-tls`): only update-informer's
  // manifest could tell, so the need is held back, with the edge named.
  writeFileSync(join(dir, 'notify', 'Cargo.toml'), `${readFileSync(join(dir, 'notify', 'Cargo.toml'), 'utf8')}\n[features]\nnative-tls = ["update-informer/native-tls"]\n`);
  const plan = await planOf(dir);
  assert.ok(!plan.needs.some((n) => n.component === 'openssl-dev'));
  assert.match(plan.unverified.find((u) => u.component === 'openssl-dev')!.why, /the lock edge reqwest -> native-tls, which a feature of reqwest adds/);
  // pkg-config is a need anyway (alsa-sys), so only openssl-dev is held back.
  assert.ok(plan.notes.some((n) => n.startsWith('Held back as unverified: openssl-dev, needed only through the lock edge reqwest -> native-tls')), plan.notes.join('\n'));
});

test('libz-sys\'s zlib-ng feature on by default runs cmake', async () => {
  const dir = variant('registry-feature-edges', 'zsys/Cargo.toml', (t) => t.replace('[features]\n', '[features]\ndefault = ["zlib-ng-compat"]\n'));
  assert.ok((await needsOf(dir)).get('cmake')?.some((n) => n.startsWith('cmake 0.1.54 via libz-sys')));
});

test("slint's weak references keep the Skia renderer and the linuxkms backend in the lock; only their features build them (shr)", async () => {
  const plain = await needsOf(join(FIX, 'registry-feature-edges'));
  assert.equal(plain.get('libclang'), undefined, plain.get('libclang')?.join('; '));
  assert.equal(plain.get('libudev-dev'), undefined, plain.get('libudev-dev')?.join('; '));
  const skia = variant('registry-feature-edges', 'gui/Cargo.toml', (t) => t.replace('slint = "1.11"', 'slint = { version = "1.11", features = ["renderer-skia"] }'));
  const skiaNeeds = await needsOf(skia);
  assert.ok(skiaNeeds.get('libclang')?.some((n) => n.startsWith('clang-sys 1.8.1 via slint')), skiaNeeds.get('libclang')?.join('; '));
  assert.equal(skiaNeeds.get('libudev-dev'), undefined);
  const kms = variant('registry-feature-edges', 'gui/Cargo.toml', (t) => t.replace('slint = "1.11"', 'slint = { version = "1.11", features = ["backend-linuxkms"] }'));
  assert.ok((await needsOf(kms)).get('libudev-dev')?.some((n) => n.startsWith('libudev-sys 0.1.4 via slint')));
});

test('needs reached only through a path dependency whose sources are absent are held back as unverified (rustdesk-server)', async () => {
  const plan = await planOf(join(FIX, 'absent-submodule'));
  const needed = plan.needs.map((n) => n.component);
  for (const c of ['openssl-dev', 'pkg-config', 'libclang']) assert.ok(!needed.includes(c), `${c} is not a verified need`);
  assert.deepEqual([...new Set(plan.unverified.map((u) => u.component))].sort(), ['libclang', 'openssl-dev', 'pkg-config', 'python']);
  // Nor does an unverified pyo3 set Python bounds or ask for libpython.
  assert.ok(!needed.includes('python') && !needed.includes('python-headers'), needed.join(', '));
  assert.ok(plan.unverified.every((u) => /only through common, a path dependency whose Cargo\.toml is not in the checkout/.test(u.why)));
  // zstd-sys, which the root package declares itself, still needs a C compiler: not held back.
  assert.ok(plan.needs.find((n) => n.component === 'c-compiler')!.neededBy.some((n) => n.startsWith('cc 1.0.79')));
  assert.ok(plan.notes.some((n) => n.startsWith('Held back as unverified: libclang, pkg-config, openssl-dev, python, needed only through common')), plan.notes.join('\n'));
  // With the submodule's manifest there, its dependencies are verified needs again.
  const dir = tempDir('buildmedic-needs-');
  cpSync(join(FIX, 'absent-submodule'), dir, { recursive: true });
  mkdirSync(join(dir, 'libs', 'common', 'src'), { recursive: true });
  writeFileSync(join(dir, 'libs', 'common', 'Cargo.toml'), '[package]\nname = "common"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nopenssl-sys = "0.9"\nclang-sys = "1.8"\n');
  const full = await planOf(dir);
  assert.deepEqual(full.unverified, []);
  assert.ok(full.needs.some((n) => n.component === 'openssl-dev'));
});

test('jiter without its `python` feature needs no Python; with it, pyo3 links libpython (restate)', async () => {
  const plain = await needsOf(join(FIX, 'registry-feature-edges'));
  assert.equal(plain.get('python-headers'), undefined, plain.get('python-headers')?.join('; '));
  assert.equal(plain.get('python'), undefined);
  const dir = variant('registry-feature-edges', 'jsonq/Cargo.toml', (t) => t.replace('jiter = "0.15"', 'jiter = { version = "0.15", features = ["python"] }'));
  assert.ok((await needsOf(dir)).get('python-headers')?.some((n) => n.startsWith('pyo3')));
});

test('a path dependency under the workspace root is a member: its optional dependencies follow its features (qdrant)', async () => {
  const project = await readProject(join(FIX, 'implicit-path-member'));
  assert.deepEqual(project.rust!.members.map((m) => m.manifest.package?.name).sort(), ['app', 'gpu']);
  assert.equal((await needsOf(join(FIX, 'implicit-path-member'))).get('cmake'), undefined);
  const dir = variant('implicit-path-member', 'app/Cargo.toml', (t) => t.replace('path = "../lib/gpu" }', 'path = "../lib/gpu", features = ["gpu"] }'));
  assert.ok((await needsOf(dir)).get('cmake')?.some((n) => n.startsWith('cmake 0.1.57 via shaderc')));
});

test('path dependencies are looked at, not trusted: one outside the root is no member, a FIFO or huge manifest is not read', async () => {
  const dir = tempDir('buildmedic-paths-');
  mkdirSync(join(dir, 'ws', 'app'), { recursive: true });
  mkdirSync(join(dir, 'outside'));
  mkdirSync(join(dir, 'ws', 'fifo'));
  writeFileSync(join(dir, 'outside', 'Cargo.toml'), '[package]\nname = "outside"\nversion = "0.1.0"\n');
  spawnSync('mkfifo', [join(dir, 'ws', 'fifo', 'Cargo.toml')]);
  writeFileSync(join(dir, 'ws', 'Cargo.toml'), '[workspace]\nmembers = ["app"]\n');
  // A manifest over 1 MiB is no member either: path dependencies are read under a cap, per file and in all.
  mkdirSync(join(dir, 'ws', 'huge'));
  writeFileSync(join(dir, 'ws', 'huge', 'Cargo.toml'), `[package]\nname = "huge"\nversion = "0.1.0"\n${'# padding\n'.repeat(120_000)}`);
  writeFileSync(join(dir, 'ws', 'app', 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\noutside = { path = "../../outside" }\nfifo = { path = "../fifo" }\nhuge = { path = "../huge" }\n');
  const project = await readProject(join(dir, 'ws'));
  assert.deepEqual(project.rust!.members.map((m) => m.manifest.package?.name), ['app']);
  assert.deepEqual(project.rust!.absentPathCrates, []);
});

test('diesel asked for postgres links libpq, not libmysqlclient: each of its feature edges is decided on its own', async () => {
  const needs = await needsOf(join(FIX, 'registry-feature-edges'));
  assert.ok(needs.get('libpq-dev')?.some((n) => n.startsWith('pq-sys 0.6.3 via diesel')), [...needs.keys()].join(', '));
  assert.equal(needs.get('mysqlclient-dev'), undefined);
});

test('rdkafka builds librdkafka with make, and with cmake only for its cmake-build feature', async () => {
  const needs = await needsOf(join(FIX, 'registry-feature-edges'));
  assert.ok(needs.get('make')?.some((n) => n.startsWith('rdkafka-sys 4.7.0+2.3.0 via rdkafka')), [...needs.keys()].join(', '));
  assert.equal(needs.get('cmake'), undefined);
  const dir = variant('registry-feature-edges', 'kafka/Cargo.toml', (t) => t.replace('rdkafka = "0.36"', 'rdkafka = { version = "0.36", features = ["cmake-build"] }'));
  assert.ok((await needsOf(dir)).get('cmake')?.some((n) => n.startsWith('cmake 0.1.54 via rdkafka')));
  // librdkafka's C++ API is built either way: by its CMake project (C and CXX) with cmake-build (ape-dts), and by
  // `make libs` (subdirectories src and src-cpp) without it (rust-rdkafka).
  assert.ok((await needsOf(dir)).get('cxx-compiler')?.some((n) => n.startsWith('rdkafka-sys 4.7.0+2.3.0 via rdkafka')));
  assert.ok(needs.get('cxx-compiler')?.some((n) => n.startsWith('rdkafka-sys 4.7.0+2.3.0 via rdkafka')));
});

test('cpal\'s CoreAudio bindings need libclang on Apple targets only; ALSA on Linux only', async () => {
  const project = await readProject(join(FIX, 'registry-feature-edges'));
  const on = (hostTriple: string) => deriveNeeds(project, { env: {}, platform: 'linux', hostTriple }).needs.map((n) => n.component);
  assert.ok(!on('x86_64-unknown-linux-gnu').includes('libclang'));
  assert.ok(on('x86_64-unknown-linux-gnu').includes('alsa-dev'));
  assert.ok(on('aarch64-apple-darwin').includes('libclang'));
  assert.ok(!on('aarch64-apple-darwin').includes('alsa-dev'));
});

test('maturin turns on no pyo3 feature: without extension-module, pyo3 before 0.26 links libpython (pm4py-rs)', async () => {
  assert.equal((await needsOf(join(FIX, 'pyo3-old'))).get('python-headers'), undefined);
  const linked = variant('pyo3-old', 'Cargo.toml', (t) => t.replace(', features = ["extension-module"]', ''));
  assert.ok((await needsOf(linked)).get('python-headers')?.some((n) => n.includes('no extension-module feature')));
  // [tool.maturin] features asking pyo3 for it make an extension module again.
  const viaMaturin = join(linked, 'pyproject.toml');
  writeFileSync(viaMaturin, `${readFileSync(viaMaturin, 'utf8')}\n[tool.maturin]\nfeatures = ["pyo3/extension-module"]\n`);
  assert.equal((await needsOf(linked)).get('python-headers'), undefined);
  // pyo3 0.26 on reads the PYO3_BUILD_EXTENSION_MODULE maturin sets, with no feature.
  const newer = variant('pyo3-old', 'Cargo.toml', (t) => t.replace(', features = ["extension-module"]', ''));
  writeFileSync(join(newer, 'Cargo.lock'), readFileSync(join(newer, 'Cargo.lock'), 'utf8').replaceAll('version = "0.16.6"', 'version = "0.26.0"'));
  assert.equal((await needsOf(newer)).get('python-headers'), undefined);
});

test("inkjet's default all_languages compiles C++ grammar scanners; with its defaults off it needs no C++ compiler (my-website)", async () => {
  const withInkjet = (decl: string) => {
    const dir = variant('registry-feature-edges', 'gui/Cargo.toml', (t) => t.replace('slint = "1.11"', `slint = "1.11"\ninkjet = ${decl}`));
    const lock = join(dir, 'Cargo.lock');
    const text = readFileSync(lock, 'utf8').replace('name = "gui"\nversion = "0.1.0"\ndependencies = [\n', 'name = "gui"\nversion = "0.1.0"\ndependencies = [\n "inkjet",\n');
    writeFileSync(lock, `${text}\n[[package]]\nname = "inkjet"\nversion = "0.11.1"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n "cc",\n]\n`);
    return dir;
  };
  // rdkafka-sys's bundled build needs the C++ compiler here anyway: what counts is whether inkjet is among its users.
  const byInkjet = async (dir: string) => ((await needsOf(dir)).get('cxx-compiler') ?? []).some((n) => n.startsWith('inkjet 0.11.1'));
  assert.equal(await byInkjet(withInkjet('"0.11"')), true);
  assert.equal(await byInkjet(withInkjet('{ version = "0.11", default-features = false, features = ["language-rust"] }')), false);
  assert.equal(await byInkjet(withInkjet('{ version = "0.11", default-features = false, features = ["all_languages"] }')), true);
});

test("unrar_sys compiles its bundled UnRAR library as C++, whoever depends on it (decompress's default rar feature)", async () => {
  const dir = variant('registry-feature-edges', 'gui/Cargo.toml', (t) => t.replace('slint = "1.11"', 'slint = "1.11"\nunrar = "0.4"'));
  const lock = join(dir, 'Cargo.lock');
  const text = readFileSync(lock, 'utf8').replace('name = "gui"\nversion = "0.1.0"\ndependencies = [\n', 'name = "gui"\nversion = "0.1.0"\ndependencies = [\n "unrar",\n');
  writeFileSync(lock, `${text}\n[[package]]\nname = "unrar"\nversion = "0.4.4"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n "unrar_sys",\n]\n\n[[package]]\nname = "unrar_sys"\nversion = "0.2.1"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n "cc",\n]\n`);
  const cxx = (await needsOf(dir)).get('cxx-compiler') ?? [];
  assert.ok(cxx.some((n) => n.startsWith('unrar_sys 0.2.1')), cxx.join('; '));
});

test('gdal-sys finds the system GDAL with pkg-config unless GDAL_LIB_DIR or GDAL_HOME points at it (georust/gdal)', async () => {
  const dir = variant('registry-feature-edges', 'gui/Cargo.toml', (t) => t.replace('slint = "1.11"', 'slint = "1.11"\ngdal = "0.18"'));
  const lock = join(dir, 'Cargo.lock');
  const text = readFileSync(lock, 'utf8').replace('name = "gui"\nversion = "0.1.0"\ndependencies = [\n', 'name = "gui"\nversion = "0.1.0"\ndependencies = [\n "gdal",\n');
  writeFileSync(lock, `${text}\n[[package]]\nname = "gdal"\nversion = "0.18.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n "gdal-sys",\n]\n\n[[package]]\nname = "gdal-sys"\nversion = "0.11.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n "pkg-config",\n]\n`);
  const byGdal = (needs: Map<string, string[]>) => (needs.get('pkg-config') ?? []).some((n) => n.startsWith('gdal-sys 0.11.0'));
  assert.equal(byGdal(await needsOf(dir)), true);
  assert.equal(byGdal(await needsOf(dir, { GDAL_HOME: '/opt/gdal' })), false);
});
