// Pure lock-file readers (uv.lock, poetry.lock, Pipfile.lock, pylock.toml): exact versions and recorded file names,
// one package table at a time so a broken entry is reported with its line and the others are still read.

import { parse as parseToml } from 'smol-toml';
import { normalizePackageName } from '../project/python.js';
import { evaluateMarker, type MarkerEnv } from './markers.js';
import type { Dependency, DependencyProblem } from './model.js';
import { linesOf } from './text-lines.js';
import { parseShallowJson } from '../project/json-depth.js';

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export interface LockRead {
  deps: Dependency[];
  problems: DependencyProblem[];
  /** Index URLs the lock records (uv `source.registry`, pylock `index`), first seen first. */
  indexes: string[];
}

interface Block {
  line: number;
  header: string;
  text: string;
}

/** Splits TOML text at top-level `[[header]]` lines; the preamble before the first one is `header: ''`. */
function splitBlocks(text: string, header: string): Block[] {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [{ line: 1, header: '', text: '' }];
  const open = `[[${header}]]`;
  lines.forEach((l, i) => {
    if (l.trim() === open) blocks.push({ line: i + 1, header, text: '' });
    blocks[blocks.length - 1]!.text += `${l}\n`;
  });
  return blocks;
}

/** TOML line of a syntax error from smol-toml ("... at line 3, column 5" / err.line), relative to the block. */
function tomlErrorLine(error: unknown): number {
  const e = error as { line?: number; message?: string };
  if (typeof e.line === 'number') return e.line;
  const m = /line (\d+)/.exec(e.message ?? '');
  return m ? Number(m[1]) : 1;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
}

interface ReadBlock {
  line: number;
  table: Table;
  text: string;
  /** The preamble before the first package table. */
  preamble: boolean;
}

function readBlocks(file: string, text: string, header: string, problems: DependencyProblem[]): ReadBlock[] {
  const out: ReadBlock[] = [];
  for (const b of splitBlocks(text, header)) {
    try {
      const parsed = parseToml(b.text) as Table;
      const list = parsed[header];
      if (b.header && Array.isArray(list) && isTable(list[0])) out.push({ line: b.line, table: list[0], text: b.text, preamble: false });
      else if (!b.header) out.push({ line: b.line, table: parsed, text: b.text, preamble: true });
    } catch (error) {
      const rel = tomlErrorLine(error);
      problems.push({ file, line: b.line + rel - 1, message: `invalid TOML: ${firstLine((error as Error).message)}${b.header ? '; this package entry is skipped' : ''}` });
    }
  }
  return out;
}

/** Line (1-based) of `key = ` inside a block starting at `start`, or the block's first line. */
function lineOf(block: { line: number; text: string }, key: string): number {
  const i = block.text.split('\n').findIndex((l) => l.startsWith(`${key} =`) || l.startsWith(`${key}=`));
  return i < 0 ? block.line : block.line + i;
}

const rawLine = (text: string, line: number) => linesOf(text)[line - 1] ?? '';

function fileNameOf(entry: unknown): string | null {
  if (!isTable(entry)) return null;
  const name = str(entry.name) ?? str(entry.file) ?? str(entry.filename);
  if (name) return name;
  const url = str(entry.url) ?? str(entry.path);
  if (!url) return null;
  try {
    return decodeURIComponent(new URL(url, 'file:///').pathname.split('/').pop() ?? '') || null;
  } catch {
    return null;
  }
}

function dep(file: string, text: string, name: string, version: string | null, line: number, marker: string | null, files: string[] | null): Dependency {
  return {
    name,
    normalized: normalizePackageName(name),
    specifier: version ? `==${version}` : '',
    version,
    marker,
    where: { file, line, text: rawLine(text, line) },
    lockedFiles: files,
  };
}

/**
 * uv.lock: walks the dependency graph from the workspace members (editable/virtual packages), following edges whose
 * markers hold on the target, so platform-only packages (colorama on win32) are left out as uv sync would.
 * Dev groups are left out: deploys run `uv sync --no-dev`.
 */
export function readUvLock(file: string, text: string, env: MarkerEnv): LockRead {
  const problems: DependencyProblem[] = [];
  const blocks = readBlocks(file, text, 'package', problems);
  const pkgs = blocks.filter((b) => !b.preamble);
  const byName = new Map<string, typeof pkgs>();
  for (const p of pkgs) {
    const n = str(p.table.name);
    if (!n) {
      problems.push({ file, line: p.line, message: 'package entry without a name' });
      continue;
    }
    const key = normalizePackageName(n);
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const source = (p: ReadBlock) => (isTable(p.table.source) ? p.table.source : {});
  const roots = pkgs.filter((p) => 'editable' in source(p) || 'virtual' in source(p));
  const chosen = new Set<ReadBlock>();
  const seen = new Set<string>();
  // An explicit stack, not recursion: a hostile lock chaining 20,000 packages would exhaust the call stack.
  const pending: Array<[ReadBlock, string[]]> = roots.map((r) => [r, []]);
  while (pending.length) {
    const [p, extras] = pending.pop()!;
    const key = `${p.line}|${[...extras].sort().join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.add(p);
    const edges = [...(Array.isArray(p.table.dependencies) ? p.table.dependencies : [])];
    const optional = isTable(p.table['optional-dependencies']) ? p.table['optional-dependencies'] : {};
    for (const e of extras) if (Array.isArray(optional[e])) edges.push(...optional[e]);
    for (const edge of edges) {
      if (!isTable(edge) || !str(edge.name)) continue;
      const marker = str(edge.marker);
      if (marker) {
        try {
          if (!evaluateMarker(marker, env)) continue;
        } catch {
          // An unreadable marker keeps the edge: better to check one package too many.
        }
      }
      const candidates = byName.get(normalizePackageName(str(edge.name)!)) ?? [];
      const v = str(edge.version);
      const target = candidates.find((c) => !v || str(c.table.version) === v) ?? candidates[0];
      if (target) pending.push([target, Array.isArray(edge.extra) ? edge.extra.filter((x): x is string => typeof x === 'string') : []]);
    }
  }
  const selected = roots.length ? pkgs.filter((p) => chosen.has(p)) : pkgs;
  const indexes = new Set<string>();
  const deps: Dependency[] = [];
  for (const p of selected) {
    const registry = str(source(p).registry);
    if (!registry) continue;
    indexes.add(registry);
    const files = [fileNameOf(p.table.sdist), ...(Array.isArray(p.table.wheels) ? p.table.wheels.map(fileNameOf) : [])].filter((f): f is string => Boolean(f));
    deps.push(dep(file, text, str(p.table.name)!, str(p.table.version), lineOf(p, 'name'), null, files));
  }
  return { deps, problems, indexes: [...indexes] };
}

/** poetry.lock: main-group packages (deploys install without dev groups), with per-package markers (poetry 2). */
export function readPoetryLock(file: string, text: string, env: MarkerEnv): LockRead {
  const problems: DependencyProblem[] = [];
  const deps: Dependency[] = [];
  for (const b of readBlocks(file, text, 'package', problems)) {
    if (b.preamble) continue;
    const name = str(b.table.name);
    if (!name) {
      problems.push({ file, line: b.line, message: 'package entry without a name' });
      continue;
    }
    const groups = Array.isArray(b.table.groups) ? b.table.groups : null;
    const category = str(b.table.category);
    if ((groups && !groups.includes('main')) || (category && category !== 'main')) continue;
    const src = isTable(b.table.source) ? b.table.source : null;
    if (src && ['git', 'directory', 'file', 'url'].includes(str(src.type) ?? '')) continue;
    const marker = str(b.table.markers);
    if (marker) {
      try {
        if (!evaluateMarker(marker, env)) continue;
      } catch {
        // Keep the package when its marker cannot be read.
      }
    }
    const files = Array.isArray(b.table.files) ? b.table.files.map(fileNameOf).filter((f): f is string => Boolean(f)) : null;
    deps.push(dep(file, text, name, str(b.table.version), lineOf(b, 'name'), marker, files && files.length ? files : null));
  }
  return { deps, problems, indexes: [] };
}

/** pylock.toml (PEP 751): packages whose marker holds, with their recorded sdist and wheels. */
export function readPylock(file: string, text: string, env: MarkerEnv): LockRead {
  const problems: DependencyProblem[] = [];
  const deps: Dependency[] = [];
  const indexes: string[] = [];
  for (const b of readBlocks(file, text, 'packages', problems)) {
    if (b.preamble) continue;
    const name = str(b.table.name);
    if (!name) {
      problems.push({ file, line: b.line, message: 'package entry without a name' });
      continue;
    }
    if (b.table.vcs || b.table.directory || b.table.archive) continue;
    const marker = str(b.table.marker);
    if (marker) {
      try {
        if (!evaluateMarker(marker, env)) continue;
      } catch {
        // Keep it.
      }
    }
    const index = str(b.table.index);
    if (index && !indexes.includes(index)) indexes.push(index.replace(/\/$/, ''));
    const files = [fileNameOf(b.table.sdist), ...(Array.isArray(b.table.wheels) ? b.table.wheels.map(fileNameOf) : [])].filter((f): f is string => Boolean(f));
    deps.push(dep(file, text, name, str(b.table.version), lineOf(b, 'name'), marker, files.length ? files : null));
  }
  return { deps, problems, indexes };
}

/** Pipfile.lock: the `default` section (what `pipenv install --deploy` installs), versions `==x`. */
export function readPipfileLock(file: string, text: string, env: MarkerEnv): LockRead {
  let data: Table;
  try {
    data = parseShallowJson(text) as Table;
  } catch (error) {
    const msg = (error as Error).message;
    const pos = Number(/position (\d+)/.exec(msg)?.[1] ?? NaN);
    const line = Number.isNaN(pos) ? Number(/line (\d+)/.exec(msg)?.[1] ?? 1) : text.slice(0, pos).split('\n').length;
    return { deps: [], problems: [{ file, line, message: `invalid JSON: ${msg}` }], indexes: [] };
  }
  const problems: DependencyProblem[] = [];
  const deps: Dependency[] = [];
  const lines = text.split(/\r?\n/);
  const defaultStart = lines.findIndex((l) => /^\s*"default"\s*:/.test(l));
  const section = isTable(data.default) ? data.default : {};
  const meta = isTable(data._meta) ? data._meta : {};
  const indexes = (Array.isArray(meta.sources) ? meta.sources : []).map((s) => (isTable(s) ? str(s.url) : null)).filter((u): u is string => Boolean(u));
  // The first line opening each entry after "default", found in one pass (searching per name was quadratic).
  const entryLine = new Map<string, number>();
  for (let i = defaultStart + 1; i < lines.length; i++) {
    // pipenv writes each entry as `"name": {` on its own line.
    for (const m of lines[i]!.matchAll(/"([^"]*)": \{/g)) if (!entryLine.has(m[1]!)) entryLine.set(m[1]!, i);
  }
  for (const [name, entry] of Object.entries(section)) {
    const idx = entryLine.get(name) ?? -1;
    const line = idx < 0 ? 1 : idx + 1;
    if (!isTable(entry)) {
      problems.push({ file, line, message: `${name}: expected an object` });
      continue;
    }
    if (entry.git || entry.path || entry.file || entry.editable) continue;
    const v = str(entry.version);
    const m = v ? /^===?(.+)$/.exec(v) : null;
    if (v && !m) {
      problems.push({ file, line, message: `${name}: version '${v}' is not an exact pin` });
      continue;
    }
    const marker = str(entry.markers);
    if (marker) {
      try {
        if (!evaluateMarker(marker, env)) continue;
      } catch {
        // Keep it.
      }
    }
    deps.push(dep(file, text, name, m?.[1] ?? null, line, marker, null));
  }
  return { deps, problems, indexes };
}
