// Pure ELF reader: machine, DT_NEEDED, SONAME, RPATH/RUNPATH and versioned symbol requirements of a shared object.
//
// Hand-written over DataView because no npm ELF parser reads .dynamic and .gnu.version_r. It reads through the
// dynamic segment (program headers), so objects whose section headers were stripped read the same. It works on a
// sparse view of the file: when bytes it needs are absent it throws NeedBytes naming them, so a caller can stream a
// large compressed entry once more and collect just those ranges instead of holding the whole file in memory.

export type Endian = 'little' | 'big';

export interface ElfVersionNeed {
  /** The library the versions come from (vn_file), e.g. libc.so.6. */
  library: string;
  versions: string[];
}

export interface ElfSymbolRef {
  name: string;
  version: string;
  library: string;
}

export interface ElfInfo {
  bits: 32 | 64;
  endian: Endian;
  /** e_machine number. */
  machine: number;
  /** The wheel platform architecture this machine corresponds to (x86_64, aarch64, i686, ...), or null. */
  arch: string | null;
  type: 'relocatable' | 'executable' | 'shared' | 'core' | 'other';
  interpreter: string | null;
  soname: string | null;
  needed: string[];
  rpath: string[];
  runpath: string[];
  versionNeeds: ElfVersionNeed[];
  /** Undefined dynamic symbols that require a version, with that version. */
  versionedSymbols: ElfSymbolRef[];
  /** Names of all undefined dynamic symbols (for blacklisted-symbol checks). */
  undefinedSymbols: string[];
  hasSectionHeaders: boolean;
}

export class ElfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ElfError';
  }
}

/** Thrown when the view lacks bytes the parser needs; `ranges` are [offset, length] pairs within the file. */
export class NeedBytes extends Error {
  constructor(readonly ranges: Array<[number, number]>) {
    super(`need ${ranges.length} byte range(s)`);
    this.name = 'NeedBytes';
  }
}

/** A possibly sparse view of one file: `get` returns the bytes, or undefined when they were not collected. */
export interface ByteView {
  size: number;
  get(offset: number, length: number): Uint8Array | undefined;
}

export function wholeView(bytes: Uint8Array): ByteView {
  return { size: bytes.length, get: (o, l) => bytes.subarray(o, o + l) };
}

const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46];

export function isElf(head: Uint8Array): boolean {
  return head.length >= 4 && ELF_MAGIC.every((b, i) => head[i] === b);
}

// e_machine values (from the ELF gABI registry) mapped to wheel platform tag architectures.
const EM = { I386: 3, PPC: 20, PPC64: 21, S390: 22, ARM: 40, X86_64: 62, AARCH64: 183, RISCV: 243, LOONGARCH: 258 } as const;

function archOf(machine: number, bits: 32 | 64, endian: Endian): string | null {
  switch (machine) {
    case EM.X86_64:
      return bits === 64 ? 'x86_64' : null;
    case EM.I386:
      return 'i686';
    case EM.AARCH64:
      return 'aarch64';
    case EM.ARM:
      return 'armv7l';
    case EM.PPC64:
      return endian === 'little' ? 'ppc64le' : 'ppc64';
    case EM.S390:
      return bits === 64 ? 's390x' : null;
    case EM.RISCV:
      return bits === 64 ? 'riscv64' : null;
    case EM.LOONGARCH:
      return bits === 64 ? 'loongarch64' : null;
    default:
      return null;
  }
}

const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const SHT_DYNSYM = 11;
const DT = {
  NULL: 0,
  NEEDED: 1,
  HASH: 4,
  STRTAB: 5,
  SYMTAB: 6,
  STRSZ: 10,
  SYMENT: 11,
  SONAME: 14,
  RPATH: 15,
  RUNPATH: 29,
  GNU_HASH: 0x6ffffef5,
  VERSYM: 0x6ffffff0,
  VERNEED: 0x6ffffffe,
  VERNEEDNUM: 0x6fffffff,
} as const;

/** Bounds that keep a hostile header from making the parser allocate or loop without end. */
const MAX_DYN_ENTRIES = 1 << 16;
const MAX_SYMBOLS = 1 << 22;
const MAX_VERNEED = 1 << 12;
const MAX_VERNAUX_TOTAL = 1 << 16;
const MAX_NAME = 4096;

interface Reader {
  bits: 32 | 64;
  le: boolean;
  view: ByteView;
}

function bytes(r: Reader, offset: number, length: number, what: string): DataView {
  if (!Number.isSafeInteger(offset) || offset < 0 || length < 0 || offset + length > r.view.size) {
    throw new ElfError(`${what} lies outside the file (offset ${offset}, ${length} bytes, file is ${r.view.size} bytes)`);
  }
  const b = r.view.get(offset, length);
  if (!b) throw new NeedBytes([[offset, length]]);
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Collects every missing range first, so one streaming pass can fetch all of a phase's tables. */
function prefetch(r: Reader, ranges: Array<[number, number]>): void {
  const missing = ranges.filter(([o, l]) => l > 0 && o >= 0 && o + l <= r.view.size && !r.view.get(o, l));
  if (missing.length > 0) throw new NeedBytes(missing);
}

function word(r: Reader, dv: DataView, at: number): number {
  if (r.bits === 32) return dv.getUint32(at, r.le);
  const v = dv.getBigUint64(at, r.le);
  // Offsets and sizes above 2^53 cannot be real in a file we can read; treat them as corrupt.
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

function cString(r: Reader, table: { offset: number; size: number }, index: number, what: string): string {
  if (index >= table.size) throw new ElfError(`${what}: string index ${index} beyond the string table (${table.size} bytes)`);
  const dv = bytes(r, table.offset, table.size, 'string table');
  const u8 = new Uint8Array(dv.buffer, dv.byteOffset, dv.byteLength);
  // Names are short; a cap keeps a table without NULs from making every lookup scan to its end.
  const limit = Math.min(u8.length, index + MAX_NAME);
  let end = index;
  while (end < limit && u8[end] !== 0) end++;
  return new TextDecoder('utf-8').decode(u8.subarray(index, end));
}

interface Segment {
  type: number;
  offset: number;
  vaddr: number;
  filesz: number;
}

function toOffset(loads: Segment[], vaddr: number, what: string): number {
  for (const s of loads) {
    if (vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz) return s.offset + (vaddr - s.vaddr);
  }
  throw new ElfError(`${what} (address 0x${vaddr.toString(16)}) is not inside any loaded segment`);
}

/** Reads the ELF facts a wheel audit needs. Throws ElfError on a malformed file and NeedBytes on a sparse view. */
export function parseElf(view: ByteView): ElfInfo {
  if (view.size < 52) throw new ElfError(`too short for an ELF header (${view.size} bytes)`);
  const ident = view.get(0, 16);
  if (!ident) throw new NeedBytes([[0, 64]]);
  if (!isElf(ident)) throw new ElfError('not an ELF file (no \\x7fELF magic)');
  const cls = ident[4];
  const data = ident[5];
  if (cls !== 1 && cls !== 2) throw new ElfError(`unknown ELF class ${cls}`);
  if (data !== 1 && data !== 2) throw new ElfError(`unknown ELF data encoding ${data}`);
  const r: Reader = { bits: cls === 1 ? 32 : 64, le: data === 1, view };
  const ehsize = r.bits === 32 ? 52 : 64;
  const eh = bytes(r, 0, ehsize, 'ELF header');
  const etype = eh.getUint16(16, r.le);
  const machine = eh.getUint16(18, r.le);
  const w = r.bits === 32 ? 4 : 8;
  const phoff = word(r, eh, 24 + w);
  const shoff = word(r, eh, 24 + 2 * w);
  const at = 24 + 3 * w + 4; // past e_flags
  const phentsize = eh.getUint16(at + 2, r.le);
  const phnum = eh.getUint16(at + 4, r.le);
  const shentsize = eh.getUint16(at + 6, r.le);
  const shnum = eh.getUint16(at + 8, r.le);

  const wantPh = r.bits === 32 ? 32 : 56;
  const wantSh = r.bits === 32 ? 40 : 64;
  if (phnum > 0 && phentsize < wantPh) throw new ElfError(`program header entry size ${phentsize} is too small`);
  const shValid = shnum > 0 && shentsize >= wantSh && shoff > 0 && shoff + shnum * shentsize <= view.size;
  prefetch(r, [[phoff, phnum * phentsize]]);

  const segments: Segment[] = [];
  const ph = bytes(r, phoff, phnum * phentsize, 'program headers');
  for (let i = 0; i < phnum; i++) {
    const b = i * phentsize;
    const type = ph.getUint32(b, r.le);
    const seg =
      r.bits === 32
        ? { type, offset: ph.getUint32(b + 4, r.le), vaddr: ph.getUint32(b + 8, r.le), filesz: ph.getUint32(b + 16, r.le) }
        : { type, offset: word(r, ph, b + 8), vaddr: word(r, ph, b + 16), filesz: word(r, ph, b + 32) };
    segments.push(seg);
  }
  const loads = segments.filter((s) => s.type === PT_LOAD);
  const interpSeg = segments.find((s) => s.type === PT_INTERP);
  const dynSeg = segments.find((s) => s.type === PT_DYNAMIC);
  const dynEnt = r.bits === 32 ? 8 : 16;
  const dynCount = dynSeg ? Math.min(Math.floor(dynSeg.filesz / dynEnt), MAX_DYN_ENTRIES) : 0;
  // Section headers, interpreter and dynamic segment in one request: one more pass over a large streamed entry.
  prefetch(r, [
    ...(shValid ? ([[shoff, shnum * shentsize]] as Array<[number, number]>) : []),
    ...(interpSeg ? ([[interpSeg.offset, Math.min(interpSeg.filesz, 4096)]] as Array<[number, number]>) : []),
    ...(dynSeg ? ([[dynSeg.offset, dynCount * dynEnt]] as Array<[number, number]>) : []),
  ]);

  // The .dynsym size from section headers, when they survive: the simplest exact symbol count.
  let dynsymCount: number | null = null;
  if (shValid) {
    const sh = bytes(r, shoff, shnum * shentsize, 'section headers');
    for (let i = 0; i < shnum; i++) {
      const b = i * shentsize;
      if (sh.getUint32(b + 4, r.le) !== SHT_DYNSYM) continue;
      const size = r.bits === 32 ? sh.getUint32(b + 20, r.le) : word(r, sh, b + 32);
      const entsize = r.bits === 32 ? sh.getUint32(b + 36, r.le) : word(r, sh, b + 56);
      if (entsize > 0) dynsymCount = Math.floor(size / entsize);
    }
  }

  let interpreter: string | null = null;
  if (interpSeg && interpSeg.filesz > 0) {
    interpreter = cString(r, { offset: interpSeg.offset, size: Math.min(interpSeg.filesz, 4096) }, 0, 'PT_INTERP');
  }

  const base: ElfInfo = {
    bits: r.bits,
    endian: r.le ? 'little' : 'big',
    machine,
    arch: archOf(machine, r.bits, r.le ? 'little' : 'big'),
    type: etype === 1 ? 'relocatable' : etype === 2 ? 'executable' : etype === 3 ? 'shared' : etype === 4 ? 'core' : 'other',
    interpreter,
    soname: null,
    needed: [],
    rpath: [],
    runpath: [],
    versionNeeds: [],
    versionedSymbols: [],
    undefinedSymbols: [],
    hasSectionHeaders: shValid,
  };
  if (!dynSeg) return base;

  const dyn = bytes(r, dynSeg.offset, dynCount * dynEnt, 'dynamic segment');
  const tags: Array<[number, number]> = [];
  for (let i = 0; i < dynCount; i++) {
    const tag = r.bits === 32 ? dyn.getInt32(i * 8, r.le) : Number(dyn.getBigInt64(i * 16, r.le));
    const val = r.bits === 32 ? dyn.getUint32(i * 8 + 4, r.le) : word(r, dyn, i * 16 + 8);
    if (tag === DT.NULL) break;
    tags.push([tag, val]);
  }
  const one = (t: number) => tags.find(([k]) => k === t)?.[1];
  const strtabAddr = one(DT.STRTAB);
  const strsz = one(DT.STRSZ);
  if (strtabAddr === undefined || strsz === undefined) return base;
  const strtab = { offset: toOffset(loads, strtabAddr, 'DT_STRTAB'), size: strsz };
  if (strtab.offset + strtab.size > view.size) throw new ElfError(`the dynamic string table runs past the end of the file`);

  const symAddr = one(DT.SYMTAB);
  const versymAddr = one(DT.VERSYM);
  const verneedAddr = one(DT.VERNEED);
  const verneedNum = Math.min(one(DT.VERNEEDNUM) ?? 0, MAX_VERNEED);
  const syment = one(DT.SYMENT) ?? (r.bits === 32 ? 16 : 24);
  const symOff = symAddr !== undefined ? toOffset(loads, symAddr, 'DT_SYMTAB') : null;
  const versymOff = versymAddr !== undefined ? toOffset(loads, versymAddr, 'DT_VERSYM') : null;
  const verneedOff = verneedAddr !== undefined ? toOffset(loads, verneedAddr, 'DT_VERNEED') : null;
  const hashAddr = one(DT.HASH);
  const gnuHashAddr = one(DT.GNU_HASH);
  const hashOff = hashAddr !== undefined ? toOffset(loads, hashAddr, 'DT_HASH') : null;
  const gnuHashOff = gnuHashAddr !== undefined ? toOffset(loads, gnuHashAddr, 'DT_GNU_HASH') : null;

  // Tables in the read-only segment; their exact extents are known only after reading them, so fetch generously:
  // verneed chains are short and the hash tables' headers are 16 bytes.
  const clip = (o: number, l: number): [number, number] => [o, Math.max(0, Math.min(l, view.size - o))];
  prefetch(r, [
    clip(strtab.offset, strtab.size),
    ...(verneedOff !== null ? [clip(verneedOff, Math.max(16, verneedNum) * 16 * 8)] : []),
    ...(hashOff !== null ? [clip(hashOff, 8)] : []),
    ...(gnuHashOff !== null ? [clip(gnuHashOff, 16)] : []),
  ]);

  for (const [tag, val] of tags) {
    if (tag === DT.NEEDED) base.needed.push(cString(r, strtab, val, 'DT_NEEDED'));
    else if (tag === DT.SONAME) base.soname = cString(r, strtab, val, 'DT_SONAME');
    else if (tag === DT.RPATH) base.rpath.push(...cString(r, strtab, val, 'DT_RPATH').split(':').filter(Boolean));
    else if (tag === DT.RUNPATH) base.runpath.push(...cString(r, strtab, val, 'DT_RUNPATH').split(':').filter(Boolean));
  }

  // Version index (vna_other) -> name, and the requirement list per library.
  const versionByIndex = new Map<number, { version: string; library: string }>();
  if (verneedOff !== null && verneedNum > 0) {
    let off = verneedOff;
    let auxSeen = 0;
    for (let i = 0; i < verneedNum; i++) {
      const vn = bytes(r, off, 16, 'version need entry');
      const cnt = Math.min(vn.getUint16(2, r.le), MAX_VERNEED);
      const library = cString(r, strtab, vn.getUint32(4, r.le), 'vn_file');
      const auxRel = vn.getUint32(8, r.le);
      const next = vn.getUint32(12, r.le);
      const versions: string[] = [];
      let aux = off + auxRel;
      for (let j = 0; j < cnt; j++) {
        if (++auxSeen > MAX_VERNAUX_TOTAL) throw new ElfError('version need entries form a loop or are implausibly many');
        const va = bytes(r, aux, 16, 'version need aux entry');
        const other = va.getUint16(6, r.le);
        const name = cString(r, strtab, va.getUint32(8, r.le), 'vna_name');
        versions.push(name);
        versionByIndex.set(other & 0x7fff, { version: name, library });
        const nextAux = va.getUint32(12, r.le);
        if (nextAux === 0) break;
        aux += nextAux;
      }
      base.versionNeeds.push({ library, versions });
      if (next === 0) break;
      off += next;
    }
  }

  if (symOff === null) return base;
  let count = dynsymCount;
  if (count === null && hashOff !== null) count = bytes(r, hashOff, 8, 'DT_HASH header').getUint32(4, r.le);
  if (count === null && gnuHashOff !== null) count = gnuHashSymbolCount(r, gnuHashOff);
  if (count === null && strtab.offset > symOff) count = Math.floor((strtab.offset - symOff) / syment);
  if (count === null) return base;
  count = Math.min(count, MAX_SYMBOLS, Math.floor((view.size - symOff) / syment));
  prefetch(r, [clip(symOff, count * syment), ...(versymOff !== null ? [clip(versymOff, count * 2)] : [])]);
  const syms = bytes(r, symOff, count * syment, 'dynamic symbol table');
  const versym = versymOff !== null ? bytes(r, versymOff, count * 2, 'symbol version table') : null;
  for (let i = 1; i < count; i++) {
    const b = i * syment;
    const shndx = r.bits === 32 ? syms.getUint16(b + 14, r.le) : syms.getUint16(b + 6, r.le);
    if (shndx !== 0) continue; // defined here: not a requirement
    const name = cString(r, strtab, syms.getUint32(b, r.le), 'symbol name');
    if (name === '') continue;
    base.undefinedSymbols.push(name);
    const v = versym ? versionByIndex.get(versym.getUint16(i * 2, r.le) & 0x7fff) : undefined;
    if (v) base.versionedSymbols.push({ name, version: v.version, library: v.library });
  }
  return base;
}

/** With neither section headers nor DT_HASH, the symbol count is one past the last symbol any GNU hash chain ends on. */
function gnuHashSymbolCount(r: Reader, off: number): number {
  const h = bytes(r, off, 16, 'DT_GNU_HASH header');
  const nbuckets = h.getUint32(0, r.le);
  const symoffset = h.getUint32(4, r.le);
  const bloomSize = h.getUint32(8, r.le);
  const w = r.bits === 32 ? 4 : 8;
  if (nbuckets > MAX_SYMBOLS || bloomSize > MAX_SYMBOLS) throw new ElfError('DT_GNU_HASH header is implausible');
  const bucketsOff = off + 16 + bloomSize * w;
  prefetch(r, [[bucketsOff, nbuckets * 4]]);
  const buckets = bytes(r, bucketsOff, nbuckets * 4, 'DT_GNU_HASH buckets');
  let last = 0;
  for (let i = 0; i < nbuckets; i++) last = Math.max(last, buckets.getUint32(i * 4, r.le));
  if (last < symoffset) return symoffset;
  const chainsOff = bucketsOff + nbuckets * 4;
  const chainLen = Math.min(MAX_SYMBOLS, Math.floor((r.view.size - chainsOff) / 4));
  const STEP = 16384; // chain entries fetched per pass when the view is sparse
  for (let start = last - symoffset; start < chainLen; start += STEP) {
    const n = Math.min(STEP, chainLen - start);
    prefetch(r, [[chainsOff + start * 4, n * 4]]);
    const chain = bytes(r, chainsOff + start * 4, n * 4, 'DT_GNU_HASH chain');
    for (let i = 0; i < n; i++) if (chain.getUint32(i * 4, r.le) & 1) return symoffset + start + i + 1;
  }
  throw new ElfError('DT_GNU_HASH chain does not terminate');
}
