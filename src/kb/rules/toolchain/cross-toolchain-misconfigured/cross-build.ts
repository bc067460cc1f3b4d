// What a log shows of a cross build, for cross-toolchain-misconfigured: the lines that say the build targets another
// machine than the one it runs on (support patterns that never decide alone), and the decision whether a missing or
// broken target-prefixed compiler (`arm-linux-gnueabihf-gcc: not found`, its `cc1` missing) belongs to a cross build.
//
// A prefixed name alone does not decide it: Debian names its native compilers by their triple too, and Python's
// build_ext runs `arm-linux-gnueabihf-gcc` on Raspberry Pi OS and `aarch64-linux-gnu-gcc` on arm64, where a missing one
// is build-essential (c-compiler-missing). Decisive are a toolchain name no distribution gives its native compiler
// (bare-metal `-none-`/`-elf`/`-eabi`, Android, Buildroot/Yocto/OpenWrt SDKs), or a line of the log that shows the
// cross build: cc-rs's TARGET and HOST that differ, CROSS_COMPILE= or a kernel ARCH= for another CPU, Kbuild's separate
// HOSTCC, configure's --host, a CMake toolchain file or CMAKE_SYSTEM_NAME, a CC= naming the prefixed compiler, or a
// macOS or Windows path beside a compiler for Linux. An x86-64 Linux triple (the usual build machine's own) counts
// only with cc-rs's TARGET/HOST or such a foreign host path.

import type { LinePattern, PatternHit } from '../../../rule.js';

export const CROSS_CONTEXT_PATTERNS: readonly LinePattern[] = [
  {
    id: 'ccrs-target',
    // cc-rs's environment dump in a build script's output (all versions): `TARGET = Some("aarch64-unknown-linux-gnu")`
    source: 'cc-rs (Rust build scripts)',
    literals: ['TARGET = Some("'],
    re: /^TARGET = Some\("(?<_ccTarget>[\w.-]{1,80})"\)/,
    weight: 0.01,
  },
  {
    id: 'ccrs-host',
    // cc-rs's environment dump: `HOST = Some("x86_64-unknown-linux-gnu")`
    source: 'cc-rs (Rust build scripts)',
    literals: ['HOST = Some("'],
    re: /^HOST = Some\("(?<_ccHost>[\w.-]{1,80})"\)/,
    weight: 0.01,
  },
  {
    id: 'cross-compile-set',
    // a kernel, U-Boot or firmware build's command line or environment: "make ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf-",
    // "export CROSS_COMPILE=aarch64-linux-gnu-", cc-rs's dump `CROSS_COMPILE = Some("arm-linux-gnueabihf-")` (not "= None")
    source: 'GNU make command lines, cc-rs',
    literals: ['CROSS_COMPILE'],
    re: /\bCROSS_COMPILE(?: = Some\("|\s{0,2}[:?]?=\s{0,2}["']?)(?!None\b)[^\s"')]/,
    weight: 0.01,
  },
  {
    id: 'kernel-arch-set',
    // Linux/U-Boot make for another CPU: "make ARCH=arm64 defconfig", "ARCH=arm CROSS_COMPILE=... make zImage"
    source: 'Linux kernel / U-Boot make command lines',
    literals: ['ARCH='],
    re: /(?:^|\s)ARCH=["']?(?:arm|arm64|aarch64|riscv|mips|powerpc|loongarch|arc|microblaze|xtensa|nios2|m68k|sh|s390|sparc|csky|openrisc)\b/,
    weight: 0.01,
  },
  {
    id: 'kbuild-hostcc',
    // Kbuild's quiet output (Linux, U-Boot, Buildroot): "  HOSTCC  scripts/basic/fixdep": the build keeps a host compiler
    // apart from its target CC, so a prefixed CC in it is CROSS_COMPILE's
    source: 'Kbuild',
    literals: ['HOSTCC '],
    re: /^HOSTCC\s{1,8}\S/,
    weight: 0.01,
  },
  {
    id: 'configure-host-set',
    // autoconf configure run for another host: "./configure --host=arm-linux-gnueabihf", "--host aarch64-linux-gnu"
    source: 'autoconf configure command lines',
    literals: ['--host'],
    re: /(?:^|\s)--host[= ]["']?[a-z0-9_]{1,20}-[a-z0-9_.-]{1,60}/,
    weight: 0.01,
  },
  {
    id: 'cmake-cross-set',
    // CMake told the target: "-DCMAKE_TOOLCHAIN_FILE=arm.cmake", "-DCMAKE_SYSTEM_NAME=Linux" (CMake then sets
    // CMAKE_CROSSCOMPILING); vcpkg's and conan's toolchain files are package managers', not cross builds
    source: 'CMake command lines and caches',
    literals: ['CMAKE_TOOLCHAIN_FILE', 'CMAKE_SYSTEM_NAME', 'CMAKE_CROSSCOMPILING'],
    re: /CMAKE_TOOLCHAIN_FILE(?::\w{1,10})?=["']?(?![^\s"']{0,300}(?:vcpkg|conan_toolchain)\.cmake)\S|CMAKE_SYSTEM_NAME(?::\w{1,10})?=["']?\w|CMAKE_CROSSCOMPILING(?::\w{1,10})?=["']?(?:ON|TRUE|1)\b/,
    weight: 0.01,
  },
  {
    id: 'prefixed-compiler-assigned',
    // a command line or environment choosing a prefixed compiler: "make CC=arm-linux-gnueabihf-gcc",
    // "export CXX=aarch64-linux-gnu-g++", "TARGET_CC=...", "CC_aarch64_unknown_linux_gnu=...", "-DCMAKE_C_COMPILER=riscv64-linux-gnu-gcc"
    source: 'make / configure / cargo / CMake command lines',
    literals: ['CC=', 'CXX=', '_COMPILER='],
    re: /(?:^|\s)(?:export\s)?(?:-DCMAKE_(?:C|CXX)_COMPILER(?::\w{1,10})?|CC|CXX|TARGET_CC|TARGET_CXX|CC_[\w-]{1,60}|CXX_[\w-]{1,60})=["']?(?:\S{0,200}[/\\])?(?<_assigned>[a-z0-9_]{1,20}(?:-[a-z0-9_.]{1,20}){1,3}-(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+))(?:-\d{1,3})?(?:["'\s]|$)/,
    weight: 0.01,
  },
  {
    id: 'foreign-host-path',
    // where the build runs, from its paths: a macOS home or Homebrew prefix ("/Users/andrew/...", "/opt/homebrew/"), a
    // Windows home ("C:\\Users\\andrew\\..."; not a tool's install path such as C:\\Program Files, which other shapes quote);
    // beside a compiler for Linux, that compiler is a cross compiler
    source: 'paths in any tool output',
    literals: ['/Users/', '/opt/homebrew/', ':\\Users\\'],
    re: /(?<_macHost>(?:^|[\s"'`(=])(?:\/Users\/[^\s/]{1,64}\/|\/opt\/homebrew\/))|(?<_windowsHost>(?:^|[\s"'`(=])[A-Za-z]:\\Users\\[^\s\\]{1,64}\\)/,
    weight: 0.01,
  },
  {
    id: 'termux-path',
    // Termux, a Linux userland on Android: its prefix "/data/data/com.termux/files/usr"; there the native compilers are
    // the Android ones (arm-linux-androideabi-gcc, aarch64-linux-android-clang), so such a name is no cross compiler
    source: 'paths in any tool output',
    literals: ['/data/data/com.termux/'],
    re: /\/data\/data\/com\.termux\//,
    weight: 0.01,
  },
  {
    id: 'goos-windows',
    // Go told to build for Windows: "GOOS=windows go build", "set GOOS=windows", `go env` lines `GOOS="windows"`
    source: 'Go command lines and go env',
    literals: ['GOOS=windows', 'GOOS="windows"', "GOOS='windows'"],
    re: /\bGOOS=["']?windows\b/,
    weight: 0.01,
  },
];

export const CROSS_CONTEXT_IDS: ReadonlySet<string> = new Set(CROSS_CONTEXT_PATTERNS.map((p) => p.id));

// Toolchains no distribution installs as its native compiler: bare-metal (arm-none-eabi, aarch64-none-elf,
// riscv64-unknown-elf, ARM's arm-none-linux-gnueabihf), Android's NDK, and the SDKs of Buildroot, Yocto (poky) and OpenWrt.
const FOREIGN_ONLY = /(?:^|-)none(?:-|$)|-elf$|-eabi(?:hf)?$|android|-(?:buildroot|poky|openwrt)-/;

// The x86-64 Linux build machine's own compiler names (Debian, Gentoo/Arch, Fedora, SUSE, Alpine, conda).
const X86_64_HOST = /^(?:x86_64|amd64)-(?:(?:pc|unknown|redhat|suse|conda(?:_cos\d{1,2})?)-)?linux(?:-gnu)?$|^x86_64-alpine-linux-musl$/;

/** A rust or GNU triple without its vendor and ABI parts: arch and operating system, for comparing cc-rs's TARGET and HOST. */
function archOs(triple: string): string {
  const [arch = '', ...rest] = triple.split('-');
  const os = rest.find((p) => /^(?:linux|darwin|windows|freebsd|netbsd|openbsd|android|ios|none|wasi|unknown)$/.test(p)) ?? '';
  return `${arch.replace(/^(?:armv7|armv6|armv5te|thumbv7neon)\w*$/, 'arm')}-${os}`;
}

/** The first line where cc-rs names a TARGET unlike its HOST, and what it says. */
function ccrsCrossTarget(hits: readonly PatternHit[]): { hit: PatternHit; target: string; host: string } | null {
  const target = hits.find((h) => h.pattern === 'ccrs-target');
  const host = hits.find((h) => h.pattern === 'ccrs-host');
  if (!target || !host) return null;
  const t = target.captures._ccTarget;
  const hst = host.captures._ccHost;
  return t && hst && archOs(t) !== archOs(hst) ? { hit: target, target: t, host: hst } : null;
}

export interface CrossEvidence {
  /** Why the log shows a cross build, as a phrase: "the command line sets CROSS_COMPILE". */
  reason: string;
  /** The line that shows it, when one does (a toolchain's name alone has none). */
  hit?: PatternHit;
}

/**
 * Whether the log shows that a compiler for `triple` is a cross compiler of this build (see the header), and why; null
 * when it may be the machine's own.
 */
export function crossBuildFor(triple: string, hits: readonly PatternHit[]): CrossEvidence | null {
  // On Termux the Android toolchains are the machine's own: a missing one is its compiler package (c-compiler-missing).
  if (/android/.test(triple) && hits.some((h) => h.pattern === 'termux-path')) return null;
  if (FOREIGN_ONLY.test(triple)) return { reason: `\`${triple}\` names a toolchain for another system (no distribution installs one as its native compiler)` };
  const ccrs = ccrsCrossTarget(hits);
  if (ccrs) return { reason: `cc-rs builds for TARGET ${ccrs.target} on HOST ${ccrs.host}`, hit: ccrs.hit };
  if (/linux/.test(triple)) {
    const foreign = hits.find((h) => h.pattern === 'foreign-host-path');
    if (foreign) return { reason: `the build runs on ${foreign.captures._macHost ? 'macOS' : 'Windows'} (its paths say so), where no compiler for Linux is native`, hit: foreign };
  }
  if (X86_64_HOST.test(triple)) return null;
  const weak: [string, string][] = [
    ['cross-compile-set', 'the build sets CROSS_COMPILE'],
    ['kernel-arch-set', 'the build sets a kernel ARCH= for another CPU'],
    ['kbuild-hostcc', 'Kbuild keeps a separate host compiler (HOSTCC), so its prefixed CC is the cross compiler'],
    ['configure-host-set', 'configure is given --host'],
    ['cmake-cross-set', 'CMake is given a toolchain file or a target system'],
    ['prefixed-compiler-assigned', 'the build is told to use this prefixed compiler'],
  ];
  for (const [id, reason] of weak) {
    const hit = hits.find((h) => h.pattern === id);
    if (hit) return { reason, hit };
  }
  return null;
}

/** Whether the log shows a build for Windows (Go's GOOS, cc-rs's TARGET), for a Windows SDK header that was not found. */
export function windowsTargetShown(hits: readonly PatternHit[]): PatternHit | undefined {
  return hits.find((h) => h.pattern === 'goos-windows' || (h.pattern === 'ccrs-target' && /windows/.test(h.captures._ccTarget ?? '')));
}

// Debian's architecture names of the GNU triples its cross toolchains use, for the target's multiarch packages.
const DEBIAN_ARCH: readonly [RegExp, string][] = [
  [/^aarch64-linux-gnu$/, 'arm64'],
  [/^arm-linux-gnueabihf$/, 'armhf'],
  [/^arm-linux-gnueabi$/, 'armel'],
  [/^i[3-6]86-linux-gnu$/, 'i386'],
  [/^riscv64-linux-gnu$/, 'riscv64'],
  [/^powerpc64le-linux-gnu$/, 'ppc64el'],
  [/^s390x-linux-gnu$/, 's390x'],
  [/^mips64el-linux-gnuabi64$/, 'mips64el'],
  [/^mipsel-linux-gnu$/, 'mipsel'],
  [/^x86_64-linux-gnu$/, 'amd64'],
];

/** Debian's architecture for a GNU triple (`aarch64-linux-gnu` -> `arm64`), or undefined. */
export function debianArchOf(triple: string): string | undefined {
  return DEBIAN_ARCH.find(([re]) => re.test(triple))?.[1];
}

// A cross linker by its path: Debian/Ubuntu's "/usr/lib/gcc-cross/aarch64-linux-gnu/12/../../../../aarch64-linux-gnu/bin/ld:",
// a toolchain tree's "<triple>/bin/ld:", or binutils' "<triple>-ld:" run directly.
const CROSS_LINKER = /[\\/]gcc-cross[\\/](?<t1>[a-z0-9_]{1,20}(?:-[a-z0-9_]{1,20}){1,3})[\\/]|(?:^|[\s/\\])(?<t2>[a-z0-9_]{1,20}(?:-[a-z0-9_]{1,20}){1,3})[\\/]bin[\\/]ld(?:\.\w{1,6})?(?:\.exe)? ?:|(?:^|[\s/\\])(?<t3>[a-z0-9_]{1,20}(?:-[a-z0-9_]{1,20}){1,3})-ld(?:\.\w{1,6})?(?:\.exe)? ?:/;

// A linker that runs on Windows (`ld.exe`, a drive-letter path) for a Windows triple is MinGW's or MSYS's own, in the
// `<triple>/bin/ld.exe` layout of every native MinGW-w64 install (MSYS2's mingw64/, chocolatey's mingw): not a cross one.
const WINDOWS_TRIPLE = /-(?:w64-)?mingw32$|-pc-(?:msys|cygwin)$/;
const RUNS_ON_WINDOWS = /(?:^|\s)[A-Za-z]:[\\/]|\bld\.exe ?:/;

/** The target triple of the cross linker that printed a line ("…/gcc-cross/arm-linux-gnueabihf/…/ld: cannot find -lz"), or undefined. */
export function crossLinkerTriple(line: string): string | undefined {
  const g = CROSS_LINKER.exec(line)?.groups;
  const triple = g?.t1 ?? g?.t2 ?? g?.t3;
  if (!triple || X86_64_HOST.test(triple)) return undefined;
  return WINDOWS_TRIPLE.test(triple) && RUNS_ON_WINDOWS.test(line) ? undefined : triple;
}
