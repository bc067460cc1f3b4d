// Shapes that rule families share are written once: the Windows "cl.exe not found" wordings come from the
// program-not-found signal (no rule re-lists them), perl's missing-module line from one helper, and the C and C++
// compiler-missing rules from one compiler family.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { normalizeLine } from '../src/diagnose/normalize.ts';
import { KB, ruleFolders } from './helpers/cases.ts';

const rules = ruleFolders().map((f) => f.rule);
const rule = (id: string) => rules.find((r) => r.id === id)!;

// cc-rs 1.0, cc-rs >= 1.1, setuptools (bare and with a full path), cmd.exe: each names cl.exe, the MSVC compiler.
const CL_LINES = [
  'Failed to find tool. Is `cl.exe` installed? (see https://github.com/rust-lang/cc-rs#compile-time-requirements for help)',
  'error occurred: failed to find tool "cl.exe": program not found',
  "error: command 'cl.exe' failed: No such file or directory",
  "error: command 'C:\\Program Files (x86)\\Microsoft Visual Studio\\2019\\BuildTools\\VC\\Tools\\MSVC\\14.29.30133\\bin\\HostX86\\x64\\cl.exe' failed: No such file or directory",
  "'cl' is not recognized as an internal or external command,",
];

test('the cl.exe not-found wordings reach msvc-missing through the program-not-found signal, counted once', () => {
  for (const line of CL_LINES) {
    const own = rules.flatMap((r) => r.patterns.filter((p) => p.re.test(normalizeLine(line).text)).map((p) => `${r.id}:${p.id}`));
    assert.deepEqual(own, [], `a rule re-lists the shape of: ${line}`);
    const f = diagnoseText(KB, `${line}\nerror: build failed\n`, { hostPlatform: 'windows' }).findings[0];
    assert.equal(f?.rule, 'msvc-missing', line);
    assert.match(String(f.captures.program), /^cl(?:\.exe)?$/, line);
    // One line is one piece of evidence: it no longer counts as two agreeing patterns (0.99).
    assert.ok(f.confidence <= 0.95, `${line}: ${f.confidence}`);
  }
});

test("perl's missing-module line is one shape in both rules that read it", () => {
  const shape = (id: string, pattern: string, group: string) => rule(id).patterns.find((p) => p.id === pattern)!.re.source.replace(`?<${group}>`, '?<module>');
  assert.equal(shape('manylinux-container-build-failure', 'perl-module-missing', 'perlModule'), shape('perl-missing', 'perl-cant-locate-module', 'module'));
});

test('the C and C++ compiler-missing rules share their CMake and gcc shapes, each for its own language', () => {
  const c = rule('c-compiler-missing');
  const cxx = rule('cxx-compiler-missing');
  const source = (r: typeof c, id: string) => r.patterns.find((p) => p.id === id)!.re.source;
  assert.equal(source(c, 'cmake-c-compiler-not-in-path'), source(cxx, 'cmake-cxx-compiler-not-in-path'));
  assert.equal(source(c, 'gcc-cannot-exec-cc1').replace('cc1', 'cc1plus'), source(cxx, 'gcc-cannot-exec-cc1plus'));
  // CMake 3.x prints the variable, the compiler, then the shared line: the variable decides the language.
  const cmake = (lang: string, compiler: string) =>
    `CMake Error at CMakeLists.txt:2 (project):\n  The CMAKE_${lang}_COMPILER:\n\n    ${compiler}\n\n  is not a full path and was not found in the PATH.\n-- Configuring incomplete, errors occurred!\n`;
  assert.equal(diagnoseText(KB, cmake('C', 'gcc-13'), { hostPlatform: 'debian' }).rootCause, 'c-compiler-missing');
  assert.equal(diagnoseText(KB, cmake('CXX', 'g++-13'), { hostPlatform: 'debian' }).rootCause, 'cxx-compiler-missing');
  const cross = diagnoseText(KB, 'gcc: fatal error: cannot execute \'cc1plus\': execvp: No such file or directory\nerror: command failed\n', { hostPlatform: 'debian' }).findings[0];
  assert.deepEqual([cross.rule, cross.captures.compiler], ['cxx-compiler-missing', 'g++']);
});
