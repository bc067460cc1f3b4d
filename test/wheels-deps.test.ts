// Dependency sets: requirements files (includes, options, hashes, markers, editables) and lock files, with file:line
// problems for what cannot be read while the rest is still read.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readDependencySet } from '../src/wheels/dependencies.ts';
import { readPipfileLock, readPoetryLock, readPylock, readUvLock } from '../src/wheels/locks.ts';
import { evaluateMarker, markerEnv } from '../src/wheels/markers.ts';
import { readRequirements } from '../src/wheels/requirements.ts';

const linux314 = markerEnv({ python: [3, 14], platform: 'manylinux_2_35_x86_64' });
const files = (o: Record<string, string>) => new Map(Object.entries(o));

test('requirements: -r includes, --hash, continuation lines, markers, -e, URLs and options', () => {
  const r = readRequirements(files({
    'requirements.txt': [
      '# comment',
      '-r requirements/base.txt',
      '--index-url https://mirror.example/simple',
      '--extra-index-url=https://extra.example/simple',
      '--only-binary cryptography,pydantic-core',
      '--no-binary=:none:',
      'pydantic-core==2.27.2 \\',
      '    --hash=sha256:aaaa \\',
      '    --hash=sha256:bbbb',
      'Django[argon2] >= 4.2, < 5 ; python_version >= "3.10"  # trailing comment',
      '-e ./libs/local',
      'git+https://github.com/org/repo.git@main#egg=thing',
      'pkg @ https://example.com/pkg-1.0.tar.gz',
      './wheels/x-1.0-py3-none-any.whl',
    ].join('\n'),
    'requirements/base.txt': 'idna==3.10\n-c constraints.txt\n',
    'requirements/constraints.txt': 'six==1.16.0\n',
  }), 'requirements.txt');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.files, ['requirements.txt', 'requirements/base.txt', 'requirements/constraints.txt']);
  assert.deepEqual(r.deps.map((d) => [d.normalized, d.specifier, d.version, d.marker, `${d.where.file}:${d.where.line}`]), [
    ['idna', '==3.10', '3.10', null, 'requirements/base.txt:1'],
    ['pydantic-core', '==2.27.2', '2.27.2', null, 'requirements.txt:7'],
    ['django', '>=4.2,<5', null, 'python_version >= "3.10"', 'requirements.txt:10'],
  ]);
  assert.equal(r.settings.indexUrl, 'https://mirror.example/simple');
  assert.deepEqual(r.settings.extraIndexUrls, ['https://extra.example/simple']);
  assert.deepEqual([...r.settings.onlyBinary], ['cryptography', 'pydantic-core']);
  assert.equal(r.settings.onlyBinaryAt?.line, 5);
});

test('requirements: malformed lines and a missing include are reported with file and line, the rest is read', () => {
  const r = readRequirements(files({
    'requirements.txt': ['idna==3.10', 'this is not a requirement', 'six=1.16', '--frobnicate', '-r missing.txt', 'numpy>=2,<2.3', 'jiter >= ', 'bcrypt==4.0.1'].join('\n'),
  }), 'requirements.txt');
  assert.deepEqual(r.deps.map((d) => d.normalized), ['idna', 'numpy', 'bcrypt']);
  assert.deepEqual(r.problems.map((p) => `${p.file}:${p.line}`), ['requirements.txt:2', 'requirements.txt:3', 'requirements.txt:4', 'requirements.txt:5', 'requirements.txt:7']);
  assert.match(r.problems[0]!.message, /'this is not a requirement' is not a requirement/);
  assert.match(r.problems[1]!.message, /six: '=1.16' is not a version specifier/);
  assert.match(r.problems[2]!.message, /unknown pip option '--frobnicate'/);
  assert.match(r.problems[3]!.message, /missing.txt: no such file \(included here\)/);
});

test('markers: PEP 508 expressions evaluate on the target', () => {
  assert.equal(evaluateMarker('sys_platform == "win32"', linux314), false);
  assert.equal(evaluateMarker('python_version >= "3.10" and platform_machine == "x86_64"', linux314), true);
  assert.equal(evaluateMarker('(python_version < "3.9" or os_name == "nt") and extra == ""', linux314), false);
  assert.equal(evaluateMarker("python_full_version >= '3.14.0' or implementation_name != 'cpython'", linux314), true);
  assert.equal(evaluateMarker('"linux" in sys_platform', linux314), true);
  assert.equal(evaluateMarker('python_version ~= "3.12"', linux314), true);
  assert.throws(() => evaluateMarker('python_version >=', linux314), /expected a value/);
});

test('uv.lock: walks the graph from the project, follows markers, leaves dev groups out, keeps recorded files', () => {
  const text = readFileSync(new URL('./fixtures/wheels/projects/uv-app/uv.lock', import.meta.url), 'utf8');
  const r = readUvLock('uv.lock', text, linux314);
  assert.deepEqual(r.problems, []);
  // six is win32-only, numpy is a dev dependency: neither is installed by `uv sync --no-dev` on Linux.
  assert.deepEqual(r.deps.map((d) => `${d.normalized}==${d.version}`), ['pydantic-core==2.27.2', 'tokenizers==0.21.1', 'typing-extensions==4.12.2']);
  assert.ok(r.deps[0]!.lockedFiles!.includes('pydantic_core-2.27.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'));
  assert.equal(r.deps[0]!.where.text, 'name = "pydantic-core"');
  const win = readUvLock('uv.lock', text, markerEnv({ python: [3, 14], platform: 'win_amd64' }));
  assert.ok(win.deps.some((d) => d.normalized === 'six'));
  assert.deepEqual(r.indexes, ['https://pypi.org/simple']);
});

test('uv.lock: a broken package entry is reported at its line and the other entries are still read', () => {
  const text = [
    'version = 1',
    '',
    '[[package]]',
    'name = "idna"',
    'version = "3.10"',
    'source = { registry = "https://pypi.org/simple" }',
    '',
    '[[package]]',
    'name = "six"',
    'version = "1.17.0',
    'source = { registry = "https://pypi.org/simple" }',
    '',
    '[[package]]',
    'name = "jiter"',
    'version = "0.9.0"',
    'source = { registry = "https://pypi.org/simple" }',
  ].join('\n');
  const r = readUvLock('uv.lock', text, linux314);
  assert.deepEqual(r.deps.map((d) => d.normalized), ['idna', 'jiter']);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]!.line, 10);
  assert.match(r.problems[0]!.message, /invalid TOML.*this package entry is skipped/);
});

test('poetry.lock: main group only, markers, recorded files', () => {
  const text = [
    '# This file is automatically @generated by Poetry 2.1.1 and should not be changed by hand.',
    '',
    '[[package]]',
    'name = "bcrypt"',
    'version = "4.0.1"',
    'description = "Modern password hashing for your software and your servers"',
    'optional = false',
    'python-versions = ">=3.6"',
    'groups = ["main"]',
    'files = [',
    '    {file = "bcrypt-4.0.1-cp36-abi3-manylinux_2_28_x86_64.whl", hash = "sha256:00"},',
    '    {file = "bcrypt-4.0.1.tar.gz", hash = "sha256:01"},',
    ']',
    '',
    '[[package]]',
    'name = "colorama"',
    'version = "0.4.6"',
    'optional = false',
    'python-versions = "*"',
    'groups = ["main"]',
    'markers = "sys_platform == \\"win32\\""',
    'files = []',
    '',
    '[[package]]',
    'name = "pytest"',
    'version = "8.3.4"',
    'groups = ["dev"]',
    'files = []',
  ].join('\n');
  const r = readPoetryLock('poetry.lock', text, linux314);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.deps.map((d) => [d.normalized, d.version, d.where.line]), [['bcrypt', '4.0.1', 4]]);
  assert.deepEqual(r.deps[0]!.lockedFiles, ['bcrypt-4.0.1-cp36-abi3-manylinux_2_28_x86_64.whl', 'bcrypt-4.0.1.tar.gz']);
});

test('pylock.toml (PEP 751): markers, wheels by name or URL, index', () => {
  const text = [
    'lock-version = "1.0"',
    'created-by = "pip"',
    'requires-python = ">=3.12"',
    '',
    '[[packages]]',
    'name = "jiter"',
    'version = "0.9.0"',
    'index = "https://pypi.org/simple"',
    'sdist = { name = "jiter-0.9.0.tar.gz", url = "https://files.pythonhosted.org/packages/jiter-0.9.0.tar.gz", hashes = { sha256 = "00" } }',
    'wheels = [',
    '  { url = "https://files.pythonhosted.org/packages/ab/jiter-0.9.0-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", hashes = { sha256 = "01" } },',
    ']',
    '',
    '[[packages]]',
    'name = "pywin32"',
    'version = "308"',
    'marker = "sys_platform == \'win32\'"',
  ].join('\n');
  const r = readPylock('pylock.toml', text, linux314);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.deps.map((d) => d.normalized), ['jiter']);
  assert.deepEqual(r.deps[0]!.lockedFiles, ['jiter-0.9.0.tar.gz', 'jiter-0.9.0-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl']);
  assert.deepEqual(r.indexes, ['https://pypi.org/simple']);
});

test('Pipfile.lock: default section, exact pins, markers; bad JSON names the line', () => {
  const text = JSON.stringify({
    _meta: { sources: [{ name: 'pypi', url: 'https://pypi.org/simple', verify_ssl: true }] },
    default: {
      cryptography: { hashes: ['sha256:00'], markers: "python_version >= '3.7'", version: '==45.0.7' },
      pywin32: { version: '==308', markers: "sys_platform == 'win32'" },
      weird: { version: '>=1' },
    },
    develop: { pytest: { version: '==8.3.4' } },
  }, null, 4);
  const r = readPipfileLock('Pipfile.lock', text, linux314);
  assert.deepEqual(r.deps.map((d) => [d.normalized, d.version]), [['cryptography', '45.0.7']]);
  assert.equal(r.deps[0]!.where.line, text.split('\n').findIndex((l) => l.includes('"cryptography": {')) + 1);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0]!.message, /weird: version '>=1' is not an exact pin/);
  const bad = readPipfileLock('Pipfile.lock', '{\n  "default": {\n    "idna": {,\n  }\n}\n', linux314);
  assert.equal(bad.problems[0]!.line, 3);
});

test('pyproject dependencies are read as ranges with their lines', () => {
  const set = readDependencySet(files({
    'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "fastapi>=0.115",\n  "pydantic-core==2.27.2",\n  "bad spec here",\n]\n',
  }), 'pyproject.toml', linux314);
  assert.deepEqual(set.deps.map((d) => [d.normalized, d.specifier, d.version, d.where.line]), [['fastapi', '>=0.115', null, 4], ['pydantic-core', '==2.27.2', '2.27.2', 5]]);
  assert.deepEqual(set.problems.map((p) => p.line), [6]);
});
