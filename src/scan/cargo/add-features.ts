// Plans the Cargo.toml edit that enables features of one dependency, in whatever form the dependency is written; pure.

import type { TextEdit } from '../model.js';
import { arrayElements, inlineTableEntries, tomlSpans } from './toml-spans.js';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function lineIndent(text: string, offset: number): string {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(ls))?.[0] ?? '';
}

/** Extends the array value [start, end) with `features` it lacks, keeping its layout (one line or one element per line). */
function extendArray(text: string, file: string, start: number, end: number, features: readonly string[]): TextEdit[] {
  const elements = arrayElements(text, start, end);
  const missing = features.filter((f) => !elements.some((e) => e.value === f));
  if (missing.length === 0) return [];
  if (elements.length === 0) return [{ file, start, end, text: `[${missing.map((f) => `"${f}"`).join(', ')}]` }];
  const last = elements[elements.length - 1];
  const q = text[last.start];
  const body = text.slice(start, end);
  const lineEnd = text.indexOf('\n', last.end);
  // One element per line (the closing bracket on a later line): new elements go on their own lines after the last
  // one's comma and comment, so a comment stays with the element it was written for.
  if (body.includes('\n') && lineEnd >= 0 && lineEnd < end) {
    const eol = body.includes('\r\n') ? '\r\n' : '\n';
    const indent = lineIndent(text, last.start);
    let j = last.end;
    while (text[j] === ' ' || text[j] === '\t') j++;
    const trailingComma = text[j] === ',';
    const at = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const added = missing.map((f, i) => `${eol}${indent}${q}${f}${q}${trailingComma || i < missing.length - 1 ? ',' : ''}`).join('');
    return trailingComma ? [{ file, start: at, end: at, text: added }] : [{ file, start: last.end, end: last.end, text: ',' }, { file, start: at, end: at, text: added }];
  }
  return [{ file, start: last.end, end: last.end, text: missing.map((f) => `, ${q}${f}${q}`).join('') }];
}

const list = (features: readonly string[]) => `[${features.map((f) => `"${f}"`).join(', ')}]`;

/**
 * Edits that enable `features` on dependency `key` declared in one of `tables` (tried in order), or null when the
 * dependency is not declared there. Empty when every feature is already listed.
 */
export function planAddFeatures(text: string, file: string, key: string, features: readonly string[], tables: readonly string[][]): TextEdit[] | null {
  const { headers, entries } = tomlSpans(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (const table of tables) {
    // `clap = "4"` or `clap = { version = "4", ... }`
    const direct = entries.find((e) => same(e.table, table) && same(e.key, [key]));
    if (direct) {
      const v = text.slice(direct.valueStart, direct.valueEnd);
      if (v.startsWith('{')) {
        const inner = inlineTableEntries(text, direct.valueStart, direct.valueEnd);
        const feats = inner.find((e) => same(e.key, ['features']));
        if (feats) return extendArray(text, file, feats.valueStart, feats.valueEnd, features);
        const last = inner[inner.length - 1];
        if (!last) return [{ file, start: direct.valueStart, end: direct.valueEnd, text: `{ features = ${list(features)} }` }];
        return [{ file, start: last.valueEnd, end: last.valueEnd, text: `, features = ${list(features)}` }];
      }
      return [{ file, start: direct.valueStart, end: direct.valueEnd, text: `{ version = ${v}, features = ${list(features)} }` }];
    }
    // `clap.version = "4"` / `clap.workspace = true` lines
    const dotted = entries.filter((e) => same(e.table, table) && e.key.length >= 2 && e.key[0] === key);
    if (dotted.length) {
      const feats = dotted.find((e) => same(e.key, [key, 'features']));
      if (feats) return extendArray(text, file, feats.valueStart, feats.valueEnd, features);
      const last = dotted[dotted.length - 1];
      const keyText = text.slice(last.lineStart, text.indexOf('.', last.lineStart));
      return [{ file, start: last.lineEnd, end: last.lineEnd, text: `${eol}${lineIndent(text, last.lineStart)}${keyText}.features = ${list(features)}` }];
    }
    // `[dependencies.clap]` table
    const header = headers.find((h) => !h.array && same(h.path, [...table, key]));
    if (header) {
      const inTable = entries.filter((e) => e.table.length === header.path.length && same(e.table, header.path) && e.lineStart > header.start);
      const feats = inTable.find((e) => same(e.key, ['features']));
      if (feats) return extendArray(text, file, feats.valueStart, feats.valueEnd, features);
      const after = inTable.length ? inTable[inTable.length - 1] : null;
      const at = after ? after.lineEnd : header.lineEnd;
      const indent = after ? lineIndent(text, after.lineStart) : '';
      return [{ file, start: at, end: at, text: `${eol}${indent}features = ${list(features)}` }];
    }
  }
  return null;
}
