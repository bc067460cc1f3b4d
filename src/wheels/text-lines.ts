// Pure: the lines of a file and where each starts, computed once per text; readers that quote or edit one line per
// package would otherwise rescan the whole file for each (quadratic on a file of many thousands of entries).

/** A one-entry memo: each reader works through one text at a time, so the last result is the one asked for again. */
function lastOf<T>(compute: (text: string) => T): (text: string) => T {
  let last: string | null = null;
  let value: T;
  return (text) => {
    if (text !== last) {
      value = compute(text);
      last = text;
    }
    return value;
  };
}

/** The lines of `text` (LF or CRLF). */
export const linesOf = lastOf((text) => text.split(/\r?\n/));

const offsetsOf = lastOf((text) => {
  const out = [0];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) out.push(nl + 1);
  return out;
});

/** Offset of the start of 1-based `line` in `text` (the end of the text past its last line). */
export function lineStart(text: string, line: number): number {
  const offsets = offsetsOf(text);
  return line >= 1 && line - 1 < offsets.length ? offsets[line - 1]! : line < 1 ? 0 : text.length;
}
