// Wheel file names, platform tags, PyPI's accepted platforms, and the .dist-info parsers.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseMetadata, parseRecord, parseWheelFile } from '../src/wheel/metadata.ts';
import { extensionAbi, parsePlatformTag, parseWheelFileName, pypiAcceptsPlatform } from '../src/wheel/tags.ts';

test('file names: build tags and compressed tag sets', () => {
  assert.deepEqual(parseWheelFileName('orjson-3.10.0-1-cp38-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'), {
    distribution: 'orjson',
    version: '3.10.0',
    build: '1',
    pythonTags: ['cp38'],
    abiTags: ['abi3'],
    platformTags: ['manylinux_2_17_x86_64', 'manylinux2014_x86_64'],
  });
  assert.equal(parseWheelFileName('pkg-1.0-py3-none.whl'), null);
  assert.equal(parseWheelFileName('pkg-1.0-py3-none-any.zip'), null);
  assert.equal(parseWheelFileName('pkg--py3-none-any.whl'), null);
});

test('platform tags: legacy aliases map to PEP 600 policies', () => {
  assert.equal(parsePlatformTag('manylinux1_i686').policy, 'manylinux_2_5');
  assert.equal(parsePlatformTag('manylinux2010_x86_64').policy, 'manylinux_2_12');
  assert.deepEqual(parsePlatformTag('manylinux2014_aarch64'), { tag: 'manylinux2014_aarch64', kind: 'manylinux', arch: 'aarch64', version: [2, 17], policy: 'manylinux_2_17' });
  assert.deepEqual(parsePlatformTag('musllinux_1_2_armv7l'), { tag: 'musllinux_1_2_armv7l', kind: 'musllinux', arch: 'armv7l', version: [1, 2], policy: 'musllinux_1_2' });
  assert.equal(parsePlatformTag('macosx_10_9_universal2').kind, 'macos');
  assert.equal(parsePlatformTag('win_arm64').arch, 'arm64');
});

test('PyPI refuses linux_x86_64 and unknown architectures, accepts the rest', () => {
  const accepts = (t: string) => pypiAcceptsPlatform(parsePlatformTag(t));
  for (const t of ['any', 'win_amd64', 'manylinux_2_28_x86_64', 'manylinux2014_ppc64le', 'musllinux_1_2_aarch64', 'macosx_11_0_arm64', 'macosx_10_9_x86_64', 'linux_armv7l', 'ios_13_0_arm64_iphoneos', 'android_21_arm64_v8a']) {
    assert.ok(accepts(t), t);
  }
  for (const t of ['linux_x86_64', 'linux_aarch64', 'manylinux_2_17_sparc64', 'musllinux_1_2_riscv64', 'macosx_9_0_x86_64', 'freebsd_14_0_amd64']) {
    assert.ok(!accepts(t), t);
  }
});

test('extension module names: stable ABI, one interpreter, or plain', () => {
  assert.equal(extensionAbi('pkg/_core.abi3.so'), 'abi3');
  assert.equal(extensionAbi('pkg/_core.cpython-311-x86_64-linux-gnu.so'), 'cpython');
  assert.equal(extensionAbi('pkg/_core.cp311-win_amd64.pyd'), 'plain');
  assert.equal(extensionAbi('pkg/_core.so'), 'plain');
  assert.equal(extensionAbi('pkg/data.json'), null);
});

test('WHEEL, METADATA and RECORD parsing', () => {
  const w = parseWheelFile('Wheel-Version: 1.0\nGenerator: maturin (1.5.1)\nRoot-Is-Purelib: false\nTag: cp38-abi3-manylinux_2_17_x86_64\nTag: cp38-abi3-manylinux2014_x86_64\n');
  assert.deepEqual(w, { wheelVersion: '1.0', generator: 'maturin (1.5.1)', rootIsPurelib: false, tags: ['cp38-abi3-manylinux_2_17_x86_64', 'cp38-abi3-manylinux2014_x86_64'] });
  // Headers stop at the first blank line: a "Name:" in the description body is not the name.
  const m = parseMetadata('Metadata-Version: 2.1\r\nName: My.Pkg\r\nVersion: 2.0\r\nRequires-Python: >=3.9\r\n\r\nName: not-this\n');
  assert.deepEqual(m, { name: 'My.Pkg', version: '2.0', requiresPython: '>=3.9' });
  const r = parseRecord('pkg/a.py,sha256=abc,10\n"pkg/we,ird ""name"".py",sha256=def,3\npkg-1.dist-info/RECORD,,\nbroken line\n');
  assert.deepEqual(r.rows, [
    { path: 'pkg/a.py', algorithm: 'sha256', digest: 'abc', size: 10 },
    { path: 'pkg/we,ird "name".py', algorithm: 'sha256', digest: 'def', size: 3 },
    { path: 'pkg-1.dist-info/RECORD', algorithm: null, digest: null, size: null },
  ]);
  assert.deepEqual(r.malformed, ['broken line']);
});
