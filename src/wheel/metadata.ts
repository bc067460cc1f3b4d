// Pure parsers for a wheel's .dist-info files: WHEEL and METADATA (RFC 822-style headers) and RECORD (CSV).

export interface WheelInfo {
  wheelVersion: string | null;
  generator: string | null;
  rootIsPurelib: boolean | null;
  tags: string[];
}

export interface MetadataInfo {
  name: string | null;
  version: string | null;
  requiresPython: string | null;
}

export interface RecordRow {
  path: string;
  /** `sha256` etc.; null when the row has no hash (RECORD itself, signatures). */
  algorithm: string | null;
  /** urlsafe-base64 digest without padding, as PEP 376/427 write it. */
  digest: string | null;
  size: number | null;
}

/** Header fields up to the first blank line; continuation lines (leading whitespace) are folded. */
function headers(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw === '') break;
    if (/^[ \t]/.test(raw) && out.length > 0) {
      out[out.length - 1]![1] += ` ${raw.trim()}`;
      continue;
    }
    const i = raw.indexOf(':');
    if (i > 0) out.push([raw.slice(0, i).trim().toLowerCase(), raw.slice(i + 1).trim()]);
  }
  return out;
}

export function parseWheelFile(text: string): WheelInfo {
  const h = headers(text);
  const get = (k: string) => h.find(([key]) => key === k)?.[1] ?? null;
  const purelib = get('root-is-purelib');
  return {
    wheelVersion: get('wheel-version'),
    generator: get('generator'),
    rootIsPurelib: purelib === null ? null : purelib.toLowerCase() === 'true',
    tags: h.filter(([k]) => k === 'tag').map(([, v]) => v),
  };
}

export function parseMetadata(text: string): MetadataInfo {
  const h = headers(text);
  const get = (k: string) => h.find(([key]) => key === k)?.[1] ?? null;
  return { name: get('name'), version: get('version'), requiresPython: get('requires-python') };
}

/** One CSV line with RFC 4180 quoting (the csv module writes quoted fields for paths with commas or quotes). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          v += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else v += line[i++];
      }
      out.push(v);
      if (line[i] === ',') i++;
      else break;
    } else {
      const j = line.indexOf(',', i);
      if (j < 0) {
        out.push(line.slice(i));
        break;
      }
      out.push(line.slice(i, j));
      i = j + 1;
    }
  }
  return out;
}

export function parseRecord(text: string): { rows: RecordRow[]; malformed: string[] } {
  const rows: RecordRow[] = [];
  const malformed: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const f = csvFields(line);
    if (f.length < 3 || f[0] === '') {
      malformed.push(line);
      continue;
    }
    const [path, hash, size] = f as [string, string, string];
    const eq = hash.indexOf('=');
    const sizeNum = size === '' ? null : Number(size);
    if ((hash !== '' && eq <= 0) || (sizeNum !== null && !Number.isSafeInteger(sizeNum))) {
      malformed.push(line);
      continue;
    }
    rows.push({ path, algorithm: eq > 0 ? hash.slice(0, eq) : null, digest: eq > 0 ? hash.slice(eq + 1) : null, size: sizeNum });
  }
  return { rows, malformed };
}
