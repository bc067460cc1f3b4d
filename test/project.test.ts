// The project model: Cargo/pyproject/requirements parsers on real files, and the workspace-aware reader.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { firstHops } from '../src/doctor/needs.ts';
import { parseCargoLock, parseCargoManifest } from '../src/project/cargo.ts';
import { readProject } from '../src/project/discover.ts';
import { parsePyproject, parseRequirements, parseRuntimeTxt, pythonBackend, scanSetupPy } from '../src/project/python.ts';
import { parseRustToolchain } from '../src/project/toolchain.ts';

const FIX = new URL('./fixtures/projects/', import.meta.url).pathname;

test('parseCargoLock reads a real cargo-generated lock: format version, sources, dependency spellings', () => {
  const lock = parseCargoLock(readFileSync(join(FIX, 'reqwest-app', 'Cargo.lock'), 'utf8'));
  assert.equal(lock.version, 4);
  assert.equal(lock.packages.length, 86);
  const ssl = lock.packages.find((p) => p.name === 'openssl-sys')!;
  assert.equal(ssl.version, '0.9.80');
  assert.match(ssl.source!, /^registry\+/);
  assert.ok(ssl.dependencies.includes('pkg-config'));
  assert.equal(lock.packages.find((p) => p.name === 'reqwest-app')!.source, null);
});

test('firstHops names the direct dependency each crate is reached through (shortest chain)', () => {
  const lock = parseCargoLock(readFileSync(join(FIX, 'reqwest-app', 'Cargo.lock'), 'utf8'));
  const via = firstHops(lock.packages, ['reqwest-app']);
  const hop = (name: string) => via.get(lock.packages.find((p) => p.name === name)!);
  assert.equal(hop('reqwest'), null);
  assert.equal(hop('openssl-sys'), 'reqwest');
  assert.equal(hop('cc'), 'reqwest');
});

test('parseCargoManifest: renamed, target-specific and workspace-inherited dependencies, inherited package fields', () => {
  const m = parseCargoManifest(readFileSync(join(FIX, 'ws', 'crates', 'cli', 'Cargo.toml'), 'utf8'));
  const z = m.dependencies.find((d) => d.key === 'z')!;
  assert.equal(z.name, 'libz-sys');
  const cc = m.dependencies.find((d) => d.name === 'cc')!;
  assert.deepEqual([cc.kind, cc.target], ['build', "cfg(unix)"]);
  const core = parseCargoManifest(readFileSync(join(FIX, 'ws', 'crates', 'core', 'Cargo.toml'), 'utf8'));
  assert.deepEqual(core.package!.inherits, { edition: true, rustVersion: true });
  assert.equal(core.dependencies[0].workspace, true);
  const root = parseCargoManifest(readFileSync(join(FIX, 'ws', 'Cargo.toml'), 'utf8'));
  assert.equal(root.package, null);
  assert.deepEqual(root.workspace!.members, ['crates/*']);
  assert.equal(root.workspace!.package.rustVersion, '1.999');
});

test('readProject from a member directory finds the workspace root, its lock, members and requested features', async () => {
  const p = await readProject(join(FIX, 'ws', 'crates', 'core'));
  assert.equal(p.rust!.root, join(FIX, 'ws'));
  assert.equal(p.rust!.lock!.version, 4);
  assert.deepEqual(p.rust!.members.map((m) => m.manifest.package!.name).sort(), ['ws-cli', 'ws-core']);
  assert.deepEqual(p.rust!.rustVersion, { version: '1.999', from: 'Cargo.toml' });
  assert.equal(p.rust!.edition!.edition, '2024');
  assert.deepEqual(p.rust!.requestedFeatures['libsqlite3-sys'], ['bundled']);
  assert.deepEqual(p.rust!.configTargets, ['riscv64gc-unknown-linux-gnu']);
  assert.equal(p.python, null);
});

test('rust-toolchain: the TOML form and the legacy one-line form', () => {
  assert.deepEqual(parseRustToolchain('[toolchain]\nchannel = "1.61.0"\ntargets = ["wasm32-unknown-unknown"]\n', 'rust-toolchain.toml'), {
    file: 'rust-toolchain.toml',
    channel: '1.61.0',
    path: null,
    targets: ['wasm32-unknown-unknown'],
    components: [],
  });
  assert.equal(parseRustToolchain('[toolchain]\npath = "/opt/my-rust"\n', 'rust-toolchain.toml').path, '/opt/my-rust');
  assert.equal(parseRustToolchain('nightly-2024-05-01\n', 'rust-toolchain').channel, 'nightly-2024-05-01');
  assert.equal(parseRustToolchain('[toolchain]\nchannel = "stable"\n', 'rust-toolchain').channel, 'stable');
});

test('pyproject: maturin backend, requires-python, maturin features; setup.py C extensions', () => {
  const py = parsePyproject('[build-system]\nrequires = ["maturin>=1,<2"]\nbuild-backend = "maturin"\n[project]\nname = "x"\nrequires-python = ">=3.8"\n[tool.maturin]\nfeatures = ["pyo3/abi3-py38"]\n');
  assert.equal(pythonBackend(py, null), 'maturin');
  assert.equal(py.requiresPython, '>=3.8');
  assert.deepEqual(py.maturinFeatures, ['pyo3/abi3-py38']);
  const setup = scanSetupPy(readFileSync(join(FIX, 'python-c', 'setup.py'), 'utf8'));
  assert.deepEqual(setup, { cExtensions: true, cppExtensions: false, rust: false });
  assert.equal(pythonBackend(null, setup), 'setuptools-c');
  assert.equal(pythonBackend(parsePyproject('[build-system]\nrequires = ["setuptools", "setuptools-rust"]\n'), null), 'setuptools-rust');
});

test('requirements: continuations, hashes, extras and markers; options, editables and URLs are skipped', () => {
  const reqs = parseRequirements(readFileSync(join(FIX, 'python-c', 'requirements.txt'), 'utf8'));
  assert.deepEqual(
    reqs.map((r) => [r.normalized, r.specifier, r.marker, r.line]),
    [
      ['psycopg2', '==2.9.9', null, 2],
      ['requests', '>=2.31', 'python_version >= "3.8"', 4],
    ],
  );
  assert.equal(parseRuntimeTxt('python-3.11.4\n'), '3.11.4');
});
