// doctor reads the workspace's own build scripts (never runs them): a pkg-config probe with no fallback is a need
// (rust-filerix's shape), while bindgen or cmake called only behind a guard a default build leaves off is not
// (libsql-ffi's LIBSQL_DEV shape). Fixture: test/fixtures/projects/build-script-tools (see SOURCES.md).

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { deriveNeeds } from '../src/doctor/needs.ts';
import { cppBuildOf, maskRust, pkgConfigProbesOf, toolCallsOf, type BuildScriptContext } from '../src/project/build-script.ts';
import { readProject } from '../src/project/discover.ts';
import { tempDir } from './helpers/temp.ts';

const FIXTURE = new URL('./fixtures/projects/build-script-tools/', import.meta.url).pathname;
const NOTHING_SET: BuildScriptContext = { envSet: () => false, featureOn: () => undefined };

async function planOf(dir: string, env: Record<string, string> = {}) {
  return deriveNeeds(await readProject(dir), { env, platform: 'linux', hostTriple: 'x86_64-unknown-linux-gnu' });
}
const required = (plan: Awaited<ReturnType<typeof planOf>>) => new Map(plan.needs.filter((n) => n.required).map((n) => [n.component, n.neededBy]));

function variant(file: string, edit: (text: string) => string): string {
  const dir = tempDir('buildmedic-build-scripts-');
  cpSync(FIXTURE, dir, { recursive: true });
  const before = readFileSync(join(dir, file), 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `the edit of ${file} changed nothing`);
  writeFileSync(join(dir, file), after);
  return dir;
}

test('a default build: pkg-config and zlib for the probes with no fallback; no libclang or cmake for guarded calls', async () => {
  const plan = await planOf(FIXTURE);
  const needs = required(plan);
  assert.deepEqual(needs.get('pkg-config'), ["probe's build script (probes libfoo with pkg-config, with no fallback)", "probe's build script (probes zlib with pkg-config, with no fallback)"]);
  assert.deepEqual(needs.get('zlib-dev'), ["probe's build script (links zlib, found with pkg-config)"]);
  // soft's probes all fall back (dropped, matched, tested, or behind an unset variable): the build-dependency alone is no need.
  for (const c of ['openssl-dev', 'sqlite3-dev', 'libcurl-dev', 'libclang', 'cmake']) assert.equal(needs.get(c), undefined, `${c}: ${needs.get(c)?.join('; ')}`);
  assert.deepEqual(plan.exempted.filter((e) => e.component === 'libclang' || e.component === 'cmake'), [
    { component: 'libclang', crate: 'clang-sys 1.8.1 via bindgen', why: "ffi's build script calls bindgen only off the default build: regenerate() runs only behind a guard that is off here (FFI_REGEN unset)" },
    { component: 'cmake', crate: 'cmake 0.1.50', why: `ffi's build script calls cmake only off the default build: build_codec() runs only behind a guard that is off here (feature "extra-codec" off)` },
  ]);
});

test('the guards turned on: the variable set in the environment, the feature asked by a dependent', async () => {
  const env = required(await planOf(FIXTURE, { FFI_REGEN: '1', SOFT_SYSTEM_CURL: '1' }));
  assert.deepEqual(env.get('libclang'), ['clang-sys 1.8.1 via bindgen (loads libclang to parse C headers)']);
  assert.ok(env.get('pkg-config')!.includes("soft's build script (probes libcurl with pkg-config, with no fallback)"));
  assert.deepEqual(env.get('libcurl-dev'), ["soft's build script (links libcurl, found with pkg-config)"]);
  const feature = variant('app/Cargo.toml', (t) => t.replace('ffi = { path = "../ffi" }', 'ffi = { path = "../ffi", features = ["extra-codec"] }'));
  assert.deepEqual(required(await planOf(feature)).get('cmake'), ['cmake 0.1.50 (runs cmake in its build script)']);
});

test('near misses that keep libclang: an unguarded call, bindgen without its runtime feature, a script not all in build.rs', async () => {
  const unguarded = variant('ffi/build.rs', (t) => t.replace('if env::var("FFI_REGEN").is_ok() {\n        regenerate(Path::new(&out));\n    }', 'regenerate(Path::new(&out));'));
  assert.ok(required(await planOf(unguarded)).has('libclang'));
  // Without `runtime`, clang-sys links libclang when it is built, whether or not bindgen is called.
  const linked = variant('ffi/Cargo.toml', (t) => t.replace('bindgen = "0.69.4"', 'bindgen = { version = "0.69.4", default-features = false }'));
  assert.ok(required(await planOf(linked)).has('libclang'));
  const split = variant('ffi/build.rs', (t) => `mod generate;\n${t}`);
  assert.ok(required(await planOf(split)).has('libclang'));
  // An `else` branch and a `||` condition may run in a default build.
  const orElse = variant('ffi/build.rs', (t) => t.replace('if env::var("FFI_REGEN").is_ok() {\n        regenerate(Path::new(&out));\n    }', 'if env::var("FFI_KEEP").is_ok() {\n    } else {\n        regenerate(Path::new(&out));\n    }'));
  assert.ok(required(await planOf(orElse)).has('libclang'));
  const either = variant('ffi/build.rs', (t) => t.replace('if env::var("FFI_REGEN").is_ok() {', 'if env::var("FFI_REGEN").is_ok() || cfg!(target_os = "linux") {'));
  assert.ok(required(await planOf(either)).has('libclang'));
});

test('a build script that never calls its build-dependency says so, rather than naming no guard', async () => {
  // bindgen stays a build-dependency, but every call to it is gone: nothing guards a call that is not there.
  const never = variant('ffi/build.rs', (t) => t.replace(/\/\* A block comment[\s\S]*$/, '').replace('        regenerate(Path::new(&out));\n', ''));
  const plan = await planOf(never);
  assert.ok(!required(plan).has('libclang'));
  assert.deepEqual(plan.exempted.filter((e) => e.component === 'libclang').map((e) => e.why), ["ffi's build script never calls bindgen"]);
});

test("a member's cc build of C++ (.cpp(true), a .cc source) needs the C++ compiler; its C shim or a guarded C++ build does not", async () => {
  assert.equal(required(await planOf(FIXTURE)).get('cxx-compiler'), undefined);
  const cppSwitch = variant('ffi/build.rs', (t) => t.replace('cc::Build::new().file', 'cc::Build::new().cpp(true).file'));
  assert.ok(required(await planOf(cppSwitch)).get('cxx-compiler')?.includes("ffi's build script (cc: .cpp(true))"));
  const ccSource = variant('ffi/build.rs', (t) => t.replace('.file("src/shim.c")', '.file("src/shim.cc")'));
  assert.ok(required(await planOf(ccSource)).get('cxx-compiler')?.includes("ffi's build script (cc: compiles src/shim.cc)"));
  // Behind the extra-codec feature, which nothing turns on here: off; asked by a dependent: on.
  const guarded = variant('ffi/build.rs', (t) => t.replace('let dst = cmake', 'cc::Build::new().cpp(true).file("codec/c.cpp").compile("codec");\n    let dst = cmake'));
  assert.equal(required(await planOf(guarded)).get('cxx-compiler'), undefined);
  writeFileSync(join(guarded, 'app', 'Cargo.toml'), readFileSync(join(guarded, 'app', 'Cargo.toml'), 'utf8').replace('ffi = { path = "../ffi" }', 'ffi = { path = "../ffi", features = ["extra-codec"] }'));
  assert.ok(required(await planOf(guarded)).get('cxx-compiler')?.some((n) => n.startsWith("ffi's build script")));
  // A string naming a .cpp outside a file call, and `.cpp(false)`, are no C++ build.
  assert.equal(cppBuildOf('fn main() { println!("see x.cpp"); cc::Build::new().cpp(false).file("a.c").compile("a"); }', NOTHING_SET), null);
  assert.equal(cppBuildOf('fn main() { cc::Build::new().files(["a.c", "b.cxx"]).compile("a"); }', NOTHING_SET), 'compiles b.cxx');
});

test('lexing: strings, raw strings, char literals and nested comments hide their braces and names', () => {
  const code = maskRust('let a = r#"{ bindgen:: }"#; let b = \'{\'; /* x /* { */ } */ fn f<\'a>(s: &\'a str) {}');
  assert.doesNotMatch(code, /bindgen/);
  assert.equal(code.length, 'let a = r#"{ bindgen:: }"#; let b = \'{\'; /* x /* { */ } */ fn f<\'a>(s: &\'a str) {}'.length);
  assert.equal([...code].filter((c) => c === '{').length, 1);
  // Cargo's own variables (TARGET, CARGO_FEATURE_*) are set in every build: they are no opt-in guard.
  const cargoSet = 'fn main() { if std::env::var("CARGO_FEATURE_GEN").is_ok() { bindgen::builder(); } }';
  assert.equal(toolCallsOf(cargoSet, 'bindgen', NOTHING_SET).byDefault, 'yes');
  // A macro body runs where it is expanded; an impl header is a type.
  assert.equal(toolCallsOf('macro_rules! gen { () => { bindgen::builder() } }\nfn main() { gen!(); }', 'bindgen', NOTHING_SET).byDefault, 'yes');
  assert.equal(toolCallsOf('struct C;\nimpl bindgen::callbacks::ParseCallbacks for C {}\nfn main() {}', 'bindgen', NOTHING_SET).byDefault, 'no');
  // An imported name counts as the crate's; `cbindgen::` is another crate.
  assert.equal(toolCallsOf('use bindgen::Builder;\nfn main() { Builder::default(); }', 'bindgen', NOTHING_SET).byDefault, 'yes');
  assert.equal(toolCallsOf('fn main() { cbindgen::generate("."); }', 'bindgen', NOTHING_SET).byDefault, 'no');
  // `?` fails the build from main; from a helper whose error the caller may handle, it does not count.
  assert.deepEqual(pkgConfigProbesOf('fn main() -> Result<(), pkg_config::Error> { pkg_config::probe_library("x11")?; Ok(()) }', NOTHING_SET), ['x11']);
  assert.deepEqual(pkgConfigProbesOf('fn main() { let _ = find(); }\nfn find() -> Result<(), pkg_config::Error> { pkg_config::probe_library("x11")?; Ok(()) }', NOTHING_SET), []);
  // `#[cfg(feature = "io-uring")]` on the statement: off when the feature is known off, a need when it is unknown.
  const uring = 'fn main() {\n    #[cfg(feature = "io-uring")]\n    pkg_config::probe_library("liburing").expect("io-uring");\n}';
  assert.deepEqual(pkgConfigProbesOf(uring, { envSet: () => false, featureOn: () => false }), []);
  assert.deepEqual(pkgConfigProbesOf(uring, NOTHING_SET), ['liburing']);
});

test('hostile build scripts: unbalanced braces, a flood of fns, a script past the size cap', () => {
  assert.equal(toolCallsOf('fn main() { { { bindgen::builder();', 'bindgen', NOTHING_SET).byDefault, 'yes');
  // 8,000 fns calling each other: the blocks around a place are a walk up, so this ends at once (not in minutes).
  const many = `fn main() { f0(); }\n${Array.from({ length: 8000 }, (_, i) => `fn f${i}() { f${i + 1}(); }`).join("\n")}\nfn f8000() { if std::env::var("X").is_ok() { bindgen::builder(); } }`;
  assert.ok(many.length < 256 * 1024);
  assert.equal(toolCallsOf(many, 'bindgen', NOTHING_SET).byDefault, 'no');
  // 40,000 calls in one expression: each looks back for its statement a bounded way only.
  const flood = `fn main() { let v = [${'f(), '.repeat(40000)}]; pkg_config::probe_library("x").unwrap(); }\nfn f() {}`;
  assert.deepEqual(pkgConfigProbesOf(flood, NOTHING_SET), ['x']);
  // Past the cap nothing is concluded: the call may run, and no probe is claimed.
  const huge = `fn main() {}\n// ${'x'.repeat(300 * 1024)}\nfn g() { pkg_config::probe_library("x").unwrap(); bindgen::builder(); }`;
  assert.equal(toolCallsOf(huge, 'bindgen', NOTHING_SET).byDefault, 'yes');
  assert.deepEqual(pkgConfigProbesOf(huge, NOTHING_SET), []);
});

test('a maturin crate is built with [tool.maturin] features: an optional prost-build user counts, its vendored protoc feature does not', async () => {
  const MATURIN = new URL('./fixtures/projects/maturin-features/', import.meta.url).pathname;
  const plan = await planOf(MATURIN);
  const needs = required(plan);
  assert.deepEqual(needs.get('protoc'), ['prost-build 0.12.6 via substrait (runs protoc on .proto files)']);
  // substrait's `protoc` feature (protobuf-src: cmake and C++) is a member's non-default feature, off here.
  assert.equal(needs.get('cmake'), undefined);
  assert.equal(needs.get('cxx-compiler'), undefined);
  assert.ok(plan.notes.some((n) => n.includes("[tool.maturin] turns on: substrait")), plan.notes.join('\n'));
  // Near miss: without the features line maturin builds the defaults, which leave substrait off.
  const dir = tempDir('buildmedic-maturin-');
  cpSync(MATURIN, dir, { recursive: true });
  writeFileSync(join(dir, 'pyproject.toml'), readFileSync(join(dir, 'pyproject.toml'), 'utf8').replace('features = ["substrait"]\n', ''));
  assert.equal(required(await planOf(dir)).get('protoc'), undefined);
});

test('no Cargo.lock: a git dependency checked out in CARGO_HOME adds what it declares (tonic-build: protoc); absent, a note says so', async () => {
  const cargoHome = tempDir('buildmedic-cargo-home-');
  const checkout = join(cargoHome, 'git', 'checkouts', 'rpc-stack-3f2a9c1d0e4b5a67', 'd2f3382', 'crates', 'rpc-core');
  mkdirSync(checkout, { recursive: true });
  writeFileSync(join(checkout, 'Cargo.toml'), '[package]\nname = "rpc-core"\nversion = "0.3.0"\nedition = "2021"\n\n[dependencies]\nprost = "0.11"\n\n[build-dependencies]\ntonic-build = "0.9"\n');
  writeFileSync(join(checkout, 'build.rs'), 'fn main() { tonic_build::compile_protos("proto/rpc.proto").unwrap(); }\n');
  const project = tempDir('buildmedic-git-dep-');
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src', 'main.rs'), 'fn main() {}\n');
  const manifest = (pin: string) => `[package]\nname = "client"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nrpc-core = { git = "https://github.com/example/rpc-stack.git", ${pin} }\n`;
  const saved = process.env.CARGO_HOME;
  process.env.CARGO_HOME = cargoHome;
  try {
    writeFileSync(join(project, 'Cargo.toml'), manifest('rev = "d2f33820c108f63cd3a31e425bc15c7e9fec255b"'));
    assert.deepEqual(required(await planOf(project)).get('protoc'), ['prost-build 0.11.0 via rpc-core (runs protoc on .proto files)']);
    // Another revision is not what cargo builds: nothing is read, and the note says why.
    writeFileSync(join(project, 'Cargo.toml'), manifest('rev = "0000000aaaa"'));
    const other = await planOf(project);
    assert.equal(required(other).get('protoc'), undefined);
    assert.ok(other.notes.some((n) => /^rpc-core is a git dependency .* revision 0000000 is not checked out in /.test(n)), other.notes.join('\n'));
    // A branch names no revision without the lock.
    writeFileSync(join(project, 'Cargo.toml'), manifest('branch = "main"'));
    const branch = await planOf(project);
    assert.equal(required(branch).get('protoc'), undefined);
    assert.ok(branch.notes.some((n) => n.includes('pinned by branch or tag, not by `rev`')), branch.notes.join('\n'));
  } finally {
    if (saved === undefined) delete process.env.CARGO_HOME;
    else process.env.CARGO_HOME = saved;
  }
});

test('a build script that is a FIFO or a link out of the project is not opened: the need it could lift stays', { skip: process.platform === 'win32' && 'no FIFOs' }, async () => {
  const fifo = variant('ffi/build.rs', (t) => `${t}\n`);
  rmSync(join(fifo, 'ffi', 'build.rs'));
  assert.equal(spawnSync('mkfifo', [join(fifo, 'ffi', 'build.rs')]).status, 0);
  assert.ok(required(await planOf(fifo)).has('libclang'));
  const link = variant('ffi/build.rs', (t) => `${t}\n`);
  const outside = join(tempDir('buildmedic-outside-'), 'build.rs');
  writeFileSync(outside, readFileSync(join(FIXTURE, 'ffi', 'build.rs')));
  rmSync(join(link, 'ffi', 'build.rs'));
  symlinkSync(outside, join(link, 'ffi', 'build.rs'));
  assert.ok(required(await planOf(link)).has('libclang'));
});
