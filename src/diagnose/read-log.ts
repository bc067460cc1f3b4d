// Reads a log (file, '-' or stdin; gzip detected by its magic bytes) and hands the engine chunks of whole lines.
// Memory stays bounded: one read buffer, one partial line capped at MAX_LINE_CHARS bytes.

import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BuildmedicError, fileError } from '../errors.js';

/** Lines longer than this are cut for matching and reported as truncated. */
export const MAX_LINE_CHARS = 64 * 1024;
const READ_CHUNK = 1 << 17;

export interface LogSink {
  feed(text: string): void;
  feedBytes(bytes: Uint8Array): void;
  noteTruncated(count: number): void;
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number | null;
}

export interface ReadResult {
  bytes: number;
  name: string;
}

/** Share of control bytes above which the start of an input is taken for a binary file, not a log. */
const BINARY_THRESHOLD = 0.1;

/** A run of NUL bytes this long is padding (the zero-filled block a crash or a preallocating writer leaves in a log), not content. */
const NUL_PADDING = 16;

export function looksBinary(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let control = 0;
  let padding = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) {
      let end = i;
      while (end < sample.length && sample[end] === 0) end++;
      if (end - i >= NUL_PADDING) {
        padding += end - i;
        i = end - 1;
        continue;
      }
    }
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 27 && b !== 12 && b !== 8) control++;
  }
  // Nothing but padding (/dev/zero, an empty preallocated file) is no log either.
  const content = sample.length - padding;
  return content === 0 || control / content > BINARY_THRESHOLD;
}

/** Splits decoded text into whole-line chunks for the sink; keeps the partial last line for the next call. */
export class LineChunker {
  private carry = '';
  private discarding = false;

  constructor(private readonly sink: LogSink) {}

  push(text: string): void {
    let s = text;
    if (this.discarding) {
      const nl = s.indexOf('\n');
      if (nl < 0) return;
      s = s.slice(nl + 1);
      this.discarding = false;
    }
    // NUL bytes are not text; dropping them keeps the text around them analysable.
    if (s.includes('\0')) s = s.replaceAll('\0', '');
    const combined = this.carry + s;
    const lastNl = combined.lastIndexOf('\n');
    if (lastNl < 0) {
      this.carry = combined;
    } else {
      this.sink.feed(combined.slice(0, lastNl));
      this.carry = combined.slice(lastNl + 1);
    }
    if (this.carry.length > MAX_LINE_CHARS) {
      // A line longer than any log line: match its start, skip the rest up to the next newline.
      this.sink.feed(this.carry.slice(0, MAX_LINE_CHARS));
      this.sink.noteTruncated(1);
      this.carry = '';
      this.discarding = true;
    }
  }

  end(): void {
    if (this.carry !== '') this.sink.feed(this.carry);
    this.carry = '';
  }
}

/**
 * Splits raw UTF-8 bytes into whole-line chunks for the sink without decoding them (the engine decodes only the
 * lines it looks at); keeps the partial last line, capped, for the next call. Splitting at '\n' bytes never cuts
 * a UTF-8 character.
 */
export class ByteLineChunker {
  private carry: Buffer | null = null;
  private discarding = false;
  private sawNewline = false;
  /** Lines end at a lone CR (classic Mac OS, some serial consoles and Windows tools): no LF came before a line overflowed or the input ended. */
  private crOnly = false;

  constructor(private readonly sink: LogSink) {}

  push(bytes: Buffer): void {
    if (!this.sawNewline && bytes.includes(10)) {
      // One LF and the CRs are redraws within lines again (progress bars), as normalize reads them.
      this.sawNewline = true;
      this.crOnly = false;
    }
    this.split(this.crOnly ? crToLf(bytes) : bytes);
  }

  private split(bytes: Buffer): void {
    let buf = bytes;
    if (this.discarding) {
      const nl = buf.indexOf(10);
      if (nl < 0) return;
      buf = buf.subarray(nl + 1);
      this.discarding = false;
    }
    const lastNl = buf.lastIndexOf(10);
    if (lastNl < 0) {
      this.carry = this.carry ? Buffer.concat([this.carry, buf]) : Buffer.from(buf);
    } else {
      let from = 0;
      if (this.carry) {
        // Only the line the carry completes is joined; copying the whole chunk behind it cost ~0.6 ms per MB.
        const firstNl = buf.indexOf(10);
        this.sink.feedBytes(Buffer.concat([this.carry, buf.subarray(0, firstNl)]));
        from = firstNl + 1;
      }
      if (from <= lastNl) this.sink.feedBytes(buf.subarray(from, lastNl));
      this.carry = lastNl + 1 < buf.length ? Buffer.from(buf.subarray(lastNl + 1)) : null;
    }
    if (this.carry && this.carry.length > MAX_LINE_CHARS) {
      if (this.startCrOnly()) return;
      // A line longer than any log line: match its start, skip the rest up to the next newline.
      this.sink.feedBytes(this.carry.subarray(0, MAX_LINE_CHARS));
      this.sink.noteTruncated(1);
      this.carry = null;
      this.discarding = true;
    }
  }

  /** Re-splits the carry at its CRs when everything so far is one "line" holding CRs and no LF; false when it is not. */
  private startCrOnly(): boolean {
    if (this.sawNewline || this.crOnly || !this.carry?.includes(13)) return false;
    this.crOnly = true;
    const text = crToLf(this.carry);
    this.carry = null;
    this.split(text);
    return true;
  }

  end(): void {
    this.startCrOnly();
    if (this.carry && this.carry.length > 0) this.sink.feedBytes(this.carry);
    this.carry = null;
  }
}

/** A copy of `bytes` with every CR made an LF (only used where no LF occurs). */
function crToLf(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let i = out.indexOf(13); i >= 0; i = out.indexOf(13, i + 1)) out[i] = 10;
  return out;
}

interface LogInput {
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>;
  name: string;
  total: number | null;
  close(): void;
}

/**
 * A regular file is read with blocking reads: a CLI has nothing else to do meanwhile, and on small logs the
 * thread-pool round trips of a read stream are a visible share of the wall time. Pipes and devices stream.
 * Every chunk is the same buffer, valid until the next one is read: a fresh megabyte per read would pile up
 * outside V8's heap faster than its collector notices (peak RSS +60 MiB on the 500 MB bench log).
 */
function* fileChunks(fd: number): Generator<Buffer> {
  const buffer = Buffer.allocUnsafe(READ_CHUNK);
  for (;;) {
    const n = readSync(fd, buffer, 0, READ_CHUNK, null);
    if (n === 0) return;
    yield buffer.subarray(0, n);
  }
}

async function openInput(path: string | null): Promise<LogInput> {
  if (path === null || path === '-') return { chunks: process.stdin, name: '<stdin>', total: null, close: () => {} };
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (st.isFile()) {
      const fd = openSync(path, 'r');
      return { chunks: fileChunks(fd), name: path, total: st.size, close: () => closeSync(fd) };
    }
  } catch (error) {
    throw fileError(path, error);
  }
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(fileError(path, e)));
  });
  return { chunks: stream, name: path, total: null, close: () => stream.destroy() };
}

/**
 * 'utf-16le' / 'utf-16be' for input that starts with that byte-order mark and whose first characters are mostly ASCII
 * (a zero high byte, as a log's paths, spaces and newlines are), else null: FF FE alone also starts invalid UTF-8.
 * Without a mark (cmd.exe /u, .NET's UnicodeEncoding without preamble), the input is UTF-16 when nearly every
 * character of its start is ASCII in one byte order: one byte of every pair zero, the other not.
 */
function utf16Encoding(head: Buffer): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | null {
  const marked = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
  if (marked) {
    if (head.length < 4) return null;
    const units = Math.min(256, Math.floor((head.length - 2) / 2));
    let ascii = 0;
    for (let i = 0; i < units; i++) if (head[2 + 2 * i + (marked === 'utf-16le' ? 1 : 0)] === 0) ascii++;
    return ascii * 4 >= units ? { encoding: marked, bom: true } : null;
  }
  const units = Math.min(2048, Math.floor(head.length / 2));
  if (units < 16) return null;
  let le = 0;
  let be = 0;
  for (let i = 0; i < units; i++) {
    const a = head[2 * i];
    const b = head[2 * i + 1];
    if (b === 0 && a !== 0) le++;
    else if (a === 0 && b !== 0) be++;
  }
  if (le * 20 >= units * 19) return { encoding: 'utf-16le', bom: false };
  if (be * 20 >= units * 19) return { encoding: 'utf-16be', bom: false };
  return null;
}

/**
 * Feeds decoded text (a file's bytes, or what gunzip made of them) to `chunker`: UTF-16 is decoded, UTF-8 passed
 * as is, and a start that is neither is refused as binary (a .gz of an executable too, not only the file itself).
 */
async function feedText(head: Buffer, rest: AsyncIterable<Buffer>, chunker: ByteLineChunker, name: string): Promise<void> {
  const utf16 = utf16Encoding(head);
  if (utf16) {
    // The mark is not text: TextDecoder drops a BOM itself, and with none there is nothing to drop.
    const decoder = new TextDecoder(utf16.encoding);
    chunker.push(Buffer.from(decoder.decode(head, { stream: true }), 'utf8'));
    for await (const raw of rest) chunker.push(Buffer.from(decoder.decode(raw, { stream: true }), 'utf8'));
    chunker.push(Buffer.from(decoder.decode(), 'utf8'));
    return;
  }
  if (looksBinary(head.subarray(0, 65536))) throw new BuildmedicError('input-binary', `${name}: looks like a binary file, not a build log (use a text or .gz log)`);
  chunker.push(head);
  for await (const out of rest) chunker.push(out);
}

/** The first chunk of at least `min` bytes (or all there is) of `source`, and the rest of it. */
async function splitHead(source: AsyncIterator<Buffer>, min: number): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < min) {
    const next = await source.next();
    if (next.done) break;
    parts.push(Buffer.from(next.value));
    size += next.value.length;
  }
  return { head: Buffer.concat(parts), rest: { [Symbol.asyncIterator]: () => source } };
}

/** Streams a log into `sink`. Throws BuildmedicError for unreadable, binary or corrupt input. */
export async function readLog(path: string | null, sink: LogSink, onProgress?: (p: ReadProgress) => void): Promise<ReadResult> {
  const { chunks, name, total, close } = await openInput(path);
  const chunker = new ByteLineChunker(sink);
  let bytesRead = 0;
  const counted = async function* (): AsyncGenerator<Buffer> {
    for await (const raw of chunks) {
      bytesRead += raw.length;
      onProgress?.({ bytesRead, totalBytes: total });
      yield raw;
    }
  };
  try {
    const source = counted();
    const first = await source.next();
    if (first.done) return { bytes: 0, name };
    const head: Buffer = first.value;
    const isGzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
    if (isGzip) {
      // The stream reads ahead of gunzip, so it gets copies: a file's chunks share one buffer.
      const all = Readable.from((async function* () {
        yield Buffer.from(head);
        for await (const chunk of source) yield Buffer.from(chunk);
      })());
      const gunzip = createGunzip();
      const piping = pipeline(all, gunzip);
      // What the archive holds is read as a file is: a PowerShell log gzipped is UTF-16, an executable is binary.
      let content: Awaited<ReturnType<typeof splitHead>>;
      const output = (gunzip as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      try {
        content = await splitHead(output, 4096);
      } catch (error) {
        throw new BuildmedicError('input-corrupt-gzip', `${name}: gzip data is corrupt or cut short (${(error as Error).message})`, { cause: error });
      }
      try {
        await feedText(content.head, content.rest, chunker, name);
        await piping;
      } catch (error) {
        piping.catch(() => undefined);
        if (error instanceof BuildmedicError) throw error;
        throw new BuildmedicError('input-corrupt-gzip', `${name}: gzip data is corrupt or cut short (${(error as Error).message})`, { cause: error });
      }
    } else {
      await feedText(head, source, chunker, name);
    }
  } catch (error) {
    if (error instanceof BuildmedicError) throw error;
    throw fileError(name, error);
  } finally {
    close();
  }
  chunker.end();
  return { bytes: bytesRead, name };
}
