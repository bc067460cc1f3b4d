// Hostile projects for `doctor`: probing the machine must run nothing the checked project ships (its Python modules,
// its toolchain binaries, its cargo config's programs), and its globs must neither crash nor hang doctor.
// Each test failed before its fix.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { runDoctor } from '../src/doctor/run.ts';
import { tempDir as makeTempDir } from './helpers/temp.ts';

function tempDir(prefix: string): string {
  return makeTempDir(prefix);
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** A shell program that records each run in `marker` and prints what a real tool would, so doctor trusts it. */
function evilScript(marker: string, output: string): string {
  return `#!/bin/sh\necho "$0 $*" >> '${marker}'\necho '${output}'\n`;
}

function ran(marker: string): string {
  return existsSync(marker) ? readFileSync(marker, 'utf8') : '';
}

const have = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;
const havePython = have('python3', ['-c', 'pass']);
const haveRustup = have('rustup', ['--version']);

/** A toolchain directory whose rustc and cargo record that they ran and claim to be 1.99. */
function writeEvilToolchain(dir: string, marker: string): void {
  writeFiles(dir, {
    'bin/rustc': evilScript(marker, 'rustc 1.99.0 (000000000 2030-01-01)\nhost: x86_64-unknown-linux-gnu\nrelease: 1.99.0'),
    'bin/cargo': evilScript(marker, 'cargo 1.99.0 (000000000 2030-01-01)'),
  });
  chmodSync(join(dir, 'bin/rustc'), 0o755);
  chmodSync(join(dir, 'bin/cargo'), 0o755);
}

/** The environment without a RUSTUP_TOOLCHAIN of the caller's, which would win over the project's pin. */
function withoutRustupToolchain(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.RUSTUP_TOOLCHAIN;
  return env;
}

const CARGO_TOML = '[package]\nname = "victim"\nversion = "0.1.0"\nedition = "2021"\n';

test('the Python probe imports no json.py/platform.py/sysconfig.py/os.py from the project', { skip: !havePython && 'no python3' }, async () => {
  const dir = tempDir('bm-hostile-py-');
  const marker = join(dir, 'imported');
  const payload = `open(${JSON.stringify(marker)}, 'a').write(__name__ + '\\n')\n`;
  writeFiles(dir, {
    'setup.py': 'from setuptools import setup, Extension\nsetup(name="v", ext_modules=[Extension("v", ["v.c"])])\n',
    'json.py': payload,
    'platform.py': payload,
    'sysconfig.py': payload,
    'os.py': payload,
  });
  const report = await runDoctor(dir, { timeoutMs: 30_000 });
  assert.equal(ran(marker), '');
  const python = report.checks.find((c) => c.component === 'python');
  assert.equal(python?.status, 'ok', python?.detail);
  assert.match(python!.found ?? '', /^\d+\.\d+/);
});

test('rust-toolchain.toml `path = <dir in the checkout>`: its rustc and cargo are not run, and the row says why', { skip: !haveRustup && 'no rustup' }, async () => {
  const dir = tempDir('bm-hostile-tc-');
  const marker = join(dir, 'ran');
  writeFiles(dir, {
    'Cargo.toml': CARGO_TOML,
    'src/main.rs': 'fn main() {}\n',
    'rust-toolchain.toml': `[toolchain]\npath = ${JSON.stringify(join(dir, 'evil-toolchain'))}\n`,
  });
  writeEvilToolchain(join(dir, 'evil-toolchain'), marker);
  const report = await runDoctor(dir, { env: withoutRustupToolchain(), timeoutMs: 30_000 });
  assert.equal(ran(marker), '');
  const rustc = report.checks.find((c) => c.component === 'rustc')!;
  assert.equal(rustc.status, 'unknown');
  assert.match(rustc.detail, /rust-toolchain\.toml pins a toolchain by path \(.*evil-toolchain\); buildmedic runs no toolchain binaries a project points at/);
  assert.equal(report.checks.find((c) => c.component === 'cargo')?.status, 'unknown');
  assert.equal(report.ok, false);
});

test('a toolchain channel that is a path is not handed to rustup', { skip: !haveRustup && 'no rustup' }, async () => {
  const dir = tempDir('bm-hostile-tc-');
  const marker = join(dir, 'ran');
  writeFiles(dir, {
    'Cargo.toml': CARGO_TOML,
    'rust-toolchain': join(dir, 'evil-toolchain'),
  });
  writeEvilToolchain(join(dir, 'evil-toolchain'), marker);
  const report = await runDoctor(dir, { env: withoutRustupToolchain(), timeoutMs: 30_000 });
  assert.equal(ran(marker), '');
  assert.match(report.checks.find((c) => c.component === 'rustc')!.detail, /is not a rustup toolchain name/);
});

test('a toolchain pin path holding shell syntax: the advised check command quotes it, and a huge channel is shortened', async () => {
  const { rustToolchainChoice } = await import('../src/project/toolchain.ts');
  const marker = '/tmp/bm-never-created-by-advice';
  const pin = { channel: null, path: `$(touch ${marker})\`id\`;x`, file: 'rust-toolchain.toml' };
  const choice = rustToolchainChoice(pin, {});
  assert.ok(!choice.run);
  const advised = /check them with `(.*) -vV`/.exec(choice.why)?.[1] ?? '';
  // Run through a shell, the advised word is one argument: the path itself, nothing executed.
  const echoed = spawnSync('sh', ['-c', `printf %s ${advised}`], { encoding: 'utf8' });
  assert.equal(echoed.stdout, `${pin.path}/bin/rustc`);
  assert.equal(existsSync(marker), false);
  const huge = rustToolchainChoice({ channel: `${' '.repeat(10)}${'n'.repeat(1_000_000)}`, path: null, file: 'rust-toolchain' }, {});
  assert.ok(!huge.run && huge.why.length < 1000, `${huge.run ? '' : huge.why.length}`);
});

test('programs in the project directory are not found through a `.` on PATH', async () => {
  const dir = tempDir('bm-hostile-path-');
  const marker = join(dir, 'ran');
  const tools = ['rustc', 'cargo', 'rustup', 'cc', 'pkg-config', 'python3', 'make'];
  writeFiles(dir, { 'Cargo.toml': CARGO_TOML, ...Object.fromEntries(tools.map((t) => [t, evilScript(marker, `${t} 1.99.0`)])) });
  for (const t of tools) chmodSync(join(dir, t), 0o755);
  const report = await runDoctor(dir, { env: { ...process.env, PATH: `.:${process.env.PATH}` }, timeoutMs: 30_000 });
  assert.equal(ran(marker), '');
  assert.ok(report.checks.length > 0);
});

test('.cargo/config.toml naming rustc, rustc-wrapper and a runner in the checkout: none of them runs', async () => {
  const dir = tempDir('bm-hostile-cfg-');
  const marker = join(dir, 'ran');
  writeFiles(dir, {
    'Cargo.toml': CARGO_TOML,
    'src/main.rs': 'fn main() {}\n',
    '.cargo/config.toml': '[build]\nrustc = "./evil"\nrustc-wrapper = "./evil"\nrustc-workspace-wrapper = "./evil"\n[target.\'cfg(all())\']\nrunner = "./evil"\n[env]\nRUSTC_WRAPPER = "./evil"\n',
    evil: evilScript(marker, 'rustc 1.99.0 (000000000 2030-01-01)'),
  });
  chmodSync(join(dir, 'evil'), 0o755);
  await runDoctor(dir, { timeoutMs: 30_000 });
  assert.equal(ran(marker), '');
});

test('workspace `members = ["crates/["]`: a note that cargo refuses the pattern, not an internal error', async () => {
  const dir = tempDir('bm-hostile-ws-');
  writeFiles(dir, {
    'Cargo.toml': '[workspace]\nmembers = ["crates/[", "crates/ok"]\nresolver = "2"\n',
    'crates/ok/Cargo.toml': CARGO_TOML.replace('victim', 'ok'),
    'crates/ok/src/main.rs': 'fn main() {}\n',
  });
  const report = await runDoctor(dir, { timeoutMs: 30_000 });
  assert.deepEqual(report.project.rust?.members, ['ok']);
  assert.ok(report.notes.some((n) => /members: invalid glob pattern `crates\/\[`: unclosed `\[`; cargo refuses this workspace/.test(n)), report.notes.join('\n'));
});

test('a member glob of 64 KiB of `*a` against long directory names finishes', async () => {
  const dir = tempDir('bm-hostile-ws-');
  const long = 'a'.repeat(250);
  writeFiles(dir, {
    'Cargo.toml': `[workspace]\nmembers = ["crates/${'*a'.repeat(32 * 1024)}*c", "crates/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c"]\nresolver = "2"\n`,
    [`crates/${long}/Cargo.toml`]: CARGO_TOML,
    [`crates/${long}b/Cargo.toml`]: CARGO_TOML,
    [`crates/${long}c/Cargo.toml`]: CARGO_TOML.replace('victim', 'matched'),
  });
  const report = await runDoctor(dir, { timeoutMs: 30_000 });
  assert.deepEqual(report.project.rust?.members, ['matched']);
});

test('doctor and scan: a FIFO or a link to /dev/zero named like a project file is refused, not read (no block, no GiB string)', () => {
  const bin = new URL('../dist/bin/main.js', import.meta.url).pathname;
  for (const [name, make] of [
    ['Cargo.lock', (p: string) => spawnSync('mkfifo', [p])],
    ['rust-toolchain', (p: string) => spawnSync('ln', ['-s', '/dev/zero', p])],
    ['.python-version', (p: string) => spawnSync('ln', ['-s', '/dev/zero', p])],
  ] as const) {
    const dir = tempDir('bm-hostile-special-');
    writeFiles(dir, { 'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n', 'src/main.rs': 'fn main() {}\n' });
    make(join(dir, name));
    for (const command of ['doctor', 'scan']) {
      // The timeout only ends a hang that is already a failure; the assertions are on what was said.
      const r = spawnSync(process.execPath, [bin, command, '--json', dir], { encoding: 'utf8', timeout: 60_000 });
      assert.notEqual(r.signal, 'SIGTERM', `${command} blocked on ${name}`);
      const out = `${r.stdout}${r.stderr}`;
      if (command === 'doctor') {
        assert.equal(r.status, 2, `${command} ${name}: ${out.slice(0, 400)}`);
        assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}: (a FIFO|a device); not read`));
      } else if (name === 'Cargo.lock') {
        assert.match(out, /Cargo\.lock.*a FIFO; not read/);
      }
    }
  }
});

test('doctor: thousands of member globs over thousands of directories share one listing (bounded memory)', () => {
  const dir = tempDir('bm-hostile-members-');
  const members: string[] = [];
  for (let i = 0; i < 4000; i++) {
    mkdirSync(join(dir, 'crates', `c${String(i).padStart(5, '0')}x`), { recursive: true });
    members.push(`"crates/c${String(i).padStart(5, '0')}*"`);
  }
  writeFileSync(join(dir, 'Cargo.toml'), `[workspace]\nmembers = [${members.join(', ')}]\n`);
  // Each glob held its own copy of the 4000-entry listing at once before: about 950 MiB of peak memory; now ~100 MiB.
  const bin = new URL('../dist/bin/main.js', import.meta.url).pathname;
  const rssFile = join(dir, 'max-rss');
  const recordPeak = `data:text/javascript,import fs from "node:fs"; process.on("exit", () => fs.writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`;
  const r = spawnSync(process.execPath, ['--import', recordPeak, bin, 'doctor', '--json', dir], { encoding: 'utf8', timeout: 180_000 });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status} ${r.signal ?? ''}: ${r.stderr.slice(-400)}`);
  const peakKiB = Number(readFileSync(rssFile, 'utf8'));
  assert.ok(peakKiB < 400 * 1024, `peak RSS ${Math.round(peakKiB / 1024)} MiB`);
  assert.ok(JSON.parse(r.stdout));
});

test('doctor text and --json mask credentials in a git dependency URL that a note quotes', () => {
  const dir = tempDir('bm-hostile-cred-');
  const token = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;
  writeFiles(dir, {
    'Cargo.toml': `${CARGO_TOML}[dependencies]\nfoo = { git = "https://x-access-token:${token}@github.com/o/foo", branch = "main" }\n`,
    'src/main.rs': 'fn main() {}\n',
  });
  const bin = new URL('../dist/bin/main.js', import.meta.url).pathname;
  for (const args of [['doctor', dir], ['doctor', '--json', dir]]) {
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
    assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status} ${r.stderr}`);
    assert.match(r.stdout, /foo is a git dependency \(https:\/\/x-access-token:\*\*\*@github\.com\/o\/foo\)/, args.join(' '));
    assert.ok(!r.stdout.includes(token), args.join(' '));
  }
});

test('doctor and scan read a workspace of more files than the descriptor limit: none is unreadable (EMFILE)', () => {
  const dir = tempDir('bm-hostile-emfile-');
  const members: string[] = [];
  const files: Record<string, string> = { 'src/main.rs': 'fn main() {}\n' };
  for (let i = 0; i < 400; i++) {
    members.push(`"c/m${i}"`);
    files[`c/m${i}/Cargo.toml`] = CARGO_TOML.replace('victim', `m${i}`);
    files[`c/m${i}/src/lib.rs`] = 'pub fn f() {}\n';
    files[`c/m${i}/src/more.rs`] = 'pub fn g() {}\n';
  }
  writeFiles(dir, { ...files, 'Cargo.toml': `[workspace]\nmembers = [${members.join(', ')}]\n` });
  const bin = new URL('../dist/bin/main.js', import.meta.url).pathname;
  for (const command of ['doctor', 'scan']) {
    // 200 descriptors: below the 400 manifests and 800 sources read at once before (macOS's soft limit is 256).
    const r = spawnSync('sh', ['-c', `ulimit -n 200 && exec "$0" "$@"`, process.execPath, bin, command, '--json', dir], { encoding: 'utf8', timeout: 180_000 });
    assert.ok(!/EMFILE/.test(`${r.stdout}${r.stderr}`), `${command}: ${r.stderr.slice(0, 300)} ${r.stdout.slice(-300)}`);
    assert.ok(r.status === 0 || r.status === 1, `${command}: exit ${r.status}`);
  }
});

test('build scripts of 256 KiB built to make the reading quadratic are read in one pass each', { timeout: 60_000 }, async () => {
  const { pkgConfigProbesOf, toolCallsOf } = await import('../src/project/build-script.ts');
  const ctx = { envSet: () => false, featureOn: () => undefined };
  // Each took 5 to 80 s per reading before (doctor reads a script once per tool crate it may call), 120 s in all;
  // now well under a second, so the timeout only ends a reading that has gone quadratic again.
  const fnFlood = `${'fn a '.repeat(50_000)};\nfn main() { pkg_config::probe_library("z").unwrap(); }\n`;
  assert.deepEqual(pkgConfigProbesOf(fnFlood, ctx), ['z']);
  const deepCalls = `fn a() {}\nfn main() { pkg_config::probe_library("z").unwrap(); ${'{'.repeat(2000)}${' a();'.repeat(30_000)}${'}'.repeat(2000)} bindgen::x(); }\n`;
  assert.deepEqual(pkgConfigProbesOf(deepCalls, ctx), ['z']);
  assert.equal(toolCallsOf(deepCalls, 'bindgen', ctx).byDefault, 'yes');
  const unclosed = `fn main() { ${'pkg_config::probe_library('.repeat(9000)} }\n`;
  assert.deepEqual(pkgConfigProbesOf(unclosed, ctx), []);
  const nested = `fn main() { ${'pkg_config::probe_library('.repeat(9000)}"z"${')'.repeat(9000)}.unwrap(); }\n`;
  assert.deepEqual(pkgConfigProbesOf(nested, ctx), ['']);
  const deepMods = `${'mod m { '.repeat(2000)}${'bindgen::X; '.repeat(15_000)}${'}'.repeat(2000)}\nfn main() {}\n`;
  assert.equal(toolCallsOf(deepMods, 'bindgen', ctx).byDefault, 'no');
});

test('doctor reads no file outside the project that a manifest names: maturin manifest-path, build =, members, a linked path dependency', async () => {
  const outside = tempDir('bm-hostile-outside-');
  // A build script outside that would add a pkg-config need, and a Cargo.toml outside that names a crate.
  writeFiles(outside, {
    'evil_build.rs': 'fn main() { pkg_config::probe_library("zzoutside").unwrap(); }\n',
    'm1/Cargo.toml': `${CARGO_TOML.replace('victim', 'outsidemember')}[build-dependencies]\npkg-config = "0.3"\n`,
    'm1/build.rs': 'fn main() { pkg_config::probe_library("zzoutside").unwrap(); }\n',
    'netrc': 'machine github.com login me password hunter2\n',
  });
  const build = tempDir('bm-hostile-out-build-');
  writeFiles(build, { 'Cargo.toml': `${CARGO_TOML}build = ${JSON.stringify(join(outside, 'evil_build.rs'))}\n[build-dependencies]\npkg-config = "0.3"\n`, 'src/main.rs': 'fn main() {}\n' });
  const built = await runDoctor(build, { timeoutMs: 30_000 });
  assert.ok(!JSON.stringify(built).includes('zzoutside'), 'the build script outside was read');

  const members = tempDir('bm-hostile-out-members-');
  writeFiles(members, { 'Cargo.toml': `[workspace]\nmembers = [${JSON.stringify(relative(members, join(outside, 'm1')))}]\n` });
  const ws = await runDoctor(members, { timeoutMs: 30_000 });
  assert.deepEqual(ws.project.rust?.members, []);
  assert.ok(ws.notes.some((n) => /members outside the workspace .* were not read/.test(n)), ws.notes.join('\n'));

  const linked = tempDir('bm-hostile-out-link-');
  writeFiles(linked, { 'Cargo.toml': `[workspace]\n${CARGO_TOML}[dependencies]\nom = { path = "crates/link" }\n`, 'src/main.rs': 'fn main() {}\n' });
  mkdirSync(join(linked, 'crates'));
  symlinkSync(join(outside, 'm1'), join(linked, 'crates/link'));
  const viaLink = await runDoctor(linked, { timeoutMs: 30_000 });
  assert.deepEqual(viaLink.project.rust?.members, ['victim']);

  const maturin = tempDir('bm-hostile-out-maturin-');
  for (const manifestPath of [join(outside, 'netrc'), join(outside, 'm1/Cargo.toml')]) {
    writeFiles(maturin, { 'pyproject.toml': `[build-system]\nrequires = ["maturin>=1"]\nbuild-backend = "maturin"\n[tool.maturin]\nmanifest-path = ${JSON.stringify(manifestPath)}\n` });
    await assert.rejects(runDoctor(maturin, { timeoutMs: 30_000 }), /manifest-path .* (is not a Cargo\.toml|is outside the project)/);
  }
});

test('a --timeout beyond what a timer holds (2^31-1 ms) does not stop every probe at once (attack5)', async () => {
  const { runProbe } = await import('../src/project/probe.ts');
  // Node turns a longer timer into 1 ms: every probe was reported as not answering within 99999999.999 s.
  const r = await runProbe({ id: 'sleepy', command: 'sh', args: ['-c', 'sleep 0.2; echo answered'], cwd: '/' }, process.env, 99_999_999_999);
  assert.equal(r.outcome, 'ok');
  assert.match(r.stdout, /answered/);
});

test('workspace crates named after Object.prototype members (constructor, __proto__) are not read as table entries', async () => {
  const dir = tempDir('bm-hostile-proto-');
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "constructor"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\ndefault = ["hasOwnProperty"]\nhasOwnProperty = []\n\n[dependencies]\n__proto__ = { path = "p" }\n',
    'src/main.rs': 'fn main() {}\n',
    'p/Cargo.toml': '[package]\nname = "__proto__"\nversion = "0.1.0"\n',
    'p/lib.rs': '',
    'Cargo.lock': 'version = 3\n\n[[package]]\nname = "constructor"\nversion = "0.1.0"\ndependencies = ["__proto__"]\n\n[[package]]\nname = "__proto__"\nversion = "0.1.0"\n',
  });
  const report = await runDoctor(dir, { env: withoutRustupToolchain(), timeoutMs: 30_000 });
  assert.ok(report.checks.length > 0);
});
