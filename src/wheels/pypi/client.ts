// Package index client (I/O): fetches project file lists over the PEP 691 JSON simple API, with an on-disk cache,
// bounded concurrency, an overall deadline and a size cap per request, retries and an offline mode that only reads
// the cache. Index URLs may carry credentials: they are sent, but never cached, named in a cache key or put in a message.

import { createHash, randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, open as openFile, rename, unlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { homedir } from 'node:os';
import { constants as fsConstants } from 'node:fs';
import { join } from 'node:path';
import { parseSimplePage, type IndexProject } from './simple-api.js';
import { parseShallowJson } from '../../project/json-depth.js';

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
  /** A page larger than this is refused (default MAX_PAGE_BYTES). */
  maxPageBytes?: number;
}

export interface IndexFailure {
  name: string;
  /** not-found: the index has no such project; not-cached: --offline without a cached page; unreachable: timeouts/errors after retries. */
  kind: 'not-found' | 'not-cached' | 'unreachable' | 'invalid';
  message: string;
}

export type IndexResult = { ok: true; project: IndexProject; fromCache: boolean } | { ok: false; failure: IndexFailure };

export const DEFAULT_INDEX = 'https://pypi.org/simple';

/** The largest project page accepted: the biggest real PyPI pages are a few MiB, and a page is parsed whole. */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

// Query parameters that carry a secret (Artifactory, Nexus, GitLab and signed-URL styles): never cached or shown.
const SECRET_PARAM = /token|key|secret|pass|auth|sig|credential/i;

/**
 * The index URL without its credentials: no userinfo, and no query parameter whose name says it is a secret.
 * Used in every message; the request itself still carries the credentials (stripCredentials is what is stored).
 */
export function publicIndexUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '(an index URL that is not a valid URL)';
  }
  // As the report redaction shows them: `user:***@` (the user name of a user:password pair is no secret), and `***@`
  // for a lone user part, which is how tokens are given (git and GitLab print https://glpat-...@host).
  const shownUser = u.password ? `${decodeURIComponent(u.username)}:***@` : u.username ? '***@' : '';
  u.username = '';
  u.password = '';
  for (const name of [...u.searchParams.keys()]) if (SECRET_PARAM.test(name)) u.searchParams.set(name, '***');
  return shownUser ? u.href.replace('://', `://${shownUser}`) : u.href;
}

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

/** The per-index cache directory: keyed by the index URL without credentials, so two tokens share one cache. */
function cacheDirOf(dir: string, indexUrl: string): string {
  const key = createHash('sha256').update(stripCredentials(indexUrl).replace(/\/+$/, '')).digest('hex').slice(0, 16);
  return join(dir, key);
}

async function readCache(dir: string | null, indexUrl: string, name: string, maxBytes: number): Promise<CacheEntry | null> {
  if (!dir) return null;
  try {
    // O_NONBLOCK and fstat: a FIFO or device planted in the cache must not block or be read.
    const handle = await openFile(join(cacheDirOf(dir, indexUrl), `${name}.json`), fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | fsConstants.O_NOFOLLOW);
    try {
      const st = await handle.stat();
      if (!st.isFile() || st.size > maxBytes * 2 + 4096) return null;
      const entry = parseShallowJson(await handle.readFile('utf8'), 8) as Partial<CacheEntry> | null;
      // Anyone who can write the cache can write any JSON: an entry of another shape is a cache miss.
      const valid = entry !== null && typeof entry === 'object' && typeof entry.fetchedAt === 'number' && typeof entry.url === 'string' && typeof entry.contentType === 'string' && typeof entry.body === 'string';
      return valid ? (entry as CacheEntry) : null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

async function writeCache(dir: string | null, indexUrl: string, name: string, entry: CacheEntry): Promise<void> {
  if (!dir) return;
  const keyDir = cacheDirOf(dir, indexUrl);
  const path = join(keyDir, `${name}.json`);
  try {
    // Index pages can reveal a private index's contents: owner-only, like pip's cache. The key directory is ours
    // alone (a hash name), so an existing one is tightened too; the parent may be a shared directory and is not.
    await mkdir(keyDir, { recursive: true, mode: 0o700 });
    const st = await lstat(keyDir);
    if (!st.isDirectory()) return;
    if ((st.mode & 0o077) !== 0 && st.uid === process.getuid?.()) await chmod(keyDir, 0o700);
    // Write-then-rename so a concurrent reader never sees half a page; O_EXCL ('wx') on a random name so a link
    // planted in a shared cache directory is never followed.
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify(entry), { mode: 0o600, flag: 'wx' });
      await rename(tmp, path);
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
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

/** Not worth retrying: the index answered, with something we refuse to hold. */
class PageTooLargeError extends Error {}

/**
 * One GET with redirects. `signal` is the request's overall deadline: it covers connecting, the headers and the whole
 * body, so an index that drips a byte at a time cannot keep it alive (an idle timeout alone would be reset by each byte).
 */
function get(url: string, signal: AbortSignal, maxBytes: number, redirects = 5): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    // Set before the request is destroyed, so whichever stream reports first, the reason given is ours.
    let refused: Error | null = null;
    const refuse = (e: Error) => {
      refused = e;
      req.destroy(e);
    };
    const fail = (e: Error) => reject(refused ?? classify(e, signal));
    const req = lib.get(
      url,
      // PEP 691 content negotiation: JSON preferred, HTML (PEP 503) accepted.
      { signal, headers: { Accept: 'application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01', 'User-Agent': 'buildmedic' } },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location && redirects > 0) {
          res.resume();
          let next: string;
          try {
            next = new URL(res.headers.location, url).href;
          } catch {
            reject(new RetryableError('a redirect to an invalid URL'));
            return;
          }
          get(next, signal, maxBytes, redirects - 1).then(resolve, reject);
          return;
        }
        const tooLarge = () => new PageTooLargeError(`the page is larger than ${maxBytes} bytes; refusing to read it`);
        if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
          refuse(tooLarge());
          return;
        }
        const chunks: Buffer[] = [];
        let received = 0;
        res.on('data', (c: Buffer) => {
          received += c.length;
          if (received > maxBytes) refuse(tooLarge());
          else chunks.push(c);
        });
        res.on('end', () => resolve({ status, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8'), url }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
  });
}

/** A network error as a retryable one; Node's own messages name no URL, so none carries credentials. */
function classify(error: Error, signal: AbortSignal): Error {
  if (error instanceof RetryableError) return error;
  if (signal.aborted) return new RetryableError('the deadline passed');
  return new RetryableError(error.message);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A PEP 503-normalised name: anything else (a lock naming '../x' or 'a?b') must not become a URL path or a cache file.
const PROJECT_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

async function fetchOne(indexUrl: string, name: string, opts: IndexOptions): Promise<IndexResult> {
  const maxBytes = opts.maxPageBytes ?? MAX_PAGE_BYTES;
  if (!PROJECT_NAME.test(name)) return { ok: false, failure: { name, kind: 'invalid', message: `${JSON.stringify(name)} is not a valid project name; not looked up` } };
  const cached = await readCache(opts.cacheDir, indexUrl, name, maxBytes);
  const maxAge = opts.maxAgeMs ?? 60 * 60 * 1000;
  const fromEntry = (e: CacheEntry, fromCache: boolean): IndexResult => {
    try {
      return { ok: true, project: parseSimplePage(e.body, e.contentType, e.url, name), fromCache };
    } catch (error) {
      return { ok: false, failure: { name, kind: 'invalid', message: `${publicIndexUrl(e.url)}: ${(error as Error).message}` } };
    }
  };
  if (cached && (opts.offline || Date.now() - cached.fetchedAt < maxAge)) return fromEntry(cached, true);
  if (opts.offline) return { ok: false, failure: { name, kind: 'not-cached', message: `${name}: not in the cache (${opts.cacheDir ?? 'no cache directory'}); run once without --offline` } };
  const url = projectUrl(indexUrl, name);
  const where = publicIndexUrl(url);
  const retries = opts.retries ?? 2;
  // Node's timers take at most 2^31-1 ms; a longer one would fire at once.
  const timeoutMs = Math.min(opts.timeoutMs ?? 15_000, 2 ** 31 - 1);
  let last = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(250 * 2 ** (attempt - 1));
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      const answer = await get(url, deadline, maxBytes);
      if (answer.status === 404) return { ok: false, failure: { name, kind: 'not-found', message: `${where}: the index has no project '${name}' (404)` } };
      if (answer.status >= 500 || answer.status === 429) {
        last = `${where}: HTTP ${answer.status}`;
        continue;
      }
      if (answer.status !== 200) return { ok: false, failure: { name, kind: 'unreachable', message: `${where}: HTTP ${answer.status}` } };
      // The page is cached under, and resolves its links against, the URL without credentials.
      const entry: CacheEntry = { fetchedAt: Date.now(), url: stripCredentials(answer.url), contentType: answer.contentType, body: answer.body };
      const result = fromEntry(entry, false);
      if (result.ok) await writeCache(opts.cacheDir, indexUrl, name, entry);
      return result;
    } catch (error) {
      if (error instanceof PageTooLargeError) return { ok: false, failure: { name, kind: 'invalid', message: `${where}: ${error.message}` } };
      last = `${where}: ${deadline.aborted ? `no answer within ${timeoutMs} ms` : (error as Error).message}`;
    }
  }
  // A stale cached page beats no answer: the index is down, not the project gone.
  if (cached) return fromEntry(cached, true);
  return { ok: false, failure: { name, kind: 'unreachable', message: `${last} (after ${retries + 1} attempts)` } };
}

/** The project page under an index URL (PEP 503: `<index>/<name>/`), keeping the index's query; the URL as given when it is not one. */
function projectUrl(indexUrl: string, name: string): string {
  try {
    const u = new URL(indexUrl);
    u.pathname = `${u.pathname.replace(/\/+$/, '')}/${name}/`;
    return u.href;
  } catch {
    return `${indexUrl.replace(/\/+$/, '')}/${name}/`;
  }
}

/** `url` without userinfo or secret query parameters: the cache key and the cached page's URL. */
function stripCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    for (const name of [...u.searchParams.keys()]) if (SECRET_PARAM.test(name)) u.searchParams.delete(name);
    return u.href;
  } catch {
    return '';
  }
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
