// Generates a realistic large build log for the benchmark: cargo and BuildKit noise, cc-rs command lines,
// ANSI colour, GitHub Actions timestamps, and a real failure (a bundled case log) near the end.
// With --flood, a worst case instead: every line is a failure line the knowledge base must look at (a missing
// header, library, program, pkg-config module, CMake package or Python module, a rustc or make error), each naming
// an entity no other line names, so no line's facts can be remembered from an earlier one.
// usage: node scripts/gen-log.mjs OUT_FILE [SIZE_MB] [--flood]

import { createWriteStream, readFileSync } from 'node:fs';

const FAILURE_CASE = new URL('../src/kb/rules/toolchain/linker-not-found/cases/fail-cargo-hello-no-cc.log', import.meta.url);

/** Small deterministic PRNG (mulberry32), so every run measures the same bytes. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRATES = ['serde', 'serde_derive', 'tokio', 'syn', 'quote', 'proc-macro2', 'libc', 'rand', 'regex', 'hyper', 'clap', 'openssl-sys', 'ring', 'zstd-sys', 'librocksdb-sys', 'bindgen', 'cc', 'pkg-config', 'futures-util', 'tracing'];

function line(rand, i) {
  const crate = CRATES[Math.floor(rand() * CRATES.length)];
  const v = `${Math.floor(rand() * 3)}.${Math.floor(rand() * 40)}.${Math.floor(rand() * 200)}`;
  const r = rand();
  if (r < 0.3) return `   Compiling ${crate} v${v}`;
  if (r < 0.45) return `\x1b[1m\x1b[92m   Compiling\x1b[0m ${crate} v${v}`;
  if (r < 0.55) return `2024-05-01T12:${String(i % 60).padStart(2, '0')}:56.${String(i % 9999999).padStart(7, '0')}Z    Compiling ${crate} v${v}`;
  if (r < 0.65) return `#12 ${(i / 1000).toFixed(3)} warning: unused variable: \`value_${i % 997}\``;
  if (r < 0.75)
    return `running: "cc" "-O3" "-ffunction-sections" "-fdata-sections" "-fPIC" "-m64" "-I" "${crate}/include/" "-I" "${crate}/" "-Wall" "-Wextra" "-DNDEBUG" "-o" "/app/target/release/build/${crate}-${(i * 2654435761 >>> 0).toString(16)}/out/${i % 5000}-unit.o" "-c" "${crate}/src/unit_${i % 5000}.c"`;
  if (r < 0.85) return `cargo:rerun-if-env-changed=${crate.toUpperCase().replace(/-/g, '_')}_LIB_DIR_${i % 100}`;
  if (r < 0.92) return `warning: field \`inner_${i % 311}\` is never read`;
  if (r < 0.96) return `  --> src/module_${i % 211}.rs:${i % 900}:5`;
  return `\x1b[1m\x1b[33mwarning\x1b[0m\x1b[1m: ${crate}@${v}: src/vendor/unit_${i % 700}.c:${i % 300}:12: warning: unused parameter 'ctx' [-Wunused-parameter]\x1b[0m`;
}

// The shapes real tools print, one entity per line (GCC, GNU ld, rustc, dash, pkg-config, CMake, CPython, make, cargo).
const FLOOD_SHAPES = [
  (i) => `src/mod_${i}.c:${i % 900}:10: fatal error: libfoo${i}/foo${i}.h: No such file or directory`,
  (i) => `/usr/bin/ld: cannot find -lbar${i}: No such file or directory`,
  (i) => `error[E0433]: failed to resolve: use of undeclared crate or module \`m${i}\`\n  --> src/lib_${i}.rs:${i % 300}:5`,
  (i) => `sh: 1: tool${i}: not found`,
  (i) => `Package libbaz${i} was not found in the pkg-config search path.`,
  (i) => `-- Could NOT find Pkg${i} (missing: PKG${i}_LIBRARY PKG${i}_INCLUDE_DIR)`,
  (i) => `ModuleNotFoundError: No module named 'mod${i}'`,
  (i) => `make[2]: *** [CMakeFiles/t${i}.dir/build.make:${i % 99}: t${i}.o] Error 1`,
  (i) => `#12 ${(i / 1000).toFixed(3)} error: could not compile \`crate${i}\` (lib) due to 1 previous error`,
];

const floodLine = (_rand, i) => FLOOD_SHAPES[i % FLOOD_SHAPES.length](i);

/** The flood workload: failure lines only, each with an entity of its own. */
export function generateFloodLog(path, sizeMB) {
  return generateLog(path, sizeMB, { lineOf: floodLine, failure: '' });
}

export async function generateLog(path, sizeMB, { lineOf = line, failure = readFileSync(FAILURE_CASE, 'utf8') } = {}) {
  const target = sizeMB * 1024 * 1024;
  const out = createWriteStream(path);
  const rand = prng(42);
  let written = 0;
  let i = 0;
  let failed = false;
  const write = (s) =>
    new Promise((resolve) => {
      written += Buffer.byteLength(s);
      if (out.write(s)) resolve();
      else out.once('drain', resolve);
    });
  while (written < target) {
    const block = [];
    for (let k = 0; k < 2000; k++) block.push(lineOf(rand, i++));
    await write(`${block.join('\n')}\n`);
    if (failure && !failed && written > target * 0.97) {
      await write(failure);
      failed = true;
    }
  }
  if (failure && !failed) await write(failure);
  await new Promise((resolve) => out.end(resolve));
  return { bytes: written, lines: i };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flood = process.argv.includes('--flood');
  const [outFile, size = '500'] = process.argv.slice(2).filter((a) => a !== '--flood');
  if (!outFile) {
    console.error('usage: node scripts/gen-log.mjs OUT_FILE [SIZE_MB] [--flood]');
    process.exit(2);
  }
  const { bytes, lines } = await (flood ? generateFloodLog(outFile, Number(size)) : generateLog(outFile, Number(size)));
  console.log(`${outFile}: ${(bytes / 1048576).toFixed(0)} MB, ${lines} generated lines`);
}
