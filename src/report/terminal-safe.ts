// Text that quotes a log or a project must not drive the reader's terminal: an OSC sequence can set the title or
// write the clipboard (OSC 52), a CSI can clear the screen or move the cursor, BEL, BS and CR rewrite what was shown.
// Pure: applied once to everything buildmedic prints as text, and to the C1 controls of its JSON.

// Colour (SGR: ESC [ digits/semicolons m) and erase-in-line (ESC [ 0K, which GitLab's collapsible section markers
// need) are the escapes buildmedic's own output uses; a log's are stripped when a line is normalised, and neither can
// move the cursor, set a title or write the clipboard.
const KEPT = /^\x1b\[(?:[0-9;]*m|0?K)$/;
// OSC (ESC ] or U+009D) up to BEL or ST (ESC \ or U+009C); other ESC sequences (CSI ESC [ or U+009B with its
// parameters, two-byte escapes); every other C0 control but tab and newline, DEL, and the C1 block U+0080-U+009F
// (NEL U+0085 included, which some readers take for a newline); CR only inside GitLab's own section marker
// (`section_start:<time>:<name>[options]` CR ESC[0K), since anywhere else CR ESC[0K erases a line already shown.
const UNSAFE = /(?:\x1b\]|\u009d)[^\x07\x1b\u009c]*(?:\x07|\x1b\\|\u009c)?|(?:\x1b\[|\u009b)[0-?]*[ -/]*[@-~]?|\x1b[ -/]*[0-~]?|(?<!section_(?:start|end):\d+:[\w.-]+(?:\[[^\]\r\n]*\])?)\r|\r(?!\x1b\[0?K)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

/** The text with every terminal control but colour, erase-in-line, tab and newline removed. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (match) => (KEPT.test(match) ? match : ''));
}

/** A JSON document with the C1 controls JSON.stringify leaves raw written as \u escapes (the same value, still valid JSON). */
export function jsonTerminalSafe(json: string): string {
  return json.replace(/[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
