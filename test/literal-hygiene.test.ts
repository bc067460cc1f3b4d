// Prefilter literals decide which lines the engine looks at; one that occurs in the ordinary lines of a huge
// successful build (crate names, versions, compiler command lines) would make diagnosis as slow as a regex loop.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { KB } from './helpers/cases.ts';

const crates = readFileSync(new URL('./fixtures/noise/crate-names.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split(' ') as [string, string]);

/** The lines a long, healthy cargo/cc-rs build log is mostly made of, for every crate name. */
function noiseLines(name: string, version: string, i: number): string[] {
  const dir = name.replace(/-/g, '_');
  const hash = ((i + 1) * 2654435761 >>> 0).toString(16).padStart(8, '0');
  return [
    `   Compiling ${name} v${version}`,
    `   Compiling ${name} v${version} (/home/user/src/${name})`,
    `  Downloaded ${name} v${version}`,
    `\x1b[1m\x1b[92m   Compiling\x1b[0m ${name} v${version}`,
    `2024-05-01T12:34:56.${String(i).padStart(7, '0')}Z    Compiling ${name} v${version}`,
    `#12 ${(i / 7).toFixed(3)}    Compiling ${name} v${version}`,
    `running: "cc" "-O3" "-ffunction-sections" "-fdata-sections" "-fPIC" "-m64" "-I" "${dir}/include" "-Wall" "-o" "/app/target/release/build/${name}-${hash}${hash}/out/${dir}.o" "-c" "${dir}/src/${dir}.c"`,
    `cargo:rerun-if-env-changed=${dir.toUpperCase()}_LIB_DIR`,
    `cargo:rustc-link-lib=static=${dir}`,
    `warning: unused variable: \`${dir}\``,
    `  --> /home/user/.cargo/registry/src/index.crates.io-6f17d22bba15001f/${name}-${version}/src/lib.rs:${i % 900}:5`,
    `     Running \`/app/target/release/build/${name}-${hash}/build-script-build\``,
    `[ ${i % 100}%] Building CXX object src/CMakeFiles/${dir}.dir/${dir}.cpp.o`,
    `[ ${i % 100}%] Building C object src/CMakeFiles/${dir}.dir/${dir}.c.o`,
    `[${String(i % 100).padStart(3)}%] Linking CXX shared library lib${dir}.so`,
    `make[2]: Entering directory '/build/${dir}'`,
  ];
}

test('no prefilter literal occurs in the ordinary lines of a healthy build', () => {
  const offenders = new Map<string, string>();
  crates.forEach(([name, version], i) => {
    for (const line of noiseLines(name, version, i)) {
      const buf = Buffer.from(line);
      if (KB.scanner.find(buf, 0, buf.length) < 0) continue;
      const literal = KB.literals.find((l) => line.replace(/\x1b\[[0-9;]*m/g, '').includes(l)) ?? '?';
      if (!offenders.has(literal)) offenders.set(literal, line);
    }
  });
  assert.deepEqual(
    [...offenders].map(([literal, line]) => `literal ${JSON.stringify(literal)} occurs in: ${line}`),
    [],
    'choose literals that only occur in the message a pattern targets, not in crate names, versions or command lines',
  );
});
