// Small string helpers shared by the report renderers: clipping lines and choosing a safe Markdown fence.

/** Cuts a line for display; evidence lines can be 64 KiB long. */
export function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A backtick fence longer than any backtick run in `body`, so quoted log text cannot close it. */
export function fenceFor(body: string): string {
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Inline code that survives backticks inside the text (CommonMark: pad with spaces, use a longer run). */
export function inlineCode(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** Escapes characters that Markdown would read as formatting, for prose taken from a log or a rule. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_[\]<>|#])/g, '\\$1');
}
