// How project files' bytes become text and back; pure. Every reader of files that a fix may edit decodes here, so
// the writer can tell exactly which bytes each line of the text came from.

const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a file: UTF-8, with a BOM kept as U+FEFF (so offsets and the written bytes keep it) and bytes that
 * are not UTF-8 shown as U+FFFD. Such a byte never swallows a newline, so line N of the text is line N of the bytes.
 */
export function decodeFileText(bytes: Uint8Array): string {
  return lossy.decode(bytes);
}

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The bytes of `bytes` split at each LF (the LF itself dropped); CR stays with its line, as in the text. */
function byteLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = bytes.indexOf(10, start); nl !== -1; nl = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, nl));
    start = nl + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/**
 * The bytes of `after`, taking every line that `after` shares with `before` (a common first or last run of lines)
 * from `original`, the bytes `before` was decoded from. Lines that are not UTF-8 thus survive an edit elsewhere;
 * an edit of such a line is refused (returns the 1-based line), since its bytes cannot be told from the text.
 */
export function encodeEditedText(original: Buffer, before: string, after: string): { bytes: Buffer } | { badLine: number } {
  if (isUtf8(original)) return { bytes: Buffer.from(after, 'utf8') };
  const raw = byteLines(original);
  const was = before.split('\n');
  const now = after.split('\n');
  let head = 0;
  while (head < was.length && head < now.length && was[head] === now[head]) head++;
  let tail = 0;
  while (tail < was.length - head && tail < now.length - head && was[was.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  for (let i = head; i < was.length - tail; i++) if (!isUtf8(raw[i])) return { badLine: i + 1 };
  const middle = now.slice(head, now.length - tail).map((l) => Buffer.from(l, 'utf8'));
  const lines = [...raw.slice(0, head), ...middle, ...raw.slice(raw.length - tail)];
  const out: Buffer[] = [];
  lines.forEach((l, i) => out.push(i ? Buffer.from([10]) : Buffer.alloc(0), l));
  return { bytes: Buffer.concat(out) };
}
