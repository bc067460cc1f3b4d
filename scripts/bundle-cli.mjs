// Part of `npm run build`: bundles the command line into dist/bin/ so that a run loads a few files instead of about a
// hundred ES modules (the larger part of a small diagnosis's wall time; see the README's performance section).
// dist/bin/ sits at the same depth as the other dist/ folders, so paths relative to a module (rule READMEs,
// package.json) resolve the same; the diagnosis worker is its own entry point, as run-build.ts expects it there.

import { build } from 'esbuild';

await build({
  entryPoints: { main: 'dist/cli/main.js', 'diagnose-worker': 'dist/run/diagnose-worker.js' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
