// Where things are in a TOML file's text (table headers, keys, value ranges), so fixes can edit ranges in place; pure.
// Hand-written rather than a TOML library: parsers give values, not offsets, and patching libraries re-emit whole
// files; a fix needs the exact range of one value and must leave every other byte alone.

export interface TomlEntry {
  /** The table the entry is in (`['dependencies']`, `['target', 'cfg(unix)', 'dependencies']`). */
  table: string[];
  /** The (possibly dotted) key, unquoted. */
  key: string[];
  /** Offset of the first character of the line's key. */
  lineStart: number;
  valueStart: number;
  /** End of the value (before trailing blanks and comment). */
  valueEnd: number;
  /** End of the line (before the newline). */
  lineEnd: number;
}

export interface TomlHeader {
  path: string[];
  array: boolean;
  start: number;
  /** End of the header's line, before the newline. */
  lineEnd: number;
}

export interface TomlSpans {
  headers: TomlHeader[];
  entries: TomlEntry[];
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isBare = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_-]/.test(c);

/** End (exclusive) of the string starting at `i` (which holds a quote); handles ''' and """ forms. */
function stringEnd(text: string, i: number): number {
  const q = text[i];
  const triple = text.startsWith(q.repeat(3), i);
  if (triple) {
    const close = text.indexOf(q.repeat(3), i + 3);
    if (close < 0) return text.length;
    let end = close + 3;
    // Up to two extra quotes may end a multi-line string ("""a"""" is `a"`).
    while (text[end] === q && end < close + 5) end++;
    return end;
  }
  let j = i + 1;
  while (j < text.length && text[j] !== q && text[j] !== '\n') {
    if (q === '"' && text[j] === '\\') j++;
    j++;
  }
  return Math.min(j + 1, text.length);
}

function skipComment(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** End of the value starting at `i`: a string, an array or inline table (nesting, strings, comments), or a bare token. */
export function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"' || c === "'") return stringEnd(text, i);
  if (c === '[' || c === '{') {
    let depth = 0;
    let j = i;
    while (j < text.length) {
      const ch = text[j];
      if (ch === '"' || ch === "'") {
        j = stringEnd(text, j);
        continue;
      }
      if (ch === '#') {
        j = skipComment(text, j);
        continue;
      }
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '#' && text[j] !== ',' && text[j] !== '}' && text[j] !== ']') j++;
  while (j > i && isBlank(text[j - 1])) j--;
  return j;
}

/** Parses a dotted key at `i`; returns its parts and the offset after it (and its trailing blanks). */
export function parseKey(text: string, i: number): { parts: string[]; end: number } | null {
  const parts: string[] = [];
  let j = i;
  for (;;) {
    while (isBlank(text[j])) j++;
    if (text[j] === '"' || text[j] === "'") {
      const end = stringEnd(text, j);
      const raw = text.slice(j + 1, end - 1);
      parts.push(text[j] === '"' ? raw.replace(/\\(["\\])/g, '$1') : raw);
      j = end;
    } else if (isBare(text[j])) {
      const s = j;
      while (isBare(text[j])) j++;
      parts.push(text.slice(s, j));
    } else return null;
    while (isBlank(text[j])) j++;
    if (text[j] !== '.') break;
    j++;
  }
  return { parts, end: j };
}

/** Every table header and key/value line of a TOML document, with offsets into `text`. */
export function tomlSpans(text: string): TomlSpans {
  const headers: TomlHeader[] = [];
  const entries: TomlEntry[] = [];
  let table: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (isBlank(text[i]) || text[i] === '\r' || text[i] === '\n') i++;
    if (i >= text.length) break;
    const start = i;
    if (text[i] === '#') {
      i = skipComment(text, i);
      continue;
    }
    if (text[i] === '[') {
      const array = text[i + 1] === '[';
      const key = parseKey(text, i + (array ? 2 : 1));
      const lineEnd = skipComment(text, i);
      if (key) {
        table = key.parts;
        headers.push({ path: key.parts, array, start, lineEnd: trimEnd(text, start, lineEnd) });
      }
      i = lineEnd;
      continue;
    }
    const key = parseKey(text, i);
    if (!key || text[key.end] !== '=') {
      i = skipComment(text, i);
      continue;
    }
    let v = key.end + 1;
    while (isBlank(text[v])) v++;
    const vEnd = valueEnd(text, v);
    const lineEnd = skipComment(text, vEnd);
    entries.push({ table, key: key.parts, lineStart: start, valueStart: v, valueEnd: vEnd, lineEnd: trimEnd(text, start, lineEnd) });
    i = lineEnd;
  }
  return { headers, entries };
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text[e - 1] === '\r' || isBlank(text[e - 1]))) e--;
  return e;
}

/** The key/value pairs directly inside an inline table `{ ... }` that spans [start, end). */
export function inlineTableEntries(text: string, start: number, end: number): { key: string[]; valueStart: number; valueEnd: number }[] {
  const out: { key: string[]; valueStart: number; valueEnd: number }[] = [];
  let i = start + 1;
  while (i < end - 1) {
    while (i < end && /[\s,]/.test(text[i])) i++;
    if (i >= end - 1) break;
    const key = parseKey(text, i);
    if (!key || text[key.end] !== '=') break;
    let v = key.end + 1;
    while (isBlank(text[v])) v++;
    const ve = valueEnd(text, v);
    out.push({ key: key.parts, valueStart: v, valueEnd: ve });
    i = ve;
  }
  return out;
}

/** The string elements of an array value [start, end): their unquoted values and the end offset of each. */
export function arrayElements(text: string, start: number, end: number): { value: string; start: number; end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  let i = start + 1;
  while (i < end - 1) {
    const c = text[i];
    if (c === '#') {
      i = skipComment(text, i);
      continue;
    }
    if (c === '"' || c === "'") {
      const e = stringEnd(text, i);
      out.push({ value: text.slice(i + 1, e - 1), start: i, end: e });
      i = e;
      continue;
    }
    i++;
  }
  return out;
}
