// scan's Dockerfile check resolves what a build stage compiles as doctor does (one function, rustBuildNeeds): the
// packages, features and target of the Dockerfile's cargo or maturin command, its WORKDIR and --manifest-path, the
// workspace's build scripts and pyproject.toml's [tool.maturin] features. Each structure is a small project written
// here; its lock lists registry crates the knowledge base knows (openssl-sys links OpenSSL, librocksdb-sys compiles C++).

import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { deriveNeeds } from '../src/doctor/needs.ts';
import { readProject } from '../src/project/discover.ts';
import { commandSelection } from '../src/project/dockerfile/cargo-commands.ts';
import { readProjectFiles } from '../src/project/read-project.ts';
import type { ScanFinding } from '../src/report/finding.ts';
import { RULE_OF } from '../src/scan/dockerfile/checks/system-packages.ts';
import { SCANNERS } from '../src/scan/registry.ts';
import { scanProject } from '../src/scan/run-scan.ts';
import { tempDir, writeFiles } from './helpers/scan-projects.ts';

const LINUX = 'x86_64-unknown-linux-gnu';
const REGISTRY = 'registry+https://github.com/rust-lang/crates.io-index';

async function systemFindings(dir: string, unverified = false): Promise<ScanFinding[]> {
  const report = scanProject(await readProjectFiles(dir, SCANNERS, { target: LINUX }), SCANNERS, undefined, { unverified });
  return report.findings.filter((f) => f.captures.component && f.captures.dockerfile);
}
const components = (fs: ScanFinding[]) => [...new Set(fs.map((f) => f.captures.component))].sort();

function lock(local: Record<string, string[]>, registry: Record<string, string[]> = { 'openssl-sys': [], 'librocksdb-sys': [] }): string {
  const entry = (name: string, deps: string[], source: string | null) =>
    `[[package]]\nname = "${name}"\nversion = "${source ? '0.9.0' : '0.1.0'}"\n${source ? `source = "${source}"\n` : ''}${deps.length ? `dependencies = [\n${deps.map((d) => ` "${d}",\n`).join('')}]\n` : ''}`;
  return `version = 3\n\n${[...Object.entries(local).map(([n, d]) => entry(n, d, null)), ...Object.entries(registry).map(([n, d]) => entry(n, d, REGISTRY))].join('\n')}`;
}

/** A virtual workspace: `api` links OpenSSL (or, with its optional `tls` feature only, when `optionalTls`), `worker` compiles RocksDB. */
function workspace(dockerfile: string, optionalTls = false): string {
  const dir = tempDir('bm-docker-sel-');
  writeFiles(dir, {
    'Cargo.toml': '[workspace]\nmembers = ["crates/api", "crates/worker"]\nresolver = "2"\n',
    'crates/api/Cargo.toml': optionalTls
      ? '[package]\nname = "api"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nopenssl-sys = { version = "0.9", optional = true }\n\n[features]\ntls = ["dep:openssl-sys"]\n'
      : '[package]\nname = "api"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nopenssl-sys = "0.9"\n',
    'crates/api/src/main.rs': 'fn main() {}\n',
    'crates/worker/Cargo.toml': '[package]\nname = "worker"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nlibrocksdb-sys = "0.9"\n',
    'crates/worker/src/main.rs': 'fn main() {}\n',
    'Cargo.lock': lock({ api: ['openssl-sys'], worker: ['librocksdb-sys'] }),
    Dockerfile: dockerfile,
  });
  return dir;
}

const slim = (run: string, workdir = '/app') => `FROM rust:1.82-slim-bookworm AS build\nWORKDIR ${workdir}\nCOPY . /app\n${run}\n`;

test('the flags of a cargo, cargo-chef or maturin command: packages, features, target, manifest path, variables', () => {
  const sel = commandSelection(['build', '--release', '-p', 'api', '--package=worker', '-F', 'a,b', '--features', 'c d', '--no-default-features', '--target', 'aarch64-unknown-linux-gnu', '--target-dir', '/t', '--manifest-path', 'crates/api/Cargo.toml'], '/app');
  assert.deepEqual(sel.packages, ['api', 'worker']);
  assert.deepEqual(sel.features, ['a', 'b', 'c', 'd']);
  assert.equal(sel.noDefaultFeatures, true);
  assert.equal(sel.target, 'aarch64-unknown-linux-gnu', '--target-dir is not --target');
  assert.equal(sel.manifestPath, '/app/crates/api/Cargo.toml');
  assert.equal(sel.opaque, false);
  assert.equal(commandSelection(['build', '-p', '$APP'], '/app').opaque, true);
  const fromVariable = commandSelection(['build', '--features', '${DB},tls'], '/app');
  assert.deepEqual([fromVariable.opaque, fromVariable.featuresOpaque, fromVariable.features], [false, true, ['tls']]);
  assert.equal(commandSelection(['build', '-m', 'py/Cargo.toml'], '/src', true).manifestPath, '/src/py/Cargo.toml');
  assert.equal(commandSelection(['build', '-m', 'py/Cargo.toml'], '/src').manifestPath, null, '-m is maturin\'s alias only');
});

test('-p, --workspace, WORKDIR and --manifest-path choose the packages whose needs count', async () => {
  // A virtual workspace builds every member: both needs.
  assert.deepEqual(components(await systemFindings(workspace(slim('RUN cargo build --release')))), ['cxx-compiler', 'openssl-dev', 'pkg-config']);
  // -p api builds api alone: RocksDB's C++ compiler is not needed.
  assert.deepEqual(components(await systemFindings(workspace(slim('RUN cargo build --release -p api')))), ['openssl-dev', 'pkg-config']);
  assert.deepEqual(components(await systemFindings(workspace(slim('RUN cargo build --release --workspace')))), ['cxx-compiler', 'openssl-dev', 'pkg-config']);
  // cargo run in a member's directory builds that member.
  assert.deepEqual(components(await systemFindings(workspace(slim('RUN cargo build --release', '/app/crates/worker')))), ['cxx-compiler']);
  assert.deepEqual(components(await systemFindings(workspace(slim('RUN cargo build --manifest-path crates/worker/Cargo.toml')))), ['cxx-compiler']);
  // Two RUNs of the stage (dependencies first, then one package): the needs of both.
  assert.deepEqual(components(await systemFindings(workspace(slim('RUN cargo build -p worker\nRUN cargo build -p api')))), ['cxx-compiler', 'openssl-dev', 'pkg-config']);
});

test('`cargo install --path X` reads X/Cargo.toml, and rustup\'s installer script hides no system package (cruster\'s docker/Dockerfile)', async () => {
  // A Dockerfile in docker/, built from the project root (its COPY sources exist only there), that installs Rust with
  // rustup's script and builds with `cargo install --path` from a directory beside its WORKDIR.
  const dockerfile = [
    'FROM ubuntu:22.04',
    'RUN apt-get update && apt-get install --no-install-recommends -y build-essential git ca-certificates curl',
    'WORKDIR /opt/app',
    'RUN curl --proto \'=https\' --tlsv1.2 -sSf -o rustup.sh https://sh.rustup.rs && sh rustup.sh -y && mkdir app-src',
    'COPY crates app-src/crates',
    'COPY Cargo.toml app-src/',
    'COPY Cargo.lock app-src/',
    'RUN cargo install --path ./app-src/crates/api',
    '',
  ].join('\n');
  const dir = workspace('');
  rmSync(join(dir, 'Dockerfile'));
  writeFiles(dir, { 'docker/Dockerfile': dockerfile });
  const report = scanProject(await readProjectFiles(dir, SCANNERS, { target: LINUX }), SCANNERS);
  assert.deepEqual(report.findings.filter((f) => f.rule === 'cargo-manifest-missing'), [], 'cargo reads app-src/crates/api/Cargo.toml, which a COPY put there');
  assert.deepEqual(components(report.findings.filter((f) => f.captures.dockerfile === 'docker/Dockerfile')), ['openssl-dev', 'pkg-config']);
  // A project's own setup script still hides what it installs: nothing is claimed missing then.
  writeFiles(dir, { 'docker/Dockerfile': dockerfile.replace('sh rustup.sh -y', 'sh rustup.sh -y && sh ./install-deps.sh') });
  assert.deepEqual(components((await systemFindings(dir)).filter((f) => f.captures.dockerfile === 'docker/Dockerfile')), []);
});

test('--features and --no-default-features decide an optional dependency; features from a variable are left out, a package from one says nothing', async () => {
  assert.deepEqual(components(await systemFindings(workspace(slim('RUN cargo build -p api'), true))), [], 'tls is off by default');
  assert.deepEqual(components(await systemFindings(workspace(slim('RUN cargo build -p api --features tls'), true))), ['openssl-dev', 'pkg-config']);
  assert.deepEqual(components(await systemFindings(workspace(slim('RUN cargo build -p api --features api/tls'), true))), ['openssl-dev', 'pkg-config']);
  assert.deepEqual(components(await systemFindings(workspace(slim('RUN cargo build -p api --all-features'), true))), ['openssl-dev', 'pkg-config']);
  // With `default = ["tls"]`, --no-default-features leaves it off.
  const dir = workspace(slim('RUN cargo build -p api --no-default-features'), true);
  writeFiles(dir, { 'crates/api/Cargo.toml': '[package]\nname = "api"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nopenssl-sys = { version = "0.9", optional = true }\n\n[features]\ndefault = ["tls"]\ntls = ["dep:openssl-sys"]\n' });
  assert.deepEqual(components(await systemFindings(dir)), []);
  writeFiles(dir, { Dockerfile: slim('RUN cargo build -p api') });
  assert.deepEqual(components(await systemFindings(dir)), ['openssl-dev', 'pkg-config']);
  // vaultwarden's `--features ${DB}`: the default build's needs stand; without the defaults, nothing known is built.
  writeFiles(dir, { Dockerfile: slim('RUN cargo build -p api --features ${DB}') });
  assert.deepEqual(components(await systemFindings(dir)), ['openssl-dev', 'pkg-config']);
  writeFiles(dir, { Dockerfile: slim('RUN cargo build -p api --no-default-features --features $FEATURES') });
  assert.deepEqual(await systemFindings(dir), []);
  writeFiles(dir, { Dockerfile: slim('RUN cargo build -p $APP') });
  assert.deepEqual(await systemFindings(dir), []);
});

test('a member build script that probes a library with pkg-config is a need in the image too, as doctor reads it', async () => {
  const dir = tempDir('bm-docker-sel-');
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "zapp"\nversion = "0.1.0"\nedition = "2021"\n\n[build-dependencies]\npkg-config = "0.3"\n',
    'build.rs': 'fn main() {\n    pkg_config::probe_library("zlib").unwrap();\n}\n',
    'src/main.rs': 'fn main() {}\n',
    'Cargo.lock': lock({ zapp: ['pkg-config'] }, { 'pkg-config': [] }),
    Dockerfile: slim('RUN cargo build --release'),
  });
  const found = await systemFindings(dir);
  assert.deepEqual(components(found), ['pkg-config', 'zlib-dev']);
  assert.equal(found.find((f) => f.captures.component === 'pkg-config')?.evidence[2].file, 'build.rs', 'the evidence is the build script that probes');
  const doctor = deriveNeeds(await readProject(dir), { env: {}, platform: 'linux', hostTriple: LINUX }).needs.map((n) => n.component);
  assert.ok(doctor.includes('pkg-config') && doctor.includes('zlib-dev'));
});

test("maturin in a Dockerfile builds its crate with pyproject.toml's [tool.maturin] features, as doctor does", async () => {
  const dir = tempDir('bm-docker-sel-');
  writeFiles(dir, {
    'pyproject.toml': '[build-system]\nrequires = ["maturin>=1,<2"]\nbuild-backend = "maturin"\n\n[tool.maturin]\nmanifest-path = "rust/Cargo.toml"\nfeatures = ["tls"]\n',
    'rust/Cargo.toml': '[package]\nname = "ext"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nopenssl-sys = { version = "0.9", optional = true }\n\n[features]\ntls = ["dep:openssl-sys"]\n',
    'rust/src/lib.rs': '\n',
    'rust/Cargo.lock': lock({ ext: ['openssl-sys'] }, { 'openssl-sys': [] }),
    Dockerfile: 'FROM rust:1.82-slim-bookworm\nWORKDIR /src\nCOPY . .\nRUN pip install maturin && maturin build --release\n',
  });
  assert.deepEqual(components(await systemFindings(dir)), ['openssl-dev', 'pkg-config']);
  const doctor = deriveNeeds(await readProject(dir), { env: {}, platform: 'linux', hostTriple: LINUX }).needs.map((n) => n.component);
  assert.ok(doctor.includes('openssl-dev'), 'doctor counts the same feature');
  // Without the feature, neither counts OpenSSL.
  writeFiles(dir, { 'pyproject.toml': '[build-system]\nrequires = ["maturin>=1,<2"]\nbuild-backend = "maturin"\n\n[tool.maturin]\nmanifest-path = "rust/Cargo.toml"\n' });
  assert.deepEqual(components(await systemFindings(dir)), []);
  assert.ok(!deriveNeeds(await readProject(dir), { env: {}, platform: 'linux', hostTriple: LINUX }).needs.some((n) => n.component === 'openssl-dev'));
});

test('scan and doctor agree on the needs of a plain cargo build at the workspace root', async () => {
  for (const optional of [false, true]) {
    const dir = workspace(slim('RUN cargo build --release'), optional);
    const scanned = components(await systemFindings(dir));
    const doctor = deriveNeeds(await readProject(dir), { env: {}, platform: 'linux', hostTriple: LINUX }).needs.map((n) => n.component);
    // What the slim image lacks among the components the Dockerfile check looks for, as doctor derives them.
    const expected = [...new Set(doctor.filter((c) => RULE_OF[c] && c !== 'c-compiler'))].sort();
    assert.deepEqual(scanned, expected);
  }
});

test('a workspace with no Cargo.lock: the Docker build resolves afresh, and what its declarations always bring still counts (etherface)', async () => {
  const files = (install: string, extra: Record<string, string> = {}) => {
    const dir = tempDir('bm-docker-nolock-');
    writeFiles(dir, {
      'Cargo.toml': '[workspace]\nmembers = ["lib", "rest"]\n',
      '.gitignore': '/target\nCargo.lock\n',
      'lib/Cargo.toml': '[package]\nname = "app-lib"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nreqwest = { version = "^0.11", features = ["json"] }\ndiesel = { version = "1.4", features = ["postgres"] }\n',
      'lib/src/lib.rs': '',
      'rest/Cargo.toml': '[package]\nname = "app-rest"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\napp-lib = { path = "../lib" }\n',
      'rest/src/main.rs': 'fn main() {}\n',
      Dockerfile: `FROM rust:1.77-slim-bullseye as builder\nRUN apt update && apt install -y ${install}\nWORKDIR /usr/src/app\nCOPY . .\nRUN cargo build --release\n`,
      ...extra,
    });
    return dir;
  };
  const found = await systemFindings(files('libpq-dev'));
  assert.deepEqual(components(found), ['openssl-dev', 'pkg-config']);
  // The evidence points at the declaration the need comes through.
  const ssl = found.find((f) => f.captures.component === 'openssl-dev')!;
  assert.ok(ssl.evidence.some((e) => e.file === 'lib/Cargo.toml' && e.line === 7), JSON.stringify(ssl.evidence));
  // Near misses: everything installed; libpq-dev dropped is found as well; reqwest on rustls only needs no OpenSSL.
  assert.deepEqual(components(await systemFindings(files('pkg-config libssl-dev libpq-dev'))), []);
  assert.deepEqual(components(await systemFindings(files('pkg-config libssl-dev'))), ['libpq-dev']);
  const rustls = files('libpq-dev', { 'lib/Cargo.toml': '[package]\nname = "app-lib"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nreqwest = { version = "0.11", default-features = false, features = ["rustls-tls"] }\n' });
  assert.deepEqual(components(await systemFindings(rustls)), []);
  // A Cargo.lock that exists but is left out of git or the context is not "no lock": the lock-less reading is not used.
  const locked = files('libpq-dev', { 'Cargo.lock': 'version = 3\n\n[[package]]\nname = "app-lib"\nversion = "0.1.0"\n', '.dockerignore': 'Cargo.lock\n' });
  assert.deepEqual(components(await systemFindings(locked)), []);
});

test("a dependency-only build before the build script is copied runs no build script: tonic-build's protoc counts only at the RUN that has build.rs (send-me-daddy)", async () => {
  const dir = tempDir('bm-docker-sel-');
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "mail"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nprost = "0.11"\n\n[build-dependencies]\ntonic-build = "0.9"\n',
    'build.rs': 'fn main() {\n    tonic_build::compile_protos("proto/mail.proto").unwrap();\n}\n',
    'proto/mail.proto': 'syntax = "proto3";\npackage mail;\n',
    'src/main.rs': 'fn main() {}\n',
    // prost-build 0.11 ships no protoc (0.9's lock helper version would predate that)
    'Cargo.lock': lock({ mail: ['prost', 'tonic-build'] }, { prost: [], 'tonic-build': ['prost-build'], 'prost-build': [] }).replace(/(name = "(?:prost-build|prost|tonic-build)"\nversion = )"0\.9\.0"/g, '$1"0.11.9"'),
  });
  const skeleton = 'FROM rust:1.82 AS build\nRUN USER=root cargo new --bin app\nWORKDIR /app\nCOPY ./Cargo.lock ./Cargo.lock\nCOPY ./Cargo.toml ./Cargo.toml\nRUN cargo build --release\n';
  writeFiles(dir, { Dockerfile: skeleton });
  assert.deepEqual(components(await systemFindings(dir)), [], 'no build.rs in the image: cargo builds no build-dependency');
  writeFiles(dir, { Dockerfile: `${skeleton}COPY ./build.rs ./build.rs\nCOPY ./proto ./proto\nCOPY ./src ./src\nRUN cargo build --release\n` });
  const found = await systemFindings(dir);
  assert.deepEqual(components(found), ['protoc']);
  assert.equal(found[0].evidence[1].line, 10, 'reported at the RUN that has the build script');
});

test('a package built alone (`--bin`) that declares a crate with default-features = false: what only that crate\'s lock edges bring is held back (whack-a-bevy)', async () => {
  // The workspace's client takes `engine` with its defaults (its audio backend, alsa-sys); the server takes it with
  // default-features = false. The lock holds the edge for both.
  const dir = tempDir('bm-docker-sel-');
  writeFiles(dir, {
    'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n',
    'crates/client/Cargo.toml': '[package]\nname = "client"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nengine = "0.9"\n',
    'crates/client/src/main.rs': 'fn main() {}\n',
    'crates/server/Cargo.toml': '[package]\nname = "server"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nengine = { version = "0.9", default-features = false }\n',
    'crates/server/src/main.rs': 'fn main() {}\n',
    'Cargo.lock': lock({ client: ['engine'], server: ['engine'] }, { engine: ['alsa-sys'], 'alsa-sys': [] }),
  });
  const image = (run: string) => `FROM rust:1.82 AS build\nWORKDIR /app\nCOPY . .\n${run}\n`;
  writeFiles(dir, { Dockerfile: image('RUN cargo build --release --bin server') });
  assert.deepEqual(components(await systemFindings(dir)), []);
  assert.deepEqual(components(await systemFindings(dir, true)), ['alsa-dev'], 'shown with --unverified');
  // The whole workspace (the client keeps engine's defaults), or the client alone: a need as before.
  writeFiles(dir, { Dockerfile: image('RUN cargo build --release') });
  assert.deepEqual(components(await systemFindings(dir)), ['alsa-dev']);
  writeFiles(dir, { Dockerfile: image('RUN cargo build --release -p client') });
  assert.deepEqual(components(await systemFindings(dir)), ['alsa-dev']);
});
