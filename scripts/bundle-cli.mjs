// Part of `npm run build`, after tsc: bundles the command line into dist/bin/cli.cjs, one CommonJS file that
// dist/bin/main.js loads with a V8 code cache (src/bin/load-bundle.ts), then records that cache from real runs.
// A small diagnosis is mostly start-up, and loading about a hundred ES modules and compiling them was most of it;
// see the README's performance section. dist/bin/ sits at the same depth as the other dist/ folders, so paths
// relative to a module (rule READMEs, package.json, kb-automaton.bin) resolve the same. The diagnosis worker of
// `buildmedic run` is its own entry point, next to the bundle, where run-build.ts looks for it.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { asciiSource } from './ascii-source.mjs';

const OUT = 'dist/bin';

/**
 * commander requires node:child_process at load, for stand-alone executable subcommands, which buildmedic has none
 * of; loading it (and net, dgram, ...) cost every start ~3 ms. In the bundle that require is deferred to the first
 * spawn. If commander no longer has that line, the bundle keeps it as it is: slower to start, never wrong.
 */
const COMMANDER_CHILD_PROCESS = "const childProcess = require('node:child_process');";
const deferCommanderChildProcess = {
  name: 'defer-commander-child-process',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(COMMANDER_CHILD_PROCESS)) return undefined;
      const deferred = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(COMMANDER_CHILD_PROCESS, deferred), loader: 'js' };
    });
  },
};

await build({
  entryPoints: ['dist/cli/main.js'],
  plugins: [deferCommanderChildProcess],
  outfile: `${OUT}/cli.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // CommonJS has no import.meta; the bundle's own file URL stands in for it.
  define: { 'import.meta.url': 'bundleFileUrl' },
  banner: { js: "var bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  // ASCII strings and identifiers (esbuild's default), and template literals written as strings, so that their
  // characters are escaped too: a tagged template's raw text (String.raw) cannot be. asciiSource does the rest.
  charset: 'ascii',
  supported: { 'template-literal': false },
  logLevel: 'warning',
});

// An ASCII bundle is read at every start without UTF-8 decoding (ascii-source.mjs); if an escape could change its
// meaning, it stays as esbuild wrote it: slower to start, never wrong.
const bundled = readFileSync(`${OUT}/cli.cjs`, 'utf8');
const ascii = asciiSource(bundled);
if (ascii === null) console.warn('bundle-cli: dist/bin/cli.cjs keeps non-ASCII characters that cannot be escaped safely');
else writeFileSync(`${OUT}/cli.cjs`, ascii);

// vm.Script (how main.js runs the bundle) has no loader for import(): every dynamic import must have been bundled.
const leftover = readFileSync(`${OUT}/cli.cjs`, 'utf8').match(/[^\w.$]import\(\s*["'`][^"'`]*/g);
if (leftover) throw new Error(`dist/bin/cli.cjs still has dynamic imports, which vm.Script cannot run: ${leftover.join(', ')}`);

await build({
  entryPoints: ['dist/run/diagnose-worker.js'],
  outfile: `${OUT}/diagnose-worker.js`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

const recorded = spawnSync(process.execPath, ['scripts/record-code-cache.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (recorded.status !== 0) throw new Error(`recording the code cache failed (exit ${recorded.status})`);
