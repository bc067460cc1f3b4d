// A rust-toolchain pin that rustup has not installed: rustup installs it on the first cargo call unless its
// auto-install is off, so doctor reports a note (not a failure) then, a failing row otherwise, and installs nothing.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { evaluateNeed, type Facts } from '../src/doctor/checks/evaluate.ts';
import { rustupAutoInstall } from '../src/doctor/rustup.ts';
import type { Need } from '../src/doctor/needs.ts';
import { runDoctor } from '../src/doctor/run.ts';
import { deriveNeeds } from '../src/doctor/needs.ts';
import { readProject } from '../src/project/discover.ts';
import { resolveWithCargo, type CargoGraph } from '../src/project/cargo-metadata.ts';
import { readProjectFiles } from '../src/project/read-project.ts';
import { SCANNERS } from '../src/scan/registry.ts';
import { scanProject } from '../src/scan/run-scan.ts';
import { renderScanText, scanJson } from '../src/scan/render.ts';
import { createColors } from 'picocolors';
import { tempDir } from './helpers/temp.ts';

const haveRustup = spawnSync('rustup', ['--version'], { encoding: 'utf8' }).status === 0;
const SETTINGS = 'version = "12"\ndefault_toolchain = "stable-x86_64-unknown-linux-gnu"\nprofile = "default"\n';

test('rustup auto-install: the variable first, then settings.toml, and never in rustup 1.28.0', () => {
  const v129 = 'rustup 1.29.0 (28d1352db 2026-03-05)\n';
  assert.equal(rustupAutoInstall({}, SETTINGS, v129).on, true);
  assert.equal(rustupAutoInstall({}, null, null).on, true);
  assert.equal(rustupAutoInstall({ RUSTUP_AUTO_INSTALL: '0' }, SETTINGS, v129).on, false);
  assert.match(rustupAutoInstall({ RUSTUP_AUTO_INSTALL: '0' }, SETTINGS, v129).why, /RUSTUP_AUTO_INSTALL=0/);
  // What `rustup set auto-install disable` writes (checked with rustup 1.29.0 on a copy of its settings).
  const disabled = `${SETTINGS}auto_install = "disable"\n\n[overrides]\n`;
  assert.equal(rustupAutoInstall({}, disabled, v129).on, false);
  assert.match(rustupAutoInstall({}, disabled, v129).why, /settings\.toml/);
  // The variable beats the file, as in rustup's own order.
  assert.equal(rustupAutoInstall({ RUSTUP_AUTO_INSTALL: '1' }, disabled, v129).on, true);
  assert.equal(rustupAutoInstall({}, SETTINGS, 'rustup 1.28.0 (a8e4f5c64 2025-03-04)\n').on, false);
  assert.equal(rustupAutoInstall({}, SETTINGS, 'rustup 1.28.1 (f9edccde0 2025-03-05)\n').on, true);
  assert.equal(rustupAutoInstall({}, 'not = [toml', v129).on, true);
});

const pinFrom = 'channel in rust-toolchain.toml';
function facts(autoInstall: boolean | null): Facts {
  return {
    probes: {},
    libclang: null,
    cargoHome: null,
    disk: null,
    memory: null,
    env: {},
    host: 'debian',
    timeoutMs: 5000,
    rustupToolchains: ['stable-x86_64-unknown-linux-gnu'],
    headers: {},
    linkers: {},
    pinnedToolchainMissing: '1.80.0',
    rustupAutoInstall: autoInstall === null ? null : { on: autoInstall, why: autoInstall ? 'on' : 'RUSTUP_AUTO_INSTALL=0 turns off its auto-install' },
  };
}
const rustc = (...extra: Need['constraints']): Need => ({ key: 'rustc', component: 'rustc', required: true, neededBy: [], constraints: [{ kind: 'pin', version: '1.80.0', from: pinFrom }, ...extra] });

test('a pin rustup will install is ok, checked against rust-version; with auto-install off it is missing', () => {
  const ok = evaluateNeed(rustc(), facts(true));
  assert.equal(ok.status, 'ok');
  assert.equal(ok.found, '1.80.0');
  assert.match(ok.detail, /rustup installs it on the first cargo or rustc call.*`rustup toolchain install 1\.80\.0`/);
  const old = evaluateNeed(rustc({ kind: 'min', version: '1.85.0', from: 'rust-version in Cargo.toml' }), facts(true));
  assert.equal(old.status, 'too-old');
  assert.match(old.fix!.summary, /pin a toolchain of at least 1\.85\.0 in rust-toolchain\.toml/);
  const off = evaluateNeed(rustc(), facts(false));
  assert.equal(off.status, 'missing');
  assert.match(off.detail, /RUSTUP_AUTO_INSTALL=0/);
  assert.equal(off.fix!.commands[0].command, 'rustup toolchain install 1.80.0');
  // cargo comes with the toolchain; a lock format it cannot read is still a failure.
  const cargo: Need = { key: 'cargo', component: 'cargo', required: true, neededBy: [], constraints: [{ kind: 'min', version: '1.78.0', from: 'Cargo.lock format version 4' }] };
  assert.equal(evaluateNeed(cargo, facts(true)).status, 'ok');
  assert.equal(evaluateNeed(cargo, { ...facts(true), pinnedToolchainMissing: '1.70.0' }).status, 'too-old');
  assert.equal(evaluateNeed(cargo, facts(false)).status, 'missing');
  // rustup installs the targets the toolchain file lists with it, not a target only .cargo/config.toml names.
  const listed: Need = { key: 'rust-target:wasm32-unknown-unknown', component: 'rust-target', target: 'wasm32-unknown-unknown', required: true, neededBy: ['targets in rust-toolchain.toml'], constraints: [] };
  assert.equal(evaluateNeed(listed, facts(true)).status, 'ok');
  const configured: Need = { ...listed, neededBy: ['.cargo/config.toml [build] target'] };
  assert.equal(evaluateNeed(configured, facts(true)).status, 'unknown');
});

test('doctor on a pin rustup lacks: passes with a note when rustup installs it, fails when auto-install is off, installs nothing', { skip: !haveRustup && 'no rustup' }, async () => {
  const dir = tempDir('buildmedic-pin-');
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "pinned"\nversion = "0.1.0"\nedition = "2021"\n');
  // A version no machine has installed by chance (rustup would accept the name and look for it on the network).
  writeFileSync(join(dir, 'rust-toolchain.toml'), '[toolchain]\nchannel = "1.61.0"\n');
  const list = () => spawnSync('rustup', ['toolchain', 'list'], { encoding: 'utf8', env: { ...process.env, RUSTUP_AUTO_INSTALL: '0' } }).stdout;
  const before = list();
  if (before.includes('1.61.0')) return;
  const env = { ...process.env };
  delete env.RUSTUP_AUTO_INSTALL;
  delete env.RUSTUP_TOOLCHAIN;
  const on = await runDoctor(dir, { env, timeoutMs: 30_000 });
  const row = on.checks.find((c) => c.component === 'rustc')!;
  assert.equal(row.status, 'ok', row.detail);
  assert.ok(on.notes.some((n) => /1\.61\.0, not installed yet: rustup installs it on the first cargo or rustc call/.test(n)), on.notes.join('\n'));
  assert.equal(on.checks.find((c) => c.component === 'cargo')?.status ?? 'ok', 'ok');
  const off = await runDoctor(dir, { env: { ...env, RUSTUP_AUTO_INSTALL: '0' }, timeoutMs: 30_000 });
  assert.equal(off.checks.find((c) => c.component === 'rustc')!.status, 'missing');
  assert.equal(off.ok, false);
  assert.equal(list(), before);
});

test('cargo metadata with the pinned toolchain absent: resolved with rustup\'s default toolchain, and the graph says so', { skip: !haveRustup && 'no rustup' }, async () => {
  const dir = tempDir('buildmedic-pin-graph-');
  mkdirSync(join(dir, 'core', 'src'), { recursive: true });
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ncore-lib = { path = "core" }\n');
  writeFileSync(join(dir, 'src', 'main.rs'), 'fn main() {}\n');
  writeFileSync(join(dir, 'core', 'Cargo.toml'), '[package]\nname = "core-lib"\nversion = "0.1.0"\nedition = "2021"\n');
  writeFileSync(join(dir, 'core', 'src', 'lib.rs'), '');
  // Path dependencies only: the lock needs no registry, and cargo writes it before the pin exists.
  const lock = spawnSync('cargo', ['generate-lockfile', '--offline'], { cwd: dir, encoding: 'utf8' });
  assert.equal(lock.status, 0, lock.stderr);
  writeFileSync(join(dir, 'rust-toolchain.toml'), '[toolchain]\nchannel = "1.61.0"\n');
  const installed = spawnSync('rustup', ['toolchain', 'list'], { encoding: 'utf8', env: { ...process.env, RUSTUP_AUTO_INSTALL: '0' } }).stdout;
  if (installed.includes('1.61.0')) return;
  const r = await resolveWithCargo(dir, '', 'x86_64-unknown-linux-gnu', new Map(), 60_000);
  assert.ok('graph' in r, 'unresolved' in r ? r.unresolved : '');
  const graph = (r as { graph: CargoGraph }).graph;
  assert.deepEqual([...graph.packages.values()].map((p) => p.name).sort(), ['app', 'core-lib']);
  assert.equal(graph.toolchain?.pinned, '1.61.0-x86_64-unknown-linux-gnu');
  assert.match(graph.toolchain!.used, /^[A-Za-z0-9][A-Za-z0-9._+-]*$/);
  const project = await readProject(dir);
  const plan = deriveNeeds(project, { env: {}, platform: 'linux', hostTriple: 'x86_64-unknown-linux-gnu', cargo: r });
  assert.ok(plan.notes.some((n) => n.includes(`with the installed toolchain ${graph.toolchain!.used}: the pinned 1.61.0-x86_64-unknown-linux-gnu is not installed`)), plan.notes.join('\n'));
  // scan says the same, in text and in JSON.
  const report = scanProject(await readProjectFiles(dir, SCANNERS, { resolveCargo: true, target: 'x86_64-unknown-linux-gnu' }), SCANNERS);
  assert.deepEqual(report.toolchainFallbacks, [{ workspace: '.', used: graph.toolchain!.used, pinned: '1.61.0-x86_64-unknown-linux-gnu' }]);
  assert.deepEqual((scanJson(dir, report) as { toolchainFallbacks: unknown }).toolchainFallbacks, report.toolchainFallbacks);
  assert.match(renderScanText(report, createColors(false)), new RegExp(`note: the build graph of the workspace was resolved with the installed toolchain ${graph.toolchain!.used.replace(/[.+]/g, '\\$&')}: the pinned 1\\.61\\.0-x86_64-unknown-linux-gnu is not installed`));
  assert.equal(spawnSync('rustup', ['toolchain', 'list'], { encoding: 'utf8', env: { ...process.env, RUSTUP_AUTO_INSTALL: '0' } }).stdout, installed);
});

test('scan names each workspace whose graph came from the fallback toolchain, and none when cargo used the pin or could not answer', () => {
  const graph = (toolchain?: CargoGraph['toolchain']): { graph: CargoGraph } => ({ graph: { target: 'x86_64-unknown-linux-gnu', packages: new Map(), ...(toolchain ? { toolchain } : {}) } });
  const files = { root: '/p', files: new Map(), gitTracked: null, gitIgnored: null, paths: new Set<string>() };
  const cargo = new Map([
    ['tools/xtask', graph({ used: 'stable-x86_64-unknown-linux-gnu', pinned: '1.70.0-x86_64-unknown-linux-gnu' })],
    ['', graph()],
    ['other', { unresolved: 'cargo metadata --offline could not resolve the graph: no matching package' }],
  ]);
  const report = scanProject({ ...files, cargo }, SCANNERS);
  assert.deepEqual(report.toolchainFallbacks, [{ workspace: 'tools/xtask', used: 'stable-x86_64-unknown-linux-gnu', pinned: '1.70.0-x86_64-unknown-linux-gnu' }]);
  assert.match(renderScanText(report, createColors(false)), /^note: the build graph of tools\/xtask was resolved with the installed toolchain stable-x86_64-unknown-linux-gnu: the pinned 1\.70\.0-x86_64-unknown-linux-gnu is not installed$/m);
  assert.deepEqual(scanProject(files, SCANNERS).toolchainFallbacks, []);
  assert.doesNotMatch(renderScanText(scanProject(files, SCANNERS), createColors(false)), /installed toolchain/);
});
