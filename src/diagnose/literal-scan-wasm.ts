// Runs LiteralScanner.find's loop as WebAssembly (literal-scan.wat): the same hits, found with a cache-sized filter
// in front of the automaton; and counts the text's newlines. Pure apart from the module it is given: the caller
// reads the .wasm file.

import type { KeyFilter } from './literal-scanner.js';

const PAGE = 65536;
const PAIRS_AT = 256;
/** The filter may read up to 7 bytes past the end of the text. */
const SPARE = 8;
/** Texts longer than this are scanned in JavaScript instead of growing the module's memory for good. */
export const MAX_WASM_TEXT = 8 * 1024 * 1024;

interface ScanExports {
  memory: WebAssembly.Memory;
  find(from: number, to: number, table: number, pairs: number, grams: number, gramBits: number, maxKey: number): number;
  countLines(from: number, to: number, cap: number): number;
  longLines: WebAssembly.Global;
}

export class WasmFind {
  private readonly exports: ScanExports;
  private readonly gramsAt: number;
  private readonly tableAt: number;
  private readonly textAt: number;
  private readonly gramBits: number;
  private readonly maxKey: number;
  private bytes = new Uint8Array(0);

  /** `classOf` must fit in a byte (at most 256 columns), as the module reads it as u8. */
  constructor(module: WebAssembly.Module, classOf: Uint16Array, table: Int32Array, filter: KeyFilter) {
    this.exports = new WebAssembly.Instance(module).exports as unknown as ScanExports;
    this.gramsAt = PAIRS_AT + filter.pairs.length;
    this.tableAt = this.gramsAt + filter.grams.length;
    this.textAt = this.tableAt + table.byteLength;
    this.gramBits = filter.gramBits;
    this.maxKey = filter.maxKey;
    this.grow(this.textAt + PAGE);
    this.bytes = new Uint8Array(this.exports.memory.buffer);
    for (let b = 0; b < 256; b++) this.bytes[b] = classOf[b];
    this.bytes.set(filter.pairs, PAIRS_AT);
    this.bytes.set(filter.grams, this.gramsAt);
    new Int32Array(this.exports.memory.buffer, this.tableAt, table.length).set(table);
  }

  /** Classes must fit in a byte, as the module reads them as u8. */
  static fits(classOf: Uint16Array): boolean {
    return classOf.every((c) => c < 256);
  }

  private grow(size: number): void {
    const have = this.exports.memory.buffer.byteLength;
    if (size > have) {
      this.exports.memory.grow(Math.ceil((size - have) / PAGE));
      this.bytes = new Uint8Array(this.exports.memory.buffer);
    }
  }

  /** Copies `text` into the module's memory; find() then scans it. */
  load(text: Uint8Array): void {
    this.grow(this.textAt + text.length + SPARE);
    this.bytes.set(text, this.textAt);
  }

  /** Like LiteralScanner.find over the loaded text. */
  find(from: number, to: number): number {
    const hit = this.exports.find(this.textAt + from, this.textAt + to, this.tableAt, PAIRS_AT, this.gramsAt, this.gramBits, this.maxKey);
    return hit < 0 ? -1 : hit - this.textAt;
  }

  /** Newlines in [from, to) of the loaded text, and how many of the lines they end are longer than `cap` bytes. */
  countLines(from: number, to: number, cap: number): { lines: number; long: number } {
    const lines = this.exports.countLines(this.textAt + from, this.textAt + to, cap);
    return { lines, long: this.exports.longLines.value as number };
  }
}
