// Turns raw log text into the text rules match on: no colours, no CI/BuildKit prefixes, no quoting or boxes.
// Pure. Cleaning a whole chunk never adds or removes a newline, so line numbers stay those of the input.

import stripAnsi from 'strip-ansi';

export interface NormalizedLine {
  /** The message with decorations removed and surrounding whitespace trimmed. */
  text: string;
  /** Leading whitespace of the message after prefixes were removed (nesting depth of tool output). */
  indent: number;
}

// GitHub Actions raw logs: "2024-05-01T12:34:56.7890123Z "
const GHA_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
// BuildKit plain progress: "#12 3.456 " (step number, seconds since the step started)
const BUILDKIT_PREFIX = /^#\d+ (?:\d+\.\d+ )?/;
// GitHub Actions workflow markers: "##[group]", "##[error]"
const GHA_MARKER = /^##\[(?:group|endgroup|error|warning|debug|notice|command|section)\]/;
// Markdown quoting of pasted logs ("> "), and nix's builder log tail ("       > "), which is indented
const QUOTE = /^\s*> ?/;
// pip >= 22's subprocess error boxes: "│ ", "╰─> ", "× "
const PIP_BOX = /^\s*(?:│|╰─>|×|║)\s?/;
// Colour codes whose ESC byte was lost in a copy-paste, e.g. "[1m[91merror[0m"
const BROKEN_SGR = /\[(?:\d{1,3};){0,4}\d{1,3}m/g;
const HTML_ENTITY = /&(?:lt|gt|amp|quot|#39|#x27|#96|#x60|nbsp);/g;
const ENTITY_TEXT: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&#96;': '`',
  '&#x60;': '`',
  '&nbsp;': ' ',
};

/**
 * Removes what spans a line's content in place: ANSI sequences (and their ESC-less remnants) and HTML entities.
 * Runs on whole chunks, so the literal prefilter sees clean text; it never touches newlines.
 */
export function cleanText(text: string): string {
  let out = text;
  if (out.includes('\x1b')) out = stripAnsi(out);
  if (out.includes('[0m')) out = out.replace(BROKEN_SGR, '');
  if (out.includes('&')) out = out.replace(HTML_ENTITY, (e) => ENTITY_TEXT[e] ?? e);
  return out;
}

/** Keeps what a terminal would show after carriage-return redraws: the last non-empty segment. */
function lastRedraw(line: string): string {
  const parts = line.split('\r');
  for (let i = parts.length - 1; i >= 0; i--) if (parts[i].trim() !== '') return parts[i];
  return '';
}

function stripPrefixes(line: string): string {
  let text = line;
  // Prefixes nest (a quoted GitHub log of a BuildKit build), so peel them until nothing changes.
  for (let round = 0; round < 4; round++) {
    const before = text;
    text = text.replace(GHA_TIMESTAMP, '');
    if (text.charCodeAt(0) === 35 /* # */) text = text.replace(GHA_MARKER, '').replace(BUILDKIT_PREFIX, '');
    if (text.trimStart().charCodeAt(0) === 62 /* > */) text = text.replace(QUOTE, '');
    text = text.replace(PIP_BOX, (m) => ' '.repeat(m.length));
    if (text === before) break;
  }
  return text;
}

/** True when the start of a line may carry a prefix; most lines of a big log take the fast path. */
function mayHavePrefix(line: string): boolean {
  for (let i = 0; i < line.length && i < 40; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    // '#', '>', digits (timestamps), box-drawing characters, '×'
    return c === 35 || c === 62 || (c >= 48 && c <= 57) || c === 0x2502 || c === 0x2570 || c === 0xd7 || c === 0x2551;
  }
  return false;
}

/** Normalises one line that `cleanText` has already cleaned. */
export function normalizeCleanLine(line: string): NormalizedLine {
  let text = line;
  if (text.includes('\r')) text = lastRedraw(text);
  if (mayHavePrefix(text)) text = stripPrefixes(text);
  const trimmed = text.trimStart();
  return { text: trimmed.trimEnd(), indent: text.length - trimmed.length };
}

/** Normalises one raw line. */
export function normalizeLine(raw: string): NormalizedLine {
  return normalizeCleanLine(cleanText(raw));
}

/** A line as shown in an excerpt: decorations removed, indentation kept. */
export function displayLine(line: string): string {
  const { text, indent } = normalizeCleanLine(line);
  return text === '' ? '' : ' '.repeat(indent) + text;
}
