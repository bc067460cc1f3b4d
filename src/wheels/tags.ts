// Pure wheel tag compatibility for a deploy target, following the packaging.tags rules pip uses (sys_tags order).

import { parseWheelFileName } from '../wheel/tags.js';

/** A CPython interpreter on a platform: what `pip install` would run as on the deploy target. */
export interface TargetSpec {
  /** [major, minor] of CPython. */
  python: [number, number];
  /** The platform as pip reports its most specific tag: manylinux_2_36_x86_64, musllinux_1_2_aarch64, macosx_14_0_arm64, win_amd64. */
  platform: string;
  /** Free-threaded build (3.13t): takes cp313t wheels only, and no abi3 (packaging `_abi3_applies`). */
  freeThreaded?: boolean;
}

// packaging/_manylinux.py: on x86_64 and i686 the oldest glibc is 2.5 (manylinux1); elsewhere 2.17 (manylinux2014).
const LEGACY_MANYLINUX: Record<string, string> = { '2_17': 'manylinux2014', '2_12': 'manylinux2010', '2_5': 'manylinux1' };

function manylinuxTags(glibcMinor: number, arch: string): string[] {
  const oldest = arch === 'x86_64' || arch === 'i686' ? 5 : 17;
  const out: string[] = [];
  for (let minor = glibcMinor; minor >= oldest; minor--) {
    out.push(`manylinux_2_${minor}_${arch}`);
    const legacy = LEGACY_MANYLINUX[`2_${minor}`];
    if (legacy) out.push(`${legacy}_${arch}`);
  }
  return out;
}

// packaging.tags._mac_binary_formats: which fat/universal formats an arch can load at a macOS version.
function macBinaryFormats(version: [number, number], arch: string): string[] {
  const older = (v: [number, number]) => version[0] < v[0] || (version[0] === v[0] && version[1] < v[1]);
  const newer = (v: [number, number]) => version[0] > v[0] || (version[0] === v[0] && version[1] > v[1]);
  const formats = [arch];
  if (arch === 'x86_64') {
    if (older([10, 4])) return [];
    formats.push('intel', 'fat64', 'fat32');
  } else if (arch === 'i386') {
    if (older([10, 4])) return [];
    formats.push('intel', 'fat32', 'fat');
  } else if (arch === 'ppc64') {
    if (newer([10, 5]) || older([10, 4])) return [];
    formats.push('fat64');
  } else if (arch === 'ppc') {
    if (newer([10, 6])) return [];
    formats.push('fat32', 'fat');
  }
  if (arch === 'arm64' || arch === 'x86_64') formats.push('universal2');
  if (['x86_64', 'i386', 'ppc64', 'ppc', 'intel'].includes(arch)) formats.push('universal');
  return formats;
}

// packaging.tags.mac_platforms: 10.x counts minors down; 11+ counts majors down (minor 0); 11+ also loads 10.x
// x86_64 binaries, and on arm64 only universal2 ones (arm64 did not exist before 11.0).
function macTags(version: [number, number], arch: string): string[] {
  const out: string[] = [];
  if (version[0] === 10) {
    for (let minor = version[1]; minor >= 0; minor--) for (const f of macBinaryFormats([10, minor], arch)) out.push(`macosx_10_${minor}_${f}`);
  }
  if (version[0] >= 11) {
    for (let major = version[0]; major >= 11; major--) for (const f of macBinaryFormats([major, 0], arch)) out.push(`macosx_${major}_0_${f}`);
    for (let minor = 16; minor >= 4; minor--) {
      if (arch === 'x86_64') for (const f of macBinaryFormats([10, minor], arch)) out.push(`macosx_10_${minor}_${f}`);
      else out.push(`macosx_10_${minor}_universal2`);
    }
  }
  return out;
}

/** Every platform tag the target's pip accepts, most preferred first; throws on a platform it does not know. */
export function platformTags(platform: string): string[] {
  let m = /^manylinux_2_(\d+)_(\w+)$/.exec(platform);
  if (m) return [...manylinuxTags(Number(m[1]), m[2]!), `linux_${m[2]}`];
  m = /^(manylinux1|manylinux2010|manylinux2014)_(\w+)$/.exec(platform);
  if (m) return platformTags(`manylinux_2_${{ manylinux1: 5, manylinux2010: 12, manylinux2014: 17 }[m[1] as 'manylinux1']}_${m[2]}`);
  m = /^musllinux_1_(\d+)_(\w+)$/.exec(platform);
  if (m) {
    const out: string[] = [];
    for (let minor = Number(m[1]); minor >= 0; minor--) out.push(`musllinux_1_${minor}_${m[2]}`);
    return [...out, `linux_${m[2]}`];
  }
  m = /^macosx_(\d+)_(\d+)_(\w+)$/.exec(platform);
  if (m) return macTags([Number(m[1]), Number(m[2])], m[3]!);
  if (/^(win32|win_amd64|win_arm64|linux_\w+)$/.test(platform)) return [platform];
  throw new Error(`unknown target platform '${platform}' (expected e.g. manylinux_2_28_x86_64, musllinux_1_2_x86_64, macosx_11_0_arm64, win_amd64)`);
}

/** pip's supported tags for CPython on the target, most preferred first: packaging.tags.cpython_tags + compatible_tags. */
export function supportedTags(target: TargetSpec): string[] {
  const [major, minor] = target.python;
  const plats = platformTags(target.platform);
  const cp = `cp${major}${minor}`;
  const out: string[] = [];
  const abi = target.freeThreaded ? `${cp}t` : cp;
  for (const p of plats) out.push(`${cp}-${abi}-${p}`);
  // abi3 needs CPython >= 3.2 and a GIL build.
  const abi3 = major === 3 && minor >= 2 && !target.freeThreaded;
  if (abi3) for (const p of plats) out.push(`${cp}-abi3-${p}`);
  for (const p of plats) out.push(`${cp}-none-${p}`);
  if (abi3) for (let m = minor - 1; m >= 2; m--) for (const p of plats) out.push(`cp${major}${m}-abi3-${p}`);
  // compatible_tags: py3X, py3, py3(X-1)...py30 with each platform, then the interpreter with any, then pyN with any.
  const pyRange = [`py${major}${minor}`, `py${major}`];
  for (let m = minor - 1; m >= 0; m--) pyRange.push(`py${major}${m}`);
  for (const v of pyRange) for (const p of plats) out.push(`${v}-none-${p}`);
  out.push(`${cp}-none-any`);
  for (const v of pyRange) out.push(`${v}-none-any`);
  return out;
}

/** Tag -> preference rank (0 best), built once per target. */
export function tagRanks(target: TargetSpec): Map<string, number> {
  const ranks = new Map<string, number>();
  supportedTags(target).forEach((t, i) => {
    if (!ranks.has(t)) ranks.set(t, i);
  });
  return ranks;
}

/** The best rank any tag of the wheel file name gets on the target, or null when pip would not install it there. */
export function wheelRank(fileName: string, ranks: ReadonlyMap<string, number>): number | null {
  const w = parseWheelFileName(fileName);
  if (!w) return null;
  let best: number | null = null;
  for (const py of w.pythonTags) {
    for (const abi of w.abiTags) {
      for (const plat of w.platformTags) {
        const r = ranks.get(`${py}-${abi}-${plat}`);
        if (r !== undefined && (best === null || r < best)) best = r;
      }
    }
  }
  return best;
}
