// Runs LiteralScanner.find's loop as WebAssembly (literal-scan.wat): the same hits, found with a cache-sized filter
// in front of the automaton; and counts the text's newlines. Pure apart from the module it is given: the caller
// reads the .wasm file.

import type { KeyFilter } from './literal-scanner.js';

const PAGE = 65536;
const PAIRS_AT = 256;
const PAIRS_BYTES = 1 << 16;
/** The filter may read up to 7 bytes past the end of the text. */
const SPARE = 8;
/** Texts longer than this are scanned in JavaScript; the memory has room for this much text from the start. */
export const MAX_WASM_TEXT = 8 * 1024 * 1024;

/** Where literal-scan.wat finds each part in its memory (the header comment of the .wat draws it). */
export interface ScanLayout {
  pairsAt: number;
  gramsAt: number;
  tableAt: number;
  textAt: number;
  /** Pages of a memory holding all that and the longest text the module scans. */
  pages: number;
}

export function scanLayout(gramBytes: number, tableBytes: number): ScanLayout {
  const gramsAt = PAIRS_AT + PAIRS_BYTES;
  const tableAt = gramsAt + gramBytes;
  const textAt = tableAt + tableBytes;
  return { pairsAt: PAIRS_AT, gramsAt, tableAt, textAt, pages: Math.ceil((textAt + MAX_WASM_TEXT + SPARE) / PAGE) };
}

/**
 * A memory for the module, laid out by `layout`. It never grows (so views of it stay valid), and its pages cost
 * nothing until written: a small log touches little of the text's room.
 */
export function scanMemory(layout: ScanLayout): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: layout.pages, maximum: layout.pages });
}

interface ScanExports {
  find(from: number, to: number, table: number, pairs: number, grams: number, gramBits: number, maxKey: number): number;
  countLines(from: number, to: number, cap: number): number;
  longLines: WebAssembly.Global;
}

/** Memories a WasmFind already scans in: a second one copies the automaton instead of sharing the text's room. */
const claimed = new WeakSet<WebAssembly.Memory>();

export class WasmFind {
  private readonly exports: ScanExports;
  private readonly layout: ScanLayout;
  private readonly gramBits: number;
  private readonly maxKey: number;
  private readonly bytes: Uint8Array;

  /**
   * `classOf` must fit in a byte (at most 256 columns), as the module reads it as u8. When `memory` is given and the
   * table and filter already sit in it where `scanLayout` puts them (a stored automaton read from disk), they are
   * used in place; otherwise they are copied into a memory of its own.
   */
  constructor(module: WebAssembly.Module, classOf: Uint16Array, table: Int32Array, filter: KeyFilter, memory?: WebAssembly.Memory) {
    const layout = scanLayout(filter.grams.length, table.byteLength);
    const inPlace =
      memory !== undefined &&
      !claimed.has(memory) &&
      memory.buffer.byteLength >= layout.pages * PAGE &&
      [
        [table, layout.tableAt],
        [filter.pairs, layout.pairsAt],
        [filter.grams, layout.gramsAt],
      ].every(([view, at]) => (view as Uint8Array).buffer === memory.buffer && (view as Uint8Array).byteOffset === at);
    const own = inPlace ? memory : scanMemory(layout);
    claimed.add(own);
    this.exports = new WebAssembly.Instance(module, { scan: { memory: own } }).exports as unknown as ScanExports;
    this.layout = layout;
    this.gramBits = filter.gramBits;
    this.maxKey = filter.maxKey;
    this.bytes = new Uint8Array(own.buffer);
    for (let b = 0; b < 256; b++) this.bytes[b] = classOf[b];
    if (!inPlace) {
      this.bytes.set(filter.pairs, layout.pairsAt);
      this.bytes.set(filter.grams, layout.gramsAt);
      new Int32Array(own.buffer, layout.tableAt, table.length).set(table);
    }
  }

  /** Classes must fit in a byte, as the module reads them as u8. */
  static fits(classOf: Uint16Array): boolean {
    return classOf.every((c) => c < 256);
  }

  /** Copies `text` (at most MAX_WASM_TEXT bytes) into the module's memory; find() then scans it. */
  load(text: Uint8Array): void {
    if (text.length > MAX_WASM_TEXT) throw new RangeError(`a text of ${text.length} bytes is over the WebAssembly scanner's ${MAX_WASM_TEXT}`);
    this.bytes.set(text, this.layout.textAt);
  }

  /** Like LiteralScanner.find over the loaded text. */
  find(from: number, to: number): number {
    const { textAt, tableAt, pairsAt, gramsAt } = this.layout;
    const hit = this.exports.find(textAt + from, textAt + to, tableAt, pairsAt, gramsAt, this.gramBits, this.maxKey);
    return hit < 0 ? -1 : hit - textAt;
  }

  /** Newlines in [from, to) of the loaded text, and how many of the lines they end are longer than `cap` bytes. */
  countLines(from: number, to: number, cap: number): { lines: number; long: number } {
    const textAt = this.layout.textAt;
    const lines = this.exports.countLines(textAt + from, textAt + to, cap);
    return { lines, long: this.exports.longLines.value as number };
  }
}
