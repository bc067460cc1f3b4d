// Finds the next line that can matter: an Aho-Corasick automaton over raw bytes for every prefilter literal,
// stepping over ANSI escape sequences so that colour codes between words do not hide a literal.
// Hand-written because it runs on every byte of every log: a typed-array DFA reads bytes without decoding them,
// about twice as fast here as one alternation RegExp over decoded text (scripts/bench.mjs measures both).

const ESC = 0x1b;

export class LiteralScanner {
  /**
   * next-state table, premultiplied by 256. An entry that completes a literal is stored as -(next * 256) - 1,
   * so `find` stops on a sign test and `literalsIn` can still continue from the next state.
   */
  private readonly table: Int32Array;
  /** Ids (indexes into the constructor's list) of the literals that end in each state. */
  private readonly outputs: number[][];
  readonly states: number;

  constructor(literals: readonly string[]) {
    const encoder = new TextEncoder();
    const goto: Int32Array[] = [new Int32Array(256).fill(-1)];
    const outputs: number[][] = [[]];
    literals.forEach((literal, id) => {
      let state = 0;
      for (const byte of encoder.encode(literal)) {
        if (goto[state][byte] === -1) {
          goto[state][byte] = goto.length;
          goto.push(new Int32Array(256).fill(-1));
          outputs.push([]);
        }
        state = goto[state][byte];
      }
      outputs[state].push(id);
    });
    // Breadth-first failure links turn the trie into a complete DFA.
    const fail = new Int32Array(goto.length);
    const queue: number[] = [];
    for (let b = 0; b < 256; b++) {
      if (goto[0][b] === -1) goto[0][b] = 0;
      else queue.push(goto[0][b]);
    }
    for (let head = 0; head < queue.length; head++) {
      const r = queue[head];
      for (let b = 0; b < 256; b++) {
        const s = goto[r][b];
        if (s === -1) {
          goto[r][b] = goto[fail[r]][b];
        } else {
          queue.push(s);
          fail[s] = goto[fail[r]][b];
          outputs[s] = [...outputs[s], ...outputs[fail[s]]];
        }
      }
    }
    this.states = goto.length;
    this.outputs = outputs;
    this.table = new Int32Array(goto.length * 256);
    for (let s = 0; s < goto.length; s++) {
      for (let b = 0; b < 256; b++) {
        const next = goto[s][b];
        this.table[s * 256 + b] = outputs[next].length > 0 ? -(next * 256) - 1 : next * 256;
      }
    }
  }

  /** Index of the last byte of the first literal found in buf[from, to), or -1. */
  find(buf: Uint8Array, from: number, to: number): number {
    const table = this.table;
    let state = 0;
    for (let i = from; i < to; i++) {
      const byte = buf[i];
      if (byte === ESC) {
        i = skipEscape(buf, i, to);
        continue;
      }
      state = table[state + byte];
      if (state < 0) return i;
    }
    return -1;
  }

  /** Ids of every literal that occurs in buf[from, to) (a candidate line), each once. */
  literalsIn(buf: Uint8Array, from: number, to: number): Set<number> {
    const table = this.table;
    const found = new Set<number>();
    let state = 0;
    for (let i = from; i < to; i++) {
      const byte = buf[i];
      if (byte === ESC) {
        i = skipEscape(buf, i, to);
        continue;
      }
      state = table[state + byte];
      if (state < 0) {
        state = -state - 1;
        for (const id of this.outputs[state >> 8]) found.add(id);
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
