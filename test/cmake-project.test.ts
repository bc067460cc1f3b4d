// What doctor reads from a CMake project's top-level CMakeLists.txt (src/project/cmake.ts), and the needs it derives.
// The shapes are the ones real projects use: a LANGUAGES list, the short project(X C CXX) form, project(X) with C and
// CXX by default, LANGUAGES NONE for a script-only project, a version range, pkg-config asked for REQUIRED.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCmakeLists } from '../src/project/cmake.ts';
import { deriveNeeds } from '../src/doctor/needs.ts';
import { readProject } from '../src/project/discover.ts';

test('project() languages: LANGUAGES list, short form, the C and CXX default, NONE, enable_language', () => {
  assert.deepEqual(parseCmakeLists('cmake_minimum_required(VERSION 3.22)\nproject(clevis VERSION 1.0 LANGUAGES CXX C)\n').languages, ['CXX', 'C']);
  assert.deepEqual(parseCmakeLists('PROJECT(tool C)\n').languages, ['C']);
  assert.deepEqual(parseCmakeLists('project(app VERSION 2.1 DESCRIPTION "an app")\n').languages, ['C', 'CXX']);
  assert.deepEqual(parseCmakeLists('project(CPM LANGUAGES NONE)\n').languages, []);
  assert.deepEqual(parseCmakeLists('project(sim C)\nenable_language(Fortran)\nenable_language(CUDA OPTIONAL)\n').languages, ['C', 'FORTRAN']);
  // Commented-out commands do not count.
  assert.deepEqual(parseCmakeLists('project(x LANGUAGES C)\n# enable_language(CXX)\n#[[ enable_language(Fortran) ]]\n').languages, ['C']);
});

test('the minimum CMake is the low end of a version range; pkg-config counts only when REQUIRED', () => {
  assert.equal(parseCmakeLists('cmake_minimum_required(VERSION 3.14...3.28)\nproject(p)\n').minimumVersion, '3.14');
  assert.equal(parseCmakeLists('project(p)\n').minimumVersion, null);
  assert.equal(parseCmakeLists('project(p)\nfind_package(PkgConfig REQUIRED)\n').needsPkgConfig, true);
  assert.equal(parseCmakeLists('project(p)\nfind_package(PkgConfig)\npkg_check_modules(GTK gtk+-3.0)\n').needsPkgConfig, false);
  assert.equal(parseCmakeLists('project(p)\nfind_package(PkgConfig)\npkg_check_modules(GTK REQUIRED gtk+-3.0)\n').needsPkgConfig, true);
});

test('doctor on a CMake project: cmake with its minimum, the compilers of its languages, make for the default generator', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bm-cmake-'));
  writeFileSync(join(dir, 'CMakeLists.txt'), 'cmake_minimum_required(VERSION 3.20)\nproject(demo LANGUAGES CXX)\nfind_package(PkgConfig REQUIRED)\n');
  const project = await readProject(dir);
  const plan = deriveNeeds(project, { env: {}, platform: 'linux' });
  assert.equal(plan.mode, 'project');
  const byComponent = new Map(plan.needs.map((n) => [n.component, n]));
  assert.deepEqual([...byComponent.keys()].sort(), ['cmake', 'cxx-compiler', 'make', 'pkg-config']);
  assert.deepEqual(byComponent.get('cmake')!.constraints, [{ kind: 'min', version: '3.20', from: 'cmake_minimum_required in CMakeLists.txt' }]);
  // Ninja as the generator needs no make; a script-only project needs only cmake.
  assert.ok(!deriveNeeds(project, { env: { CMAKE_GENERATOR: 'Ninja' }, platform: 'linux' }).needs.some((n) => n.component === 'make'));
  writeFileSync(join(dir, 'CMakeLists.txt'), 'cmake_minimum_required(VERSION 3.14)\nproject(CPM LANGUAGES NONE)\n');
  assert.deepEqual(deriveNeeds(await readProject(dir), { env: {}, platform: 'linux' }).needs.map((n) => n.component).sort(), ['cmake', 'make']);
});

test('comments: line comments, bracket comments of any level, and an unclosed bracket comment that runs to the end', () => {
  const text = 'cmake_minimum_required(VERSION 3.16) # project(x C)\n#[==[\nproject(hidden Fortran)\n]==]\nproject(real CXX)\n#[[ unclosed\nenable_language(C)\n';
  const parsed = parseCmakeLists(text);
  assert.equal(parsed.minimumVersion, '3.16');
  assert.deepEqual([...parsed.languages].sort(), ['CXX']);
  // A file of nothing but unclosed bracket-comment openers is one comment (each opener once rescanned the rest).
  const openers = parseCmakeLists(`project(p C)\n${'#[=['.repeat(400_000)}`);
  assert.deepEqual([...openers.languages], ['C']);
});
