// One table of install facts: diagnose's fix and doctor's install commands come from src/kb, so for every component a
// rule names they print the same command on every platform. Also: the kb folder imports nothing outside itself.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderFix } from '../src/kb/install.ts';
import { installCommands } from '../src/doctor/fixes.ts';
import { ALL_PLATFORMS } from '../src/kb/platforms.ts';
import { COMPONENTS, crossToolchainFor, factForHeader, factForLibrary, factForProgram } from '../src/kb/components.ts';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { KB } from './helpers/cases.ts';
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

test('a missing cross compiler or linker is installed from its target\'s cross toolchain, not build-essential', () => {
  assert.deepEqual(crossToolchainFor('arm-linux-gnueabihf-gcc', 'c')?.packages.apt, ['gcc-arm-linux-gnueabihf']);
  assert.deepEqual(crossToolchainFor('aarch64-linux-gnu-g++', 'cxx')?.packages, { apt: ['g++-aarch64-linux-gnu'], dnf: ['gcc-c++-aarch64-linux-gnu'], pacman: ['aarch64-linux-gnu-gcc'] });
  assert.deepEqual(crossToolchainFor('aarch64-linux-gnu-gcc-12', 'c')?.packages.apt, ['gcc-12-aarch64-linux-gnu']);
  assert.deepEqual(crossToolchainFor('x86_64-w64-mingw32-gcc.exe', 'c')?.packages.dnf, ['mingw64-gcc']);
  assert.match(crossToolchainFor('arm-linux-androideabi-clang', 'c')?.platform?.any ?? '', /sdkmanager --install "ndk;/);
  assert.match(crossToolchainFor('armv7a-linux-androideabi21-clang', 'c')?.platform?.any ?? '', /sdkmanager --install "ndk;/);
  // Fedora's ARM cross gcc is arm-linux-gnu-gcc: it does not provide the gnueabihf name.
  assert.equal(crossToolchainFor('arm-linux-gnueabihf-gcc', 'c')?.packages.dnf, undefined);
  // A vendor's prefix and the host compiler get no guess.
  assert.equal(crossToolchainFor('arm-none-linux-gnueabihf-gcc', 'c'), null);
  assert.equal(crossToolchainFor('gcc', 'c'), null);

  const commandsOf = (rule: string, file: string) => {
    const log = readFileSync(new URL(`../src/kb/rules/toolchain/${rule}/cases/${file}`, import.meta.url), 'utf8');
    const finding = diagnoseText(KB, log).findings.find((f) => f.rule === rule)!;
    return finding.fix.commands.map((c) => c.command);
  };
  const armhf = commandsOf('c-compiler-missing', 'fail-make-cross-compile-armhf-gcc-made-here.log');
  assert.ok(armhf.includes('sudo apt-get update && sudo apt-get install -y gcc-arm-linux-gnueabihf'), armhf.join('\n'));
  assert.ok(!armhf.some((c) => c.includes('build-essential')), armhf.join('\n'));
  const riscv = commandsOf('c-compiler-missing', 'fail-cmake-cross-riscv64-gcc-made-here.log');
  assert.ok(riscv.includes('sudo dnf install -y gcc-riscv64-linux-gnu'), riscv.join('\n'));
  const gxx = commandsOf('cxx-compiler-missing', 'fail-make-cross-aarch64-gxx-made-here.log');
  assert.ok(gxx.includes('sudo apt-get update && sudo apt-get install -y g++-aarch64-linux-gnu'), gxx.join('\n'));
  const linker = commandsOf('linker-not-found', 'fail-issue-drm-vc4-grabber-2-full-path-linker.log');
  assert.ok(linker.includes('sudo apt-get update && sudo apt-get install -y gcc-arm-linux-gnueabihf'), linker.join('\n'));
  assert.ok(!linker.some((c) => c.includes('build-essential')), linker.join('\n'));
  const ndk = commandsOf('cross-toolchain-misconfigured', 'fail-make-android-ndk-clang-made-here.log');
  assert.match(ndk[0], /^sdkmanager --install "ndk;/, ndk.join('\n'));
  assert.ok(!ndk.some((c) => c.includes('build-essential') || c.includes('xcode-select')), ndk.join('\n'));
  // The host compiler keeps the host toolchain.
  assert.ok(commandsOf('c-compiler-missing', 'fail-make-implicit-rule-no-cc.log').some((c) => c.includes('build-essential')));
});

test('pkg_resources missing is advised as setuptools<82, and the first step does not upgrade setuptools past it', () => {
  const dir = '../src/kb/rules/python/python-build-dependency-missing/cases/';
  const commandsOf = (file: string) => {
    const log = readFileSync(new URL(`${dir}${file}`, import.meta.url), 'utf8');
    return diagnoseText(KB, log).findings.find((f) => f.rule === 'python-build-dependency-missing')!.fix.commands.map((c) => c.command);
  };
  assert.deepEqual(commandsOf('fail-pkg-resources-no-setuptools-python-3.12-made-here.log'), ['python -m pip install --upgrade pip wheel', 'python -m pip install "setuptools<82"']);
  // Any other build module keeps the usual first step.
  const other = readdirSync(new URL(dir, import.meta.url)).find((f) => f.startsWith('fail-') && !f.includes('pkg-resources'))!;
  assert.equal(commandsOf(other)[0], 'python -m pip install --upgrade pip setuptools wheel');
});

test("a compiler toolchain's own runtime library is installed with its toolchain, never as a guessed lib<name>-dev", () => {
  assert.deepEqual(factForLibrary('mingwex').packages.apt, ['mingw-w64']);
  assert.deepEqual(factForLibrary('gcc_s').packages.dnf, ['gcc']);
  assert.deepEqual(factForLibrary('c++abi').packages.apt, ['libc++-dev', 'libc++abi-dev']);
  const log = '/usr/lib/gcc/x86_64-pc-msys/9.3.0/../../../../x86_64-pc-msys/bin/ld: cannot find -lmingwex\ncollect2: error: ld returned 1 exit status\n';
  const d = diagnoseText(KB, log, { hostPlatform: 'debian' });
  // MSYS's own gcc asking for MinGW's runtime: which toolchain ran is the cause, the library is what it lacked.
  assert.equal(d.rootCause, 'msys-toolchain-instead-of-mingw');
  const lib = d.findings.find((f) => f.rule === 'native-lib-missing');
  assert.ok(lib && lib.role === 'consequence');
  assert.match(lib.explanation, /runtime library of the compiler toolchain itself/);
  assert.equal(lib.captures.crossTriple, undefined);
});

test('on Windows a MinGW runtime library comes from the MinGW-w64 toolchain of MSYS2, any other library from vcpkg', () => {
  const windowsCommands = (log: string) => {
    const d = diagnoseText(KB, log, { hostPlatform: 'debian' });
    assert.equal(d.platform.detected, 'windows', log);
    const f = d.findings.find((x) => x.rule === 'native-lib-missing');
    assert.ok(f, log);
    return f.fix.commands.filter((c) => c.platform === 'windows').map((c) => c.command);
  };
  // MSYS's own gcc (x86_64-pc-msys) linking a MinGW program: the lines of syzygy1/Cfish#157 and couchbase-lite-cgo
  const runtime = windowsCommands('/usr/lib/gcc/x86_64-pc-msys/9.3.0/../../../../x86_64-pc-msys/bin/ld: cannot find -lmingwex\n/usr/lib/gcc/x86_64-pc-msys/9.3.0/../../../../x86_64-pc-msys/bin/ld: cannot find -lmingw32\ncollect2: error: ld returned 1 exit status\n');
  assert.equal(runtime.length, 1);
  assert.match(runtime[0], /^pacman -S --needed mingw-w64-ucrt-x86_64-toolchain\b/);
  const library = windowsCommands('C:/msys64/mingw64/bin/../lib/gcc/x86_64-w64-mingw32/13.2.0/../../../../x86_64-w64-mingw32/bin/ld.exe: cannot find -lgmp: No such file or directory\ncollect2.exe: error: ld returned 1 exit status\n');
  assert.deepEqual(library.map((c) => c.split(' ').slice(0, 3).join(' ')), ['vcpkg install gmp:x64-windows']);
  // Near miss: Debian's MinGW cross linker on Linux links for Windows from another system: the target's library.
  const cross = diagnoseText(KB, '/usr/bin/x86_64-w64-mingw32-ld: cannot find -lgmp\ncollect2: error: ld returned 1 exit status\n', { hostPlatform: 'debian' });
  assert.equal(cross.findings.find((x) => x.rule === 'native-lib-missing')?.captures.crossTriple, 'x86_64-w64-mingw32');
});
