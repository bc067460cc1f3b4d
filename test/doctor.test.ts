// doctor end to end: the built CLI probes real tools in real environments made here (chosen PATHs, read-only mounts, bogus LIBCLANG_PATH).

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from './helpers/temp.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const FIX = new URL('./fixtures/projects/', import.meta.url).pathname;
const scratch = tempDir('buildmedic-doctor-');

interface Check {
  key: string;
  component: string;
  status: string;
  rule: string | null;
  found: string | null;
  required: boolean;
  neededBy: string[];
  detail: string;
  constraints: string[];
  fix: { summary: string; commands: { platform: string; command: string }[] } | null;
}

function which(name: string): string | null {
  // Version-manager shims (pyenv) need bash and their own PATH: link the interpreter itself instead.
  if (name === 'python3') {
    const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  }
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** A directory of symlinks to the named tools: a PATH that holds only them. */
function pathWith(...tools: string[]): string {
  const dir = mkdtempSync(join(scratch, 'bin-'));
  for (const t of tools) {
    const p = which(t);
    if (p) symlinkSync(p, join(dir, t));
  }
  return dir;
}

function doctor(args: string[], env: Record<string, string | undefined> = {}, prefix: string[] = []) {
  const started = performance.now();
  const cmd = prefix.length ? prefix[0] : process.execPath;
  // A loaded CI machine can take seconds to start a rustup proxy: these tests check answers, not speed.
  const all = args.includes('--timeout') ? args : ['--timeout', '30000', ...args];
  const argv = prefix.length ? [...prefix.slice(1), process.execPath, BIN, 'doctor', ...all] : [BIN, 'doctor', ...all];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000 });
  const ms = performance.now() - started;
  let json: { checks: Check[]; [k: string]: unknown } | null = null;
  if (args.includes('--json') && r.stdout) json = JSON.parse(r.stdout);
  const check = (key: string) => json?.checks.find((c) => c.key === key);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json, check, ms };
}

const RUST_TOOLS = ['rustc', 'cargo', 'rustup'];

test('no C toolchain on PATH: the reqwest project reports cc and pkg-config missing, names who needs them and the apt command', () => {
  const r = doctor(['--json', '--platform', 'debian', join(FIX, 'reqwest-app')], { PATH: pathWith(...RUST_TOOLS) });
  assert.equal(r.code, 1, r.stderr);
  const cc = r.check('c-compiler')!;
  assert.equal(cc.status, 'missing');
  assert.equal(cc.rule, 'c-compiler-missing');
  assert.ok(cc.neededBy.some((n) => n.startsWith('rustc links')));
  assert.ok(cc.neededBy.some((n) => /^cc 1\.\d+\.\d+ via reqwest/.test(n)), cc.neededBy.join(' | '));
  assert.equal(cc.fix!.commands[0].command, 'sudo apt-get update && sudo apt-get install -y build-essential');
  const pc = r.check('pkg-config')!;
  assert.equal(pc.status, 'missing');
  assert.equal(pc.rule, 'pkg-config-missing');
  assert.equal(r.check('cargo')!.rule, null, 'an ok row predicts no failure');
  assert.ok(pc.neededBy.some((n) => n.startsWith('openssl-sys 0.9.80 via reqwest')));
  // Without pkg-config the header is the evidence.
  const ssl = r.check('openssl-dev')!;
  assert.equal(ssl.status, existsSync('/usr/include/openssl/ssl.h') ? 'ok' : 'missing');
  assert.match(ssl.detail, /pkg-config/);
  assert.equal(r.check('rustc')!.status, 'ok');
  const all = ['build-essential', 'pkg-config', ...(ssl.status === 'missing' ? ['libssl-dev'] : [])];
  assert.equal(r.json!.fixAll, `sudo apt-get update && sudo apt-get install -y ${all.join(' ')}`);
});

test('OpenSSL: doctor agrees with pkg-config, and an empty pkg-config search path makes it missing', () => {
  const oracle = spawnSync('pkg-config', ['--modversion', 'openssl'], { encoding: 'utf8' });
  const r = doctor(['--json', join(FIX, 'reqwest-app')]);
  assert.equal(r.check('openssl-dev')!.status, oracle.status === 0 ? 'ok' : 'missing');
  if (oracle.status === 0) assert.equal(r.check('openssl-dev')!.found, oracle.stdout.trim());
  const empty = mkdtempSync(join(scratch, 'pc-'));
  const r2 = doctor(['--json', '--platform', 'fedora', join(FIX, 'reqwest-app')], { PKG_CONFIG_LIBDIR: empty, PKG_CONFIG_PATH: '' });
  const ssl = r2.check('openssl-dev')!;
  assert.equal(ssl.status, 'missing');
  assert.equal(ssl.fix!.commands[0].command, 'sudo dnf install -y openssl-devel');
  assert.equal(r2.code, 1);
});

test('vendored OpenSSL (openssl-src in the lock) needs perl and make instead of the system OpenSSL', () => {
  const dir = join(scratch, 'vendored');
  cpSync(join(FIX, 'reqwest-app'), dir, { recursive: true });
  const lock = readFileSync(join(dir, 'Cargo.lock'), 'utf8')
    .replace(/(name = "openssl-sys"[\s\S]*?dependencies = \[\n)/, '$1 "openssl-src",\n')
    .concat('\n[[package]]\nname = "openssl-src"\nversion = "300.2.3+3.2.1"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\ndependencies = [\n "cc",\n]\n');
  writeFileSync(join(dir, 'Cargo.lock'), lock);
  const r = doctor(['--json', dir], { PATH: pathWith(...RUST_TOOLS, 'cc', 'make') });
  assert.equal(r.check('openssl-dev'), undefined);
  assert.ok((r.json!.notNeeded as { component: string }[]).some((e) => e.component === 'openssl-dev'));
  assert.equal(r.check('perl')!.status, 'missing');
  assert.ok(r.check('perl')!.neededBy.some((n) => n.startsWith('openssl-src 300.2.3+3.2.1 via reqwest')));
  assert.equal(r.check('make')!.status, 'ok');
});

test('LIBCLANG_PATH pointing nowhere: bindgen projects report libclang missing and say why', () => {
  const nowhere = join(scratch, 'no-llvm-here');
  mkdirSync(nowhere);
  const r = doctor(['--json', join(FIX, 'bindgen-app')], { LIBCLANG_PATH: nowhere });
  const c = r.check('libclang')!;
  assert.equal(c.status, 'missing');
  assert.match(c.detail, /LIBCLANG_PATH=.*no-llvm-here holds no libclang/);
  assert.ok(c.neededBy.some((n) => /^clang-sys 1\.3\.0 via bindgen/.test(n)));
  assert.match(c.fix!.commands[0].command, /unset LIBCLANG_PATH/);
  assert.equal(r.code, 1);
});

test('LIBCLANG_PATH at a directory with a real libclang is ok (skipped when the machine has none)', (t) => {
  const llvmDirs = existsSync('/usr/lib') ? readdirSync('/usr/lib').filter((d) => /^llvm-\d+$/.test(d)).map((d) => `/usr/lib/${d}/lib`) : [];
  const dir = llvmDirs.find((d) => existsSync(d) && readdirSync(d).some((f) => /^libclang(-\d+)?\.so/.test(f)));
  if (!dir) return t.skip('no libclang on this machine (apt: libclang-dev)');
  const r = doctor(['--json', join(FIX, 'bindgen-app')], { LIBCLANG_PATH: dir });
  assert.equal(r.check('libclang')!.status, 'ok');
});

test('prost-build 0.11 needs protoc unless PROTOC is set; prost-build 0.10 bundled it', () => {
  const r = doctor(['--json', '--platform', 'alpine', join(FIX, 'prost-app')], { PATH: pathWith(...RUST_TOOLS, 'cc') });
  const p = r.check('protoc')!;
  assert.equal(p.status, 'missing');
  assert.ok(p.neededBy.some((n) => n.startsWith('prost-build 0.11.6')));
  assert.equal(p.fix!.commands[0].command, 'sudo apk add --no-cache protobuf-dev protoc');
  assert.equal(r.code, 1);
  const withEnv = doctor(['--json', join(FIX, 'prost-app')], { PATH: pathWith(...RUST_TOOLS, 'cc'), PROTOC: '/opt/protoc/bin/protoc' });
  assert.equal(withEnv.check('protoc'), undefined);
  assert.ok((withEnv.json!.notNeeded as { component: string; why: string }[]).some((e) => e.component === 'protoc' && /PROTOC/.test(e.why)));
  const old = doctor(['--json', join(FIX, 'prost-old')]);
  assert.equal(old.check('protoc'), undefined);
  assert.ok(old.check('cmake'));
});

test('librocksdb-sys needs a C++ compiler, libclang, and room: a PATH without c++ reports it missing', () => {
  const r = doctor(['--json', '--platform', 'arch', join(FIX, 'rocksdb')], { PATH: pathWith(...RUST_TOOLS, 'cc') });
  const cxx = r.check('cxx-compiler')!;
  assert.equal(cxx.status, 'missing');
  assert.ok(cxx.neededBy.some((n) => n.startsWith('librocksdb-sys 0.16.0+8.10.0 via rocksdb')));
  assert.equal(cxx.fix!.commands[0].command, 'sudo pacman -S --needed --noconfirm base-devel');
  assert.ok(r.check('libclang'));
  assert.match(r.check('disk')!.detail, /wants about 10\.0 GiB/);
});

test("pyo3: the interpreter is checked against the range that pyo3 version supports", () => {
  const info = spawnSync('python3', ['-c', 'import sys;print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).stdout.trim();
  const minor = Number(info.split('.')[1]);
  const old = doctor(['--json', join(FIX, 'pyo3-old')]);
  const py = old.check('python')!;
  assert.equal(py.status, minor > 10 ? 'too-new' : 'ok', `python ${info}`);
  assert.ok(py.constraints.includes('<=3.10 (pyo3 0.16.6)'));
  if (minor > 10) assert.match(py.fix!.summary, /PyO3 knows \(<= 3\.10\)/);
  const app = doctor(['--json', join(FIX, 'pyo3-app')]);
  assert.equal(app.check('python')!.status, minor > 11 ? 'too-new' : 'ok');
  assert.equal(app.check('python')!.found!.split(' ')[0].split('.').slice(0, 2).join('.'), info);
  // Without extension-module pyo3 links libpython (the development files); a maturin extension module does not.
  assert.ok(app.check('python-headers')!.neededBy[0].includes('no extension-module feature'));
  assert.equal(old.check('python-headers'), undefined);
});

test('CARGO_HOME on a read-only mount is "not writable" (skipped without unshare -m)', (t) => {
  const home = mkdtempSync(join(scratch, 'cargo-home-'));
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind "${home}" "${home}" && mount -o remount,bind,ro "${home}" "${home}"`]);
  if (probe.status !== 0) return t.skip('no private mount namespace with read-only bind mounts here (unshare -m needs CAP_SYS_ADMIN)');
  const r = doctor(['--json', join(FIX, 'prost-old')], { CARGO_HOME: home }, [
    'unshare',
    '-m',
    'sh',
    '-c',
    `mount --bind "${home}" "${home}" && mount -o remount,bind,ro "${home}" "${home}" && exec "$@"`,
    'sh',
  ]);
  const c = r.check('cargo-home')!;
  assert.equal(c.status, 'not-writable', r.stderr);
  assert.match(c.detail, /EROFS/);
  assert.equal(r.code, 1);
  const fresh = doctor(['--json', join(FIX, 'prost-old')], { CARGO_HOME: join(home, 'not', 'yet') });
  assert.equal(fresh.check('cargo-home')!.status, 'ok');
});

test('a probe that hangs becomes "unknown" with a hint, within the timeout; a crashing one too; never a stack trace', () => {
  const hang = pathWith(...RUST_TOOLS);
  // Hung for ten minutes: a probe that was not stopped would outlast doctor()'s two-minute kill, and r.code be null.
  writeFileSync(join(hang, 'cc'), '#!/bin/sh\n/bin/sleep 600\n');
  chmodSync(join(hang, 'cc'), 0o755);
  const r = doctor(['--json', '--timeout', '400', join(FIX, 'prost-old')], { PATH: hang });
  assert.equal(r.code, 1, `the hung probe was not stopped (after ${r.ms} ms): ${r.stderr}`);
  const cc = r.check('c-compiler')!;
  assert.equal(cc.status, 'unknown');
  assert.match(cc.detail, /did not answer within 0\.4 s/);
  const crash = pathWith(...RUST_TOOLS);
  writeFileSync(join(crash, 'cc'), '#!/bin/sh\nkill -SEGV $$\n');
  chmodSync(join(crash, 'cc'), 0o755);
  const r2 = doctor([join(FIX, 'prost-old')], { PATH: crash });
  assert.match(r2.stdout, /crashed \(SIGSEGV\)/);
  assert.doesNotMatch(r2.stderr + r2.stdout, /at .*\.js:\d+/);
});

test('a rust-toolchain pin that rustup lacks, with its auto-install off, is "missing" with the rustup command, and doctor installs nothing', () => {
  const before = spawnSync('rustup', ['toolchain', 'list'], { encoding: 'utf8' }).stdout;
  const r = doctor(['--json', join(FIX, 'pinned-toolchain')], { RUSTUP_AUTO_INSTALL: '0' });
  const after = spawnSync('rustup', ['toolchain', 'list'], { encoding: 'utf8' }).stdout;
  assert.equal(after, before);
  const rustc = r.check('rustc')!;
  assert.equal(rustc.status, before.includes('1.61.0') ? 'ok' : 'missing');
  if (!before.includes('1.61.0')) assert.equal(rustc.fix!.commands[0].command, 'rustup toolchain install 1.61.0');
  assert.ok(r.check('rust-target:wasm32-unknown-unknown'));
});

test('a linker named in .cargo/config.toml is looked up on PATH; another target\'s linker is optional', () => {
  const dir = mkdtempSync(join(scratch, 'linker-'));
  mkdirSync(join(dir, '.cargo'));
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "lk"\nversion = "0.1.0"\nedition = "2021"\n');
  const host = `${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-unknown-linux-gnu`;
  writeFileSync(join(dir, '.cargo', 'config.toml'), `[target.${host}]\nlinker = "clang"\n\n[target.riscv64gc-unknown-linux-gnu]\nlinker = "riscv64-linux-gnu-gcc"\n`);
  const r = doctor(['--json', '--platform', 'debian', dir], { PATH: pathWith(...RUST_TOOLS, 'cc') });
  const clang = r.check(`linker:${host}`)!;
  assert.equal(clang.status, 'missing');
  assert.equal(clang.required, true);
  assert.equal(clang.fix!.commands[0].command, 'sudo apt-get update && sudo apt-get install -y clang');
  const riscv = r.check('linker:riscv64gc-unknown-linux-gnu')!;
  assert.equal(riscv.required, false);
  assert.match(riscv.neededBy[0], /only when building for riscv64gc/);
  assert.equal(r.code, 1);
  const withClang = doctor(['--json', dir], { PATH: pathWith(...RUST_TOOLS, 'cc', 'clang') });
  assert.equal(withClang.check(`linker:${host}`)!.status, which('clang') ? 'ok' : 'missing');
});

test('workspace: a member directory resolves to the root lock; inherited rust-version, bundled SQLite, configured target', () => {
  const installed = spawnSync('rustup', ['target', 'list', '--installed'], { encoding: 'utf8' }).stdout.split('\n');
  const r = doctor(['--json', join(FIX, 'ws', 'crates', 'core')]);
  const project = r.json!.project as { rust: { lockedCrates: number; members: string[]; rustVersion: string; edition: string } };
  assert.equal(project.rust.lockedCrates, 9);
  assert.deepEqual([...project.rust.members].sort(), ['ws-cli', 'ws-core']);
  const rustc = r.check('rustc')!;
  assert.equal(rustc.status, 'too-old');
  assert.ok(rustc.constraints.some((c) => c.startsWith('>=1.85.0 (edition 2024')));
  assert.ok((r.json!.notNeeded as { component: string; crate: string }[]).some((e) => e.component === 'sqlite3-dev' && e.crate.startsWith('libsqlite3-sys 0.28.0')));
  assert.equal(r.check('openssl-dev'), undefined, 'a lock entry no member reaches is not a need');
  const t = r.check('rust-target:riscv64gc-unknown-linux-gnu')!;
  assert.equal(t.status, installed.includes('riscv64gc-unknown-linux-gnu') ? 'ok' : 'missing');
  assert.equal(r.check('zlib-dev')!.required, false);
  assert.equal(r.code, 1);
});

test('Python C extensions: setup.py and psycopg2 in requirements need a compiler, Python.h and libpq', () => {
  const r = doctor(['--json', join(FIX, 'python-c')], { PATH: pathWith('python3', 'pkg-config') });
  assert.equal(r.check('c-compiler')!.status, 'missing');
  const headers = spawnSync('python3', ['-c', 'import os, sysconfig; print(os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))'], { encoding: 'utf8' }).stdout.trim();
  assert.equal(r.check('python-headers')!.status, headers === 'True' ? 'ok' : 'missing');
  assert.equal(r.check('python')!.status, 'ok');
  const pq = r.check('libpq-dev')!;
  assert.ok(pq.neededBy.some((n) => n.startsWith('psycopg2 in requirements.txt')));
  const oracle = spawnSync('pkg-config', ['--exists', 'libpq']);
  assert.equal(pq.status, oracle.status === 0 ? 'ok' : 'missing');
  assert.ok(r.check('python')!.constraints.includes('=3.11 (.python-version)'));
});

test('no project: checks the general native-build toolchain and says so; text output is a table', () => {
  const empty = mkdtempSync(join(scratch, 'empty-'));
  const r = doctor(['--json', empty]);
  assert.equal(r.json!.mode, 'general');
  assert.deepEqual(
    r.json!.checks.map((c) => c.component),
    ['c-compiler', 'cxx-compiler', 'make', 'pkg-config', 'python', 'python-headers', 'rustc', 'cargo', 'cmake'],
  );
  assert.equal(r.code, r.json!.ok ? 0 : 1);
  const text = doctor([empty], { PATH: pathWith('make') });
  assert.equal(text.code, 1);
  assert.match(text.stdout, /checked the general native-build toolchain/);
  assert.match(text.stdout, /^C compiler and linker \(cc\)\s+-\s+missing\s+the general native-build toolchain$/m);
  assert.match(text.stdout, /^\s+fix: /m);
  // The failing row names the rule of the failure it predicts, as scan and diagnose lead with their ids.
  assert.match(text.stdout, /^C compiler and linker \(cc\).*\n {4}c-compiler-missing: `cc` is not on PATH$/m);
});

test('exit 2 when doctor cannot run: no such directory, or a Cargo.toml that is not TOML', () => {
  const r = doctor([join(scratch, 'does-not-exist')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /does-not-exist: no such file/);
  const bad = mkdtempSync(join(scratch, 'bad-'));
  writeFileSync(join(bad, 'Cargo.toml'), '[package\nname = "x"\n');
  const r2 = doctor([bad]);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /Cargo\.toml: not valid TOML/);
  assert.doesNotMatch(r2.stderr, /internal error/);
  const r3 = doctor(['--timeout', 'soon', bad]);
  assert.equal(r3.code, 2);
});

test('--json prints the documented object', () => {
  const r = doctor(['--json', join(FIX, 'prost-old')]);
  assert.deepEqual(Object.keys(r.json!).sort(), ['checks', 'counts', 'dir', 'durationMs', 'fixAll', 'mode', 'notNeeded', 'notes', 'ok', 'platform', 'project', 'schemaVersion', 'unverified']);
  assert.equal(r.json!.schemaVersion, 1);
  assert.deepEqual(Object.keys(r.json!.checks[0]).sort(), ['component', 'constraints', 'detail', 'fix', 'found', 'key', 'label', 'neededBy', 'probe', 'required', 'rule', 'status']);
  assert.equal(r.code, r.json!.ok ? 0 : 1);
});

test('help names what doctor does, its options and exit codes', () => {
  const r = spawnSync(process.execPath, [BIN, 'doctor', '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  for (const s of ['--json', '--platform', '--timeout', 'Exit codes: 0', '1 something needed', '2 doctor could not run']) assert.ok(r.stdout.includes(s), s);
});
