// doctor's needs on structures of validation/real-repos-fresh7.json, each modelled as a small fixture project:
// -sys crates that find their libraries through system-deps, and ffmpeg-sys-next's pkg-config probe; a workspace with
// no lock whose reqwest asks for the vendored OpenSSL; crates that declarations always bring (openssl-sys, pq-sys).

import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIX, needsOf, variant } from './helpers/needs-fixtures.ts';
import { deriveNeeds } from '../src/doctor/needs.ts';
import { readProject } from '../src/project/discover.ts';

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
  // ffmpeg-next's build feature is ffmpeg-sys-next's: FFmpeg is built from source, not found with pkg-config.
  const forwarded = variant('system-deps-probes', 'Cargo.toml', (t) => t.replace('gstreamer = "0.18"\nffmpeg-next = "7.1"\n', 'ffmpeg-next = { version = "7.1", features = ["build"] }\n'));
  assert.equal((await needsOf(forwarded)).get('pkg-config'), undefined);
});

test("without a lock, reqwest's native-tls-vendored brings openssl-src: perl and make (ipfs_storage_cruster)", async () => {
  const needs = await needsOf(join(FIX, 'vendored-tls-nolock'));
  assert.deepEqual(needs.get('perl'), ["openssl-src via reqwest (runs OpenSSL's Configure)"]);
  assert.ok(needs.get('make')?.some((n) => n.startsWith('openssl-src via reqwest')), [...needs.keys()].join(', '));
  // Near misses: reqwest without the feature; the same workspace built for macOS, where native-tls uses Security.framework.
  const plain = variant('vendored-tls-nolock', 'crates/client/Cargo.toml', (t) => t.replace(', "native-tls-vendored"', ''));
  assert.equal((await needsOf(plain)).get('perl'), undefined);
  const mac = deriveNeeds(await readProject(join(FIX, 'vendored-tls-nolock')), { env: {}, platform: 'darwin', hostTriple: 'aarch64-apple-darwin' });
  assert.ok(!mac.needs.some((n) => n.component === 'perl'), JSON.stringify(mac.needs.map((n) => n.component)));
  // openssl-sys asked for `vendored` itself brings it on every target.
  const sys = variant('vendored-tls-nolock', 'crates/server/Cargo.toml', (t) => t.replace('reqwest = { version = "0.11", features = ["json"] }', 'openssl-sys = { version = "0.9", features = ["vendored"] }'));
  const macSys = deriveNeeds(await readProject(sys), { env: {}, platform: 'darwin', hostTriple: 'aarch64-apple-darwin' });
  assert.ok(macSys.needs.some((n) => n.component === 'perl' && n.neededBy.some((b) => b.startsWith('openssl-src via openssl-sys'))), JSON.stringify(macSys.needs));
});

test('without a lock, the crates a declaration always brings: openssl-sys (reqwest default TLS, openssl), pq-sys (diesel postgres) (etherface)', async () => {
  const needs = await needsOf(join(FIX, 'tls-pq-nolock'));
  assert.ok(needs.get('openssl-dev')?.some((n) => n.startsWith('openssl-sys via reqwest')), [...needs.keys()].join(', '));
  assert.ok(needs.get('pkg-config')?.some((n) => n.startsWith('openssl-sys via reqwest')), [...needs.keys()].join(', '));
  assert.deepEqual(needs.get('libpq-dev'), ['pq-sys via diesel (links libpq)']);
});

test('near misses without a lock: reqwest on rustls only, diesel without postgres, a vendored openssl, macOS', async () => {
  const noTls = variant('tls-pq-nolock', 'lib/Cargo.toml', (t) => t.replace('features = ["blocking", "json"] }', 'default-features = false, features = ["rustls-tls"] }').replace('"postgres", ', ''));
  const plain = await needsOf(noTls);
  // openssl 0.10 still brings openssl-sys; reqwest and diesel bring nothing.
  assert.deepEqual(plain.get('openssl-dev'), ['openssl-sys via openssl (links the system OpenSSL)']);
  assert.equal(plain.get('libpq-dev'), undefined);
  const vendored = variant('tls-pq-nolock', 'rest/Cargo.toml', (t) => t.replace('features = ["v110"]', 'features = ["v110", "vendored"]'));
  const v = await needsOf(vendored);
  // Feature unification: openssl's vendored builds the one openssl-sys that reqwest's native-tls uses too.
  assert.equal(v.get('openssl-dev'), undefined, v.get('openssl-dev')?.join('; '));
  assert.ok(v.get('perl')?.some((n) => n.startsWith('openssl-src via')), [...v.keys()].join(', '));
  const mac = deriveNeeds(await readProject(noTls), { env: {}, platform: 'darwin', hostTriple: 'aarch64-apple-darwin' });
  assert.ok(mac.needs.some((n) => n.component === 'openssl-dev'), 'openssl itself links OpenSSL on every target');
  const macReqwest = variant('tls-pq-nolock', 'rest/Cargo.toml', (t) => t.replace(/^openssl = .*\n/m, ''));
  const m2 = deriveNeeds(await readProject(macReqwest), { env: {}, platform: 'darwin', hostTriple: 'aarch64-apple-darwin' });
  assert.ok(!m2.needs.some((n) => n.component === 'openssl-dev'), 'native-tls uses Security.framework on macOS');
  assert.ok(m2.needs.some((n) => n.component === 'libpq-dev'));
});

test("without a lock, kafka's default `security` feature links the system OpenSSL; without default features it does not (send-me-daddy in real-repos-fresh9)", async () => {
  const kafka = (decl: string) => variant('tls-pq-nolock', 'lib/Cargo.toml', (t) => t.replace('reqwest = { version = "^0.11", features = ["blocking", "json"] }', decl).replace(/^diesel = .*\n/m, ''));
  const onlyRest = (dir: string) => {
    writeFileSync(join(dir, 'rest/Cargo.toml'), readFileSync(join(dir, 'rest/Cargo.toml'), 'utf8').replace(/^(?:openssl|reqwest|diesel) = .*\n/gm, ''));
    return dir;
  };
  const withDefaults = await needsOf(onlyRest(kafka('kafka = "0.9.0"')));
  assert.deepEqual(withDefaults.get('openssl-dev'), ['openssl-sys via kafka (links the system OpenSSL)']);
  const without = await needsOf(onlyRest(kafka('kafka = { version = "0.9", default-features = false, features = ["snappy"] }')));
  assert.equal(without.get('openssl-dev'), undefined, without.get('openssl-dev')?.join('; '));
});

test('without a lock, only a requirement within one series settles it: reqwest 0.13 defaults to rustls, `>=0.11` may resolve to it', async () => {
  const withReqwest = (decl: string) => variant('tls-pq-nolock', 'lib/Cargo.toml', (t) => t.replace('reqwest = { version = "^0.11", features = ["blocking", "json"] }', decl).replace(/^diesel = .*\n/m, ''));
  const noOpenssl = (dir: string) => {
    const rest = join(dir, 'rest/Cargo.toml');
    writeFileSync(rest, readFileSync(rest, 'utf8').replace(/^openssl = .*\n/m, ''));
    return dir;
  };
  const openssl = async (decl: string) => (await needsOf(noOpenssl(withReqwest(decl)))).get('openssl-dev');
  assert.equal(await openssl('reqwest = "0.13"'), undefined);
  assert.deepEqual(await openssl('reqwest = { version = "0.13", features = ["native-tls"] }'), ['openssl-sys via reqwest (links the system OpenSSL)']);
  assert.equal(await openssl('reqwest = ">=0.11"'), undefined);
  assert.equal(await openssl('reqwest = "*"'), undefined);
  assert.deepEqual(await openssl('reqwest = "~0.12.4"'), ['openssl-sys via reqwest (links the system OpenSSL)']);
});

test("a windowing crate's GTK stack is built on Linux only: pkg-config there, not on macOS or Windows (skyefactory/app)", async () => {
  const needs = await needsOf(join(FIX, 'gtk-linux-only'));
  assert.ok(needs.get('pkg-config')?.some((n) => n.startsWith('system-deps 6.2.2 via systemicons')), [...needs.keys()].join(', '));
  const project = await readProject(join(FIX, 'gtk-linux-only'));
  for (const hostTriple of ['aarch64-apple-darwin', 'x86_64-pc-windows-msvc']) {
    const plan = deriveNeeds(project, { env: {}, platform: hostTriple.includes('apple') ? 'darwin' : 'win32', hostTriple });
    assert.ok(!plan.needs.some((n) => n.component === 'pkg-config'), `${hostTriple}: ${JSON.stringify(plan.needs.find((n) => n.component === 'pkg-config'))}`);
  }
});

test("slint's winit backend uses muda (GTK on Linux) on macOS and Windows only: no pkg-config on Linux (shr, real-repos-fresh5)", async () => {
  const needs = await needsOf(join(FIX, 'slint-menus-not-linux'));
  assert.equal(needs.get('pkg-config'), undefined, [...needs.entries()].map(([k, v]) => `${k}: ${v.join('; ')}`).join('\n'));
});

test("rav1e's system-deps sits under its own decode-test cfgs: image's AVIF encoder asks no pkg-config (shr, unai)", async () => {
  const needs = await needsOf(join(FIX, 'avif-encoder-no-system-deps'));
  assert.equal(needs.get('pkg-config'), undefined, [...needs.entries()].map(([k, v]) => `${k}: ${v.join('; ')}`).join('\n'));
});
