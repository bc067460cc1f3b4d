// doctor's needs on a structure of validation/real-repos-fresh11.json, modelled on a small fixture project: a
// workspace with no lock whose member declares tauri (tcp-chat's Tauri 1 client).

import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { needsOf, variant } from './helpers/needs-fixtures.ts';
import { deriveNeeds } from '../src/doctor/needs.ts';
import { readProject } from '../src/project/discover.ts';

/** The no-lock workspace with `decl` as lib's only native-relevant dependency, and none in rest. */
function withDeclaration(decl: string): string {
  const dir = variant('tls-pq-nolock', 'lib/Cargo.toml', (t) => t.replace('reqwest = { version = "^0.11", features = ["blocking", "json"] }', decl).replace(/^diesel = .*\n/m, ''));
  const rest = join(dir, 'rest/Cargo.toml');
  writeFileSync(rest, readFileSync(rest, 'utf8').replace(/^(?:openssl|reqwest|diesel) = .*\n/gm, ''));
  return dir;
}

test('without a lock, tauri on Linux brings GTK and WebKitGTK through system-deps: pkg-config (tcp-chat in real-repos-fresh11)', async () => {
  const pkg = (await needsOf(withDeclaration('tauri = { version = "1.3", features = ["dialog-message"] }'))).get('pkg-config') ?? [];
  assert.ok(pkg.some((n) => n.startsWith('system-deps via tauri')), pkg.join('; '));
  // Near misses: the same project built for macOS (tauri uses WKWebView there), and a crate merely named like it.
  const mac = deriveNeeds(await readProject(withDeclaration('tauri = "1.3"')), { env: {}, platform: 'darwin', hostTriple: 'aarch64-apple-darwin' });
  assert.ok(!mac.needs.some((n) => n.component === 'pkg-config'), JSON.stringify(mac.needs.map((n) => n.component)));
  assert.equal((await needsOf(withDeclaration('tauri-build = "1.3"'))).get('pkg-config'), undefined);
});
