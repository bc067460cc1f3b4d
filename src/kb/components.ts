// One table of install facts: each system component, the rule that diagnoses it missing, the names it goes by in a
// log (program, header, library, pkg-config module, CMake package) and the package that provides it per platform.
// diagnose (rules' fixes), doctor and the Dockerfile scan all read it, so they print the same command.
// Part of kb/: imports nothing outside kb/.

import { LIBRARY_ROWS, type LibraryRow } from './libraries.js';
import type { PackageManager } from './platforms.js';

export type ComponentId =
  | 'rustc'
  | 'cargo'
  | 'rust-target'
  | 'cargo-home'
  | 'linker'
  | 'c-compiler'
  | 'cxx-compiler'
  | 'make'
  | 'perl'
  | 'pkg-config'
  | 'openssl-dev'
  | 'libclang'
  | 'cmake'
  | 'protoc'
  | 'zlib-dev'
  | 'sqlite3-dev'
  | 'libcurl-dev'
  | 'libpq-dev'
  | 'mysqlclient-dev'
  | 'alsa-dev'
  | 'libudev-dev'
  | 'dbus-dev'
  | 'python'
  | 'python-headers'
  | 'ruby-headers'
  | 'maturin'
  | 'libc-dev'
  | 'linux-headers'
  | 'libstdcxx-dev'
  | 'disk'
  | 'memory'
  | 'cargo-chef'
  | 'cargo-zigbuild'
  | 'cargo-xwin'
  | 'cargo-ndk'
  | 'cargo-pgrx'
  | 'cargo-contract'
  | 'cargo-build-sbf'
  | 'cargo-tauri'
  | 'cargo-leptos'
  | 'cargo-make'
  | 'cargo-nextest'
  | 'zig'
  | 'wasm-bindgen'
  | 'bindgen-cli'
  | 'autoconf-archive'
  | BuildToolId;

/** Programs a build runs that no dedicated rule owns: build-tool-missing diagnoses them. */
export type BuildToolId =
  | 'nasm'
  | 'yasm'
  | 'bison'
  | 'valac'
  | 'ghc'
  | 'flex'
  | 'm4'
  | 'autoconf'
  | 'automake'
  | 'libtool'
  | 'ninja'
  | 'meson'
  | 'git'
  | 'patch'
  | 'gperf'
  | 'swig'
  | 'gfortran'
  | 'go'
  | 'node'
  | 'unzip'
  | 'curl'
  | 'wget'
  | 'ccache'
  | 'sccache'
  | 'patchelf'
  | 'rsync'
  | 'xxd'
  | 'texinfo'
  | 'gettext';

export interface Component {
  label: string;
  /** The rule that diagnoses this component missing (absent: doctor-only facts such as disk space). */
  rule?: string;
  /** The rule that diagnoses it older than the project needs (absent: build-tool-too-old, the generic one). */
  tooOldRule?: string;
  /** Distribution packages that provide it; absent managers have no package (see `platform`). */
  packages: Partial<Record<PackageManager, string[]>>;
  /** Install advice where a package manager is not the way (Windows, macOS toolchains, rustup). */
  platform?: { macos?: string; windows?: string; any?: string };
  /** The pkg-config module that proves the headers and library are there. */
  pkgConfig?: string;
  /** A header the development package installs: the fallback evidence when pkg-config itself is missing. */
  header?: string;
  /** Program names (without .exe) a log reports missing for it. */
  programs?: readonly string[];
  /** Other headers, libraries (-l names), CMake find_package names it answers for. */
  headers?: readonly string[];
  libraries?: readonly string[];
  cmake?: readonly string[];
}

const RUSTUP = "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh";
const MSVC =
  'winget install Microsoft.VisualStudio.2022.BuildTools --override "--add Microsoft.VisualStudio.Workload.VCTools --includeRecommended --passive"   # MSVC Build Tools, "Desktop development with C++"';
const XCODE_CLT = 'xcode-select --install   # Xcode Command Line Tools (clang, ld, make)';

/** A program whose package has its name on every manager. */
/** A cargo plugin installed from crates.io with `cargo install` (the crate may differ from the program: tauri-cli). */
function cargoPlugin(label: string, crate: string, programs: readonly string[] = [crate]): Component {
  return { label, rule: 'build-tool-missing', programs, packages: {}, platform: { any: `cargo install --locked ${crate}` } };
}

function sameName(label: string, name: string, extra: Partial<Component> = {}): Component {
  return {
    label,
    rule: 'build-tool-missing',
    programs: [name],
    packages: { apt: [name], dnf: [name], yum: [name], apk: [name], pacman: [name], zypper: [name], brew: [name], nix: [name] },
    ...extra,
  };
}

export const COMPONENTS: Record<ComponentId, Component> = {
  rustc: { label: 'Rust compiler (rustc)', rule: 'rust-toolchain-missing', tooOldRule: 'rustc-too-old', programs: ['rustc'], packages: {}, platform: { any: RUSTUP } },
  cargo: { label: 'cargo', rule: 'rust-toolchain-missing', tooOldRule: 'rustc-too-old', programs: ['cargo', 'rustup'], packages: {}, platform: { any: RUSTUP } },
  'rust-target': { label: 'Rust target', rule: 'rust-target-missing', packages: {} },
  'cargo-home': { label: 'CARGO_HOME', rule: 'cargo-home-readonly', packages: {} },
  linker: { label: 'configured linker', rule: 'linker-not-found', packages: {} },
  'c-compiler': {
    label: 'C compiler and linker (cc)',
    rule: 'c-compiler-missing',
    packages: { apt: ['build-essential'], dnf: ['gcc'], yum: ['gcc'], apk: ['build-base'], pacman: ['base-devel'], zypper: ['gcc'], nix: ['gcc'] },
    platform: { macos: XCODE_CLT, windows: MSVC },
  },
  'cxx-compiler': {
    label: 'C++ compiler (c++)',
    rule: 'cxx-compiler-missing',
    packages: { apt: ['build-essential'], dnf: ['gcc-c++'], yum: ['gcc-c++'], apk: ['build-base'], pacman: ['base-devel'], zypper: ['gcc-c++'], nix: ['gcc'] },
    platform: { macos: XCODE_CLT, windows: MSVC },
  },
  make: {
    label: 'make',
    rule: 'build-tool-missing',
    programs: ['make', 'gmake'],
    packages: { apt: ['make'], dnf: ['make'], yum: ['make'], apk: ['make'], pacman: ['make'], zypper: ['make'], nix: ['gnumake'] },
    platform: { macos: XCODE_CLT, windows: 'winget install ezwinports.make   # or use the MSYS2/MinGW make' },
  },
  perl: {
    label: 'perl',
    rule: 'perl-missing',
    programs: ['perl'],
    // openssl-src's Configure needs core modules Fedora splits out; perl-core pulls them all in.
    // manylinux2014's (CentOS 7) perl-core lacks IPC::Cmd, which OpenSSL's Configure loads.
    packages: { apt: ['perl'], dnf: ['perl-core'], yum: ['perl-core', 'perl-IPC-Cmd'], apk: ['perl'], pacman: ['perl'], zypper: ['perl'], brew: ['perl'], nix: ['perl'] },
    platform: { windows: "winget install StrawberryPerl.StrawberryPerl   # and put C:\\Strawberry\\perl\\bin before Git's usr\\bin on PATH" },
  },
  'pkg-config': {
    label: 'pkg-config',
    rule: 'pkg-config-missing',
    programs: ['pkg-config', 'pkgconf'],
    cmake: ['PkgConfig'],
    packages: { apt: ['pkg-config'], dnf: ['pkgconf-pkg-config'], yum: ['pkgconfig'], apk: ['pkgconf'], pacman: ['pkgconf'], zypper: ['pkg-config'], brew: ['pkgconf'], nix: ['pkg-config'] },
  },
  'openssl-dev': {
    label: 'OpenSSL headers and library',
    rule: 'openssl-dev-missing',
    packages: { apt: ['libssl-dev'], dnf: ['openssl-devel'], yum: ['openssl-devel'], apk: ['openssl-dev'], pacman: ['openssl'], zypper: ['libopenssl-devel'], brew: ['openssl@3'], nix: ['openssl'] },
    platform: { windows: 'vcpkg install openssl:x64-windows-static-md   # or enable the `vendored` feature of openssl' },
    pkgConfig: 'openssl',
    header: 'openssl/ssl.h',
    headers: ['openssl/opensslv.h', 'openssl/crypto.h', 'openssl/evp.h', 'openssl/err.h', 'openssl/conf.h', 'openssl/sha.h', 'openssl/rsa.h', 'openssl/x509.h', 'openssl/bio.h', 'openssl/aes.h', 'openssl/rand.h'],
    cmake: ['OpenSSL'],
  },
  libclang: {
    label: 'libclang',
    rule: 'libclang-missing',
    programs: ['llvm-config'],
    packages: { apt: ['libclang-dev'], dnf: ['clang-devel'], yum: ['clang-devel'], apk: ['clang-dev'], pacman: ['clang'], zypper: ['clang-devel'], brew: ['llvm'], nix: ['llvmPackages.libclang'] },
    platform: { windows: 'winget install LLVM.LLVM   # then set LIBCLANG_PATH=C:\\Program Files\\LLVM\\bin' },
  },
  cmake: {
    label: 'cmake',
    rule: 'cmake-missing',
    tooOldRule: 'cmake-too-old',
    programs: ['cmake', 'cmake3'],
    packages: { apt: ['cmake'], dnf: ['cmake'], yum: ['cmake'], apk: ['cmake'], pacman: ['cmake'], zypper: ['cmake'], brew: ['cmake'], nix: ['cmake'] },
    platform: { windows: 'winget install Kitware.CMake' },
  },
  protoc: {
    label: 'protoc (Protocol Buffers compiler)',
    rule: 'protoc-missing',
    programs: ['protoc'],
    packages: { apt: ['protobuf-compiler'], dnf: ['protobuf-compiler'], yum: ['protobuf-compiler'], apk: ['protobuf-dev', 'protoc'], pacman: ['protobuf'], zypper: ['protobuf-devel'], brew: ['protobuf'], nix: ['protobuf'] },
    platform: { windows: 'winget install Google.Protobuf   # or set PROTOC to a protoc.exe' },
  },
  'zlib-dev': {
    label: 'zlib headers and library',
    rule: 'native-lib-missing',
    packages: { apt: ['zlib1g-dev'], dnf: ['zlib-devel'], yum: ['zlib-devel'], apk: ['zlib-dev'], pacman: ['zlib'], zypper: ['zlib-devel'], brew: ['zlib'], nix: ['zlib'] },
    pkgConfig: 'zlib',
    header: 'zlib.h',
    libraries: ['z', 'zlib'],
    cmake: ['ZLIB'],
  },
  'sqlite3-dev': {
    label: 'SQLite headers and library',
    rule: 'native-lib-missing',
    packages: { apt: ['libsqlite3-dev'], dnf: ['sqlite-devel'], yum: ['sqlite-devel'], apk: ['sqlite-dev'], pacman: ['sqlite'], zypper: ['sqlite3-devel'], brew: ['sqlite'], nix: ['sqlite'] },
    pkgConfig: 'sqlite3',
    header: 'sqlite3.h',
    libraries: ['sqlite3', 'sqlite'],
    cmake: ['SQLite3'],
  },
  'libcurl-dev': {
    label: 'libcurl headers and library',
    rule: 'native-lib-missing',
    packages: { apt: ['libcurl4-openssl-dev'], dnf: ['libcurl-devel'], yum: ['libcurl-devel'], apk: ['curl-dev'], pacman: ['curl'], zypper: ['libcurl-devel'], brew: ['curl'], nix: ['curl'] },
    pkgConfig: 'libcurl',
    header: 'curl/curl.h',
    libraries: ['curl', 'libcurl'],
    cmake: ['CURL'],
  },
  'libpq-dev': {
    label: 'PostgreSQL client library (libpq)',
    rule: 'native-lib-missing',
    programs: ['pg_config'],
    packages: { apt: ['libpq-dev'], dnf: ['libpq-devel'], yum: ['postgresql-devel'], apk: ['libpq-dev'], pacman: ['postgresql-libs'], zypper: ['postgresql-devel'], brew: ['libpq'], nix: ['postgresql'] },
    pkgConfig: 'libpq',
    header: 'libpq-fe.h',
    libraries: ['pq', 'libpq'],
    cmake: ['PostgreSQL'],
  },
  'mysqlclient-dev': {
    label: 'MySQL/MariaDB client library',
    rule: 'native-lib-missing',
    programs: ['mysql_config', 'mariadb_config'],
    packages: { apt: ['default-libmysqlclient-dev'], dnf: ['mariadb-connector-c-devel'], yum: ['mariadb-devel'], apk: ['mariadb-connector-c-dev'], pacman: ['mariadb-libs'], zypper: ['libmariadb-devel'], brew: ['mysql-client'], nix: ['libmysqlclient'] },
    pkgConfig: 'mysqlclient',
    header: 'mysql/mysql.h',
    headers: ['mysql.h'],
    libraries: ['mysqlclient', 'mariadb', 'libmariadb'],
  },
  'alsa-dev': {
    label: 'ALSA headers and library',
    rule: 'native-lib-missing',
    packages: { apt: ['libasound2-dev'], dnf: ['alsa-lib-devel'], yum: ['alsa-lib-devel'], apk: ['alsa-lib-dev'], pacman: ['alsa-lib'], zypper: ['alsa-devel'], nix: ['alsa-lib'] },
    pkgConfig: 'alsa',
    header: 'alsa/asoundlib.h',
    libraries: ['asound', 'alsa'],
    cmake: ['ALSA'],
  },
  'libudev-dev': {
    label: 'libudev headers and library',
    rule: 'native-lib-missing',
    packages: { apt: ['libudev-dev'], dnf: ['systemd-devel'], yum: ['systemd-devel'], apk: ['eudev-dev'], pacman: ['systemd-libs'], zypper: ['libudev-devel'], nix: ['udev'] },
    pkgConfig: 'libudev',
    header: 'libudev.h',
    libraries: ['udev', 'libudev'],
  },
  'dbus-dev': {
    label: 'D-Bus headers and library',
    rule: 'native-lib-missing',
    packages: { apt: ['libdbus-1-dev'], dnf: ['dbus-devel'], yum: ['dbus-devel'], apk: ['dbus-dev'], pacman: ['dbus'], zypper: ['dbus-1-devel'], brew: ['dbus'], nix: ['dbus'] },
    pkgConfig: 'dbus-1',
    header: 'dbus-1.0/dbus/dbus.h',
    headers: ['dbus/dbus.h'],
    libraries: ['dbus-1', 'dbus'],
  },
  python: {
    label: 'Python interpreter',
    rule: 'python-missing',
    packages: { apt: ['python3'], dnf: ['python3'], yum: ['python3'], apk: ['python3'], pacman: ['python'], zypper: ['python3'], brew: ['python3'], nix: ['python3'] },
    platform: { windows: 'winget install Python.Python.3.12   # then reopen the terminal; disable the "App execution aliases" for python.exe if the Store stub still answers' },
  },
  'python-headers': {
    label: 'Python headers (Python.h)',
    rule: 'python-headers-missing',
    packages: { apt: ['python3-dev'], dnf: ['python3-devel'], yum: ['python3-devel'], apk: ['python3-dev'], pacman: ['python'], zypper: ['python3-devel'], brew: ['python3'], nix: ['python3'] },
    header: 'Python.h',
  },
  // A Ruby C extension (a gem's extconf.rb through mkmf, or any compile that includes ruby.h) needs the interpreter's
  // headers, which distributions split from it; macOS's system Ruby takes them from the SDK of the Command Line Tools,
  // and a Ruby built by rbenv, rvm or asdf carries its own.
  'ruby-headers': {
    label: 'Ruby headers (ruby.h)',
    rule: 'native-lib-missing',
    packages: { apt: ['ruby-dev'], dnf: ['ruby-devel'], yum: ['ruby-devel'], apk: ['ruby-dev'], pacman: ['ruby'], zypper: ['ruby-devel'], brew: ['ruby'], nix: ['ruby'] },
    platform: { macos: 'xcode-select --install   # the system Ruby reads its headers from the SDK; a Ruby of rbenv, rvm or asdf carries its own: reinstall that version' },
    header: 'ruby.h',
    headers: ['ruby/ruby.h', 'ruby/config.h'],
  },
  'libc-dev': {
    label: 'C library development headers (stdio.h, sys/types.h, ...)',
    rule: 'libc-headers-missing',
    packages: { apt: ['libc6-dev'], dnf: ['glibc-devel'], yum: ['glibc-devel'], apk: ['musl-dev'], pacman: ['glibc'], zypper: ['glibc-devel'], nix: ['glibc.dev'] },
    platform: { macos: XCODE_CLT, windows: MSVC },
  },
  'linux-headers': {
    label: 'Linux kernel API headers (linux/*.h, asm/*.h)',
    rule: 'libc-headers-missing',
    packages: { apt: ['linux-libc-dev'], dnf: ['kernel-headers'], yum: ['kernel-headers'], apk: ['linux-headers'], pacman: ['linux-api-headers'], zypper: ['linux-glibc-devel'], nix: ['linuxHeaders'] },
  },
  'libstdcxx-dev': {
    label: 'C++ standard library headers (iostream, vector, ...)',
    rule: 'libc-headers-missing',
    // Debian versions the package (libstdc++-12-dev); g++ pulls in the matching one.
    packages: { apt: ['g++'], dnf: ['libstdc++-devel'], yum: ['libstdc++-devel'], apk: ['g++'], pacman: ['gcc'], zypper: ['libstdc++-devel'], nix: ['gcc'] },
    platform: { macos: XCODE_CLT, windows: MSVC },
  },
  maturin: { label: 'maturin', packages: {}, platform: { any: 'pipx install maturin   # or: pip install maturin' } },
  // Cargo plugins: `cargo chef` runs the program cargo-chef from PATH, and cargo answers "no such command: `chef`" when it
  // is not installed. Only well-known plugins are listed, so that a mistyped built-in command stays wrong-build-invocation.
  'cargo-chef': cargoPlugin('cargo-chef (cargo chef)', 'cargo-chef'),
  'cargo-zigbuild': cargoPlugin('cargo-zigbuild (cargo zigbuild; also needs zig)', 'cargo-zigbuild'),
  'cargo-xwin': cargoPlugin('cargo-xwin (cargo xwin)', 'cargo-xwin'),
  'cargo-ndk': cargoPlugin('cargo-ndk (cargo ndk; also needs the Android NDK)', 'cargo-ndk'),
  'cargo-pgrx': cargoPlugin('cargo-pgrx (cargo pgrx; the version must match the pgrx crate)', 'cargo-pgrx', ['cargo-pgrx', 'cargo-pgx']),
  'cargo-contract': cargoPlugin('cargo-contract (cargo contract, ink!)', 'cargo-contract'),
  // cargo build-sbf / build-bpf come with the Solana (Agave) tool suite, not from crates.io.
  'cargo-build-sbf': {
    label: 'cargo-build-sbf (cargo build-sbf, from the Solana/Agave CLI tool suite)',
    rule: 'build-tool-missing',
    programs: ['cargo-build-sbf', 'cargo-build-bpf', 'cargo-test-sbf'],
    packages: {},
    platform: { any: 'sh -c "$(curl -sSfL https://release.anza.xyz/stable/install)"   # the Agave (Solana) CLI tool suite; then put its bin directory on PATH' },
  },
  'cargo-tauri': cargoPlugin('tauri-cli (cargo tauri)', 'tauri-cli', ['cargo-tauri']),
  'cargo-leptos': cargoPlugin('cargo-leptos (cargo leptos)', 'cargo-leptos'),
  'cargo-make': cargoPlugin('cargo-make (cargo make)', 'cargo-make'),
  'cargo-nextest': cargoPlugin('cargo-nextest (cargo nextest)', 'cargo-nextest'),
  disk: { label: 'free disk space', rule: 'disk-full', packages: {} },
  memory: { label: 'available memory', rule: 'out-of-memory', packages: {} },
  // Build tools (build-tool-missing). Package names from each distribution's index.
  nasm: sameName('nasm (x86 assembler)', 'nasm', { platform: { windows: 'winget install NASM.NASM' } }),
  yasm: sameName('yasm (x86 assembler)', 'yasm'),
  bison: sameName('bison (parser generator)', 'bison', { programs: ['bison', 'yacc'], platform: { windows: 'choco install winflexbison3' } }),
  flex: sameName('flex (lexer generator)', 'flex', { programs: ['flex', 'lex'], platform: { windows: 'choco install winflexbison3' } }),
  m4: sameName('GNU m4', 'm4'),
  ghc: sameName('ghc (Glasgow Haskell Compiler)', 'ghc'),
  // Debian and Ubuntu name the package after the compiler, the others after the language.
  valac: { label: 'valac (Vala compiler)', rule: 'build-tool-missing', programs: ['valac'], packages: { apt: ['valac'], dnf: ['vala'], yum: ['vala'], apk: ['vala'], pacman: ['vala'], zypper: ['vala'], brew: ['vala'], nix: ['vala'] } },
  autoconf: sameName('autoconf', 'autoconf', { programs: ['autoconf', 'autoreconf', 'autoheader'] }),
  automake: sameName('automake', 'automake', { programs: ['automake', 'aclocal'] }),
  libtool: {
    label: 'libtool',
    rule: 'build-tool-missing',
    programs: ['libtool', 'libtoolize', 'glibtool', 'glibtoolize'],
    // Debian splits the libtool program (libtool-bin) from libtoolize (libtool).
    packages: { apt: ['libtool', 'libtool-bin'], dnf: ['libtool'], yum: ['libtool'], apk: ['libtool'], pacman: ['libtool'], zypper: ['libtool'], brew: ['libtool'], nix: ['libtool'] },
  },
  ninja: {
    label: 'ninja',
    rule: 'build-tool-missing',
    programs: ['ninja', 'ninja-build'],
    packages: { apt: ['ninja-build'], dnf: ['ninja-build'], yum: ['ninja-build'], apk: ['samurai'], pacman: ['ninja'], zypper: ['ninja'], brew: ['ninja'], nix: ['ninja'] },
    platform: { windows: 'winget install Ninja-build.Ninja' },
  },
  meson: sameName('meson', 'meson', { tooOldRule: 'meson-too-old', platform: { windows: 'pip install meson' } }),
  git: sameName('git', 'git', { platform: { windows: 'winget install Git.Git' } }),
  // zig: cargo-zigbuild and cargo-lambda link with it. Debian 12 has no package (the PyPI wheel `ziglang` ships it).
  zig: {
    label: 'zig (the Zig toolchain)',
    rule: 'build-tool-missing',
    programs: ['zig'],
    packages: { dnf: ['zig'], apk: ['zig'], pacman: ['zig'], brew: ['zig'], nix: ['zig'] },
    platform: { windows: 'winget install zig.zig', any: 'python3 -m pip install ziglang   # or a release from ziglang.org/download, on PATH' },
  },
  // The wasm-bindgen CLI, which trunk and wasm-pack run; its version must equal the wasm-bindgen crate's in Cargo.lock.
  // bindgen's command-line tool, which some build scripts run instead of the bindgen crate (crate bindgen-cli since 0.61).
  'bindgen-cli': cargoPlugin('bindgen-cli (the bindgen command)', 'bindgen-cli', ['bindgen']),
  'wasm-bindgen': cargoPlugin('wasm-bindgen-cli (wasm-bindgen; the same version as the wasm-bindgen crate in Cargo.lock)', 'wasm-bindgen-cli', ['wasm-bindgen']),
  patch: sameName('patch', 'patch'),
  gperf: sameName('gperf', 'gperf'),
  swig: sameName('SWIG', 'swig'),
  gfortran: {
    label: 'Fortran compiler (gfortran)',
    rule: 'fortran-compiler-missing',
    programs: ['gfortran', 'f77', 'f95', 'flang', 'flang-new', 'ifort', 'ifx', 'g95'],
    packages: { apt: ['gfortran'], dnf: ['gcc-gfortran'], yum: ['gcc-gfortran'], apk: ['gfortran'], pacman: ['gcc-fortran'], zypper: ['gcc-fortran'], brew: ['gcc'], nix: ['gfortran'] },
  },
  go: {
    label: 'Go toolchain',
    rule: 'build-tool-missing',
    programs: ['go'],
    packages: { apt: ['golang-go'], dnf: ['golang'], yum: ['golang'], apk: ['go'], pacman: ['go'], zypper: ['go'], brew: ['go'], nix: ['go'] },
    platform: { windows: 'winget install GoLang.Go' },
  },
  node: {
    label: 'Node.js',
    rule: 'build-tool-missing',
    programs: ['node', 'nodejs', 'npm', 'npx'],
    packages: { apt: ['nodejs', 'npm'], dnf: ['nodejs', 'npm'], yum: ['nodejs', 'npm'], apk: ['nodejs', 'npm'], pacman: ['nodejs', 'npm'], zypper: ['nodejs', 'npm'], brew: ['node'], nix: ['nodejs'] },
    platform: { windows: 'winget install OpenJS.NodeJS.LTS' },
  },
  unzip: sameName('unzip', 'unzip'),
  curl: sameName('curl', 'curl'),
  wget: sameName('wget', 'wget'),
  ccache: sameName('ccache', 'ccache'),
  sccache: { label: 'sccache', rule: 'build-tool-missing', programs: ['sccache'], packages: { apk: ['sccache'], pacman: ['sccache'], brew: ['sccache'], nix: ['sccache'] }, platform: { any: 'cargo install sccache   # or unset RUSTC_WRAPPER' } },
  patchelf: sameName('patchelf', 'patchelf'),
  rsync: sameName('rsync', 'rsync'),
  xxd: { label: 'xxd', rule: 'build-tool-missing', programs: ['xxd'], packages: { apt: ['xxd'], dnf: ['vim-common'], yum: ['vim-common'], apk: ['xxd'], pacman: ['vim'], zypper: ['vim'], brew: ['vim'], nix: ['unixtools.xxd'] } },
  texinfo: sameName('texinfo (makeinfo)', 'texinfo', { programs: ['makeinfo'] }),
  gettext: sameName('gettext tools', 'gettext', { programs: ['msgfmt', 'xgettext', 'autopoint'] }),
  // Not a program: the ax_*.m4 macros autoreconf copies into configure (autoconf-macro-missing).
  'autoconf-archive': {
    label: 'the GNU Autoconf Archive (autoconf-archive)',
    rule: 'autoconf-macro-missing',
    packages: { apt: ['autoconf-archive'], dnf: ['autoconf-archive'], yum: ['autoconf-archive'], apk: ['autoconf-archive'], pacman: ['autoconf-archive'], zypper: ['autoconf-archive'], brew: ['autoconf-archive'], nix: ['autoconf-archive'] },
  },
};

// Which component's .m4 file defines an autoconf macro configure.ac calls: the package that must be installed before
// autoreconf runs again. Names and prefixes from the files each package puts in /usr/share/aclocal (Debian 12). A
// macro a project is meant to ship in its own m4/ directory (curl's libcurl.m4) has no row: its fix may be the project's.
const AUTOCONF_MACRO_OWNERS: readonly (readonly [RegExp, ComponentId])[] = [
  [/^PKG_/, 'pkg-config'], // pkg.m4
  [/^AX_/, 'autoconf-archive'], // ax_*.m4
  [/^(?:LT_|AC_LIBTOOL_|(?:AC|AM)_PROG_LIBTOOL$|AC_(?:DISABLE|ENABLE)_(?:SHARED|STATIC)$)/, 'libtool'], // libtool.m4, ltoptions.m4
  [/^AM_(?:GNU_GETTEXT|ICONV|NLS$|PO_SUBDIRS$)/, 'gettext'], // gettext.m4, iconv.m4, nls.m4, po.m4
];

/** The component whose macros include `macro` (PKG_CHECK_MODULES -> pkg-config), or null for a macro no row names. */
export function componentForAutoconfMacro(macro: string): ComponentId | null {
  return AUTOCONF_MACRO_OWNERS.find(([re]) => re.test(macro))?.[1] ?? null;
}

/** What a log can report missing. */
export type EntityKind = 'program' | 'header' | 'library' | 'pkg-config' | 'cmake' | 'python-module';

/** The answer for one entity: which component and rule, and the packages per manager (a guess when `known` is false). */
export interface EntityFact {
  kind: EntityKind;
  name: string;
  component: ComponentId | null;
  rule: string;
  label: string;
  packages: Partial<Record<PackageManager, string[]>>;
  platform?: Component['platform'];
  known: boolean;
}

// The C and C++ compiler drivers, with an optional target prefix, version suffix (gcc-13) or .exe.
const C_COMPILER = /^(?:[\w.-]*-)?(?:cc|gcc|clang)(?:-\d+(?:\.\d+)*)?(?:\.exe)?$/;
const CXX_COMPILER = /^(?:[\w.-]*-)?(?:c\+\+|g\+\+|clang\+\+)(?:-\d+(?:\.\d+)*)?(?:\.exe)?$/;
const PYTHON = /^python(?:[23](?:\.\d+)?)?(?:\.exe)?$|^py$/;
// (nmake ships only with the MSVC Build Tools, on PATH in their developer prompt)
const MSVC_TOOL = /^(?:cl|link|lib|rc|mt|nmake)(?:\.exe)?$/i;

/** Which rule owns a missing program: compilers, interpreters and named tools first, any other program last. */
export function factForProgram(program: string): EntityFact {
  const name = program.replace(/^.*[/\\]/, '');
  const bare = name.replace(/\.exe$/i, '');
  const of = (id: ComponentId): EntityFact => fact('program', name, id);
  if (MSVC_TOOL.test(name)) return { kind: 'program', name, component: null, rule: 'msvc-missing', label: name, packages: {}, known: true };
  if (CXX_COMPILER.test(name)) return of('cxx-compiler');
  if (C_COMPILER.test(name)) return of('c-compiler');
  if (PYTHON.test(name)) return of('python');
  // automake's versioned programs, which a generated Makefile runs (through `missing`) to regenerate aclocal.m4 and
  // Makefile.in: the files came from an automake release that is not installed, so they must be regenerated.
  if (/^(?:aclocal|automake)-\d+\.\d+$/.test(bare)) return { ...of('automake'), rule: 'autotools-bootstrap-needed' };
  const component = BY_PROGRAM.get(bare);
  if (component) return of(component);
  // A library's config script (xslt-config, xml2-config, sdl2-config, curl-config) ships in its development package.
  const configOf = /^(?<lib>[\w+.]+?)-config$/.exec(bare)?.groups?.lib;
  if (configOf && !['pkg', 'llvm', 'python', 'python3', 'gcc'].includes(configOf)) return { ...factForLibrary(configOf), kind: 'program', name };
  return { kind: 'program', name, component: null, rule: 'build-tool-missing', label: name, packages: {}, known: false };
}

/** Which rule owns a program that ran but is older than the project needs: the component's own, else build-tool-too-old. */
export function factForOutdatedProgram(program: string): EntityFact {
  const found = factForProgram(program);
  const rule = found.component ? COMPONENTS[found.component].tooOldRule : undefined;
  return { ...found, rule: rule ?? 'build-tool-too-old' };
}

// A flood of not-found lines asks for a program per line: a lookup, not a walk of every component (the first
// component that lists a program owns it, as the table's order says).
const BY_PROGRAM = new Map<string, ComponentId>();
for (const [id, c] of Object.entries(COMPONENTS) as [ComponentId, Component][]) for (const p of c.programs ?? []) if (!BY_PROGRAM.has(p)) BY_PROGRAM.set(p, id);

function fact(kind: EntityKind, name: string, id: ComponentId): EntityFact {
  const c = COMPONENTS[id];
  return { kind, name, component: id, rule: c.rule ?? 'native-lib-missing', label: c.label, packages: c.packages, platform: c.platform, known: true };
}

const LIBRARY_MANAGERS = ['apt', 'dnf', 'apk', 'pacman', 'zypper', 'brew', 'nix'] as const;

function rowPackages(row: LibraryRow): Partial<Record<PackageManager, string[]>> {
  const out: Partial<Record<PackageManager, string[]>> = {};
  for (const m of LIBRARY_MANAGERS) if (row[m]) out[m] = row[m].split(' ');
  return out;
}

const ROW_BY_NAME = new Map<string, [string[], LibraryRow]>();
for (const entry of LIBRARY_ROWS) for (const n of entry[0]) ROW_BY_NAME.set(n.toLowerCase(), entry);

const COMPONENT_BY = (pick: (c: Component) => readonly (string | undefined)[]) => {
  const map = new Map<string, ComponentId>();
  for (const [id, c] of Object.entries(COMPONENTS) as [ComponentId, Component][]) for (const n of pick(c)) if (n) map.set(n.toLowerCase(), id);
  return map;
};
const BY_LIBRARY = COMPONENT_BY((c) => [...(c.libraries ?? []), c.pkgConfig]);
const BY_HEADER = COMPONENT_BY((c) => [c.header, ...(c.headers ?? [])]);
const BY_CMAKE = COMPONENT_BY((c) => c.cmake ?? []);

/** A library by its -l, .lib or pkg-config name: a component, a row of the library table, or a naming-convention guess. */
export function factForLibrary(library: string, kind: 'library' | 'pkg-config' = 'library'): EntityFact {
  const name = library.toLowerCase().replace(/\.(?:so|a|lib|dylib)$/, '').replace(/\s*[<>=].*$/, '');
  const bare = name.replace(/^lib/, '');
  const id = BY_LIBRARY.get(name) ?? BY_LIBRARY.get(bare);
  if (id) return { ...fact(kind, library, id) };
  const row = ROW_BY_NAME.get(name) ?? ROW_BY_NAME.get(bare);
  if (row) return { kind, name: library, component: null, rule: 'native-lib-missing', label: row[0][0], packages: rowPackages(row[1]), known: true };
  return {
    kind,
    name: library,
    component: null,
    rule: 'native-lib-missing',
    label: library,
    packages: { apt: [`lib${bare}-dev`], dnf: [`${bare}-devel`], apk: [`${bare}-dev`], pacman: [bare], zypper: [`${bare}-devel`], brew: [bare], nix: [bare] },
    known: false,
  };
}

// Headers of the libraries in the table, by the library's name there (the header a -dev package is known by).
const HEADER_LIBRARY: Record<string, string> = {
  'bzlib.h': 'bz2', 'lzma.h': 'lzma', 'zstd.h': 'zstd', 'lz4.h': 'lz4', 'ffi.h': 'ffi', 'libxml/parser.h': 'xml2', 'libxml/xmlversion.h': 'xml2',
  'libxslt/xslt.h': 'xslt', 'expat.h': 'expat', 'libusb.h': 'usb-1.0', 'libusb-1.0/libusb.h': 'usb-1.0', 'sodium.h': 'sodium', 'zmq.h': 'zmq',
  'pcap.h': 'pcap', 'png.h': 'png', 'jpeglib.h': 'jpeg', 'turbojpeg.h': 'jpeg', 'gmp.h': 'gmp', 'ncurses.h': 'ncurses', 'curses.h': 'ncurses',
  'readline/readline.h': 'readline', 'uuid/uuid.h': 'uuid', 'seccomp.h': 'seccomp', 'sys/capability.h': 'cap', 'x11/xlib.h': 'x11',
  'ft2build.h': 'freetype2', 'fontconfig/fontconfig.h': 'fontconfig', 'hb.h': 'harfbuzz', 'krb5.h': 'krb5', 'gssapi/gssapi.h': 'krb5',
  'ldap.h': 'ldap', 'lber.h': 'ldap', 'sasl/sasl.h': 'sasl2', 'magic.h': 'magic', 'archive.h': 'archive', 'yaml.h': 'yaml', 'pcre.h': 'pcre', 'pcre2.h': 'pcre2',
  'tiffio.h': 'tiff', 'webp/decode.h': 'webp', 'event2/event.h': 'event', 'opus/opus.h': 'opus', 'systemd/sd-daemon.h': 'systemd',
  'hdf5.h': 'hdf5', 'mpfr.h': 'mpfr', 'cblas.h': 'cblas', 'lapacke.h': 'lapacke', 'snappy.h': 'snappy', 'git2.h': 'git2', 'libssh2.h': 'ssh2',
  'glib.h': 'glib-2.0', 'cairo.h': 'cairo', 'gtk/gtk.h': 'gtk+-3.0', 'xkbcommon/xkbcommon.h': 'xkbcommon', 'wayland-client.h': 'wayland-client',
  'pulse/pulseaudio.h': 'libpulse', 'jack/jack.h': 'jack', 'hidapi.h': 'hidapi', 'hidapi/hidapi.h': 'hidapi', 'unicode/utypes.h': 'icuuc',
  'tesseract/baseapi.h': 'tesseract', 'leptonica/allheaders.h': 'lept', 'gl/gl.h': 'gl', 'egl/egl.h': 'egl', 'vulkan/vulkan.h': 'vulkan',
  'sdl2/sdl.h': 'sdl2', 'sdl.h': 'sdl2', 'libavcodec/avcodec.h': 'avcodec', 'libavformat/avformat.h': 'avformat', 'iconv.h': 'iconv',
  'boost/config.hpp': 'boost', 'eigen3/eigen/core': 'eigen3', 'google/protobuf/message.h': 'protobuf',
  'portaudio.h': 'portaudio', 'gpm.h': 'gpm', 'sndfile.h': 'sndfile', 'fftw3.h': 'fftw3', 'gdal.h': 'gdal', 'geos_c.h': 'geos_c',
  'proj.h': 'proj', 'cups/cups.h': 'cups', 'sql.h': 'odbc', 'sqlext.h': 'odbc', 'bluetooth/bluetooth.h': 'bluetooth',
  'security/pam_appl.h': 'pam', 'fuse.h': 'fuse', 'lzo/lzo1x.h': 'lzo2', 'gcrypt.h': 'gcrypt', 'gnutls/gnutls.h': 'gnutls',
  'nlohmann/json.hpp': 'nlohmann_json', 'vips/vips.h': 'vips', 'vips/vips8': 'vips',
};

// Headers of the C library (ISO C, POSIX, glibc) and the directories it owns; a compiler that lacks them has no libc dev package.
const LIBC_HEADERS = new Set(
  ('assert complex ctype errno fenv float inttypes iso646 limits locale math setjmp signal stdalign stdarg stdatomic stdbool stddef stdint ' +
    'stdio stdlib stdnoreturn string strings tgmath threads time uchar wchar wctype unistd fcntl dirent pthread dlfcn poll pwd grp netdb ' +
    'regex termios syslog sched semaphore glob fnmatch getopt libgen malloc memory features alloca endian byteswap error ifaddrs langinfo ' +
    'spawn utime utmp wordexp elf link')
    .split(' ')
    .map((h) => `${h}.h`),
);
const LIBC_DIRS = /^(?:sys|bits|gnu|netinet|arpa|net)\//;
const LINUX_DIRS = /^(?:linux|asm|asm-generic)\//;
// The C++ standard library's headers (no extension) and libstdc++'s internal bits/c++config.h.
const CXX_STD_HEADERS = new Set(
  ('iostream istream ostream iosfwd string vector map set list deque queue stack array bitset algorithm functional memory utility tuple ' +
    'type_traits thread mutex atomic chrono condition_variable future fstream sstream iomanip limits stdexcept exception new typeinfo ' +
    'unordered_map unordered_set random regex optional variant any string_view filesystem numeric iterator locale codecvt valarray ' +
    'complex ratio system_error initializer_list span concepts ranges format cassert cctype cerrno cfloat climits clocale cmath csetjmp ' +
    'csignal cstdarg cstddef cstdint cstdio cstdlib cstring ctime cwchar cwctype cinttypes bits/c++config.h')
    .split(' '),
);

// Headers whose directory the build tool itself puts on the include path, never a system include directory: an npm
// package's that a node-gyp addon finds through binding.gyp's include_dirs (nan.h: the nan package; napi.h, napi-inl.h:
// node-addon-api), and the Erlang runtime's that rebar, rebar3 and erlang.mk pass as -I$(ERTS)/include (erl_nif.h,
// erl_driver.h). Missing, they are a dependency absent from node_modules or an include path the tool did not pass,
// neither a system library nor a file of the project's own tree.
const TOOL_INCLUDED_HEADERS = new Set(['nan.h', 'napi.h', 'napi-inl.h', 'erl_nif.h', 'erl_driver.h']);

/** Whether `header` lives in a directory only the build tool adds (a node addon's npm dependency, the Erlang runtime). */
export function isToolIncludedHeader(header: string): boolean {
  return TOOL_INCLUDED_HEADERS.has(header.toLowerCase());
}

/** A header as an #include names it: a component, a library of the table, or unknown (then the file search finds it). */
export function factForHeader(header: string): EntityFact {
  const key = header.toLowerCase();
  const id = BY_HEADER.get(key);
  if (id) return fact('header', header, id);
  if (CXX_STD_HEADERS.has(key)) return fact('header', header, 'libstdcxx-dev');
  if (LINUX_DIRS.test(key)) return fact('header', header, 'linux-headers');
  if (LIBC_HEADERS.has(key) || LIBC_DIRS.test(key)) return fact('header', header, 'libc-dev');
  const library = HEADER_LIBRARY[key] ?? (key.startsWith('openssl/') ? 'ssl' : key.startsWith('boost/') ? 'boost' : undefined);
  if (library) return { ...factForLibrary(library), kind: 'header', name: header };
  return { kind: 'header', name: header, component: null, rule: 'native-lib-missing', label: header, packages: {}, known: false };
}

// Cross toolchains by target triple: the packages that install exactly `<triple>-gcc`/`<triple>-g++` (with their
// binutils, so `<triple>-ld` too). Debian/Ubuntu name them gcc-<triple>; Fedora ships gcc-<arch>-linux-gnu (meant for
// kernels and firmware: no target C library, so userland programs need a sysroot); Arch has a few; MinGW-w64 and
// arm-none-eabi have their own names everywhere.
// Only triples whose package names are known are listed: any other prefix (a vendor's or a Buildroot toolchain) gets
// no package guess.
interface CrossRow {
  c: Partial<Record<PackageManager, string[]>>;
  cxx: Partial<Record<PackageManager, string[]>>;
  platform?: Component['platform'];
}
const debianCross = (triple: string, fedoraArch?: string, arch?: string[]): CrossRow => ({
  c: { apt: [`gcc-${triple}`], ...(fedoraArch ? { dnf: [`gcc-${fedoraArch}-linux-gnu`] } : {}), ...(arch ? { pacman: [arch[0]] } : {}) },
  cxx: { apt: [`g++-${triple}`], ...(fedoraArch ? { dnf: [`gcc-c++-${fedoraArch}-linux-gnu`] } : {}), ...(arch ? { pacman: [arch[1] ?? arch[0]] } : {}) },
});
const MINGW = (apt: string, dnf: string): CrossRow => ({
  c: { apt: [`gcc-mingw-w64-${apt}`], dnf: [`${dnf}-gcc`], pacman: ['mingw-w64-gcc'], apk: ['mingw-w64-gcc'], brew: ['mingw-w64'] },
  cxx: { apt: [`g++-mingw-w64-${apt}`], dnf: [`${dnf}-gcc-c++`], pacman: ['mingw-w64-gcc'], apk: ['mingw-w64-gcc'], brew: ['mingw-w64'] },
});
// The NDK is installed with Android's sdkmanager (or Android Studio), not a system package manager.
const ANDROID_NDK =
  'sdkmanager --install "ndk;<version>"   # Android NDK: put its toolchains/llvm/prebuilt/<host>/bin on PATH, whose compilers are <triple><API>-clang (e.g. aarch64-linux-android21-clang); cargo-ndk sets CC for cargo builds';
const CROSS_TOOLCHAINS: Record<string, CrossRow> = {
  'aarch64-linux-gnu': debianCross('aarch64-linux-gnu', 'aarch64', ['aarch64-linux-gnu-gcc']),
  // Fedora's gcc-arm-linux-gnu installs arm-linux-gnu-gcc, not these names: no dnf package.
  'arm-linux-gnueabihf': debianCross('arm-linux-gnueabihf'),
  'arm-linux-gnueabi': debianCross('arm-linux-gnueabi'),
  'riscv64-linux-gnu': debianCross('riscv64-linux-gnu', 'riscv64', ['riscv64-linux-gnu-gcc']),
  'powerpc64le-linux-gnu': debianCross('powerpc64le-linux-gnu', 'powerpc64le'),
  'powerpc64-linux-gnu': debianCross('powerpc64-linux-gnu', 'powerpc64'),
  'powerpc-linux-gnu': debianCross('powerpc-linux-gnu'),
  's390x-linux-gnu': debianCross('s390x-linux-gnu', 's390x'),
  'i686-linux-gnu': debianCross('i686-linux-gnu'),
  'mips-linux-gnu': debianCross('mips-linux-gnu'),
  'mipsel-linux-gnu': debianCross('mipsel-linux-gnu'),
  'mips64el-linux-gnuabi64': debianCross('mips64el-linux-gnuabi64'),
  'x86_64-w64-mingw32': MINGW('x86-64', 'mingw64'),
  'i686-w64-mingw32': MINGW('i686', 'mingw32'),
  'arm-none-eabi': {
    c: { apt: ['gcc-arm-none-eabi'], dnf: ['arm-none-eabi-gcc-cs'], pacman: ['arm-none-eabi-gcc'], apk: ['gcc-arm-none-eabi'], brew: ['arm-none-eabi-gcc'] },
    cxx: { apt: ['gcc-arm-none-eabi', 'libstdc++-arm-none-eabi-newlib'], dnf: ['arm-none-eabi-gcc-cs-c++'], pacman: ['arm-none-eabi-gcc'], apk: ['g++-arm-none-eabi'], brew: ['arm-none-eabi-gcc'] },
  },
};
// Android NDK compilers: arm-linux-androideabi-clang (old standalone toolchains), armv7a-linux-androideabi21-clang (NDK r19+).
const ANDROID_TRIPLE = /^(?:aarch64|armv7a|arm|i686|x86_64|riscv64)-linux-android(?:eabi)?\d*$/;

/**
 * What installs a target-prefixed compiler or linker (`arm-linux-gnueabihf-gcc`, `aarch64-linux-gnu-g++-12`,
 * `arm-linux-androideabi-clang`): the cross toolchain for its triple, or null when the triple's packages are not known.
 * A version suffix picks Debian's versioned package (gcc-12-aarch64-linux-gnu).
 */
const MUSL_CXX =
  'no distribution packages a musl-g++: install a musl cross toolchain with C++ (musl.cc\'s x86_64-linux-musl-cross) and set CXX_x86_64_unknown_linux_musl=x86_64-linux-musl-g++, build with `cargo zigbuild --target x86_64-unknown-linux-musl`, or build inside an Alpine image (apk add build-base)';

export function crossToolchainFor(program: string, language: 'c' | 'cxx'): { triple: string; packages: Partial<Record<PackageManager, string[]>>; platform?: Component['platform'] } | null {
  const name = program.replace(/^.*[/\\]/, '').replace(/\.exe$/i, '');
  // The musl wrappers cc-rs looks for when a glibc host builds for *-linux-musl: musl-gcc is Debian's musl-tools (and
  // Fedora's musl-gcc, Arch's musl); no distribution ships a musl-g++ (musl-tools wraps the C compiler only).
  // They target the build machine's own architecture, so the triple is only the C library's.
  if (name === 'musl-gcc') return { triple: 'linux-musl', packages: { apt: ['musl-tools'], dnf: ['musl-gcc'], pacman: ['musl'], nix: ['musl'] } };
  if (name === 'musl-g++') return { triple: 'linux-musl', packages: {}, platform: { any: MUSL_CXX } };
  // <triple>-<driver>[-<version>]: the driver is a C/C++ compiler or a linker.
  const m = /^(?<triple>[a-z0-9_]+(?:-[a-z0-9_]+){1,3})-(?:gcc|cc|g\+\+|c\+\+|clang|clang\+\+|ld(?:\.bfd|\.gold)?)(?:-(?<version>\d+))?$/.exec(name);
  if (!m?.groups) return null;
  const { triple, version } = m.groups;
  if (ANDROID_TRIPLE.test(triple)) return { triple, packages: {}, platform: { any: ANDROID_NDK } };
  const row = CROSS_TOOLCHAINS[triple];
  if (!row) return null;
  const packages = { ...row[language] };
  // Debian's versioned cross compilers: gcc-12-aarch64-linux-gnu provides aarch64-linux-gnu-gcc-12.
  if (version && packages.apt) packages.apt = packages.apt.map((p) => p.replace(/^(gcc|g\+\+)-(?!mingw|arm-none)/, `$1-${version}-`));
  return { triple, packages, ...(row.platform ? { platform: row.platform } : {}) };
}

/**
 * The target triple in the name of a target-prefixed C or C++ compiler driver (`aarch64-linux-gnu-gcc`, `arm-none-eabi-g++-12`,
 * `armv7a-linux-androideabi21-clang`, `x86_64-w64-mingw32-gcc.exe`, with or without its directory), else null.
 */
export function compilerTargetTriple(program: string): string | null {
  const name = program.replace(/^.*[/\\]/, '').replace(/\.exe$/i, '');
  return /^(?<triple>[a-z0-9_]+(?:-[a-z0-9_.]+){1,3})-(?:gcc|cc|g\+\+|c\+\+|clang|clang\+\+)(?:-\d+(?:\.\d+)*)?$/.exec(name)?.groups?.triple ?? null;
}

// CMake find_package names (FindXXX modules and the usual config-file packages) of libraries in the table.
const CMAKE_LIBRARY: Record<string, string> = {
  png: 'png', jpeg: 'jpeg', bzip2: 'bz2', liblzma: 'lzma', libxml2: 'xml2', libxslt: 'xslt', expat: 'expat', freetype: 'freetype2',
  fontconfig: 'fontconfig', gmp: 'gmp', protobuf: 'protobuf', x11: 'x11', opengl: 'gl', vulkan: 'vulkan', sdl2: 'sdl2', opencv: 'opencv4',
  hdf5: 'hdf5', blas: 'openblas', lapack: 'lapack', boost: 'boost', eigen3: 'eigen3', curses: 'ncurses', iconv: 'iconv', icu: 'icuuc',
  libarchive: 'archive', tiff: 'tiff', libusb: 'usb-1.0', pcap: 'pcap', zstd: 'zstd', lz4: 'lz4', libffi: 'ffi', sodium: 'sodium', libgit2: 'git2',
};

/** A CMake package (find_package name). Python/Python3 is the Python headers; LLVM/Clang is libclang. */
export function factForCmakePackage(pkg: string): EntityFact {
  const key = pkg.toLowerCase();
  const id = BY_CMAKE.get(key) ?? (/^python[23]?$/.test(key) ? 'python-headers' : /^(?:llvm|clang)$/.test(key) ? 'libclang' : undefined);
  if (id) return fact('cmake', pkg, id);
  // Find modules of programs (FindBISON, FindFLEX, FindGit, FindPerl, FindSWIG): the program is what is missing.
  const program = key === 'perlinterp' ? 'perl' : key === 'pythoninterp' ? 'python' : key;
  const tool = factForProgram(program);
  if (tool.known) return { ...tool, kind: 'cmake', name: program };
  // BoostConfig.cmake (Boost >= 1.70) finds each component as a package of its own: boost_filesystem, boost_thread.
  const library = CMAKE_LIBRARY[key] ?? (/^boost_\w+$/.test(key) ? 'boost' : undefined);
  if (library) return { ...factForLibrary(library), kind: 'cmake', name: pkg };
  // Many packages go by the same name in CMake as in the library table (fmt, spdlog, Qt5Widgets, yaml-cpp).
  const sameName = factForLibrary(pkg);
  if (sameName.known) return { ...sameName, kind: 'cmake', name: pkg };
  return { kind: 'cmake', name: pkg, component: null, rule: 'native-lib-missing', label: pkg, packages: {}, known: false };
}

/** Python modules a build backend imports, and the PyPI distribution that provides each (import name -> PyPI name). */
export const PYTHON_BUILD_MODULES: Record<string, string> = {
  setuptools: 'setuptools',
  pkg_resources: 'setuptools',
  wheel: 'wheel',
  Cython: 'Cython',
  cython: 'Cython',
  numpy: 'numpy',
  pybind11: 'pybind11',
  setuptools_rust: 'setuptools-rust',
  setuptools_scm: 'setuptools-scm',
  maturin: 'maturin',
  cffi: 'cffi',
  skbuild: 'scikit-build',
  scikit_build_core: 'scikit-build-core',
  packaging: 'packaging',
  torch: 'torch',
  mesonpy: 'meson-python',
  hatchling: 'hatchling',
  poetry: 'poetry-core',
  flit_core: 'flit-core',
  versioneer: 'versioneer',
  distutils: 'setuptools',
};

/** Whether `cargo <sub>` names a cargo plugin the table knows (cargo-chef, cargo-zigbuild, ...), not a built-in command. */
export function isKnownCargoPlugin(sub: string): boolean {
  const fact = factForProgram(`cargo-${sub}`);
  return fact.known && fact.rule === 'build-tool-missing';
}
