// The .cargo/config allow-list and `[target.<triple>].rustflags`: cargo applies a target table's rustflags only for
// the host and the requested target, so a table for a triple that is neither (nushell's, bat's and rustdesk-server's
// `[target.x86_64-pc-windows-msvc]` on Linux) no longer keeps cargo metadata from running; the host's, a `cfg(...)`
// table and the requested target's still do. The last test checks that claim against cargo itself.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { rustflagsNeverApplied, untrustedCargoConfig } from '../src/project/cargo-env.ts';
import { tempDir } from './helpers/temp.ts';

function checkout(config: string): string {
  const dir = tempDir('buildmedic-rustflags-');
  mkdirSync(join(dir, '.cargo'));
  writeFileSync(join(dir, '.cargo', 'config.toml'), config);
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'main.rs'), 'fn main() {}\n');
  return dir;
}

const rustcHost = /^host: (\S+)$/m.exec(spawnSync('rustc', ['-vV'], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? null;

test('which triples cargo never applies here: not the host OS, not the requested target, not a cfg(...)', () => {
  assert.equal(rustflagsNeverApplied('x86_64-pc-windows-msvc', undefined, 'linux'), true);
  assert.equal(rustflagsNeverApplied('aarch64-apple-darwin', 'x86_64-unknown-linux-gnu', 'linux'), true);
  // Every Linux triple may be this Linux machine's host (gnu, musl, another arch's toolchain): refused.
  assert.equal(rustflagsNeverApplied('x86_64-unknown-linux-gnu', undefined, 'linux'), false);
  assert.equal(rustflagsNeverApplied('aarch64-unknown-linux-musl', undefined, 'linux'), false);
  assert.equal(rustflagsNeverApplied('aarch64-apple-darwin', undefined, 'darwin'), false);
  // The requested target, a cfg table, a key that is no plain triple, a platform of unknown triples.
  assert.equal(rustflagsNeverApplied('x86_64-pc-windows-msvc', 'x86_64-pc-windows-msvc', 'linux'), false);
  assert.equal(rustflagsNeverApplied('cfg(windows)', undefined, 'linux'), false);
  assert.equal(rustflagsNeverApplied('x86_64-pc-windows-msvc\nx', undefined, 'linux'), false);
  assert.equal(rustflagsNeverApplied('x86_64-pc-windows-msvc', undefined, 'haiku' as NodeJS.Platform), false);
});

test('hostile configs: the host triple, a cfg table, the requested target and other keys are still refused', { skip: process.platform !== 'linux' && 'the triples below are written for a Linux host' }, async () => {
  const windows = '[target.x86_64-pc-windows-msvc]\nrustflags = ["-Ctarget-feature=+crt-static"]\n';
  assert.equal(await untrustedCargoConfig(checkout(windows), checkout(windows)), null);
  const dir = checkout(windows);
  assert.equal(await untrustedCargoConfig(dir, dir, 'x86_64-unknown-linux-gnu'), null);
  assert.match((await untrustedCargoConfig(dir, dir, 'x86_64-pc-windows-msvc'))!, /sets `target\.x86_64-pc-windows-msvc\.rustflags`/);
  const refused = [
    '[target.x86_64-unknown-linux-gnu]\nrustflags = ["-Zcodegen-backend=/tmp/evil.so"]\n',
    `[target.'cfg(unix)']\nrustflags = ["-Zcodegen-backend=/tmp/evil.so"]\n`,
    `[target.'cfg(not(windows))']\nrustflags = ["-Zcodegen-backend=/tmp/evil.so"]\n`,
    '[target.x86_64-pc-windows-msvc]\nrustflags = ["-Ctarget-feature=+crt-static"]\nrustdocflags = ["--cfg", "x"]\n',
    '[target.x86_64-pc-windows-msvc]\nrustflags = ["-Ctarget-feature=+crt-static"]\n[build]\nrustflags = ["-Zcodegen-backend=/tmp/evil.so"]\n',
    '[target.x86_64-pc-windows-msvc]\nrustflags = ["-Ctarget-feature=+crt-static"]\n[target.x86_64-unknown-linux-musl]\nrustflags = ["-Zcodegen-backend=/tmp/evil.so"]\n',
  ];
  for (const config of refused) {
    const d = checkout(config);
    assert.match((await untrustedCargoConfig(d, d, 'x86_64-unknown-linux-gnu')) ?? 'allowed', /sets `/, config);
  }
});

test("cargo itself: a table for a triple that is not built is never passed to rustc, the host's is", { skip: (!rustcHost || process.platform !== 'linux') && 'needs rustc and cargo on a Linux host' }, () => {
  // A flag rustc rejects makes `cargo metadata --filter-platform` fail exactly when cargo applies the table.
  const bogus = 'rustflags = ["--buildmedic-not-a-flag"]\n';
  const run = (triple: string) => spawnSync('cargo', ['metadata', '--format-version', '1', '--offline', '--filter-platform', rustcHost!], { cwd: checkout(`[target.${triple}]\n${bogus}`), encoding: 'utf8', env: { ...process.env, RUSTUP_AUTO_INSTALL: '0', CARGO_TERM_COLOR: 'never' } });
  const unused = run('x86_64-pc-windows-msvc');
  assert.equal(unused.status, 0, unused.stderr);
  const host = run(rustcHost!);
  assert.notEqual(host.status, 0);
  assert.match(host.stderr, /buildmedic-not-a-flag/);
});
