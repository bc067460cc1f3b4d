// Finds the next line that can matter: an Aho-Corasick automaton over raw bytes for every prefilter literal,
// stepping over ANSI escape sequences so that colour codes between words do not hide a literal.
// Hand-written because it runs on every byte of every log: a typed-array DFA reads bytes without decoding them,
// about twice as fast here as one alternation RegExp over decoded text (scripts/bench.mjs measures both).

import { MAX_WASM_TEXT, WasmFind } from './literal-scan-wasm.js';

const ESC = 0x1b;
/**
 * Only the first bytes of each literal go into the automaton: enough to keep ordinary lines out (the callers' regexes
 * decide on the rest), and far fewer states than whole messages, so the table stays in cache and builds quickly.
 */
const KEY_BYTES = 16;

/** The first KEY_BYTES bytes of a literal, cut back to a UTF-8 character boundary. */
function keyOf(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= KEY_BYTES) return bytes;
  let cut = KEY_BYTES;
  while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut);
}

/** The built automaton as plain data, so a build step can store it and a process can load it instead of rebuilding. */
export interface CompiledAutomaton {
  /** Digest of the literals (and key length) it was built from; a mismatch means rebuild. */
  digest: string;
  width: number;
  classOf: Uint16Array;
  table: Int32Array;
  outputs: number[][];
}

/** FNV-1a over the literals: identifies the literal set a stored automaton belongs to. */
export function literalsDigest(literals: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ KEY_BYTES;
  for (const l of literals) {
    for (let i = 0; i < l.length; i++) {
      const c = l.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    }
    h1 = Math.imul(h1 ^ 0, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995) >>> 0;
  }
  return `${literals.length}-${h1.toString(16)}-${h2.toString(16)}`;
}

export class LiteralScanner {
  /** Byte -> column; every byte that occurs in no literal shares column 0, which keeps the table small. */
  private readonly classOf: Uint16Array;
  private readonly width: number;
  /**
   * next-state table, premultiplied by `width`. An entry that completes a literal is stored as
   * -(next * width) - 1, so `find` stops on a sign test and `literalsIn` can still continue from the next state.
   */
  private readonly table: Int32Array;
  /** Ids (indexes into the constructor's list) of the literals whose key ends in each state. */
  private readonly outputs: number[][];
  readonly states: number;
  private readonly digest: string;

  compiled(): CompiledAutomaton {
    return { digest: this.digest, width: this.width, classOf: this.classOf, table: this.table, outputs: this.outputs };
  }

  /** Builds the automaton for `literals`, or takes a stored one built from the same literals. */
  constructor(literals: readonly string[], stored?: CompiledAutomaton | null) {
    if (stored && stored.digest === literalsDigest(literals)) {
      this.classOf = stored.classOf;
      this.width = stored.width;
      this.table = stored.table;
      this.outputs = stored.outputs;
      this.states = stored.table.length / stored.width;
      this.digest = stored.digest;
      return;
    }
    this.digest = literalsDigest(literals);
    const encoder = new TextEncoder();
    const encoded = literals.map((l) => keyOf(encoder.encode(l)));
    this.classOf = new Uint16Array(256);
    let width = 1;
    for (const bytes of encoded) for (const b of bytes) if (this.classOf[b] === 0) this.classOf[b] = width++;
    this.width = width;

    // The trie, as a flat transition array (-1 = no edge), grown as needed.
    let capacity = 1024;
    let trie = new Int32Array(capacity * width).fill(-1);
    const outputs: number[][] = [[]];
    literals.forEach((_, id) => {
      let state = 0;
      for (const b of encoded[id]) {
        const slot = state * width + this.classOf[b];
        if (trie[slot] === -1) {
          if (outputs.length === capacity) {
            const grown = new Int32Array(capacity * 2 * width).fill(-1);
            grown.set(trie);
            trie = grown;
            capacity *= 2;
          }
          trie[slot] = outputs.length;
          outputs.push([]);
        }
        state = trie[slot];
      }
      outputs[state].push(id);
    });

    // Breadth-first failure links turn the trie into a complete DFA, in place.
    const states = outputs.length;
    const fail = new Int32Array(states);
    const queue = new Int32Array(states);
    let tail = 0;
    for (let c = 0; c < width; c++) {
      if (trie[c] === -1) trie[c] = 0;
      else queue[tail++] = trie[c];
    }
    for (let head = 0; head < tail; head++) {
      const r = queue[head];
      for (let c = 0; c < width; c++) {
        const s = trie[r * width + c];
        if (s === -1) {
          trie[r * width + c] = trie[fail[r] * width + c];
        } else {
          queue[tail++] = s;
          fail[s] = trie[fail[r] * width + c];
          if (outputs[fail[s]].length) outputs[s] = [...outputs[s], ...outputs[fail[s]]];
        }
      }
    }

    this.states = states;
    this.outputs = outputs;
    this.table = new Int32Array(states * width);
    for (let i = 0; i < states * width; i++) {
      const next = trie[i];
      this.table[i] = outputs[next].length > 0 ? -(next * width) - 1 : next * width;
    }
  }

  private wasm: WasmFind | null = null;

  /** Runs `find` in WebAssembly from now on (literal-scan.wat), unless this automaton has over 256 columns. */
  useWasm(module: WebAssembly.Module): void {
    if (WasmFind.fits(this.classOf)) this.wasm = new WasmFind(module, this.classOf, this.table);
  }

  get usesWasm(): boolean {
    return this.wasm !== null;
  }

  /**
   * `find` over one buffer, for a caller that looks for one hit after another in it: the WebAssembly loop when
   * there is one (the buffer is copied into its memory once), else the JavaScript loop. Valid until the next call.
   */
  over(buf: Uint8Array): (from: number, to: number) => number {
    const wasm = this.wasm;
    if (wasm === null || buf.length > MAX_WASM_TEXT) return (from, to) => this.find(buf, from, to);
    wasm.load(buf);
    return (from, to) => wasm.find(from, to);
  }

  /** Index of the last byte of the first literal found in buf[from, to), or -1. */
  find(buf: Uint8Array, from: number, to: number): number {
    const table = this.table;
    const classOf = this.classOf;
    let state = 0;
    for (let i = from; i < to; i++) {
      const byte = buf[i];
      if (byte === ESC) {
        i = skipEscape(buf, i, to);
        continue;
      }
      state = table[state + classOf[byte]];
      if (state < 0) return i;
    }
    return -1;
  }

  /**
   * Ids of the literals that may occur in buf[from, to) (a candidate line), each once: every literal whose first
   * bytes occur there, so a superset of those that occur whole.
   */
  literalsIn(buf: Uint8Array, from: number, to: number): Set<number> {
    const table = this.table;
    const classOf = this.classOf;
    const found = new Set<number>();
    let state = 0;
    for (let i = from; i < to; i++) {
      const byte = buf[i];
      if (byte === ESC) {
        i = skipEscape(buf, i, to);
        continue;
      }
      state = table[state + classOf[byte]];
      if (state < 0) {
        state = -state - 1;
        for (const id of this.outputs[state / this.width]) found.add(id);
      }
    }
    return found;
  }
}

/** Index of the last byte of the escape sequence starting at `i` (CSI, OSC, or a two-byte escape). */
function skipEscape(buf: Uint8Array, i: number, to: number): number {
  let j = i + 1;
  if (j >= to) return i;
  if (buf[j] === 0x5b /* [ */) {
    j++;
    // parameter and intermediate bytes, then one final byte
    while (j < to && buf[j] >= 0x20 && buf[j] <= 0x3f) j++;
    return j;
  }
  if (buf[j] === 0x5d /* ] */) {
    // OSC: up to BEL or ESC \
    for (j++; j < to; j++) {
      if (buf[j] === 0x07) return j;
      if (buf[j] === ESC && j + 1 < to && buf[j + 1] === 0x5c) return j + 1;
      if (buf[j] === 0x0a) return j - 1;
    }
    return to - 1;
  }
  return j;
}

const MAGIC = 'buildmedic-automaton-1\n';

/** Stores a compiled automaton as bytes: a magic line, a JSON header line, then the class map and the table. */
export function encodeAutomaton(a: CompiledAutomaton): Uint8Array {
  const header = new TextEncoder().encode(`${MAGIC}${JSON.stringify({ digest: a.digest, width: a.width, outputs: a.outputs })}\n`);
  const pad = (4 - (header.length % 4)) % 4;
  const out = new Uint8Array(header.length + pad + a.classOf.byteLength + a.table.byteLength);
  out.set(header, 0);
  out.set(new Uint8Array(a.classOf.buffer, a.classOf.byteOffset, a.classOf.byteLength), header.length + pad);
  out.set(new Uint8Array(a.table.buffer, a.table.byteOffset, a.table.byteLength), header.length + pad + a.classOf.byteLength);
  return out;
}

/** Reads what encodeAutomaton wrote; null when the bytes are not a stored automaton. */
export function decodeAutomaton(bytes: Uint8Array): CompiledAutomaton | null {
  const magic = new TextEncoder().encode(MAGIC);
  if (bytes.length < magic.length || magic.some((b, i) => bytes[i] !== b)) return null;
  const nl = bytes.indexOf(10, magic.length);
  if (nl < 0) return null;
  let header: { digest: string; width: number; outputs: number[][] };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(magic.length, nl)));
  } catch {
    return null;
  }
  const start = nl + 1 + ((4 - ((nl + 1) % 4)) % 4);
  const tableBytes = bytes.length - start - 512;
  if (tableBytes < 0 || tableBytes % (4 * header.width) !== 0) return null;
  // Copies (Uint8Array's slice, not Buffer's, which shares memory), so the views are aligned and own their bytes.
  const copy = (from: number, to: number) => Uint8Array.prototype.slice.call(bytes, from, to).buffer;
  const classOf = new Uint16Array(copy(start, start + 512));
  const table = new Int32Array(copy(start + 512, bytes.length));
  return { digest: header.digest, width: header.width, classOf, table, outputs: header.outputs };
}
