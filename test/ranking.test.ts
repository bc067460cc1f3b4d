// Ranking: a warning that the tool went on after never outranks a hard error, and the expando.c preprocessor error of
// an old openssl-sys against OpenSSL 3 is the version mismatch, not the project's C code.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { KB } from './helpers/cases.ts';

const caseLog = (path: string) => readFileSync(new URL(`../src/kb/rules/${path}`, import.meta.url), 'utf8');

test("cargo's read-only cache warning before a C compile error: the compile error is the root cause", () => {
  // The real cache warning of one case, followed by the real log of another failure (a C error in a local crate).
  const warning = caseLog('rust/cargo-home-readonly/cases/fail-gh-cargo-mobile2-455-nix-store-erofs.log').split('\n').find((l) => l.includes('failed to write cache'))!;
  const failure = caseLog('native/c-code-error/cases/fail-corpus-ccrs-gcc.log');
  const d = diagnoseText(KB, `${warning}\n${failure}`, { hostPlatform: 'debian' });
  assert.equal(d.rootCause, 'c-code-error');
  assert.ok(d.findings.some((f) => f.rule === 'cargo-home-readonly' && f.role === 'contributing'), 'the warning is still shown');
});

test('the cache warning before a cargo-home error of its own rule keeps that rule the root cause', () => {
  assert.equal(diagnoseText(KB, caseLog('rust/cargo-home-readonly/cases/fail-gh-cargo-mobile2-455-nix-store-erofs.log'), { hostPlatform: 'debian' }).rootCause, 'cargo-home-readonly');
});

test('openssl-sys expando.c "pasting RUST_VERSION_OPENSSL_" is sys-crate-too-old-for-system-lib, with c-code-error as its consequence', () => {
  const d = diagnoseText(KB, caseLog('native/sys-crate-too-old-for-system-lib/cases/fail-issue-rust-openssl-1448-expando-gcc.log'), { hostPlatform: 'debian' });
  assert.equal(d.rootCause, 'sys-crate-too-old-for-system-lib');
  assert.equal(d.findings.find((f) => f.rule === 'c-code-error')?.role, 'consequence');
});

test("the read-only cache warning never outranks a later hard error of another kind", () => {
  const warning = caseLog('rust/cargo-home-readonly/cases/fail-gh-cargo-mobile2-455-nix-store-erofs.log').split('\n').find((l) => l.includes('failed to write cache'))!;
  const failures: [path: string, rule: string][] = [
    ['environment/out-of-memory/cases/fail-made-make-gxx-killed-de.log', 'out-of-memory'],
    ['environment/network-unreachable/cases/fail-made-apt-no-dns-unable-to-locate.log', 'network-unreachable'],
    ['native/native-lib-missing/cases/fail-made-meson-fmt-required.log', 'native-lib-missing'],
    ['native/native-lib-missing/cases/fail-corpus-make-gnu-ld.log', 'native-lib-missing'],
  ];
  for (const [path, rule] of failures) {
    const d = diagnoseText(KB, `${warning}\n${caseLog(path)}`, { hostPlatform: 'debian' });
    assert.equal(d.rootCause, rule, path);
    assert.notEqual(d.findings.find((f) => f.rule === 'cargo-home-readonly')?.role, 'root-cause', path);
  }
});

test('every expando.c "RUST_VERSION_OPENSSL_" case (gcc, clang, cc-rs warnings) is the version mismatch, not c-code-error', () => {
  const cases = ['fail-issue-rust-openssl-1448-expando-gcc.log', 'fail-issue-rust-openssl-2019-expando-clang-freebsd.log', 'fail-issue-rust-79592-expando-ccrs-warning.log'];
  for (const name of cases) {
    const d = diagnoseText(KB, caseLog(`native/sys-crate-too-old-for-system-lib/cases/${name}`), { hostPlatform: 'debian' });
    assert.equal(d.rootCause, 'sys-crate-too-old-for-system-lib', name);
    assert.notEqual(d.findings.find((f) => f.rule === 'c-code-error')?.role, 'root-cause', name);
  }
});
