// One table of install facts: diagnose's fix and doctor's install commands come from src/kb, so for every component a
// rule names they print the same command on every platform. Also: the kb folder imports nothing outside itself.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderFix } from '../src/kb/install.ts';
import { installCommands } from '../src/doctor/fixes.ts';
import { ALL_PLATFORMS } from '../src/kb/platforms.ts';
import { COMPONENTS, factForHeader, factForLibrary, factForProgram } from '../src/kb/components.ts';
import { ALL_RULES } from '../src/kb/rules/index.ts';

const noDocker = (platform: (typeof ALL_PLATFORMS)[number]) => ({ platform, source: 'log' as const, evidence: [], docker: null, ci: [] });

test('every component a rule installs gives the same command in diagnose and in doctor, on every platform', () => {
  const checked: string[] = [];
  for (const rule of ALL_RULES) {
    for (const component of rule.fix.components ?? []) {
      for (const platform of ALL_PLATFORMS.filter((p) => p !== 'manylinux')) {
        const doctor = installCommands(component, platform).filter((c) => c.platform === platform || c.platform === 'any').map((c) => c.command);
        const alone = renderFix({ ...rule.fix, components: [component], platformCommands: undefined, commands: undefined }, noDocker(platform), {});
        const diagnose = alone.commands.filter((c) => c.platform === platform || c.platform === 'any').map((c) => c.command);
        assert.deepEqual(diagnose, doctor, `${rule.id} / ${component} on ${platform}`);
        checked.push(`${rule.id}/${component}/${platform}`);
      }
    }
  }
  assert.ok(checked.length > 50, 'rules name their components');
});

test('protoc: diagnose and doctor agree on Alpine and Windows (they used to differ)', () => {
  const rule = ALL_RULES.find((r) => r.id === 'protoc-missing')!;
  for (const platform of ['alpine', 'windows'] as const) {
    const diagnose = renderFix(rule.fix, noDocker(platform), {}).commands.find((c) => c.platform === platform)!.command;
    const doctor = installCommands('protoc', platform).find((c) => c.platform === platform)!.command;
    assert.equal(diagnose, doctor);
  }
  assert.equal(installCommands('protoc', 'alpine').find((c) => c.platform === 'alpine')!.command, 'sudo apk add --no-cache protobuf-dev protoc');
});

test('entities route to the rule that owns them', () => {
  assert.equal(factForProgram('x86_64-linux-gnu-gcc-12').rule, 'c-compiler-missing');
  assert.equal(factForProgram('clang++').rule, 'cxx-compiler-missing');
  assert.equal(factForProgram('/usr/bin/cmake').rule, 'cmake-missing');
  assert.equal(factForProgram('python3.11').rule, 'python-missing');
  assert.equal(factForProgram('cl.exe').rule, 'msvc-missing');
  assert.equal(factForProgram('ninja').packages.apt?.join(' '), 'ninja-build');
  assert.equal(factForProgram('frobnicate').known, false);
  assert.equal(factForHeader('openssl/ssl.h').rule, 'openssl-dev-missing');
  assert.equal(factForHeader('stdio.h').rule, 'libc-headers-missing');
  assert.equal(factForHeader('linux/limits.h').component, 'linux-headers');
  assert.equal(factForHeader('iostream').component, 'libstdcxx-dev');
  assert.deepEqual(factForHeader('SDL2/SDL.h').packages.apt, ['libsdl2-dev']);
  assert.equal(factForHeader('frobnicate.h').known, false);
  assert.deepEqual(factForHeader('portaudio.h').packages.apt, ['portaudio19-dev']);
  assert.deepEqual(factForLibrary('z').packages.apt, COMPONENTS['zlib-dev'].packages.apt);
  assert.deepEqual(factForLibrary('libfoo.so').packages.apt, ['libfoo-dev']);
});

test('src/kb imports nothing outside src/kb', () => {
  const dir = new URL('../src/kb/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    for (const [, spec] of text.matchAll(/from '([^']+)'/g)) assert.match(spec, /^\.\/[\w-]+\.js$/, `${file} imports ${spec}`);
  }
});
