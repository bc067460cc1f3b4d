// Pure parsing of simple-repository pages: PEP 691 JSON, with PEP 503 HTML as the fallback older indexes serve.

import { parseShallowJson } from '../../project/json-depth.js';

export interface IndexFile {
  filename: string;
  url: string;
  /** `requires-python` of the file (PEP 503 data-requires-python), or null. */
  requiresPython: string | null;
  /** false, or the yank reason ('' when none was given): pip skips yanked files unless pinned with ==. */
  yanked: false | string;
}

export interface IndexProject {
  name: string;
  files: IndexFile[];
}

interface JsonFile {
  filename?: unknown;
  url?: unknown;
  'requires-python'?: unknown;
  yanked?: unknown;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ENTITIES[e]!);

/** A file URL resolved against the page; '' for one that is not a URL (one bad link does not lose the page). */
function resolveUrl(href: string, baseUrl: string): string {
  try {
    return new URL(href, baseUrl).href;
  } catch {
    return '';
  }
}

/**
 * The `<a ATTRS>TEXT</a>` anchors of a PEP 503 page, in one left-to-right pass. Hand-written because the regex
 * /<a\s([^>]*)>([^<]*)<\/a>/g rescans to the end of the page from every `<a ` with no `>` after it: quadratic on a
 * page of 200k unclosed `<a x`. Every anchor starting before a given `>` ends at that `>` and is followed by the same
 * text, so when one fails they all do, and the scan resumes after the `>`: the same anchors, each byte seen twice.
 */
export function* anchors(body: string): Generator<{ attrs: string; text: string }> {
  let pos = 0;
  for (;;) {
    const open = body.indexOf('<', pos);
    if (open < 0 || open + 2 >= body.length) return;
    if ((body[open + 1] !== 'a' && body[open + 1] !== 'A') || !/\s/.test(body[open + 2]!)) {
      pos = open + 1;
      continue;
    }
    const gt = body.indexOf('>', open + 3);
    if (gt < 0) return;
    const close = body.indexOf('<', gt + 1);
    if (close < 0) return;
    if (body.slice(close, close + 4).toLowerCase() === '</a>') {
      yield { attrs: body.slice(open + 3, gt), text: body.slice(gt + 1, close) };
      pos = close + 4;
    } else pos = gt + 1;
  }
}

/** Parses one project page; `baseUrl` resolves relative file URLs; throws on a page of neither format. */
export function parseSimplePage(body: string, contentType: string, baseUrl: string, name: string): IndexProject {
  if (/json/.test(contentType) || body.trimStart().startsWith('{')) {
    const page = parseShallowJson(body) as { name?: unknown; files?: unknown } | null;
    if (page === null || typeof page !== 'object' || !Array.isArray(page.files)) throw new Error('a PEP 691 page without a "files" list');
    const files = (page.files as (JsonFile | null)[]).flatMap((f): IndexFile[] => {
      if (typeof f?.filename !== 'string') return [];
      return [{
        filename: f.filename,
        url: typeof f.url === 'string' ? resolveUrl(f.url, baseUrl) : '',
        requiresPython: typeof f['requires-python'] === 'string' ? f['requires-python'] : null,
        yanked: f.yanked === true ? '' : typeof f.yanked === 'string' ? f.yanked : false,
      }];
    });
    return { name: typeof page.name === 'string' ? page.name : name, files };
  }
  if (/<a\s/i.test(body) || /html/.test(contentType)) {
    const files: IndexFile[] = [];
    for (const anchor of anchors(body)) {
      const attrs = anchor.attrs;
      // PEP 503 anchors: <a href="url#sha256=..." data-requires-python="&gt;=3.8" data-yanked="reason">file</a>
      const href = /href="([^"]*)"/i.exec(attrs)?.[1] ?? '';
      const rp = /data-requires-python="([^"]*)"/i.exec(attrs)?.[1];
      const yanked = /data-yanked(?:="([^"]*)")?/i.exec(attrs);
      files.push({
        filename: unescape(anchor.text.trim()),
        url: resolveUrl(unescape(href), baseUrl),
        requiresPython: rp === undefined ? null : unescape(rp),
        yanked: yanked ? unescape(yanked[1] ?? '') : false,
      });
    }
    return { name, files };
  }
  throw new Error(`not a simple-repository page (content type '${contentType || 'none'}')`);
}
