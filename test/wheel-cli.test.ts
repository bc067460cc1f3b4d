// `buildmedic wheel` end to end on wheels built here by pip (C and Rust extensions) and wheels assembled from them.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileShared, distInfo, ELF_FIXTURES, FIXTURES, makeWheel, pipWheel, runCli, scratch, type WheelEntry, zipMembers } from './fixtures/wheel/helpers.ts';

const dir = scratch('wheel-cli');
const cWheel = pipWheel(join(FIXTURES, 'cdemo'), join(dir, 'c'));
const rustWheel = pipWheel(join(FIXTURES, 'rsdemo'), join(dir, 'rust'));
const cSo = zipMembers(cWheel).find((m) => m.endsWith('.so'))!;

function json(args: string[]) {
  const r = runCli(['wheel', '--json', ...args]);
  return { ...r, out: r.stdout ? JSON.parse(r.stdout) : null };
}

/** A wheel with the C extension of the pip-built wheel, under the given tags, with WHEEL, METADATA and RECORD. */
function cExtWheel(tag: string, extra: WheelEntry[] = [], soName = cSo): string {
  const [py, abi, plat] = tag.split('-') as [string, string, string];
  const tags = py.split('.').flatMap((p) => abi.split('.').flatMap((a) => plat.split('.').map((pl) => `${p}-${a}-${pl}`)));
  const sub = join(dir, tag);
  mkdirSync(sub, { recursive: true });
  return makeWheel(join(sub, `cdemo-0.1.0-${tag}.whl`), [{ name: soName, zip: cWheel, member: cSo } as WheelEntry, ...extra, ...distInfo('cdemo', '0.1.0', tags)]);
}

function kinds(report: { problems: Array<{ kind: string }> }): string[] {
  return [...new Set(report.problems.map((p) => p.kind))].sort();
}

test('a pip-built C extension wheel: linux_x86_64 is refused by PyPI; the objects would be manylinux_2_25', () => {
  const r = json([cWheel]);
  assert.equal(r.code, 1);
  assert.equal(r.out.schemaVersion, 2);
  const w = r.out.wheels[0];
  assert.equal(w.status, 'problems');
  assert.deepEqual(kinds(w), ['wheel-platform-tag-rejected']);
  assert.deepEqual(w.achievable, { x86_64: ['manylinux_2_25_x86_64'] });
  assert.equal(w.objects[0].policy, 'manylinux_2_25');
  assert.ok(w.objects[0].blame.some((b: { symbols: string[]; requirement: string }) => b.symbols.includes('getrandom') && b.requirement === 'GLIBC_2.25'));
  assert.equal(w.record.mismatches, 0);
  assert.equal(w.record.verified, zipMembers(cWheel).length - 1);
  assert.equal(w.name, 'cdemo');
  assert.equal(w.requiresPython, null);
  assert.ok(w.problems[0].fix.some((f: string) => f.includes('auditwheel repair')));
});

test('a Rust (setuptools-rust cdylib) wheel is blamed on the newest glibc symbol it imports, as readelf lists them', () => {
  const r = json([rustWheel]);
  assert.equal(r.code, 1);
  const w = r.out.wheels[0];
  const so = w.objects[0];
  assert.match(so.path, /^rsdemo\/_core\..*\.so$/);
  // Oracle: the highest GLIBC_2.N readelf finds in the object names the policy.
  const tmp = join(dir, 'rs-core.so');
  execFileSync('/usr/bin/python3', ['-c', 'import sys,zipfile; open(sys.argv[3],"wb").write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', rustWheel, so.path, tmp]);
  const versions = [...execFileSync('readelf', ['-V', '-W', tmp], { encoding: 'utf8' }).matchAll(/Name: GLIBC_2\.(\d+)/g)].map((m) => Number(m[1]));
  assert.equal(so.policy, `manylinux_2_${Math.max(...versions)}`);
  assert.ok(so.blame.length > 0 && so.blame.every((b: { policy: string }) => b.policy === so.policy));
});

test('claiming manylinux2014 with a GLIBC_2.25 import: policy-not-met, blamed on getrandom, with the fixes', () => {
  const wheel = cExtWheel('cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64');
  const r = json([wheel]);
  assert.equal(r.code, 1);
  const w = r.out.wheels[0];
  assert.deepEqual(kinds(w), ['policy-not-met']);
  const p = w.problems[0];
  assert.ok(p.blame.some((b: { symbols: string[]; policy: string }) => b.symbols.includes('getrandom') && b.policy === 'manylinux_2_25'));
  assert.ok(p.fix.some((f: string) => f.includes('quay.io/pypa/manylinux2014_x86_64')));
  assert.ok(p.fix.some((f: string) => f.includes('cargo zigbuild --release --target x86_64-unknown-linux-gnu.2.17')));
  const text = runCli(['wheel', wheel]);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /claims manylinux_2_17_x86_64 but cdemo\.cpython-311-x86_64-linux-gnu\.so needs getrandom@GLIBC_2\.25 \(libc\.so\.6\) → manylinux_2_25/);
});

test('a claim the objects meet is OK and exits 0; --verbose shows the object and its policy', () => {
  const wheel = cExtWheel('cp311-cp311-manylinux_2_28_x86_64');
  const r = json([wheel]);
  assert.equal(r.code, 0, JSON.stringify(r.out.wheels[0].problems));
  assert.equal(r.out.wheels[0].status, 'ok');
  const text = runCli(['wheel', '-v', wheel]);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /OK/);
  assert.match(text.stdout, /x86_64 glibc → manylinux_2_25/);
});

test('external libraries are named with who needs them; carrying them in the wheel fixes it', () => {
  const lib = compileShared(dir, 'libhelper.so.1', 'int helper(int x) { return x * 2; }\n', { args: ['-Wl,-soname,libhelper.so.1'] });
  const user = compileShared(dir, 'user.so', 'int helper(int);\nint f(int x) { return helper(x); }\n', { args: [lib, '-Wl,-rpath,$ORIGIN/../cdemo.libs'] });
  const tag = 'cp311-cp311-manylinux_2_28_x86_64';
  const bare = cExtWheel(tag, [{ name: 'cdemo/user.so', file: user }]);
  const r = json([bare]);
  assert.equal(r.code, 1);
  const p = r.out.wheels[0].problems.find((x: { kind: string }) => x.kind === 'external-libraries');
  assert.ok(p, JSON.stringify(r.out.wheels[0].problems));
  assert.match(p.message, /libhelper\.so\.1 \(needed by cdemo\/user\.so\)/);
  assert.ok(p.fix.some((f: string) => f.includes('auditwheel repair')));
  const ssl = compileShared(dir, 'ssl-user.so', 'void *SSL_CTX_new(const void *);\nvoid *f(void) { return SSL_CTX_new(0); }\n', { args: ['-Wl,--no-as-needed', '/usr/lib/x86_64-linux-gnu/libssl.so.3'] });
  const withSsl = json([cExtWheel('cp311-cp311-manylinux_2_28_x86_64.linux_x86_64', [{ name: 'cdemo/ssl.so', file: ssl }])]);
  const sslProblem = withSsl.out.wheels[0].problems.find((x: { kind: string }) => x.kind === 'external-libraries');
  assert.match(sslProblem.message, /libssl\.so\.3/);
  assert.ok(sslProblem.fix.some((f: string) => f.includes('features = ["vendored"]')));
  const py = compileShared(dir, 'py-user.so', 'long Py_GetVersion(void);\nlong f(void) { return Py_GetVersion(); }\n', { args: ['-Wl,--no-as-needed', '/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0'] });
  const withPy = json([cExtWheel('cp311-cp311-manylinux_2_28_x86_64', [{ name: 'cdemo/py.so', file: py }])]);
  const pyProblem = withPy.out.wheels[0].problems.find((x: { kind: string }) => x.kind === 'external-libraries');
  assert.match(pyProblem.message, /libpython3\.11\.so\.1\.0 \(needed by cdemo\/py\.so\)/);
  assert.ok(pyProblem.fix.some((f: string) => f.includes('must not link libpython')));
  const carried = json([cExtWheel(tag, [{ name: 'cdemo/user.so', file: user }, { name: 'cdemo.libs/libhelper.so.1', file: lib }])]);
  assert.equal(carried.code, 0, JSON.stringify(carried.out.wheels[0].problems));
});

test('architecture: an aarch64 object under an x86_64 tag is a mismatch; under its own tag, its policy is checked', () => {
  const aarch = join(ELF_FIXTURES, 'demo-aarch64-linux-gnu.so');
  const wrong = json([cExtWheel('cp311-cp311-manylinux_2_28_x86_64', [{ name: 'cdemo/fast.so', file: aarch }])]);
  assert.ok(wrong.out.wheels[0].problems.some((p: { kind: string; message: string }) => p.kind === 'arch-mismatch' && /fast\.so is aarch64 \(64-bit little-endian\)/.test(p.message)));
  const sub = join(dir, 'aarch');
  mkdirSync(sub, { recursive: true });
  const own = (tag: string) => makeWheel(join(sub, `fast-1.0-py3-none-${tag}.whl`), [{ name: 'fast/fast.so', file: aarch }, ...distInfo('fast', '1.0', [`py3-none-${tag}`])]);
  const old = json([own('manylinux2014_aarch64')]);
  assert.deepEqual(kinds(old.out.wheels[0]), ['policy-not-met']);
  assert.ok(old.out.wheels[0].problems[0].blame.some((b: { symbols: string[] }) => b.symbols.includes('reallocarray')));
  assert.equal(json([own('manylinux_2_28_aarch64')]).code, 0);
  const s390 = makeWheel(join(sub, 'fast-1.0-py3-none-manylinux_2_28_s390x.whl'), [{ name: 'fast/fast.so', file: join(ELF_FIXTURES, 'demo-s390x-linux-gnu.so') }, ...distInfo('fast', '1.0', ['py3-none-manylinux_2_28_s390x'])]);
  assert.equal(json([s390]).code, 0);
});

test('abi3: a stable-ABI tag with a per-interpreter module name is inconsistent; .abi3.so is fine', () => {
  const bad = json([cExtWheel('cp38-abi3-manylinux_2_28_x86_64')]);
  assert.deepEqual(kinds(bad.out.wheels[0]), ['abi3-filename-mismatch']);
  assert.ok(bad.out.wheels[0].problems[0].fix.some((f: string) => f.includes('py_limited_api')));
  const good = json([cExtWheel('cp38-abi3-manylinux_2_28_x86_64', [], 'cdemo.abi3.so')]);
  assert.equal(good.code, 0, JSON.stringify(good.out.wheels[0].problems));
});

test('a pure-Python tag with a compiled object inside, and WHEEL tags that disagree with the file name', () => {
  const pure = json([cExtWheel('py3-none-any')]);
  assert.deepEqual(kinds(pure.out.wheels[0]), ['binary-in-pure-wheel']);
  // Windows script launchers (as pip and setuptools ship them) are not modules: a pure wheel may carry them.
  const launcher = { name: 'cdemo/cli-64.exe', text: 'MZ\u0090\u0000 launcher stub' };
  const sub0 = join(dir, 'launcher');
  mkdirSync(sub0, { recursive: true });
  const ok = json([makeWheel(join(sub0, 'cdemo-0.1.0-py3-none-any.whl'), [launcher, ...distInfo('cdemo', '0.1.0', ['py3-none-any'], true)])]);
  assert.equal(ok.code, 0, JSON.stringify(ok.out.wheels[0].problems));
  assert.equal(ok.out.wheels[0].otherBinaries[0].kind, 'pe');
  const pyd = json([makeWheel(join(sub0, 'cdemo-0.1.0-py3-none-any.whl'), [{ name: 'cdemo/_x.pyd', text: 'MZ\u0090\u0000 module' }, ...distInfo('cdemo', '0.1.0', ['py3-none-any'], true)])]);
  assert.deepEqual(kinds(pyd.out.wheels[0]), ['binary-in-pure-wheel']);
  const sub = join(dir, 'mismatch');
  mkdirSync(sub, { recursive: true });
  const w = makeWheel(join(sub, 'cdemo-0.1.0-cp311-cp311-manylinux_2_28_x86_64.whl'), [{ name: cSo, zip: cWheel, member: cSo }, ...distInfo('cdemo', '0.1.0', ['cp311-cp311-linux_x86_64'])]);
  const r = json([w]);
  assert.deepEqual(kinds(r.out.wheels[0]), ['metadata-mismatch']);
  assert.match(r.out.wheels[0].problems[0].message, /only in the name: cp311-cp311-manylinux_2_28_x86_64; only in WHEEL: cp311-cp311-linux_x86_64/);
});

test('musl objects fit musllinux tags and not manylinux ones', () => {
  const musl = join(ELF_FIXTURES, 'demo-x86_64-musl.so');
  const sub = join(dir, 'musl');
  mkdirSync(sub, { recursive: true });
  const make = (tag: string) => makeWheel(join(sub, `m-1.0-py3-none-${tag}.whl`), [{ name: 'm/m.so', file: musl }, ...distInfo('m', '1.0', [`py3-none-${tag}`])]);
  const ok = json([make('musllinux_1_1_x86_64')]);
  assert.equal(ok.code, 0, JSON.stringify(ok.out.wheels[0].problems));
  const bad = json([make('manylinux_2_17_x86_64')]);
  assert.ok(bad.out.wheels[0].problems.some((p: { kind: string; message: string }) => p.kind === 'policy-not-met' && /linked against musl/.test(p.message)));
});

test('macOS and Windows wheels: tags reported, Mach-O architecture and minimum macOS checked', () => {
  const sub = join(dir, 'mac');
  mkdirSync(sub, { recursive: true });
  const mac = (tag: string, file: string) => makeWheel(join(sub, `m-1.0-cp311-cp311-${tag}.whl`), [{ name: 'm/_m.cpython-311-darwin.so', file: join(ELF_FIXTURES, file) }, ...distInfo('m', '1.0', [`cp311-cp311-${tag}`])]);
  const ok = json([mac('macosx_11_0_arm64', 'demo-arm64-macos11.o')]);
  assert.equal(ok.code, 0, JSON.stringify(ok.out.wheels[0].problems));
  assert.deepEqual(ok.out.wheels[0].otherBinaries, [{ path: 'm/_m.cpython-311-darwin.so', kind: 'macho', arch: 'arm64', macosMinimum: '11.0' }]);
  assert.deepEqual(ok.out.wheels[0].tags.platform[0], { tag: 'macosx_11_0_arm64', kind: 'macos', arch: 'arm64', version: [11, 0], policy: null });
  const old = json([mac('macosx_10_9_x86_64', 'demo-x86_64-macos10.12.o')]);
  assert.ok(old.out.wheels[0].problems.some((p: { kind: string; message: string }) => p.kind === 'policy-not-met' && /needs macOS 10\.12/.test(p.message)));
  const arch = json([mac('macosx_11_0_arm64', 'demo-x86_64-macos10.12.o')]);
  assert.deepEqual(kinds(arch.out.wheels[0]), ['arch-mismatch']);
  const win = makeWheel(join(sub, 'w-1.0-cp311-cp311-win_amd64.whl'), [{ name: 'w/_w.pyd', text: 'MZ\u0000\u0000 stub' }, ...distInfo('w', '1.0', ['cp311-cp311-win_amd64'])]);
  const r = json([win]);
  assert.equal(r.code, 0);
  assert.equal(r.out.wheels[0].tags.platform[0].kind, 'windows');
});

test('RECORD: a changed file is a corrupt wheel; a directory argument audits every wheel in it', () => {
  const sub = join(dir, 'tampered');
  mkdirSync(sub, { recursive: true });
  const good = [{ name: 't/__init__.py', text: 'x = 1\n' }, ...distInfo('t', '1.0', ['py3-none-any'])];
  makeWheel(join(sub, 't-1.0-py3-none-any.whl'), good);
  const record = good.map((e) => `${e.name},sha256=AAAA,${e.text!.length}`).join('\n') + '\nt-1.0.dist-info/RECORD,,\n';
  makeWheel(join(sub, 't-2.0-py3-none-any.whl'), [{ name: 't/__init__.py', text: 'x = 1\n' }, ...distInfo('t', '2.0', ['py3-none-any']), { name: 't-2.0.dist-info/RECORD', text: record.replaceAll('1.0', '2.0') }], { record: 'none' });
  const r = json([sub]);
  assert.equal(r.code, 1);
  assert.deepEqual(r.out.wheels.map((w: { status: string }) => w.status), ['ok', 'problems']);
  assert.deepEqual(kinds(r.out.wheels[1]), ['corrupt-wheel']);
  assert.match(r.out.wheels[1].problems[0].message, /t\/__init__\.py: sha256 differs from RECORD/);
});

test('the JSON report has the documented top-level and per-wheel keys', () => {
  const r = json([cWheel]);
  assert.deepEqual(Object.keys(r.out).sort(), ['schemaVersion', 'wheels']);
  assert.deepEqual(Object.keys(r.out.wheels[0]).sort(), ['achievable', 'error', 'file', 'name', 'objects', 'otherBinaries', 'problems', 'record', 'requiresPython', 'status', 'tags', 'version', 'wheel']);
  assert.deepEqual(Object.keys(r.out.wheels[0].objects[0]).sort(), ['arch', 'bits', 'blame', 'endian', 'externalLibraries', 'libc', 'needed', 'path', 'policy', 'rpath', 'runpath', 'soname']);
  assert.deepEqual(Object.keys(r.out.wheels[0].problems[0]).sort(), ['blame', 'fix', 'kind', 'message', 'objects']);
  const help = runCli(['wheel', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Exit codes: 0 every wheel is fine, 1 problems found/);
});
