// The ELF reader against binutils' readelf, on objects compiled here (gcc, g++, cross compilers) and damaged ones.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ElfError, parseElf, wholeView, type ElfInfo } from '../src/wheel/elf.ts';
import { compileShared, ELF_FIXTURES, readelfFacts, scratch, SOURCES } from './fixtures/wheel/helpers.ts';

const dir = scratch('wheel-elf');

const built: Record<string, string> = {};
for (const [name, s] of Object.entries(SOURCES)) built[name] = compileShared(dir, name, s.source, s);

function parseFile(path: string): ElfInfo {
  return parseElf(wholeView(readFileSync(path)));
}

function assertMatchesOracle(path: string, info: ElfInfo): void {
  const o = readelfFacts(path);
  assert.deepEqual(info.needed, o.needed, `${path}: DT_NEEDED`);
  assert.equal(info.soname, o.soname, `${path}: SONAME`);
  assert.deepEqual(info.runpath, o.runpath, `${path}: RUNPATH`);
  const needs = Object.fromEntries(info.versionNeeds.map((n) => [n.library, [...n.versions].sort()]));
  const oracleNeeds = Object.fromEntries(Object.entries(o.versionNeeds).map(([k, v]) => [k, [...v].sort()]));
  assert.deepEqual(needs, oracleNeeds, `${path}: version needs`);
  assert.deepEqual(info.versionedSymbols.map((s) => `${s.name}@${s.version}`).sort(), [...o.versionedSymbols].sort(), `${path}: versioned undefined symbols`);
  assert.equal(info.bits, o.cls === 'ELF64' ? 64 : 32);
  assert.equal(info.endian, o.data);
}

test('gcc and g++ objects read exactly as readelf reads them', () => {
  for (const path of Object.values(built)) assertMatchesOracle(path, parseFile(path));
  const exp = parseFile(built['exp.so']!);
  assert.ok(exp.versionedSymbols.some((s) => s.name === 'exp' && s.version === 'GLIBC_2.29' && s.library === 'libm.so.6'));
  const cxx = parseFile(built['cxx.so']!);
  assert.ok(cxx.versionNeeds.some((n) => n.library === 'libstdc++.so.6' && n.versions.some((v) => v.startsWith('GLIBCXX_3.4.'))));
  assert.ok(cxx.versionNeeds.some((n) => n.versions.some((v) => v.startsWith('CXXABI_1.3'))));
  const rp = parseFile(built['rpath.so']!);
  assert.deepEqual(rp.rpath, ['/opt/lib', '/usr/local/lib']);
  assert.deepEqual(parseFile(built['runpath.so']!).runpath, ['$ORIGIN/../demo.libs']);
});

test('cross-compiled objects: architecture, class and byte order of six targets', () => {
  const expect: Record<string, [string, 32 | 64, 'little' | 'big']> = {
    'demo-aarch64-linux-gnu.so': ['aarch64', 64, 'little'],
    'demo-arm-linux-gnueabihf.so': ['armv7l', 32, 'little'],
    'demo-i686-linux-gnu.so': ['i686', 32, 'little'],
    'demo-powerpc64le-linux-gnu.so': ['ppc64le', 64, 'little'],
    'demo-s390x-linux-gnu.so': ['s390x', 64, 'big'],
    'demo-x86_64-musl.so': ['x86_64', 64, 'little'],
  };
  const files = readdirSync(ELF_FIXTURES).filter((f) => f.endsWith('.so'));
  assert.deepEqual(files.sort(), Object.keys(expect).sort());
  for (const f of files) {
    const path = join(ELF_FIXTURES, f);
    const info = parseFile(path);
    assert.deepEqual([info.arch, info.bits, info.endian], expect[f], f);
    assertMatchesOracle(path, info);
  }
});

test('a Rust cdylib built by rustc reads as readelf reads it', () => {
  const src = join(dir, 'lib.rs');
  writeFileSync(src, '#[no_mangle]\npub extern "C" fn size_of(p: *const u8, n: usize) -> i64 { let s = unsafe { std::slice::from_raw_parts(p, n) }; std::fs::metadata(String::from_utf8_lossy(s).into_owned()).map(|m| m.len() as i64).unwrap_or(-1) }\n');
  const out = join(dir, 'librs.so');
  execFileSync('rustc', ['--crate-type', 'cdylib', '-O', '--edition', '2021', '-o', out, src], { stdio: 'pipe' });
  const info = parseFile(out);
  assertMatchesOracle(out, info);
  assert.ok(info.versionNeeds.some((n) => n.library === 'libc.so.6'));
});

test("a sample of this system's own shared libraries reads as readelf reads them", () => {
  // Every 15th ELF shared library of the distribution: a spread of linkers, ages and sizes (C, C++, Rust).
  const lib = '/usr/lib/x86_64-linux-gnu';
  const files = readdirSync(lib)
    .filter((f) => /\.so(\.|$)/.test(f))
    .sort()
    .map((f) => join(lib, f))
    .filter((p) => {
      try {
        if (statSync(p).size > 64 * 1024 * 1024) return false;
        const head = Buffer.alloc(4);
        const fd = openSync(p, 'r');
        readSync(fd, head, 0, 4, 0);
        closeSync(fd);
        return head.readUInt32BE(0) === 0x7f454c46;
      } catch {
        return false;
      }
    });
  const sample = files.filter((_, i) => i % 15 === 0);
  assert.ok(sample.length >= 20, `only ${sample.length} libraries found`);
  for (const path of sample) assertMatchesOracle(path, parseFile(path));
});

/** Zeroes e_shoff, e_shnum and e_shstrndx, as sstrip-like tools do. */
function withoutSectionHeaders(bytes: Buffer): Buffer {
  const b = Buffer.from(bytes);
  const le = b[5] === 1;
  const is64 = b[4] === 2;
  const w16 = (o: number, v: number) => (le ? b.writeUInt16LE(v, o) : b.writeUInt16BE(v, o));
  if (is64) le ? b.writeBigUInt64LE(0n, 40) : b.writeBigUInt64BE(0n, 40);
  else le ? b.writeUInt32LE(0, 32) : b.writeUInt32BE(0, 32);
  const base = is64 ? 58 : 46;
  w16(base + 2, 0); // e_shnum
  w16(base + 4, 0); // e_shstrndx
  return b;
}

test('objects whose section headers were stripped read the same through the dynamic segment', () => {
  const paths = [...Object.values(built), ...readdirSync(ELF_FIXTURES).filter((f) => f.endsWith('.so')).map((f) => join(ELF_FIXTURES, f))];
  for (const path of paths) {
    const full = parseFile(path);
    const stripped = parseElf(wholeView(withoutSectionHeaders(readFileSync(path))));
    assert.equal(stripped.hasSectionHeaders, false);
    assert.equal(full.hasSectionHeaders, true);
    assert.deepEqual({ ...stripped, hasSectionHeaders: true }, full, path);
  }
  // readelf agrees that the stripped copy has no section headers but still has its dynamic section.
  const copy = join(dir, 'stripped.so');
  writeFileSync(copy, withoutSectionHeaders(readFileSync(built['getrandom.so']!)));
  assert.match(execFileSync('readelf', ['-S', copy], { encoding: 'utf8' }), /no sections/);
  assert.deepEqual(readelfFacts(copy).needed, ['libc.so.6']);
});

test('damaged objects give an ElfError, never another exception or a hang', () => {
  const good = readFileSync(built['cxx.so']!);
  assert.throws(() => parseElf(wholeView(Buffer.from('not an elf at all, just text in a .so file...........'))), ElfError);
  assert.throws(() => parseElf(wholeView(good.subarray(0, 40))), ElfError);
  const badPhoff = Buffer.from(good);
  badPhoff.writeBigUInt64LE(0xffffffffffn, 32); // e_phoff far beyond the file
  assert.throws(() => parseElf(wholeView(badPhoff)), /outside the file/);
  // Truncations at every 512 bytes, and 3000 random single-byte corruptions of the first 8 KiB.
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const cases: Buffer[] = [];
  for (let n = 0; n < good.length; n += 512) cases.push(good.subarray(0, n));
  for (let i = 0; i < 3000; i++) {
    const b = Buffer.from(good);
    const at = Math.floor(rand() * Math.min(8192, b.length));
    b[at] = Math.floor(rand() * 256);
    if (rand() < 0.5) b[(at + 1) % b.length] = 0xff;
    cases.push(b);
  }
  const started = Date.now();
  for (const b of cases) {
    try {
      parseElf(wholeView(b));
    } catch (e) {
      assert.ok(e instanceof ElfError, `unexpected ${(e as Error).name}: ${(e as Error).message}`);
    }
  }
  assert.ok(Date.now() - started < 20_000, 'corrupt inputs must not make the reader crawl');
});
