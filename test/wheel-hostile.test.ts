// Hostile and broken wheels: each gives a clear message and the right exit code, never a crash, hang or blow-up.

import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { parseElf, wholeView } from '../src/wheel/elf.ts';
import { DEFAULT_LIMITS, readWheel } from '../src/wheel/read-wheel.ts';
import { BIN, compileShared, distInfo, makeWheel, runCli, scratch, SOURCES, type WheelEntry } from './fixtures/wheel/helpers.ts';

const dir = scratch('wheel-hostile');
const so = compileShared(dir, 'cxx.so', SOURCES['cxx.so']!.source, SOURCES['cxx.so']!);
const meta = (name = 'h', tag = 'py3-none-manylinux_2_28_x86_64') => distInfo(name, '1.0', [tag]);

function wheel(file: string, entries: WheelEntry[], opts: Parameters<typeof makeWheel>[2] = {}): string {
  return makeWheel(join(dir, file), entries, opts);
}

function json(path: string) {
  const r = runCli(['wheel', '--json', path]);
  return { ...r, w: r.stdout ? JSON.parse(r.stdout).wheels[0] : null };
}

/** Overwrites the middle of `member`'s compressed data, so that inflating it fails (checked here with zlib). */
function breakDeflateStream(path: string, member: string): void {
  const b = readFileSync(path);
  const name = Buffer.from(member);
  for (let i = 0; i + 30 < b.length; i++) {
    if (b.readUInt32LE(i) !== 0x04034b50 || b.readUInt16LE(i + 26) !== name.length || !b.subarray(i + 30, i + 30 + name.length).equals(name)) continue;
    const data = i + 30 + name.length + b.readUInt16LE(i + 28);
    const size = b.readUInt32LE(i + 18);
    assert.ok(size > 4096, `${member}: its local header gives ${size} compressed bytes`);
    b.fill(0xff, data + 16, data + Math.min(size, 4096));
    assert.throws(() => inflateRawSync(b.subarray(data, data + size)), 'the broken stream does not inflate');
    writeFileSync(path, b);
    return;
  }
  throw new Error(`${member}: no local header`);
}

/** Rewrites the uncompressed size of `member` in its local header and central directory entry. */
function declareSize(path: string, member: string, size: number): void {
  const b = readFileSync(path);
  const name = Buffer.from(member);
  for (let i = 0; i + 46 < b.length; i++) {
    const sig = b.readUInt32LE(i);
    if (sig === 0x04034b50 && b.subarray(i + 30, i + 30 + name.length).equals(name) && b.readUInt16LE(i + 26) === name.length) b.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && b.subarray(i + 46, i + 46 + name.length).equals(name) && b.readUInt16LE(i + 28) === name.length) b.writeUInt32LE(size, i + 24);
  }
  writeFileSync(path, b);
}

test('a truncated wheel, an empty file and a text file are unreadable (exit 2) with a one-line reason', () => {
  const good = wheel('t-1.0-py3-none-manylinux_2_28_x86_64.whl', [{ name: 't/core.so', file: so }, ...meta('t')]);
  const bytes = readFileSync(good);
  for (const [file, content] of [
    ['cut-1.0-py3-none-any.whl', bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['empty-1.0-py3-none-any.whl', Buffer.alloc(0)],
    ['text-1.0-py3-none-any.whl', Buffer.from('<html>404 Not Found</html>\n')],
  ] as const) {
    const path = join(dir, file);
    writeFileSync(path, content);
    const r = json(path);
    assert.equal(r.code, 2, file);
    assert.equal(r.w.status, 'unreadable');
    assert.match(r.w.error, /not a readable zip archive/);
    const text = runCli(['wheel', path]);
    assert.equal(text.code, 2);
    assert.match(text.stdout, /UNREADABLE/);
    assert.equal(text.stderr, '');
  }
  // The central directory intact but the data cut: the entry cannot be read.
  const cut = join(dir, 'datacut-1.0-py3-none-any.whl');
  const copy = Buffer.from(bytes);
  copy.fill(0, 40, 2000); // wipe the first entry's compressed data
  writeFileSync(cut, copy);
  const r = json(cut);
  assert.equal(r.code, 2);
  assert.match(r.w.error, /entry t\/core\.so cannot be read/);
});

test('a missing path is a usage-level failure (exit 2) naming the path', () => {
  const r = runCli(['wheel', join(dir, 'nope.whl')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope\.whl: no such file/);
});

test('an empty wheel and a zip without .dist-info are corrupt wheels', () => {
  const empty = wheel('e-1.0-py3-none-any.whl', [], { record: 'none' });
  const r = json(empty);
  assert.equal(r.code, 1);
  assert.match(r.w.problems[0].message, /the wheel is empty/);
  const bare = json(wheel('b-1.0-py3-none-any.whl', [{ name: 'b.py', text: 'pass\n' }], { record: 'none' }));
  assert.match(bare.w.problems[0].message, /no \*\.dist-info directory/);
});

test('entry names that climb out with ../ or are absolute are reported, and not read', () => {
  const r = json(wheel('p-1.0-py3-none-any.whl', [{ name: '../../etc/evil.py', text: 'boom\n' }, { name: '/abs.py', text: 'x\n' }, ...meta('p', 'py3-none-any')]));
  assert.equal(r.code, 1);
  const msgs = r.w.problems.filter((p: { kind: string }) => p.kind === 'unsafe-archive').map((p: { message: string }) => p.message).join('\n');
  assert.match(msgs, /"..\/..\/etc\/evil.py" climbs out of the install directory/);
  assert.match(msgs, /"\/abs.py" is an absolute path/);
});

test('a symbolic link entry is reported as such and not read as a binary; a regular file with the same name is not', () => {
  const link = json(wheel('l-1.0-cp311-cp311-manylinux_2_17_x86_64.whl', [{ name: 'l/_ext.so', text: '/etc/passwd', mode: 0o120777 }, ...meta('l', 'cp311-cp311-manylinux_2_17_x86_64')]));
  const msgs = link.w.problems.map((p: { kind: string; message: string }) => `${p.kind}: ${p.message}`).join('\n');
  assert.match(msgs, /unsafe-archive: entry l\/_ext\.so is a symbolic link/);
  assert.doesNotMatch(msgs, /not an ELF file/);
  const plain = json(wheel('f-1.0-py3-none-any.whl', [{ name: 'f/data.txt', text: '/etc/passwd' }, ...meta('f', 'py3-none-any')]));
  assert.ok(!plain.w.problems.some((p: { kind: string }) => p.kind === 'unsafe-archive'), JSON.stringify(plain.w.problems));
});

test('zip bombs: a huge declared size or ratio is refused without inflating it; a size lie stops the read', () => {
  // 120 MiB of zeros deflates about 1000:1: refused by ratio before a byte is inflated.
  const bomb = wheel('z-1.0-py3-none-any.whl', [{ name: 'z/zeros.bin', zeros: 120 * 1024 * 1024 }, ...meta('z', 'py3-none-any')], { level: 9 });
  // Its deflate stream is made unreadable after the first bytes: had buildmedic inflated the entry, the wheel would be
  // unreadable (exit 2), not refused as a bomb.
  breakDeflateStream(bomb, 'z/zeros.bin');
  const r = json(bomb);
  assert.equal(r.code, 1);
  assert.match(r.w.problems.map((p: { message: string }) => p.message).join('\n'), /z\/zeros\.bin declares 125829120 bytes from \d+ compressed \(a zip bomb/);
  // A small entry whose headers claim 3.9 GB.
  const claimed = wheel('c-1.0-py3-none-any.whl', [{ name: 'c/x.bin', text: 'tiny' }, ...meta('c', 'py3-none-any')]);
  declareSize(claimed, 'c/x.bin', 0xe0000000);
  const c = json(claimed);
  assert.equal(c.code, 1);
  assert.match(c.w.problems.map((p: { message: string }) => p.message).join('\n'), /c\/x\.bin declares 3758096384 bytes/);
  // Declaring fewer bytes than the stream inflates to: yauzl stops at the declared size.
  const lie = wheel('l-1.0-py3-none-any.whl', [{ name: 'l/x.bin', zeros: 100000 }, ...meta('l', 'py3-none-any')]);
  declareSize(lie, 'l/x.bin', 10);
  const l = json(lie);
  assert.equal(l.code, 2);
  assert.match(l.w.error, /entry l\/x\.bin cannot be read/);
});

test('a .so that is not ELF and an ELF with corrupt offsets are reported per file', () => {
  const bad = Buffer.from(readFileSync(so));
  bad.writeBigUInt64LE(0x7fffffffn, 32); // e_phoff beyond the file
  const r = json(wheel('n-1.0-py3-none-manylinux_2_28_x86_64.whl', [{ name: 'n/fake.so', text: '/* GNU ld script */\nINPUT(-lfoo)\n' }, { name: 'n/broken.so', file: writeTemp('broken.so', bad) }, ...meta('n')]));
  assert.equal(r.code, 1);
  const msgs = r.w.problems.filter((p: { kind: string }) => p.kind === 'unreadable-binary').map((p: { message: string }) => p.message);
  assert.equal(msgs.length, 2);
  assert.match(msgs.join('\n'), /n\/fake\.so: not an ELF file/);
  assert.match(msgs.join('\n'), /n\/broken\.so: program headers lies outside the file/);
});

function writeTemp(name: string, bytes: Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

test('an ELF too big to hold is read by ranges over extra passes, with the same result', async () => {
  // The object followed by 3 MiB of padding, read with a 64 KiB in-memory limit.
  const padded = Buffer.concat([readFileSync(so), Buffer.alloc(3 * 1024 * 1024, 0x5a)]);
  const path = wheel('big-1.0-py3-none-manylinux_2_28_x86_64.whl', [{ name: 'big/core.so', file: writeTemp('padded.so', padded) }, ...meta('big')]);
  const small = await readWheel(path, { ...DEFAULT_LIMITS, bufferEntryBytes: 64 * 1024 });
  const whole = await readWheel(path);
  const a = small.entries.find((e) => e.path === 'big/core.so')!;
  const b = whole.entries.find((e) => e.path === 'big/core.so')!;
  assert.ok(a.elf && b.elf, a.elfError);
  assert.deepEqual(a.elf, b.elf);
  assert.deepEqual(b.elf, parseElf(wholeView(padded)));
  assert.equal(a.sha256, b.sha256);
});

test('zip64 entries and stored (uncompressed) entries read like any others', () => {
  for (const [file, opts] of [
    ['z64-1.0-py3-none-manylinux_2_28_x86_64.whl', { zip64: true }],
    ['st-1.0-py3-none-manylinux_2_28_x86_64.whl', { compression: 'stored' as const }],
  ] as const) {
    const name = file.split('-')[0]!;
    const r = json(wheel(file, [{ name: `${name}/core.so`, file: so }, ...meta(name)], opts));
    assert.equal(r.w.status, r.w.problems.length === 0 ? 'ok' : 'problems', file);
    assert.equal(r.w.objects.length, 1, file);
    assert.equal(r.w.record.mismatches, 0, file);
    assert.equal(r.w.record.verified, 3, file);
  }
  // The local header carries the zip64 extra field (id 0x0001).
  const b = readFileSync(join(dir, 'z64-1.0-py3-none-manylinux_2_28_x86_64.whl'));
  assert.equal(b.readUInt32LE(0), 0x04034b50);
  assert.equal(b.readUInt16LE(30 + b.readUInt16LE(26)), 0x0001);
});

test('more than 65535 entries: a zip64 end of central directory is read', () => {
  const many: WheelEntry[] = Array.from({ length: 66_000 }, (_, i) => ({ name: `many/f${i}.py`, text: '' }));
  const path = wheel('many-1.0-py3-none-any.whl', [...many, ...meta('many', 'py3-none-any')], { compression: 'stored' });
  const b = readFileSync(path);
  assert.ok(b.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06])), 'zip64 end of central directory record present');
  const r = json(path);
  assert.equal(r.code, 0, JSON.stringify(r.w.problems));
  assert.equal(r.w.record.verified, 66_002);
});

interface RawMember {
  name: string;
  data: Buffer;
  deflate?: boolean;
}

/**
 * Writes a zip by hand (APPNOTE 4.3): `members` become local headers and data, in order; `central` lists the
 * central directory, each row naming the member whose local header it points at, and optionally a size it claims.
 * Python's zipfile cannot write overlapping or lying entries, which is the point.
 */
function rawZip(path: string, members: RawMember[], central: Array<{ name: string; member: number; compressedSize?: number; size?: number; extra?: Buffer }>): string {
  const parts: Buffer[] = [];
  const at: Array<{ offset: number; crc: number; csize: number; size: number; method: number }> = [];
  let offset = 0;
  for (const m of members) {
    const body = m.deflate ? deflateRawSync(m.data, { level: 9 }) : m.data;
    const name = Buffer.from(m.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(m.deflate ? 8 : 0, 8);
    h.writeUInt16LE(0x21, 12); // 1980-01-01
    h.writeUInt32LE(crc32(m.data), 14);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(m.data.length, 22);
    h.writeUInt16LE(name.length, 26);
    at.push({ offset, crc: crc32(m.data), csize: body.length, size: m.data.length, method: m.deflate ? 8 : 0 });
    parts.push(h, name, body);
    offset += 30 + name.length + body.length;
  }
  const cdStart = offset;
  for (const c of central) {
    const m = at[c.member]!;
    const name = Buffer.from(c.name);
    const extra = c.extra ?? Buffer.alloc(0);
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(m.method, 10);
    h.writeUInt16LE(0x21, 14);
    h.writeUInt32LE(m.crc, 16);
    h.writeUInt32LE(c.compressedSize ?? m.csize, 20);
    h.writeUInt32LE(c.size ?? m.size, 24);
    h.writeUInt16LE(name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    h.writeUInt32LE(m.offset, 42);
    parts.push(h, name, extra);
    offset += 46 + name.length + extra.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(offset - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  parts.push(end);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

const DIST = (name: string): RawMember[] =>
  distInfo(name, '1.0', ['py3-none-any']).map((e) => ({ name: e.name, data: Buffer.from(e.text!) }));

test('overlapping entries (one compressed kernel listed many times) are a zip bomb, flagged and not inflated', async () => {
  // 64 names for one deflated MiB: 64 MiB from a few KB. The 138 KB original listed 2040 and inflated 32 GiB.
  const members = [...DIST('ov'), { name: 'ov/k0.bin', data: Buffer.alloc(1024 * 1024), deflate: true }];
  const central = [
    ...members.slice(0, 2).map((m, i) => ({ name: m.name, member: i })),
    ...Array.from({ length: 64 }, (_, i) => ({ name: `ov/k${i}.bin`, member: 2 })),
  ];
  const path = rawZip(join(dir, 'ov-1.0-py3-none-any.whl'), members, central);
  const contents = await readWheel(path);
  assert.match(contents.archiveProblems.join('\n'), /64 entries overlap one another in the archive \(ov\/k0\.bin, ov\/k1\.bin, ov\/k2\.bin, \.\.\.\): a zip bomb/);
  // None of them was inflated (an inflated entry has its hash).
  assert.deepEqual(contents.entries.filter((e) => e.path.startsWith('ov/k') && e.sha256 !== null), []);
  const r = json(path);
  assert.equal(r.code, 1);
  assert.ok(r.w.problems.some((p: { kind: string; message: string }) => p.kind === 'unsafe-archive' && /overlap/.test(p.message)));
});

test('an entry whose data runs over the next local header overlaps it too', async () => {
  const members = [...DIST('q'), { name: 'q/a.bin', data: Buffer.from('a'.repeat(100)) }, { name: 'q/b.bin', data: Buffer.from('b'.repeat(100)) }];
  // a.bin claims its 100 bytes plus b.bin's header and data: stored, so its size claims the same (a "quoted" overlap).
  const span = 100 + 30 + 'q/b.bin'.length + 100;
  const central = [{ name: members[0]!.name, member: 0 }, { name: members[1]!.name, member: 1 }, { name: 'q/a.bin', member: 2, compressedSize: span, size: span }, { name: 'q/b.bin', member: 3 }];
  const contents = await readWheel(rawZip(join(dir, 'q-1.0-py3-none-any.whl'), members, central));
  assert.match(contents.archiveProblems.join('\n'), /2 entries overlap one another in the archive \(q\/a\.bin, q\/b\.bin\)/);
  // The honest entries are still read.
  assert.ok(contents.entries.find((e) => e.path.endsWith('/WHEEL'))!.sha256);
});

test('entries declaring more in total than deflate can expand the archive to are refused before inflating', async () => {
  // 40 entries each declaring 2 MiB (under the per-entry checks) from a few bytes of deflate each: 80 MiB from 4 KB.
  const members = [...DIST('t'), ...Array.from({ length: 40 }, (_, i) => ({ name: `t/f${i}.bin`, data: Buffer.alloc(1024, i), deflate: true }))];
  const central = members.map((m, i) => ({ name: m.name, member: i, size: i < 2 ? undefined : 2 * 1024 * 1024 }));
  const contents = await readWheel(rawZip(join(dir, 't-1.0-py3-none-any.whl'), members, central));
  assert.match(contents.archiveProblems.join('\n'), /the entries declare \d+ bytes in total from a \d+-byte archive, more than deflate can expand \(1032:1\): a zip bomb/);
  assert.deepEqual(contents.entries.filter((e) => e.sha256 !== null), []);
});

test('a backslash in an entry name is flagged, and the name is reported as stored', async () => {
  const path = wheel('bs-1.0-py3-none-any.whl', [{ name: 'bs\\mod.py', text: 'x = 1\n' }, ...meta('bs', 'py3-none-any')]);
  const contents = await readWheel(path);
  assert.ok(contents.entries.some((e) => e.path === 'bs\\mod.py'), JSON.stringify(contents.entries.map((e) => e.path)));
  assert.ok(!contents.entries.some((e) => e.path === 'bs/mod.py'));
  const r = json(path);
  assert.equal(r.code, 1);
  assert.match(r.w.problems.map((p: { message: string }) => p.message).join('\n'), /entry "bs\\\\mod\.py" contains a backslash/);
});

test('a FIFO named *.whl, given by name or found in a directory, is refused without blocking', () => {
  const fifoDir = join(dir, 'fifo');
  mkdirSync(fifoDir, { recursive: true });
  const fifo = join(fifoDir, 'x-1.0-py3-none-any.whl');
  execFileSync('mkfifo', [fifo]);
  wheel('fifo/ok-1.0-py3-none-any.whl', [{ name: 'ok/a.py', text: '' }, ...meta('ok', 'py3-none-any')]);
  // A bounded run: before the fix, open() on the FIFO waited for a writer forever.
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
  const named = run(['wheel', '--json', fifo]);
  assert.equal(named.signal, null, 'finished by itself');
  assert.equal(named.status, 2);
  assert.match(JSON.parse(named.stdout).wheels[0].error, /a FIFO, not a wheel file/);
  const listed = run(['wheel', '--json', fifoDir]);
  assert.equal(listed.signal, null, 'finished by itself');
  assert.deepEqual(JSON.parse(listed.stdout).wheels.map((w: { file: string }) => w.file.split('/').pop()), ['ok-1.0-py3-none-any.whl']);
});

test('a climbing name hidden behind a safe Unicode Path extra field is still reported', async () => {
  // Info-ZIP Unicode Path (0x7075): version 1, the CRC-32 of the header name, then the UTF-8 name readers may show.
  const unicodePath = (headerName: string, shown: string) => {
    const data = Buffer.concat([Buffer.from([1]), Buffer.alloc(4), Buffer.from(shown)]);
    data.writeUInt32LE(crc32(Buffer.from(headerName)), 1);
    const field = Buffer.alloc(4);
    field.writeUInt16LE(0x7075, 0);
    field.writeUInt16LE(data.length, 2);
    return Buffer.concat([field, data]);
  };
  const members = [...DIST('u'), { name: '../../evil.py', data: Buffer.from('x = 1\n') }];
  const central = [{ name: members[0]!.name, member: 0 }, { name: members[1]!.name, member: 1 }, { name: '../../evil.py', member: 2, extra: unicodePath('../../evil.py', 'u/safe.py') }];
  const contents = await readWheel(rawZip(join(dir, 'u-1.0-py3-none-any.whl'), members, central));
  assert.match(contents.archiveProblems.join('\n'), /entry "\.\.\/\.\.\/evil\.py" \("u\/safe\.py" in its Unicode Path extra field\) climbs out of the install directory/);
});
