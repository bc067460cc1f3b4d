// I/O: reads one wheel (a zip) entry by entry without extracting to disk: hashes, .dist-info texts, ELF facts.

import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { open as openFile, type FileHandle } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { inflateRaw, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { notRegularFile } from '../project/file-kind.js';
import { ElfError, type ElfInfo, isElf, NeedBytes, parseElf, type ByteView, wholeView } from './elf.js';

export type BinaryKind = 'elf' | 'macho' | 'pe' | null;

export interface EntryFacts {
  path: string;
  size: number;
  compressedSize: number;
  /** urlsafe-base64 sha256 without padding, as RECORD writes it; null when the entry was not read. */
  sha256: string | null;
  binary: BinaryKind;
  elf?: ElfInfo;
  elfError?: string;
  /** Mach-O facts of a thin little-endian object: architecture and minimum macOS (LC_BUILD_VERSION / LC_VERSION_MIN_MACOSX). */
  macho?: { arch: string | null; macosMinimum: string | null };
}

export interface WheelContents {
  file: string;
  fileSize: number;
  entries: EntryFacts[];
  /** dist-info texts, keyed by entry path (only WHEEL, METADATA and RECORD files directly in a *.dist-info dir). */
  texts: Record<string, string>;
  /** Problems with the archive itself: unsafe names, bombs, duplicates, unread entries. */
  archiveProblems: string[];
}

export interface ReadLimits {
  /** Entries up to this size are held whole in memory while parsed; larger ELF files are re-streamed by range. */
  bufferEntryBytes: number;
  /** Refuse an entry declaring more than this uncompressed. */
  maxEntryBytes: number;
  /** Refuse a wheel declaring more than this uncompressed in total (the entries past it are not read). */
  maxTotalBytes: number;
  /** A compression ratio above this on an entry above 16 MiB is treated as a zip bomb. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  bufferEntryBytes: 64 * 1024 * 1024,
  maxEntryBytes: 8 * 1024 * 1024 * 1024,
  // The largest wheels on PyPI (CUDA builds of torch and its nvidia-* libraries) install a few GiB.
  maxTotalBytes: 16 * 1024 * 1024 * 1024,
  maxRatio: 1000,
  maxEntries: 200_000,
};

// Deflate cannot expand data more than 1032:1 (a 258-byte match in a 2-bit code), so an archive whose entries declare
// more than this times its own size in total either lies or inflates some bytes more than once.
const DEFLATE_MAX_RATIO = 1032;
// Below this total, no archive is worth calling a bomb whatever its ratio (a few empty files in a tiny zip).
const BOMB_FLOOR_BYTES = 64 * 1024 * 1024;
// The fixed part of a local file header (APPNOTE 4.3.7); its name and extra field follow.
const LOCAL_HEADER_BYTES = 30;

const inflateRawAsync = promisify(inflateRaw);
const SYNC_INFLATE_BYTES = 64 * 1024;

const TEXT_NAME = /^[^/]+\.dist-info\/(WHEEL|METADATA|RECORD)$/;
const MAX_TEXT = 32 * 1024 * 1024;

/** A wheel that cannot be read as a zip at all (not a zip, truncated central directory, corrupt data). */
export class WheelReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WheelReadError';
  }
}

function unsafeName(name: string): string | null {
  if (name.includes('\\')) return 'contains a backslash';
  if (/^[a-zA-Z]:/.test(name) || name.startsWith('/')) return 'is an absolute path';
  if (name.split('/').includes('..')) return "climbs out of the install directory with '..'";
  if (name.includes('\0')) return 'contains a NUL byte';
  return null;
}

/** Whether a zip entry made on Unix (APPNOTE 4.4.2: host 3) carries a symbolic link's file type (S_IFLNK) in its mode. */
function isUnixSymlink(entry: yauzl.Entry): boolean {
  return entry.versionMadeBy >> 8 === 3 && ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}

function binaryKind(head: Uint8Array): BinaryKind {
  if (isElf(head)) return 'elf';
  if (head.length >= 4) {
    const be = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
    if (be === 0xfeedface || be === 0xfeedfacf || be === 0xcefaedfe || be === 0xcffaedfe || be === 0xcafebabe) return 'macho';
  }
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return 'pe';
  return null;
}

/** A sparse view made of collected chunks. */
function sparseView(size: number, chunks: Array<{ offset: number; bytes: Uint8Array }>): ByteView {
  return {
    size,
    get(offset, length) {
      for (const c of chunks) {
        if (offset >= c.offset && offset + length <= c.offset + c.bytes.length) return c.bytes.subarray(offset - c.offset, offset - c.offset + length);
      }
      return undefined;
    },
  };
}

/**
 * yauzl's file reader issues a read (and builds three piped streams) per header and per entry, which costs more than
 * the work itself on wheels of many small files. This reader serves small ranges from a read-ahead window instead;
 * large ranges still stream straight from the file.
 */
class WindowedReader extends yauzl.RandomAccessReader {
  private window: { start: number; bytes: Buffer } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  static readonly WINDOW = 4 * 1024 * 1024;

  constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
  ) {
    super();
  }

  private slice(start: number, end: number): Promise<Buffer> {
    const run = async (): Promise<Buffer> => {
      const w = this.window;
      if (w && start >= w.start && end <= w.start + w.bytes.length) return w.bytes.subarray(start - w.start, end - w.start);
      const length = Math.min(Math.max(WindowedReader.WINDOW, end - start), this.size - start);
      const bytes = Buffer.allocUnsafe(length);
      const { bytesRead } = await this.handle.read(bytes, 0, length, start);
      this.window = { start, bytes: bytes.subarray(0, bytesRead) };
      if (start + bytesRead < end) throw new Error(`unexpected end of file at byte ${start + bytesRead}`);
      return this.window.bytes.subarray(0, end - start);
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    if (end - start > WindowedReader.WINDOW / 2) return this.chunked(start, end);
    const out = new PassThrough();
    this.slice(start, end).then(
      (b) => out.end(b),
      (e: Error) => out.destroy(e),
    );
    return out;
  }

  /** Large ranges: read straight from the handle in 1 MiB chunks (fs.createReadStream on a shared fd would close it). */
  private chunked(start: number, end: number): Readable {
    const handle = this.handle;
    let pos = start;
    return new Readable({
      highWaterMark: 1024 * 1024,
      read() {
        const n = Math.min(1024 * 1024, end - pos);
        if (n <= 0) {
          this.push(null);
          return;
        }
        handle.read(Buffer.allocUnsafe(n), 0, n, pos).then(
          ({ bytesRead, buffer }) => {
            if (bytesRead === 0) return this.destroy(new Error(`unexpected end of file at byte ${pos}`));
            pos += bytesRead;
            this.push(buffer.subarray(0, bytesRead));
          },
          (e: Error) => this.destroy(e),
        );
      },
    });
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    this.slice(position, position + length).then(
      (b) => {
        b.copy(buffer, offset);
        callback(null);
      },
      (e: Error) => callback(e),
    );
  }

  override close(callback: (err: Error | null) => void): void {
    this.handle.close().then(() => callback(null), callback);
  }
}

async function openZip(path: string): Promise<{ zip: yauzl.ZipFile; size: number }> {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever; fstat then refuses it.
  const handle = await openFile(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  let size: number;
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new WheelReadError(`${notRegularFile(st)}, not a wheel file; not read`);
    size = st.size;
  } catch (e) {
    await handle.close();
    throw e;
  }
  const reader = new WindowedReader(handle, size);
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) => {
      if (err || !zip) {
        reader.close(() => undefined);
        reject(new WheelReadError(`not a readable zip archive (${err?.message ?? 'unknown error'})`, { cause: err }));
      } else resolve({ zip, size });
    });
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream)));
  });
}

/** Streams an entry, handing each chunk and its offset to `onChunk`. */
async function streamEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, onChunk: (chunk: Buffer, offset: number) => void): Promise<void> {
  const stream = await openEntry(zip, entry);
  let offset = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onChunk(chunk, offset);
    offset += chunk.length;
  }
}

/** Copies the requested ranges out of one more pass over the entry. */
async function collectRanges(zip: yauzl.ZipFile, entry: yauzl.Entry, ranges: Array<[number, number]>): Promise<Array<{ offset: number; bytes: Uint8Array }>> {
  const out = ranges.map(([offset, length]) => ({ offset, bytes: new Uint8Array(length) }));
  await streamEntry(zip, entry, (chunk, at) => {
    for (const r of out) {
      const lo = Math.max(r.offset, at);
      const hi = Math.min(r.offset + r.bytes.length, at + chunk.length);
      if (lo < hi) r.bytes.set(chunk.subarray(lo - at, hi - at), lo - r.offset);
    }
  });
  return out;
}

function elfFacts(view: ByteView): { elf?: ElfInfo; elfError?: string; need?: Array<[number, number]> } {
  try {
    return { elf: parseElf(view) };
  } catch (e) {
    if (e instanceof NeedBytes) return { need: e.ranges };
    if (e instanceof ElfError || e instanceof RangeError) return { elfError: e.message };
    throw e;
  }
}

// Mach-O CPU types (mach/machine.h) as wheel tags name them.
const MACHO_CPU: Record<number, string> = { 0x01000007: 'x86_64', 0x0100000c: 'arm64', 7: 'i386', 18: 'ppc' };

/** Reads a thin Mach-O header's CPU type and minimum macOS from its load commands (the head of the file suffices). */
function machoFacts(head: Uint8Array): { arch: string | null; macosMinimum: string | null } | undefined {
  if (head.length < 32) return undefined;
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const magic = dv.getUint32(0, true);
  if (magic !== 0xfeedfacf && magic !== 0xfeedface) return undefined; // fat or big-endian: not read
  const arch = MACHO_CPU[dv.getUint32(4, true)] ?? null;
  const ncmds = dv.getUint32(16, true);
  let off = magic === 0xfeedfacf ? 32 : 28;
  for (let i = 0; i < ncmds && off + 16 <= head.length; i++) {
    const cmd = dv.getUint32(off, true);
    const size = dv.getUint32(off + 4, true);
    // LC_VERSION_MIN_MACOSX (0x24): version at +8; LC_BUILD_VERSION (0x32): platform (1 = macOS) at +8, minos at +12.
    const packed = cmd === 0x24 ? dv.getUint32(off + 8, true) : cmd === 0x32 && dv.getUint32(off + 8, true) === 1 ? dv.getUint32(off + 12, true) : null;
    if (packed !== null) return { arch, macosMinimum: `${packed >>> 16}.${(packed >>> 8) & 0xff}` };
    if (size < 8) break;
    off += size;
  }
  return { arch, macosMinimum: null };
}

/** Reads a wheel. Throws WheelReadError when the archive itself cannot be read. */
export async function readWheel(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<WheelContents> {
  const { zip, size } = await openZip(path);
  const out: WheelContents = { file: path, fileSize: size, entries: [], texts: {}, archiveProblems: [] };
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new WheelReadError(`the archive lists ${zip.entryCount} entries (more than ${limits.maxEntries}); refusing to read it`);
    }
    const seen = new Set<string>();
    let declared = 0;
    const entries: yauzl.Entry[] = await new Promise((resolve, reject) => {
      const list: yauzl.Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        list.push(e);
        zip.readEntry();
      });
      zip.on('end', () => resolve(list));
      zip.on('error', (err: Error) => reject(new WheelReadError(`corrupt zip central directory (${err.message})`, { cause: err })));
      zip.readEntry();
    });
    const overlapping = overlappingEntries(entries);
    if (overlapping.size) {
      const names = [...overlapping].slice(0, 3).map((e) => entryName(e));
      out.archiveProblems.push(
        `${overlapping.size} entries overlap one another in the archive (${names.join(', ')}${overlapping.size > 3 ? ', ...' : ''}): a zip bomb that inflates the same compressed bytes again and again; these entries are not read`,
      );
    }
    // Entries refused on their own (below) do not count: they get their own, more precise, message.
    const declaredTotal = entries.reduce((sum, e) => sum + (overlapping.has(e) || entryBomb(e, limits) ? 0 : e.uncompressedSize), 0);
    const archiveRatioBomb = declaredTotal > BOMB_FLOOR_BYTES && declaredTotal > DEFLATE_MAX_RATIO * size;
    if (archiveRatioBomb) {
      out.archiveProblems.push(`the entries declare ${declaredTotal} bytes in total from a ${size}-byte archive, more than deflate can expand (${DEFLATE_MAX_RATIO}:1): a zip bomb; not read`);
    }
    for (const entry of entries) {
      const name = entryName(entry);
      if (name.endsWith('/')) continue; // a directory entry
      const facts: EntryFacts = { path: name, size: entry.uncompressedSize, compressedSize: entry.compressedSize, sha256: null, binary: null };
      out.entries.push(facts);
      // CPython's zipfile reads an Info-ZIP Unicode Path field (0x7075) since 3.12 and ignores it before: an installer
      // may see either name, so both must be safe.
      const inHeader = headerName(entry);
      const bad = unsafeName(name) ?? (inHeader !== name ? unsafeName(inHeader) : null);
      if (bad) {
        const shown = unsafeName(name) ? JSON.stringify(name) : `${JSON.stringify(inHeader)} (${JSON.stringify(name)} in its Unicode Path extra field)`;
        out.archiveProblems.push(`entry ${shown} ${bad}; an installer would refuse it or write outside site-packages`);
        continue;
      }
      // A symbolic link stored the Unix way (its mode in the external attributes, its target as the data): pip and
      // installer extract every entry as a regular file, so the link becomes a file holding the target's path.
      if (isUnixSymlink(entry)) {
        out.archiveProblems.push(`entry ${name} is a symbolic link; installers write it as a regular file holding the link's target path, so what it points to is not installed there`);
        continue;
      }
      if (seen.has(name)) out.archiveProblems.push(`entry ${name} appears twice in the archive`);
      seen.add(name);
      if (overlapping.has(entry) || archiveRatioBomb) continue;
      declared += entry.uncompressedSize;
      if (entryBomb(entry, limits) || declared > limits.maxTotalBytes) {
        out.archiveProblems.push(
          `entry ${name} declares ${entry.uncompressedSize} bytes from ${entry.compressedSize} compressed (a zip bomb, or beyond the ${limits.maxEntryBytes}-byte limit); not read`,
        );
        continue;
      }
      try {
        await readEntryFacts(zip, entry, facts, out, limits);
      } catch (e) {
        if (e instanceof WheelReadError) throw e;
        // yauzl reports truncated data, bad deflate streams and size mismatches here.
        throw new WheelReadError(`entry ${name} cannot be read (${(e as Error).message})`, { cause: e });
      }
    }
  } finally {
    zip.close();
  }
  return out;
}

/**
 * The entry name exactly as stored: yauzl's lenient decoding turns `\\` into `/`, which would hide a name that pip
 * and the wheel spec do not accept (zip names use `/`; APPNOTE 4.4.17).
 */
function entryName(entry: yauzl.Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, true);
}

/** The name in the header alone, without the Unicode Path extra field that entryName lets replace it. */
function headerName(entry: yauzl.Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, [], true);
}

/** An entry too large, or too compressed for its size, to inflate. */
function entryBomb(entry: yauzl.Entry, limits: ReadLimits): boolean {
  const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : Infinity;
  return entry.uncompressedSize > limits.maxEntryBytes || (entry.uncompressedSize > 16 * 1024 * 1024 && ratio > limits.maxRatio);
}

/**
 * Entries whose bytes overlap another entry's: [local header offset, + 30 + compressed size) is a lower bound of the
 * space an entry takes, so two such ranges that meet share bytes. Honest archives never do; overlap is how a 138 KB
 * zip inflates to gigabytes (David Fifield's "better zip bomb"), and CPython's zipfile refuses it since 3.12.
 */
function overlappingEntries(entries: readonly yauzl.Entry[]): Set<yauzl.Entry> {
  const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  const out = new Set<yauzl.Entry>();
  let reach = -1;
  let owner: yauzl.Entry | null = null;
  for (const e of sorted) {
    const end = e.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + e.compressedSize;
    if (owner && e.relativeOffsetOfLocalHeader < reach) {
      out.add(owner);
      out.add(e);
    }
    if (end > reach) {
      reach = end;
      owner = e;
    }
  }
  return out;
}

/** The raw (still compressed) bytes of an entry. */
async function readRaw(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const stream = await new Promise<Readable>((resolve, reject) => {
    // yauzl refuses the decompress option on stored entries, whose bytes are already the content.
    const cb = (err: Error | null, s: Readable) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s));
    if (entry.compressionMethod === 0) zip.openReadStream(entry, cb);
    else zip.openReadStream(entry, { decompress: false }, cb);
  });
  const parts: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) parts.push(chunk);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/**
 * An entry small enough to hold, inflated in one call on libuv's thread pool: a streamed inflate pays per 16 KiB
 * chunk (three piped streams in yauzl, a callback, a copy), which dominated the time on a release of large wheels.
 * maxOutputLength keeps a lying header from inflating past its declared size.
 */
async function readWhole(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Buffer> {
  const raw = await readRaw(zip, entry);
  let data: Buffer;
  if (entry.compressionMethod === 0) data = raw;
  else if (entry.compressionMethod === 8) {
    try {
      const opts = { maxOutputLength: Math.max(1, entry.uncompressedSize), chunkSize: Math.min(Math.max(entry.uncompressedSize, 64), 4 * 1024 * 1024) };
      // Small entries (the many .py files) inflate faster here than the round trip to the thread pool costs.
      data = raw.length <= SYNC_INFLATE_BYTES ? inflateRawSync(raw, opts) : await inflateRawAsync(raw, opts);
    } catch (e) {
      const msg = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `inflates to more than the ${entry.uncompressedSize} bytes its header declares` : (e as Error).message;
      throw new WheelReadError(`entry ${name} cannot be read (${msg})`, { cause: e });
    }
  } else throw new WheelReadError(`entry ${name} uses compression method ${entry.compressionMethod}, which wheels may not use (only stored and deflate)`);
  if (data.length !== entry.uncompressedSize) {
    throw new WheelReadError(`entry ${name} cannot be read (its header declares ${entry.uncompressedSize} bytes, its data holds ${data.length})`);
  }
  return data;
}

async function readEntryFacts(zip: yauzl.ZipFile, entry: yauzl.Entry, facts: EntryFacts, out: WheelContents, limits: ReadLimits): Promise<void> {
  const keepText = TEXT_NAME.test(facts.path) && entry.uncompressedSize <= MAX_TEXT;
  const looksLib = /\.(so(\.\d+)*|pyd|dylib)$/.test(facts.path);
  if (entry.uncompressedSize <= limits.bufferEntryBytes) {
    const data = await readWhole(zip, entry, facts.path);
    facts.sha256 = createHash('sha256').update(data).digest('base64url');
    facts.binary = binaryKind(data.subarray(0, 4));
    if (keepText) out.texts[facts.path] = data.toString('utf8');
    if (facts.binary === 'macho') facts.macho = machoFacts(data.subarray(0, 64 * 1024));
    if (facts.binary === 'elf') {
      const r = elfFacts(wholeView(data));
      facts.elf = r.elf;
      facts.elfError = r.elfError;
    } else if (looksLib && facts.path.endsWith('.so') && facts.binary === null) facts.elfError = 'not an ELF file (no \\x7fELF magic)';
    return;
  }
  // Too big to hold: stream it once for the hash and the head, then parse the ELF by ranges.
  const hash = createHash('sha256');
  // Enough for the headers and, in most objects, the dynamic symbol and version tables that follow them.
  const HEAD = 4 * 1024 * 1024;
  const headParts: Buffer[] = [];
  let headBytes = 0;
  await streamEntry(zip, entry, (chunk) => {
    hash.update(chunk);
    if (headBytes < HEAD) {
      headParts.push(chunk.subarray(0, HEAD - headBytes));
      headBytes += Math.min(chunk.length, HEAD - headBytes);
    }
  });
  facts.sha256 = hash.digest('base64url');
  const head = Buffer.concat(headParts);
  facts.binary = binaryKind(head.subarray(0, 4));
  if (facts.binary === 'macho') facts.macho = machoFacts(head);
  if (facts.binary !== 'elf') {
    if (looksLib && facts.path.endsWith('.so') && facts.binary === null) facts.elfError = 'not an ELF file (no \\x7fELF magic)';
    return;
  }
  // Too big to hold: parse from the head, then fetch what the parser names in further passes.
  const chunks: Array<{ offset: number; bytes: Uint8Array }> = [{ offset: 0, bytes: head }];
  for (let pass = 0; pass < 8; pass++) {
    const r = elfFacts(sparseView(entry.uncompressedSize, chunks));
    if (!r.need) {
      facts.elf = r.elf;
      facts.elfError = r.elfError;
      return;
    }
    const total = r.need.reduce((s, [, l]) => s + l, 0);
    if (total > limits.bufferEntryBytes) {
      facts.elfError = `ELF tables too large to read (${total} bytes)`;
      return;
    }
    chunks.push(...(await collectRanges(zip, entry, r.need)));
  }
  facts.elfError = 'ELF tables could not be located';
}
