// maturin's `[tool.maturin] features` reach `cargo metadata`: doctor (and scan, for a Dockerfile's `maturin build`)
// follow the graph cargo resolves with them instead of falling back to the lock. The fixture has path crates only,
// so cargo resolves it offline with an empty CARGO_HOME: `ext` turns on its path crate `native` with its `tls` feature, and
// native's build script probes zlib with pkg-config (a local crate named pkg-config stands in for the registry one).

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { deriveNeeds, metadataRequest } from '../src/doctor/needs.ts';
import { resolveWithCargo } from '../src/project/cargo-metadata.ts';
import { readProject } from '../src/project/discover.ts';
import { featureVariantKey } from '../src/project/files.ts';
import { readProjectFiles } from '../src/project/read-project.ts';
import { SCANNERS } from '../src/scan/registry.ts';
import { scanProject } from '../src/scan/run-scan.ts';
import { tempDir, writeFiles } from './helpers/scan-projects.ts';

const LINUX = 'x86_64-unknown-linux-gnu';
const haveCargo = spawnSync('cargo', ['--version']).status === 0;

function maturinProject(features: string): string {
  const dir = tempDir('bm-maturin-feat-');
  writeFiles(dir, {
    'pyproject.toml': `[build-system]\nrequires = ["maturin>=1,<2"]\nbuild-backend = "maturin"\n\n[tool.maturin]\nmanifest-path = "rust/Cargo.toml"\n${features}`,
    'rust/Cargo.toml': '[package]\nname = "ext"\nversion = "0.1.0"\nedition = "2021"\n\n[workspace]\n\n[dependencies]\nnative = { path = "native", optional = true }\n\n[features]\ntls = ["dep:native"]\n',
    'rust/src/lib.rs': '\n',
    'rust/native/Cargo.toml': '[package]\nname = "native"\nversion = "0.1.0"\nedition = "2021"\n\n[build-dependencies]\npkg-config = { path = "../tools/pkg-config" }\n',
    'rust/native/build.rs': 'fn main() {\n    pkg_config::probe_library("zlib").unwrap();\n}\n',
    'rust/native/src/lib.rs': '\n',
    'rust/tools/pkg-config/Cargo.toml': '[package]\nname = "pkg-config"\nversion = "0.3.0"\nedition = "2021"\n',
    'rust/tools/pkg-config/src/lib.rs': '\n',
    'rust/Cargo.lock': 'version = 3\n\n[[package]]\nname = "ext"\nversion = "0.1.0"\ndependencies = [\n "native",\n]\n\n[[package]]\nname = "native"\nversion = "0.1.0"\ndependencies = [\n "pkg-config",\n]\n\n[[package]]\nname = "pkg-config"\nversion = "0.3.0"\n',
    Dockerfile: 'FROM rust:1.82-slim-bookworm\nWORKDIR /src\nCOPY . .\nRUN maturin build --release\n',
  });
  return dir;
}

test("doctor asks cargo metadata for maturin's features and follows the graph it resolves", async (t) => {
  if (!haveCargo) return t.skip('cargo is not installed');
  const on = await readProject(maturinProject('features = ["tls"]\n'));
  assert.deepEqual(metadataRequest(on), { manifestDir: '', featureArgs: ['--features', 'tls'] });
  const cargo = await resolveWithCargo(on.rust!.root, '', LINUX, new Map(), 20_000, metadataRequest(on));
  assert.ok('graph' in cargo, 'unresolved' in cargo ? cargo.unresolved : '');
  assert.deepEqual(cargo.graph.featureArgs, ['--features', 'tls']);
  const plan = deriveNeeds(on, { env: {}, platform: 'linux', hostTriple: LINUX, cargo });
  assert.ok(plan.notes.some((n) => /follow the build graph cargo resolved/.test(n)), plan.notes.join('\n'));
  assert.ok(plan.needs.some((n) => n.component === 'zlib-dev'), 'native is built with tls: its build script probes zlib');
  // The default graph (no features) is not taken for the featured build: doctor reads the lock instead.
  const plain = await resolveWithCargo(on.rust!.root, '', LINUX, new Map());
  assert.ok(!deriveNeeds(on, { env: {}, platform: 'linux', hostTriple: LINUX, cargo: plain }).notes.some((n) => /follow the build graph/.test(n)));
  // Without the feature cargo leaves native out, and so does doctor.
  const off = await readProject(maturinProject(''));
  assert.deepEqual(metadataRequest(off), {});
  const offCargo = await resolveWithCargo(off.rust!.root, '', LINUX, new Map(), 20_000, metadataRequest(off));
  assert.ok(!deriveNeeds(off, { env: {}, platform: 'linux', hostTriple: LINUX, cargo: offCargo }).needs.some((n) => n.component === 'zlib-dev'));
});

test("scan resolves a maturin crate with its [tool.maturin] features and the Dockerfile's maturin build uses that graph", async (t) => {
  if (!haveCargo) return t.skip('cargo is not installed');
  const dir = maturinProject('features = ["tls"]\n');
  const project = await readProjectFiles(dir, SCANNERS, { resolveCargo: true, target: LINUX });
  const variant = project.cargoVariants?.get(featureVariantKey('rust/Cargo.toml', ['--features', 'tls']));
  assert.ok(variant && 'graph' in variant, variant && 'unresolved' in variant ? variant.unresolved : 'no variant');
  const found = scanProject(project, SCANNERS).findings.filter((f) => f.captures.dockerfile === 'Dockerfile').map((f) => f.captures.component).sort();
  assert.deepEqual(found, ['pkg-config', 'zlib-dev']);
});
