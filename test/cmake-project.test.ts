// What doctor reads from a CMake project's top-level CMakeLists.txt (src/project/cmake.ts), and the needs it derives.
// The shapes are the ones real projects use: a LANGUAGES list, the short project(X C CXX) form, project(X) with C and
// CXX by default, LANGUAGES NONE for a script-only project, a version range, pkg-config asked for REQUIRED.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCmakeLists } from '../src/project/cmake.ts';
import { deriveNeeds } from '../src/doctor/needs.ts';
import { readProject } from '../src/project/discover.ts';
import { tempDir } from './helpers/temp.ts';

test('project() languages: LANGUAGES list, short form, the C and CXX default, NONE, enable_language', () => {
  assert.deepEqual(parseCmakeLists('cmake_minimum_required(VERSION 3.22)\nproject(clevis VERSION 1.0 LANGUAGES CXX C)\n').languages, ['CXX', 'C']);
  assert.deepEqual(parseCmakeLists('PROJECT(tool C)\n').languages, ['C']);
  assert.deepEqual(parseCmakeLists('project(app VERSION 2.1 DESCRIPTION "an app")\n').languages, ['C', 'CXX']);
  assert.deepEqual(parseCmakeLists('project(CPM LANGUAGES NONE)\n').languages, []);
  assert.deepEqual(parseCmakeLists('project(sim C)\nenable_language(Fortran)\nenable_language(CUDA OPTIONAL)\n').languages, ['C', 'FORTRAN']);
  // Commented-out commands do not count.
  assert.deepEqual(parseCmakeLists('project(x LANGUAGES C)\n# enable_language(CXX)\n#[[ enable_language(Fortran) ]]\n').languages, ['C']);
});

test('project() whose quoted DESCRIPTION holds parentheses still names its languages (CRoaring, csv-parser)', () => {
  // CRoaring: project(RoaringBitmap DESCRIPTION "Roaring bitmaps in C (and C++)" LANGUAGES CXX C), over several lines.
  assert.deepEqual(parseCmakeLists('cmake_minimum_required(VERSION 3.15)\nproject(RoaringBitmap\n  DESCRIPTION "Roaring bitmaps in C (and C++)"\n  LANGUAGES CXX C\n)\n').languages, ['CXX', 'C']);
  assert.deepEqual(parseCmakeLists('project(csv-parser\n\tVERSION 1.1.0\n\tDESCRIPTION "Csv::Parser (csv-parser)"\n\tLANGUAGES CXX\n)\n').languages, ['CXX']);
  // A quoted description with a keyword's or a language's name in it is one argument, not a language list.
  assert.deepEqual(parseCmakeLists('project(p DESCRIPTION "C LANGUAGES Fortran (x)")\n').languages, ['C', 'CXX']);
  assert.deepEqual(parseCmakeLists('project(p DESCRIPTION "none (really)" LANGUAGES NONE)\n').languages, []);
  assert.equal(parseCmakeLists('cmake_minimum_required(VERSION 3.15)\nproject(p DESCRIPTION "(x)")\n').minimumVersion, '3.15');
});

test('the minimum CMake is the low end of a version range; pkg-config counts only when REQUIRED', () => {
  assert.equal(parseCmakeLists('cmake_minimum_required(VERSION 3.14...3.28)\nproject(p)\n').minimumVersion, '3.14');
  assert.equal(parseCmakeLists('project(p)\n').minimumVersion, null);
  assert.equal(parseCmakeLists('project(p)\nfind_package(PkgConfig REQUIRED)\n').needsPkgConfig, true);
  assert.equal(parseCmakeLists('project(p)\nfind_package(PkgConfig)\npkg_check_modules(GTK gtk+-3.0)\n').needsPkgConfig, false);
  assert.equal(parseCmakeLists('project(p)\nfind_package(PkgConfig)\npkg_check_modules(GTK REQUIRED gtk+-3.0)\n').needsPkgConfig, true);
});

test('doctor on a CMake project: cmake with its minimum, the compilers of its languages, make for the default generator', async () => {
  const dir = tempDir('bm-cmake-');
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

test('a CMake project that fetches and builds OpenSSL from source needs perl (clevisLib-style FetchContent in an included file)', async () => {
  const FIXTURE = new URL('./fixtures/projects/cmake-fetch-openssl/', import.meta.url).pathname;
  const plan = deriveNeeds(await readProject(FIXTURE), { env: {}, platform: 'linux' });
  const perl = plan.needs.find((n) => n.component === 'perl');
  assert.deepEqual(perl?.neededBy, ["FetchContent_Declare(openssl) in cmake/openssl.cmake (builds OpenSSL from source: OpenSSL's Configure is a perl script)"]);
  // The commented-out include is not read; find_package(OpenSSL) alone asks nothing of perl.
  assert.equal(plan.needs.filter((n) => n.component === 'perl').length, 1);
  const dir = tempDir('bm-cmake-openssl-');
  const needsPerl = async (cmakeLists: string) => {
    writeFileSync(join(dir, 'CMakeLists.txt'), `cmake_minimum_required(VERSION 3.24)\nproject(p C)\ninclude(FetchContent)\ninclude(ExternalProject)\n${cmakeLists}`);
    const p = deriveNeeds(await readProject(dir), { env: {}, platform: 'linux' });
    return { needed: p.needs.some((n) => n.component === 'perl'), held: p.unverified.some((u) => u.component === 'perl') };
  };
  // An ExternalProject from a release tarball, with $(MAKE) in its arguments.
  assert.deepEqual(await needsPerl('ExternalProject_Add(ossl\n  URL https://www.openssl.org/source/openssl-3.0.13.tar.gz\n  CONFIGURE_COMMAND <SOURCE_DIR>/config\n  BUILD_COMMAND $(MAKE)\n)\n'), { needed: true, held: false });
  assert.deepEqual(await needsPerl('CPMAddPackage("gh:openssl/openssl#openssl-3.2.0")\n'), { needed: true, held: false });
  // Near misses: a CMake port of OpenSSL (another repository), FetchContent that finds the system copy first, system OpenSSL only.
  assert.deepEqual(await needsPerl('FetchContent_Declare(openssl GIT_REPOSITORY https://github.com/janbar/openssl-cmake.git)\n'), { needed: false, held: false });
  assert.deepEqual(await needsPerl('FetchContent_Declare(openssl GIT_REPOSITORY https://github.com/openssl/openssl.git FIND_PACKAGE_ARGS NAMES OpenSSL)\n'), { needed: false, held: false });
  assert.deepEqual(await needsPerl('find_package(OpenSSL REQUIRED)\n'), { needed: false, held: false });
  // Behind an option the configure may leave off: held back as unverified, with a note.
  assert.deepEqual(await needsPerl('if(BUNDLE_OPENSSL)\n  FetchContent_Declare(openssl URL https://github.com/openssl/openssl/releases/download/openssl-3.2.0/openssl-3.2.0.tar.gz)\nendif()\n'), { needed: false, held: true });
});

test('included CMake files: a cycle is read once, a path out of the project and a module name are not read', async () => {
  const root = tempDir('bm-cmake-include-');
  const dir = join(root, 'proj');
  mkdirSync(join(dir, 'cmake'), { recursive: true });
  writeFileSync(join(root, 'outside.cmake'), 'FetchContent_Declare(openssl GIT_REPOSITORY https://github.com/openssl/openssl.git)\n');
  writeFileSync(join(dir, 'CMakeLists.txt'), 'project(p C)\ninclude(cmake/a.cmake)\ninclude(../outside.cmake)\ninclude(FetchContent)\n');
  writeFileSync(join(dir, 'cmake', 'a.cmake'), 'include(${CMAKE_SOURCE_DIR}/cmake/b.cmake)\n');
  writeFileSync(join(dir, 'cmake', 'b.cmake'), 'include(cmake/a.cmake)\nFetchContent_Declare(zlib URL https://zlib.net/zlib-1.3.1.tar.gz)\n');
  const project = await readProject(dir);
  assert.deepEqual(project.cmake!.fetches.map((f) => `${f.via} ${f.file}`), ['FetchContent_Declare(zlib) cmake/b.cmake']);
  assert.ok(!deriveNeeds(project, { env: {}, platform: 'linux' }).needs.some((n) => n.component === 'perl'));
});

test('pybind11_add_module and nanobind_add_module build a Python extension: the Python headers are needed; inside an if() only unverified (vcflib)', async () => {
  // Modelled on ekg/vcflib's top level: find_package(pybind11 CONFIG), then pybind11_add_module(pyvcflib ...) outside any if().
  assert.deepEqual(parseCmakeLists('project(v)\nfind_package(pybind11 CONFIG)\npybind11_add_module(pyv "${CMAKE_SOURCE_DIR}/src/ffi.cpp")\n').pythonModules, [{ via: 'pybind11_add_module(pyv)', conditional: false }]);
  assert.deepEqual(parseCmakeLists('project(v)\nif(BUILD_PYTHON)\n  nanobind_add_module(ext a.cpp)\nendif()\n').pythonModules, [{ via: 'nanobind_add_module(ext)', conditional: true }]);
  // Near miss: a comment, and a project that only finds pybind11.
  assert.deepEqual(parseCmakeLists('project(v)\nfind_package(pybind11 CONFIG)\n# pybind11_add_module(old x.cpp)\n').pythonModules, []);
  const needsOf = async (cmake: string) => {
    const dir = tempDir('bm-cmake-');
    writeFileSync(join(dir, 'CMakeLists.txt'), cmake);
    return deriveNeeds(await readProject(dir), { env: {}, platform: 'linux' });
  };
  const plain = await needsOf('cmake_minimum_required(VERSION 3.16)\nproject(v LANGUAGES CXX)\nfind_package(pybind11 CONFIG)\npybind11_add_module(pyv src/ffi.cpp)\n');
  assert.match(plain.needs.find((n) => n.component === 'python-headers')?.neededBy.join(' ') ?? '', /pybind11_add_module\(pyv\) in CMakeLists\.txt/);
  const optional = await needsOf('project(v LANGUAGES CXX)\noption(PY "bindings" OFF)\nif(PY)\n  pybind11_add_module(pyv src/ffi.cpp)\nendif()\n');
  assert.equal(optional.needs.some((n) => n.component === 'python-headers'), false);
  assert.deepEqual(optional.unverified.map((u) => u.component), ['python-headers']);
});

test('find_package(X REQUIRED) and pkg_check_modules(P REQUIRED m) of a library: a need through the table of facts; fetched, pointed at, optional or in an if() it is not', async () => {
  const needsOf = async (cmake: string, extra: Record<string, string> = {}) => {
    const dir = tempDir('bm-cmake-');
    writeFileSync(join(dir, 'CMakeLists.txt'), cmake);
    for (const [file, text] of Object.entries(extra)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    return deriveNeeds(await readProject(dir), { env: {}, platform: 'linux' });
  };
  const libraries = (plan: Awaited<ReturnType<typeof needsOf>>) => plan.needs.filter((n) => ['openssl-dev', 'libcurl-dev', 'zlib-dev', 'sqlite3-dev'].includes(n.component)).map((n) => `${n.component}: ${n.neededBy.join('; ')}`);
  const head = 'cmake_minimum_required(VERSION 3.16)\nproject(p LANGUAGES CXX)\nfind_package(PkgConfig REQUIRED)\n';
  assert.deepEqual(libraries(await needsOf(`${head}find_package(OpenSSL 3.0 REQUIRED COMPONENTS Crypto)\npkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl>=7.60)\nfind_package(ZLIB)\n`)), [
    'openssl-dev: CMakeLists.txt: find_package(OpenSSL REQUIRED)',
    'libcurl-dev: CMakeLists.txt: pkg_check_modules(CURL REQUIRED libcurl>=7.60)',
  ]);
  // Held back inside an if() (actor-framework's OpenSSL module option).
  const optional = await needsOf(`${head}option(WITH_SSL "tls" ON)\nif(WITH_SSL)\n  find_package(OpenSSL REQUIRED)\nendif()\n`);
  assert.deepEqual(libraries(optional), []);
  assert.deepEqual(optional.unverified.map((u) => u.component), ['openssl-dev']);
  // A copy the project builds (clevisLib fetches OpenSSL in an included file), points at, or finds under PATHS.
  assert.deepEqual(libraries(await needsOf(`${head}include(cmake/ssl.cmake)\nfind_package(OpenSSL REQUIRED)\n`, { 'cmake/ssl.cmake': 'include(FetchContent)\nFetchContent_Declare(openssl URL https://example.org/openssl-3.2.0.tar.gz)\n' })), []);
  assert.deepEqual(libraries(await needsOf(`${head}set(OPENSSL_ROOT_DIR \${CMAKE_BINARY_DIR}/ssl)\nfind_package(OpenSSL REQUIRED)\n`)), []);
  assert.deepEqual(libraries(await needsOf(`${head}find_package(SQLite3 REQUIRED PATHS \${CMAKE_BINARY_DIR}/deps NO_DEFAULT_PATH)\n`)), []);
  // Not a library of the table (Threads, Git): no library need.
  assert.deepEqual(libraries(await needsOf(`${head}find_package(Threads REQUIRED)\nfind_package(Git REQUIRED)\n`)), []);
});
