// doctor's needs on structures of validation/real-repos-fresh3.json, each modelled as a small fixture project: a lock
// edge a non-default feature of the package adds, a second copy of a crate under a dependency, a -sys crate that is a
// workspace member itself, and the build tools vendored C builds run (make for LuaJIT and CMake, C++ for BoringSSL).

import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIX, needsOf, planOf, variant } from './helpers/needs-fixtures.ts';
import { featureNamesCrate } from '../src/project/build-graph.ts';


test('OpenSSL only through a non-default feature forwarded to dependencies is held back, not needed (rustypaste)', async () => {
  const plan = await planOf(join(FIX, 'off-feature-tls'));
  const needs = new Map(plan.needs.map((n) => [n.component, n.neededBy]));
  assert.equal(needs.get('openssl-dev'), undefined, needs.get('openssl-dev')?.join('; '));
  assert.ok(!needs.get('pkg-config')?.some((n) => n.startsWith('openssl-sys')), needs.get('pkg-config')?.join('; '));
  assert.ok(plan.unverified.some((u) => u.component === 'openssl-dev' && u.crate.startsWith('openssl-sys 0.9.104')), JSON.stringify(plan.unverified));
  // What the default build does compile stays: ring and zstd-sys compile C.
  assert.ok(needs.get('c-compiler')!.some((n) => n.startsWith('ring 0.17.8')), needs.get('c-compiler')!.join('; '));
});

test('the same feature turned on by default makes OpenSSL a need again', async () => {
  const dir = variant('off-feature-tls', 'Cargo.toml', (t) => t.replace('default = ["rustls"]', 'default = ["openssl"]'));
  const needs = await needsOf(dir);
  assert.ok(needs.get('openssl-dev')?.some((n) => n.startsWith('openssl-sys 0.9.104')), [...needs.keys()].join(', '));
  // And asked in the dependency's declaration instead of a feature.
  const declared = variant('off-feature-tls', 'Cargo.toml', (t) => t.replace('awc = "3.5"', 'awc = { version = "3.5", features = ["openssl"] }'));
  assert.ok((await needsOf(declared)).get('openssl-dev')?.some((n) => n.startsWith('openssl-sys 0.9.104')));
});

test('a feature names a crate when it is the name or a whole part of it', () => {
  assert.ok(featureNamesCrate('openssl', 'openssl-sys'));
  assert.ok(featureNamesCrate('openssl', 'tokio-openssl'));
  assert.ok(featureNamesCrate('native-tls', 'tokio-native-tls'));
  assert.ok(!featureNamesCrate('rustls-0_23', 'rustls'));
  assert.ok(!featureNamesCrate('ssl', 'openssl-sys'));
});

test("a dependency's own reqwest 0.9 keeps its default TLS though the package's reqwest 0.12 leaves it off (websurfx)", async () => {
  const needs = await needsOf(join(FIX, 'nested-reqwest'));
  assert.ok(needs.get('openssl-dev')?.some((n) => n.startsWith('openssl-sys 0.9.104 via useragent')), [...needs.keys()].join(', '));
  assert.ok(needs.get('pkg-config')?.some((n) => n.startsWith('openssl-sys 0.9.104 via useragent')));
  // Near miss: without the dependency, the package's reqwest alone builds no native-tls.
  const alone = variant('nested-reqwest', 'Cargo.toml', (t) => t.replace(/^useragent = .*\n/m, ''));
  assert.equal((await needsOf(alone)).get('openssl-dev'), undefined);
});

test("a -sys crate that is a workspace member builds its bundled library as the published crate does (rust-rdkafka)", async () => {
  const needs = await needsOf(join(FIX, 'sys-crate-repo'));
  assert.ok(needs.get('make')?.some((n) => n.startsWith('rdkafka-sys 4.9.0+2.12.1')), [...needs.keys()].join(', '));
  assert.ok(needs.get('cxx-compiler')?.some((n) => n.startsWith('rdkafka-sys 4.9.0+2.12.1')), [...needs.keys()].join(', '));
  // With dynamic-linking it links the system librdkafka and builds nothing.
  const dynamic = variant('sys-crate-repo', 'Cargo.toml', (t) => t.replace('version = "4.9.0" }', 'version = "4.9.0", features = ["dynamic-linking"] }'));
  const linked = await needsOf(dynamic);
  assert.equal(linked.get('make'), undefined, linked.get('make')?.join('; '));
  assert.equal(linked.get('cxx-compiler'), undefined);
});

test('vendored LuaJIT and BoringSSL: make for both, a C++ compiler for BoringSSL (websurfx, redlib)', async () => {
  const needs = await needsOf(join(FIX, 'vendored-builders'));
  assert.ok(needs.get('make')?.some((n) => n.startsWith('luajit-src 210.5.10+f725e44 via mlua')), [...needs.keys()].join(', '));
  assert.ok(needs.get('make')?.some((n) => n.startsWith('cmake 0.1.51 via boring')), needs.get('make')?.join('; '));
  assert.ok(needs.get('cxx-compiler')?.some((n) => n.startsWith('boring-sys 4.13.0 via boring')), [...needs.keys()].join(', '));
  // CMAKE_GENERATOR picks another generator (Ninja): no make for the cmake crate; BORING_BSSL_PATH: no BoringSSL build.
  const other = await needsOf(join(FIX, 'vendored-builders'), { CMAKE_GENERATOR: 'Ninja', BORING_BSSL_PATH: '/opt/boringssl' });
  assert.ok(!other.get('make')?.some((n) => n.startsWith('cmake')), other.get('make')?.join('; '));
  assert.equal(other.get('cxx-compiler'), undefined);
});
