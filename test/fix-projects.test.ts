// `buildmedic fix` end to end on fixture projects: the dry-run diff is what --write does (git apply as oracle), cargo
// accepts the result, cargo itself writes the lock file, git decides what is tracked, and a second run changes nothing.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { writeProjectFile } from '../src/fix/write-files.ts';
import { cargoMetadataError, copyFixture, DEBIAN_REGISTRY, git, gitInit, gitTracked, runCli, tempDir, useDebianCrates, writeFiles } from './helpers/scan-projects.ts';

const haveCrates = existsSync(join(DEBIAN_REGISTRY, 'clap-3.2.23')) && existsSync(join(DEBIAN_REGISTRY, 'tokio-1.24.2'));

/** Every file under dir (but .git and target) with its bytes, to prove a run changed nothing. */
function snapshot(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'target') continue;
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, snapshot(dir, p));
    else out[p] = readFileSync(join(dir, p), 'latin1');
  }
  return out;
}

/** Features cargo resolves for a crate, from `cargo metadata --offline`. */
function resolvedFeatures(dir: string, crate: string): string[] {
  const r = spawnSync('cargo', ['metadata', '--offline', '--format-version', '1'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const meta = JSON.parse(r.stdout);
  const node = meta.resolve.nodes.find((n: { id: string }) => meta.packages.find((p: { id: string; name: string }) => p.id === n.id)?.name === crate);
  return node.features;
}

function workspaceWithoutQuiet(): string {
  const dir = copyFixture('clap-env-workspace');
  // `quiet` enables every feature, and cargo unifies features across a workspace: without it, the oracle can tell.
  rmSync(join(dir, 'crates/quiet'), { recursive: true });
  useDebianCrates(dir);
  return dir;
}

test('fix: the dry run changes nothing, and its diff applied by git is exactly what --write writes', () => {
  const dry = workspaceWithoutQuiet();
  const before = snapshot(dry);
  const shown = runCli(['fix', dry]);
  assert.equal(shown.status, 1);
  assert.deepEqual(snapshot(dry), before);
  assert.match(shown.stdout, /^-clap = \{ workspace = true \}$/m);
  assert.match(shown.stdout, /^\+clap = \{ workspace = true, features = \["env"\] \}$/m);
  const diff = shown.stdout.slice(shown.stdout.indexOf('--- a/'), shown.stdout.lastIndexOf('\nDry run') + 1).replace(/\n+$/, '\n');
  git(dry, 'init', '-q');
  const applied = spawnSync('git', ['apply', '-'], { cwd: dry, input: diff, encoding: 'utf8' });
  assert.equal(applied.status, 0, applied.stderr);

  const wet = workspaceWithoutQuiet();
  const written = runCli(['fix', '--write', wet]);
  assert.equal(written.status, 1, written.stderr);
  assert.match(written.stdout, /wrote crates\/local_backend\/Cargo\.toml, crates\/tools\/Cargo\.toml/);
  assert.match(written.stdout, /Re-scan: nothing left to fix/);
  const a = snapshot(dry);
  const b = snapshot(wet);
  delete a['.git'];
  assert.deepEqual(Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'Cargo.lock')), Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'Cargo.lock')));
});

test('fix --write: cargo resolves the features that were missing, and a second run changes nothing', { skip: !haveCrates && 'Debian librust crates not installed' }, () => {
  const dir = workspaceWithoutQuiet();
  assert.ok(!resolvedFeatures(dir, 'clap').includes('env'));
  assert.ok(!resolvedFeatures(dir, 'tokio').includes('macros'));
  assert.equal(runCli(['fix', '--write', dir]).status, 1);
  assert.equal(cargoMetadataError(dir), null);
  assert.ok(resolvedFeatures(dir, 'clap').includes('env'));
  assert.ok(resolvedFeatures(dir, 'serde').includes('derive'));
  assert.deepEqual(['macros', 'rt', 'rt-multi-thread'].filter((f) => resolvedFeatures(dir, 'tokio').includes(f)), ['macros', 'rt', 'rt-multi-thread']);
  const once = snapshot(dir);
  const again = runCli(['fix', '--write', dir]);
  assert.equal(again.status, 0);
  assert.match(again.stdout, /Nothing to fix/);
  assert.deepEqual(snapshot(dir), once);
});

test('fix --write keeps CRLF, comments and file mode', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[package]\r\nname = "crlf"\r\nversion = "0.1.0"\r\n\r\n[dependencies]\r\n# the CLI\r\nclap = { version = "3", features = ["derive"] } # keep me\r\n',
    'src/main.rs': 'use clap::Parser;\r\n#[derive(Parser)]\r\nstruct A {\r\n    #[arg(long, env = "A")]\r\n    a: bool,\r\n}\r\nfn main() {}\r\n',
    // Only the package depends on clap, so `env` is verifiably off even where cargo cannot resolve offline.
    'Cargo.lock': 'version = 3\n\n[[package]]\nname = "crlf"\nversion = "0.1.0"\ndependencies = ["clap"]\n\n[[package]]\nname = "clap"\nversion = "3.2.23"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n',
  });
  chmodSync(join(dir, 'Cargo.toml'), 0o640);
  assert.equal(runCli(['fix', '--write', dir]).status, 1);
  assert.equal(readFileSync(join(dir, 'Cargo.toml'), 'utf8'), '[package]\r\nname = "crlf"\r\nversion = "0.1.0"\r\n\r\n[dependencies]\r\n# the CLI\r\nclap = { version = "3", features = ["derive", "env"] } # keep me\r\n');
  assert.equal(statSync(join(dir, 'Cargo.toml')).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('buildmedic')), []);
});

test('the atomic writer refuses a file changed since it was read, and leaves no temp file', async () => {
  const dir = tempDir();
  const file = join(dir, 'Cargo.toml');
  writeFileSync(file, 'edited by someone else\n');
  await assert.rejects(writeProjectFile(dir, { file: 'Cargo.toml', before: 'what the plan saw\n', after: 'the fix\n' }), { code: 'fix-stale' });
  assert.equal(readFileSync(file, 'utf8'), 'edited by someone else\n');
  await writeProjectFile(dir, { file: 'Cargo.toml', before: 'edited by someone else\n', after: 'the fix\n' });
  assert.equal(readFileSync(file, 'utf8'), 'the fix\n');
  assert.deepEqual(readdirSync(dir), ['Cargo.toml']);
});

test('missing Cargo.lock for a flake: cargo generates it offline, .gitignore stops hiding it, git add with --git', { skip: !haveCrates && 'no Debian crates' }, () => {
  const dir = copyFixture('nix-flake-lock');
  useDebianCrates(dir);
  gitInit(dir, ['flake.nix', 'Cargo.toml', 'src', '.gitignore']);
  const oracle = copyFixture('nix-flake-lock');
  useDebianCrates(oracle);
  assert.equal(spawnSync('cargo', ['generate-lockfile', '--offline'], { cwd: oracle }).status, 0);

  const r = runCli(['fix', '--write', '--git', dir]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /ran cargo generate-lockfile --offline/);
  assert.equal(readFileSync(join(dir, 'Cargo.lock'), 'utf8'), readFileSync(join(oracle, 'Cargo.lock'), 'utf8'));
  assert.equal(readFileSync(join(dir, '.gitignore'), 'utf8'), '/target\nresult\n');
  assert.ok(gitTracked(dir).includes('Cargo.lock'));
  assert.ok(gitTracked(dir).includes('nix/overlay.nix'));
  assert.match(r.stdout, /Re-scan: nothing left to fix/);
  const once = snapshot(dir);
  assert.equal(runCli(['fix', '--write', '--git', dir]).status, 0);
  assert.deepEqual(snapshot(dir), once);
});

test('without --git, git add is not run and the re-scan says what remains', { skip: !haveCrates && 'no Debian crates' }, () => {
  const dir = copyFixture('nix-flake-lock');
  useDebianCrates(dir);
  gitInit(dir, ['flake.nix', 'Cargo.toml', 'src', '.gitignore']);
  const r = runCli(['fix', '--write', dir]);
  assert.equal(r.status, 1);
  assert.ok(existsSync(join(dir, 'Cargo.lock')));
  assert.ok(!gitTracked(dir).includes('Cargo.lock'));
  assert.match(r.stdout, /skipped git add -- Cargo\.lock/);
  assert.match(r.stdout, /Still found after fixing \(2\):\n {2}nix-flake-untracked-file {2}flake\.nix:9 .*overlay\.nix.*\n {2}nix-flake-untracked-file {2}flake\.nix:15 .*Cargo\.lock exists but git does not track it/);
});

test('an unreachable registry gives a clear message, and git add is not attempted after the failure', () => {
  const dir = copyFixture('nix-flake-lock');
  // A registry on a closed local port: offline has nothing cached, online cannot connect.
  writeFiles(dir, { '.cargo/config.toml': '[source.crates-io]\nreplace-with = "dead"\n\n[source.dead]\nregistry = "sparse+http://127.0.0.1:9/index/"\n\n[net]\nretry = 0\n' });
  gitInit(dir, ['flake.nix', 'Cargo.toml', 'src', '.gitignore', 'nix']);
  const r = spawnSync(process.execPath, [new URL('../dist/bin/main.js', import.meta.url).pathname, 'fix', '--write', '--git', dir], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CARGO_HOME: tempDir('bm-cargo-home-') } });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /failed cargo generate-lockfile — `cargo generate-lockfile` needs the crate registry, which is unreachable from here/);
  assert.match(r.stdout, /skipped git add -- Cargo\.lock — .*an earlier step of this fix failed/);
  assert.ok(!existsSync(join(dir, 'Cargo.lock')));
});

test('unsafe fixes are shown but only applied with --unsafe; the YAML edit changes that one value', () => {
  const dir = copyFixture('maturin-wheels');
  writeFiles(dir, { 'Cargo.lock': 'version = 3\n' });
  const path = join(dir, '.github/workflows/release.yml');
  const before = readFileSync(path, 'utf8');
  const safeOnly = runCli(['fix', '--write', dir]);
  assert.equal(safeOnly.status, 1);
  assert.match(safeOnly.stdout, /held back: let maturin-action build manylinux wheels/);
  assert.equal(readFileSync(path, 'utf8'), before);

  assert.equal(runCli(['fix', '--write', '--unsafe', '--only', 'wheel-platform-tag-rejected', dir]).status, 1);
  const after = readFileSync(path, 'utf8');
  assert.match(after, /^ {10}manylinux: "auto" {2}# Disable manylinux Docker to build natively$/m);
  const expected = parseYaml(before);
  expected.jobs.linux.steps[2].with.manylinux = 'auto';
  assert.deepEqual(parseYaml(after), expected);
  // The Windows job's manylinux: off is left alone, the toolchain pin was not asked for.
  assert.match(after, /^ {10}manylinux: off$/m);
  assert.match(after, /dtolnay\/rust-toolchain@1\.70/);
  // Idempotent: the FreeBSD finding has no automatic fix, so there is nothing left to do.
  assert.equal(runCli(['fix', '--write', '--unsafe', '--only', 'wheel-platform-tag-rejected', dir]).status, 0);
  assert.equal(readFileSync(path, 'utf8'), after);
});

test('rust-version pins: --unsafe bumps the Dockerfile image and the rust-toolchain file, keeping their form', () => {
  const dir = copyFixture('rust-pins');
  assert.equal(runCli(['fix', '--write', '--unsafe', dir]).status, 1);
  assert.match(readFileSync(join(dir, 'Dockerfile'), 'utf8'), /^FROM rust:1\.74-slim-bookworm AS build$/m);
  assert.equal(readFileSync(join(dir, 'rust-toolchain'), 'utf8'), '1.74.1\n');
  const again = runCli(['fix', '--write', '--unsafe', dir]);
  assert.equal(again.status, 0);
});

test('diagnose --fix turns a real clap E0599 log into the Cargo.toml edit for the project here', { skip: !haveCrates && 'no Debian crates' }, () => {
  const dir = tempDir();
  useDebianCrates(dir);
  writeFiles(dir, { 'Cargo.toml': '[package]\nname = "tokencli"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nclap = { version = "3", features = ["derive"] } # args\n', 'src/main.rs': 'fn main() {}\n' });
  const log = new URL('../src/kb/rules/rust/crate-feature-missing/cases/fail-corpus-clap-env.log', import.meta.url).pathname;
  const shown = runCli(['diagnose', '--fix', log], dir);
  assert.equal(shown.status, 1);
  assert.match(shown.stdout, /^\+clap = \{ version = "3", features = \["derive", "env"\] \} # args$/m);
  assert.ok(readFileSync(join(dir, 'Cargo.toml'), 'utf8').includes('features = ["derive"] }'));
  assert.equal(runCli(['diagnose', '--fix', '--write', log], dir).status, 1);
  assert.ok(readFileSync(join(dir, 'Cargo.toml'), 'utf8').includes('features = ["derive", "env"] } # args'));
  assert.equal(cargoMetadataError(dir), null);
  assert.match(runCli(['diagnose', '--fix', log], dir).stdout, /Cargo.toml already enables it\./);
  assert.equal(runCli(['diagnose', '--fix', '--json', log], dir).status, 2);
});

test('fix --json: the plan as documented in docs/scan-json.md', () => {
  const dir = copyFixture('rust-pins');
  const r = runCli(['fix', '--json', dir]);
  assert.equal(r.status, 1);
  const plan = JSON.parse(r.stdout);
  assert.equal(plan.schemaVersion, 1);
  assert.equal(plan.mode, 'dry-run');
  assert.deepEqual(Object.keys(plan).sort(), ['commands', 'diff', 'fixable', 'held', 'manual', 'mode', 'problems', 'refused', 'remaining', 'root', 'schemaVersion', 'written']);
  assert.match(plan.diff, /^-FROM rust:1\.70-slim-bookworm AS build\n\+FROM rust:1\.74-slim-bookworm AS build$/m);
  assert.equal(plan.held.length, 2);
  assert.equal(plan.remaining, null);
  assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8').includes('rust:1.70'), true);
});

test('.dockerignore that excludes the Cargo.lock a Dockerfile copies: the line goes, the rest stays', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "d"\nversion = "0.1.0"\n',
    'Cargo.lock': 'version = 3\n',
    '.dockerignore': 'target\n# lock files are regenerated\nCargo.lock\n.git\n',
    'Dockerfile': 'FROM rust:1.80 AS build\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\nRUN cargo fetch --locked\n',
  });
  const shown = runCli(['scan', dir]);
  assert.equal(shown.status, 1);
  assert.match(shown.stdout, /cargo-lock-missing {2}\.dockerignore:3\n {2}\.dockerignore excludes Cargo\.lock from the build context, but the Dockerfile needs it/);
  assert.equal(runCli(['fix', '--write', dir]).status, 1);
  assert.equal(readFileSync(join(dir, '.dockerignore'), 'utf8'), 'target\n# lock files are regenerated\n.git\n');
  assert.equal(runCli(['fix', '--write', dir]).status, 0);
});

test('diagnose --fix on a Nix log with no Cargo.lock: the same plan fix makes, and --write runs cargo', { skip: !haveCrates && 'no Debian crates' }, () => {
  const dir = copyFixture('nix-flake-lock');
  useDebianCrates(dir);
  const log = new URL('../src/kb/rules/container/cargo-lock-missing/cases/fail-corpus-nix-flake-cargo-lock-missing.log', import.meta.url).pathname;
  const shown = runCli(['diagnose', '--fix', log], dir);
  assert.equal(shown.status, 1);
  assert.match(shown.stdout, /would run cargo generate-lockfile — write Cargo\.lock as cargo resolves it/);
  assert.match(shown.stdout, /`buildmedic diagnose --fix --write` applies it/);
  assert.ok(!existsSync(join(dir, 'Cargo.lock')));
  assert.match(runCli(['diagnose', '--fix', '--write', log], dir).stdout, /ran cargo generate-lockfile --offline/);
  assert.ok(existsSync(join(dir, 'Cargo.lock')));
});
