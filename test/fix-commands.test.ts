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

test('tagged commands are kept for the tools that ran, those of every unnamed-fragment tool when the log shows none', () => {
  const commands = ['df -h', { tool: 'cargo' as const, command: 'cargo clean' }, { tool: 'docker' as const, command: 'docker system prune -af' }];
  assert.deepEqual(forTools(commands, new Set(['cargo'])), ['df -h', 'cargo clean']);
  assert.deepEqual(forTools(commands, new Set(['docker', 'cargo'])), ['df -h', 'cargo clean', 'docker system prune -af']);
  // meson ran: neither cargo's nor Docker's command is for this build
  assert.deepEqual(forTools(commands, new Set(['meson'])), ['df -h']);
  // only the Docker wrapper, or nothing at all: the tool inside is unknown, so every command may be the one
  assert.deepEqual(forTools(commands, new Set(['docker'])), ['df -h', 'cargo clean', 'docker system prune -af']);
  assert.deepEqual(forTools(commands, new Set()), ['df -h', 'cargo clean', 'docker system prune -af']);
  // ...but not the advice of tools that name themselves in lines of their own (RubyGems, R, Cabal, Go): a fragment
  // without those lines is not theirs
  const framed = [{ tool: 'gem' as const, step: 'gem --with-opt-dir' }, { tool: 'cabal' as const, step: 'cabal --extra-lib-dirs' }, { tool: 'make' as const, step: 'LIBRARY_PATH' }];
  assert.deepEqual(forTools(framed, new Set()), ['LIBRARY_PATH']);
  assert.deepEqual(forTools(framed, new Set(['docker'])), ['LIBRARY_PATH']);
  assert.deepEqual(forTools(framed, new Set(['cabal'])), ['cabal --extra-lib-dirs']);
  // a step tagged with several tools shows where any of them ran
  const steps = [{ tool: ['pip', 'make'] as const, step: 'set CPATH' }, { tool: 'cargo' as const, step: 'set RUSTFLAGS' }];
  assert.deepEqual(forTools(steps, new Set(['make'])), ['set CPATH']);
  assert.deepEqual(forTools(steps, new Set(['pip', 'cargo'])), ['set CPATH', 'set RUSTFLAGS']);
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
  // cryptography 1.x built by pip from C (setup.py, cffi): the compiler's search paths, not the crate's variables
  const pip = stepsOf('fail-issue-auvsi-interop-226-pip-cryptography.log');
  assert.match(pip, /CPATH and LIBRARY_PATH/);
  assert.doesNotMatch(pip, /OPENSSL_DIR|vendored/);
  // a C build under make: the compiler's own search paths, none of the crate's or CMake's
  const make = stepsOf('fail-make-gcc-ssl-h.log');
  assert.match(make, /CPATH and LIBRARY_PATH/);
  assert.doesNotMatch(make, /OPENSSL_DIR|OPENSSL_ROOT_DIR|vendored/);
  // a pasted line that shows no build tool: every tool's advice, since any of them may have run
  const fragment = diagnoseText(KB, 'src/tls.c:3:10: fatal error: openssl/ssl.h: No such file or directory\n', { hostPlatform: 'debian' });
  assert.equal(fragment.rootCause, 'openssl-dev-missing');
  const all = fragment.findings[0].fix.steps.join('\n');
  for (const advice of ['OPENSSL_DIR', 'OPENSSL_ROOT_DIR', 'CPATH', '`vendored`']) assert.ok(all.includes(advice), advice);
});
