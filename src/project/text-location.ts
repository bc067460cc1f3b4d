// Turns offsets into the 1-based line locations findings show; pure.

import type { FileLocation } from './files.js';

/** Offsets of the '\n's of the texts asked about last: a scan locates many offsets in the same few files. */
const newlineIndex = new Map<string, Uint32Array>();
const INDEXED_TEXTS = 8;

function newlinesOf(text: string): Uint32Array {
  let index = newlineIndex.get(text);
  if (index) return index;
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  index = new Uint32Array(count);
  for (let i = text.indexOf('\n'), k = 0; i >= 0; i = text.indexOf('\n', i + 1)) index[k++] = i;
  if (newlineIndex.size >= INDEXED_TEXTS) newlineIndex.delete(newlineIndex.keys().next().value as string);
  newlineIndex.set(text, index);
  return index;
}

/**
 * The 1-based line of `offset`. A binary search in the text's newline offsets: counting them from the start for
 * every finding made a scan quadratic in the file's size.
 */
export function lineAt(text: string, offset: number): number {
  const newlines = newlinesOf(text);
  let lo = 0;
  let hi = newlines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newlines[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Evidence quotes at most this much of a line: a minified or generated line can be megabytes long. */
const MAX_QUOTED_CHARS = 1000;

export function locate(file: string, text: string, offset: number): FileLocation {
  const line = lineAt(text, offset);
  const newlines = newlinesOf(text);
  const start = line > 1 ? newlines[line - 2] + 1 : 0;
  const end = line <= newlines.length ? newlines[line - 1] : text.length;
  return { file, line, text: text.slice(start, Math.min(end, start + MAX_QUOTED_CHARS)).replace(/\r$/, '').trim() };
}

/** Directory part of a relative path ('' at the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function joinRel(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** `a/./b/../c` as `a/c`, relative to the project root; null when the path leaves the project. */
export function normaliseRel(path: string): string | null {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}
