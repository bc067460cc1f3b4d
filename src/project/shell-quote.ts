// Quoting for commands buildmedic advises: a path or name read from a project is one word of a POSIX shell command
// line, whatever characters it holds (`$(...)`, backticks, `;` and spaces do nothing inside single quotes); pure.

/** `word` as a single POSIX shell word: unchanged when it holds only characters no shell treats specially. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A value read from a project, shortened for a message (a pin or a name can be megabytes long). */
export function clipForMessage(value: string, max = 200): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}
