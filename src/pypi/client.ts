// Package index client (I/O): fetches project file lists over the PEP 691 JSON simple API, with an on-disk cache,
// bounded concurrency, timeouts, retries and an offline mode that only reads the cache.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseSimplePage, type IndexProject } from './simple-api.js';

export interface IndexOptions {
  /** The primary index (pip's --index-url), e.g. https://pypi.org/simple. */
  indexUrl: string;
  /** pip's --extra-index-url: files from every index are merged, as pip does. */
  extraIndexUrls?: string[];
  /** Cache directory, or null for no cache. */
  cacheDir: string | null;
  offline?: boolean;
  timeoutMs?: number;
  retries?: number;
  concurrency?: number;
  /** How long a cached page counts as fresh online. */
  maxAgeMs?: number;
}

export interface IndexFailure {
  name: string;
  /** not-found: the index has no such project; not-cached: --offline without a cached page; unreachable: timeouts/errors after retries. */
  kind: 'not-found' | 'not-cached' | 'unreachable' | 'invalid';
  message: string;
}

export type IndexResult = { ok: true; project: IndexProject; fromCache: boolean } | { ok: false; failure: IndexFailure };

export const DEFAULT_INDEX = 'https://pypi.org/simple';

/** $XDG_CACHE_HOME/buildmedic/pypi (or ~/.cache/...), as pip uses the user cache dir. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'buildmedic', 'pypi');
}

interface CacheEntry {
  fetchedAt: number;
  url: string;
  contentType: string;
  body: string;
}

function cachePath(dir: string, indexUrl: string, name: string): string {
  const key = createHash('sha256').update(indexUrl.replace(/\/+$/, '')).digest('hex').slice(0, 16);
  return join(dir, key, `${name}.json`);
}

async function readCache(dir: string | null, indexUrl: string, name: string): Promise<CacheEntry | null> {
  if (!dir) return null;
  try {
    return JSON.parse(await readFile(cachePath(dir, indexUrl, name), 'utf8')) as CacheEntry;
  } catch {
    return null;
  }
}

async function writeCache(dir: string | null, indexUrl: string, name: string, entry: CacheEntry): Promise<void> {
  if (!dir) return;
  const path = cachePath(dir, indexUrl, name);
  try {
    await mkdir(join(path, '..'), { recursive: true });
    // Write-then-rename so a concurrent reader never sees half a page.
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(entry));
    await rename(tmp, path);
  } catch {
    // A cache that cannot be written only costs a refetch next time.
  }
}

interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
  url: string;
}

class RetryableError extends Error {}

function get(url: string, timeoutMs: number, redirects = 5): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    const req = lib.get(
      url,
      // PEP 691 content negotiation: JSON preferred, HTML (PEP 503) accepted.
      { headers: { Accept: 'application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01', 'User-Agent': 'buildmedic' } },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location && redirects > 0) {
          res.resume();
          get(new URL(res.headers.location, url).href, timeoutMs, redirects - 1).then(resolve, reject);
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8'), url }));
        res.on('error', (e) => reject(new RetryableError(e.message)));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new RetryableError(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => reject(e instanceof RetryableError ? e : new RetryableError(e.message)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchOne(indexUrl: string, name: string, opts: IndexOptions): Promise<IndexResult> {
  const cached = await readCache(opts.cacheDir, indexUrl, name);
  const maxAge = opts.maxAgeMs ?? 60 * 60 * 1000;
  const fromEntry = (e: CacheEntry, fromCache: boolean): IndexResult => {
    try {
      return { ok: true, project: parseSimplePage(e.body, e.contentType, e.url, name), fromCache };
    } catch (error) {
      return { ok: false, failure: { name, kind: 'invalid', message: `${e.url}: ${(error as Error).message}` } };
    }
  };
  if (cached && (opts.offline || Date.now() - cached.fetchedAt < maxAge)) return fromEntry(cached, true);
  if (opts.offline) return { ok: false, failure: { name, kind: 'not-cached', message: `${name}: not in the cache (${opts.cacheDir ?? 'no cache directory'}); run once without --offline` } };
  const url = `${indexUrl.replace(/\/+$/, '')}/${name}/`;
  const retries = opts.retries ?? 2;
  let last = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(250 * 2 ** (attempt - 1));
    try {
      const answer = await get(url, opts.timeoutMs ?? 15_000);
      if (answer.status === 404) return { ok: false, failure: { name, kind: 'not-found', message: `${url}: the index has no project '${name}' (404)` } };
      if (answer.status >= 500 || answer.status === 429) {
        last = `${url}: HTTP ${answer.status}`;
        continue;
      }
      if (answer.status !== 200) return { ok: false, failure: { name, kind: 'unreachable', message: `${url}: HTTP ${answer.status}` } };
      const entry: CacheEntry = { fetchedAt: Date.now(), url: answer.url, contentType: answer.contentType, body: answer.body };
      const result = fromEntry(entry, false);
      if (result.ok) await writeCache(opts.cacheDir, indexUrl, name, entry);
      return result;
    } catch (error) {
      last = `${url}: ${(error as Error).message}`;
    }
  }
  // A stale cached page beats no answer: the index is down, not the project gone.
  if (cached) return fromEntry(cached, true);
  return { ok: false, failure: { name, kind: 'unreachable', message: `${last} (after ${retries + 1} attempts)` } };
}

/** Merges pages of the same project from several indexes (pip considers the files of every index). */
function merge(results: IndexResult[]): IndexResult {
  const good = results.filter((r): r is Extract<IndexResult, { ok: true }> => r.ok);
  if (!good.length) return results.find((r) => !r.ok && r.failure.kind !== 'not-found') ?? results[0]!;
  const seen = new Set<string>();
  const files = good.flatMap((r) => r.project.files).filter((f) => !seen.has(f.filename) && seen.add(f.filename));
  return { ok: true, project: { name: good[0]!.project.name, files }, fromCache: good.every((r) => r.fromCache) };
}

/** Fetches the file lists of `names` (PEP 503-normalised) from the configured indexes, at most `concurrency` at a time. */
export async function fetchProjects(names: readonly string[], opts: IndexOptions): Promise<Map<string, IndexResult>> {
  const indexes = [opts.indexUrl, ...(opts.extraIndexUrls ?? [])];
  const out = new Map<string, IndexResult>();
  const queue = [...new Set(names)];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      out.set(name, merge(await Promise.all(indexes.map((i) => fetchOne(i, name!, opts)))));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 8, queue.length)) }, worker));
  return out;
}
