// Runs LiteralScanner.find's loop as WebAssembly (literal-scan.wat): the same automaton, stepped twice as fast.
// Pure apart from the module it is given: the caller reads the .wasm file.

const PAGE = 65536;
const TABLE_AT = 256;
/** Texts longer than this are scanned in JavaScript instead of growing the module's memory for good. */
export const MAX_WASM_TEXT = 8 * 1024 * 1024;

interface ScanExports {
  memory: WebAssembly.Memory;
  find(from: number, to: number, table: number): number;
}

export class WasmFind {
  private readonly exports: ScanExports;
  private readonly textAt: number;
  private bytes: Uint8Array;

  /** `classOf` must fit in a byte (at most 256 columns), as the module reads it as u8. */
  constructor(module: WebAssembly.Module, classOf: Uint16Array, table: Int32Array) {
    this.exports = new WebAssembly.Instance(module).exports as unknown as ScanExports;
    this.textAt = TABLE_AT + table.byteLength;
    this.grow(this.textAt + PAGE);
    this.bytes = new Uint8Array(this.exports.memory.buffer);
    for (let b = 0; b < 256; b++) this.bytes[b] = classOf[b];
    new Int32Array(this.exports.memory.buffer, TABLE_AT, table.length).set(table);
  }

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
    this.grow(this.textAt + text.length);
    this.bytes.set(text, this.textAt);
  }

  /** Like LiteralScanner.find over the loaded text. */
  find(from: number, to: number): number {
    const hit = this.exports.find(this.textAt + from, this.textAt + to, TABLE_AT);
    return hit < 0 ? -1 : hit - this.textAt;
  }
}
