// Part of `npm run build` (bundle-cli.mjs): rewrites a bundle's non-ASCII characters as \uXXXX escapes, so that its
// source is ASCII. Node decodes an ASCII file to a one-byte string at memory speed, while the 2.3 MB bundle with a few
// hundred non-ASCII characters (translated compiler messages in regexes and comments) took 15-30 ms of every start to
// decode as UTF-8 into a two-byte string. esbuild (charset "ascii", template literals lowered to strings) already
// escapes strings and identifiers; it leaves regex literals and comments as they are, where an escape means the same
// character. Not for a source with template literals: an escape in a tagged template's raw text is not the character.

/**
 * Characters whose escape would not mean the same: a line or paragraph separator (a line terminator, which ends a
 * `//` comment), Unicode white space (between tokens, where an escape is a syntax error) and a byte-order mark.
 */
const UNSAFE_TO_ESCAPE = /[\u2028\u2029\s\ufeff]/u;

/** `source` with every non-ASCII UTF-16 unit as \uXXXX; null when an escape could change what the code means. */
export function asciiSource(source) {
  let unsafe = false;
  const escaped = source.replace(/[^\x00-\x7f]/g, (unit, at) => {
    // After a backslash the escape would itself be escaped ("\é" is "é", "\\u00e9" is not)
    if (UNSAFE_TO_ESCAPE.test(unit) || source[at - 1] === '\\') unsafe = true;
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return unsafe ? null : escaped;
}
