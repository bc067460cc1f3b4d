#!/usr/bin/env node
// Bench for `buildmedic wheel`: synthesises a release of ~55 wheels (~1 GB) and times one audit of all of them.
//
// Each wheel holds real ELF objects from this machine (libstdc++, libcrypto, libpython: deflated ~2.5:1 like real
// extension modules), a few hundred small .py files, an incompressible data blob, and a correct RECORD. One wheel
// carries a 140 MiB ELF, larger than the in-memory limit, so the ranged-read path is timed too.
// Usage: node scripts/bench-wheel.mjs [--keep] [--wheels N] [--target-seconds S]
// Prints wall time and peak RSS (via /usr/bin/time -v when present); exits 1 when over the target (10 s).

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/bin/main.js');
const MAKE = join(ROOT, 'test/fixtures/wheel/make-wheel.py');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const WHEELS = opt('--wheels', 55);
const TARGET = opt('--target-seconds', 10);
const KEEP = args.includes('--keep');

const LIBS = ['/usr/lib/x86_64-linux-gnu/libstdc++.so.6', '/usr/lib/x86_64-linux-gnu/libcrypto.so.3', '/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0'].filter(existsSync);
if (!existsSync(BIN)) throw new Error('build first: npm run build');

const dir = mkdtempSync(join(tmpdir(), 'buildmedic-bench-wheel-'));
const big = join(dir, 'big.so');

// One distribution, told apart by build tags (benchpkg-1.0.0-<build>-...), so copies stay consistent wheels.
const NAME = 'benchpkg';
const VERSION = '1.0.0';
const TAG = 'cp311-cp311-manylinux_2_36_x86_64';
const fileName = (build) => `${NAME}-${VERSION}-${build}-${TAG}.whl`;

function spec(build, withBig) {
  const d = `${NAME}-${VERSION}.dist-info`;
  const entries = [
    ...LIBS.map((lib, j) => ({ name: `${NAME}/_ext${j}.cpython-311-x86_64-linux-gnu.so`, file: lib })),
    ...Array.from({ length: 300 }, (_, j) => ({ name: `${NAME}/mod${j}.py`, text: `# module ${j}\n`.repeat(40) })),
    { name: `${NAME}/data/blob.bin`, random: 11 * 1024 * 1024 },
    { name: `${d}/METADATA`, text: `Metadata-Version: 2.1\nName: ${NAME}\nVersion: ${VERSION}\nRequires-Python: >=3.8\n\n` },
    { name: `${d}/WHEEL`, text: `Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: false\nBuild: ${build}\nTag: ${TAG}\n` },
  ];
  if (withBig) entries.push({ name: `${NAME}/_huge.cpython-311-x86_64-linux-gnu.so`, file: big });
  return { out: join(dir, fileName(build)), entries, level: 1 };
}

function makeWheel(s) {
  return new Promise((resolve, reject) => {
    const p = spawn('/usr/bin/python3', [MAKE], { stdio: ['pipe', 'inherit', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`make-wheel exited ${code}`))));
    p.stdin.end(JSON.stringify(s));
  });
}

try {
  // A real ELF padded to 140 MiB (its dynamic tables stay at the front, as in a large real object).
  execFileSync('/bin/sh', ['-c', `cp "${LIBS[0]}" "${big}" && head -c ${140 * 1024 * 1024} /dev/urandom >> "${big}"`]);
  const started = Date.now();
  // Four distinct wheels plus the one with the huge object are made; the rest are copies under other build tags
  // (the audit does not care that contents repeat, and making 1 GB of zips in Python is slow).
  const DISTINCT = Math.min(4, WHEELS - 1);
  await Promise.all([makeWheel(spec(1, true)), ...Array.from({ length: DISTINCT }, (_, j) => makeWheel(spec(2 + j, false)))]);
  for (let build = 2 + DISTINCT; build <= WHEELS; build++) copyFileSync(join(dir, fileName(2 + ((build - 2) % DISTINCT))), join(dir, fileName(build)));
  rmSync(big);
  const files = readdirSync(dir).filter((f) => f.endsWith('.whl'));
  const bytes = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  console.log(`synthesised ${files.length} wheels, ${(bytes / 1e9).toFixed(2)} GB, in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const haveTime = existsSync('/usr/bin/time');
  const cmd = haveTime ? ['/usr/bin/time', ['-v', process.execPath, BIN, 'wheel', '--json', dir]] : [process.execPath, [BIN, 'wheel', '--json', dir]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd[1], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const report = JSON.parse(r.stdout);
  const statuses = report.wheels.reduce((m, w) => ({ ...m, [w.status]: (m[w.status] ?? 0) + 1 }), {});
  const objects = report.wheels.reduce((n, w) => n + w.objects.length, 0);
  const rss = haveTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] : null;
  const user = haveTime ? Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]) : NaN;
  const sys = haveTime ? Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]) : NaN;
  console.log(`buildmedic wheel: ${report.wheels.length} wheels, ${objects} ELF objects, ${JSON.stringify(statuses)}, exit ${r.status}`);
  console.log(`wall ${wall.toFixed(2)} s (${((bytes / 1e6) / wall).toFixed(0)} MB/s)${rss ? `, peak RSS ${(Number(rss) / 1024).toFixed(0)} MiB` : ''}`);
  // Wall time depends on what else the machine runs; CPU time and the load say how fair the measurement was.
  if (haveTime) console.log(`cpu ${(user + sys).toFixed(2)} s (user ${user}, sys ${sys}) on ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const ok = wall <= TARGET && report.wheels.length === WHEELS && (statuses.ok ?? 0) === WHEELS;
  console.log(ok ? `PASS (target <= ${TARGET} s, every wheel OK)` : `FAIL (target <= ${TARGET} s, every wheel OK)`);
  writeFileSync(join(dir, 'report.json'), r.stdout);
  process.exitCode = ok ? 0 : 1;
} finally {
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
