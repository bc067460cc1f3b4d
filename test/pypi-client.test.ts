// The index client over real HTTP against a local PEP 691 server: file lists, HTML fallback, yanked files,
// 404, 500 with retries, timeouts, cache and --offline.

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fetchProjects, type IndexResult } from '../src/wheels/pypi/client.ts';
import { startIndex } from './fixtures/pypi/server.ts';
import { tempDir } from './helpers/temp.ts';

const dirs: string[] = [];
const cacheDir = () => {
  const d = tempDir('bm-pypi-');
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const files = (r: IndexResult | undefined) => (r && r.ok ? r.project.files.map((f) => f.filename) : []);

test('fetches real file lists of several projects concurrently', async () => {
  const server = await startIndex();
  try {
    const res = await fetchProjects(['cryptography', 'pydantic-core', 'bcrypt', 'evdev', 'idna'], { indexUrl: server.url, cacheDir: null });
    assert.ok(files(res.get('cryptography')).includes('cryptography-45.0.7-cp311-abi3-manylinux_2_28_x86_64.whl'));
    assert.ok(files(res.get('pydantic-core')).includes('pydantic_core-2.27.2.tar.gz'));
    assert.deepEqual(files(res.get('evdev')).filter((f) => f.endsWith('.whl')), []);
    assert.ok(files(res.get('idna')).includes('idna-3.10-py3-none-any.whl'));
  } finally {
    await server.close();
  }
});

test('the HTML (PEP 503) form of a page gives the same files, with yanked and requires-python', async () => {
  const edit = (_: string, page: { files: Record<string, unknown>[] }) => {
    page.files[0]!.yanked = 'broken <build>';
    page.files[0]!['requires-python'] = '>=3.9';
  };
  const server = await startIndex({ html: ['bcrypt'], edit });
  const json = await startIndex({ edit });
  try {
    const [h, j] = await Promise.all([
      fetchProjects(['bcrypt'], { indexUrl: server.url, cacheDir: null }),
      fetchProjects(['bcrypt'], { indexUrl: json.url, cacheDir: null }),
    ]);
    const hp = h.get('bcrypt')!;
    const jp = j.get('bcrypt')!;
    assert.ok(hp.ok && jp.ok);
    assert.deepEqual(hp.project.files, jp.project.files);
    assert.equal(hp.project.files[0]!.yanked, 'broken <build>');
    assert.equal(hp.project.files[0]!.requiresPython, '>=3.9');
  } finally {
    await Promise.all([server.close(), json.close()]);
  }
});

test('a project the index does not have is not-found, without retries', async () => {
  const server = await startIndex();
  try {
    const r = (await fetchProjects(['no-such-project'], { indexUrl: server.url, cacheDir: null, retries: 3 })).get('no-such-project')!;
    assert.ok(!r.ok && r.failure.kind === 'not-found');
    assert.equal(server.hits.get('no-such-project'), 1);
  } finally {
    await server.close();
  }
});

test('HTTP 500 is retried; a server that keeps failing is reported unreachable', async () => {
  const server = await startIndex({ fail500: { jiter: 1, numpy: Infinity } });
  try {
    const res = await fetchProjects(['jiter', 'numpy'], { indexUrl: server.url, cacheDir: null, retries: 2 });
    assert.ok(res.get('jiter')!.ok);
    assert.equal(server.hits.get('jiter'), 2);
    const n = res.get('numpy')!;
    assert.ok(!n.ok && n.failure.kind === 'unreachable' && /HTTP 500/.test(n.failure.message));
    assert.equal(server.hits.get('numpy'), 3);
  } finally {
    await server.close();
  }
});

test('a server that never answers times out, and other projects are still fetched', async () => {
  const server = await startIndex({ hang: ['tokenizers'] });
  try {
    const res = await fetchProjects(['tokenizers', 'rpds-py'], { indexUrl: server.url, cacheDir: null, timeoutMs: 300, retries: 1 });
    const t = res.get('tokenizers')!;
    assert.ok(!t.ok && t.failure.kind === 'unreachable' && /no answer within 300 ms/.test(t.failure.message));
    assert.ok(res.get('rpds-py')!.ok);
  } finally {
    await server.close();
  }
});

test('pages are cached on disk; --offline reads only the cache; a stale cache covers a failing index', async () => {
  const dir = cacheDir();
  const server = await startIndex();
  try {
    await fetchProjects(['argon2-cffi-bindings'], { indexUrl: server.url, cacheDir: dir });
    await fetchProjects(['argon2-cffi-bindings'], { indexUrl: server.url, cacheDir: dir });
    assert.equal(server.hits.get('argon2-cffi-bindings'), 1);
  } finally {
    await server.close();
  }
  const offline = await fetchProjects(['argon2-cffi-bindings', 'cffi'], { indexUrl: server.url, cacheDir: dir, offline: true });
  const a = offline.get('argon2-cffi-bindings')!;
  assert.ok(a.ok && a.fromCache && files(a).some((f) => f.includes('cp39-abi3') || f.includes('abi3')));
  const c = offline.get('cffi')!;
  assert.ok(!c.ok && c.failure.kind === 'not-cached');
  // The server is closed now: an expired cache entry is still used rather than failing.
  const stale = await fetchProjects(['argon2-cffi-bindings'], { indexUrl: server.url, cacheDir: dir, maxAgeMs: 0, retries: 0, timeoutMs: 500 });
  assert.ok(stale.get('argon2-cffi-bindings')!.ok);
});

test('files from an extra index are merged with the primary index', async () => {
  const primary = await startIndex({ edit: (_, p) => p.files.splice(1) });
  const extra = await startIndex();
  try {
    const r = (await fetchProjects(['six'], { indexUrl: primary.url, extraIndexUrls: [extra.url], cacheDir: null })).get('six')!;
    assert.ok(r.ok);
    assert.ok(files(r).length >= 2);
  } finally {
    await Promise.all([primary.close(), extra.close()]);
  }
});
