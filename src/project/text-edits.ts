// Applies text edits to one file's text; pure. Overlapping edits are refused, so two fixes can never corrupt a file.

import { BuildmedicError } from '../errors.js';
import type { TextEdit } from './files.js';

/** Applies `edits` (all for the same file) to `text`; edits are sorted by position, and may not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const e of sorted) {
    if (e.start < 0 || e.end < e.start || e.end > text.length) {
      throw new BuildmedicError('fix-invalid', `${e.file}: edit [${e.start}, ${e.end}) is outside the file (${text.length} characters)`);
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    // Two insertions at the same point are ambiguous too: which goes first would change the result.
    if (cur.start < prev.end || (cur.start === prev.start && cur.start === cur.end && prev.start === prev.end)) {
      throw new BuildmedicError('fix-conflict', `${cur.file}: two fixes edit the same text (offsets ${prev.start}-${prev.end} and ${cur.start}-${cur.end})`);
    }
  }
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Groups edits by file, keeping each file's edits in the order they were planned. */
export function editsByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const map = new Map<string, TextEdit[]>();
  for (const e of edits) map.set(e.file, [...(map.get(e.file) ?? []), e]);
  return map;
}
