// What `npm pack` puts in the tarball: what the installed command needs and no dev-only file; and the prepack/postpack
// hooks (scripts/pack-manifest.mjs) that keep `prepare` out of the tarball's manifest and put package.json back.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from './helpers/temp.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PACK_MANIFEST = join(ROOT, 'scripts/pack-manifest.mjs');

/** The tarball's file list, as npm computes it from `files` (scripts skipped: the list does not depend on them). */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}

test('the tarball carries the built command, the rule docs and the example, and no dev-only file', () => {
  const files = packedFiles();
  for (const needed of ['package.json', 'README.md', 'dist/bin/main.js', 'dist/bin/cli.cjs', 'dist/bin/diagnose-worker.js', 'dist/index.js', 'dist/index.d.ts', 'examples/cargo-no-c-toolchain.log', 'src/kb/rules/toolchain/linker-not-found/README.md', 'docs/diagnosis-json.md']) {
    assert.ok(files.includes(needed), `${needed} is packed`);
  }
  const devOnly = files.filter((f) => /^(test|scripts|validation|\.ci)\/|^src\/.*\.ts$|\/cases\/|SOURCES\.md$|^dist\/action\/|^examples\/reports\/|^docs\/writing-rules\.md$|tsbuildinfo|^\.|^action\.yml$|^tsconfig/.test(f));
  assert.deepEqual(devOnly, []);
});

test('prepack writes package.json without prepare and keeps the original aside; postpack restores it byte for byte', () => {
  const dir = tempDir('bm-pack-');
  const original = '{\n    "name": "x",\n  "scripts": { "prepare": "npm run build", "build": "tsc" }\n}\n';
  writeFileSync(join(dir, 'package.json'), original);
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist/stale.js'), '');
  const step = (name: string) => execFileSync(process.execPath, [PACK_MANIFEST, name], { cwd: dir });
  step('clean');
  assert.equal(existsSync(join(dir, 'dist')), false, 'a module of a deleted source never ships');
  step('strip');
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts, { build: 'tsc' });
  // A pack that failed before postpack: the next strip starts from the original, not from the stripped copy.
  step('strip');
  step('restore');
  assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), original);
  assert.deepEqual(execFileSync('ls', ['-A'], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean), ['package.json']);
});

test('the package manifest: prepare builds a clone, prepack a clean tarball, postpack puts the manifest back', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts.prepare, 'npm run build');
  assert.match(pkg.scripts.prepack, /^node scripts\/pack-manifest\.mjs clean && npm run build && node scripts\/pack-manifest\.mjs strip$/);
  assert.equal(pkg.scripts.postpack, 'node scripts/pack-manifest.mjs restore');
  // Copying the repository's manifest through strip/restore changes nothing either.
  const dir = tempDir('bm-pack-real-');
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  execFileSync(process.execPath, [PACK_MANIFEST, 'strip'], { cwd: dir });
  execFileSync(process.execPath, [PACK_MANIFEST, 'restore'], { cwd: dir });
  assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), readFileSync(join(ROOT, 'package.json'), 'utf8'));
});
