// Loads the bundled command line (dist/bin/cli.cjs, written by scripts/bundle-cli.mjs) through V8's code cache.
// Parsing and compiling the bundle is most of a small run's own start-up; a code cache recorded at build time from a
// real diagnosis (scripts/record-code-cache.mjs) skips it. Node 20 has no module compile cache, hence vm.Script.
// A cache that does not fit this Node (another V8 version or flags) is rejected by V8 and the bundle is compiled as
// usual: slower, never wrong.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export const CLI_BUNDLE = fileURLToPath(new URL('./cli.cjs', import.meta.url));
export const CLI_CODE_CACHE = fileURLToPath(new URL('./cli.code-cache', import.meta.url));

/** What the bundle exports: the command line's entry points (src/cli/main.ts). */
export interface CliModule {
  main(argv: string[]): Promise<number>;
  runAsProgram(): void;
}

export interface LoadedBundle {
  cli: CliModule;
  script: Script;
}

function readCache(path: string | null): Buffer | undefined {
  if (path === null) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined; // not recorded (e.g. a build without it): compile as usual
  }
}

/** Compiles and runs the CommonJS bundle as `require` would, with the code cache at `cachePath` when there is one. */
export function loadBundle(bundlePath = CLI_BUNDLE, cachePath: string | null = CLI_CODE_CACHE): LoadedBundle {
  const source = readFileSync(bundlePath, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData: readCache(cachePath),
  });
  const module = { exports: {} as CliModule };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return { cli: module.exports, script };
}
