// `buildmedic scan` on fixture projects modelled on the real reports: findings, rule ids `explain` knows, evidence
// lines, near misses, JSON and exit codes; git (a real repository) decides what a flake can see.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ruleDocs } from '../src/cli/docs.ts';
import type { ScanFinding } from '../src/report/finding.ts';
import { readProjectFiles } from '../src/project/read-project.ts';
import { SCANNERS } from '../src/scan/registry.ts';
import { scanProject } from '../src/scan/run-scan.ts';
import { copyFixture, gitInit, runCli, tempDir, writeFiles } from './helpers/scan-projects.ts';

async function scanDir(dir: string, options: { unverified?: boolean } = {}): Promise<ScanFinding[]> {
  return scanProject(await readProjectFiles(dir, SCANNERS), SCANNERS, undefined, options).findings;
}

const brief = (fs: ScanFinding[]) => fs.map((f) => `${f.rule} ${f.evidence[0].file}:${f.evidence[0].line}`);

test('a sibling member that enables the features holds the findings back: Cargo unifies features across the workspace', async () => {
  const dir = copyFixture('clap-env-workspace');
  const report = scanProject(await readProjectFiles(dir, SCANNERS), SCANNERS);
  assert.deepEqual(report.findings.filter((f) => f.rule === 'crate-feature-missing'), []);
  assert.equal(report.heldBack.reduce((n, h) => n + h.count, 0), 3);
  assert.equal(report.heldBack[0].why.length, 3);
  assert.ok(report.heldBack[0].why.every((w) => /, but crates\/quiet\/Cargo\.toml enables it, and Cargo unifies features/.test(w)), JSON.stringify(report.heldBack));
});

test('clap env / serde derive / tokio::main without their features, through workspace inheritance (docker-rocksdb report), shown with --unverified', async () => {
  const findings = await scanDir(copyFixture('clap-env-workspace'), { unverified: true });
  assert.deepEqual(brief(findings), [
    'crate-feature-missing crates/local_backend/src/config.rs:4',
    'crate-feature-missing crates/local_backend/src/config.rs:8',
    'crate-feature-missing crates/tools/src/main.rs:1',
  ]);
  const [serde, clap, tokio] = findings;
  assert.deepEqual([serde.captures.crate, serde.captures.feature], ['serde', 'derive']);
  assert.deepEqual([clap.captures.crate, clap.captures.feature], ['clap', 'env']);
  // The multi-line #[clap(long, env, ...)] is found too, the commented-out one is not.
  assert.deepEqual(clap.evidence.map((e) => `${e.file}:${e.line}`), ['crates/local_backend/src/config.rs:8', 'crates/local_backend/src/config.rs:14', 'crates/local_backend/Cargo.toml:8']);
  assert.deepEqual([tokio.captures.crate, tokio.captures.feature], ['tokio', 'macros`, `rt-multi-thread']);
  // The list, as diagnose publishes it (docs/scan-json.md): one entry per feature, never a joined string.
  assert.deepEqual([serde.captures.features, tokio.captures.features], [['derive'], ['macros', 'rt-multi-thread']]);
  // The crate that enables everything it uses (`quiet`) has no finding.
  assert.ok(!findings.some((f) => f.evidence[0].file.startsWith('crates/quiet/')));
});

test('clap 2 (structopt era) has no env feature to miss; #[tokio::main(flavor = "current_thread")] needs rt only', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\n\n[dependencies]\nclap = "2"\nstructopt = "0.3"\ntokio = { version = "1", features = ["rt", "macros"] }\n',
    'src/main.rs': '#[derive(structopt::StructOpt)]\nstruct A {\n    #[structopt(long, env = "X")]\n    x: bool,\n}\n#[tokio::main(flavor = "current_thread")]\nasync fn main() {}\n',
  });
  assert.deepEqual(await scanDir(dir), []);
});

test('a flake that evaluates a missing Cargo.lock, and files git does not track (nix-cargo-lock report)', async () => {
  const dir = copyFixture('nix-flake-lock');
  gitInit(dir, ['flake.nix', 'Cargo.toml', 'src', '.gitignore']);
  const findings = await scanDir(dir);
  assert.deepEqual(brief(findings), ['nix-flake-untracked-file flake.nix:9', 'cargo-lock-missing flake.nix:15']);
  assert.match(findings[0].message, /nix\/overlay\.nix, which git does not track/);
  assert.match(findings[1].message, /Cargo\.lock does not exist, but the Nix flake needs it; \.gitignore also ignores it/);
  assert.deepEqual(findings[1].fix?.commands.map((c) => c.argv.join(' ')), ['cargo generate-lockfile', 'git add -- Cargo.lock']);
});

test('a Cargo.lock that exists but git ignores is invisible to the flake', async () => {
  const dir = copyFixture('nix-flake-lock');
  writeFiles(dir, { 'Cargo.lock': '# placeholder\nversion = 3\n' });
  gitInit(dir, ['flake.nix', 'Cargo.toml', 'src', '.gitignore', 'nix']);
  const findings = await scanDir(dir);
  assert.deepEqual(brief(findings), ['nix-flake-untracked-file flake.nix:15']);
  assert.match(findings[0].message, /Cargo\.lock exists but git ignores it/);
  // Outside git there is nothing a flake cannot see, and the lock exists: no finding.
  const plain = copyFixture('nix-flake-lock');
  writeFiles(plain, { 'Cargo.lock': 'version = 3\n' });
  assert.deepEqual(await scanDir(plain), []);
});

test('a flake whose Rust derivation is in a file it imports (callPackage ./. { } reads default.nix): that file is followed', async () => {
  // The shape of a real flake: flake.nix calls default.nix, where buildRustPackage has cargoLock.lockFile = ./Cargo.lock.
  const files = {
    'flake.nix': '{\n  outputs = { self, nixpkgs }: {\n    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.callPackage ./. { };\n  };\n}\n',
    'default.nix': '{ rustPlatform, pkg-config }:\nrustPlatform.buildRustPackage {\n  pname = "demo";\n  version = "0.1.0";\n  src = ./.;\n  cargoLock.lockFile = ./Cargo.lock;\n  patches = [ ./nix/fix.patch ];\n}\n',
    'nix/fix.patch': '',
    'Cargo.toml': '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n',
    'Cargo.lock': 'version = 3\n',
    'src/main.rs': 'fn main() {}\n',
  };
  const dir = tempDir();
  writeFiles(dir, files);
  gitInit(dir, ['flake.nix', 'default.nix', 'Cargo.toml', 'src']);
  const findings = await scanDir(dir);
  assert.deepEqual(brief(findings), ['nix-flake-untracked-file default.nix:6', 'nix-flake-untracked-file default.nix:7']);
  assert.match(findings[0].message, /Cargo\.lock exists but git does not track it/);
  assert.match(findings[1].message, /uses nix\/fix\.patch, which git does not track/);
  // The imported file itself untracked: the import fails, reported on the flake.
  const unadded = tempDir();
  writeFiles(unadded, files);
  gitInit(unadded, ['flake.nix', 'Cargo.toml', 'Cargo.lock', 'src', 'nix']);
  assert.deepEqual(brief(await scanDir(unadded)), ['nix-flake-untracked-file flake.nix:3']);
  // Near miss: the imported file builds no Rust (a dev shell), so the untracked lock is nothing a flake reads.
  const shell = tempDir();
  writeFiles(shell, { ...files, 'default.nix': '{ mkShell, cargo }:\nmkShell { packages = [ cargo ]; }\n' });
  gitInit(shell, ['flake.nix', 'default.nix', 'Cargo.toml', 'src']);
  assert.deepEqual(brief(await scanDir(shell)), []);
});

test('maturin-action manylinux: off and a FreeBSD target (manylinux-wheel-build report); Windows jobs are left alone', async () => {
  const dir = copyFixture('maturin-wheels');
  writeFiles(dir, { 'Cargo.lock': 'version = 3\n' });
  const findings = await scanDir(dir);
  assert.deepEqual(brief(findings), ['wheel-platform-tag-rejected .github/workflows/release.yml:24', 'wheel-platform-tag-rejected .github/workflows/release.yml:34', 'rustc-too-old .github/workflows/release.yml:51']);
  assert.equal(findings[0].fix?.safety, 'unsafe');
  assert.equal(findings[1].fix, null);
  assert.match(findings[2].message, /pins Rust 1\.70, older than rust-version 1\.74/);
});

test('CI with --locked and no Cargo.lock', async () => {
  const findings = await scanDir(copyFixture('maturin-wheels'));
  assert.ok(brief(findings).includes('cargo-lock-missing .github/workflows/release.yml:52'));
});

test('rust-version above the rust-toolchain file and the Dockerfile rust image; a newer image is fine', async () => {
  const findings = await scanDir(copyFixture('rust-pins'));
  assert.deepEqual(brief(findings), ['rustc-too-old Dockerfile:2', 'rustc-too-old rust-toolchain:1']);
  assert.deepEqual(findings.map((f) => f.fix?.edits[0].text), ['1.74', '1.74.1']);
});

test('every rule id scan reports has documentation for `buildmedic explain`', async () => {
  const ids = new Set<string>();
  for (const name of ['clap-env-workspace', 'nix-flake-lock', 'maturin-wheels', 'rust-pins']) {
    const dir = copyFixture(name);
    gitInit(dir, ['Cargo.toml']);
    for (const f of await scanDir(dir, { unverified: true })) ids.add(f.rule);
  }
  assert.ok(ids.size >= 5, [...ids].join());
  for (const id of ids) assert.match(ruleDocs(id), /^# /m, id);
});

test('scan CLI: text, JSON (docs/scan-json.md), --only, exit codes 0/1/2', () => {
  const dir = copyFixture('rust-pins');
  const text = runCli(['scan', dir]);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /error rustc-too-old {2}Dockerfile:2\n {2}Dockerfile's rust image pins Rust 1\.70, older than rust-version 1\.74\.1 in Cargo\.toml/);
  const json = runCli(['scan', '--json', dir]);
  const report = JSON.parse(json.stdout);
  assert.equal(report.schemaVersion, 1);
  assert.deepEqual(report.summary, { errors: 2, warnings: 0, fixable: 2 });
  assert.deepEqual(Object.keys(report.findings[0]).sort(), ['captures', 'evidence', 'fix', 'message', 'rule', 'severity', 'title']);
  assert.equal(runCli(['scan', '--only', 'crate-feature-missing', dir]).status, 0);
  const clean = tempDir();
  writeFiles(clean, { 'Cargo.toml': '[package]\nname = "ok"\nversion = "0.1.0"\n', 'src/main.rs': 'fn main() {}\n' });
  const ok = runCli(['scan', clean]);
  assert.equal(ok.status, 0);
  assert.match(ok.stdout, /No known build-failure risks found/);
  const missing = runCli(['scan', `${clean}/nope`]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file/);
});

test('a scanner that cannot parse its file reports a problem, the others still run', async () => {
  const dir = copyFixture('rust-pins');
  writeFiles(dir, { '.github/workflows/bad.yml': 'jobs: [unclosed\n' });
  const report = scanProject(await readProjectFiles(dir, SCANNERS), SCANNERS);
  assert.equal(report.problems.length, 1);
  assert.match(report.problems[0].message, /bad\.yml: not valid YAML/);
  assert.equal(report.findings.length, 2);
});

test('explain looks up scan-only check docs by id, and refuses ids that are not kebab-case names', () => {
  assert.throws(() => ruleDocs('no-such-scan-check'), { code: 'unknown-rule' });
  assert.throws(() => ruleDocs('../../../etc/passwd'), { code: 'unknown-rule' });
});

test('dev-dependency features count for tests, examples and #[cfg(test)] code, not for the library itself', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\n\n[dependencies]\ntokio = { version = "1", features = ["rt"] }\n\n[dev-dependencies]\ntokio = { version = "1", features = ["macros", "rt-multi-thread", "time"] }\n',
    'src/lib.rs': 'pub fn f() {}\n\n#[cfg(test)]\nmod tests {\n    #[tokio::test]\n    async fn t() { tokio::time::sleep(std::time::Duration::ZERO).await; }\n}\n',
    'tests/it.rs': '#[tokio::test]\nasync fn it() {}\n',
    'examples/demo.rs': '#[tokio::main]\nasync fn main() {}\n',
    'src/bin/tool.rs': '#[tokio::main]\nasync fn main() {}\n',
    // Only the package itself depends on tokio: no other crate of the graph can turn a feature on.
    'Cargo.lock': 'version = 3\n\n[[package]]\nname = "a"\nversion = "0.1.0"\ndependencies = ["tokio"]\n\n[[package]]\nname = "tokio"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = ["tokio-macros"]\n\n[[package]]\nname = "tokio-macros"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n',
  });
  assert.deepEqual(brief(await scanDir(dir)), ['crate-feature-missing src/bin/tool.rs:1']);
});

test('a pin only answers to the rust-version of the packages below it', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'new/Cargo.toml': '[package]\nname = "new"\nversion = "0.1.0"\nrust-version = "1.80"\n',
    'old/Cargo.toml': '[package]\nname = "old"\nversion = "0.1.0"\nrust-version = "1.70"\n',
    'old/Dockerfile': 'FROM rust:1.75\n',
    '.github/workflows/ci.yml': 'jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: dtolnay/rust-toolchain@1.75\n',
  });
  // The workflow does not say which of the two packages it builds: no finding rather than a guess.
  assert.deepEqual(brief(await scanDir(dir)), []);
  writeFiles(dir, { '.github/workflows/ci.yml': 'jobs:\n  t:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: new\n    steps:\n      - uses: dtolnay/rust-toolchain@1.75\n' });
  assert.deepEqual(brief(await scanDir(dir)), ['rustc-too-old .github/workflows/ci.yml:8']);
});

test("a rust image older than the packages' edition, or than the cargo that reads the committed Cargo.lock's format", async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "svc"\nversion = "0.1.0"\nedition = "2021"\n',
    'Cargo.lock': '# This file is automatically @generated by Cargo.\nversion = 4\n\n[[package]]\nname = "svc"\nversion = "0.1.0"\n',
    'Dockerfile': 'FROM rust:1.50\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n',
  });
  gitInit(dir, ['.']);
  const [edition] = await scanDir(dir);
  // Both apply; the newer need decides: cargo 1.78 reads format 4, rustc 1.56 knows edition 2021.
  assert.deepEqual(brief([edition]), ['rustc-too-old Dockerfile:1']);
  assert.match(edition.message, /pins Rust 1\.50, older than Cargo\.lock's format version 4 \(cargo 1\.78 and later\)/);
  assert.equal(edition.fix?.edits[0].text, '1.78');
  // `cargo install --path .` without --locked never reads the lock: only the edition counts (1.56 > 1.50 still).
  writeFiles(dir, { 'Dockerfile': 'FROM rust:1.60\nWORKDIR /app\nCOPY . .\nRUN cargo install --path .\n' });
  assert.deepEqual(brief(await scanDir(dir)), []);
  writeFiles(dir, { 'Dockerfile': 'FROM rust:1.60\nWORKDIR /app\nCOPY . .\nRUN cargo install --locked --path .\n' });
  assert.deepEqual(brief(await scanDir(dir)), ['rustc-too-old Dockerfile:1']);
  // A lock git does not track is in no clone or build context.
  const untracked = tempDir();
  writeFiles(untracked, {
    'Cargo.toml': '[package]\nname = "svc"\nversion = "0.1.0"\nedition = "2021"\n',
    'Cargo.lock': 'version = 4\n',
    '.gitignore': 'Cargo.lock\n',
    'Dockerfile': 'FROM rust:1.60\nWORKDIR /app\nCOPY . .\nRUN cargo build\n',
  });
  gitInit(untracked, ['.']);
  assert.deepEqual(brief(await scanDir(untracked)), []);
});

test('an image build that reads no lock is held to what the newest releases of its dependencies need; locked builds and other series are not', async () => {
  const dir = tempDir();
  const cargoToml = (deps: string) => `[package]\nname = "svc"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n${deps}`;
  writeFiles(dir, {
    'Cargo.toml': cargoToml('tokio = { version = "1.28.2", features = ["full"] }\nserde = "1"\n'),
    'Cargo.lock': 'version = 3\n\n[[package]]\nname = "svc"\nversion = "0.1.0"\n',
    // cargo install without --locked resolves today's tokio 1.x (1.70+), whatever the lock pins
    'Dockerfile': 'FROM rust:1.64\nWORKDIR /app\nCOPY . .\nRUN cargo install --path .\n',
  });
  gitInit(dir, ['.']);
  const [fresh] = await scanDir(dir);
  assert.deepEqual(brief([fresh]), ['rustc-too-old Dockerfile:1']);
  assert.match(fresh.message, /pins Rust 1\.64, older than the newest tokio 1\.x that cargo resolves without a lock \(tokio = "1\.28\.2" in Cargo\.toml\), which needs Rust 1\.70 or later/);
  assert.equal(fresh.fix?.edits[0].text, '1.70');
  // With --locked the tracked lock decides (its format 3 and the edition: both fit 1.64).
  writeFiles(dir, { 'Dockerfile': 'FROM rust:1.64\nWORKDIR /app\nCOPY . .\nRUN cargo install --locked --path .\n' });
  assert.deepEqual(brief(await scanDir(dir)), []);
  // A newer image, an exact or tilde requirement, a series the table has no bound for, a dev or optional dependency.
  writeFiles(dir, { 'Dockerfile': 'FROM rust:1.75\nWORKDIR /app\nCOPY . .\nRUN cargo install --path .\n' });
  assert.deepEqual(brief(await scanDir(dir)), []);
  writeFiles(dir, { 'Dockerfile': 'FROM rust:1.64\nWORKDIR /app\nCOPY . .\nRUN cargo install --path .\n' });
  for (const deps of ['tokio = "=1.28.2"\n', 'tokio = "~1.28"\n', 'clap = "3"\n', '[dev-dependencies]\ntokio = "1"\n', 'tokio = { version = "1", optional = true }\n']) {
    writeFiles(dir, { 'Cargo.toml': cargoToml(deps) });
    assert.deepEqual(brief(await scanDir(dir)), [], deps);
  }
  // An installed tool is not the project: `cargo install ripgrep` resolves ripgrep's dependencies, not these.
  writeFiles(dir, { 'Cargo.toml': cargoToml('tokio = "1"\n'), 'Dockerfile': 'FROM rust:1.64\nRUN cargo install ripgrep\n' });
  assert.deepEqual(brief(await scanDir(dir)), []);
  // No tracked lock: a plain cargo build resolves fresh too.
  const unlocked = tempDir();
  writeFiles(unlocked, { 'Cargo.toml': cargoToml('clap = { version = "4.0", features = ["derive"] }\n'), 'Dockerfile': 'FROM rust:1.70-slim\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n' });
  gitInit(unlocked, ['.']);
  assert.deepEqual(brief(await scanDir(unlocked)), ['rustc-too-old Dockerfile:1']);
  assert.match((await scanDir(unlocked))[0].message, /newest clap 4\.x .*needs Rust 1\.74 or later/);
});

test('near miss: an MSRV job that writes its own lock first is not held to the committed lock\'s format', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "lib"\nversion = "0.1.0"\nedition = "2021"\n',
    'Cargo.lock': 'version = 4\n\n[[package]]\nname = "lib"\nversion = "0.1.0"\n',
    '.github/workflows/msrv.yml': 'jobs:\n  msrv:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: dtolnay/rust-toolchain@1.70\n      - run: cargo +nightly update -Zminimal-versions\n      - run: cargo check\n',
  });
  gitInit(dir, ['.']);
  assert.deepEqual(brief(await scanDir(dir)), []);
  writeFiles(dir, { '.github/workflows/msrv.yml': 'jobs:\n  msrv:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: dtolnay/rust-toolchain@1.70\n      - run: cargo check --locked\n' });
  assert.deepEqual(brief(await scanDir(dir)), ['rustc-too-old .github/workflows/msrv.yml:5']);
});

test('--only refuses ids that are neither rules nor checks', () => {
  const r = runCli(['scan', '--only', 'crate-feature-mising', copyFixture('rust-pins')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--only: no rule or check named crate-feature-mising/);
  assert.equal(runCli(['fix', '--only', 'nope', copyFixture('rust-pins')]).status, 2);
});

test('crane with src = ./backend needs backend/Cargo.lock (the lock of the workspace the flake builds)', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'flake.nix': '{\n  outputs = { self, crane, nixpkgs }: {\n    packages.x86_64-linux.default = crane.lib.x86_64-linux.buildPackage {\n      src = craneLib.cleanCargoSource ./backend;\n    };\n  };\n}\n',
    'backend/Cargo.toml': '[package]\nname = "backend"\nversion = "0.1.0"\n',
    'frontend/package.json': '{}\n',
  });
  gitInit(dir, ['flake.nix', 'backend']);
  const findings = await scanDir(dir);
  assert.deepEqual(brief(findings), ['cargo-lock-missing flake.nix:4']);
  assert.equal(findings[0].fix?.commands[0].cwd, 'backend');
});

test('scan and fix help say what they do, their options and exit codes', () => {
  const scan = runCli(['scan', '--help']);
  assert.equal(scan.status, 0);
  for (const s of ['--json', '--only', 'Exit codes: 0 nothing found, 1 findings reported, 2']) assert.ok(scan.stdout.includes(s), s);
  const fix = runCli(['fix', '--help']);
  assert.equal(fix.status, 0);
  for (const s of ['--write', '--unsafe', '--git', '--only', 'Exit codes: 0 nothing to fix, 1 fixes shown or applied, 2']) assert.ok(fix.stdout.includes(s), s);
});

test('an unparseable Cargo.toml is reported as a problem, and the other manifests are still checked', async () => {
  const dir = copyFixture('clap-env-workspace');
  writeFiles(dir, { 'crates/broken/Cargo.toml': '[package\nname = "broken"\n' });
  const report = scanProject(await readProjectFiles(dir, SCANNERS), SCANNERS);
  assert.equal(report.problems.length, 1);
  assert.match(report.problems[0].message, /crates\/broken\/Cargo\.toml: not valid TOML/);
  // The valid manifests are still checked: their three findings are there, held back as unverified.
  assert.equal(report.heldBack.reduce((n, h) => n + h.count, 0), 3);
});

test('scanning a member directory alone: features inherited from a workspace root above it are unknown, so no finding', async () => {
  const dir = copyFixture('clap-env-workspace');
  const findings = await scanDir(`${dir}/crates/local_backend`);
  assert.deepEqual(findings, []);
  // The tools member declares its own tokio, so its finding stands when scanned alone (unverified: no Cargo.lock
  // says which other crates depend on tokio).
  assert.deepEqual(brief(await scanDir(`${dir}/crates/tools`, { unverified: true })), ['crate-feature-missing src/main.rs:1']);
});

test('an MSRV entry of a CI toolchain matrix older than rust-version', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "m"\nversion = "0.1.0"\nrust-version = "1.74"\n',
    '.github/workflows/ci.yml': 'jobs:\n  test:\n    strategy:\n      matrix:\n        rust: [1.70.0, stable, "1.80"]\n    runs-on: ubuntu-latest\n    steps:\n      - uses: dtolnay/rust-toolchain@master\n        with:\n          toolchain: ${{ matrix.rust }}\n',
  });
  const findings = await scanDir(dir);
  assert.deepEqual(brief(findings), ['rustc-too-old .github/workflows/ci.yml:5']);
  assert.match(findings[0].message, /toolchain matrix pins Rust 1\.70\.0, older than rust-version 1\.74/);
  assert.equal(findings[0].fix?.edits[0].text, '1.74.0');
});

test('a flake-parts flake reaches its modules through an imports list or a readDir of nix/modules: the Rust module there reads the root Cargo.lock', async () => {
  // The shapes of real flake-parts projects: `imports = [ ./nix/rust.nix ]`, or every file of nix/modules mapped in
  // with builtins.readDir; the Rust module (juspay/rust-flake's rust-project, crane underneath) names no src, so crane
  // builds the flake's own tree and reads its Cargo.lock.
  const rustModule = '{ inputs, ... }:\n{\n  imports = [ inputs.rust-flake.flakeModules.default ];\n  perSystem = { config, ... }: {\n    rust-project.crateNixFile = "crate.nix";\n    packages.default = config.rust-project.crates."demo".crane.outputs.drv.crate;\n  };\n}\n';
  const base = {
    'Cargo.toml': '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n',
    'Cargo.lock': 'version = 3\n',
    'src/main.rs': 'fn main() {}\n',
  };
  const byReadDir = {
    ...base,
    'flake.nix': '{\n  inputs.flake-parts.url = "github:hercules-ci/flake-parts";\n  outputs = inputs:\n    inputs.flake-parts.lib.mkFlake { inherit inputs; } {\n      systems = [ "x86_64-linux" ];\n      imports = with builtins;\n        map (fn: ./nix/modules/${fn}) (attrNames (readDir ./nix/modules));\n    };\n}\n',
    'nix/modules/devshell.nix': '{\n  perSystem = { pkgs, ... }: { devShells.default = pkgs.mkShell { }; };\n}\n',
    'nix/modules/rust.nix': rustModule,
  };
  const dir = tempDir();
  writeFiles(dir, byReadDir);
  gitInit(dir, ['flake.nix', 'nix', 'Cargo.toml', 'src']);
  const findings = await scanDir(dir);
  assert.deepEqual(brief(findings), ['nix-flake-untracked-file nix/modules/rust.nix:5']);
  assert.match(findings[0].message, /Cargo\.lock exists but git does not track it/);
  // The same module named in an imports list.
  const byList = tempDir();
  writeFiles(byList, { ...base, 'flake.nix': '{\n  outputs = inputs:\n    inputs.flake-parts.lib.mkFlake { inherit inputs; } {\n      imports = [ ./nix/rust.nix ];\n    };\n}\n', 'nix/rust.nix': rustModule });
  gitInit(byList, ['flake.nix', 'nix', 'Cargo.toml', 'src']);
  assert.deepEqual(brief(await scanDir(byList)), ['nix-flake-untracked-file nix/rust.nix:5']);
  // Near miss: the modules directory holds only a dev shell, so no Nix file builds the crate and the lock is not read.
  const shellOnly = tempDir();
  const { 'nix/modules/rust.nix': _rust, ...withoutRust } = byReadDir;
  writeFiles(shellOnly, withoutRust);
  gitInit(shellOnly, ['flake.nix', 'nix', 'Cargo.toml', 'src']);
  assert.deepEqual(brief(await scanDir(shellOnly)), []);
  // A dev-shell module that only refers to the crane arguments comes first in the directory; the module whose
  // source is the flake's own tree (`src = inputs.self`, inside cleanSourceWith) is the one the finding names.
  const selfSrc = tempDir();
  writeFiles(selfSrc, {
    ...byReadDir,
    'nix/modules/devshell.nix': '{\n  perSystem = { config, pkgs, ... }: {\n    devShells.default = pkgs.mkShell {\n      inherit (config.rust-project.crates."demo".crane.args) buildInputs;\n    };\n  };\n}\n',
    'nix/modules/rust.nix': '{ inputs, ... }:\n{\n  perSystem = { lib, ... }: {\n    rust-project.src = lib.cleanSourceWith {\n      src = inputs.self;\n      filter = path: type: true;\n    };\n  };\n}\n',
  });
  gitInit(selfSrc, ['flake.nix', 'nix', 'Cargo.toml', 'src']);
  assert.deepEqual(brief(await scanDir(selfSrc)).slice(0, 1), ['nix-flake-untracked-file nix/modules/rust.nix:5']);
  // Tracked, nothing to say.
  const tracked = tempDir();
  writeFiles(tracked, byReadDir);
  gitInit(tracked, ['flake.nix', 'nix', 'Cargo.toml', 'Cargo.lock', 'src']);
  assert.deepEqual(brief(await scanDir(tracked)), []);
});
