// Hostile indexes and projects for `buildmedic wheels` and its PyPI client: credentials kept out of the cache and
// messages, requests that end at their deadline, bounded page sizes, linear parsing, and project files read with care.
// Every server binds 127.0.0.1, sends a bounded amount and is closed by the test.

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fetchProjects, publicIndexUrl } from '../src/wheels/pypi/client.ts';
import { anchors, parseSimplePage } from '../src/wheels/pypi/simple-api.ts';
import { readDependencySet } from '../src/wheels/dependencies.ts';
import { markerEnv } from '../src/wheels/markers.ts';
import { MAX_INCLUDE_DEPTH, readRequirements } from '../src/wheels/requirements.ts';
import { MAX_EXTRA_INDEXES, MAX_PROJECTS, readPythonProject, runWheelsCheck } from '../src/wheels/run.ts';
import { startIndex } from './fixtures/pypi/server.ts';
import { tempDir as makeTempDir } from './helpers/temp.ts';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = makeTempDir(prefix);
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const PAGE = JSON.stringify({ meta: { 'api-version': '1.1' }, name: 'demo', files: [{ filename: 'demo-1.0-py3-none-any.whl', url: 'demo-1.0-py3-none-any.whl', hashes: {} }] });

/** A JSON index on 127.0.0.1 that records each request's path and Authorization header; `answer` may misbehave. */
async function startServer(answer?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean) {
  const seen: { path: string; auth: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    if (answer?.(req, res)) return;
    if (req.url?.startsWith('/simple/demo/')) res.writeHead(200, { 'Content-Type': 'application/vnd.pypi.simple.v1+json' }).end(PAGE);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    seen,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name));
}

test('index credentials are sent, but never cached, used in the cache key or put in a message', async () => {
  const server = await startServer();
  const cache = tempDir('bm-hostile-cache-');
  try {
    const secretUrl = `http://alice:s3cr3t-pw@127.0.0.1:${server.port}/simple?private_token=t0k3n-xyz`;
    const first = (await fetchProjects(['demo', 'nothere'], { indexUrl: secretUrl, cacheDir: cache, retries: 0 }));
    assert.ok(first.get('demo')!.ok);
    assert.equal(server.seen[0]!.auth, `Basic ${Buffer.from('alice:s3cr3t-pw').toString('base64')}`);
    const missing = first.get('nothere')!;
    assert.ok(!missing.ok && missing.failure.kind === 'not-found');
    assert.doesNotMatch(missing.failure.message, /s3cr3t|t0k3n/);
    assert.match(missing.failure.message, /alice:\*\*\*@127\.0\.0\.1/);

    const written = filesUnder(cache);
    const pages = written.filter((f) => f.endsWith('.json'));
    assert.equal(pages.length, 1);
    for (const f of written) {
      assert.doesNotMatch(f, /s3cr3t|t0k3n|alice/);
      const mode = statSync(f).mode & 0o777;
      if (statSync(f).isDirectory()) {
        if (f !== cache) assert.equal(mode, 0o700, f);
      } else assert.equal(mode, 0o600, f);
    }
    const stored = readFileSync(pages[0]!, 'utf8');
    assert.doesNotMatch(stored, /s3cr3t|t0k3n/);
    const result = first.get('demo')!;
    assert.ok(result.ok && !/s3cr3t|t0k3n/.test(result.project.files[0]!.url));

    // Another token for the same index reads the same cache entry.
    const again = await fetchProjects(['demo'], { indexUrl: `http://bob:other@127.0.0.1:${server.port}/simple?private_token=zzz`, cacheDir: cache });
    assert.ok(again.get('demo')!.ok && (again.get('demo') as { fromCache: boolean }).fromCache);
    assert.equal(server.seen.filter((s) => s.path.startsWith('/simple/demo/')).length, 1);
  } finally {
    await server.close();
  }
});

test('a cache directory left group- and world-readable by an older version is tightened on the next write', async () => {
  const server = await startServer();
  const cache = tempDir('bm-hostile-cache-mode-');
  try {
    const indexUrl = `http://127.0.0.1:${server.port}/simple`;
    await fetchProjects(['demo'], { indexUrl, cacheDir: cache });
    const [keyDir] = readdirSync(cache);
    const page = join(cache, keyDir!, 'demo.json');
    chmodSync(join(cache, keyDir!), 0o755);
    chmodSync(page, 0o644);
    await fetchProjects(['demo'], { indexUrl, cacheDir: cache, maxAgeMs: 0 });
    assert.equal(statSync(join(cache, keyDir!)).mode & 0o777, 0o700);
    assert.equal(statSync(page).mode & 0o777, 0o600);
  } finally {
    await server.close();
  }
});

test('an index that fails or cannot be reached names itself without its credentials', async () => {
  const server = await startServer((_req, res) => {
    res.writeHead(500).end('boom');
    return true;
  });
  try {
    const res = await fetchProjects(['demo'], { indexUrl: `http://u:pa55w0rd@127.0.0.1:${server.port}/simple`, cacheDir: null, retries: 0 });
    const r = res.get('demo')!;
    assert.ok(!r.ok && /HTTP 500/.test(r.failure.message));
    assert.doesNotMatch(r.failure.message, /pa55w0rd/);
  } finally {
    await server.close();
  }
  // Nothing listens there any more: the connection error names the index, not the password.
  const down = (await fetchProjects(['demo'], { indexUrl: `http://u:pa55w0rd@127.0.0.1:${server.port}/simple`, cacheDir: null, retries: 0, timeoutMs: 2000 })).get('demo')!;
  assert.ok(!down.ok && down.failure.kind === 'unreachable');
  assert.doesNotMatch(down.failure.message, /pa55w0rd/);
  assert.equal(publicIndexUrl('https://__token__:pypi-AgEIcHlwaS5vcmc@example.org/simple/?api_key=k3y&x=1'), 'https://__token__:***@example.org/simple/?api_key=***&x=1');
  assert.equal(publicIndexUrl('https://glpat-s3cr3tT0k3n@gitlab.example/api/v4/packages/pypi/simple'), 'https://***@gitlab.example/api/v4/packages/pypi/simple');
});

/**
 * A raw HTTP server that drips one byte per `everyMs`, in the headers or in the body, up to `limit` bytes. It
 * records how many bytes it sent before the client hung up.
 */
async function startDripServer(where: 'headers' | 'body', everyMs: number, limit: number) {
  const log = { sent: 0, clientClosed: false };
  let closed!: () => void;
  const done = new Promise<void>((r) => (closed = r));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => {
      socket.write(where === 'headers' ? 'HTTP/1.1 200 OK\r\nX-Slow: ' : `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${limit}\r\n\r\n`);
      const timer = setInterval(() => {
        if (log.sent >= limit || socket.destroyed) {
          clearInterval(timer);
          socket.end();
          return;
        }
        socket.write(where === 'headers' ? 'a' : ' ');
        log.sent++;
      }, everyMs);
      socket.on('close', () => {
        clearInterval(timer);
        if (log.sent < limit) log.clientClosed = true;
        closed();
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/simple`,
    log,
    /** Settles when the connection is gone: after the client hung up, or after the last byte. */
    done,
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

for (const where of ['headers', 'body'] as const) {
  test(`an index that drips its ${where} a byte at a time is cut off at the deadline`, async () => {
    // 400 bytes at 25 ms take 10 s; an idle timeout (reset by every byte) would wait for all of them.
    const server = await startDripServer(where, 25, 400);
    try {
      const r = (await fetchProjects(['demo'], { indexUrl: server.url, cacheDir: null, timeoutMs: 300, retries: 0 })).get('demo')!;
      assert.ok(!r.ok, 'the request ended in failure');
      assert.equal(r.failure.kind, 'unreachable');
      assert.match(r.failure.message, /no answer within 300 ms/);
      await server.done;
      assert.ok(server.log.clientClosed, 'the client hung up before the server finished');
      assert.ok(server.log.sent < 200, `the client hung up after ${server.log.sent} bytes (~12 expected)`);
    } finally {
      await server.close();
    }
  });
}

test('a page larger than the limit is refused while it streams, whether or not it declares its length', async () => {
  const MiB = 1024 * 1024;
  let streamedBytes = 0;
  let streamClosedEarly = false;
  let streamClosed!: () => void;
  const streamDone = new Promise<void>((r) => (streamClosed = r));
  const server = await startServer((req, res) => {
    if (req.url === '/simple/declared/') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(8 * MiB) });
      res.write('{"files": [');
      return true; // never finishes: the client must refuse on the header alone
    }
    if (req.url !== '/simple/chunked/') return false;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (streamedBytes < 16 * MiB && !res.destroyed) {
        streamedBytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end('{"files": []}');
    };
    res.on('close', () => {
      if (streamedBytes < 16 * MiB) streamClosedEarly = true;
      streamClosed();
    });
    pump();
    return true;
  });
  try {
    const res = await fetchProjects(['declared', 'chunked'], { indexUrl: `http://127.0.0.1:${server.port}/simple`, cacheDir: null, retries: 2, maxPageBytes: MiB, timeoutMs: 10_000 });
    for (const name of ['declared', 'chunked']) {
      const r = res.get(name)!;
      assert.ok(!r.ok && r.failure.kind === 'invalid', name);
      assert.match(r.failure.message, /larger than 1048576 bytes/);
    }
    await streamDone;
    assert.ok(streamClosedEarly, `the client read ${streamedBytes} bytes of a 16 MiB page`);
    // Too large is an answer, not a hiccup: not retried.
    assert.equal(server.seen.filter((s) => s.path === '/simple/chunked/').length, 1);
  } finally {
    await server.close();
  }
});

test('a project name from a lock file that is not a PEP 503 name is neither requested nor cached', async () => {
  const server = await startServer();
  const cache = tempDir('bm-hostile-name-');
  try {
    const res = await fetchProjects(['-/-/etc/passwd', 'demo?x=1'], { indexUrl: `http://127.0.0.1:${server.port}/simple`, cacheDir: cache });
    for (const r of res.values()) assert.ok(!r.ok && r.failure.kind === 'invalid' && /not a valid project name/.test(r.failure.message));
    assert.equal(server.seen.length, 0);
    assert.deepEqual(readdirSync(cache), []);
  } finally {
    await server.close();
  }
});

// The expression the HTML fallback used before: the oracle for small pages, quadratic on large hostile ones.
const OLD_ANCHOR = /<a\s([^>]*)>([^<]*)<\/a>/gi;

test('the HTML anchor scanner finds exactly what the old expression found', () => {
  const pieces = ['<a ', '<A\t', '<a', 'href="x"', '>', '<', '</a>', '</A>', 'f.whl', ' ', 'a', '<b>', '"'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let round = 0; round < 3000; round++) {
    let page = '';
    for (let i = next() % 14; i > 0; i--) page += pieces[next() % pieces.length];
    const expected = [...page.matchAll(OLD_ANCHOR)].map((m) => ({ attrs: m[1]!, text: m[2]! }));
    assert.deepEqual([...anchors(page)], expected, JSON.stringify(page));
  }
});

/** A project directory from path → content; a number is a sparse file of that many bytes (no disk used). */
function project(layout: Record<string, string | number>): string {
  const root = tempDir('bm-hostile-project-');
  for (const [path, content] of Object.entries(layout)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    if (typeof content === 'number') {
      writeFileSync(full, '');
      truncateSync(full, content);
    } else writeFileSync(full, content);
  }
  return root;
}

const OFFLINE = { offline: true, cacheDir: null, python: '3.12', platform: 'manylinux_2_28_x86_64' } as const;

test('only files that can be dependency files are read: a large data.txt in a subdirectory is never opened', async () => {
  const root = project({ 'requirements.txt': 'numpy==2.1.0\n', 'data/measurements.txt': 10 * 1024 * 1024, 'docs/notes.txt': 'not requirements\n' });
  const { files, unread } = await readPythonProject(root);
  assert.deepEqual([...files.keys()], ['requirements.txt']);
  assert.deepEqual([...unread.keys()], []);
});

test('a dependency file over the size limit is reported as not read, not replaced by another or silently dropped', async () => {
  const root = project({ 'requirements.txt': 20 * 1024 * 1024, 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["idna"]\n' });
  const report = await runWheelsCheck(root, OFFLINE);
  assert.equal(report.dependencies.source, 'requirements.txt');
  assert.deepEqual(report.problems, [{ file: 'requirements.txt', line: 0, message: 'requirements.txt: 20971520 bytes, over the 16 MiB limit for a project file; not read' }]);
  // A large file the check does not use is only a note.
  const other = project({ 'requirements.txt': 'idna==3.10\n', 'requirements-data.txt': 20 * 1024 * 1024 });
  const r = await runWheelsCheck(other, OFFLINE);
  assert.deepEqual(r.problems, []);
  assert.ok(r.target.warnings.some((w) => /^requirements-data\.txt: 20971520 bytes, over the 16 MiB limit/.test(w)), r.target.warnings.join('\n'));
});

test('includes are read when inside the project; outside it, through a link or as a URL they are refused, and a FIFO does not block', async () => {
  const outside = tempDir('bm-hostile-outside-');
  writeFileSync(join(outside, 'secret.txt'), 'leaked-package==1.0\n');
  const root = project({
    'requirements.txt': ['-r requirements/base.txt', '-r ../secret.txt', `-r ${join(outside, 'secret.txt')}`, '-r requirements/link.txt', '-c https://example.org/constraints.txt', '-r requirements/pipe.txt', ''].join('\n'),
    // Not requirements-named: read only because requirements.txt includes it.
    'requirements/base.txt': 'idna==3.10\n-r ../shared/more.in\n',
    'shared/more.in': 'six==1.16.0\n',
  });
  symlinkSync(join(outside, 'secret.txt'), join(root, 'requirements/link.txt'));
  execFileSync('mkfifo', [join(root, 'requirements/pipe.txt')]);
  const report = await runWheelsCheck(root, OFFLINE);
  assert.deepEqual(report.dependencies.deps.map((d) => d.normalized).sort(), ['idna', 'six']);
  const messages = report.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
  assert.deepEqual(messages, [
    "requirements.txt:2: -r '../secret.txt': outside the project; not read",
    `requirements.txt:3: -r '${join(outside, 'secret.txt')}': an absolute path, outside the project; not read`,
    'requirements.txt:4: requirements/link.txt: a link to a file outside the project; not read (included here)',
    "requirements.txt:5: -c 'https://example.org/constraints.txt': a URL; not fetched",
    'requirements.txt:6: requirements/pipe.txt: a FIFO; not read (included here)',
  ]);
  assert.ok(!JSON.stringify(report).includes('leaked-package'));
});

test('an include chain deeper than the limit stops with a problem instead of exhausting the stack', () => {
  const files = new Map<string, string>();
  for (let i = 0; i < 20_000; i++) files.set(`r${i}.txt`, `-r r${i + 1}.txt\npkg${i}==1\n`);
  const r = readRequirements(files, 'r0.txt');
  assert.equal(r.deps.length, MAX_INCLUDE_DEPTH + 1);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0]!.message, /includes nest more than 64 files deep; not followed/);
  // A cycle is read once.
  const cycle = readRequirements(new Map([['a.txt', '-r b.txt\nx==1\n'], ['b.txt', '-r a.txt\ny==1\n']]), 'a.txt');
  assert.deepEqual(cycle.deps.map((d) => d.name), ['y', 'x']);
  assert.deepEqual(cycle.problems, []);
});



test('--fix with --file reads the named file, though nothing else names it', async () => {
  const index = await startIndex();
  const root = tempDir('bm-hostile-fixfile-');
  cpSync(new URL('./fixtures/wheels/projects/docker-alpine/', import.meta.url).pathname, root, { recursive: true });
  mkdirSync(join(root, 'deploy'));
  cpSync(join(root, 'requirements.txt'), join(root, 'deploy/prod.txt'));
  rmSync(join(root, 'requirements.txt'));
  try {
    // Async spawn: the index runs in this process.
    const bin = new URL('../dist/bin/main.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'wheels', root, '--no-cache', '--python', '3.14', '--file', 'deploy/prod.txt', '--fix'], { env: { ...process.env, NO_COLOR: '1', PIP_INDEX_URL: index.url } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^\+\+\+ b\/deploy\/prod\.txt$/m);
    assert.match(stdout, /^-jiter==0\.9\.0\n\+jiter==0\.10\.0$/m);
  } finally {
    await index.close();
  }
});

test('lock files of 20k packages are read in linear time; a uv.lock chain that deep does not exhaust the stack', { timeout: 60_000 }, () => {
  const env = markerEnv({ python: [3, 12], platform: 'manylinux_2_28_x86_64' });
  const N = 20_000;
  const uv = `version = 1\n[[package]]\nname = "app"\nversion = "0.1"\nsource = { editable = "." }\ndependencies = [{ name = "p0" }]\n${Array.from({ length: N }, (_, i) => `[[package]]\nname = "p${i}"\nversion = "1.0"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [{ name = "p${i + 1}" }]\n`).join('\n')}`;
  const pipfile = JSON.stringify({ _meta: {}, default: Object.fromEntries(Array.from({ length: N }, (_, i) => [`p${i}`, { version: '==1.0' }])) }, null, 4);
  const poetry = Array.from({ length: N }, (_, i) => `[[package]]\nname = "p${i}"\nversion = "1.0"\ngroups = ["main"]\n`).join('\n');
  for (const [file, text] of [['uv.lock', uv], ['Pipfile.lock', pipfile], ['poetry.lock', poetry]] as const) {
    const set = readDependencySet(new Map([[file, text]]), file, env);
    assert.equal(set.deps.length, N, file);
    assert.deepEqual(set.problems, [], file);
    const last = set.deps.find((d) => d.name === `p${N - 1}`)!;
    assert.match(last.where.text, new RegExp(`p${N - 1}`), file);
  }
});

test('a requirements file cannot turn the check into a flood of index requests', async () => {
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${server.port}/simple`;
    const extras = Array.from({ length: 40 }, (_, i) => `--extra-index-url ${base}?mirror=${i}`);
    const root = project({ 'requirements.txt': `${extras.join('\n')}\n--extra-index-url ${base}?mirror=0\ndemo==1.0\n` });
    const report = await runWheelsCheck(root, { cacheDir: null, python: '3.12', platform: 'manylinux_2_28_x86_64', env: { PIP_INDEX_URL: base } });
    assert.equal(server.seen.length, 1 + MAX_EXTRA_INDEXES);
    assert.ok(report.target.warnings.includes(`40 extra index URLs: only the first ${MAX_EXTRA_INDEXES} were asked`), report.target.warnings.join('\n'));
  } finally {
    await server.close();
  }
  const many = project({ 'requirements.txt': Array.from({ length: MAX_PROJECTS + 3 }, (_, i) => `p${i}==1.0`).join('\n') });
  const report = await runWheelsCheck(many, OFFLINE);
  const skipped = report.verdicts.filter((v) => v.status === 'unknown' && /not looked up: more than 5000 projects/.test(v.reason));
  assert.deepEqual(skipped.map((v) => v.dep.name), ['p5000', 'p5001', 'p5002']);
  assert.ok(report.target.warnings.includes(`${MAX_PROJECTS + 3} projects to look up: only the first ${MAX_PROJECTS} were asked; the rest are not checked`));
});

// Quadratic before, linear now: each runs in a child killed after 60 s (it takes well under a second).
const WORKLOADS = new URL('./fixtures/hostile/linear-workloads.ts', import.meta.url).pathname;
for (const [name, what] of [
  ['htmlUnclosedAnchors', 'an HTML page of 200k unclosed `<a x`'],
  ['requirementOfBlanks', 'a requirements line of 400k blanks (quoted short in its problem)'],
  ['continuations', '200k backslash continuations of one requirement'],
  ['pyprojectDependencies', 'a pyproject.toml with 50k dependencies, each located on its line'],
  ['versionBumps', 'version-bump plans for 50k requirements of one file'],
] as const) {
  test(`${what} is read in linear time`, () => {
    const script = `import { WORKLOADS } from ${JSON.stringify(WORKLOADS)}; WORKLOADS[${JSON.stringify(name)}]();`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.signal, null, `${name} was still running after 60 s`);
    assert.equal(r.status, 0, r.stderr);
  });
}

test('an index page or Pipfile.lock nested millions of levels deep is refused before JSON.parse builds it', async () => {
  const { readPipfileLock } = await import('../src/wheels/locks.ts');
  const deep = `{"meta":{"api-version":"1.0"},"files":${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}}`;
  assert.throws(() => parseSimplePage(deep, 'application/vnd.pypi.simple.v1+json', 'https://pypi.org/simple/deep/', 'deep'), /nested deeper than 64 levels/);
  const read = readPipfileLock('Pipfile.lock', `{"default":${deep}}`, markerEnv({ python: [3, 12], platform: 'manylinux_2_28_x86_64' }));
  assert.match(read.problems[0]?.message ?? '', /nested deeper than 64 levels/);
  // A page that is JSON but not an object is a page without files, said as such (not a TypeError's words).
  for (const odd of ['null', '5', '"files"', '[]']) assert.throws(() => parseSimplePage(odd, 'application/vnd.pypi.simple.v1+json', 'https://pypi.org/simple/x/', 'x'), /a PEP 691 page without a "files" list/);
  // Brackets inside strings do not count; an ordinary page still parses.
  const page = parseSimplePage(`{"name":"x","files":[{"filename":"x-1.0-py3-none-any.whl","url":"${'['.repeat(100)}"}]}`, 'application/json', 'https://pypi.org/simple/x/', 'x');
  assert.equal(page.files.length, 1);
});
