// Knowledge as data: what each system component is, how to install it per package manager, and which crates and Python packages need it.

import type { PackageManager } from './platforms.js';
import type { ComponentId } from './components.js';

// The component table (packages per platform, the rule of each) lives in kb/, shared with diagnose's fixes.
export { COMPONENTS, type Component, type ComponentId } from './components.js';

/** When a crate's system need does not apply: a bundled/vendored build, or the user pointed the build elsewhere. */
export interface Exemption {
  /** The crate itself depends on one of these in Cargo.lock (the lock lists optional dependencies only when a feature enables them). */
  lockDependsOn?: string[];
  /** The crate builds none of these dependencies of its own (a need that comes with an optional build path, e.g. cmake). */
  unlessBuilds?: string[];
  /** Any of these crates is in Cargo.lock at all. */
  lockHas?: string[];
  /** A workspace member depends on one of these itself (its build script can use them: a vendored protoc, protox). */
  memberDependsOn?: string[];
  /** A workspace manifest asks for one of these features of the crate. */
  features?: string[];
  /** Or one of these features of a crate that forwards it to this one (ffmpeg-next's `build` is ffmpeg-sys-next's). */
  forwardedFrom?: Record<string, string[]>;
  /** Any of these environment variables is set. */
  env?: string[];
  /** The build turns the crate's default features off and asks none of these features of it. */
  defaultsOffWithout?: string[];
  /** Human words for the report. */
  why: string;
}

export interface CrateNeed {
  component: ComponentId;
  /** What the crate does with it, for the report. */
  why: string;
  /** False: the crate falls back to a bundled copy, so a missing component only costs build time. */
  required?: boolean;
  unless?: Exemption;
  /** Only from this crate version on (e.g. prost-build stopped bundling protoc in 0.11). */
  since?: string;
}

// The targets on which tauri and wry use GTK and WebKitGTK (their Cargo.toml target tables).
const TAURI_GTK_TARGETS = 'cfg(any(target_os = "linux", target_os = "dragonfly", target_os = "freebsd", target_os = "openbsd", target_os = "netbsd"))';
// The targets native-tls builds on OpenSSL (its Cargo.toml's target table for openssl and openssl-sys).
const NATIVE_TLS_OPENSSL = 'cfg(not(any(target_os = "windows", target_vendor = "apple", target_arch = "wasm32")))';
const OPENSSL_VENDORED: Exemption = { lockDependsOn: ['openssl-src'], features: ['vendored'], env: ['OPENSSL_DIR', 'OPENSSL_LIB_DIR'], why: 'vendored OpenSSL (openssl-src) or OPENSSL_DIR' };
const RDKAFKA_DYNAMIC: Exemption = { features: ['dynamic-linking', 'dynamic_linking'], why: 'the dynamic-linking feature (the system librdkafka)' };
const CPP = { component: 'cxx-compiler', why: 'compiles C++ in its build script' } as const;
const C = { component: 'c-compiler', why: 'compiles C in its build script' } as const;

/** Crate name -> what it needs from the system. Names are as on crates.io. */
export const CRATE_NEEDS: Record<string, readonly CrateNeed[]> = {
  cc: [C],
  'cxx-build': [CPP],
  cxx: [CPP],
  'link-cplusplus': [CPP],
  'cpp_build': [CPP],
  // inkjet compiles its tree-sitter grammars with cc, a C++ scanner (scanner.cc) with `.cpp(true)`; its default
  // `all_languages` takes in grammars that have one (YAML's among them).
  inkjet: [{ ...CPP, why: "compiles tree-sitter grammars' C++ scanners (its default all_languages)", unless: { defaultsOffWithout: ['all_languages'], why: 'default features off and all_languages not asked' } }],
  'librocksdb-sys': [C, CPP],
  // rust-librocksdb-sys is a published fork of librocksdb-sys with the same build (RocksDB's C++ through cc).
  'rust-librocksdb-sys': [C, CPP],
  // BoringSSL's CMake project enables C and C++ (boring-sys and its boring-sys2 fork run it through the cmake crate);
  // BORING_BSSL_PATH points at a prebuilt BoringSSL instead.
  'boring-sys': [C, { ...CPP, why: "builds BoringSSL, whose CMake project enables C++", unless: { env: ['BORING_BSSL_PATH'], why: 'BORING_BSSL_PATH (a prebuilt BoringSSL)' } }],
  'boring-sys2': [C, { ...CPP, why: "builds BoringSSL, whose CMake project enables C++", unless: { env: ['BORING_BSSL_PATH'], why: 'BORING_BSSL_PATH (a prebuilt BoringSSL)' } }],
  // luajit-src builds LuaJIT with its Makefile (make, gmake on the BSDs; msvcbuild.bat on MSVC) and the C compiler cc finds.
  'luajit-src': [C, { component: 'make', why: "builds LuaJIT with its Makefile" }],
  'openssl-sys': [
    { component: 'pkg-config', why: 'finds the system OpenSSL', unless: OPENSSL_VENDORED },
    { component: 'openssl-dev', why: 'links the system OpenSSL', unless: OPENSSL_VENDORED },
  ],
  'openssl-src': [
    { component: 'perl', why: "runs OpenSSL's Configure" },
    { component: 'make', why: 'builds the vendored OpenSSL' },
    C,
  ],
  'clang-sys': [{ component: 'libclang', why: 'loads libclang to parse C headers' }],
  // The cmake crate configures with CMake's default generator unless CMAKE_GENERATOR names another: Unix Makefiles
  // on Linux and macOS, so the build step runs make.
  cmake: [
    { component: 'cmake', why: 'runs cmake in its build script' },
    { component: 'make', why: "builds with CMake's default generator (Unix Makefiles)", unless: { env: ['CMAKE_GENERATOR'], why: 'CMAKE_GENERATOR names the generator' } },
  ],
  'prost-build': [
    {
      component: 'protoc',
      why: 'runs protoc on .proto files',
      since: '0.11.0',
      // A vendored protoc deep in the graph serves only the crate that depends on it: the members' build scripts
      // use it (or protox, a protoc written in Rust) only when they depend on it themselves.
      unless: { memberDependsOn: ['protoc-bin-vendored', 'protobuf-src', 'protox'], env: ['PROTOC'], why: 'a vendored protoc (protoc-bin-vendored, protobuf-src) or protox in a member, or PROTOC' },
    },
  ],
  'protobuf-src': [CPP, { component: 'cmake', why: 'builds the bundled protobuf' }],
  'libz-sys': [C, { component: 'zlib-dev', why: 'links the system zlib (else builds its bundled copy)', required: false, unless: { features: ['static'], why: 'the static feature' } }],
  'libz-ng-sys': [C, { component: 'cmake', why: 'builds zlib-ng' }],
  'libsqlite3-sys': [
    { component: 'pkg-config', why: 'finds the system SQLite', unless: { lockDependsOn: ['cc'], features: ['bundled', 'bundled-sqlcipher'], why: 'the bundled feature' } },
    { component: 'sqlite3-dev', why: 'links the system SQLite', unless: { lockDependsOn: ['cc'], features: ['bundled', 'bundled-sqlcipher'], why: 'the bundled feature' } },
  ],
  'curl-sys': [C, { component: 'libcurl-dev', why: 'links the system libcurl (else builds its bundled copy)', required: false, unless: { features: ['static-curl'], why: 'the static-curl feature' } }],
  'libgit2-sys': [C],
  'libssh2-sys': [C],
  'zstd-sys': [C],
  'lzma-sys': [C],
  'bzip2-sys': [C],
  ring: [C],
  // aws-lc-sys builds AWS-LC with cc; it runs cmake only for FIPS builds (aws-lc-fips-sys) or targets without prebuilt
  // assembly, and its `cmake` lock edge is ignored for that reason (project/build-graph.ts).
  'aws-lc-sys': [C],
  'tikv-jemalloc-sys': [C, { component: 'make', why: "builds jemalloc with its autotools build" }],
  'libmimalloc-sys': [C],
  // gdal-sys (0.9-0.11) links the system GDAL: without GDAL_LIB_DIR or GDAL_HOME its build script probes `gdal` with
  // pkg-config (whose version also picks the prebuilt bindings) and panics naming pkg-config when the program is absent.
  'gdal-sys': [{ component: 'pkg-config', why: 'finds the system GDAL with pkg-config', unless: { env: ['GDAL_LIB_DIR', 'GDAL_HOME'], why: 'GDAL_LIB_DIR or GDAL_HOME' } }],
  // unrar_sys compiles the UnRAR library it vendors (C++ sources) with cc in C++ mode, always (unrar_sys/build.rs).
  unrar_sys: [{ ...CPP, why: 'compiles the bundled UnRAR library (C++)' }],
  // The older name of tikv-jemalloc-sys, same build.
  'jemalloc-sys': [C, { component: 'make', why: 'builds jemalloc with its autotools build' }],
  // rdkafka-sys builds the bundled librdkafka with its mklove configure and `make libs`, whose subdirectories are src
  // and src-cpp (the C++ API), so C++ is compiled too; with its cmake-build feature librdkafka's CMake project (C and
  // CXX) builds with the cmake crate instead. dynamic-linking builds nothing: it links the system librdkafka.
  'rdkafka-sys': [
    { ...C, unless: RDKAFKA_DYNAMIC },
    { component: 'make', why: 'builds the bundled librdkafka (configure and make libs)', unless: RDKAFKA_DYNAMIC },
    { ...CPP, why: "builds the bundled librdkafka's C++ library (src-cpp)", unless: RDKAFKA_DYNAMIC },
  ],
  'grpcio-sys': [C, CPP],
  'pq-sys': [{ component: 'libpq-dev', why: 'links libpq', unless: { lockDependsOn: ['pq-src'], features: ['bundled'], why: 'the bundled feature (pq-src)' } }],
  'mysqlclient-sys': [{ component: 'pkg-config', why: 'finds libmysqlclient' }, { component: 'mysqlclient-dev', why: 'links libmysqlclient' }],
  'alsa-sys': [{ component: 'pkg-config', why: 'finds ALSA' }, { component: 'alsa-dev', why: 'links ALSA' }],
  'libudev-sys': [{ component: 'pkg-config', why: 'finds libudev' }, { component: 'libudev-dev', why: 'links libudev' }],
  // nettle-sys finds nettle and hogweed with pkg-config and has no bundled build; pcsc-sys finds libpcsclite with it
  // on Linux (the macOS and Windows frameworks need none).
  'nettle-sys': [{ component: 'pkg-config', why: 'finds nettle' }],
  'pcsc-sys': [{ component: 'pkg-config', why: 'finds libpcsclite' }],
  // yeslogic-fontconfig-sys links fontconfig found with pkg-config unless its `dlopen` feature loads it at run time;
  // freetype-sys probes freetype2 with pkg-config unless its `bundled` feature builds its own copy.
  'yeslogic-fontconfig-sys': [{ component: 'pkg-config', why: 'finds fontconfig', unless: { features: ['dlopen'], env: ['RUST_FONTCONFIG_DLOPEN'], why: 'the dlopen feature' } }],
  'freetype-sys': [C, { component: 'pkg-config', why: 'finds freetype2', unless: { features: ['bundled'], why: 'the bundled feature' } }],
  // system-deps is the probe gtk-rs's and gstreamer-rs's -sys crates (glib-sys, gtk-sys, gstreamer-sys, ...) run from
  // their build scripts: it reads the libraries from their [package.metadata.system-deps] and finds each with
  // pkg-config, with no bundled fallback (only per-library SYSTEM_DEPS_<NAME>_* overrides, which name no one variable).
  'system-deps': [{ component: 'pkg-config', why: "finds the -sys crates' system libraries (their [package.metadata.system-deps])" }],
  // ffmpeg-sys-next builds FFmpeg from source with its `build` feature, takes FFMPEG_DIR's copy, tries vcpkg (MSVC), and
  // otherwise finds libavutil, libavcodec and the rest with pkg-config.
  'ffmpeg-sys-next': [{ component: 'pkg-config', why: 'finds the system FFmpeg (libavutil, libavcodec, ...)', unless: { features: ['build'], forwardedFrom: { 'ffmpeg-next': ['build'] }, env: ['FFMPEG_DIR'], why: 'the build feature (FFmpeg from source) or FFMPEG_DIR' } }],
  // gmp-mpfr-sys runs GMP's and MPFR's configure and make on its bundled sources.
  'gmp-mpfr-sys': [C, { component: 'make', why: "builds the bundled GMP and MPFR (configure and make)" }],
  'libdbus-sys': [
    { component: 'pkg-config', why: 'finds D-Bus', unless: { features: ['vendored'], why: 'the vendored feature' } },
    { component: 'dbus-dev', why: 'links D-Bus', unless: { features: ['vendored'], why: 'the vendored feature' } },
  ],
  'pyo3-build-config': [{ component: 'python', why: 'asks a Python interpreter for its build configuration', unless: { env: ['PYO3_CONFIG_FILE'], why: 'PYO3_CONFIG_FILE' } }],
};

/**
 * Needs that arise only when a build script calls a tool crate, not when the crate merely compiles: bindgen with its
 * default `runtime` feature (clang-sys's `runtime`) loads libclang only when it generates bindings; the cmake crate
 * runs cmake from `Config::build`; prost-build (also through tonic-build) runs protoc when it compiles protos. Keyed
 * by the crate that carries the need; `callers` are the crates (and their Rust paths) whose calls run it; with
 * `callerFeature`, the need waits for a call only while the caller keeps that feature (its default), else it links
 * at build time. Only build scripts of the workspace's own crates are read (doctor/needs.ts).
 */
export const CALLED_TOOLS: Record<string, { callers: { crate: string; path: string }[]; callerFeature?: string }> = {
  'clang-sys': { callers: [{ crate: 'bindgen', path: 'bindgen' }], callerFeature: 'runtime' },
  cmake: { callers: [{ crate: 'cmake', path: 'cmake' }] },
  'prost-build': { callers: [{ crate: 'prost-build', path: 'prost_build' }, { crate: 'tonic-build', path: 'tonic_build' }] },
};

/**
 * Sources a CMake project fetches and builds itself (FetchContent, ExternalProject, CPM: project/cmake.ts), and what
 * their own builds need. OpenSSL has no CMake build: its official sources are built with its perl `Configure` (or the
 * `config` wrapper) and make. CMake ports of OpenSSL live in other repositories and do not match.
 */
export const FETCHED_SOURCE_NEEDS: readonly { name: string; source: RegExp; needs: { component: ComponentId; why: string }[] }[] = [
  {
    name: 'OpenSSL',
    // OpenSSL's repository (GIT_REPOSITORY https://github.com/openssl/openssl.git, CPM's gh:openssl/openssl@3.2.0 or
    // GITHUB_REPOSITORY openssl/openssl) or a release tarball (openssl.org/source/openssl-3.2.0.tar.gz).
    source: /^(?:(?:https?:\/\/|git@)github\.com[/:]openssl\/openssl(?:\.git)?(?:[/#?].*)?|gh:openssl\/openssl(?:[@#].*)?|openssl\/openssl|https?:\/\/(?:www\.)?openssl\.org\/source\/.*|.*\/openssl-\d+\.\d+[\w.]*\.tar\.gz)$/i,
    needs: [
      { component: 'perl', why: "OpenSSL's Configure is a perl script" },
      { component: 'make', why: 'OpenSSL builds with make' },
    ],
  },
];

/** A crate a declared (or implied) crate always brings, by its own manifest, for every version from `since` on. */
export interface ImpliedCrate {
  crate: string;
  /** The version to report; empty when only a lock would tell. */
  version: string;
  since: string;
  /** And before this version (reqwest 0.13 made rustls its default TLS). */
  before?: string;
  /** Only when the declaration asks one of these features (or, with `byDefault`, keeps its default features). */
  features?: readonly string[];
  byDefault?: boolean;
  /** Only on the targets this cfg matches (the implying crate's target table). */
  target?: string;
  /** Features the implied crate is built with when implied this way (carried on down the chain). */
  sets?: readonly string[];
}

/**
 * Without a Cargo.lock doctor knows only declared crates: these always bring a crate that carries a need, whichever
 * version the requirement resolves to (each fact holds from `since` on, and before `before`; a requirement that admits
 * more than one semver-compatible series, `>=0.11` or `*`, implies nothing). tonic-build generates its code with
 * prost-build, and since tonic-build 0.8 with prost-build 0.11, which ships no protoc. openssl depends on openssl-sys
 * (as `ffi`) unconditionally; reqwest's default-tls (its default before 0.13, and what native-tls and native-tls-vendored
 * turn on) is native-tls, which links OpenSSL off Windows, Apple and wasm targets (SChannel, Security.framework there);
 * the vendored features chain down to openssl-sys's `vendored` and so to openssl-src. diesel's `postgres` is pq-sys;
 * kafka's default `security` is openssl-sys.
 */
export const IMPLIED_CRATES: Record<string, readonly ImpliedCrate[]> = {
  'tonic-build': [{ crate: 'prost-build', version: '0.11.0', since: '0.8.0' }],
  reqwest: [
    { crate: 'openssl-sys', version: '', since: '0.10.0', before: '0.13.0', features: ['default-tls', 'native-tls', 'native-tls-vendored'], byDefault: true, target: NATIVE_TLS_OPENSSL },
    // reqwest 0.13 made rustls its default (and default-tls with it): only native-tls asked by name links OpenSSL.
    { crate: 'openssl-sys', version: '', since: '0.13.0', features: ['native-tls', 'native-tls-vendored'], target: NATIVE_TLS_OPENSSL },
    { crate: 'openssl-sys', version: '', since: '0.10.0', features: ['native-tls-vendored'], target: NATIVE_TLS_OPENSSL, sets: ['vendored'] },
  ],
  'native-tls': [
    { crate: 'openssl-sys', version: '', since: '0.2.0', target: NATIVE_TLS_OPENSSL },
    { crate: 'openssl-sys', version: '', since: '0.2.0', features: ['vendored'], target: NATIVE_TLS_OPENSSL, sets: ['vendored'] },
  ],
  openssl: [
    { crate: 'openssl-sys', version: '', since: '0.10.0' },
    { crate: 'openssl-sys', version: '', since: '0.10.0', features: ['vendored'], sets: ['vendored'] },
  ],
  'openssl-sys': [{ crate: 'openssl-src', version: '', since: '0.9.0', features: ['vendored'] }],
  diesel: [{ crate: 'pq-sys', version: '', since: '1.0.0', features: ['postgres'] }],
  // kafka (kafka-rust) 0.9: `default = ["snappy", "gzip", "security"]`, `security = ["openssl", "openssl-sys"]`.
  kafka: [{ crate: 'openssl-sys', version: '', since: '0.9.0', features: ['security'], byDefault: true }],
  // tauri 1.x and 2.x on Linux and the BSDs: gtk and (through wry) webkit2gtk, whose -sys crates find GTK and WebKitGTK
  // with system-deps (tauri's Cargo.toml target table for gtk; wry's for webkit2gtk).
  tauri: [{ crate: 'system-deps', version: '', since: '1.0.0', target: TAURI_GTK_TARGETS }],
};

/** Where C headers live when no pkg-config says otherwise (Debian multiarch, Fedora, Alpine, Homebrew, PostgreSQL's Debian layout). */
export const INCLUDE_DIRS: readonly string[] = ['/usr/include', '/usr/local/include', '/usr/include/x86_64-linux-gnu', '/usr/include/aarch64-linux-gnu', '/usr/include/postgresql', '/opt/homebrew/include', '/usr/local/opt/openssl@3/include', '/opt/homebrew/opt/openssl@3/include'];

/** Packages providing linkers that `.cargo/config.toml` files commonly name. */
export const LINKER_PACKAGES: Record<string, Partial<Record<PackageManager, string[]>>> = {
  clang: { apt: ['clang'], dnf: ['clang'], yum: ['clang'], apk: ['clang'], pacman: ['clang'], zypper: ['clang'], brew: ['llvm'], nix: ['clang'] },
  mold: { apt: ['mold'], dnf: ['mold'], apk: ['mold'], pacman: ['mold'], zypper: ['mold'], brew: ['mold'], nix: ['mold'] },
  'ld.lld': { apt: ['lld'], dnf: ['lld'], yum: ['lld'], apk: ['lld'], pacman: ['lld'], zypper: ['lld'], brew: ['lld'], nix: ['lld'] },
  'aarch64-linux-gnu-gcc': { apt: ['gcc-aarch64-linux-gnu'], dnf: ['gcc-aarch64-linux-gnu'], pacman: ['aarch64-linux-gnu-gcc'], nix: ['pkgsCross.aarch64-multiplatform.stdenv.cc'] },
  'arm-linux-gnueabihf-gcc': { apt: ['gcc-arm-linux-gnueabihf'], dnf: ['gcc-arm-linux-gnu'] },
  'x86_64-w64-mingw32-gcc': { apt: ['gcc-mingw-w64-x86-64'], dnf: ['mingw64-gcc'], pacman: ['mingw-w64-gcc'], brew: ['mingw-w64'], nix: ['pkgsCross.mingwW64.stdenv.cc'] },
  'riscv64-linux-gnu-gcc': { apt: ['gcc-riscv64-linux-gnu'], dnf: ['gcc-riscv64-linux-gnu'], pacman: ['riscv64-linux-gnu-gcc'] },
  'musl-gcc': { apt: ['musl-tools'], dnf: ['musl-gcc'], pacman: ['musl'], nix: ['musl'] },
};

/** Crates whose build needs lots of disk and memory (C++ giants, LLVM). */
export const HEAVY_CRATES: readonly string[] = ['librocksdb-sys', 'aws-lc-sys', 'llvm-sys', 'skia-bindings', 'libduckdb-sys', 'tikv-jemalloc-sys', 'v8', 'mozjs_sys', 'tensorflow-sys', 'torch-sys'];

/** Free-space and memory floors (bytes): rough, from what a cold `cargo build` of such projects uses. */
export const RESOURCE_FLOORS = {
  disk: { base: 2 * 1024 ** 3, heavy: 10 * 1024 ** 3 },
  memory: { base: 1 * 1024 ** 3, heavy: 4 * 1024 ** 3 },
};

/** The CPython versions each PyO3 release supports (from pyo3-build-config's supported-version constants and the PyO3 changelog). */
export const PYO3_PYTHON: readonly { since: string; min: string; max: string }[] = [
  { since: '0.0.0', min: '3.6', max: '3.10' },
  { since: '0.16.0', min: '3.7', max: '3.10' },
  { since: '0.17.0', min: '3.7', max: '3.11' },
  { since: '0.20.0', min: '3.7', max: '3.12' },
  { since: '0.22.0', min: '3.7', max: '3.13' },
  { since: '0.25.0', min: '3.7', max: '3.14' },
];

/** The oldest rustc that knows each edition. */
export const EDITION_MIN_RUSTC: Record<string, string> = { '2015': '1.0.0', '2018': '1.31.0', '2021': '1.56.0', '2024': '1.85.0' };

/**
 * Lower bounds of the rustc that the newest release of a crate's semver series needs (its documented MSRV): what a
 * build without a lock resolves today (cargo before 1.84 picks the newest compatible release whatever its
 * rust-version). A crate's MSRV only rises, so each bound stays true as new releases come. Only crates whose bound is
 * documented in the crate itself: tokio 1.39 (1.70), clap 4.5 (1.74), regex 1.10 (1.65), log 0.4.22 (1.60), hyper 1.0
 * (1.63), reqwest 0.12 (1.64), syn 2.0 (1.56), serde_json 1.0.100 (1.56).
 */
export const NEWEST_RELEASE_MIN_RUSTC: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  tokio: { '1': '1.70.0' },
  clap: { '4': '1.74.0' },
  regex: { '1': '1.65.0' },
  log: { '0.4': '1.60.0' },
  hyper: { '1': '1.63.0' },
  reqwest: { '0.12': '1.64.0' },
  syn: { '2': '1.56.0' },
  serde_json: { '1': '1.56.0' },
};

/** The oldest cargo that reads each Cargo.lock format version. */
export const LOCK_MIN_CARGO: Record<number, string> = { 1: '1.0.0', 2: '1.41.0', 3: '1.53.0', 4: '1.78.0' };

export interface PythonPackageNeed {
  needs: { component: ComponentId; why: string }[];
  /** Packages that ship wheels for common platforms: the need applies only when pip falls back to the sdist. */
  note: string;
}

/** PyPI packages (normalised names) that build C extensions against system libraries. */
export const PYTHON_PACKAGE_NEEDS: Record<string, PythonPackageNeed> = {
  psycopg2: {
    needs: [
      { component: 'libpq-dev', why: 'psycopg2 builds against libpq (pg_config)' },
      { component: 'c-compiler', why: 'psycopg2 is built from source' },
      { component: 'python-headers', why: 'psycopg2 is a C extension' },
    ],
    note: 'psycopg2 has no wheels; psycopg2-binary does',
  },
  mysqlclient: {
    needs: [
      { component: 'pkg-config', why: 'mysqlclient finds libmysqlclient with pkg-config' },
      { component: 'mysqlclient-dev', why: 'mysqlclient builds against libmysqlclient' },
      { component: 'c-compiler', why: 'mysqlclient is built from source where no wheel fits' },
      { component: 'python-headers', why: 'mysqlclient is a C extension' },
    ],
    note: 'Linux has no mysqlclient wheels',
  },
};
