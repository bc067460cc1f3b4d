// Watches a build's output on its way through `run`: whether each stream ended mid-line, and whether the build left
// GitHub's workflow commands stopped (`::stop-commands::TOKEN` with no `::TOKEN::`), so that what buildmedic prints
// after it starts on a line of its own and its annotations still work.

import { type StreamSoFar, WorkflowCommandState } from '../report/workflow-commands.js';
import type { OutputConsumer } from './spawn-build.js';

/** Bytes of a partial line kept for the next chunk: a command further into a longer line is not seen. */
const MAX_PENDING = 64 * 1024;
const LF = 10;
const CR = 13;
const NONE = Buffer.alloc(0);

export interface BuildOutputEnd {
  stdout: StreamSoFar;
  stderr: StreamSoFar;
}

function copyCapped(parts: Buffer[]): Buffer {
  const whole = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  return Buffer.from(whole.subarray(0, MAX_PENDING));
}

/**
 * Passes every chunk on to `next` unchanged. Lines are decoded only around the words that can change the runner's
 * command state (`stop-commands`, the stop token), so the cost per chunk is a few byte searches.
 */
export class BuildOutputWatch implements OutputConsumer {
  private readonly commands = new WorkflowCommandState();
  private readonly pending: [Buffer, Buffer] = [NONE, NONE];
  private readonly pendingMatters: [boolean, boolean] = [false, false];
  private readonly lastByte: [number, number] = [LF, LF];
  private needles: Buffer[] = [];
  private needlesFor: string | null | undefined = undefined;

  constructor(private readonly next: OutputConsumer) {}

  write(stream: 0 | 1, chunk: Buffer): boolean {
    this.watch(stream, chunk);
    return this.next.write(stream, chunk);
  }

  once(event: 'drain', listener: () => void): unknown {
    return this.next.once(event, listener);
  }

  /** Where the output stands once the build is done (a last line without its newline still counts as a line). */
  end(): BuildOutputEnd {
    for (const stream of [0, 1] as const) {
      if (this.pendingMatters[stream]) this.observe(this.pending[stream].toString('utf8'));
      this.pending[stream] = NONE;
      this.pendingMatters[stream] = false;
    }
    const stoppedBy = this.commands.stoppedBy;
    return { stdout: { atLineStart: this.lastByte[0] === LF || this.lastByte[0] === CR, stoppedBy }, stderr: { atLineStart: this.lastByte[1] === LF || this.lastByte[1] === CR, stoppedBy } };
  }

  private watch(stream: 0 | 1, chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.lastByte[stream] = chunk[chunk.length - 1];
    const pending = this.pending[stream];
    // A word cut in two by the chunk boundary (a token longer than this is not looked for across it).
    const seam = pending.length ? Buffer.concat([pending.subarray(-4096), chunk.subarray(0, 4096)]) : null;
    const matters = this.pendingMatters[stream] || this.hasNeedle(chunk) || (seam !== null && this.hasNeedle(seam));
    const lastBreak = Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
    if (lastBreak < 0) {
      this.pending[stream] = pending.length >= MAX_PENDING ? pending : copyCapped([pending, chunk]);
      this.pendingMatters[stream] = matters;
      return;
    }
    if (matters) {
      const text = Buffer.concat([pending, chunk.subarray(0, lastBreak)]).toString('utf8');
      // The runner splits lines at CR, LF and CRLF (.NET's ReadLine).
      for (const line of text.split(/\r\n|\r|\n/)) this.observe(line);
    }
    const rest = chunk.subarray(lastBreak + 1);
    this.pending[stream] = rest.length ? copyCapped([rest]) : NONE;
    this.pendingMatters[stream] = rest.length > 0 && this.hasNeedle(rest);
  }

  private observe(line: string): void {
    if (line.includes('::') || line.includes('##[')) this.commands.observe(line);
  }

  /** `stop-commands` in the usual spellings, and the token in force (the runner compares both ignoring case). */
  private hasNeedle(bytes: Buffer): boolean {
    const token = this.commands.stoppedBy;
    if (this.needlesFor !== token) {
      this.needlesFor = token;
      const words = ['ommands', 'OMMANDS', ...(token === null ? [] : [token, token.toLowerCase(), token.toUpperCase()])];
      this.needles = [...new Set(words)].map((w) => Buffer.from(w, 'utf8'));
    }
    return this.needles.some((n) => bytes.indexOf(n) >= 0);
  }
}
