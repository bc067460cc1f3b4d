// The failures of the five real troubleshooting reports, as their authors quoted them (examples/reports/).

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { KB } from './helpers/cases.ts';

const diagnose = (name: string) => diagnoseText(KB, readFileSync(new URL(`../examples/reports/${name}`, import.meta.url), 'utf8'), { hostPlatform: 'debian' });

test('missing C compiler under maturin: the linker, not maturin or the could-not-compile cascade', () => {
  const d = diagnose('missing-c-compiler-maturin.log');
  assert.equal(d.rootCause, 'linker-not-found');
  assert.deepEqual(d.findings[0].evidence.map((e) => e.line), [1]);
  assert.deepEqual(d.chain, ['maturin', 'cargo', 'linker']);
  assert.ok(d.consequences.some((c) => c.text.includes('could not compile `quote`')));
  assert.ok(d.consequences.some((c) => c.text.includes('maturin failed')));
});

test('RocksDB under cargo-chef: the failing layer is cc-rs compiling RocksDB, the cargo-chef panic only a consequence', () => {
  const d = diagnose('docker-rocksdb-cc-rs.log');
  assert.equal(d.outcome, 'failed');
  // The quoted block has no compiler error line, so no rule may claim a cause (not even "compiler missing").
  assert.equal(d.rootCause, null);
  assert.deepEqual(d.chain, ['cargo-chef', 'cc-rs']);
  assert.ok(d.excerpt?.lines.some((l) => l.includes('write_unprepared_txn.cc')));
  assert.ok(d.consequences.some((c) => c.text.startsWith('Exited with status code: 101')));
});

test('clap derive with env = ... : the env feature of clap', () => {
  const d = diagnose('docker-rocksdb-clap-env.log');
  assert.equal(d.rootCause, 'crate-feature-missing');
  assert.equal(d.findings[0].captures.crate, 'clap');
  assert.deepEqual(d.findings[0].captures.features, ['env']);
});

test('Nix flake without Cargo.lock', () => {
  assert.equal(diagnose('nix-cargo-lock-missing.log').rootCause, 'cargo-lock-missing');
});

test('PaaS builder: read-only cargo registry while pip compiles a Rust sdist', () => {
  const d = diagnose('paas-cargo-home-readonly.log');
  assert.equal(d.rootCause, 'cargo-home-readonly');
  assert.match(JSON.stringify(d.findings[0].fix), /only-binary|buildmedic wheels/);
});

test('manylinux report: a wrapper exit status alone is no known cause', () => {
  const d = diagnose('manylinux-docker-failed.log');
  assert.equal(d.outcome, 'failed');
  assert.equal(d.rootCause, null);
  assert.deepEqual(d.findings, []);
});
