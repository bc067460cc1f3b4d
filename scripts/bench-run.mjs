#!/usr/bin/env node
// Bench for `buildmedic run`: wall time of a chatty command (200 MB of build output) bare vs wrapped; the target is <= 10% overhead.
//
// Two commands, both writing 200 MB of cargo/gcc/cmake-like lines to stdout:
//   burst  - writes as fast as the pipe takes it: no real build does this; it shows the raw cost per MB.
//   paced  - spends CPU on every line as a compiler does (still ~80 MB/s on one core here), far chattier than any real build.
// Two places the output goes, the same for the bare and the wrapped command:
//   pipe      - read through a pipe (`| cat > /dev/null`), as a CI runner or a log collector reads a build: the target.
//   /dev/null - written straight to /dev/null: a bare command then pays nothing for its output, while anything that
//               looks at it needs a pipe; `| cat` alone costs about +20% here. Shown for reference.
// Usage: node scripts/bench-run.mjs [--mb 200] [--runs 5] [--strict]   (--strict exits 1 when paced misses the target)

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '200' }, runs: { type: 'string', default: '5' }, strict: { type: 'boolean', default: false } } });
const MB = Number(values.mb);
const RUNS = Number(values.runs);
const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'buildmedic-bench-run-'));

// The generator is a separate program so that bare and wrapped runs execute exactly the same thing.
const generator = join(dir, 'chatty.mjs');
writeFileSync(
  generator,
  `const [mode, mb] = [process.argv[2], Number(process.argv[3])];
const templates = [
  (i) => '   Compiling crate' + (i % 997) + ' v0.' + (i % 31) + '.0 (/work/crates/crate' + (i % 997) + ')',
  (i) => 'warning: unused variable: \`x' + i + '\`',
  (i) => '  --> src/module' + (i % 89) + '.rs:' + (i % 400) + ':9',
  (i) => 'cc -O2 -fPIC -I/usr/include -c src/file' + (i % 503) + '.c -o build/file' + (i % 503) + '.o',
  (i) => '[ ' + (i % 100) + '%] Building CXX object src/CMakeFiles/core.dir/unit' + (i % 701) + '.cpp.o',
  (i) => 'note: \\x1b[1m\\x1b[32mrunning\\x1b[0m build script for crate' + (i % 211),
];
const target = mb * 1024 * 1024;
let written = 0, i = 0, sink = 0;
function block() {
  const lines = [];
  let size = 0;
  while (size < 65536) {
    const line = templates[i % templates.length](i);
    if (mode === 'paced') for (let k = 0; k < 60; k++) sink = (sink * 31 + line.charCodeAt(k % line.length)) | 0;
    lines.push(line);
    size += line.length + 1;
    i++;
  }
  return lines.join('\\n') + '\\n';
}
function pump() {
  while (written < target) {
    const b = block();
    written += b.length;
    if (!process.stdout.write(b)) return process.stdout.once('drain', pump);
  }
  if (sink === 42) console.error('');
}
pump();
`,
);

/** Wall time, and the CPU time of the whole process tree (bash's `times`: children's user and system time). */
function time(argv, sink) {
  const quoted = argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const redirect = sink === 'pipe' ? '| cat > /dev/null' : '> /dev/null';
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', `set -o pipefail; ${quoted} ${redirect}; status=$?; times >&3; exit $status`], { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
    let times = '';
    child.stdio[3].on('data', (b) => (times += b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${argv.join(' ')} exited ${code}`));
      // Second line of `times`: "0m1.234s 0m0.056s" for the children.
      const [user, sys] = [...times.trim().split('\n')[1].matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      resolve({ wall: performance.now() - started, cpu: (user + sys) * 1000 });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`buildmedic run bench: ${MB} MB of output, median of ${RUNS} runs, ${availableParallelism()} cores`);
let pacedOverhead = 0;
for (const sink of ['pipe', '/dev/null']) {
  for (const mode of ['burst', 'paced']) {
    const command = [process.execPath, generator, mode, String(MB)];
    const bare = [];
    const wrapped = [];
    for (let r = 0; r < RUNS; r++) {
      // Interleaved, so a change in machine load hits both sides alike.
      bare.push(await time(command, sink));
      wrapped.push(await time([process.execPath, BIN, 'run', '--', ...command], sink));
    }
    const b = median(bare.map((t) => t.wall));
    const w = median(wrapped.map((t) => t.wall));
    const cpu = median(wrapped.map((t, i) => t.cpu - bare[i].cpu));
    const overhead = (w / b - 1) * 100;
    const target = sink === 'pipe' && mode === 'paced';
    if (target) pacedOverhead = overhead;
    console.log(
      `${sink.padEnd(9)} ${mode.padEnd(6)} bare ${(b / 1000).toFixed(2)} s (${(MB / (b / 1000)).toFixed(0)} MB/s)  through run ${(w / 1000).toFixed(2)} s  overhead ${overhead >= 0 ? '+' : ''}${overhead.toFixed(1)}%` +
        `  buildmedic CPU ${(cpu / 1000).toFixed(2)} s (${(cpu / MB).toFixed(1)} ms/MB)${target ? (overhead <= 10 ? '  target <= 10%: met' : '  target <= 10%: MISSED') : '  (for reference)'}`,
    );
  }
}
const load = loadavg()[0];
if (load > availableParallelism()) console.log(`note: load average ${load.toFixed(1)} on ${availableParallelism()} cores: wall times are inflated; the CPU figures hold.`);
if (values.strict && pacedOverhead > 10) process.exitCode = 1;
