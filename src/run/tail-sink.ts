// A log sink that passes whole lines on to the engine and keeps the last few, for failures whose log shows no error line.

import type { LogSink } from '../diagnose/read-log.js';

export const TAIL_LINES = 20;

export class TailSink implements LogSink {
  tail: string[] = [];

  constructor(private readonly next: LogSink) {}

  feed(text: string): void {
    this.next.feed(text);
    this.keepTail(text);
  }

  feedBytes(bytes: Uint8Array): void {
    this.next.feedBytes(bytes);
    // Only the last lines are decoded: the engine reads the rest as bytes.
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let from = buf.length;
    for (let n = 0; n < TAIL_LINES && from > 0; n++) from = buf.lastIndexOf(10, from - 1);
    this.keepTail(buf.toString('utf8', Math.max(0, from + 1)));
  }

  noteTruncated(count: number): void {
    this.next.noteTruncated(count);
  }

  private keepTail(text: string): void {
    let end = text.length;
    const fresh: string[] = [];
    while (fresh.length < TAIL_LINES) {
      const nl = text.lastIndexOf('\n', end - 1);
      fresh.push(text.slice(nl + 1, end));
      if (nl < 0) break;
      end = nl;
    }
    fresh.reverse();
    this.tail = fresh.length >= TAIL_LINES ? fresh : [...this.tail, ...fresh].slice(-TAIL_LINES);
  }
}
