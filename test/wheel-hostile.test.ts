// Hostile and broken wheels: each gives a clear message and the right exit code, never a crash, hang or blow-up.

import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { parseElf, wholeView } from '../src/wheel/elf.ts';
import { DEFAULT_LIMITS, readWheel } from '../src/wheel/read-wheel.ts';
import { compileShared, distInfo, makeWheel, runCli, scratch, SOURCES, type WheelEntry } from './fixtures/wheel/helpers.ts';

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
