// Finds the next line that can matter: an Aho-Corasick automaton over raw bytes for every prefilter literal,
// stepping over ANSI escape sequences so that colour codes between words do not hide a literal.
// Hand-written because it runs on every byte of every log: a typed-array DFA reads bytes without decoding them,
// about twice as fast here as one alternation RegExp over decoded text (scripts/bench.mjs measures both).

import { MAX_WASM_TEXT, scanLayout, WasmFind, type ScanLayout } from './literal-scan-wasm.js';

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

/**
 * The keys of `literals`, encoded as one text and cut at the NULs between them (no literal holds one; a line's NULs
 * are dropped before matching): a thousand TextEncoder calls were milliseconds of every start.
 */
function keysOf(literals: readonly string[]): Uint8Array[] {
  const encoder = new TextEncoder();
  if (literals.some((l) => l.includes('\0'))) return literals.map((l) => keyOf(encoder.encode(l)));
  const all = encoder.encode(literals.join('\0'));
  const keys: Uint8Array[] = [];
  for (let from = 0; keys.length < literals.length; ) {
    let to = all.indexOf(0, from);
    if (to < 0) to = all.length;
    keys.push(keyOf(all.subarray(from, to)));
    from = to + 1;
  }
  return keys;
}

/**
 * The WebAssembly loop's filter (literal-scan.wat). It looks at every second position only: each key of 5 bytes or
 * more registers two overlapping pieces of its own, at offsets o and o + 1, so that one of them starts at a
 * looked-at position wherever the key occurs. The two bytes there (a pair) say which hash of the 8 (or 4) bytes there
 * to look up. A shorter key registers two overlapping pairs, which flag the position at once; so does ESC, since
 * the automaton steps over escape sequences inside a key. The automaton walks the bytes around a flagged position.
 */
export interface KeyFilter {
  /** 2^16 marks, indexed by b0 | b1 << 8: PIECE4 and/or PIECE8 (check that piece's hash), FLAG (flag the position). */
  pairs: Uint8Array;
  /** 2^gramBits bits: the hashes (pieceHash4, pieceHash8) of the keys' pieces. */
  grams: Uint8Array;
  gramBits: number;
  /** The longest key, in bytes: no key reaching a flagged position starts further back. */
  maxKey: number;
}

/** Marks of a pair, as literal-scan.wat reads them: which piece hash to look up there, or flag the position. */
const PIECE4 = 1;
const PIECE8 = 2;
const FLAG = 4;
/** 2^20 bits (128 KiB): a text's pieces fall on a set bit by chance about once in 800 (1,300 pieces). */
const GRAM_BITS = 20;
/** The filter's step (literal-scan.wat has it too): pieces or pairs at this many consecutive offsets. */
const STRIDE = 2;
/** Keys at least this long get 8-byte pieces, shorter ones (down to SHORT_PIECE_KEY) 4-byte ones. */
const LONG_PIECE_KEY = 8 + STRIDE - 1;
const SHORT_PIECE_KEY = 4 + STRIDE - 1;

/** Multiplicative hashes of a little-endian 4- or 8-byte piece to GRAM_BITS bits, as literal-scan.wat computes them. */
const pieceHash4 = (piece: number) => Math.imul(piece, 0x9e3779b1) >>> (32 - GRAM_BITS);
const u32At = (bytes: Uint8Array, at: number) => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
const pairAt = (bytes: Uint8Array, at: number) => bytes[at] | (bytes[at + 1] << 8);
const HASH8_LIMBS = [0x7c15, 0x7f4a, 0x79b9, 0x9e37]; // 0x9e3779b97f4a7c15, 16 bits at a time, low first

/**
 * The 8-byte piece at `at` times 0x9e3779b97f4a7c15, mod 2^64, shifted right by 64 - GRAM_BITS (as the module's
 * i64 arithmetic does), computed in 16-bit limbs so that every product is exact in a double; BigInt took
 * milliseconds of every start for the knowledge base's pieces.
 */
function pieceHash8(bytes: Uint8Array, at: number): number {
  const lo = u32At(bytes, at);
  const hi = u32At(bytes, at + 4);
  const piece = [lo & 0xffff, lo >>> 16, hi & 0xffff, hi >>> 16];
  const limbs = [0, 0, 0, 0];
  let carry = 0;
  for (let n = 0; n < 4; n++) {
    let sum = carry;
    for (let i = 0; i <= n; i++) sum += piece[i] * HASH8_LIMBS[n - i];
    limbs[n] = sum % 65536;
    carry = Math.floor(sum / 65536);
  }
  return Math.floor((limbs[3] * 65536 + limbs[2]) / 2 ** (32 - GRAM_BITS));
}

/**
 * Bytes by how often they occur in build logs, most frequent first (measured on the case and validation logs of
 * this repository): ties between pieces go to those made of bytes late in this list.
 */
const COMMON_BYTES = ' enoirtaslcdup-/g\n.m:fbhy_1v0k2xwRC3"E6~^84\',`(N)S';

function commonness(byte: number): number {
  const rank = COMMON_BYTES.indexOf(String.fromCharCode(byte));
  return rank < 0 ? 0 : COMMON_BYTES.length - rank;
}

/**
 * Length of a key's pieces (2: none, pairs flag the position: shortCovers), how many it registers (span), and how many
 * offsets o it can start them at, or for a key of 3 or 4 bytes how many pairs of covers it can choose from (0: a key
 * under 3 bytes, whose bytes flag positions on their own).
 */
function pieceShape(key: Uint8Array): { length: number; span: number; offsets: number } {
  if (key.length >= LONG_PIECE_KEY) return { length: 8, span: STRIDE, offsets: key.length - LONG_PIECE_KEY + 1 };
  if (key.length >= SHORT_PIECE_KEY) return { length: 4, span: STRIDE, offsets: key.length - SHORT_PIECE_KEY + 1 };
  if (key.length < 3) return { length: 2, span: STRIDE, offsets: 0 };
  const { even, odd } = shortCovers(key);
  return { length: 2, span: STRIDE, offsets: even.length * odd.length };
}

/** Pairs that flag a position: both bytes given, or one of them and any byte (null) beside it. */
type PairCover = readonly [first: number | null, second: number | null];

/**
 * The pairs that can flag an occurrence of a key of 3 or 4 bytes, for each parity of the looked-at positions in it:
 * `even` holds those looked at when its first byte is, `odd` those looked at when it is not. Every cover starts at
 * or after the key's first byte, except (any, first byte): flagged just before the key, the walk hands back at its
 * first byte at the latest (no key is begun there), and from there the filter looks at the key's even positions.
 * A key registers one cover of each list: the two rarest, rather than two overlapping pairs inside it (": " for "@: ").
 */
function shortCovers(key: Uint8Array): { even: PairCover[]; odd: PairCover[] } {
  const even: PairCover[] = [];
  const odd: PairCover[] = [[null, key[0]]];
  for (let at = 0; at < key.length; at++) (at % 2 === 0 ? even : odd).push(at + 1 < key.length ? [key[at], key[at + 1]] : [key[at], null]);
  return { even, odd };
}

/** The even and the odd cover of shortCovers that choice `n` (below pieceShape's offsets) names. */
function shortCoversOf(key: Uint8Array, n: number): [PairCover, PairCover] {
  const { even, odd } = shortCovers(key);
  return [even[Math.floor(n / odd.length)], odd[n % odd.length]];
}

/**
 * For each key, the offset o of its pieces (or pairs) that occur least often in `sample` (build logs), ties going
 * to rarer bytes; -1 for a key under 3 bytes. Any choice finds the same lines: a rarer one only flags fewer.
 */
export function choosePieces(keys: readonly Uint8Array[], sample: readonly Uint8Array[] = []): number[] {
  // A piece is known by what the filter looks up: its pair, or the hash of its 4 or 8 bytes. Counting sample text by
  // hash counts the text that collides with a piece too, which flags a position as often as the piece itself does.
  const idOf = (bytes: Uint8Array, at: number, length: number) =>
    length === 2 ? pairAt(bytes, at) : length === 4 ? (1 << 16) + pieceHash4(u32At(bytes, at)) : (1 << 16) + (1 << GRAM_BITS) + pieceHash8(bytes, at);
  const counts = new Map<number, number>();
  for (const key of keys) {
    const { length, span, offsets } = pieceShape(key);
    if (length === 2) for (let at = 0; offsets > 0 && at + 1 < key.length; at++) counts.set(idOf(key, at, 2), 0);
    else if (offsets > 0) for (let at = 0; at < offsets + span - 1; at++) counts.set(idOf(key, at, length), 0);
  }
  /** Lines holding each byte, for the covers of short keys that flag a byte beside any other. */
  const byteLines = new Array<number>(256).fill(0);
  // Lines holding a piece, not its occurrences: a walk from a flagged position runs on through the occurrences
  // that follow it in a line ("----" in a rule of dashes), so a run of them costs one walk, not one per byte.
  const lineCounted = new Map<number, number>();
  const byteCounted = new Array<number>(256).fill(-1);
  let line = 0;
  for (const text of sample) {
    for (let at = 0; at < text.length; at++) {
      if (text[at] === 10) line++;
      if (byteCounted[text[at]] !== line) (byteCounted[text[at]] = line), byteLines[text[at]]++;
      for (const size of [2, 4, 8]) {
        if (at + size > text.length) break;
        const id = idOf(text, at, size);
        if (counts.has(id) && lineCounted.get(id) !== line) {
          lineCounted.set(id, line);
          counts.set(id, counts.get(id)! + 1);
        }
      }
    }
    line++;
  }
  // A cover of one byte beside any flags every position of that byte: on a tie (no sample) the pair inside the key.
  const coverScore = ([first, second]: PairCover) =>
    first !== null && second !== null
      ? counts.get(first | (second << 8))! * 4096 + commonness(first) + commonness(second)
      : byteLines[(first ?? second)!] * 4096 + 2048 + commonness((first ?? second)!);
  return keys.map((key) => {
    const { length, span, offsets } = pieceShape(key);
    if (length === 2 && offsets > 0) {
      const { even, odd } = shortCovers(key);
      const rarest = (covers: PairCover[]) => covers.reduce((b, c, i) => (coverScore(c) < coverScore(covers[b]) ? i : b), 0);
      return rarest(even) * odd.length + rarest(odd);
    }
    let best = -1;
    let bestScore = Infinity;
    for (let o = 0; o < offsets; o++) {
      let seen = 0;
      let bytes = 0;
      for (let at = o; at < o + span; at++) seen += counts.get(idOf(key, at, length))!;
      for (let at = o; at < o + span - 1 + length; at++) bytes += commonness(key[at]);
      const score = seen * 4096 + bytes;
      if (score < bestScore) [best, bestScore] = [o, score];
    }
    return best;
  });
}

/** True when `pieces` holds an offset choosePieces could have given for each key. */
function piecesFit(pieces: readonly number[] | undefined, keys: readonly Uint8Array[]): pieces is number[] {
  if (pieces === undefined || pieces.length !== keys.length) return false;
  return keys.every((key, i) => {
    const { offsets } = pieceShape(key);
    return offsets === 0 ? pieces[i] === -1 : Number.isInteger(pieces[i]) && pieces[i] >= 0 && pieces[i] < offsets;
  });
}

export function buildKeyFilter(keys: readonly Uint8Array[], pieces: readonly number[]): KeyFilter {
  const pairs = new Uint8Array(1 << 16);
  const grams = new Uint8Array(1 << (GRAM_BITS - 3));
  const mark = (pair: number, value: number) => (pairs[pair] |= value);
  const setBit = (bit: number) => (grams[bit >> 3] |= 1 << (bit & 7));
  const everyPair = (first: number | null, second: number | null) => {
    for (let other = 0; other < 256; other++) mark((first ?? other) | ((second ?? other) << 8), FLAG);
  };
  // ESC, wherever a looked-at position puts it: first or second byte of the pair.
  everyPair(ESC, null);
  everyPair(null, ESC);
  keys.forEach((key, i) => {
    const { length, span, offsets } = pieceShape(key);
    if (length === 2 && offsets > 0) {
      for (const [first, second] of shortCoversOf(key, pieces[i])) {
        if (first !== null && second !== null) mark(first | (second << 8), FLAG);
        else everyPair(first, second);
      }
      return;
    }
    for (let at = pieces[i]; offsets > 0 && at < pieces[i] + span; at++) {
      if (length === 8) setBit(pieceHash8(key, at));
      if (length === 4) setBit(pieceHash4(u32At(key, at)));
      mark(pairAt(key, at), length === 8 ? PIECE8 : length === 4 ? PIECE4 : FLAG);
    }
    if (key.length === 2) {
      // At an even position the pair is the key; at an odd one the next looked-at pair starts with its second byte.
      mark(pairAt(key, 0), FLAG);
      everyPair(key[1], null);
    } else if (key.length === 1) {
      everyPair(key[0], null);
      everyPair(null, key[0]);
    } else if (key.length === 0) {
      pairs.fill(FLAG); // an empty key matches everywhere
    }
  });
  return { pairs, grams, gramBits: GRAM_BITS, maxKey: Math.max(0, ...keys.map((k) => k.length)) };
}

/** The built automaton as plain data, so a build step can store it and a process can load it instead of rebuilding. */
export interface CompiledAutomaton {
  /** The literals (and key length) it was built from, as literalSetOf writes them; a mismatch means rebuild. */
  literalSet: string;
  width: number;
  classOf: Uint16Array;
  table: Int32Array;
  outputs: number[][];
  /** choosePieces' answer for the keys, when a build step counted them in sample logs. */
  pieces?: number[];
  /** The WebAssembly loop's filter for those pieces. */
  filter?: KeyFilter;
  /**
   * The memory that `table` and `filter` are views of, laid out as scanLayout lays out the WebAssembly module's
   * (a stored automaton read straight into it): the module then scans with them in place instead of copying.
   */
  memory?: WebAssembly.Memory;
}

/**
 * Identifies the literal set (and key length) an automaton belongs to: the literals themselves, as one string, so
 * comparing is one native string comparison and never a false match (a hash of them took milliseconds per start).
 */
export function literalSetOf(literals: readonly string[]): string {
  return `${KEY_BYTES}\0${literals.join('\0')}`;
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
  private readonly literalSet: string;

  /** The automaton as plain data (its filter included, for storing), never tied to this scanner's memory. */
  compiled(): CompiledAutomaton {
    return { literalSet: this.literalSet, width: this.width, classOf: this.classOf, table: this.table, outputs: this.outputs, pieces: this.pieces, filter: this.keyFilter() };
  }

  /** The literals' keys, and the piece of each that the WebAssembly loop's filter looks for. */
  private readonly keys: readonly Uint8Array[];
  private pieces: number[];
  /** The filter for those pieces, once built or stored (a stored one spares building it on every start). */
  private filter: KeyFilter | null = null;
  /** The memory a stored automaton was read into, for useWasm to scan in. */
  private readonly memory: WebAssembly.Memory | undefined;

  /** Builds the automaton for `literals`, or takes a stored one built from the same literals. */
  constructor(literals: readonly string[], stored?: CompiledAutomaton | null) {
    const encoded = keysOf(literals);
    this.keys = encoded;
    const literalSet = literalSetOf(literals);
    const fits = stored !== null && stored !== undefined && stored.literalSet === literalSet;
    // Choosing pieces costs a few milliseconds, a visible share of a small log's run: only when none are stored.
    const piecesStored = fits && piecesFit(stored.pieces, encoded);
    this.pieces = piecesStored ? stored.pieces! : choosePieces(encoded);
    if (piecesStored && stored.filter?.gramBits === GRAM_BITS) this.filter = stored.filter;
    this.literalSet = literalSet;
    if (fits) {
      this.classOf = stored.classOf;
      this.width = stored.width;
      this.table = stored.table;
      this.outputs = stored.outputs;
      this.states = stored.table.length / stored.width;
      this.memory = stored.memory;
      return;
    }
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

  /** Chooses the filter's pieces by how often they occur in `sample` (build logs); before useWasm. */
  tunePieces(sample: readonly Uint8Array[]): void {
    this.pieces = choosePieces(this.keys, sample);
    this.filter = null;
  }

  private keyFilter(): KeyFilter {
    this.filter ??= buildKeyFilter(this.keys, this.pieces);
    return this.filter;
  }

  /** Runs `find` in WebAssembly from now on (literal-scan.wat), unless this automaton has over 256 columns. */
  useWasm(module: WebAssembly.Module): void {
    if (WasmFind.fits(this.classOf)) this.wasm = new WasmFind(module, this.classOf, this.table, this.keyFilter(), this.memory);
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
    this.loaded = null;
    if (wasm === null || buf.length > MAX_WASM_TEXT) return (from, to) => this.find(buf, from, to);
    wasm.load(buf);
    this.loaded = buf;
    return (from, to) => wasm.find(from, to);
  }

  /** The text the WebAssembly module holds since the last `over`, if any. */
  private loaded: Uint8Array | null = null;

  /**
   * Newlines in buf[from, to), and how many of the lines they end (the first starting at `from`) are longer than
   * `cap` bytes: in WebAssembly when buf is the text of the last `over` (and cap is 16 or more), else in JavaScript.
   */
  countLines(buf: Uint8Array, from: number, to: number, cap: number): { lines: number; long: number } {
    if (this.wasm !== null && this.loaded === buf && cap >= 16) return this.wasm.countLines(from, to, cap);
    let lines = 0;
    let long = 0;
    let lineStart = from;
    for (let i = buf.indexOf(10, from); i !== -1 && i < to; i = buf.indexOf(10, i + 1)) {
      if (i - lineStart > cap) long++;
      lineStart = i + 1;
      lines++;
    }
    return { lines, long };
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

/**
 * A stored automaton's first line: this, the length in bytes of the JSON header line that follows (ten digits), and a
 * newline; so a reader knows how much to read before the image, which it can then read straight to where it is used.
 */
const MAGIC = 'buildmedic-automaton-3 ';
export const AUTOMATON_PREFIX_BYTES = MAGIC.length + 11;

/** What the JSON header of a stored automaton says, and where its image lies in the file and in a scan memory. */
export interface AutomatonHeader {
  literalSet: string;
  width: number;
  classOf: number[];
  outputs: number[][];
  pieces?: number[];
  gramBits: number;
  maxKey: number;
  states: number;
  /** Offset of the image in the file (8-aligned); the image is the module's memory up to the text (scanLayout). */
  imageAt: number;
  layout: ScanLayout;
}

/**
 * Stores a compiled automaton and its filter as bytes: the first line, a JSON header line, then the image, laid out
 * as the WebAssembly module's memory is up to the text: byte classes (u8), the filter's pairs and grams, the table.
 */
export function encodeAutomaton(a: CompiledAutomaton): Uint8Array {
  if (!a.filter) throw new Error('encodeAutomaton: the automaton has no filter');
  const { pairs, grams, gramBits, maxKey } = a.filter;
  const layout = scanLayout(grams.length, a.table.byteLength);
  const states = a.table.length / a.width;
  const json = new TextEncoder().encode(`${JSON.stringify({ literalSet: a.literalSet, width: a.width, classOf: [...a.classOf], outputs: a.outputs, pieces: a.pieces, gramBits, maxKey, states })}\n`);
  const prefix = new TextEncoder().encode(`${MAGIC}${String(json.length).padStart(10, '0')}\n`);
  const imageAt = alignTo8(prefix.length + json.length);
  const out = new Uint8Array(imageAt + layout.textAt);
  out.set(prefix, 0);
  out.set(json, prefix.length);
  const image = out.subarray(imageAt);
  // Classes over 255 do not fit the module's bytes; such an automaton is scanned in JavaScript, from `classOf`.
  a.classOf.forEach((c, b) => (image[b] = c < 256 ? c : 0));
  image.set(pairs, layout.pairsAt);
  image.set(grams, layout.gramsAt);
  image.set(new Uint8Array(a.table.buffer, a.table.byteOffset, a.table.byteLength), layout.tableAt);
  return out;
}

const alignTo8 = (n: number) => n + ((8 - (n % 8)) % 8);

/** The length of the header line after a stored automaton's first line (its first AUTOMATON_PREFIX_BYTES bytes), or null. */
export function automatonHeaderBytes(prefix: Uint8Array): number | null {
  if (prefix.length < AUTOMATON_PREFIX_BYTES) return null;
  const line = Buffer.from(prefix.buffer, prefix.byteOffset, AUTOMATON_PREFIX_BYTES).toString('latin1');
  const digits = line.slice(MAGIC.length, -1);
  return line.startsWith(MAGIC) && line.endsWith('\n') && /^\d{10}$/.test(digits) ? Number(digits) : null;
}

/** Reads the JSON header line (the bytes after the first line); null when it is not one encodeAutomaton wrote. */
export function parseAutomatonHeader(bytes: Uint8Array): AutomatonHeader | null {
  let json: Omit<AutomatonHeader, 'imageAt' | 'layout'>;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  const { width, states, gramBits, classOf, outputs } = json ?? {};
  const counts = [width, states, gramBits, json?.maxKey];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0) || gramBits < 3 || gramBits > 24 || typeof json.literalSet !== 'string') return null;
  if (!Array.isArray(classOf) || classOf.length !== 256 || !Array.isArray(outputs) || outputs.length !== states) return null;
  const layout = scanLayout(1 << (gramBits - 3), states * width * 4);
  return { ...json, imageAt: alignTo8(AUTOMATON_PREFIX_BYTES + bytes.length), layout };
}

/**
 * The automaton whose image (header.layout.textAt bytes) is `image`: views of it, not copies, when it is 4-aligned.
 * `memory` is the WebAssembly memory the image was read into, if it was.
 */
export function automatonFromImage(header: AutomatonHeader, image: Uint8Array, memory?: WebAssembly.Memory): CompiledAutomaton | null {
  const { layout } = header;
  if (image.length < layout.textAt) return null;
  const own = image.byteOffset % 4 === 0 ? image : image.slice(0, layout.textAt);
  const at = (offset: number) => own.byteOffset + offset;
  const filter: KeyFilter = {
    pairs: new Uint8Array(own.buffer, at(layout.pairsAt), layout.gramsAt - layout.pairsAt),
    grams: new Uint8Array(own.buffer, at(layout.gramsAt), layout.tableAt - layout.gramsAt),
    gramBits: header.gramBits,
    maxKey: header.maxKey,
  };
  return {
    literalSet: header.literalSet,
    width: header.width,
    classOf: Uint16Array.from(header.classOf),
    table: new Int32Array(own.buffer, at(layout.tableAt), (layout.textAt - layout.tableAt) / 4),
    outputs: header.outputs,
    pieces: header.pieces,
    filter,
    memory: own === image ? memory : undefined,
  };
}

/** Reads what encodeAutomaton wrote, from one buffer (the image is copied, so it is aligned); null when it is not that. */
export function decodeAutomaton(bytes: Uint8Array): CompiledAutomaton | null {
  const headerBytes = automatonHeaderBytes(bytes);
  if (headerBytes === null || bytes.length < AUTOMATON_PREFIX_BYTES + headerBytes) return null;
  const header = parseAutomatonHeader(bytes.subarray(AUTOMATON_PREFIX_BYTES, AUTOMATON_PREFIX_BYTES + headerBytes));
  if (header === null || bytes.length !== header.imageAt + header.layout.textAt) return null;
  // Uint8Array's slice, not Buffer's (which shares memory): the copy starts its own buffer, so its views are aligned.
  return automatonFromImage(header, Uint8Array.prototype.slice.call(bytes, header.imageAt));
}
