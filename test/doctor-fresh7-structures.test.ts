// doctor's needs on structures of validation/real-repos-fresh7.json, each modelled as a small fixture project:
// -sys crates that find their libraries through system-deps, and ffmpeg-sys-next's pkg-config probe.

import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIX, needsOf, variant } from './helpers/needs-fixtures.ts';

test('GStreamer/GLib -sys crates probe through system-deps, and ffmpeg-sys-next through pkg-config (media-pipeline, Mebal)', async () => {
  const needs = await needsOf(join(FIX, 'system-deps-probes'));
  const pkg = needs.get('pkg-config') ?? [];
  assert.ok(pkg.some((n) => n.startsWith('system-deps 3.2.0 via gstreamer')), pkg.join('; '));
  assert.ok(pkg.some((n) => n.startsWith('ffmpeg-sys-next 7.1.3 via ffmpeg-next')), pkg.join('; '));
});

test('near misses: system-deps only under a Windows table, ffmpeg-sys-next with its build feature or FFMPEG_DIR', async () => {
  const windowsOnly = variant('system-deps-probes', 'Cargo.toml', (t) => t.replace('gstreamer = "0.18"\n', ''));
  const pkg = (await needsOf(windowsOnly)).get('pkg-config') ?? [];
  assert.ok(!pkg.some((n) => n.startsWith('system-deps')), pkg.join('; '));
  // ffmpeg-sys-next declared by the package itself, with and without its build feature.
  const direct = (features: string) => {
    const dir = variant('system-deps-probes', 'Cargo.toml', (t) => t.replace('gstreamer = "0.18"\nffmpeg-next = "7.1"\n', `ffmpeg-sys-next = { version = "7.1"${features} }\n`));
    const lock = join(dir, 'Cargo.lock');
    writeFileSync(lock, readFileSync(lock, 'utf8').replace(' "ffmpeg-next",\n "gstreamer",\n', ' "ffmpeg-sys-next",\n'));
    return dir;
  };
  assert.ok((await needsOf(direct(''))).get('pkg-config')?.some((n) => n.startsWith('ffmpeg-sys-next 7.1.3')));
  assert.equal((await needsOf(direct(', features = ["build"]'))).get('pkg-config'), undefined);
  assert.equal((await needsOf(direct(''), { FFMPEG_DIR: '/opt/ffmpeg' })).get('pkg-config'), undefined);
});
