// `npm pack`/`npm publish` hooks (prepack, postpack): a clean dist/ in the tarball, and a tarball manifest without
// `prepare`. A clone needs `prepare` (npm install builds dist/ there, and so does an install from a git URL), but a
// tarball already carries dist/: npm 11 never runs a tarball's `prepare`, yet warns on every `npm install -g` that it
// blocked it. So prepack sets package.json aside and writes it without `prepare`; postpack puts the original back.
//   node scripts/pack-manifest.mjs clean     remove dist/ (no module of a deleted source may ship)
//   node scripts/pack-manifest.mjs strip     package.json without scripts.prepare, the original kept aside
//   node scripts/pack-manifest.mjs restore   the original package.json back, byte for byte

import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const MANIFEST = 'package.json';
// Outside `files`, so never packed; a pack that failed between strip and restore leaves it, and the next run restores it.
const ASIDE = '.package.json.before-pack';

function restore() {
  if (existsSync(ASIDE)) renameSync(ASIDE, MANIFEST);
}

const step = process.argv[2];
if (step === 'clean') {
  restore();
  rmSync('dist', { recursive: true, force: true });
} else if (step === 'strip') {
  restore();
  const text = readFileSync(MANIFEST, 'utf8');
  const manifest = JSON.parse(text);
  delete manifest.scripts.prepare;
  writeFileSync(ASIDE, text);
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (step === 'restore') {
  restore();
} else {
  throw new Error(`pack-manifest.mjs: unknown step ${step ?? '(none)'}; expected clean, strip or restore`);
}
