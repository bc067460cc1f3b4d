// Part of `npm run build` (run by bundle-cli.mjs, standard output discarded): runs the bundled command line on the
// bundled example logs the way a user would, then saves V8's code cache of the bundle, which by now holds every
// function those runs compiled. dist/bin/main.js hands it back to V8 on each start (src/bin/load-bundle.ts).

import { rmSync, writeFileSync } from 'node:fs';
import { CLI_CODE_CACHE, loadBundle } from '../dist/bin/load-bundle.js';

rmSync(CLI_CODE_CACHE, { force: true });
const { cli, script } = loadBundle(undefined, null);
for (const argv of [
  ['diagnose', '--json', 'examples/cargo-no-c-toolchain.log'],
  ['diagnose', '--no-color', 'examples/cargo-no-c-toolchain.log'],
]) {
  const code = await cli.main(argv);
  if (code !== 1) throw new Error(`buildmedic ${argv.join(' ')} exited ${code}, expected 1 (a diagnosed failure)`);
}
writeFileSync(CLI_CODE_CACHE, script.createCachedData());
