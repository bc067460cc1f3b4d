// Plans the Cargo.toml edit that enables features of one dependency, in whatever form the dependency is written; pure.

import { isDeepStrictEqual } from 'node:util';
import { parse as parseToml } from 'smol-toml';
import { BuildmedicError } from '../../errors.js';
import { applyEdits } from '../../project/text-edits.js';
import type { TextEdit } from '../../project/files.js';
import { isCargoFeatureName } from '../../kb/cargo-names.js';
import { arrayElements, inlineTableEntries, tomlSpans } from '../../project/cargo/toml-spans.js';


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

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The dependency `key` of `table` in a parsed manifest, as a table (`clap = "4"` is `{ version = "4" }`). */
function dependencyAt(doc: Table, table: readonly string[], key: string): Table | null {
  let t: unknown = doc;
  for (const k of table) t = isTable(t) ? t[k] : undefined;
  const dep = isTable(t) ? t[key] : undefined;
  return typeof dep === 'string' ? { version: dep } : isTable(dep) ? dep : null;
}

/**
 * Why `edits` to `text` are not exactly "dependency `key` of `table` gains `features`", or null when they are: the
 * edited text must parse, that dependency's features must become the old ones plus the missing ones, and nothing
 * else in the document may change.
 */
export function checkFeatureEdit(text: string, edits: readonly TextEdit[], table: readonly string[], key: string, features: readonly string[]): string | null {
  let before: Table;
  let after: Table;
  try {
    before = parseToml(text) as Table;
    after = parseToml(applyEdits(text, edits)) as Table;
  } catch (error) {
    return `the edit would not be valid TOML (${String((error as Error).message).split('\n')[0]})`;
  }
  const was = dependencyAt(before, table, key);
  const now = dependencyAt(after, table, key);
  if (!was || !now) return `the edit loses ${key} from [${table.join('.')}]`;
  const old = Array.isArray(was.features) ? was.features : [];
  const wanted = { ...was, features: [...old, ...features.filter((f) => !old.includes(f))] };
  // Plain JSON values: smol-toml's tables have no prototype, and its dates compare by their text.
  const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
  const rest = (doc: Table) => {
    const copy = plain(doc) as Table;
    let t: unknown = copy;
    for (const k of table) t = isTable(t) ? t[k] : undefined;
    if (isTable(t)) delete t[key];
    return copy;
  };
  if (!isDeepStrictEqual(plain(now), plain(wanted)) || !isDeepStrictEqual(rest(before), rest(after))) return `the edit changes more than ${key}'s features`;
  return null;
}

/**
 * Edits that enable `features` on dependency `key` declared in one of `tables` (tried in order), or null when the
 * dependency is not declared there. Empty when every feature is already listed. Names that are not Cargo feature
 * names, and edits whose parse would change anything else, are refused (BuildmedicError 'fix-refused').
 */
export function planAddFeatures(text: string, file: string, key: string, features: readonly string[], tables: readonly string[][]): TextEdit[] | null {
  const bad = features.find((f) => !isCargoFeatureName(f));
  if (bad !== undefined) throw new BuildmedicError('fix-refused', `\`${bad}\` is not a valid Cargo feature name; ${file} not edited`);
  const planned = planFeatureEdits(text, file, key, features, tables);
  if (!planned || planned.edits.length === 0) return planned ? [] : null;
  const wrong = checkFeatureEdit(text, planned.edits, planned.table, key, features);
  if (wrong) throw new BuildmedicError('fix-refused', `${file}: ${wrong}; not edited`);
  return planned.edits;
}

function planFeatureEdits(text: string, file: string, key: string, features: readonly string[], tables: readonly string[][]): { edits: TextEdit[]; table: readonly string[] } | null {
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
        if (feats) return { table, edits: extendArray(text, file, feats.valueStart, feats.valueEnd, features) };
        const last = inner[inner.length - 1];
        if (!last) return { table, edits: [{ file, start: direct.valueStart, end: direct.valueEnd, text: `{ features = ${list(features)} }` }] };
        return { table, edits: [{ file, start: last.valueEnd, end: last.valueEnd, text: `, features = ${list(features)}` }] };
      }
      return { table, edits: [{ file, start: direct.valueStart, end: direct.valueEnd, text: `{ version = ${v}, features = ${list(features)} }` }] };
    }
    // `clap.version = "4"` / `clap.workspace = true` lines
    const dotted = entries.filter((e) => same(e.table, table) && e.key.length >= 2 && e.key[0] === key);
    if (dotted.length) {
      const feats = dotted.find((e) => same(e.key, [key, 'features']));
      if (feats) return { table, edits: extendArray(text, file, feats.valueStart, feats.valueEnd, features) };
      const last = dotted[dotted.length - 1];
      const keyText = text.slice(last.lineStart, text.indexOf('.', last.lineStart));
      return { table, edits: [{ file, start: last.lineEnd, end: last.lineEnd, text: `${eol}${lineIndent(text, last.lineStart)}${keyText}.features = ${list(features)}` }] };
    }
    // `[dependencies.clap]` table
    const header = headers.find((h) => !h.array && same(h.path, [...table, key]));
    if (header) {
      const inTable = entries.filter((e) => e.table.length === header.path.length && same(e.table, header.path) && e.lineStart > header.start);
      const feats = inTable.find((e) => same(e.key, ['features']));
      if (feats) return { table, edits: extendArray(text, file, feats.valueStart, feats.valueEnd, features) };
      const after = inTable.length ? inTable[inTable.length - 1] : null;
      const at = after ? after.lineEnd : header.lineEnd;
      const indent = after ? lineIndent(text, after.lineStart) : '';
      return { table, edits: [{ file, start: at, end: at, text: `${eol}${indent}features = ${list(features)}` }] };
    }
  }
  return null;
}
