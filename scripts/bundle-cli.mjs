// Part of `npm run build`, after tsc: bundles the command line into dist/bin/cli.cjs, one CommonJS file that
// dist/bin/main.js loads with a V8 code cache (src/bin/load-bundle.ts), then records that cache from real runs.
// A small diagnosis is mostly start-up, and loading about a hundred ES modules and compiling them was most of it;
// see the README's performance section. dist/bin/ sits at the same depth as the other dist/ folders, so paths
// relative to a module (rule READMEs, package.json, kb-automaton.bin) resolve the same. The diagnosis worker of
// `buildmedic run` is its own entry point, next to the bundle, where run-build.ts looks for it.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist/bin';

await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: `${OUT}/cli.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // CommonJS has no import.meta; the bundle's own file URL stands in for it.
  define: { 'import.meta.url': 'bundleFileUrl' },
  banner: { js: "var bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

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
