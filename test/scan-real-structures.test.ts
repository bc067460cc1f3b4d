// Structures found in real repositories (validation/real-repos.json), each modelled as a small fixture project:
// feature unification through a path dependency and a cargo-hakari workspace-hack, per-target dependency tables,
// a build context a compose file defines, a cache-mounted build after `cargo chef cook`, and Cargo.lock entries a
// default build does not compile. Where the Debian librust crates are installed, cargo itself resolves the graph.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { deriveNeeds } from '../src/doctor/needs.ts';
import { readProject } from '../src/project/discover.ts';
import type { ScanFinding } from '../src/report/finding.ts';
import { cargoRejects } from '../src/project/cargo-metadata.ts';
import { type ReadOptions, readProjectFiles } from '../src/project/read-project.ts';
import { SCANNERS } from '../src/scan/registry.ts';
import { type ScanReport, scanProject } from '../src/scan/run-scan.ts';
import { cargoMetadataError, copyFixture, DEBIAN_REGISTRY, gitInit, runCli, tempDir, useDebianCrates, writeFiles } from './helpers/scan-projects.ts';

const haveTokio = existsSync(join(DEBIAN_REGISTRY, 'tokio-1.24.2'));
const LINUX = 'x86_64-unknown-linux-gnu';

async function scan(dir: string, read: ReadOptions = {}, unverified = false): Promise<ScanReport> {
  return scanProject(await readProjectFiles(dir, SCANNERS, { target: LINUX, ...read }), SCANNERS, undefined, { unverified });
}

const brief = (fs: ScanFinding[]) => fs.map((f) => `${f.rule} ${f.evidence[0].file}:${f.evidence[0].line}`);
const heldWhy = (r: ScanReport) => r.heldBack.flatMap((h) => h.why);

test('a path dependency that enables the feature: held back without cargo, no finding on the graph cargo resolves (polars, helix)', async (t) => {
  const dir = copyFixture('unify-path-dep');
  const files = await scan(dir);
  assert.deepEqual(files.findings, []);
  assert.match(heldWhy(files).join('\n'), /app\/Cargo\.toml lacks tokio `fs`, but io\/Cargo\.toml enables it, and Cargo unifies features/);
  if (!haveTokio) return t.skip('Debian librust-tokio-dev not installed');
  useDebianCrates(dir);
  const resolved = await scan(dir, { resolveCargo: true }, true);
  assert.deepEqual(resolved.findings, [], 'cargo builds tokio with `fs` for the whole workspace');
  assert.ok(!existsSync(join(dir, 'Cargo.lock')), 'resolving without a lock never writes one into the project');
  // Without the path dependency's feature, cargo's own graph proves it is off: a verified finding.
  writeFiles(dir, { 'io/Cargo.toml': readFileSync(join(dir, 'io/Cargo.toml'), 'utf8').replace('features = ["fs"]', 'features = ["rt"]') });
  const off = await scan(dir, { resolveCargo: true });
  assert.deepEqual(brief(off.findings), ['crate-feature-missing app/src/lib.rs:2']);
  assert.match(off.findings[0].message, /the resolved build graph does not enable/);
});

test('a cargo-hakari workspace-hack crate enables the features its members use (restate)', async (t) => {
  const dir = copyFixture('hakari-workspace-hack');
  const files = await scan(dir);
  assert.deepEqual(files.findings, []);
  assert.match(heldWhy(files).join('\n'), /workspace-hack\/Cargo\.toml enables it/);
  if (!haveTokio) return t.skip('Debian librust-tokio-dev not installed');
  useDebianCrates(dir);
  assert.deepEqual((await scan(dir, { resolveCargo: true }, true)).findings, []);
});

test('per-target tables: the feature goes into the table of the target being built, never the wasm-only one (surrealdb)', async (t) => {
  const dir = copyFixture('target-tables');
  const report = await scan(dir);
  // The lock shows tokio without mio, so `net` is off everywhere: verified without cargo.
  assert.deepEqual(brief(report.findings), ['crate-feature-missing src/lib.rs:2']);
  const [edit] = report.findings[0].fix!.edits;
  const text = readFileSync(join(dir, 'Cargo.toml'), 'utf8');
  assert.equal(text.lastIndexOf('[target', edit.start), text.indexOf("[target.'cfg(not(target_family = \"wasm\"))'"));
  assert.equal(report.findings[0].evidence.at(-1)!.line, 12);
  // Built for wasm, the code is compiled out (#[cfg(not(target_family = "wasm"))]): nothing to say, no wasm-table edit.
  assert.deepEqual((await scan(dir, { target: 'wasm32-unknown-unknown' })).findings, []);
  // Without that attribute the wasm build does compile it, and the wasm table is the one to edit.
  writeFiles(dir, { 'src/lib.rs': readFileSync(join(dir, 'src/lib.rs'), 'utf8').replace('#[cfg(not(target_family = "wasm"))]\n', '') });
  const wasm = (await scan(dir, { target: 'wasm32-unknown-unknown' })).findings[0];
  const edited = readFileSync(join(dir, 'Cargo.toml'), 'utf8');
  assert.equal(edited.lastIndexOf('[target', wasm.fix!.edits[0].start), edited.indexOf("[target.'cfg(target_family = \"wasm\")'"));
  writeFiles(dir, { 'src/lib.rs': `#[cfg(not(target_family = "wasm"))]\n${readFileSync(join(dir, 'src/lib.rs'), 'utf8')}` });
  if (!haveTokio) return t.skip('Debian librust-tokio-dev not installed');
  useDebianCrates(dir);
  rmSync(join(dir, 'Cargo.lock'));
  assert.equal(runCli(['fix', '--write', dir]).status, 1);
  assert.equal(cargoMetadataError(dir), null, 'cargo still reads the edited manifest');
  assert.match(readFileSync(join(dir, 'Cargo.toml'), 'utf8'), /not\(target_family = "wasm"\)\)'\.dependencies\]\ntokio = \{ version = "1", features = \["rt", "net"\] \}/);
});

test('the build context a compose file declares is the one used, and the output says so (convex-backend)', async () => {
  const dir = copyFixture('compose-context');
  const report = await scan(dir);
  assert.deepEqual(brief(report.findings), ['docker-lock-not-copied docker/Dockerfile:5']);
  assert.match(report.findings[0].message, /\(build context \., from docker-compose\.yml\)/);
  assert.equal(report.findings[0].captures.lockPath, 'Cargo.lock');
  // Without the compose file, the COPY sources (Cargo.toml, src) exist only from the root: that context is inferred.
  rmSync(join(dir, 'docker-compose.yml'));
  const inferred = await scan(dir);
  assert.deepEqual(brief(inferred.findings), ['docker-lock-not-copied docker/Dockerfile:5']);
  assert.match(inferred.findings[0].message, /from its COPY sources/);
});

test('a compose file with thousands of services still declares the context (read without the quadratic duplicate-key check)', async () => {
  const dir = copyFixture('compose-context');
  const many = Array.from({ length: 5000 }, (_, i) => `  s${i}: {build: {context: d${i}, dockerfile: ../elsewhere/Dockerfile}}\n`).join('');
  writeFiles(dir, { 'docker-compose.yml': `services:\n${many}  app:\n    build: {context: ., dockerfile: docker/Dockerfile}\n` });
  const report = await scan(dir);
  assert.match(report.findings[0]?.message ?? '', /\(build context \., from docker-compose\.yml\)/);
});

test('docker build -f and docker/build-push-action in a workflow declare the context', async () => {
  const dir = copyFixture('compose-context');
  rmSync(join(dir, 'docker-compose.yml'));
  writeFiles(dir, { '.github/workflows/img.yml': 'jobs:\n  img:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: docker/Dockerfile\n' });
  assert.match((await scan(dir)).findings[0].message, /from \.github\/workflows\/img\.yml/);
  writeFiles(dir, { '.github/workflows/img.yml': 'jobs:\n  img:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t app -f docker/Dockerfile .\n' });
  assert.match((await scan(dir)).findings[0].message, /from \.github\/workflows\/img\.yml/);
});

test('a copy out of a cache-mounted target/ after cargo chef cook: reported once, moved into the real build (convex-backend)', async () => {
  const dir = copyFixture('chef-cache-mount');
  const report = await scan(dir);
  assert.deepEqual(brief(report.findings), ['docker-cache-mount-artifact Dockerfile:14']);
  assert.match(report.findings[0].message, /cache mount of the RUN at line 13/);
  const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
  const append = report.findings[0].fix!.edits.find((e) => e.text.startsWith(' && cp'))!;
  assert.equal(text.slice(text.lastIndexOf('\n', append.start - 1) + 1, append.start), 'RUN --mount=type=cache,target=/app/target cargo build --release --locked');
});

test('cargo-manifest-missing: not after COPY . . into / without WORKDIR, nor after cargo new (meilisearch, dufs, lychee)', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\n',
    'Cargo.lock': 'version = 3\n\n[[package]]\nname = "a"\nversion = "0.1.0"\n',
    'src/main.rs': 'fn main() {}\n',
    'Dockerfile': 'FROM rust:1.80 AS one\nCOPY . .\nRUN cargo install --path . --root /\n\nFROM rust:1.80 AS two\nRUN USER=root cargo new --bin app\nWORKDIR /app\nCOPY src ./src\nRUN cargo build --release\n',
  });
  assert.deepEqual((await scan(dir)).findings.filter((f) => f.rule === 'cargo-manifest-missing'), []);
  writeFiles(dir, { 'Dockerfile': 'FROM rust:1.80\nWORKDIR /app\nCOPY src ./src\nRUN cargo build --release\n' });
  assert.deepEqual(brief((await scan(dir)).findings), ['cargo-manifest-missing Dockerfile:4']);
});

test('crate-feature-missing: re-exported paths, vendored copies and test-only uses (meilisearch, atuin, tonic)', async () => {
  const dir = tempDir();
  const lock = 'version = 3\n\n[[package]]\nname = "a"\nversion = "0.1.0"\ndependencies = ["rocket", "tokio"]\n\n[[package]]\nname = "rocket"\nversion = "0.5.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n\n[[package]]\nname = "tokio"\nversion = "1.24.2"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n';
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\n\n[dependencies]\nrocket = "0.5"\ntokio = { version = "1", features = ["rt"] }\n',
    'Cargo.lock': lock,
    'src/lib.rs': 'pub async fn wait() { rocket::tokio::time::sleep(std::time::Duration::ZERO).await; }\n',
    'src/other.rs': 'use rocket::tokio;\npub async fn w() { tokio::time::sleep(std::time::Duration::ZERO).await; }\n',
    'vendor/copy/Cargo.toml': '[package]\nname = "copy"\nversion = "0.1.0"\n\n[dependencies]\ntokio = "1"\n',
    'vendor/copy/src/lib.rs': 'pub async fn f() { tokio::time::sleep(std::time::Duration::ZERO).await; }\n',
    'tests/it.rs': 'async fn t() { tokio::time::sleep(std::time::Duration::ZERO).await; }\n',
  });
  const [only] = (await scan(dir)).findings;
  // Only the test's own use of tokio::time is reported, with no edit of [dependencies] (the library does not need it).
  assert.deepEqual(brief([only]), ['crate-feature-missing tests/it.rs:1']);
  assert.equal(only.fix, null);
  assert.match(only.message, /only tests or examples use it: enable it in \[dev-dependencies\]/);
  assert.equal(only.captures.cargoAdd, 'cargo add --dev tokio --features time');
});

test('needs from Cargo.lock are those of a default build: no cmake for aws-lc-sys, no vendored OpenSSL from a non-default feature, protox means no protoc, no dev-dependencies (lldap, vaultwarden, atuin)', async () => {
  const dir = copyFixture('lock-needs');
  assert.deepEqual(brief((await scan(dir)).findings), ['openssl-dev-missing Dockerfile:1']);
  const needs = deriveNeeds(await readProject(dir), { env: {}, platform: 'linux', hostTriple: LINUX }).needs.map((n) => n.component);
  for (const c of ['openssl-dev', 'pkg-config', 'c-compiler']) assert.ok(needs.includes(c as never), c);
  for (const c of ['cmake', 'perl', 'protoc', 'sqlite3-dev']) assert.ok(!needs.includes(c as never), c);
  // aws-lc-sys 0.22's lock entry also lists bindgen (for targets without its pre-generated bindings, uvenv): no
  // libclang on x86_64 Linux, but on a target it has no bindings for
  const lock = readFileSync(join(dir, 'Cargo.lock'), 'utf8').replace('name = "aws-lc-sys"\nversion = "0.37.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n', '$& "bindgen",\n')
    .concat('\n[[package]]\nname = "bindgen"\nversion = "0.69.5"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n "clang-sys",\n]\n\n[[package]]\nname = "clang-sys"\nversion = "1.8.1"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n');
  writeFiles(dir, { 'Cargo.lock': lock });
  const withBindgen = async (hostTriple: string) => deriveNeeds(await readProject(dir), { env: {}, platform: 'linux', hostTriple }).needs.map((n) => n.component);
  assert.ok(!(await withBindgen(LINUX)).includes('libclang'));
  assert.ok((await withBindgen('riscv64gc-unknown-linux-gnu')).includes('libclang'));
  // With the vendored feature on by default, openssl-src is built: perl and make, and no system OpenSSL.
  writeFiles(dir, { 'Cargo.toml': readFileSync(join(dir, 'Cargo.toml'), 'utf8').replace('[features]\n', '[features]\ndefault = ["vendored_openssl"]\n') });
  const vendored = deriveNeeds(await readProject(dir), { env: {}, platform: 'linux', hostTriple: LINUX }).needs.map((n) => n.component);
  assert.ok(vendored.includes('perl') && !vendored.includes('openssl-dev'), vendored.join());
});

test('without a lock, a member that compiles its protos with protox needs no protoc; one that runs prost-build alone does (lucle)', async () => {
  const dir = tempDir();
  const manifest = (buildDeps: string) => `[package]\nname = "svc"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nprost = "0.13"\n\n[build-dependencies]\n${buildDeps}`;
  writeFiles(dir, {
    'Cargo.toml': manifest('tonic-build = { version = "0.12.0", features = ["prost"] }\nprost-build = "0.13"\nprotox = "0.7.1"\n'),
    'build.rs': 'fn main() {\n    let fds = protox::compile(["proto/svc.proto"], ["."]).unwrap();\n    tonic_build::configure().skip_protoc_run().compile_fds(fds).unwrap();\n}\n',
    'src/main.rs': 'fn main() {}\n',
  });
  const needs = async () => deriveNeeds(await readProject(dir), { env: {}, platform: 'linux', hostTriple: LINUX }).needs.map((n) => n.component);
  assert.ok(!(await needs()).includes('protoc'), (await needs()).join());
  writeFiles(dir, { 'Cargo.toml': manifest('tonic-build = { version = "0.12.0", features = ["prost"] }\nprost-build = "0.13"\n') });
  assert.ok((await needs()).includes('protoc'), (await needs()).join());
});

test('a protobuf-src deep in the graph does not vendor protoc for a member that runs prost-build itself (qdrant, restate)', async () => {
  const dir = copyFixture('lock-needs');
  const lock = readFileSync(join(dir, 'Cargo.lock'), 'utf8')
    .replace(' "protox",\n', '')
    .concat('\n[[package]]\nname = "protobuf-build"\nversion = "0.15.1"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n "protobuf-src",\n]\n\n[[package]]\nname = "protobuf-src"\nversion = "2.1.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n');
  writeFiles(dir, {
    'Cargo.lock': lock.replace('name = "proto-gen"\nversion = "0.1.0"\ndependencies = [\n', 'name = "proto-gen"\nversion = "0.1.0"\ndependencies = [\n "protobuf-build",\n'),
    'proto-gen/Cargo.toml': '[package]\nname = "proto-gen"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nprotobuf-build = "0.15"\n\n[build-dependencies]\ntonic-build = "0.12"\n',
  });
  const needs = deriveNeeds(await readProject(dir), { env: {}, platform: 'linux', hostTriple: LINUX }).needs.map((n) => n.component);
  assert.ok(needs.includes('protoc'), needs.join());
});

test('python-wheel-missing: a release with no wheel at all is pure Python and no risk; one with wheels elsewhere is (paperless-ngx)', async () => {
  const dir = tempDir();
  const pkg = (name: string, version: string, wheels: string[]) => [
    '[[packages]]', `name = "${name}"`, `version = "${version}"`,
    `sdist = { name = "${name}-${version}.tar.gz", url = "https://files.pythonhosted.org/packages/${name}-${version}.tar.gz", hashes = { sha256 = "00" } }`,
    'wheels = [', ...wheels.map((w) => `  { url = "https://files.pythonhosted.org/packages/ab/${w}", hashes = { sha256 = "01" } },`), ']', '',
  ];
  writeFiles(dir, {
    '.python-version': '3.13\n',
    'pylock.toml': ['lock-version = "1.0"', 'created-by = "pip"', '', ...pkg('langdetect', '1.0.9', []), ...pkg('fastnum', '1.0.0', ['fastnum-1.0.0-cp39-cp39-manylinux_2_17_x86_64.whl'])].join('\n'),
  });
  const findings = (await scan(dir)).findings.filter((f) => f.rule === 'python-wheel-missing');
  assert.deepEqual(findings.map((f) => f.captures.package), ['fastnum']);
});

test('fix hunks are checked with cargo metadata on the edited manifest: a rejected edit is never applied', async (t) => {
  const files = new Map([
    ['Cargo.toml', '[package]\nname = "v"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ntokio = { version = "1", features = ["rt"] }\n'],
    ['src/lib.rs', 'pub fn f() {}\n'],
  ]);
  const broken = new Map([['Cargo.toml', files.get('Cargo.toml')!.replace('features = ["rt"] }', 'features = ["rt" }')]]);
  // Without crates cargo cannot resolve either copy; an edit that still parses is let through, one that does not is not.
  assert.match((await cargoRejects(files, broken, '', LINUX)) ?? '', /./);
  assert.equal(await cargoRejects(files, new Map([['Cargo.toml', files.get('Cargo.toml')!.replace('"rt"', '"rt", "fs"')]]), '', LINUX), null);
  if (!haveTokio) return t.skip('Debian librust-tokio-dev not installed');
  const withCrates = new Map([...files, ['.cargo/config.toml', `[source.crates-io]\nreplace-with = "debian"\n\n[source.debian]\ndirectory = "${DEBIAN_REGISTRY}"\n`]]);
  const unknownFeature = new Map([['Cargo.toml', files.get('Cargo.toml')!.replace('"rt"', '"rt", "no-such-feature"')]]);
  assert.match((await cargoRejects(withCrates, unknownFeature, '', LINUX)) ?? '', /no-such-feature/);
  assert.equal(await cargoRejects(withCrates, new Map([['Cargo.toml', files.get('Cargo.toml')!.replace('"rt"', '"rt", "fs"')]]), '', LINUX), null);
});

test("doctor follows the graph cargo resolves when it can: build-dependencies count, dev-dependencies do not", async (t) => {
  if (!existsSync(join(DEBIAN_REGISTRY, 'cc-1.0.73'))) return t.skip('Debian librust-cc-dev not installed');
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "g"\nversion = "0.1.0"\nedition = "2021"\n\n[dev-dependencies]\ncc = "1"\n',
    'src/lib.rs': 'pub fn f() {}\n',
  });
  useDebianCrates(dir);
  assert.equal(spawnSync('cargo', ['generate-lockfile', '--offline'], { cwd: dir, encoding: 'utf8' }).status, 0);
  const needsOf = async () => {
    const { resolveWithCargo } = await import('../src/project/cargo-metadata.ts');
    const project = await readProject(dir);
    const cargo = await resolveWithCargo(project.rust!.root, '', LINUX, new Map());
    assert.ok('graph' in cargo, JSON.stringify(cargo));
    return deriveNeeds(project, { env: {}, platform: 'linux', hostTriple: LINUX, cargo });
  };
  const dev = await needsOf();
  assert.match(dev.notes.join('\n'), /Needs follow the build graph cargo resolved/);
  assert.ok(!dev.needs.find((n) => n.component === 'c-compiler')!.neededBy.some((b) => b.startsWith('cc ')));
  writeFiles(dir, { 'Cargo.toml': readFileSync(join(dir, 'Cargo.toml'), 'utf8').replace('[dev-dependencies]', '[build-dependencies]') });
  const build = await needsOf();
  assert.ok(build.needs.find((n) => n.component === 'c-compiler')!.neededBy.some((b) => b.startsWith('cc 1.0.73')));
});

test('a Dockerfile that runs a plain cargo build needs only what the default-members build (artemis-style workspace)', async () => {
  const dir = tempDir();
  const lock = ['version = 3', '', '[[package]]', 'name = "app"', 'version = "0.1.0"', '', '[[package]]', 'name = "extra"', 'version = "0.1.0"', 'dependencies = [', ' "prost-build",', ']', '', '[[package]]', 'name = "prost-build"', 'version = "0.12.6"', 'source = "registry+https://github.com/rust-lang/crates.io-index"', ''].join('\n');
  writeFiles(dir, {
    'Cargo.toml': '[workspace]\nmembers = ["app", "crates/*"]\ndefault-members = ["app"]\nresolver = "2"\n',
    'app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n',
    'app/src/main.rs': 'fn main() {}\n',
    // A member outside default-members compiles protos; `cargo build` at the root does not build it.
    'crates/extra/Cargo.toml': '[package]\nname = "extra"\nversion = "0.1.0"\nedition = "2021"\n\n[build-dependencies]\nprost-build = "0.12"\n',
    'crates/extra/src/lib.rs': '',
    'Cargo.lock': lock,
    Dockerfile: 'FROM rust:1.80-slim AS builder\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n',
  });
  assert.deepEqual(brief((await scan(dir)).findings).filter((f) => f.startsWith('protoc-missing')), []);
  // Without default-members, `cargo build` builds every member, the protos too.
  writeFiles(dir, { 'Cargo.toml': '[workspace]\nmembers = ["app", "crates/*"]\nresolver = "2"\n' });
  assert.deepEqual(brief((await scan(dir)).findings).filter((f) => f.startsWith('protoc-missing')), ['protoc-missing Dockerfile:1']);
});

test('a workflow or compose file of the wrong shape (steps: 5, services: a string) does not stop the Dockerfile checks', async () => {
  const dir = copyFixture('compose-context');
  writeFiles(dir, {
    '.github/workflows/a.yml': 'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: 5\n  other: 7\n',
    'docker-compose.yml': 'services: just a string\n',
  });
  const report = await scan(dir);
  assert.deepEqual(report.problems, []);
  assert.deepEqual(brief(report.findings), ['docker-lock-not-copied docker/Dockerfile:5']);
});

test('a workspace member the image leaves out (.dockerignore, or COPY of some directories only): cargo cannot load the workspace (rust-finance)', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[workspace]\nmembers = ["crates/*", "benchmarks"]\nresolver = "2"\n',
    'crates/daemon/Cargo.toml': '[package]\nname = "daemon"\nversion = "0.1.0"\nedition = "2021"\n',
    'crates/daemon/src/main.rs': 'fn main() {}\n',
    'benchmarks/Cargo.toml': '[package]\nname = "benchmarks"\nversion = "0.1.0"\nedition = "2021"\n',
    'benchmarks/src/lib.rs': '',
    'Cargo.lock': 'version = 3\n\n[[package]]\nname = "benchmarks"\nversion = "0.1.0"\n\n[[package]]\nname = "daemon"\nversion = "0.1.0"\n',
    '.dockerignore': 'target\nbenchmarks/\n',
    Dockerfile: 'FROM rust:1.80-slim AS builder\nWORKDIR /build\nCOPY Cargo.toml Cargo.lock ./\nCOPY crates/ crates/\nRUN cargo build --release -p daemon\n',
  });
  const found = (await scan(dir)).findings.filter((f) => f.rule === 'cargo-manifest-missing');
  assert.deepEqual(brief(found), ['cargo-manifest-missing Dockerfile:5']);
  assert.match(found[0].message, /no benchmarks\/Cargo\.toml of its member benchmarks: cargo cannot load the workspace/);
  // Near miss: the member is copied too (no .dockerignore line, and a COPY of it).
  writeFiles(dir, { '.dockerignore': 'target\n', Dockerfile: 'FROM rust:1.80-slim AS builder\nWORKDIR /build\nCOPY Cargo.toml Cargo.lock ./\nCOPY crates/ crates/\nCOPY benchmarks/ benchmarks/\nRUN cargo build --release -p daemon\n' });
  assert.deepEqual((await scan(dir)).findings.filter((f) => f.rule === 'cargo-manifest-missing'), []);
  // COPY . . with the member not ignored: everything is there.
  writeFiles(dir, { Dockerfile: 'FROM rust:1.80-slim AS builder\nWORKDIR /build\nCOPY . .\nRUN cargo build --release -p daemon\n' });
  assert.deepEqual((await scan(dir)).findings.filter((f) => f.rule === 'cargo-manifest-missing'), []);
});

test('a COPY --from another stage of the Cargo.lock it put there is no lock the build context lacks; one from the context is (tuwunel)', async () => {
  const dir = tempDir();
  const dockerfile = (copy: string) => `FROM rust:1.80 AS source\nADD . /usr/src/app\n\nFROM rust:1.80 AS build\nWORKDIR /usr/src/app\nCOPY --link --from=source /usr/src/app/Cargo.toml Cargo.toml\n${copy}\nRUN cargo build --locked --release\n`;
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n',
    'Cargo.lock': 'version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\n',
    'src/main.rs': 'fn main() {}\n',
    'docker/Dockerfile.source': dockerfile('COPY --link --from=source /usr/src/app/Cargo.lock Cargo.lock'),
  });
  assert.deepEqual(brief((await scan(dir)).findings).filter((f) => f.startsWith('cargo-lock-missing')), []);
  // Near miss: the same path copied from the build context names a lock the project does not have there.
  writeFiles(dir, { 'docker/Dockerfile.source': dockerfile('COPY usr/src/app/Cargo.lock Cargo.lock') });
  assert.deepEqual(brief((await scan(dir)).findings).filter((f) => f.startsWith('cargo-lock-missing')), ['cargo-lock-missing docker/Dockerfile.source:7']);
});

test('a Cargo.lock git does not track, which a Dockerfile builds --locked with, is missing from a clean checkout (cepler); tracked, or no Dockerfile use, is silent', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n',
    'Cargo.lock': 'version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\n',
    'src/main.rs': 'fn main() {}\n',
    // A flake that only makes a dev shell reads no Cargo.lock.
    'flake.nix': '{ outputs = { self, nixpkgs }: { devShells.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.mkShell { }; }; }\n',
    'images/app/Dockerfile': 'FROM clux/muslrust:stable AS build\nCOPY . /src\nWORKDIR /src\nRUN cargo build --release --locked\n',
  });
  gitInit(dir, ['Cargo.toml', 'src/main.rs', 'flake.nix', 'images/app/Dockerfile']);
  const lockFindings = async () => (await scan(dir)).findings.filter((f) => f.rule === 'cargo-lock-missing' || f.rule === 'nix-flake-untracked-file');
  const untracked = await lockFindings();
  assert.deepEqual(brief(untracked), ['cargo-lock-missing images/app/Dockerfile:4']);
  assert.match(untracked[0].message, /Cargo\.lock exists but git does not track it, so the Dockerfile, built from a clean checkout/);
  gitInit(dir, ['Cargo.lock']);
  assert.deepEqual(await lockFindings(), []);
  // Untracked again, but the Dockerfile neither copies the lock by name nor builds --locked: nothing needs it.
  const bare = tempDir();
  writeFiles(bare, {
    'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n',
    'Cargo.lock': 'version = 3\n',
    'src/main.rs': 'fn main() {}\n',
    Dockerfile: 'FROM rust:1.80\nCOPY . .\nRUN cargo build --release\n',
  });
  gitInit(bare, ['Cargo.toml', 'src/main.rs', 'Dockerfile']);
  assert.deepEqual((await scanProject(await readProjectFiles(bare, SCANNERS, { target: LINUX }), SCANNERS)).findings.filter((f) => f.rule === 'cargo-lock-missing'), []);
});

test('protoc unpacked from a release archive into a bin directory of the build stage chain is installed (Relacibo/p2pcv-server, rust-grpc-server)', async () => {
  const dir = tempDir();
  const lock = ['version = 3', '', '[[package]]', 'name = "app"', 'version = "0.1.0"', 'dependencies = [', ' "prost-build",', ']', '', '[[package]]', 'name = "prost-build"', 'version = "0.13.2"', 'source = "registry+https://github.com/rust-lang/crates.io-index"', ''].join('\n');
  const download = 'RUN curl -OL https://example.invalid/protoc-28.0-linux-x86_64.zip\n';
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[build-dependencies]\nprost-build = "0.13"\n',
    'src/main.rs': 'fn main() {}\n',
    'Cargo.lock': lock,
    Dockerfile: `FROM rust:1.80 AS chef\n${download}RUN unzip -o protoc-28.0-linux-x86_64.zip -d /usr/local bin/protoc && chmod +x /usr/local/bin/protoc\nWORKDIR /app\n\nFROM chef AS builder\nCOPY . .\nRUN cargo build --release\n`,
  });
  const protoc = async () => brief((await scan(dir)).findings).filter((f) => f.startsWith('protoc-missing'));
  assert.deepEqual(await protoc(), []);
  // The archive unpacked whole into a prefix in the RUN that downloads it, without naming bin/protoc (rust-grpc-server).
  writeFiles(dir, { Dockerfile: 'FROM rust:1.80 AS builder\nRUN curl -LO https://example.invalid/v27.1/protoc-27.1-linux-x86_64.zip && unzip protoc-27.1-linux-x86_64.zip -d /usr/local && rm protoc-27.1-linux-x86_64.zip\nCOPY . .\nRUN cargo build --release\n' });
  assert.deepEqual(await protoc(), []);
  // Near misses: the tool only looked at or removed, or put in place after the build, installs nothing.
  writeFiles(dir, { Dockerfile: `FROM rust:1.80 AS builder\n${download}RUN which protoc || rm -f /usr/local/bin/protoc\nCOPY . .\nRUN cargo build --release\n` });
  assert.deepEqual(await protoc(), ['protoc-missing Dockerfile:1']);
  writeFiles(dir, { Dockerfile: 'FROM rust:1.80 AS builder\nCOPY . .\nRUN cargo build --release\nRUN curl -o /usr/local/bin/protoc https://example.invalid/protoc\n' });
  assert.deepEqual(await protoc(), ['protoc-missing Dockerfile:1']);
  // In a stage the build is not built on, it is no help either.
  writeFiles(dir, { Dockerfile: 'FROM debian:bookworm-slim AS tools\nRUN curl -o /usr/local/bin/protoc https://example.invalid/protoc\n\nFROM rust:1.80 AS builder\nCOPY . .\nRUN cargo build --release\n' });
  assert.deepEqual(await protoc(), ['protoc-missing Dockerfile:4']);
});
