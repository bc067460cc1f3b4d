// Hostile projects and logs against the writers (`fix --write`, `diagnose --fix --write`, `wheels --fix --write`):
// nothing outside the project is written, by buildmedic or by a tool it runs, and nothing in a file is lost.

import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseToml } from 'smol-toml';
import { checkFeatureEdit, planAddFeatures } from '../src/scan/cargo/add-features.ts';
import { toolWriteRefusal } from '../src/fix/tool-writes.ts';
import { writeProjectFile } from '../src/fix/write-files.ts';
import { runCli, tempDir, writeFiles } from './helpers/scan-projects.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const haveCargo = spawnSync('cargo', ['--version']).status === 0;
const isRoot = process.getuid?.() === 0;

/** A package with no dependencies (cargo resolves it offline with an empty cache) and a flake that needs its lock. */
const FLAKE_PACKAGE = {
  'Cargo.toml': '[package]\nname = "lonely"\nversion = "0.1.0"\nedition = "2021"\n',
  'src/main.rs': 'fn main() {}\n',
  'flake.nix': '{\n  outputs = { self, nixpkgs }: {\n    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.rustPlatform.buildRustPackage {\n      pname = "lonely";\n      version = "0.1.0";\n      src = ./.;\n      cargoLock.lockFile = ./Cargo.lock;\n    };\n  };\n}\n',
};

const SHARED_LOCK = '# the shared lock, with pins the project must not drop\nversion = 3\n\n[[package]]\nname = "pinned"\nversion = "1.2.3"\n';

/** A project whose Dockerfile fix edits line 4 (adds Cargo.lock to the COPY of Cargo.toml). */
function dockerProject(firstLine: Buffer): string {
  const dir = tempDir('bm-hostile-');
  writeFiles(dir, { 'Cargo.toml': '[package]\nname = "d"\nversion = "0.1.0"\nedition = "2021"\n', 'Cargo.lock': 'version = 3\n' });
  writeFileSync(join(dir, 'Dockerfile'), Buffer.concat([firstLine, Buffer.from('FROM rust:1.80 AS build\nWORKDIR /app\nCOPY Cargo.toml ./\nRUN cargo build --locked --release\n')]));
  return dir;
}

/** A project whose only fix adds clap's `env` feature to Cargo.toml. */
function clapProject(): string {
  const dir = tempDir('bm-hostile-');
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "c"\nversion = "0.1.0"\n\n[dependencies]\nclap = { version = "4", features = ["derive"] }\n',
    'src/main.rs': 'use clap::Parser;\n#[derive(Parser)]\nstruct A {\n    #[arg(long, env = "A")]\n    a: bool,\n}\nfn main() {}\n',
  });
  return dir;
}

const tempFiles = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes('.buildmedic-'));

// ---- 7: nothing outside the project is written ----

test('a Cargo.lock symlinked outside the project is reported as a symlink, and neither buildmedic nor cargo writes through it', { skip: !haveCargo && 'cargo not installed' }, () => {
  const base = tempDir('bm-hostile-');
  const shared = join(base, 'shared');
  mkdirSync(shared);
  writeFileSync(join(shared, 'Cargo.lock'), SHARED_LOCK);
  const dir = join(base, 'project');
  writeFiles(dir, FLAKE_PACKAGE);
  symlinkSync('../shared/Cargo.lock', join(dir, 'Cargo.lock'));
  const scan = runCli(['scan', dir]);
  assert.doesNotMatch(scan.stdout, /does not exist/);
  assert.match(scan.stdout, /Cargo\.lock is a symlink to \.\.\/shared\/Cargo\.lock, outside the project/);
  const r = runCli(['fix', '--write', dir]);
  assert.doesNotMatch(r.stdout, /ran cargo generate-lockfile/);
  assert.equal(readFileSync(join(shared, 'Cargo.lock'), 'utf8'), SHARED_LOCK);
});

test('cargo would write the lock of a workspace root above the project: the command is refused, exit 2', { skip: !haveCargo && 'cargo not installed' }, () => {
  const outer = tempDir('bm-hostile-');
  writeFiles(outer, { 'Cargo.toml': '[workspace]\nmembers = ["project"]\nresolver = "2"\n' });
  const dir = join(outer, 'project');
  writeFiles(dir, FLAKE_PACKAGE);
  // The oracle: cargo itself puts the lock at the workspace root, outside the project.
  const oracle = tempDir('bm-hostile-');
  writeFiles(oracle, { 'Cargo.toml': '[workspace]\nmembers = ["project"]\nresolver = "2"\n' });
  writeFiles(join(oracle, 'project'), FLAKE_PACKAGE);
  assert.equal(spawnSync('cargo', ['generate-lockfile', '--offline'], { cwd: join(oracle, 'project') }).status, 0);
  assert.ok(existsSync(join(oracle, 'Cargo.lock')) && !existsSync(join(oracle, 'project/Cargo.lock')));

  const r = runCli(['fix', '--write', dir]);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stdout, /cargo generate-lockfile.*would write .*Cargo\.lock, outside the project/);
  assert.ok(!existsSync(join(outer, 'Cargo.lock')));
  assert.ok(!existsSync(join(dir, 'Cargo.lock')));
});

test('the writer refuses a file that resolves outside the project (a symlinked file or directory), and writes through an inside symlink', async () => {
  const base = tempDir('bm-hostile-');
  const outside = join(base, 'outside');
  writeFiles(outside, { 'Cargo.toml': 'a = 1\n', 'crate/Cargo.toml': 'b = 1\n' });
  const root = join(base, 'project');
  writeFiles(root, { 'real/Cargo.toml': 'c = 1\n' });
  symlinkSync('../outside/Cargo.toml', join(root, 'Cargo.toml'));
  symlinkSync('../outside/crate', join(root, 'crate'));
  symlinkSync('real/Cargo.toml', join(root, 'alias.toml'));
  await assert.rejects(writeProjectFile(root, { file: 'Cargo.toml', before: 'a = 1\n', after: 'a = 2\n' }), { code: 'fix-refused', message: /Cargo\.toml: a symlink to \.\.\/outside\/Cargo\.toml, outside the project; not written/ });
  await assert.rejects(writeProjectFile(root, { file: 'crate/Cargo.toml', before: 'b = 1\n', after: 'b = 2\n' }), { code: 'fix-refused', message: /outside the project/ });
  await assert.rejects(writeProjectFile(root, { file: '../outside/Cargo.toml', before: 'a = 1\n', after: 'a = 2\n' }), { code: 'fix-refused' });
  assert.equal(readFileSync(join(outside, 'Cargo.toml'), 'utf8'), 'a = 1\n');
  assert.equal(readFileSync(join(outside, 'crate/Cargo.toml'), 'utf8'), 'b = 1\n');
  await writeProjectFile(root, { file: 'alias.toml', before: 'c = 1\n', after: 'c = 2\n' });
  assert.equal(readFileSync(join(root, 'real/Cargo.toml'), 'utf8'), 'c = 2\n');
  assert.ok(statSync(join(root, 'alias.toml')).isFile() && readdirSync(root).includes('alias.toml'));
  assert.deepEqual(tempFiles(root), []);
});

test('git add targets that resolve outside the project are refused before git runs', async () => {
  const base = tempDir('bm-hostile-');
  writeFiles(base, { 'outside/Cargo.lock': 'version = 3\n', 'project/Cargo.toml': '' });
  const root = join(base, 'project');
  symlinkSync('../outside', join(root, 'vendor'));
  const refusal = await toolWriteRefusal(root, { argv: ['git', 'add', '--', 'vendor/Cargo.lock'], cwd: '.', why: '' });
  assert.match(refusal?.reason ?? '', /vendor\/Cargo\.lock is outside the project \(it resolves to .*outside\/Cargo\.lock\)/);
  assert.equal(await toolWriteRefusal(root, { argv: ['git', 'add', '--', 'Cargo.toml'], cwd: '.', why: '' }), null);
});

// ---- 8: bytes that are not UTF-8, and a BOM, survive ----

test('a Latin-1 byte on a line the fix does not touch is kept byte for byte', () => {
  const comment = Buffer.from('# caf\xe9 image\n', 'latin1');
  const dir = dockerProject(comment);
  const r = runCli(['fix', '--write', dir]);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  const bytes = readFileSync(join(dir, 'Dockerfile'));
  assert.deepEqual(bytes.subarray(0, comment.length), comment);
  assert.match(bytes.toString('latin1'), /^COPY Cargo\.toml Cargo\.lock \.\/$/m);
});

test('a file whose edited line is not UTF-8 is refused and said so; a BOM is kept', async () => {
  const dir = tempDir('bm-hostile-');
  const latin = Buffer.from('tokenizers==0.21.1\njiter==0.9.0  # d\xe9j\xe0 vu\n', 'latin1');
  writeFileSync(join(dir, 'requirements.txt'), latin);
  const lossy = latin.toString('utf8');
  await assert.rejects(writeProjectFile(dir, { file: 'requirements.txt', before: lossy, after: lossy.replace('0.9.0', '0.10.0') }), { code: 'fix-refused', message: /requirements\.txt:2: .*not UTF-8/ });
  assert.deepEqual(readFileSync(join(dir, 'requirements.txt')), latin);
  // An untouched Latin-1 comment line stays as it was while the first line changes.
  await writeProjectFile(dir, { file: 'requirements.txt', before: lossy, after: lossy.replace('0.21.1', '0.21.2') });
  assert.deepEqual(readFileSync(join(dir, 'requirements.txt')), Buffer.from('tokenizers==0.21.2\njiter==0.9.0  # d\xe9j\xe0 vu\n', 'latin1'));

  const bom = dockerProject(Buffer.from('\ufeff# image\n'));
  assert.equal(runCli(['fix', '--write', bom]).status, 1);
  const bytes = readFileSync(join(bom, 'Dockerfile'));
  assert.deepEqual(bytes.subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]));
  assert.match(bytes.toString('utf8'), /^COPY Cargo\.toml Cargo\.lock \.\/$/m);
});

// ---- 9: log text never reaches TOML unchecked ----

test('a feature name from a log that is not a Cargo feature name is not spliced into Cargo.toml', () => {
  const dir = tempDir('bm-hostile-');
  const manifest = '[package]\nname = "dice"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nrand = "0.8"\n';
  writeFiles(dir, { 'Cargo.toml': manifest, 'src/main.rs': 'fn main() {}\n' });
  const real = readFileSync(new URL('../src/kb/rules/rust/crate-feature-missing/cases/fail-rand-gated-std-rng-rustc-1.95.log', import.meta.url), 'utf8');
  const hostile = join(dir, 'build.log');
  writeFileSync(hostile, real.replace('the item is gated behind the `std_rng` feature', 'the item is gated behind the `std_rng"]` feature'));
  const r = runCli(['diagnose', '--fix', '--write', hostile], dir);
  assert.equal(readFileSync(join(dir, 'Cargo.toml'), 'utf8'), manifest);
  assert.doesNotThrow(() => parseToml(readFileSync(join(dir, 'Cargo.toml'), 'utf8')));
  assert.match(r.stdout, /`std_rng"\]` is not a valid Cargo feature name; Cargo\.toml not edited/);
  // The real log still gets its edit.
  writeFileSync(hostile, real);
  runCli(['diagnose', '--fix', '--write', hostile], dir);
  assert.match(readFileSync(join(dir, 'Cargo.toml'), 'utf8'), /^rand = \{ version = "0\.8", features = \["std_rng"\] \}$/m);
});

test('every edited TOML, YAML and JSON file is parsed again before the rename; an edit that breaks it is refused', async () => {
  const dir = tempDir('bm-hostile-');
  writeFiles(dir, { 'Cargo.toml': '[dependencies]\nrand = "0.8"\n', 'render.yaml': 'services:\n  - name: web\n', 'app.json': '{"a": 1}\n' });
  await assert.rejects(writeProjectFile(dir, { file: 'Cargo.toml', before: '[dependencies]\nrand = "0.8"\n', after: '[dependencies]\nrand = { version = "0.8", features = ["std_rng"]"] }\n' }), { code: 'fix-refused', message: /Cargo\.toml: the edited file is not valid TOML/ });
  await assert.rejects(writeProjectFile(dir, { file: 'render.yaml', before: 'services:\n  - name: web\n', after: 'services:\n  - name: web\n  bad: [\n' }), { code: 'fix-refused', message: /not valid YAML/ });
  await assert.rejects(writeProjectFile(dir, { file: 'app.json', before: '{"a": 1}\n', after: '{"a": 1,}\n' }), { code: 'fix-refused', message: /not valid JSON/ });
  assert.equal(readFileSync(join(dir, 'Cargo.toml'), 'utf8'), '[dependencies]\nrand = "0.8"\n');
  assert.deepEqual(tempFiles(dir), []);
});

test('a feature edit whose parse changes anything but that dependency\'s features is refused', () => {
  const text = '[dependencies]\nrand = "0.8"\nserde = "1"\n';
  const good = planAddFeatures(text, 'Cargo.toml', 'rand', ['std_rng'], [['dependencies']])!;
  assert.equal(checkFeatureEdit(text, good, ['dependencies'], 'rand', ['std_rng']), null);
  const start = text.indexOf('"1"');
  const sneaky = [...good, { file: 'Cargo.toml', start, end: start + 3, text: '"2"' }];
  assert.match(checkFeatureEdit(text, sneaky, ['dependencies'], 'rand', ['std_rng']) ?? '', /changes more than rand's features/);
  assert.throws(() => planAddFeatures(text, 'Cargo.toml', 'rand', ['std_rng"]'], [['dependencies']]), { code: 'fix-refused' });
});

// ---- 10: owner, group, mode, hard links ----

test('fix --write as root keeps the owner, group and mode of a user\'s file', { skip: !isRoot && 'needs root' }, () => {
  const dir = clapProject();
  chownSync(join(dir, 'Cargo.toml'), 1234, 1234);
  chmodSync(join(dir, 'Cargo.toml'), 0o604);
  assert.equal(runCli(['fix', '--write', dir]).status, 1);
  const st = statSync(join(dir, 'Cargo.toml'));
  assert.match(readFileSync(join(dir, 'Cargo.toml'), 'utf8'), /features = \["derive", "env"\]/);
  assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [1234, 1234, 0o604]);
});

test('a hard-linked file is not replaced (the rename would split the link): refused and said, exit 2', () => {
  const dir = clapProject();
  const other = join(tempDir('bm-hostile-'), 'Cargo.toml');
  linkSync(join(dir, 'Cargo.toml'), other);
  const before = readFileSync(other, 'utf8');
  const r = runCli(['fix', '--write', dir]);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stdout, /Cargo\.toml: has 2 hard links; replacing it would split them.*not written/);
  assert.equal(readFileSync(other, 'utf8'), before);
  assert.equal(statSync(other).nlink, 2);
  // The dry run says so too, and leaves it out of the diff.
  const dry = runCli(['fix', dir]);
  assert.match(dry.stdout, /has 2 hard links/);
  assert.doesNotMatch(dry.stdout, /^\+\+\+ b\/Cargo\.toml/m);
});

// ---- 11: a signal during a write leaves no temp file ----

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  test(`${signal} while fix --write holds a temp file: it is removed and the exit code is 128+N`, async () => {
    const dir = clapProject();
    const before = readFileSync(join(dir, 'Cargo.toml'), 'utf8');
    const child = spawn(process.execPath, [BIN, 'fix', '--write', dir], { env: { ...process.env, NO_COLOR: '1', BUILDMEDIC_TEST_PAUSE_BEFORE_RENAME: '1' } });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The hook announces the pause once the temp file is written; the signal goes only then (no timing).
    const paused = new Promise<boolean>((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('paused before rename')) resolve(true);
      });
    });
    assert.equal(await Promise.race([paused, exited.then(() => false)]), true, `the write never paused: ${stderr}`);
    assert.equal(tempFiles(dir).length, 1);
    child.kill(signal);
    const code = await exited;
    const number = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal];
    assert.equal(code, 128 + number, stderr);
    assert.deepEqual(tempFiles(dir), []);
    assert.equal(readFileSync(join(dir, 'Cargo.toml'), 'utf8'), before);
  });
}

// ---- 22, 23: what could not be read is said ----

test('fix and scan on an invalid Cargo.toml name the file, line and reason, exit 2', () => {
  const dir = tempDir('bm-hostile-');
  writeFiles(dir, { 'Cargo.toml': '[package]\nname = "x"\nversion = = "1"\n' });
  for (const cmd of ['fix', 'scan']) {
    const r = runCli([cmd, dir]);
    assert.equal(r.status, 2, `${cmd}: ${r.stdout}${r.stderr}`);
    assert.doesNotMatch(r.stdout, /Nothing to fix|No known build-failure risks/);
    assert.match(r.stdout, /Cargo\.toml: not valid TOML at line 3, column \d+ \(invalid value\)/);
  }
});

test('a Cargo.lock over 2 MiB is read: the findings it drives do not disappear', () => {
  const dir = tempDir('bm-hostile-');
  let lock = 'version = 3\n\n[[package]]\nname = "openssl-sys"\nversion = "0.9.103"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n';
  for (let i = 0; lock.length < 3 * 1024 * 1024; i++) lock += `\n[[package]]\nname = "filler-${i}"\nversion = "1.0.${i}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${'0'.repeat(64)}"\n`;
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nopenssl-sys = "0.9"\n',
    'Cargo.lock': lock,
    'Dockerfile': 'FROM rust:1.80-slim-bookworm AS build\nWORKDIR /app\nCOPY . .\nRUN cargo build --release --locked\n',
  });
  const r = runCli(['scan', dir]);
  assert.match(r.stdout, /openssl-dev-missing/, r.stdout + r.stderr);
});

test('a file the scanners want but that is over the cap is said to be skipped, not silently dropped', () => {
  const dir = tempDir('bm-hostile-');
  writeFiles(dir, { 'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\n', 'Dockerfile': `FROM rust:1.80\n${'# padding\n'.repeat(300_000)}` });
  const r = runCli(['scan', dir]);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stdout, /Dockerfile: skipped, larger than 2 MiB/);
});

// ---- 12: wheels --fix --write follows fix's unsafe policy ----
// (end to end against the local index: test/wheels-cli.test.ts, which has the server)

test('wheels --fix --write applies unsafe fixes only with --unsafe, as fix does', async () => {
  const { startIndex } = await import('./fixtures/pypi/server.ts');
  const index = await startIndex();
  try {
    const dir = tempDir('bm-hostile-');
    const original = readFileSync(new URL('./fixtures/wheels/projects/docker-alpine/requirements.txt', import.meta.url), 'utf8');
    for (const name of readdirSync(new URL('./fixtures/wheels/projects/docker-alpine/', import.meta.url))) {
      writeFileSync(join(dir, name), readFileSync(new URL(`./fixtures/wheels/projects/docker-alpine/${name}`, import.meta.url)));
    }
    // Async spawn: the index server runs in this process.
    const wheels = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'wheels', dir, '--no-cache', '--python', '3.14', ...args], { env: { ...process.env, NO_COLOR: '1', PIP_INDEX_URL: index.url } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const held = await wheels('--fix', '--write');
    assert.equal(readFileSync(join(dir, 'requirements.txt'), 'utf8'), original);
    assert.match(held.stdout + held.stderr, /held back: jiter: 0\.9\.0 → 0\.10\.0.*unsafe.*--unsafe/);
    await wheels('--fix', '--write', '--unsafe');
    assert.match(readFileSync(join(dir, 'requirements.txt'), 'utf8'), /^jiter==0\.10\.0$/m);
  } finally {
    await index.close();
  }
});

test('a Rust source over the cap is listed as skipped but does not make the scan fail (generated or vendored code)', () => {
  const dir = tempDir('bm-hostile-');
  writeFiles(dir, { 'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\n', 'src/bindings.rs': `// generated\n${'pub const X: u32 = 0;\n'.repeat(120_000)}` });
  const r = runCli(['scan', dir]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /could not check \(reader-sources\): src\/bindings\.rs: skipped, larger than 2 MiB/);
});

test('fix masks a token on a line the diff quotes, in text and --json, and say the diff then needs --write (attack5)', () => {
  const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
  const dir = tempDir('bm-hostile-');
  writeFiles(dir, { 'Cargo.toml': '[package]\nname = "d"\nversion = "0.1.0"\nedition = "2021"\n', 'Cargo.lock': 'version = 3\n' });
  writeFileSync(join(dir, 'Dockerfile'), `FROM rust:1.80 AS build\nWORKDIR /app\nRUN git config --global url."https://x-access-token:${token}@github.com/".insteadOf https://github.com/\nCOPY Cargo.toml ./\nRUN cargo build --locked --release\n`);
  const text = runCli(['fix', dir]);
  assert.equal(text.status, 1, text.stderr);
  assert.match(text.stdout, /^\+COPY Cargo\.toml Cargo\.lock/m);
  assert.ok(!text.stdout.includes(token), text.stdout);
  assert.match(text.stdout, /^ RUN git config --global url\."https:\/\/x-access-token:\*\*\*@github\.com\//m);
  assert.match(text.stdout, /so this diff does not apply as shown: `buildmedic fix --write` writes the real lines/);
  const json = runCli(['fix', '--json', dir]);
  assert.ok(!json.stdout.includes(token));
  assert.match(JSON.parse(json.stdout).diff, /x-access-token:\*\*\*@/);
  // --write writes the real lines: the file keeps its token.
  assert.equal(runCli(['fix', '--write', dir]).status, 1);
  assert.ok(readFileSync(join(dir, 'Dockerfile'), 'utf8').includes(token));
});
