// Pure manylinux/musllinux policy logic: which policy an ELF object satisfies, and which requirements pin it there.

import type { ElfInfo } from './elf.js';
import { MANYLINUX_POLICIES, MUSLLINUX_POLICIES, SYMBOL_LADDERS, type PolicyFacts } from './policy-data.js';

export interface Policy {
  /** PEP 600 name, e.g. manylinux_2_17 or musllinux_1_2. */
  name: string;
  /** Legacy names (manylinux1, manylinux2010, manylinux2014). */
  aliases: readonly string[];
  libc: 'glibc' | 'musl';
  /** [major, minor] of the libc version the policy targets. */
  version: [number, number];
  facts: PolicyFacts;
  /** Rungs allowed per arch per prefix (synthesised policies differ from facts.rungs in GLIBC). */
  rungs: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

function versionOf(name: string): [number, number] {
  const m = /_(\d+)_(\d+)$/.exec(name);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

function numericAtMost(v: string, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(v);
  if (!m) return false;
  return Number(m[1]) < major || (Number(m[1]) === major && Number(m[2]) <= minor);
}

/**
 * auditwheel's tables list only the glibc versions someone built an image for. PEP 600 allows every
 * manylinux_2_N: the policy for an unlisted N is the next older listed one with its glibc ceiling raised to 2.N
 * (every other library stays as in the older one), so `GLIBC_2.29` yields manylinux_2_29 rather than 2_31.
 */
function buildGlibcPolicies(): Policy[] {
  const listed = [...MANYLINUX_POLICIES].sort((a, b) => versionOf(a.name)[1] - versionOf(b.name)[1]);
  const last = versionOf(listed[listed.length - 1]!.name)[1];
  const out: Policy[] = [];
  for (let minor = 5; minor <= last; minor++) {
    const base = [...listed].reverse().find((p) => versionOf(p.name)[1] <= minor)!;
    const exact = versionOf(base.name)[1] === minor;
    const rungs: Record<string, Record<string, number>> = {};
    for (const [arch, prefixes] of Object.entries(base.rungs)) {
      rungs[arch] = { ...prefixes };
      if (!exact && prefixes.GLIBC !== undefined) {
        const ladder = SYMBOL_LADDERS[arch]?.GLIBC ?? [];
        let n = prefixes.GLIBC;
        while (n < ladder.length && numericAtMost(ladder[n]!, 2, minor)) n++;
        rungs[arch]!.GLIBC = n;
      }
    }
    out.push({ name: `manylinux_2_${minor}`, aliases: exact ? base.aliases : [], libc: 'glibc', version: [2, minor], facts: base, rungs });
  }
  return out;
}

/** Every glibc policy, oldest (most compatible) first. */
export const GLIBC_POLICIES: readonly Policy[] = buildGlibcPolicies();
/** Every musl policy, oldest first. */
export const MUSL_POLICIES: readonly Policy[] = [...MUSLLINUX_POLICIES]
  .sort((a, b) => b.priority - a.priority)
  .map((p) => ({ name: p.name, aliases: p.aliases, libc: 'musl' as const, version: versionOf(p.name), facts: p, rungs: p.rungs }));

export function findPolicy(name: string): Policy | undefined {
  return [...GLIBC_POLICIES, ...MUSL_POLICIES].find((p) => p.name === name || p.aliases.includes(name));
}

/** One thing an object needs that decides which policies it can satisfy. */
export interface Requirement {
  kind: 'symbol-version' | 'library' | 'blacklisted-symbol';
  /** The library (DT_NEEDED / vn_file) involved. */
  library: string;
  /** For symbol-version: the version (GLIBC_2.14); for blacklisted-symbol: the symbol. */
  detail: string;
  /** Symbols that need this version (symbol-version only). */
  symbols: string[];
  /** Index into the policy list of the oldest policy allowing it; Infinity when none does. */
  minPolicy: number;
}

export interface ObjectPolicy {
  libc: 'glibc' | 'musl';
  /** The most compatible policy satisfied, or null when none is (plain linux). */
  policy: Policy | null;
  /** The requirements that set it: the ones whose oldest allowing policy is `policy` (or that no policy allows). */
  blame: Requirement[];
  /** Libraries no policy allows and the wheel does not carry. */
  externalLibraries: string[];
  requirements: Requirement[];
}

/** The loader is never a dependency a wheel must satisfy (auditwheel skips it the same way). */
export function isLoader(lib: string): boolean {
  return lib.startsWith('ld-linux') || lib === 'ld64.so.1' || lib === 'ld64.so.2' || lib.startsWith('ld-musl');
}

export function isMuslObject(elf: ElfInfo): boolean {
  return elf.needed.some((n) => n.startsWith('libc.musl-') || n === 'libc.so') || (elf.interpreter ?? '').includes('ld-musl');
}

function allows(policy: Policy, arch: string, version: string): boolean | 'ignored' {
  const cut = version.indexOf('_');
  const prefix = cut < 0 ? version : version.slice(0, cut);
  const rest = cut < 0 ? '' : version.slice(cut + 1);
  const n = policy.rungs[arch]?.[prefix];
  if (n === undefined) return 'ignored';
  const ladder = SYMBOL_LADDERS[arch]?.[prefix] ?? [];
  const i = ladder.indexOf(rest);
  return i >= 0 && i < n;
}

/**
 * The policy an object satisfies. `bundled` holds the sonames/file names the wheel itself carries, which need no
 * policy (auditwheel repair puts them in <pkg>.libs/). The verdict follows auditwheel's rules: every versioned
 * requirement whose prefix the policy knows (GLIBC, GLIBCXX, CXXABI, GCC, ZLIB, LIBATOMIC) must be in its list,
 * every needed library must be on its whitelist, and no blacklisted symbol may be used.
 */
export function evaluateObject(elf: ElfInfo, arch: string, bundled: ReadonlySet<string>): ObjectPolicy {
  const musl = isMuslObject(elf);
  const policies = (musl ? MUSL_POLICIES : GLIBC_POLICIES).filter((p) => p.rungs[arch] !== undefined);
  const first = (ok: (p: Policy) => boolean): number => {
    const i = policies.findIndex(ok);
    return i < 0 ? Infinity : i;
  };
  const reqs: Requirement[] = [];
  const symbolsByVersion = new Map<string, string[]>();
  for (const s of elf.versionedSymbols) {
    const key = `${s.library}\0${s.version}`;
    const list = symbolsByVersion.get(key) ?? [];
    list.push(s.name);
    symbolsByVersion.set(key, list);
  }
  for (const need of elf.versionNeeds) {
    if (isLoader(need.library) || bundled.has(need.library)) continue;
    for (const v of need.versions) {
      const verdicts = policies.map((p) => allows(p, arch, v));
      if (verdicts.every((x) => x === 'ignored')) continue;
      const idx = verdicts.findIndex((x) => x === true || x === 'ignored');
      reqs.push({ kind: 'symbol-version', library: need.library, detail: v, symbols: symbolsByVersion.get(`${need.library}\0${v}`) ?? [], minPolicy: idx < 0 ? Infinity : idx });
    }
  }
  const external: string[] = [];
  const undefinedSet = new Set(elf.undefinedSymbols);
  for (const lib of elf.needed) {
    if (isLoader(lib) || bundled.has(lib)) continue;
    const libName = musl && lib.startsWith('libc.musl-') ? 'libc.so' : lib;
    const idx = first((p) => p.facts.libWhitelist.includes(libName));
    if (idx === Infinity) external.push(lib);
    reqs.push({ kind: 'library', library: lib, detail: lib, symbols: [], minPolicy: idx });
    for (const p of policies) {
      for (const sym of p.facts.blacklist[libName] ?? []) {
        if (!undefinedSet.has(sym) || reqs.some((r) => r.kind === 'blacklisted-symbol' && r.detail === sym)) continue;
        reqs.push({ kind: 'blacklisted-symbol', library: lib, detail: sym, symbols: [sym], minPolicy: first((q) => !(q.facts.blacklist[libName] ?? []).includes(sym)) });
      }
    }
  }
  const worst = reqs.reduce((m, r) => Math.max(m, r.minPolicy), 0);
  const policy = policies.length === 0 || worst === Infinity ? null : policies[worst]!;
  // Library requirements met by the oldest policy are not interesting blame unless they decide the outcome.
  const blame = reqs.filter((r) => r.minPolicy === worst && (worst > 0 || r.kind !== 'library'));
  return { libc: musl ? 'musl' : 'glibc', policy, blame: worst === 0 ? [] : blame, externalLibraries: external, requirements: reqs };
}

/** Compares policies of the same libc: negative when a is more compatible (older) than b. */
export function comparePolicies(a: Policy, b: Policy): number {
  return a.version[0] - b.version[0] || a.version[1] - b.version[1];
}
