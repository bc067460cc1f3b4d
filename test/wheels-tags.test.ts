// Wheel tag compatibility for deploy targets: pip's vendored packaging.tags is the oracle for the full tag order,
// and a table of real wheel file names pins down abi3, musllinux, legacy manylinux, macOS and Windows cases.

import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { supportedTags, tagRanks, wheelRank, type TargetSpec } from '../src/wheels/tags.ts';

const ORACLE = new URL('./fixtures/wheels/tags_oracle.py', import.meta.url).pathname;

const TARGETS: [string, string][] = [
  ['3.13', 'manylinux_2_28_x86_64'],
  ['3.12', 'manylinux_2_36_aarch64'],
  ['3.11', 'manylinux_2_17_x86_64'],
  ['3.9', 'manylinux_2_5_i686'],
  ['3.12', 'musllinux_1_2_x86_64'],
  ['3.10', 'musllinux_1_1_aarch64'],
  ['3.12', 'macosx_14_0_arm64'],
  ['3.11', 'macosx_11_0_x86_64'],
  ['3.8', 'macosx_10_9_x86_64'],
  ['3.13', 'win_amd64'],
  ['3.12', 'win32'],
];

for (const [py, plat] of TARGETS) {
  test(`supported tags for CPython ${py} on ${plat} equal packaging.tags, in order`, () => {
    const expected = execFileSync('python3', [ORACLE, py, plat], { encoding: 'utf8' }).trim().split('\n');
    const [major, minor] = py.split('.').map(Number) as [number, number];
    assert.deepEqual(supportedTags({ python: [major, minor], platform: plat }), expected);
  });
}

const t = (py: string, platform: string): TargetSpec => {
  const [a, b] = py.split('.').map(Number) as [number, number];
  return { python: [a, b], platform };
};

// [target python, target platform, wheel, installs?]
const PAIRS: [string, string, string, boolean][] = [
  // abi3 wheels serve every later CPython, never an earlier one.
  ['3.13', 'manylinux_2_28_x86_64', 'cryptography-44.0.0-cp39-abi3-manylinux_2_28_x86_64.whl', true],
  ['3.8', 'manylinux_2_28_x86_64', 'cryptography-44.0.0-cp39-abi3-manylinux_2_28_x86_64.whl', false],
  ['3.14', 'manylinux_2_36_x86_64', 'argon2_cffi_bindings-21.2.0-cp36-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', true],
  // glibc ordering: a 2_28 wheel needs glibc >= 2.28.
  ['3.13', 'manylinux_2_17_x86_64', 'cryptography-44.0.0-cp39-abi3-manylinux_2_28_x86_64.whl', false],
  ['3.13', 'manylinux_2_31_x86_64', 'cryptography-44.0.0-cp39-abi3-manylinux_2_28_x86_64.whl', true],
  // Legacy aliases: manylinux1 is glibc 2.5, only on x86; manylinux2014 is 2.17.
  ['3.9', 'manylinux_2_17_x86_64', 'numpy-1.19.5-cp39-cp39-manylinux1_x86_64.whl', true],
  ['3.9', 'manylinux_2_17_aarch64', 'numpy-1.19.5-cp39-cp39-manylinux1_aarch64.whl', false],
  ['3.9', 'manylinux_2_12_x86_64', 'pydantic_core-2.27.2-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', false],
  // The interpreter ABI must match exactly without abi3.
  ['3.14', 'manylinux_2_36_x86_64', 'pydantic_core-2.27.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', false],
  // musllinux is not manylinux, and vice versa.
  ['3.12', 'musllinux_1_2_x86_64', 'orjson-3.10.12-cp312-cp312-musllinux_1_2_x86_64.whl', true],
  ['3.12', 'musllinux_1_1_x86_64', 'orjson-3.10.12-cp312-cp312-musllinux_1_2_x86_64.whl', false],
  ['3.12', 'musllinux_1_2_x86_64', 'orjson-3.10.12-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', false],
  ['3.12', 'manylinux_2_36_x86_64', 'orjson-3.10.12-cp312-cp312-musllinux_1_2_x86_64.whl', false],
  ['3.12', 'musllinux_1_2_x86_64', 'bcrypt-4.2.1-cp39-abi3-musllinux_1_2_x86_64.whl', true],
  // Pure wheels everywhere; `none` ABI with a py tag.
  ['3.13', 'musllinux_1_2_aarch64', 'idna-3.10-py3-none-any.whl', true],
  ['3.13', 'win_amd64', 'six-1.17.0-py2.py3-none-any.whl', true],
  ['3.13', 'manylinux_2_28_x86_64', 'future-1.0.0-py2-none-any.whl', false],
  // macOS: universal2 serves arm64; an 11.0 arm64 wheel does not serve 10.x; x86_64 on arm64 does not run.
  ['3.12', 'macosx_14_0_arm64', 'jiter-0.8.2-cp312-cp312-macosx_11_0_arm64.whl', true],
  ['3.12', 'macosx_14_0_arm64', 'numpy-1.26.4-cp312-cp312-macosx_10_9_universal2.whl', true],
  ['3.12', 'macosx_14_0_arm64', 'jiter-0.8.2-cp312-cp312-macosx_10_12_x86_64.whl', false],
  ['3.12', 'macosx_10_15_x86_64', 'jiter-0.8.2-cp312-cp312-macosx_10_12_x86_64.whl', true],
  ['3.12', 'macosx_10_9_x86_64', 'jiter-0.8.2-cp312-cp312-macosx_10_12_x86_64.whl', false],
  // Windows.
  ['3.13', 'win_amd64', 'rpds_py-0.22.3-cp313-cp313-win_amd64.whl', true],
  ['3.13', 'win32', 'rpds_py-0.22.3-cp313-cp313-win_amd64.whl', false],
  // Free-threaded builds are a different ABI.
  ['3.13', 'manylinux_2_28_x86_64', 'pydantic_core-2.27.2-cp313-cp313t-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', false],
];

for (const [py, plat, wheel, ok] of PAIRS) {
  test(`${wheel} ${ok ? 'installs' : 'does not install'} on CPython ${py} ${plat}`, () => {
    assert.equal(wheelRank(wheel, tagRanks(t(py, plat))) !== null, ok);
  });
}

test('pip prefers the most specific wheel: cp313 over abi3 over py3-none-any', () => {
  const r = tagRanks(t('3.13', 'manylinux_2_28_x86_64'));
  const specific = wheelRank('x-1-cp313-cp313-manylinux_2_17_x86_64.whl', r)!;
  const abi3 = wheelRank('x-1-cp39-abi3-manylinux_2_17_x86_64.whl', r)!;
  const pure = wheelRank('x-1-py3-none-any.whl', r)!;
  assert.ok(specific < abi3 && abi3 < pure);
});

test('free-threaded 3.13t takes cp313t wheels and no abi3', () => {
  const r = tagRanks({ python: [3, 13], platform: 'manylinux_2_28_x86_64', freeThreaded: true });
  assert.notEqual(wheelRank('x-1-cp313-cp313t-manylinux_2_17_x86_64.whl', r), null);
  assert.equal(wheelRank('x-1-cp39-abi3-manylinux_2_17_x86_64.whl', r), null);
});
