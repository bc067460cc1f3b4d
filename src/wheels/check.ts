// Pure check: for each dependency, which file pip would install on the target (a wheel, or an sdist it must build),
// and the ways out (a newer version with a wheel, another Python, binary-only install, a toolchain).

import { compare, explain, satisfies, valid } from '@renovatebot/pep440';
import type { IndexFile } from './pypi/simple-api.js';
import { normalizePackageName } from '../project/python.js';
import { KNOWN_PYTHONS } from './python-target.js';
import { parseWheelFileName } from '../wheel/tags.js';
import { buildNeeds, type BuildNeeds } from './build-needs.js';
import { evaluateMarker, markerEnv } from './markers.js';
import type { Dependency, InstallSettings } from './model.js';
import { tagRanks, wheelRank, type TargetSpec } from './tags.js';

export type VerdictStatus = 'wheel' | 'source-build' | 'no-candidate' | 'unknown';

export interface PackageVerdict {
  dep: Dependency;
  status: VerdictStatus;
  /** The version pip would install (null when none / unknown). */
  version: string | null;
  /** The file pip would install. */
  file: string | null;
  /** Why the status is unknown or no-candidate. */
  reason: string | null;
  /** Binary-only applies to this package (--only-binary / PIP_ONLY_BINARY). */
  binaryOnly: boolean;
  /** The newest release with a wheel for the target, and whether the dependency's specifier allows it. */
  newestWithWheel: { version: string; allowed: boolean } | null;
  /** CPython versions (major.minor) the chosen version has a wheel for on this platform, newest first. */
  pythonsWithWheel: string[];
  needs: BuildNeeds | null;
}

/** The file lists a check can use: from the index (by normalised name) and/or a lock file. */
export type IndexFiles = ReadonlyMap<string, IndexFile[]>;

const SDIST = /\.(tar\.gz|zip|tar\.bz2|tgz)$/;

/** Version of a distribution file, or null (wheel: from the name; sdist: after the project-name prefix). */
export function fileVersion(filename: string, normalized: string): string | null {
  if (filename.endsWith('.whl')) return parseWheelFileName(filename)?.version ?? null;
  const m = SDIST.exec(filename);
  if (!m) return null;
  const stem = filename.slice(0, -m[0].length);
  // sdist names are `{name}-{version}`; old ones keep '-' in the name (argon2-cffi-bindings-21.2.0.tar.gz).
  for (let i = stem.indexOf('-'); i > 0; i = stem.indexOf('-', i + 1)) {
    if (normalizePackageName(stem.slice(0, i)) === normalized) return stem.slice(i + 1);
  }
  return null;
}

const isPre = (v: string) => explain(v)?.is_prerelease ?? false;

function safeSatisfies(v: string, spec: string): boolean {
  if (!spec) return true;
  try {
    // Pre-release policy is decided by the caller (packaging SpecifierSet.filter rules), not per version here.
    return satisfies(v, spec, { prereleases: true });
  } catch {
    return false;
  }
}

interface VersionFiles {
  version: string;
  wheels: IndexFile[];
  sdists: IndexFile[];
}

function byVersion(files: IndexFile[], normalized: string): VersionFiles[] {
  const map = new Map<string, VersionFiles>();
  for (const f of files) {
    const raw = fileVersion(f.filename, normalized);
    const key = raw ? valid(raw) : null;
    if (!raw || !key) continue;
    // Keyed by the normalised form (v1.0.POST1 → 1.0.post1), so a page of thousands of files groups in one pass.
    const entry = map.get(key) ?? { version: raw, wheels: [], sdists: [] };
    (f.filename.endsWith('.whl') ? entry.wheels : entry.sdists).push(f);
    map.set(key, entry);
  }
  return [...map.values()].sort((a, b) => compare(b.version, a.version));
}

// A project page repeats a handful of requires-python strings on thousands of files; PEP 440 parsing is the cost.
const pythonOkCache = new Map<string, boolean>();

function pythonOk(f: IndexFile, python: string): boolean {
  if (!f.requiresPython) return true;
  const key = `${python}\0${f.requiresPython}`;
  let ok = pythonOkCache.get(key);
  if (ok === undefined) {
    ok = safeSatisfies(`${python}.0`, f.requiresPython);
    if (pythonOkCache.size > 10_000) pythonOkCache.clear();
    pythonOkCache.set(key, ok);
  }
  return ok;
}

function bestWheel(v: VersionFiles, target: TargetSpec, ranks: ReadonlyMap<string, number>, allowYanked: boolean): IndexFile | null {
  const py = `${target.python[0]}.${target.python[1]}`;
  let best: { f: IndexFile; r: number } | null = null;
  for (const f of v.wheels) {
    if ((f.yanked !== false && !allowYanked) || !pythonOk(f, py)) continue;
    const r = wheelRank(f.filename, ranks);
    if (r !== null && (!best || r < best.r)) best = { f, r };
  }
  return best?.f ?? null;
}

function usableSdist(v: VersionFiles, target: TargetSpec, allowYanked: boolean): IndexFile | null {
  const py = `${target.python[0]}.${target.python[1]}`;
  return v.sdists.find((f) => (f.yanked === false || allowYanked) && pythonOk(f, py)) ?? null;
}

/** Whether the dependency applies on the target (its marker holds; an unreadable marker counts as applying). */
export function dependencyApplies(dep: Dependency, target: TargetSpec): boolean {
  if (!dep.marker) return true;
  try {
    return evaluateMarker(dep.marker, markerEnv(target));
  } catch {
    return true;
  }
}

function binaryOnlyFor(name: string, settings: InstallSettings): boolean {
  if (settings.noBinary.has(name)) return false;
  return settings.onlyBinary.has(':all:') || settings.onlyBinary.has(name);
}

/** Judges one dependency; `files` are every file the index (or lock) lists for the project, null when unknown. */
export function judgeDependency(dep: Dependency, files: IndexFile[] | null, target: TargetSpec, settings: InstallSettings, unknownReason = 'no file list'): PackageVerdict {
  const binaryOnly = binaryOnlyFor(dep.normalized, settings);
  const base: PackageVerdict = { dep, status: 'unknown', version: dep.version, file: null, reason: null, binaryOnly, newestWithWheel: null, pythonsWithWheel: [], needs: null };
  const all = [...(files ?? [])];
  // A lock's recorded files belong to the locked version; add those the index page did not list.
  for (const name of dep.lockedFiles ?? []) if (!all.some((f) => f.filename === name)) all.push({ filename: name, url: '', requiresPython: null, yanked: false });
  if (!all.length) return { ...base, reason: unknownReason };
  const ranks = tagRanks(target);
  const versions = byVersion(all, dep.normalized);
  const allowsPre = /\d(a|b|rc|dev)/.test(dep.specifier);
  // pip skips yanked files unless the requirement pins that version with == (PEP 592).
  const pinned = dep.version !== null;
  let chosen: VersionFiles | undefined;
  if (pinned) {
    chosen = versions.find((v) => compare(v.version, dep.version!) === 0);
    if (!chosen) return { ...base, status: 'no-candidate', reason: `the index lists no files for ${dep.name} ${dep.version}` };
  } else {
    const pick = (pre: boolean) => versions.find((v) => (pre || !isPre(v.version)) && safeSatisfies(v.version, dep.specifier)
      && (bestWheel(v, target, ranks, false) || (!binaryOnly && usableSdist(v, target, false))));
    // packaging's SpecifierSet.filter: pre-releases only when asked for, or when no final release matches.
    chosen = pick(allowsPre) ?? pick(true);
  }
  const newest = versions.find((v) => !isPre(v.version) && bestWheel(v, target, ranks, false));
  const newestWithWheel = newest ? { version: newest.version, allowed: !pinned && safeSatisfies(newest.version, dep.specifier) } : null;
  if (!chosen) {
    return { ...base, status: 'no-candidate', version: null, newestWithWheel, reason: `no release matching '${dep.specifier || 'any'}' has a ${binaryOnly ? 'wheel' : 'file'} for CPython ${target.python.join('.')} on ${target.platform}` };
  }
  const wheel = bestWheel(chosen, target, ranks, pinned);
  if (wheel) return { ...base, status: 'wheel', version: chosen.version, file: wheel.filename, newestWithWheel };
  const pythonsWithWheel = KNOWN_PYTHONS.filter((p) => {
    const [a, b] = p.split('.').map(Number) as [number, number];
    return bestWheel(chosen!, { ...target, python: [a, b] }, tagRanks({ ...target, python: [a, b] }), pinned) !== null;
  });
  const sdist = usableSdist(chosen, target, pinned);
  if (!sdist || binaryOnly) {
    return { ...base, status: 'no-candidate', version: chosen.version, newestWithWheel, pythonsWithWheel, reason: binaryOnly ? `binary-only install, and ${dep.name} ${chosen.version} has no wheel for the target` : `${dep.name} ${chosen.version} has neither a wheel for the target nor an sdist` };
  }
  return { ...base, status: 'source-build', version: chosen.version, file: sdist.filename, newestWithWheel, pythonsWithWheel, needs: buildNeeds(dep.normalized) };
}
