// Pure parsing of simple-repository pages: PEP 691 JSON, with PEP 503 HTML as the fallback older indexes serve.

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

/** Parses one project page; `baseUrl` resolves relative file URLs; throws on a page of neither format. */
export function parseSimplePage(body: string, contentType: string, baseUrl: string, name: string): IndexProject {
  if (/json/.test(contentType) || body.trimStart().startsWith('{')) {
    const page = JSON.parse(body) as { name?: unknown; files?: unknown };
    if (!Array.isArray(page.files)) throw new Error('a PEP 691 page without a "files" list');
    const files = (page.files as JsonFile[]).flatMap((f): IndexFile[] => {
      if (typeof f.filename !== 'string') return [];
      return [{
        filename: f.filename,
        url: typeof f.url === 'string' ? new URL(f.url, baseUrl).href : '',
        requiresPython: typeof f['requires-python'] === 'string' ? f['requires-python'] : null,
        yanked: f.yanked === true ? '' : typeof f.yanked === 'string' ? f.yanked : false,
      }];
    });
    return { name: typeof page.name === 'string' ? page.name : name, files };
  }
  if (/<a\s/i.test(body) || /html/.test(contentType)) {
    const files: IndexFile[] = [];
    // PEP 503 anchors: <a href="url#sha256=..." data-requires-python="&gt;=3.8" data-yanked="reason">file</a>
    for (const m of body.matchAll(/<a\s([^>]*)>([^<]*)<\/a>/gi)) {
      const attrs = m[1]!;
      const href = /href="([^"]*)"/i.exec(attrs)?.[1] ?? '';
      const rp = /data-requires-python="([^"]*)"/i.exec(attrs)?.[1];
      const yanked = /data-yanked(?:="([^"]*)")?/i.exec(attrs);
      files.push({
        filename: unescape(m[2]!.trim()),
        url: new URL(unescape(href), baseUrl).href,
        requiresPython: rp === undefined ? null : unescape(rp),
        yanked: yanked ? unescape(yanked[1] ?? '') : false,
      });
    }
    return { name, files };
  }
  throw new Error(`not a simple-repository page (content type '${contentType || 'none'}')`);
}
