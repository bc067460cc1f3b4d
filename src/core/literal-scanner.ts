// Finds the next line that can matter: an Aho-Corasick automaton over raw bytes for every prefilter literal,
// stepping over ANSI escape sequences so that colour codes between words do not hide a literal.
// Hand-written because it runs on every byte of every log: a typed-array DFA reads bytes without decoding them,
// about twice as fast here as one alternation RegExp over decoded text (scripts/bench.mjs measures both).

const ESC = 0x1b;

export class LiteralScanner {
  /** Byte -> column; every byte that occurs in no literal shares column 0, which keeps the table small. */
  private readonly classOf: Uint16Array;
  private readonly width: number;
  /**
   * next-state table, premultiplied by `width`. An entry that completes a literal is stored as
   * -(next * width) - 1, so `find` stops on a sign test and `literalsIn` can still continue from the next state.
   */
  private readonly table: Int32Array;
  /** Ids (indexes into the constructor's list) of the literals that end in each state. */
  private readonly outputs: number[][];
  readonly states: number;

  constructor(literals: readonly string[]) {
    const encoder = new TextEncoder();
    const encoded = literals.map((l) => encoder.encode(l));
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

  /** Ids of every literal that occurs in buf[from, to) (a candidate line), each once. */
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
      if (buf[j] === ESC && buf[j + 1] === 0x5c) return j + 1;
      if (buf[j] === 0x0a) return j - 1;
    }
    return to - 1;
  }
  return j;
}
