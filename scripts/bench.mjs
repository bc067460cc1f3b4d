// `npm run bench`: speed and memory of buildmedic against its targets, measured side by side with standard tools.
//   log:   diagnose on a generated large log (default 500 MB) vs `grep -E -f <KB patterns>` and `wc -l` (the floor)
//   biglog: a second workload from an external generator (--gen-biglog PATH, e.g. ../shared/bench/gen-biglog.py: cargo,
//          BuildKit and cc-rs lines) vs `grep -c -E -f` of its patterns file (--grep-patterns PATH, default
//          grep-patterns.txt beside the generator); target diagnose <= 1.5x grep. Skipped, with the reason, without them.
//   small: a 1 MB log diagnosed end to end, median of 7 runs (target <= 150 ms), beside `node -e 0` and
//          `buildmedic --version` in the same rounds (the start-up floor, for reading the figure; not the target)
//   flood: the worst case, 50 MB in which every line is a failure line naming an entity of its own (gen-log.mjs
//          --flood); targets: peak RSS <= 128 MiB and at least 5 MB/s, so a log of thousands of distinct errors
//          stays seconds, not minutes
//   then the other commands' benches (scripts/bench-*.mjs) when present.
//   --rounds N runs grep and diagnose in alternation N times and reports medians and the spread (for a loaded machine).
// usage: npm run bench [-- --size-mb 500] [--only log,biglog,small,flood,wheel,doctor,run] [--gen-biglog PATH] [--grep-patterns PATH]
//        [--rounds N]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { generateFloodLog, generateLog } from './gen-log.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/bin/main.js');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizeMB = Number(arg('size-mb', '500'));
const only = arg('only', 'log,biglog,small,flood,wheel,doctor,run').split(',');
const rounds = Math.max(1, Number(arg('rounds', '1')));
const genBiglog = arg('gen-biglog', null);
const grepPatterns = arg('grep-patterns', genBiglog ? join(dirname(resolve(genBiglog)), 'grep-patterns.txt') : null);
const work = join(tmpdir(), 'buildmedic-bench');
mkdirSync(work, { recursive: true });

const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.error('bench needs GNU time at /usr/bin/time (Debian package "time")');
  process.exit(2);
}

/**
 * Runs a command under GNU time; returns wall seconds, CPU seconds (user + system: less sensitive than the wall
 * time to other jobs on a shared machine, so shown beside it; the targets stay on wall time) and peak RSS in MiB.
 */
function measure(cmd, cmdArgs) {
  const r = spawnSync(TIME, ['-f', '%e %M %U %S', cmd, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'ignore', 'pipe'] });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [wall, rssKb, user, sys] = last.split(' ').map(Number);
  if (!Number.isFinite(wall)) throw new Error(`could not time ${cmd}: ${r.stderr}`);
  return { wall, cpu: user + sys, rss: rssKb / 1024, status: r.status };
}

/**
 * Measures each command `rounds` times, one round after another (so load on the machine falls on all of them alike);
 * the median wall time and peak RSS of each, and its spread when more than one round ran.
 */
function measureRounds(commands) {
  const runs = commands.map(() => []);
  for (let r = 0; r < rounds; r++) commands.forEach(([cmd, cmdArgs], i) => runs[i].push(measure(cmd, cmdArgs)));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return runs.map((rs) => {
    const walls = rs.map((x) => x.wall);
    return { wall: median(walls), cpu: median(rs.map((x) => x.cpu)), rss: median(rs.map((x) => x.rss)), spread: rounds > 1 ? `${Math.min(...walls).toFixed(2)}-${Math.max(...walls).toFixed(2)}` : '' };
  });
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
}

async function ensureLog(mb) {
  const path = join(work, `bench-${mb}mb.log`);
  if (!existsSync(path) || statSync(path).size < mb * 1024 * 1024) {
    console.log(`generating ${mb} MB log at ${path} ...`);
    await generateLog(path, mb);
  }
  return path;
}

async function patternsFile() {
  const { defaultKnowledgeBase } = await import(join(ROOT, 'dist/diagnose/diagnose.js'));
  const kb = defaultKnowledgeBase();
  const path = join(work, 'kb-patterns.txt');
  // The engine's prefilter literals are the knowledge base's core messages; as ERE they must be escaped.
  writeFileSync(path, `${kb.literals.map((l) => l.replace(/[.[\]()*+?{}|^$\\]/g, '\\$&')).join('\n')}\n`);
  return { path, count: kb.literals.length };
}

let failures = 0;
function verdict(ok, text) {
  if (!ok) failures++;
  console.log(`${ok ? 'PASS' : 'MISS'}  ${text}`);
}

async function benchLog() {
  const log = await ensureLog(sizeMB);
  const patterns = await patternsFile();
  console.log(`\nlog: ${sizeMB} MB, ${patterns.count} knowledge-base literals`);
  const [grep, bm, wc] = measureRounds([
    ['grep', ['-c', '-E', '-f', patterns.path, log]],
    [process.execPath, [BIN, 'diagnose', '--json', log]],
    ['wc', ['-l', log]],
  ]);
  table([
    ['tool', 'wall s', 'vs grep', 'cpu s', 'peak RSS MiB', 'MB/s', ...(rounds > 1 ? [`wall s, ${rounds} rounds`] : [])],
    ['wc -l (floor)', wc.wall.toFixed(2), (wc.wall / grep.wall).toFixed(2), wc.cpu.toFixed(2), wc.rss.toFixed(1), (sizeMB / wc.wall).toFixed(0), wc.spread],
    ['grep -E -f', grep.wall.toFixed(2), '1.00', grep.cpu.toFixed(2), grep.rss.toFixed(1), (sizeMB / grep.wall).toFixed(0), grep.spread],
    ['buildmedic diagnose', bm.wall.toFixed(2), (bm.wall / grep.wall).toFixed(2), bm.cpu.toFixed(2), bm.rss.toFixed(1), (sizeMB / bm.wall).toFixed(0), bm.spread],
  ]);
  verdict(bm.wall <= grep.wall, `diagnose wall time <= grep's (ratio ${(bm.wall / grep.wall).toFixed(2)})`);
  verdict(bm.rss <= 128, `diagnose peak RSS <= 128 MiB (${bm.rss.toFixed(1)} MiB)`);
}

/** The second workload: a log written by an external generator, against grep with that workload's own patterns. */
function benchBiglog() {
  if (!genBiglog || !existsSync(genBiglog)) {
    console.log(`\nbiglog: skipped (${genBiglog ? `no generator at ${genBiglog}` : 'no --gen-biglog PATH given'})`);
    return;
  }
  if (!grepPatterns || !existsSync(grepPatterns)) {
    console.log(`\nbiglog: skipped (no grep patterns file at ${grepPatterns}; give --grep-patterns PATH)`);
    return;
  }
  const log = join(work, `biglog-${sizeMB}mb.log`);
  if (!existsSync(log) || statSync(log).size < sizeMB * 1_000_000) {
    console.log(`generating ${sizeMB} MB with ${genBiglog} ...`);
    const gen = spawnSync('python3', [genBiglog, log, String(sizeMB)], { stdio: 'inherit' });
    if (gen.status !== 0) {
      console.log(`biglog: skipped (the generator exited with ${gen.status})`);
      return;
    }
  }
  console.log(`\nbiglog: ${sizeMB} MB from ${genBiglog}, patterns ${grepPatterns}`);
  const [grep, bm] = measureRounds([
    ['grep', ['-c', '-E', '-f', grepPatterns, log]],
    [process.execPath, [BIN, 'diagnose', '--json', log]],
  ]);
  table([
    ['tool', 'wall s', 'vs grep', 'cpu s', 'peak RSS MiB', 'MB/s', ...(rounds > 1 ? [`wall s, ${rounds} rounds`] : [])],
    ['grep -c -E -f', grep.wall.toFixed(2), '1.00', grep.cpu.toFixed(2), grep.rss.toFixed(1), (sizeMB / grep.wall).toFixed(0), grep.spread],
    ['buildmedic diagnose', bm.wall.toFixed(2), (bm.wall / grep.wall).toFixed(2), bm.cpu.toFixed(2), bm.rss.toFixed(1), (sizeMB / bm.wall).toFixed(0), bm.spread],
  ]);
  verdict(bm.wall <= 1.5 * grep.wall, `diagnose wall time <= 1.5x grep's on the second workload (ratio ${(bm.wall / grep.wall).toFixed(2)})`);
}

async function benchSmall() {
  const log = await ensureLog(1);
  // What the same machine spends on starting Node at all, and on buildmedic's own start-up (bundle, code cache),
  // measured in alternation with the diagnosis: the target is the diagnosis alone, these only explain it.
  const runs = { diagnose: [], version: [], node: [] };
  for (let i = 0; i < 7; i++) {
    runs.diagnose.push(measure(process.execPath, [BIN, 'diagnose', '--json', log]).wall);
    runs.version.push(measure(process.execPath, [BIN, '--version']).wall);
    runs.node.push(measure(process.execPath, ['-e', '0']).wall);
  }
  for (const walls of Object.values(runs)) walls.sort((a, b) => a - b);
  const ms = (s) => (s * 1000).toFixed(0);
  const walls = runs.diagnose;
  const median = walls[3];
  console.log(`\nsmall: 1 MB log end to end, 7 runs: median ${ms(median)} ms (min ${ms(walls[0])}, max ${ms(walls[6])})`);
  console.log(`       on this machine, same rounds: \`node -e 0\` median ${ms(runs.node[3])} ms, \`buildmedic --version\` ${ms(runs.version[3])} ms`);
  verdict(median <= 0.15, `1 MB log diagnosed in <= 150 ms (median ${ms(median)} ms)`);
}

const FLOOD_MB = 50;

async function benchFlood() {
  const log = join(work, `flood-${FLOOD_MB}mb.log`);
  if (!existsSync(log) || statSync(log).size < FLOOD_MB * 1024 * 1024) {
    console.log(`generating ${FLOOD_MB} MB flood log at ${log} ...`);
    await generateFloodLog(log, FLOOD_MB);
  }
  const [bm] = measureRounds([[process.execPath, [BIN, 'diagnose', '--json', log]]]);
  const rate = FLOOD_MB / bm.wall;
  console.log(`\nflood: ${FLOOD_MB} MB, every line a distinct failure line: ${bm.wall.toFixed(2)} s (${rate.toFixed(1)} MB/s), peak RSS ${bm.rss.toFixed(1)} MiB${bm.spread ? `, ${rounds} rounds ${bm.spread} s` : ''}`);
  verdict(rate >= 5, `flood diagnosed at >= 5 MB/s (${rate.toFixed(1)} MB/s)`);
  verdict(bm.rss <= 128, `flood peak RSS <= 128 MiB (${bm.rss.toFixed(1)} MiB)`);
}

async function benchOther(name) {
  const script = join(ROOT, 'scripts', `bench-${name}.mjs`);
  if (!existsSync(script)) return;
  console.log(`\n${name}: ${script}`);
  // bench-run only counts its target as missed when asked; the others always do.
  const r = spawnSync(process.execPath, [script, ...(name === 'run' ? ['--strict'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) failures++;
}

if (!existsSync(BIN)) {
  console.error('build first: npm run build');
  process.exit(2);
}
if (only.includes('log')) await benchLog();
if (only.includes('biglog')) benchBiglog();
if (only.includes('small')) await benchSmall();
if (only.includes('flood')) await benchFlood();
for (const name of ['wheel', 'doctor', 'run']) if (only.includes(name)) await benchOther(name);
console.log(failures ? `\n${failures} target(s) missed` : '\nall targets met');
process.exit(failures ? 1 : 0);
