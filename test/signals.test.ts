// The shared signals: each universal failure shape, in each tool's wording, names its entity and reaches the rule the
// kb table gives it; near misses (a project's own file, an optional probe) reach none.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { KB } from './helpers/cases.ts';

function top(log: string) {
  const d = diagnoseText(KB, log, { hostPlatform: 'debian' });
  const f = d.findings[0];
  return f ? { rule: f.rule, captures: f.captures, confidence: f.confidence } : null;
}

const PROGRAM_LINES: [line: string, rule: string, program: string][] = [
  ['sh: 1: nasm: not found', 'build-tool-missing', 'nasm'],
  ['/bin/sh: 1: cmake: not found', 'cmake-missing', 'cmake'],
  ['./configure: 1234: bison: not found', 'build-tool-missing', 'bison'],
  // dash < 0.5.11 repeats the script's name; bash's exec builtin names itself
  ['./autogen.sh: 2: ./autogen.sh: autoreconf: not found', 'build-tool-missing', 'autoreconf'],
  ['./autogen.sh: line 3: exec: autoreconf: not found', 'build-tool-missing', 'autoreconf'],
  ['/bin/sh: gcc: not found', 'c-compiler-missing', 'gcc'],
  ['bash: line 1: protoc: command not found', 'protoc-missing', 'protoc'],
  ['/tmp/build.sh: line 3: ninja: command not found', 'build-tool-missing', 'ninja'],
  ['make: command not found', 'build-tool-missing', 'make'],
  ['zsh: command not found: cargo', 'rust-toolchain-missing', 'cargo'],
  ['fish: Unknown command: meson', 'build-tool-missing', 'meson'],
  ["'perl' is not recognized as an internal or external command,", 'perl-missing', 'perl'],
  ["'g++' wird nicht als interner oder externer Befehl, betriebsfähiges Programm oder Batch-Datei erkannt.", 'cxx-compiler-missing', 'g++'],
  ["nasm : The term 'nasm' is not recognized as the name of a cmdlet, function, script file, or operable program.", 'build-tool-missing', 'nasm'],
  ['bash: autoreconf: Befehl nicht gefunden', 'build-tool-missing', 'autoreconf'],
  ['make[2]: yasm: Command not found', 'build-tool-missing', 'yasm'],
  ['make: pkg-config: No such file or directory', 'pkg-config-missing', 'pkg-config'],
  ['/usr/bin/env: ‘python’: No such file or directory', 'python-missing', 'python'],
  ['./Configure: /usr/bin/perl: bad interpreter: No such file or directory', 'perl-missing', 'perl'],
  ["FileNotFoundError: [Errno 2] No such file or directory: 'ninja'", 'build-tool-missing', 'ninja'],
  ["error: command 'swig' failed: No such file or directory", 'build-tool-missing', 'swig'],
  ['Error: spawn make ENOENT', 'build-tool-missing', 'make'],
  ['exec: "git": executable file not found in $PATH', 'build-tool-missing', 'git'],
  ['error: could not execute process `nasm -f elf64 x.asm` (never executed)', 'build-tool-missing', 'nasm'],
  ['  is `cmake` not installed?', 'cmake-missing', 'cmake'],
  ['error occurred in cc-rs: failed to find tool "c++": No such file or directory (os error 2)', 'cxx-compiler-missing', 'c++'],
  ['  No CMAKE_CXX_COMPILER could be found.', 'cxx-compiler-missing', 'c++'],
  ['CMake Error: CMake was unable to find a build program corresponding to "Unix Makefiles".  CMAKE_MAKE_PROGRAM is not set.', 'build-tool-missing', 'make'],
  ["meson.build:1:0: ERROR: Unknown compiler(s): [['cc'], ['gcc'], ['clang']]", 'c-compiler-missing', 'cc'],
  ['  Missing dependency: cmake', 'cmake-missing', 'cmake'],
  // localized shells and libc (read off bash 5.2, make 4.3, xargs, env and sudo on Debian with each locale)
  ['bash: Zeile 1: nasm: Kommando nicht gefunden.', 'build-tool-missing', 'nasm'],
  ['bash: ligne 1: bison\u00a0: commande introuvable', 'build-tool-missing', 'bison'],
  ['bash: 行 1: cmake: 未找到命令', 'cmake-missing', 'cmake'],
  ['sudo: protoc：找不到命令', 'protoc-missing', 'protoc'],
  ['make: perl: Datei oder Verzeichnis nicht gefunden', 'perl-missing', 'perl'],
  ['make: pkg-config: Нет такого файла или каталога', 'pkg-config-missing', 'pkg-config'],
  ['xargs: nasm: No existe el fichero o el directorio', 'build-tool-missing', 'nasm'],
  ['env: «\u00a0python3\u00a0»: Aucun fichier ou dossier de ce type', 'python-missing', 'python3'],
  ['"gcc" wird nicht als interner oder externer Befehl, betriebsfähiges Programm oder Batchdatei erkannt.', 'c-compiler-missing', 'gcc'],
  ["'cmake' no se reconoce como un comando interno o externo,", 'cmake-missing', 'cmake'],
  ['-bash: line 1: make: command not found', 'build-tool-missing', 'make'],
  ['sudo: ninja: command not found', 'build-tool-missing', 'ninja'],
  ["meson.build:58:4: ERROR: Program 'nasm' not found or not executable", 'build-tool-missing', 'nasm'],
  ["meson.build:3:0: ERROR: Program(s) ['nasm', 'yasm'] not found or not executable", 'build-tool-missing', 'nasm'],
  ['  No CMAKE_ASM_NASM_COMPILER could be found.', 'build-tool-missing', 'nasm'],
  ['Could not find meson', 'build-tool-missing', 'meson'],
  ['make: /usr/local/bin/nasm: No such file or directory', 'build-tool-missing', 'nasm'],
];

test('program-not-found: every wording names the program and reaches its rule', () => {
  for (const [line, rule, program] of PROGRAM_LINES) {
    const got = top(`${line}\n`);
    assert.equal(got?.rule, rule, line);
    assert.equal(got?.captures.program, program, line);
  }
});

test('program-not-found: a script of the project, a package manager or a known phrase in other words is no missing tool', () => {
  // A build script's "Could not find X" counts only for a tool the table knows, and only when X is all the line names.
  for (const line of ['/bin/sh: 1: apk: not found', 'bash: sudo: command not found', 'error: foo: not found', './demo: 1: ./demo: ELF: not found', "FileNotFoundError: [Errno 2] No such file or directory: 'VERSION'", 'Could not find config.json', 'Could not find nasm, building without SIMD']) {
    assert.equal(top(`${line}\n`), null, line);
  }
  // The project's own configure script missing is no missing tool: an autotools tree that was not bootstrapped.
  const configure = top('sh: 1: ./configure: not found\n');
  assert.equal(configure?.rule, 'autotools-bootstrap-needed');
  assert.equal(configure?.captures.program, undefined);
});

test('header-not-found: gcc, clang and MSVC wordings, relayed and translated, reach the owning rule with its package', () => {
  const cases: [string, string, string][] = [
    ['src/x.c:1:10: fatal error: zlib.h: No such file or directory', 'native-lib-missing', 'zlib'],
    ['cargo:warning=src/x.c:3:10: fatal error: SDL2/SDL.h: No such file or directory', 'native-lib-missing', 'libsdl2-dev'],
    ["wrapper.h:1:10: fatal error: 'libusb-1.0/libusb.h' file not found", 'native-lib-missing', 'libusb-1.0-0-dev'],
    ["src\\x.c(1): fatal error C1083: Cannot open include file: 'zstd.h': No such file or directory", 'native-lib-missing', 'libzstd-dev'],
    ['x.c:1:10: fatal error: stdio.h: Datei oder Verzeichnis nicht gefunden', 'libc-headers-missing', 'libc6-dev'],
    ['hi.cpp:1:10: fatal error: iostream: No such file or directory', 'libc-headers-missing', 'g++'],
    // a reporter's mark in front of the pasted line (pyext-siri-voice-llama3-2 in the natural sample)
    ['--->  src/pyaudio/device_api.c:9:10: fatal error: portaudio.h: No such file or directory', 'native-lib-missing', 'portaudio19-dev'],
  ];
  for (const [line, rule, apt] of cases) {
    const d = diagnoseText(KB, `${line}\ncompilation terminated.\n`, { hostPlatform: 'debian' });
    assert.equal(d.findings[0]?.rule, rule, line);
    assert.ok(d.findings[0].fix.commands.some((c) => c.platform === 'debian' && c.command.includes(apt)), `${line}: ${JSON.stringify(d.findings[0].fix.commands[0])}`);
  }
});

test('header-not-found: a header the table does not know gets the file search; the project\'s own "config.h" is a file of the source tree', () => {
  const unknown = diagnoseText(KB, 'userio.c:41:17: fatal error: frobnicate.h: No such file or directory\n #include <frobnicate.h>\n', { hostPlatform: 'debian' });
  assert.equal(unknown.findings[0]?.rule, 'native-lib-missing');
  assert.ok(unknown.findings[0].confidence < 0.7, 'an unknown header stays below named causes');
  assert.ok(unknown.findings[0].fix.commands.some((c) => c.command.startsWith('apt-file search frobnicate.h')));
  const own = diagnoseText(KB, 'app.c:1:10: fatal error: config.h: No such file or directory\n    1 | #include "config.h"\n', { hostPlatform: 'debian' });
  assert.deepEqual(own.findings.map((f) => f.rule), ['source-file-missing']);
});

test('header-not-found: MSVC C1083 in Visual Studio\'s languages and layouts; the toolchain\'s own headers are msvc-missing, POSIX-only ones no cause', () => {
  // (wordings read off public issue threads: see the cases of msvc-missing and the comment of the msvc-c1083 pattern)
  const library: string[] = [
    "getchmodule.c(2): fatal error C1083: 无法打开包括文件: “zlib.h”: No such file or directory",
    'detpdb\\detpdb.cpp(48,10): fatal error C1083: 无法打开包括文件:“zlib.h”: No such file or directory',
    'c:\\dev\\python34\\include\\x.h(68) : fatal error C1083: Datei (Include) kann nicht geöffnet werden: "zlib.h": No such file or directory',
    "D:\\david\\src\\t.cpp(1,10): fatal error C1083: Impossible d'ouvrir le fichier include : 'zlib.h' : No such file or directory [D:\\david\\build\\u.vcxproj]",
    "pptest.c(1): fatal error C1083: include ファイルを開けません。'zlib.h':No such file or directory",
    'lab8.c(1): fatal error C1083: Не удается открыть файл включение: zlib.h: No such file or directory,',
    "1>C:\\Users\\x\\Desktop\\r6xx\\src\\deflate.h(15,10): fatal error C1083: Non è possibile aprire il file inclusione: 'zlib.h': No such file or directory",
    "Error\tC1083\tiçerme dosyası açılamıyor: 'zlib.h': No such file or directory\tsimplewall\tc:\\src\\global.hpp\t6\t",
  ];
  for (const line of library) {
    const got = top(`${line}\n`);
    assert.equal(got?.rule, 'native-lib-missing', line);
    assert.equal(got?.captures.library, 'zlib', line);
  }
  const toolchain: [string, string][] = [
    ['x.c(1): fatal error C1083: Cannot open include file: \'windows.h\': No such file or directory', 'windows.h'],
    ['d:\\py\\include\\pyconfig.h(59): fatal error C1083: �޷��򿪰����ļ�: ��io.h��: No such file or directory', 'io.h'],
    ['x.cpp(1): fatal error C1083: ÎÞ·¨´ò¿ª°üÀ¨ÎÄ¼þ: ¡°iostream¡±: No such file or directory', 'iostream'],
  ];
  for (const [line, header] of toolchain) {
    const got = top(`${line}\n`);
    assert.equal(got?.rule, 'msvc-missing', line);
    assert.equal(got?.captures.header, header, line);
  }
  // POSIX-only headers, a source file and a bundled dependency's own header name no missing component.
  for (const line of [
    "x.c(2): fatal error C1083: Cannot open include file: 'unistd.h': No such file or directory",
    "regparse.c(3): fatal error C1083: Cannot open include file: 'sys/socket.h': No such file or directory",
    "c1xx: fatal error C1083: Cannot open source file: '..\\routine\\rapp.cpp': No such file or directory",
    "D:\\glib\\subprojects\\libffi\\include\\ffi.h(10): fatal error C1083: Cannot open include file: 'ffi-x86_64.h': No such file or directory",
  ]) {
    assert.equal(top(`${line}\n`), null, line);
  }
});

test('library-not-found: MSVC LNK1181/LNK1104 on a .lib in any language; the toolchain\'s libraries are msvc-missing', () => {
  assert.equal(top("LINK : fatal error LNK1181: Eingabedatei \"Qt6Core5Compat.lib\" kann nicht geöffnet werden.\n")?.captures.library, 'Qt6Core5Compat');
  assert.equal(top("LINK : fatal error LNK1104: cannot open file 'C:\\Program Files\\gmp\\lib\\gmp.lib'\n")?.captures.library, 'gmp');
  for (const line of ["LINK : fatal error LNK1104: 无法打开文件“kernel32.lib”", "  = note: LINK : fatal error LNK1181: cannot open input file 'kernel32.lib'", "LINK : fatal error LNK1104: ファイル 'oldnames.lib' を開くことができません"]) {
    assert.equal(top(`${line}\n`)?.rule, 'msvc-missing', line);
  }
  for (const line of ["LINK : fatal error LNK1104: cannot open file 'target\\debug\\app.exe'", "LINK : fatal error LNK1181: cannot open input file 'foo.obj'"]) {
    assert.equal(top(`${line}\n`), null, line);
  }
});

test('library and dependency forms: linkers, pkg-config, CMake, meson, autoconf', () => {
  const cases: [string, string, string][] = [
    ['/usr/bin/ld: cannot find -lpcap: No such file or directory', 'native-lib-missing', 'pcap'],
    ['/opt/x/bin/ld: 找不到 -lbwdpi', 'native-lib-missing', 'bwdpi'],
    ["LINK : fatal error LNK1181: cannot open input file 'gmp.lib'", 'native-lib-missing', 'gmp'],
    ['ld: library not found for -lpq', 'native-lib-missing', 'pq'],
    ["Package 'libudev', required by 'virtual:world', not found", 'native-lib-missing', 'libudev'],
    ['CMake Error at /usr/share/cmake-3.25/Modules/FindPackageHandleStandardArgs.cmake:230 (message):\n  Could NOT find ZLIB (missing: ZLIB_LIBRARY ZLIB_INCLUDE_DIR)', 'native-lib-missing', 'ZLIB'],
    ['meson.build:10:0: ERROR: Dependency "glib-2.0" not found, tried pkgconfig', 'native-lib-missing', 'glib-2.0'],
    ['configure: error: Package requirements (libxml-2.0 >= 2.9) were not met:', 'native-lib-missing', 'libxml-2.0'],
    // translated binutils 2.40 (fr, ja) and config-mode find_package of a package known by its library name
    ['/usr/bin/ld\u00a0: ne peut pas trouver -lcurl\u00a0: Aucun fichier ou dossier de ce type', 'native-lib-missing', 'curl'],
    ['/usr/bin/ld: -lasound が見つかりません: そのようなファイルやディレクトリはありません', 'native-lib-missing', 'asound'],
    ['CMake Error at CMakeLists.txt:3 (find_package):\n  Could not find a package configuration file provided by "Qt5Widgets" with any of', 'native-lib-missing', 'Qt5Widgets'],
  ];
  for (const [line, rule, library] of cases) {
    const got = top(`${line}\n`);
    assert.equal(got?.rule, rule, line);
    assert.equal(got?.captures.library, library, line);
  }
});

test('optional probes alone are no failure; autoconf counts a "no" only when the next lines name it in an error', () => {
  assert.equal(top('-- Could NOT find ZLIB (missing: ZLIB_LIBRARY)\n-- Configuring done\n'), null);
  assert.equal(top('Run-time dependency zlib found: NO (tried pkgconfig)\nBuild targets in project: 3\n'), null);
  assert.equal(top('checking for pcap_open_live in -lpcap... no\nchecking for stdlib.h... yes\n'), null);
  assert.equal(top('checking for pcap_open_live in -lpcap... no\nerror: pcap library not found!\n')?.rule, 'native-lib-missing');
  assert.equal(top('checking for pkg-config... no\npkg-config not found\nconfigure: error: Please reinstall the pkg-config distribution\n')?.rule, 'pkg-config-missing');
});

test('CMake find modules of programs are the program: FindBISON with a configure error after it', () => {
  const got = top('-- Could NOT find BISON (missing: BISON_EXECUTABLE)\nCMake Error at CMakeLists.txt:38 (message):\n  Cannot find bison\n');
  assert.equal(got?.rule, 'build-tool-missing');
  assert.equal(got?.captures.program, 'bison');
});

// Real meson 1.0.1 output (native-lib-missing's made-here cases), cut at line boundaries the way a paste cuts it.
const caseLines = (path: string) => readFileSync(new URL(`../src/kb/rules/${path}`, import.meta.url), 'utf8').split('\n');

test("meson's 'found: NO' where the paste ends is the missing dependency; one meson goes on after is optional", () => {
  const required = caseLines('native/native-lib-missing/cases/fail-made-meson-fmt-required.log');
  const upToNotFound = required.slice(0, required.findIndex((l) => l.startsWith('Run-time dependency fmt found: NO')) + 1).join('\n');
  const d = diagnoseText(KB, upToNotFound, { hostPlatform: 'debian' });
  assert.equal(d.findings[0]?.rule, 'native-lib-missing');
  assert.equal(d.findings[0]?.captures.library, 'fmt');
  assert.match(JSON.stringify(d.findings[0]?.fix), /libfmt-dev/);
  // The optional jack probe, with the next dependency check after it: meson went on.
  const optional = caseLines('native/native-lib-missing/cases/pass-made-meson-optional-dependency.log');
  const jack = optional.findIndex((l) => l.startsWith('Run-time dependency jack found: NO'));
  assert.ok(jack > 0);
  assert.equal(top(optional.slice(0, jack + 2).join('\n'))?.rule, undefined);
});

// tool-version-too-old: each tool's own version check, across its releases and translations, reaches the rule the kb
// table gives the tool, with the versions the line states; features the table dates give the release that added them.
const TOOL_VERSION_LINES: [line: string, rule: string, captures: Record<string, string>][] = [
  ['CMake 3.15 or higher is required.  You are running version 3.10.2', 'cmake-too-old', { required: '3.15', version: '3.10.2' }],
  ['  Policy "CMP0156" is not known to this version of CMake.', 'cmake-too-old', { required: '3.29', feature: 'CMP0156' }],
  ['  GET given policy "CMP0077" which is not known to this version of CMake.', 'cmake-too-old', { required: '3.13', feature: 'CMP0077' }],
  ['  Unknown CMake command "cmake_path".', 'cmake-too-old', { required: '3.20', feature: 'cmake_path' }],
  ['  Unknown CMake command "ADD_COMPILE_DEFINITIONS".', 'cmake-too-old', { required: '3.12', feature: 'ADD_COMPILE_DEFINITIONS' }],
  // CMake 3.27+'s range form names the schema version, whose release the kb dates; 3.19-3.26 name none
  ['CMake Error: Could not read presets from /src/app: Unrecognized "version" 10: must be >=1 and <=9', 'cmake-too-old', { required: '3.31' }],
  ['CMake Error: Could not read presets from /src/app: "cmakeMinimumRequired" minor version 28 must be less than 25', 'cmake-too-old', {}],
  ['meson.build:1:0: ERROR: Meson version is 0.53.2 but project requires >=0.56.0', 'meson-too-old', { required: '>=0.56.0', version: '0.53.2' }],
  ['meson_options.txt:1:0: ERROR: Unknown type array.', 'meson-too-old', { required: '>=0.44' }],
  ['meson.build:37:0: ERROR: Unknown function "install_symlink".', 'meson-too-old', { required: '>=0.61' }],
  ['ninja: fatal: ninja version (1.10.0.git) incompatible with build file ninja_required_version version (1.12).', 'build-tool-too-old', { program: 'ninja', version: '1.10.0', required: '1.12' }],
  ['  due to lack of required features.  Ninja 1.10 or higher is required.', 'build-tool-too-old', { program: 'ninja', required: '1.10' }],
  ['grammar.yy:3.10-16: error: require bison 3.2, but have 3.0.4', 'build-tool-too-old', { program: 'bison', required: '3.2', version: '3.0.4' }],
  ['parse.y:1.10-14: Fehler: erfordere bison 3.9, habe aber 3.8.2', 'build-tool-too-old', { program: 'bison', required: '3.9', version: '3.8.2' }],
  ['parse.y:1.10-14: erreur: exige bison 3.9 mais a 3.8.2', 'build-tool-too-old', { program: 'bison', required: '3.9', version: '3.8.2' }],
  ['configure.in:3: error: Autoconf version 2.52 or higher is required for this script', 'build-tool-too-old', { program: 'autoconf', required: '2.52' }],
  ['Makefile.am: error: require Automake 1.16.2, but have 1.15.1', 'build-tool-too-old', { program: 'automake', required: '1.16.2', version: '1.15.1' }],
  ['error: package `home v0.5.9` cannot be built because it requires rustc 1.70.0 or newer, while the currently active rustc version is 1.62.1', 'rustc-too-old', { required: '1.70.0', current: '1.62.1', package: 'home' }],
];

test('tool-version-too-old: each wording names the tool, the versions, and reaches its rule', () => {
  for (const [line, rule, captures] of TOOL_VERSION_LINES) {
    const f = top(`${line}\n`);
    assert.equal(f?.rule, rule, line);
    for (const [k, v] of Object.entries(captures)) assert.equal(f?.captures[k], v, `${line}: ${k}`);
  }
});

test('tool-version-too-old: a feature no release added, a module function or a newer tool is no finding of an old one', () => {
  for (const line of [
    '  Unknown CMake command "FetchContent_MakeAvailable".', // a module's function: include(FetchContent) is missing
    '  Policy "CMP9999" is not known to this version of CMake.', // beyond every release the table knows
    'CMake Error: Could not read presets from /src/app: Invalid preset: "default"', // the file is wrong, not the CMake
    'CMake Error: Could not read presets from /src/app: File version must be 4 or higher for include support', // the schema is too old for the file
    'meson.build:2:0: ERROR: Unknown function "instal_data".', // a typo
    'meson_options.txt:1:0: ERROR: Unknown type strng.', // a typo
    'ninja: warning: ninja executable version (1.11.1) greater than build file ninja_required_version (0.9); versions may be incompatible.',
    'configure.ac:33: error: Please use exactly Autoconf 2.69 instead of 2.71.', // autoconf too new
  ]) {
    const f = top(`${line}\n`);
    assert.ok(!f || !/too-old$/.test(f.rule), `${line} -> ${f?.rule}`);
  }
});

test('a "name" holding a shell metacharacter or a space is no entity, so no install command or file search is built from it', () => {
  // attack6: pkgconf's quoted module name took `libfoo;touch /tmp/pw` whole, and the guessed packages put it in
  // `apt-get install -y libfoo;touch /tmp/pw-dev`.
  for (const line of [
    "Package 'libfoo;touch /tmp/pw', required by 'virtual:world', not found",
    "No package 'gtk+-3.0 $(id)' found",
    'The system library `dbus-1`id`` required by crate `libdbus-sys` was not found.',
  ]) {
    const d = diagnoseText(KB, `${line}\n`, { hostPlatform: 'debian' });
    const commands = d.findings.flatMap((f) => f.fix?.commands.map((c) => c.command) ?? []);
    assert.deepEqual(commands.filter((c) => /touch|\$\(id\)|`id`/.test(c)), [], line);
  }
  // Near miss: the same wordings with a real name (the + and . of pkg-config names) still name it.
  assert.equal(top("Package 'gtk+-3.0', required by 'virtual:world', not found\n")?.captures.library, 'gtk+-3.0');
});
