// Pure wheel audit: turns what was read from a wheel into a verdict per claim, with blame and fixes.

import type { EntryFacts, WheelContents } from './read-wheel.js';
import { parseMetadata, parseRecord, parseWheelFile } from './metadata.js';
import { MANYLINUX_POLICIES } from './policy-data.js';
import { comparePolicies, evaluateObject, findPolicy, GLIBC_POLICIES, MUSL_POLICIES, type ObjectPolicy, type Policy, type Requirement } from './policy.js';
import { extensionAbi, normalizeName, parsePlatformTag, parseWheelFileName, type PlatformTag, pypiAcceptsPlatform } from './tags.js';

export const WHEEL_SCHEMA_VERSION = 2;

/** Every problem the audit reports, by id: each is a rule `buildmedic rules` lists and `explain` documents. */
export const PROBLEM_KINDS = [
  'corrupt-wheel',
  'unsafe-archive',
  'bad-file-name',
  'metadata-mismatch',
  'wheel-platform-tag-rejected',
  'policy-not-met',
  'external-libraries',
  'arch-mismatch',
  'abi3-filename-mismatch',
  'binary-in-pure-wheel',
  'unreadable-binary',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface BlameItem {
  kind: Requirement['kind'];
  /** The object (path inside the wheel) with the requirement. */
  object: string;
  library: string;
  /** symbol-version: the version (GLIBC_2.38); library: the soname; blacklisted-symbol: the symbol. */
  requirement: string;
  /** Up to 5 symbols needing the version. */
  symbols: string[];
  /** The oldest policy allowing this requirement, or null when none does. */
  policy: string | null;
}

export interface Problem {
  kind: ProblemKind;
  message: string;
  /** Paths inside the wheel the problem concerns. */
  objects: string[];
  blame: BlameItem[];
  fix: string[];
}

export interface ObjectReport {
  path: string;
  arch: string | null;
  bits: 32 | 64;
  endian: 'little' | 'big';
  libc: 'glibc' | 'musl';
  /** Most compatible policy the object satisfies (PEP 600 name), or null (plain linux). */
  policy: string | null;
  soname: string | null;
  needed: string[];
  rpath: string[];
  runpath: string[];
  externalLibraries: string[];
  /** The requirements that pin `policy`. */
  blame: BlameItem[];
}

export interface WheelReport {
  file: string;
  status: 'ok' | 'problems' | 'unreadable';
  /** Set when status is unreadable. */
  error: string | null;
  name: string | null;
  version: string | null;
  requiresPython: string | null;
  tags: { python: string[]; abi: string[]; platform: PlatformTag[] };
  wheel: { rootIsPurelib: boolean | null; generator: string | null; tags: string[] } | null;
  objects: ObjectReport[];
  /** Non-ELF binaries (Mach-O, PE) with what could be read of them. */
  otherBinaries: Array<{ path: string; kind: 'macho' | 'pe'; arch: string | null; macosMinimum: string | null }>;
  /** Per architecture: the most compatible platform tag(s) every object allows, or null when none (plain linux). */
  achievable: Record<string, string[] | null>;
  record: { entries: number; verified: number; mismatches: number };
  problems: Problem[];
}

const RECORD_EXEMPT = /\.dist-info\/RECORD(\.jws|\.p7s)?$/;

function blameOf(object: string, reqs: Requirement[], policies: readonly Policy[]): BlameItem[] {
  return [...reqs]
    .sort((a, b) => b.minPolicy - a.minPolicy || a.detail.localeCompare(b.detail, 'en', { numeric: true }))
    .map((r) => ({
      kind: r.kind,
      object,
      library: r.library,
      requirement: r.detail,
      symbols: r.symbols.slice(0, 5),
      policy: Number.isFinite(r.minPolicy) ? (policies[r.minPolicy]?.name ?? null) : null,
    }));
}

function policiesFor(libc: 'glibc' | 'musl', arch: string): readonly Policy[] {
  return (libc === 'musl' ? MUSL_POLICIES : GLIBC_POLICIES).filter((p) => p.rungs[arch] !== undefined);
}

function tagsOf(policy: Policy, arch: string): string[] {
  return [`${policy.name}_${arch}`, ...policy.aliases.map((a) => `${a}_${arch}`)];
}

function compareDotted(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** "memcpy@GLIBC_2.14", "libssl.so.3", ... for messages. */
export function describeBlame(b: BlameItem): string {
  if (b.kind === 'symbol-version') {
    const syms = b.symbols.length > 0 ? b.symbols.slice(0, 2).map((s) => `${s}@${b.requirement}`).join(', ') : b.requirement;
    return `${syms} (${b.library})`;
  }
  if (b.kind === 'blacklisted-symbol') return `${b.requirement} from ${b.library} (not portable across distributions)`;
  return b.library;
}

/**
 * auditwheel's --plat takes only the policies its table lists (2_5, 2_12, 2_17, 2_24, 2_26, ...): the oldest of those
 * at or above what the objects need. `tag` is e.g. manylinux_2_25_x86_64.
 */
function auditwheelPlatform(tag: string, arch: string): string | null {
  const m = /^(manylinux|musllinux)_(\d+)_(\d+)_/.exec(tag);
  if (!m) return null;
  if (m[1] === 'musllinux') return tag;
  const minor = Number(m[3]);
  const listed = MANYLINUX_POLICIES.map((p) => Number(/_(\d+)$/.exec(p.name)![1])).filter((v) => v >= minor).sort((a, b) => a - b);
  return listed.length > 0 ? `manylinux_2_${listed[0]}_${arch}` : null;
}

function imageFor(policy: string, arch: string): string {
  const v = /^manylinux_2_(\d+)$/.exec(policy);
  if (!v) return policy.startsWith('musllinux') ? `quay.io/pypa/musllinux_1_2_${arch}` : `quay.io/pypa/manylinux_2_28_${arch}`;
  const minor = Number(v[1]);
  // The images the PyPA publishes: pick the newest one that is not newer than the policy wanted.
  const name = minor >= 34 ? 'manylinux_2_34' : minor >= 28 ? 'manylinux_2_28' : minor >= 17 ? 'manylinux2014' : 'manylinux2014';
  return `quay.io/pypa/${name}_${arch}`;
}

const RUST_TARGET: Record<string, string> = {
  x86_64: 'x86_64-unknown-linux-gnu',
  aarch64: 'aarch64-unknown-linux-gnu',
  i686: 'i686-unknown-linux-gnu',
  armv7l: 'armv7-unknown-linux-gnueabihf',
  ppc64le: 'powerpc64le-unknown-linux-gnu',
  s390x: 's390x-unknown-linux-gnu',
};

function glibcFixes(target: string, arch: string): string[] {
  const v = /^manylinux_(\d+)_(\d+)$/.exec(target);
  const glibc = v ? `${v[1]}.${v[2]}` : '2.17';
  const out = [
    `Build inside ${imageFor(target, arch)} (cibuildwheel does this), whose old glibc keeps symbol versions at or below ${glibc}; then \`auditwheel repair\` checks and retags it.`,
    `maturin: \`maturin build --release --compatibility ${target}\` refuses to tag a wheel the objects do not satisfy; add \`--zig\` to link against glibc ${glibc} from any host.`,
  ];
  if (RUST_TARGET[arch]) out.push(`cargo: \`cargo zigbuild --release --target ${RUST_TARGET[arch]}.${glibc}\` links against glibc ${glibc} symbol versions.`);
  out.push('Or claim what the objects really need: tag the wheel with the policy shown above (a newer policy excludes older distributions).');
  return out;
}

/** Audits one wheel from what readWheel gathered. */
export function auditWheel(fileName: string, contents: WheelContents): WheelReport {
  const problems: Problem[] = [];
  const add = (kind: ProblemKind, message: string, objects: string[] = [], fix: string[] = [], blame: BlameItem[] = []) =>
    problems.push({ kind, message, objects, blame, fix });

  const fn = parseWheelFileName(fileName);
  if (!fn) add('bad-file-name', `the file name ${fileName} is not {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl; pip will not install it`, [], ['Keep the name the build backend gave the wheel; rename only with `wheel tags`.']);
  const platform = (fn?.platformTags ?? []).map(parsePlatformTag);

  for (const p of contents.archiveProblems) add('unsafe-archive', p, [], ['Rebuild the wheel with a standard backend; do not upload an archive with these entries.']);

  // .dist-info: exactly one directory named after the distribution.
  const distInfos = [...new Set(contents.entries.map((e) => /^([^/]+\.dist-info)\//.exec(e.path)?.[1]).filter((d): d is string => Boolean(d)))];
  const distInfo = (fn && distInfos.find((d) => normalizeName(d.replace(/-[^-]*\.dist-info$/, '')) === normalizeName(fn.distribution))) ?? distInfos[0];
  const text = (f: string) => (distInfo ? contents.texts[`${distInfo}/${f}`] : undefined);
  const wheelText = text('WHEEL');
  const metaText = text('METADATA');
  const recordText = text('RECORD');
  const wheel = wheelText !== undefined ? parseWheelFile(wheelText) : null;
  const meta = metaText !== undefined ? parseMetadata(metaText) : null;
  const missing = ['WHEEL', 'METADATA', 'RECORD'].filter((f) => text(f) === undefined);
  if (contents.entries.length === 0) add('corrupt-wheel', 'the wheel is empty: no files at all', [], ['Rebuild it; an empty archive usually means the build step was interrupted or the upload truncated.']);
  else if (!distInfo) add('corrupt-wheel', 'no *.dist-info directory: this is a zip, not a wheel', [], ['Build wheels with `python -m build --wheel` or `pip wheel`, not by zipping a directory.']);
  else if (missing.length > 0) add('corrupt-wheel', `${distInfo} lacks ${missing.join(', ')}`, [], ['Rebuild the wheel; after editing one, rewrite RECORD with `wheel pack` or `auditwheel repair`.']);
  if (distInfos.length > 1) add('corrupt-wheel', `more than one .dist-info directory (${distInfos.join(', ')})`, [], ['Rebuild from a clean build directory.']);

  if (fn && meta) {
    if (meta.name && normalizeName(meta.name) !== normalizeName(fn.distribution)) add('metadata-mismatch', `the file name says ${fn.distribution} but METADATA says Name: ${meta.name}`);
    if (meta.version && meta.version !== fn.version && normalizeName(meta.version) !== normalizeName(fn.version)) add('metadata-mismatch', `the file name says version ${fn.version} but METADATA says ${meta.version}`);
  }
  if (fn && wheel && wheel.tags.length > 0) {
    const fromName = new Set(fn.pythonTags.flatMap((py) => fn.abiTags.flatMap((abi) => fn.platformTags.map((pl) => `${py}-${abi}-${pl}`))));
    const inWheel = new Set(wheel.tags);
    const onlyName = [...fromName].filter((t) => !inWheel.has(t));
    const onlyWheel = [...inWheel].filter((t) => !fromName.has(t));
    if (onlyName.length > 0 || onlyWheel.length > 0) {
      add('metadata-mismatch', `the file name's tags and WHEEL's Tag lines differ (only in the name: ${onlyName.join(', ') || 'none'}; only in WHEEL: ${onlyWheel.join(', ') || 'none'})`, [], [
        'Retag with `wheel tags --platform-tag ... file.whl` (or `auditwheel repair`), which rewrites the name, WHEEL and RECORD together; never just rename the file.',
      ]);
    }
  }

  // RECORD: every file listed with the right hash and size.
  const record = { entries: 0, verified: 0, mismatches: 0 };
  if (recordText !== undefined) {
    const { rows, malformed } = parseRecord(recordText);
    record.entries = rows.length;
    const byPath = new Map(rows.map((r) => [r.path, r]));
    const details: string[] = [...malformed.slice(0, 3).map((l) => `malformed RECORD line: ${l.slice(0, 120)}`)];
    const present = new Set<string>();
    for (const e of contents.entries) {
      present.add(e.path);
      if (RECORD_EXEMPT.test(e.path)) continue;
      const row = byPath.get(e.path);
      if (!row) {
        details.push(`${e.path} is not listed in RECORD`);
        continue;
      }
      if (row.size !== null && row.size !== e.size) details.push(`${e.path}: RECORD says ${row.size} bytes, the archive holds ${e.size}`);
      if (row.algorithm === 'sha256' && e.sha256 !== null) {
        if (row.digest !== e.sha256) details.push(`${e.path}: sha256 differs from RECORD (RECORD ${row.digest}, content ${e.sha256})`);
        else record.verified++;
      }
    }
    for (const r of rows) if (!present.has(r.path)) details.push(`${r.path} is listed in RECORD but not in the archive`);
    record.mismatches = details.length;
    if (details.length > 0) {
      add('corrupt-wheel', `RECORD does not match the contents (${details.length} difference${details.length > 1 ? 's' : ''}): ${details.slice(0, 5).join('; ')}${details.length > 5 ? '; ...' : ''}`, [], [
        'The wheel was changed after it was built (or the download is damaged). Rebuild it, or re-pack it with `wheel unpack` / `wheel pack`, which rewrites RECORD.',
      ]);
    }
  }

  // Binaries.
  const elfEntries = contents.entries.filter((e): e is EntryFacts & { elf: NonNullable<EntryFacts['elf']> } => e.elf !== undefined);
  for (const e of contents.entries.filter((x) => x.elfError)) {
    add('unreadable-binary', `${e.path}: ${e.elfError}`, [e.path], ['A file named like a shared library that is not a valid ELF object will fail to import; check how it got into the wheel.']);
  }
  const bundled = new Set<string>();
  for (const e of elfEntries) {
    bundled.add(e.path.slice(e.path.lastIndexOf('/') + 1));
    if (e.elf.soname) bundled.add(e.elf.soname);
  }
  const objects: ObjectReport[] = [];
  const evaluated: Array<{ entry: (typeof elfEntries)[number]; result: ObjectPolicy; arch: string | null }> = [];
  for (const e of elfEntries) {
    const arch = e.elf.arch;
    const result = evaluateObject(e.elf, arch ?? '', bundled);
    const pols = policiesFor(result.libc, arch ?? '');
    evaluated.push({ entry: e, result, arch });
    objects.push({
      path: e.path,
      arch,
      bits: e.elf.bits,
      endian: e.elf.endian,
      libc: result.libc,
      policy: result.policy?.name ?? null,
      soname: e.elf.soname,
      needed: e.elf.needed,
      rpath: e.elf.rpath,
      runpath: e.elf.runpath,
      externalLibraries: result.externalLibraries,
      blame: blameOf(e.path, result.blame, pols),
    });
  }
  const otherBinaries = contents.entries
    .filter((e) => e.binary === 'macho' || e.binary === 'pe')
    .map((e) => ({ path: e.path, kind: e.binary as 'macho' | 'pe', arch: e.macho?.arch ?? null, macosMinimum: e.macho?.macosMinimum ?? null }));

  // What each architecture could honestly claim.
  const achievable: Record<string, string[] | null> = {};
  for (const arch of new Set(evaluated.map((x) => x.arch ?? 'unknown'))) {
    const group = evaluated.filter((x) => (x.arch ?? 'unknown') === arch);
    const libcs = new Set(group.map((x) => x.result.libc));
    if (group.some((x) => x.result.policy === null) || libcs.size > 1 || arch === 'unknown') {
      achievable[arch] = null;
      continue;
    }
    const worst = group.map((x) => x.result.policy!).reduce((a, b) => (comparePolicies(a, b) >= 0 ? a : b));
    achievable[arch] = tagsOf(worst, arch);
  }

  // Windows .exe launchers inside pure wheels are deliberate (pip's and setuptools' script launchers, used only on
  // Windows); what cannot be pure is a module or library Python loads: ELF, Mach-O, and PE .pyd/.dll files.
  const loadable = [...elfEntries.map((e) => e.path), ...otherBinaries.filter((b) => b.kind === 'macho' || /\.(pyd|dll)$/i.test(b.path)).map((b) => b.path)];
  const binaries = loadable.length;
  if (binaries > 0 && (platform.some((p) => p.kind === 'any') || wheel?.rootIsPurelib === true)) {
    const what = platform.some((p) => p.kind === 'any') ? `is tagged ${fn?.platformTags.join('.')} (pure Python)` : 'says Root-Is-Purelib: true';
    add('binary-in-pure-wheel', `the wheel ${what} but carries ${binaries} compiled object${binaries > 1 ? 's' : ''} (${loadable.slice(0, 3).join(', ')}${binaries > 3 ? ', ...' : ''}); pip will install it on platforms where they cannot load`, loadable, [
      'Declare the extension to the build backend (setuptools `ext_modules`, setuptools-rust `rust_extensions`, maturin) so the wheel gets a platform tag and Root-Is-Purelib: false.',
      'If the binary is a prebuilt helper, override `bdist_wheel.finalize_options` to set `root_is_pure = False`, or ship per-platform wheels.',
    ]);
  }

  // abi3 claim vs the extension modules' file names.
  if (fn?.abiTags.includes('abi3')) {
    const wrong = elfEntries.map((e) => e.path).filter((p) => extensionAbi(p) === 'cpython' && !p.includes('.libs/'));
    if (wrong.length > 0) {
      add('abi3-filename-mismatch', `tagged abi3 (one wheel for every CPython 3 from ${fn.pythonTags.join('.')}) but ${wrong.join(', ')} ${wrong.length > 1 ? 'are' : 'is'} named for one interpreter version; other Pythons will not find the module`, wrong, [
        'setuptools: `Extension(..., py_limited_api=True)` with `define_macros=[("Py_LIMITED_API", "0x03080000")]`, and `[bdist_wheel] py_limited_api = cp38` in setup.cfg.',
        'PyO3/maturin: enable the `abi3-py38` feature of pyo3 (maturin then names the module *.abi3.so).',
        'Or drop the abi3 tag and build one wheel per Python version.',
      ]);
    }
  }

  // Platform tags: uploadable, architecture, policy.
  const linuxObjects = evaluated.filter((x) => x.entry.elf.type === 'shared' || x.entry.elf.type === 'executable');
  // manylinux_2_17_x86_64.manylinux2014_x86_64 names one claim twice: judge it once.
  const judged = new Set<string>();
  for (const p of platform) {
    if (p.kind === 'any') continue;
    const claimKey = p.policy ? `${p.policy}_${p.arch}` : p.tag;
    if (judged.has(claimKey)) continue;
    judged.add(claimKey);
    if (!pypiAcceptsPlatform(p)) {
      const reach = p.kind === 'linux' && p.arch ? achievable[p.arch] : undefined;
      const suggestion = reach ? ` These objects satisfy ${reach.join(' / ')}.` : '';
      const plat = reach ? auditwheelPlatform(reach[0]!, p.arch!) : null;
      add('wheel-platform-tag-rejected', `platform tag ${p.tag} is not accepted by PyPI (upload fails with "binary wheel ... has an unsupported platform tag"); a linux_* wheel only runs where it was built.${suggestion}`, [], [
        plat
          ? `Run \`auditwheel repair --plat ${plat} ${fileName}\` (the oldest policy auditwheel has a name for that these objects satisfy): it checks the objects, vendors any external libraries and retags the wheel.`
          : `Run \`auditwheel repair ${fileName}\`: it vendors the external libraries and retags the wheel with the policy the objects satisfy.`,
        `Build in a manylinux image (${imageFor('manylinux_2_28', p.arch ?? 'x86_64')}, or cibuildwheel), or with \`maturin build --release --compatibility manylinux_2_28\` (add \`--zig\` off-image).`,
        'With PyO3/maturin-action, `manylinux: off` builds on the runner and yields this tag: use `manylinux: auto` or `2_28` (a C dependency failing inside that container is a separate, fixable build error: `buildmedic diagnose` its log).',
      ]);
    }
    if (p.kind === 'macos') {
      // universal2 holds both; intel means x86_64 (and i386).
      const fits = (a: string | null) => a === null || p.arch === a || p.arch === 'universal2' || (p.arch === 'intel' && (a === 'x86_64' || a === 'i386'));
      const machos = otherBinaries.filter((b) => b.kind === 'macho');
      const wrong = machos.filter((b) => !fits(b.arch));
      if (wrong.length > 0) add('arch-mismatch', `tagged ${p.tag} but ${wrong.map((b) => `${b.path} is ${b.arch}`).join(', ')}`, wrong.map((b) => b.path), [`Build for ${p.arch} (\`ARCHFLAGS="-arch ${p.arch}"\`, \`cibuildwheel --archs ${p.arch}\`, \`maturin build --target ${p.arch === 'arm64' ? 'aarch64' : 'x86_64'}-apple-darwin\`), or tag the wheel with the architecture it was built for.`]);
      const newer = machos.filter((b) => b.macosMinimum && p.version && compareDotted(b.macosMinimum, `${p.version[0]}.${p.version[1]}`) > 0);
      if (newer.length > 0) {
        add('policy-not-met', `tagged ${p.tag} (macOS ${p.version![0]}.${p.version![1]} and later) but ${newer.map((b) => `${b.path} needs macOS ${b.macosMinimum}`).join(', ')}; pip installs it on older macOS, where it fails to load`, newer.map((b) => b.path), [
          `Build with \`MACOSX_DEPLOYMENT_TARGET=${p.version![0]}.${p.version![1]}\` (cibuildwheel and maturin honour it), or tag the wheel macosx_${newer.map((b) => b.macosMinimum!).sort(compareDotted).pop()!.replace('.', '_')}_${p.arch}.`,
        ]);
      }
    }
    if (p.kind === 'macos' || p.kind === 'windows') {
      if (elfEntries.length > 0) add('arch-mismatch', `tagged ${p.tag} but carries Linux ELF objects (${elfEntries.map((e) => e.path).join(', ')})`, elfEntries.map((e) => e.path), ['Build this wheel on (or cross-compile for) the platform its tag names.']);
      continue;
    }
    if (p.kind !== 'manylinux' && p.kind !== 'musllinux' && p.kind !== 'linux') continue;
    const wrongArch = linuxObjects.filter((x) => x.arch !== p.arch);
    if (wrongArch.length > 0) {
      add(
        'arch-mismatch',
        `tagged ${p.tag} but ${wrongArch.map((x) => `${x.entry.path} is ${x.arch ?? `machine ${x.entry.elf.machine}`} (${x.entry.elf.bits}-bit ${x.entry.elf.endian}-endian)`).join(', ')}`,
        wrongArch.map((x) => x.entry.path),
        [`Build for ${p.arch} (e.g. \`cibuildwheel --archs ${p.arch}\`, \`maturin build --target ${RUST_TARGET[p.arch ?? ''] ?? '<target>'}\`), or tag the wheel with the architecture it was built for.`],
      );
    }
    if (p.kind === 'linux') continue;
    const libc = p.kind === 'manylinux' ? 'glibc' : 'musl';
    const claimed = p.policy ? findPolicy(p.policy) : undefined;
    const sameArch = linuxObjects.filter((x) => x.arch === p.arch);
    const wrongLibc = sameArch.filter((x) => x.result.libc !== libc);
    if (wrongLibc.length > 0) {
      add('policy-not-met', `tagged ${p.tag} (${libc}) but ${wrongLibc.map((x) => x.entry.path).join(', ')} ${wrongLibc.length > 1 ? 'were' : 'was'} linked against ${libc === 'glibc' ? 'musl' : 'glibc'}`, wrongLibc.map((x) => x.entry.path), [
        libc === 'glibc' ? 'Build manylinux wheels in a glibc image (quay.io/pypa/manylinux_2_28_*), musllinux ones in quay.io/pypa/musllinux_1_2_*.' : 'Build musllinux wheels in quay.io/pypa/musllinux_1_2_* (Alpine), not on a glibc system.',
      ]);
    }
    const pols = policiesFor(libc, p.arch ?? '');
    const claimedIdx = claimed ? pols.findIndex((q) => q.name === claimed.name) : -1;
    if (claimed && claimedIdx < 0) {
      add('policy-not-met', `${claimed.name} does not exist for ${p.arch} (no such image or policy; the oldest for ${p.arch} is ${pols[0]?.name ?? 'none'})`, [], [`Tag with a policy defined for ${p.arch}.`]);
      continue;
    }
    if (!claimed) {
      // A glibc version newer than any known policy: the objects' needs cannot exceed it in any way we can see.
      continue;
    }
    // External libraries (no policy allows them) are reported once, below; here only what a newer policy would allow.
    const exceeds = (r: Requirement) => r.minPolicy > claimedIdx && (r.kind !== 'library' || Number.isFinite(r.minPolicy));
    const over = sameArch.filter((x) => x.result.libc === libc && x.result.requirements.some(exceeds));
    if (over.length > 0) {
      const blame = over.flatMap((x) => blameOf(x.entry.path, x.result.requirements.filter(exceeds), pols));
      const need = achievable[p.arch ?? ''];
      const needs = over
        .map((x) => `${x.entry.path} needs ${blameOf(x.entry.path, x.result.requirements.filter(exceeds), pols).slice(0, 3).map(describeBlame).join(' and ')} → ${x.result.policy?.name ?? 'linux'}`)
        .join('; ');
      const top = blame.find((b) => b.kind === 'symbol-version');
      const consequence =
        libc === 'glibc' && top
          ? `pip installs it on any system with glibc ${claimed.version.join('.')} or newer; where the system's ${top.library} is older than ${top.requirement} needs, the import fails with "version \`${top.requirement}' not found (required by ${top.object.slice(top.object.lastIndexOf('/') + 1)})"`
          : 'pip installs it on systems where it cannot load';
      add('policy-not-met', `claims ${p.tag} but ${needs}${need ? `; the wheel is ${need[0]}` : ''}. ${consequence}`, over.map((x) => x.entry.path), glibcFixes(claimed.name, p.arch ?? 'x86_64'), blame);
    }
  }

  // External libraries: named, with who needs them.
  const external = new Map<string, string[]>();
  for (const x of linuxObjects) for (const lib of x.result.externalLibraries) external.set(lib, [...(external.get(lib) ?? []), x.entry.path]);
  if (external.size > 0) {
    const list = [...external].map(([lib, who]) => `${lib} (needed by ${who.join(', ')})`).join('; ');
    const rustHints = [...external.keys()].some((l) => /^lib(ssl|crypto)\.so/.test(l)) ? ['Rust: `openssl = { version = "0.10", features = ["vendored"] }` builds OpenSSL in statically, or use rustls instead of native-tls.'] : [];
    const pyHints = [...external.keys()].some((l) => /^libpython\d/.test(l))
      ? ['An extension module must not link libpython (the interpreter provides its symbols; manylinux Pythons have no libpython.so): drop `-lpython3.x` / `link-args`, or for PyO3 enable the `extension-module` feature.']
      : [];
    const zHints = [...external.keys()].some((l) => /^libz\.so|^libzstd|^liblzma|^libbz2/.test(l)) ? ['Compression libraries: the `static` feature of libz-sys / zstd-sys, or link them statically (`-Wl,-Bstatic -lz -Wl,-Bdynamic`).'] : [];
    add('external-libraries', `needs libraries no manylinux policy allows and the wheel does not carry: ${list}. Users without them get "ImportError: ${[...external.keys()][0]}: cannot open shared object file"`, [...new Set([...external.values()].flat())], [
      `\`auditwheel repair ${fileName}\` copies them into the wheel (<package>.libs/) and points the RPATH there.`,
      ...pyHints,
      ...rustHints,
      ...zHints,
    ]);
  }

  return {
    file: contents.file,
    status: problems.length > 0 ? 'problems' : 'ok',
    error: null,
    name: meta?.name ?? fn?.distribution ?? null,
    version: meta?.version ?? fn?.version ?? null,
    requiresPython: meta?.requiresPython ?? null,
    tags: { python: fn?.pythonTags ?? [], abi: fn?.abiTags ?? [], platform },
    wheel: wheel ? { rootIsPurelib: wheel.rootIsPurelib, generator: wheel.generator, tags: wheel.tags } : null,
    objects,
    otherBinaries,
    achievable,
    record,
    problems,
  };
}

/** The report for a wheel that could not be read at all. */
export function unreadableWheel(file: string, error: string): WheelReport {
  const fn = parseWheelFileName(file.slice(file.lastIndexOf('/') + 1));
  return {
    file,
    status: 'unreadable',
    error,
    name: fn?.distribution ?? null,
    version: fn?.version ?? null,
    requiresPython: null,
    tags: { python: fn?.pythonTags ?? [], abi: fn?.abiTags ?? [], platform: (fn?.platformTags ?? []).map(parsePlatformTag) },
    wheel: null,
    objects: [],
    otherBinaries: [],
    achievable: {},
    record: { entries: 0, verified: 0, mismatches: 0 },
    problems: [],
  };
}
