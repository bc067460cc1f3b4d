// manylinux/musllinux policy verdicts and blame for objects compiled here at known glibc symbol-version levels.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type ElfInfo, parseElf, wholeView } from '../src/wheel/elf.ts';
import { evaluateObject, findPolicy, GLIBC_POLICIES, MUSL_POLICIES } from '../src/wheel/policy.ts';
import { compileShared, ELF_FIXTURES, scratch, SOURCES } from './fixtures/wheel/helpers.ts';

const dir = scratch('wheel-policy');
const elf = (path: string) => parseElf(wholeView(readFileSync(path)));
const built = Object.fromEntries(Object.entries(SOURCES).map(([name, s]) => [name, elf(compileShared(dir, name, s.source, s))]));

test('every manylinux_2_5 … manylinux_2_41 policy exists, with the legacy aliases', () => {
  assert.deepEqual(
    GLIBC_POLICIES.map((p) => p.name),
    Array.from({ length: 37 }, (_, i) => `manylinux_2_${i + 5}`),
  );
  assert.equal(findPolicy('manylinux1')?.name, 'manylinux_2_5');
  assert.equal(findPolicy('manylinux2010')?.name, 'manylinux_2_12');
  assert.equal(findPolicy('manylinux2014')?.name, 'manylinux_2_17');
  assert.deepEqual(MUSL_POLICIES.map((p) => p.name), ['musllinux_1_1', 'musllinux_1_2']);
  // manylinux1 and 2010 were x86 only; aarch64 starts at manylinux2014.
  assert.deepEqual(Object.keys(findPolicy('manylinux1')!.rungs).sort(), ['i686', 'x86_64']);
  assert.ok(findPolicy('manylinux2014')!.rungs.aarch64);
});

test('the policy of gcc-built objects is set by the newest symbol version they import, and blamed on it', () => {
  const none = new Set<string>();
  const cases: Array<[string, string, string | null]> = [
    ['base.so', 'manylinux_2_5', null],
    ['pinned.so', 'manylinux_2_5', null],
    ['memcpy.so', 'manylinux_2_14', 'memcpy@GLIBC_2.14'],
    ['getrandom.so', 'manylinux_2_25', 'getrandom@GLIBC_2.25'],
    // glibc 2.29 has no auditwheel image, but PEP 600 allows manylinux_2_29: the object must not be told 2_31.
    ['exp.so', 'manylinux_2_29', 'exp@GLIBC_2.29'],
    ['pthread.so', 'manylinux_2_34', 'pthread_create@GLIBC_2.34'],
  ];
  for (const [name, policy, blamed] of cases) {
    const r = evaluateObject(built[name]!, 'x86_64', none);
    assert.equal(r.policy?.name, policy, name);
    assert.deepEqual(r.externalLibraries, [], name);
    if (blamed === null) assert.deepEqual(r.blame, [], name);
    else {
      const [sym, version] = blamed.split('@') as [string, string];
      assert.ok(
        r.blame.some((b) => b.kind === 'symbol-version' && b.detail === version && b.symbols.includes(sym)),
        `${name}: blame ${JSON.stringify(r.blame)}`,
      );
    }
  }
});

test('a C++ object is pinned by libstdc++ versions beyond manylinux2014 (GLIBCXX_3.4.19)', () => {
  const r = evaluateObject(built['cxx.so']!, 'x86_64', new Set());
  assert.ok(r.policy && r.policy.version[1] > 17, `got ${r.policy?.name}`);
  assert.ok(r.blame.every((b) => /^(GLIBCXX|CXXABI|GLIBC|GCC)_/.test(b.detail)));
  assert.ok(r.requirements.some((q) => q.library === 'libstdc++.so.6' && q.detail.startsWith('GLIBCXX_3.4.') && q.minPolicy > 0));
});

test('cross-compiled objects are judged against their own architecture', () => {
  for (const [file, arch] of [
    ['demo-aarch64-linux-gnu.so', 'aarch64'],
    ['demo-arm-linux-gnueabihf.so', 'armv7l'],
    ['demo-i686-linux-gnu.so', 'i686'],
    ['demo-powerpc64le-linux-gnu.so', 'ppc64le'],
    ['demo-s390x-linux-gnu.so', 's390x'],
  ] as const) {
    const info = elf(join(ELF_FIXTURES, file));
    assert.equal(info.arch, arch);
    const r = evaluateObject(info, arch, new Set());
    assert.equal(r.policy?.name, 'manylinux_2_26', file);
    assert.ok(r.blame.some((b) => b.symbols.includes('reallocarray') && b.detail === 'GLIBC_2.26'), file);
  }
});

test('a musl object satisfies musllinux, not manylinux', () => {
  const r = evaluateObject(elf(join(ELF_FIXTURES, 'demo-x86_64-musl.so')), 'x86_64', new Set());
  assert.equal(r.libc, 'musl');
  assert.equal(r.policy?.name, 'musllinux_1_1');
});

test('a library outside every whitelist is external, unless the wheel carries it', () => {
  const lib = compileShared(dir, 'libhelper.so.1', 'int helper(int x) { return x * 2; }\n', { args: ['-Wl,-soname,libhelper.so.1'] });
  const user = elf(compileShared(dir, 'user.so', 'int helper(int);\nint f(int x) { return helper(x); }\n', { args: [lib] }));
  assert.ok(user.needed.includes('libhelper.so.1'));
  const alone = evaluateObject(user, 'x86_64', new Set());
  assert.equal(alone.policy, null);
  assert.deepEqual(alone.externalLibraries, ['libhelper.so.1']);
  const carried = evaluateObject(user, 'x86_64', new Set(['libhelper.so.1']));
  assert.equal(carried.policy?.name, 'manylinux_2_5');
  assert.deepEqual(carried.externalLibraries, []);
});

/** An object as the ELF reader would report it, for glibc versions newer than this machine's 2.36 can produce. */
function synthetic(needs: Record<string, Record<string, string[]>>, needed?: string[]): ElfInfo {
  const versionNeeds = Object.entries(needs).map(([library, v]) => ({ library, versions: Object.keys(v) }));
  const versionedSymbols = Object.entries(needs).flatMap(([library, v]) => Object.entries(v).flatMap(([version, syms]) => syms.map((name) => ({ name, version, library }))));
  return {
    bits: 64,
    endian: 'little',
    machine: 62,
    arch: 'x86_64',
    type: 'shared',
    interpreter: null,
    soname: null,
    needed: needed ?? Object.keys(needs),
    rpath: [],
    runpath: [],
    versionNeeds,
    versionedSymbols,
    undefinedSymbols: versionedSymbols.map((s) => s.name),
    hasSectionHeaders: true,
  };
}

test('the issue example: memcpy@GLIBC_2.14 and __isoc23_strtol@GLIBC_2.38 → manylinux_2_38, blamed on the latter', () => {
  const r = evaluateObject(synthetic({ 'libc.so.6': { 'GLIBC_2.2.5': ['free'], 'GLIBC_2.14': ['memcpy'], 'GLIBC_2.38': ['__isoc23_strtol'] } }), 'x86_64', new Set());
  assert.equal(r.policy?.name, 'manylinux_2_38');
  assert.deepEqual(r.blame.map((b) => [b.detail, b.symbols]), [['GLIBC_2.38', ['__isoc23_strtol']]]);
  // GLIBC_2.37 does not exist as a symbol version; the ladder goes 2.36 → ABI_DT_RELR → 2.38.
  assert.equal(evaluateObject(synthetic({ 'libc.so.6': { GLIBC_ABI_DT_RELR: [] } }), 'x86_64', new Set()).policy?.name, 'manylinux_2_36');
});

test('versions no policy allows, libstdc++ ceilings and libraries allowed only by newer policies', () => {
  const priv = evaluateObject(synthetic({ 'libc.so.6': { GLIBC_PRIVATE: ['_dl_x'] } }), 'x86_64', new Set());
  assert.equal(priv.policy, null);
  assert.equal(priv.blame[0]?.detail, 'GLIBC_PRIVATE');
  const cxx = evaluateObject(synthetic({ 'libstdc++.so.6': { 'GLIBCXX_3.4.32': ['_ZSt21ios_base_library_initv'] } }), 'x86_64', new Set());
  assert.equal(cxx.policy?.name, 'manylinux_2_39');
  // Versions with prefixes no policy knows are ignored; the library itself is judged by the whitelist.
  const ssl = evaluateObject(synthetic({ 'libssl.so.3': { 'OPENSSL_3.0.0': ['SSL_new'] } }), 'x86_64', new Set());
  assert.deepEqual(ssl.externalLibraries, ['libssl.so.3']);
  assert.ok(ssl.requirements.every((q) => q.kind === 'library'));
  const mvec = evaluateObject(synthetic({}, ['libmvec.so.1', 'libc.so.6']), 'x86_64', new Set());
  const first = GLIBC_POLICIES.find((p) => p.facts.libWhitelist.includes('libmvec.so.1'))!;
  assert.equal(mvec.policy?.name, first.name);
  assert.ok(first.version[1] > 17, 'libmvec (glibc vector maths) is not on manylinux2014 and older whitelists');
  assert.deepEqual(mvec.blame.map((b) => b.kind), ['library']);
});
