// A guard for JSON read from a project or an index: JSON.parse builds every nested array or object, so a page of
// millions of `[` takes gigabytes before any check of its shape can run; pure.

/** The deepest nesting of arrays and objects in `text`, counted outside strings; stops counting past `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** JSON.parse, refusing a document nested deeper than `limit` levels before building it. */
export function parseShallowJson(text: string, limit = 64): unknown {
  if (jsonDepth(text, limit) > limit) throw new Error(`JSON nested deeper than ${limit} levels`);
  return JSON.parse(text);
}

/**
 * The deepest nesting of YAML flow collections (`[...]`, `{...}`) in `text`, counted over every bracket (a bracket
 * in a string or a comment only makes the count larger, never smaller); stops counting past `limit`. The yaml
 * package builds its syntax tree recursively: a 2 MB workflow of nested `[` took 16 s and 2 GiB before failing.
 */
export function yamlFlowDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}

/** Deeper flow nesting than any real workflow or compose file has; refused before the YAML parser runs. */
export const YAML_FLOW_DEPTH_LIMIT = 256;
