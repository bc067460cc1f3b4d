// A rule's tool-specific fix commands (kb/install.ts forTools) follow the build tools the log shows ran:
// a node-gyp build out of memory is not told to run cargo, a meson build directory is not rebuilt with CMake.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { forTools } from '../src/kb/install.ts';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { KB } from './helpers/cases.ts';

const rules = new URL('../src/kb/rules/', import.meta.url);
const anyPlatform = (log: string, rule: string) => {
  const d = diagnoseText(KB, log, { hostPlatform: 'debian' });
  assert.equal(d.rootCause, rule);
  return d.findings[0].fix.commands.filter((c) => c.platform === 'any').map((c) => c.command);
};

test('tagged commands are kept for the tools that ran, all of them when none of their tools is known', () => {
  const commands = ['df -h', { tool: 'cargo' as const, command: 'cargo clean' }, { tool: 'docker' as const, command: 'docker system prune -af' }];
  assert.deepEqual(forTools(commands, new Set(['cargo'])), ['df -h', 'cargo clean']);
  assert.deepEqual(forTools(commands, new Set(['docker', 'cargo'])), ['df -h', 'cargo clean', 'docker system prune -af']);
  assert.deepEqual(forTools(commands, new Set(['meson'])), ['df -h', 'cargo clean', 'docker system prune -af']);
  assert.deepEqual(forTools(commands, new Set()), ['df -h', 'cargo clean', 'docker system prune -af']);
});

test('out of memory: node-gyp, cargo and CMake builds each get their own way to run fewer jobs', () => {
  // node-gyp's make output (kelektiv/node.bcrypt.js#476, as pasted): no cargo command
  const gyp = anyPlatform("make: Entering directory '/opt/explore/node_modules/bcrypt/build'\n  CXX(target) Release/obj.target/bcrypt_lib/src/blowfish.o\ng++: internal compiler error: Killed (program cc1plus)\n", 'out-of-memory');
  assert.deepEqual(gyp.filter((c) => /cargo|cmake|meson/.test(c)), [], gyp.join('\n'));
  assert.ok(gyp.some((c) => c.startsWith('JOBS=1 npm rebuild')), gyp.join('\n'));
  const cargo = anyPlatform(readFileSync(new URL('environment/out-of-memory/cases/fail-corpus-cargo-rustc-oom-killed.log', rules), 'utf8'), 'out-of-memory');
  assert.equal(cargo[0], 'CARGO_BUILD_JOBS=1 cargo build --release');
  assert.deepEqual(cargo.filter((c) => /npm|meson/.test(c)), []);
  const cmake = anyPlatform(readFileSync(new URL('environment/out-of-memory/cases/fail-corpus-cmake-cxx-oom-killed.log', rules), 'utf8'), 'out-of-memory');
  assert.ok(cmake.includes('cmake --build build -j 1'), cmake.join('\n'));
  assert.deepEqual(cmake.filter((c) => /cargo|npm|meson/.test(c)), []);
});

test('network unreachable: node-gyp downloading headers is pointed at local headers, not at cargo vendor', () => {
  const gyp = anyPlatform(readFileSync(new URL('environment/network-unreachable/cases/fail-made-node-gyp-headers-econnreset.log', rules), 'utf8'), 'network-unreachable');
  assert.deepEqual(gyp.filter((c) => c.startsWith('cargo')), [], gyp.join('\n'));
  assert.ok(gyp.some((c) => c.startsWith('npm install --nodedir=')), gyp.join('\n'));
  const cargo = anyPlatform(readFileSync(new URL('environment/network-unreachable/cases/fail-corpus-cargo-registry-offline-dns.log', rules), 'utf8'), 'network-unreachable');
  assert.deepEqual(cargo.slice(0, 3), ['cargo fetch', 'cargo vendor', 'cargo build --offline']);
});

test("openssl-dev-missing: a crate's OPENSSL_DIR and `vendored` advice only where cargo ran, CMake's root variable where CMake did", () => {
  const stepsOf = (file: string) => {
    const d = diagnoseText(KB, readFileSync(new URL(`native/openssl-dev-missing/cases/${file}`, rules), 'utf8'), { hostPlatform: 'debian' });
    assert.equal(d.rootCause, 'openssl-dev-missing');
    return d.findings[0].fix.steps.join('\n');
  };
  const cmake = stepsOf('fail-cmake-find-openssl.log');
  assert.match(cmake, /-DOPENSSL_ROOT_DIR=/);
  assert.doesNotMatch(cmake, /vendored|OPENSSL_DIR|rustls/);
  const cargo = stepsOf('fail-corpus-openssl-sys-0.9.80.log');
  assert.match(cargo, /OPENSSL_DIR/);
  assert.match(cargo, /`vendored` feature/);
  assert.doesNotMatch(cargo, /OPENSSL_ROOT_DIR|PKG_CONFIG_PATH/);
  // cryptography built by pip through setuptools-rust: the crate's variables apply
  assert.match(stepsOf('fail-issue-auvsi-interop-226-pip-cryptography.log'), /OPENSSL_DIR/);
  // a bare compile of ssl.h by make names no tool the steps are for: every step stays
  const make = stepsOf('fail-make-gcc-ssl-h.log');
  for (const variable of ['OPENSSL_DIR', 'OPENSSL_ROOT_DIR', 'PKG_CONFIG_PATH']) assert.match(make, new RegExp(variable));
});
