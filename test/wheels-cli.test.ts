// `buildmedic wheels` end to end: the built CLI against the local PEP 691 index (PIP_INDEX_URL), exit codes, text,
// JSON, the cache and --offline, an index that fails, and --fix --write --unsafe applied twice.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startIndex, type IndexServer } from './fixtures/pypi/server.ts';
import { tempDir } from './helpers/temp.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const PROJECTS = new URL('./fixtures/wheels/projects/', import.meta.url).pathname;
const tmp = tempDir('bm-wheels-');
let index: IndexServer;
before(async () => {
  index = await startIndex();
});
after(async () => {
  await index.close();
  rmSync(tmp, { recursive: true, force: true });
});

// Async spawn: the index server runs in this process, so a blocking spawnSync would starve it.
function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'wheels', ...args], { env: { ...process.env, NO_COLOR: '1', PIP_INDEX_URL: index.url, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const copy = (name: string) => {
  const dir = mkdtempSync(join(tmp, `${name}-`));
  cpSync(join(PROJECTS, name), dir, { recursive: true });
  return dir;
};

test('render app on Python 3.14: source builds, unreadable lines with file:line, exit 1, JSON per docs', async () => {
  const cache = join(tmp, 'cache-render');
  const text = await run([join(PROJECTS, 'render-app'), '--cache-dir', cache]);
  assert.equal(text.code, 1, text.stderr);
  assert.match(text.stdout, /target: CPython 3\.14 \(render\.yaml:8/);
  assert.match(text.stdout, /error sdist-fallback-needs-rust {2}requirements\.txt:3\n {2}pydantic-core 2\.27\.2 has no wheel for CPython 3\.14 on manylinux_2_35_x86_64: pip will build pydantic_core-2\.27\.2\.tar\.gz from source/);
  assert.match(text.stdout, /could not read requirements\.txt:11: 'this is not a requirement' is not a requirement/);
  assert.match(text.stdout, /could not read requirements\/base\.txt:7: unknown pip option '--frobnicate'/);
  assert.match(text.stdout, /11 packages: 6 install from wheels, 5 build from source, 0 cannot be installed, 0 not checked/);
  const json = await run([join(PROJECTS, 'render-app'), '--cache-dir', cache, '--json']);
  assert.equal(json.code, 1);
  const report = JSON.parse(json.stdout);
  assert.equal(report.schemaVersion, 1);
  assert.deepEqual(report.target.python, '3.14');
  assert.deepEqual(report.summary, { packages: 11, wheels: 6, sourceBuilds: 5, uninstallable: 0, unknown: 0 });
  const crypto = report.packages.find((p: { name: string }) => p.name === 'cryptography');
  assert.equal(crypto.status, 'wheel');
  assert.equal(crypto.file, 'cryptography-45.0.7-cp311-abi3-manylinux_2_34_x86_64.whl');
  assert.ok(!report.packages.some((p: { name: string }) => p.name === 'colorama'), 'a win32-only requirement is not checked on Linux');
  assert.deepEqual(report.problems.map((p: { file: string; line: number }) => `${p.file}:${p.line}`), ['requirements/base.txt:7', 'requirements.txt:11']);
  // The second run was answered from the cache.
  assert.equal(index.hits.get('cryptography'), 1);
});

test('--offline uses only the cache; an empty cache leaves packages unchecked (exit 2)', async () => {
  const cache = join(tmp, 'cache-offline');
  const cold = await run([join(PROJECTS, 'docker-alpine'), '--cache-dir', cache, '--offline']);
  assert.equal(cold.code, 2);
  assert.match(cold.stdout, /could not check tokenizers: tokenizers: not in the cache/);
  await run([join(PROJECTS, 'docker-alpine'), '--cache-dir', cache]);
  const hits = index.hits.get('tokenizers');
  const warm = await run([join(PROJECTS, 'docker-alpine'), '--cache-dir', cache, '--offline']);
  assert.equal(warm.code, 0, warm.stdout);
  assert.equal(index.hits.get('tokenizers'), hits, '--offline asked the index');
  assert.match(warm.stdout, /target: CPython 3\.12 \(Dockerfile:1, python:3\.12-alpine\) on musllinux_1_2_x86_64/);
  assert.match(warm.stdout, /3 packages: 3 install from wheels/);
});

test('flags override the files: an old glibc makes the abi3 wheels unusable', async () => {
  const r = await run([join(PROJECTS, 'docker-alpine'), '--no-cache', '--python', '3.12', '--platform', 'manylinux_2_12_x86_64', '--json']);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.target.platformFrom.kind, 'flag');
  assert.deepEqual(report.packages.map((p: { name: string; status: string }) => `${p.name}:${p.status}`), ['tokenizers:source-build', 'jiter:source-build', 'idna:wheel']);
});

test('an index that answers 500 or never answers: packages are reported unchecked, exit 2', async () => {
  const broken = await startIndex({ fail500: { tokenizers: Infinity }, hang: ['jiter'] });
  try {
    const r = await run([join(PROJECTS, 'docker-alpine'), '--no-cache', '--timeout', '0.5'], { PIP_INDEX_URL: broken.url });
    assert.equal(r.code, 2);
    assert.match(r.stdout, /could not check tokenizers: .*HTTP 500 \(after 3 attempts\)/);
    assert.match(r.stdout, /could not check jiter: .*no answer within 500 ms/);
  } finally {
    await broken.close();
  }
});

test('--fix shows a diff, --fix --write applies it, and a second --write changes nothing', async () => {
  const dir = copy('docker-alpine');
  // jiter 0.9.0 has wheels up to cp313; 0.10.0 has cp314 ones.
  const args = [dir, '--no-cache', '--python', '3.14'];
  const dry = await run([...args, '--fix']);
  assert.equal(dry.code, 1);
  assert.match(dry.stdout, /^-jiter==0\.9\.0\n\+jiter==0\.10\.0$/m);
  assert.equal(readFileSync(join(dir, 'requirements.txt'), 'utf8'), readFileSync(join(PROJECTS, 'docker-alpine/requirements.txt'), 'utf8'));
  // Every wheels fix changes what gets deployed (marked unsafe): --write applies it only with --unsafe, as fix does.
  const wrote = await run([...args, '--fix', '--write', '--unsafe']);
  assert.equal(wrote.code, 1);
  assert.match(wrote.stderr, /1 file changed: requirements\.txt/);
  const once = readFileSync(join(dir, 'requirements.txt'), 'utf8');
  assert.equal(once, 'tokenizers==0.21.1\njiter==0.10.0\nidna==3.10\n');
  const again = await run([...args, '--fix', '--write', '--unsafe']);
  assert.equal(again.code, 0, again.stdout);
  assert.equal(readFileSync(join(dir, 'requirements.txt'), 'utf8'), once);
  assert.match(again.stderr, /0 files changed/);
});

test('usage errors exit 2', async () => {
  assert.equal((await run(['--write'])).code, 2);
  assert.equal((await run([join(PROJECTS, 'render-app'), '--platform', 'solaris_sparc', '--no-cache'])).code, 2);
  // Refused before any lookup, offline too (it used to be accepted as a tag and the report said "on ../../etc").
  const traversal = await run([join(PROJECTS, 'render-app'), '--platform', '../../etc', '--offline', '--no-cache']);
  assert.equal(traversal.code, 2);
  assert.match(traversal.stderr, /--platform: unknown target platform/);
  assert.equal((await run([join(tmp, 'no-such-dir')])).code, 2);
});

test('--fix: a credential on a line the diff quotes around the edit is masked, and the output says the diff then needs --write (attack5)', async () => {
  const dir = copy('docker-alpine');
  const req = join(dir, 'requirements.txt');
  writeFileSync(req, readFileSync(req, 'utf8').replace(/^jiter/m, '# mirror: https://deploy:S3cretPassw0rd@pypi.example.com/simple\njiter'));
  const dry = await run([dir, '--no-cache', '--python', '3.14', '--fix']);
  assert.equal(dry.code, 1);
  assert.match(dry.stdout, /^-jiter==0\.9\.0\n\+jiter==0\.10\.0$/m);
  assert.doesNotMatch(dry.stdout, /S3cretPassw0rd/);
  assert.match(dry.stdout, /^ # mirror: https:\/\/deploy:\*\*\*@pypi\.example\.com\/simple$/m);
  assert.match(dry.stdout, /masked \(\*\*\*\), so this diff does not apply as shown: `buildmedic wheels --fix --write`/);
});
