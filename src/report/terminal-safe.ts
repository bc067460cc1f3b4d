// Text that quotes a log or a project must not drive the reader's terminal: an OSC sequence can set the title or
// write the clipboard (OSC 52), a CSI can clear the screen or move the cursor, BEL, BS and CR rewrite what was shown.
// Pure: applied once to everything buildmedic prints as text, and to the C1 controls of its JSON.

// Colour (SGR: ESC [ digits/semicolons m) is the one escape buildmedic's own text uses; a log's are stripped when a
// line is normalised, and it can neither move the cursor, set a title nor write the clipboard.
const KEPT = /^\x1b\[[0-9;]*m$/;
// OSC (ESC ] or U+009D) up to BEL or ST (ESC \ or U+009C); other ESC sequences (CSI ESC [ or U+009B with its
// parameters, two-byte escapes); every other C0 control but tab and newline (CR included), DEL, and the C1 block
// U+0080-U+009F (NEL U+0085 included, which some readers take for a newline), and the Unicode bidi embeddings,
// overrides and isolates (U+202A-U+202E, U+2066-U+2069), which show quoted text in another order than it is
// ("trojan source").
const UNSAFE = /(?:\x1b\]|\u009d)[^\x07\x1b\u009c]*(?:\x07|\x1b\\|\u009c)?|(?:\x1b\[|\u009b)[0-?]*[ -/]*[@-~]?|\x1b[ -/]*[0-~]?|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every terminal control but colour, tab and newline removed, and no bidi reordering. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (match) => (KEPT.test(match) ? match : ''));
}

// GitLab's section markers: ESC[0K section_start:<time>:<name>[options] CR ESC[0K, and the same for section_end.
const GITLAB_MARKER = /\x1b\[0Ksection_(?:start|end):\d+:[A-Za-z0-9_.-]+(?:\[collapsed=true\])?\r\x1b\[0K/g;

/**
 * A GitLab job log as buildmedic renders it (report/gitlab.ts): its own section markers kept, everything else as
 * terminalSafe leaves it. Safe only because the renderer passed every header and body through terminalSafe before
 * adding the markers, so no CR or ESC of the input is left to forge one.
 */
export function jobLogSafe(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(GITLAB_MARKER)) {
    out += terminalSafe(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + terminalSafe(text.slice(last));
}

/** A JSON document with the C1 controls JSON.stringify leaves raw written as \u escapes (the same value, still valid JSON). */
export function jsonTerminalSafe(json: string): string {
  return json.replace(/[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
