// Pure wheel tag logic: the file name (PEP 427/491), compressed tag sets, platform tags and whether PyPI takes them.

export interface WheelFileName {
  distribution: string;
  version: string;
  build: string | null;
  pythonTags: string[];
  abiTags: string[];
  platformTags: string[];
}

/** Parses `{dist}-{version}(-{build})?-{python}-{abi}-{platform}.whl`; null when the name does not have that shape. */
export function parseWheelFileName(fileName: string): WheelFileName | null {
  if (!fileName.endsWith('.whl')) return null;
  const parts = fileName.slice(0, -4).split('-');
  if (parts.length !== 5 && parts.length !== 6) return null;
  if (parts.some((p) => p === '')) return null;
  const [distribution, version] = parts as [string, string];
  const build = parts.length === 6 ? parts[2]! : null;
  const [py, abi, plat] = parts.slice(-3) as [string, string, string];
  return { distribution, version, build, pythonTags: py.split('.'), abiTags: abi.split('.'), platformTags: plat.split('.') };
}

export type PlatformKind = 'any' | 'manylinux' | 'musllinux' | 'linux' | 'macos' | 'windows' | 'other';

export interface PlatformTag {
  tag: string;
  kind: PlatformKind;
  arch: string | null;
  /** manylinux: glibc [major, minor]; musllinux: musl [major, minor]; macos: [major, minor] of the minimum OS. */
  version: [number, number] | null;
  /** PEP 600 name of the policy the tag claims (manylinux2014_x86_64 -> manylinux_2_17). */
  policy: string | null;
}

const LEGACY: Record<string, [number, number]> = { manylinux1: [2, 5], manylinux2010: [2, 12], manylinux2014: [2, 17] };

export function parsePlatformTag(tag: string): PlatformTag {
  if (tag === 'any') return { tag, kind: 'any', arch: null, version: null, policy: null };
  let m = /^(manylinux1|manylinux2010|manylinux2014)_(.+)$/.exec(tag);
  if (m) {
    const v = LEGACY[m[1]!]!;
    return { tag, kind: 'manylinux', arch: m[2]!, version: v, policy: `manylinux_${v[0]}_${v[1]}` };
  }
  m = /^(manylinux|musllinux)_(\d+)_(\d+)_(.+)$/.exec(tag);
  if (m) {
    const v: [number, number] = [Number(m[2]), Number(m[3])];
    return { tag, kind: m[1] as 'manylinux' | 'musllinux', arch: m[4]!, version: v, policy: `${m[1]}_${v[0]}_${v[1]}` };
  }
  m = /^linux_(.+)$/.exec(tag);
  if (m) return { tag, kind: 'linux', arch: m[1]!, version: null, policy: null };
  m = /^macosx_(\d+)_(\d+)_(.+)$/.exec(tag);
  if (m) return { tag, kind: 'macos', arch: m[3]!, version: [Number(m[1]), Number(m[2])], policy: null };
  m = /^win(32|_amd64|_arm64|_ia64)$/.exec(tag);
  if (m) return { tag, kind: 'windows', arch: m[1] === '32' ? 'x86' : m[1]!.slice(1), version: null, policy: null };
  return { tag, kind: 'other', arch: null, version: null, policy: null };
}

// What PyPI (warehouse, forklift/legacy.py) accepts as a platform tag: a fixed list, plus macOS, manylinux,
// musllinux, iOS and Android patterns with known architectures. Everything else (notably linux_x86_64) is refused.
const PYPI_FIXED = new Set(['any', 'win32', 'win_amd64', 'win_arm64', 'win_ia64', 'linux_armv6l', 'linux_armv7l']);
const PYPI_MANYLINUX_ARCHES = new Set(['x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64', 'ppc64le', 's390x', 'riscv64']);
const PYPI_MUSLLINUX_ARCHES = new Set(['x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64le', 's390x']);
const PYPI_MAC_ARCHES = new Set(['ppc', 'ppc64', 'i386', 'x86_64', 'arm64', 'intel', 'fat', 'fat3', 'fat32', 'fat64', 'universal', 'universal2']);
// ios_13_0_arm64_iphoneos, android_21_arm64_v8a (PEP 730, PEP 738).
const PYPI_MOBILE = /^(ios_\d+_\d+_(arm64|x86_64)_(iphoneos|iphonesimulator)|android_\d+_(armeabi_v7a|arm64_v8a|x86|x86_64))$/;

export function pypiAcceptsPlatform(p: PlatformTag): boolean {
  if (PYPI_FIXED.has(p.tag)) return true;
  if (p.kind === 'manylinux') return PYPI_MANYLINUX_ARCHES.has(p.arch ?? '');
  if (p.kind === 'musllinux') return PYPI_MUSLLINUX_ARCHES.has(p.arch ?? '');
  if (p.kind === 'macos') return (p.version?.[0] ?? 0) >= 10 && PYPI_MAC_ARCHES.has(p.arch ?? '');
  return PYPI_MOBILE.test(p.tag);
}

/** Extension module suffixes: `.abi3.so` is the stable ABI; `.cpython-311-x86_64-linux-gnu.so` is one interpreter. */
export function extensionAbi(fileName: string): 'abi3' | 'cpython' | 'plain' | null {
  if (/\.abi3\.(so|pyd)$/.test(fileName)) return 'abi3';
  if (/\.(cpython|pypy|graalpy)[-\w.]*\.(so|pyd)$/.test(fileName)) return 'cpython';
  if (/\.(so|pyd)$/.test(fileName)) return 'plain';
  return null;
}

/** PEP 503 name normalisation (also applied to versions, loosely, to compare the file name with METADATA). */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '_');
}
