// Pure: turns probe results and a need into a check row — status, found version, hint and fix.

import { satisfies } from '@renovatebot/pep440';
import type { PlatformId } from '../../kb/platforms.js';
import { installCommands, type FixCommand } from '../fixes.js';
import type { Constraint, Need } from '../needs.js';
import { predictedRule } from '../predicted-rule.js';
import { installCommand } from '../../kb/install.js';
import { PACKAGE_MANAGER_OF } from '../../kb/platforms.js';
import { COMPONENTS, LINKER_PACKAGES, type ComponentId } from '../../kb/crate-needs.js';
import type { ProbeResult, WritableProbe } from '../../project/probe.js';
import type { AutoInstall } from '../rustup.js';
import { compareVersions, matchesPrefix, numericChannel, parsePerlVersion, parseRustcVV, parseToolVersion } from './versions.js';

export type CheckStatus = 'ok' | 'missing' | 'too-old' | 'too-new' | 'not-writable' | 'insufficient' | 'unknown';

export interface Check {
  key: string;
  component: ComponentId;
  label: string;
  required: boolean;
  status: CheckStatus;
  /** The rule of the build failure this row predicts (diagnose's id for it), or null when ok, unknown or no rule fits. */
  rule: string | null;
  found: string | null;
  neededBy: string[];
  constraints: string[];
  /** One sentence: what was seen, or why the status is what it is. */
  detail: string;
  /** The probe command that gave the answer, as a user would type it. */
  probe: string | null;
  fix: { summary: string; commands: FixCommand[] } | null;
}

export interface Facts {
  probes: Record<string, ProbeResult>;
  libclang: { source: 'LIBCLANG_PATH' | 'llvm-config' | 'search'; dirs: string[]; found: { dir: string; files: string[] }[] } | null;
  cargoHome: WritableProbe | null;
  disk: { path: string; freeBytes: number | null } | null;
  memory: { availableBytes: number } | null;
  env: Record<string, string | undefined>;
  host: PlatformId | null;
  timeoutMs: number;
  /** The toolchains `rustup toolchain list` showed, or null without rustup. */
  rustupToolchains: string[] | null;
  /** Header look-ups (the fallback when pkg-config is missing): header -> path or null. */
  headers: Record<string, string | null>;
  /** PATH look-ups of configured linkers: program -> resolved path or null. */
  linkers: Record<string, string | null>;
  /** The channel a rust-toolchain file pins when rustup does not have it (its proxies were then not run). */
  pinnedToolchainMissing: string | null;
  /** Why rustc, cargo and rustup were not run for the project's toolchain pin (a path, or not a toolchain name). */
  toolchainNotRun?: string | null;
  /** Whether rustup installs the missing pinned toolchain by itself on the first cargo call (null: not asked). */
  rustupAutoInstall?: AutoInstall | null;
}

interface PythonInfo {
  version: string;
  implementation: string;
  executable: string;
  include: string;
  headers: boolean;
}

function firstLine(s: string): string {
  return s.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
}

/** The status and sentence for a probe that did not answer normally. */
function probeTrouble(p: ProbeResult, facts: Facts): { status: CheckStatus; detail: string } {
  switch (p.outcome) {
    case 'not-found':
      return { status: 'missing', detail: `\`${p.shown.split(' ')[0]}\` is not on PATH` };
    case 'timeout':
      return { status: 'unknown', detail: `\`${p.shown}\` did not answer within ${facts.timeoutMs / 1000} s and was stopped; run it by hand to see what it waits for (a network fetch, a licence prompt), or raise --timeout` };
    case 'crashed':
      return { status: 'unknown', detail: `\`${p.shown}\` crashed (${p.signal}); the tool is installed but broken — reinstall it` };
    case 'error':
      return { status: 'unknown', detail: `\`${p.shown}\` could not be started: ${p.error}` };
    default: {
      const msg = firstLine(p.stderr) || firstLine(p.stdout) || `exit status ${p.exitCode}`;
      return { status: 'unknown', detail: `\`${p.shown}\` failed: ${msg}` };
    }
  }
}

function renderConstraint(c: Constraint): string {
  const op = { min: '>=', max: '<=', pep440: '', pin: '=' }[c.kind];
  return `${op}${c.version} (${c.from})`;
}

/** Checks a found version against the need's constraints; max bounds compare major.minor only (3.13.2 is within <=3.13). */
function versionStatus(found: string, constraints: readonly Constraint[]): { status: CheckStatus; why: string | null } {
  for (const c of constraints) {
    if (c.kind === 'min' && compareVersions(found, c.version) < 0) return { status: 'too-old', why: `${c.from} needs >= ${c.version}` };
    if (c.kind === 'max') {
      const [maj, min] = found.split('.');
      if (compareVersions(`${maj}.${min}`, c.version) > 0) return { status: 'too-new', why: `${c.from} supports up to ${c.version}` };
    }
    if (c.kind === 'pin' && /^\d/.test(c.version) && !matchesPrefix(found, c.version)) {
      return { status: compareVersions(found, c.version) < 0 ? 'too-old' : 'too-new', why: `${c.from} pins ${c.version}` };
    }
    if (c.kind === 'pep440') {
      let ok = true;
      try {
        ok = satisfies(found, c.version);
      } catch {
        ok = true; // an unparseable specifier is pip's problem to report, not a reason to fail here
      }
      if (!ok) {
        // Below every lower bound means too old; otherwise too new.
        const lower = /(?:>=|>|~=|==)\s*(\d+(?:\.\d+)*)/.exec(c.version)?.[1];
        return { status: lower && compareVersions(found, lower) < 0 ? 'too-old' : 'too-new', why: `${c.from} is ${c.version}` };
      }
    }
  }
  return { status: 'ok', why: null };
}

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

function toolCheck(need: Need, probeId: string, facts: Facts, parse: (out: string) => string | null = parseToolVersion): Pick<Check, 'status' | 'found' | 'detail' | 'probe'> {
  const p = facts.probes[probeId];
  if (!p) return { status: 'unknown', found: null, detail: 'not probed', probe: null };
  if (p.outcome !== 'ok') return { ...probeTrouble(p, facts), found: null, probe: p.shown };
  const found = parse(p.stdout) ?? parse(p.stderr);
  if (!found) return { status: need.constraints.length ? 'unknown' : 'ok', found: null, detail: `\`${p.shown}\` answered, but printed no version I recognise: ${firstLine(p.stdout || p.stderr)}`, probe: p.shown };
  const v = versionStatus(found, need.constraints);
  return { status: v.status, found, detail: v.why ?? `${firstLine(p.stdout || p.stderr)}`, probe: p.shown };
}

/** The sentence for a pinned toolchain rustup has not installed yet but will install on first use. */
export function pinAutoInstalled(channel: string, from: string): string {
  return `${from} names toolchain ${channel}, not installed yet: rustup installs it on the first cargo or rustc call in the project (that needs the network; offline, run \`rustup toolchain install ${channel}\` first)`;
}

function rustcCheck(need: Need, facts: Facts): Pick<Check, 'status' | 'found' | 'detail' | 'probe'> & { toolchainMissing?: string; pinTooOld?: boolean } {
  const pin = need.constraints.find((c) => c.kind === 'pin');
  if (pin && facts.rustupToolchains) {
    const numeric = numericChannel(pin.version) ?? pin.version;
    const installed = facts.rustupToolchains.some((t) => t === pin.version || t.startsWith(`${pin.version}-`) || t.startsWith(`${numeric}-`));
    if (!installed) {
      const auto = facts.rustupAutoInstall;
      if (!auto?.on) {
        const off = auto ? `, and ${auto.why}` : '';
        return { status: 'missing', found: null, detail: `${pin.from} names toolchain ${pin.version}, which rustup has not installed${off} (doctor does not let rustup install it)`, probe: 'rustup toolchain list', toolchainMissing: pin.version };
      }
      // Not missing: the pinned version is what the build will use, so the other constraints are checked against it.
      const numericPin = numericChannel(pin.version);
      const v = numericPin ? versionStatus(numericPin, need.constraints.filter((c) => c.kind !== 'pin')) : { status: 'ok' as const, why: null };
      if (v.status !== 'ok') return { status: v.status, found: pin.version, detail: `${pin.from} pins ${pin.version}, and ${v.why}`, probe: 'rustup toolchain list', pinTooOld: true };
      return { status: 'ok', found: pin.version, detail: pinAutoInstalled(pin.version, pin.from), probe: 'rustup toolchain list' };
    }
  }
  const p = facts.probes.rustc;
  if (p && p.outcome === 'failed' && /is not installed|toolchain '([^']+)' is not installed/.test(p.stderr)) {
    const tc = /toolchain '([^']+)'/.exec(p.stderr)?.[1] ?? pin?.version ?? 'stable';
    return { status: 'missing', found: null, detail: firstLine(p.stderr), probe: p.shown, toolchainMissing: tc };
  }
  return toolCheck(need, 'rustc', facts, (out) => parseRustcVV(out)?.version ?? null);
}

function parsePython(out: string): PythonInfo | null {
  try {
    const line = out.split('\n').find((l) => l.startsWith('{'));
    return line ? (JSON.parse(line) as PythonInfo) : null;
  } catch {
    return null;
  }
}

function pythonCheck(need: Need, facts: Facts): Pick<Check, 'status' | 'found' | 'detail' | 'probe'> {
  const p = facts.probes.python;
  if (!p) return { status: 'unknown', found: null, detail: 'not probed', probe: null };
  if (p.outcome === 'failed' && /pyenv: version `([^']+)' is not installed/.test(p.stderr)) {
    return { status: 'missing', found: null, detail: firstLine(p.stderr), probe: p.shown };
  }
  if (p.outcome !== 'ok') return { ...probeTrouble(p, facts), found: null, probe: p.shown };
  const info = parsePython(p.stdout);
  if (!info) return { status: 'unknown', found: null, detail: `\`${p.shown.slice(0, 40)}…\` printed no interpreter details: ${firstLine(p.stdout || p.stderr)}`, probe: p.shown };
  if (need.component === 'python-headers') {
    return info.headers
      ? { status: 'ok', found: info.version, detail: `Python.h in ${info.include}`, probe: p.shown }
      : { status: 'missing', found: null, detail: `no Python.h in ${info.include} (for ${info.executable})`, probe: p.shown };
  }
  const v = versionStatus(info.version, need.constraints);
  return { status: v.status, found: `${info.version}${info.implementation !== 'CPython' ? ` (${info.implementation})` : ''}`, detail: v.why ?? info.executable, probe: p.shown };
}

function libclangCheck(facts: Facts): Pick<Check, 'status' | 'found' | 'detail' | 'probe'> {
  const l = facts.libclang;
  if (!l) return { status: 'unknown', found: null, detail: 'not probed', probe: null };
  const hit = l.found[0];
  if (hit) {
    const version = hit.files.map((f) => /(\d+(?:\.\d+)*)/.exec(f)?.[1]).find(Boolean) ?? null;
    return { status: 'ok', found: version, detail: `${hit.dir}/${hit.files[0]}`, probe: l.source === 'llvm-config' ? 'llvm-config --libdir' : null };
  }
  if (l.source === 'LIBCLANG_PATH') {
    return { status: 'missing', found: null, detail: `LIBCLANG_PATH=${facts.env.LIBCLANG_PATH} holds no libclang shared library; clang-sys looks only there — point it at the directory with libclang.so, or unset it`, probe: null };
  }
  return { status: 'missing', found: null, detail: `no libclang shared library in ${l.dirs.length} directories searched${l.source === 'llvm-config' ? ' (llvm-config --libdir included)' : ''}`, probe: l.source === 'llvm-config' ? 'llvm-config --libdir' : null };
}

function pkgConfigLibCheck(need: Need, facts: Facts): Pick<Check, 'status' | 'found' | 'detail' | 'probe'> {
  const module = COMPONENTS[need.component].pkgConfig!;
  const tool = facts.probes['pkg-config'];
  const p = facts.probes[`pkg-config:${module}`];
  if (tool && tool.outcome === 'not-found') {
    // Without pkg-config, the headers the -dev package installs are the next best evidence.
    const header = COMPONENTS[need.component].header;
    const at = header ? facts.headers[header] : undefined;
    if (at) return { status: 'ok', found: 'headers', detail: `${at} is there (pkg-config is missing, so the version is unknown)`, probe: null };
    if (at === null) return { status: 'missing', found: null, detail: `no ${header} in the usual include directories (and pkg-config, which would find ${module}, is missing)`, probe: null };
    return { status: 'unknown', found: null, detail: `pkg-config is missing, so ${module} cannot be looked up (install pkg-config first)`, probe: null };
  }
  if (!p) return { status: 'unknown', found: null, detail: 'not probed', probe: null };
  if (p.outcome === 'failed') return { status: 'missing', found: null, detail: `pkg-config has no ${module}.pc on its search path${facts.env.PKG_CONFIG_PATH ? ` (PKG_CONFIG_PATH=${facts.env.PKG_CONFIG_PATH})` : ''}`, probe: p.shown };
  if (p.outcome !== 'ok') return { ...probeTrouble(p, facts), found: null, probe: p.shown };
  return { status: 'ok', found: firstLine(p.stdout) || null, detail: `pkg-config finds ${module}`, probe: p.shown };
}

function targetCheck(need: Need, facts: Facts): Pick<Check, 'status' | 'found' | 'detail' | 'probe'> {
  const t = need.target!;
  const host = parseRustcVV(facts.probes.rustc?.stdout ?? '')?.host ?? null;
  const p = facts.probes['rustup-targets'];
  if (p?.outcome === 'ok') {
    const installed = p.stdout.split('\n').map((l) => l.trim());
    return installed.includes(t) ? { status: 'ok', found: t, detail: 'installed (rustup)', probe: p.shown } : { status: 'missing', found: null, detail: `rustup has no standard library for ${t}`, probe: p.shown };
  }
  if (host === t) return { status: 'ok', found: t, detail: 'the host target', probe: facts.probes.rustc?.shown ?? null };
  if (!p) return { status: 'unknown', found: null, detail: 'not probed', probe: null };
  return { ...probeTrouble(p, facts), status: 'unknown', found: null, probe: p.shown };
}

function fixFor(need: Need, status: CheckStatus, facts: Facts, extra: { toolchainMissing?: string; pinTooOld?: boolean; found: string | null }): Check['fix'] {
  // Unknown means the tool is there but misbehaves: installing it again is rarely the answer; the detail says what to look at.
  if (status === 'ok' || (status === 'unknown' && need.component !== 'rust-target')) return null;
  const any = (summary: string, command: string): Check['fix'] => ({ summary, commands: [{ platform: 'any', label: 'any platform', command }] });
  switch (need.component) {
    case 'rustc':
    case 'cargo': {
      if (extra.toolchainMissing) return any(`install the pinned toolchain ${extra.toolchainMissing}`, `rustup toolchain install ${extra.toolchainMissing}`);
      if (extra.pinTooOld) {
        const floor = need.constraints.filter((c) => c.kind === 'min').map((c) => c.version).sort(compareVersions).pop();
        const file = need.constraints.find((c) => c.kind === 'pin')?.from.replace(/^channel in /, '') ?? 'rust-toolchain.toml';
        return any(`pin a toolchain of at least ${floor} in ${file}`, `# pin ${floor} (or newer) in ${file}`);
      }
      const pin = need.constraints.find((c) => c.kind === 'pin');
      if (status === 'too-old' || status === 'too-new') return pin ? any(`use the pinned toolchain ${pin.version}`, `rustup toolchain install ${pin.version}`) : any('update Rust', 'rustup update stable');
      if (status === 'missing') return { summary: 'install Rust with rustup', commands: installCommands('rustc', facts.host) };
      return null;
    }
    case 'rust-target':
      if (extra.toolchainMissing) return any(`install the pinned toolchain ${extra.toolchainMissing} with its targets`, `rustup toolchain install ${extra.toolchainMissing} --target ${need.target}`);
      return any(`add the ${need.target} target`, `rustup target add ${need.target}`);
    case 'linker': {
      const base = (need.program ?? '').split(/[\\/]/).pop() ?? '';
      const pkgs = LINKER_PACKAGES[base];
      const manager = facts.host ? PACKAGE_MANAGER_OF[facts.host] : null;
      const commands: FixCommand[] = [];
      if (pkgs && manager && pkgs[manager]) commands.push({ platform: facts.host!, label: `${facts.host} (${manager})`, command: installCommand(manager, pkgs[manager]!, false) });
      commands.push({ platform: 'any', label: 'any platform', command: `# or remove/change \`linker = "${need.program}"\` under [target.${need.target}] in .cargo/config.toml` });
      return { summary: `install ${need.program}, or stop naming it as the linker`, commands };
    }
    case 'cargo-home':
      return any('point CARGO_HOME at a writable directory', 'export CARGO_HOME="$HOME/.cargo"   # any directory you can write to');
    case 'disk':
      return any('free disk space where target/ lives, or build elsewhere', 'cargo clean   # or: export CARGO_TARGET_DIR=/path/with/space');
    case 'memory':
      return any('build with fewer parallel jobs, or add memory/swap', 'cargo build -j 1');
    case 'python':
      if (status === 'too-new' && need.constraints.some((c) => c.kind === 'max' && c.from.startsWith('pyo3'))) {
        const max = need.constraints.find((c) => c.kind === 'max')!;
        return {
          summary: `use a Python PyO3 knows (<= ${max.version}), or update pyo3, or build abi3 with PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1`,
          commands: [{ platform: 'any', label: 'any platform', command: `uv python install ${max.version}   # or: pyenv install ${max.version}` }],
        };
      }
      if (status === 'too-old' || status === 'too-new') {
        const pin = need.constraints.find((c) => c.kind === 'pin');
        const want = pin?.version ?? need.constraints.find((c) => c.kind === 'pep440')?.version ?? '';
        return any(`use a Python matching ${want}`, `uv python install ${pin?.version ?? '3'}   # or: pyenv install ${pin?.version ?? '<version>'}`);
      }
      return { summary: 'install Python', commands: installCommands('python', facts.host) };
    default: {
      const commands = installCommands(need.component, facts.host);
      if (need.component === 'libclang' && facts.env.LIBCLANG_PATH) commands.unshift({ platform: 'any', label: 'any platform', command: 'unset LIBCLANG_PATH   # or point it at the directory holding libclang.so' });
      return commands.length ? { summary: `install ${COMPONENTS[need.component].label}`, commands } : null;
    }
  }
}

function cargoOrTargetCheck(need: Need, facts: Facts): Pick<Check, 'status' | 'found' | 'detail' | 'probe'> & { toolchainMissing?: string; pinTooOld?: boolean } {
  const c = need.component;
  const pinned = facts.pinnedToolchainMissing;
  if (pinned && facts.rustupAutoInstall?.on) {
    // rustup installs the toolchain with its cargo and the targets its rust-toolchain file lists; not others.
    if (c === 'cargo') {
      // cargo carries rustc's version number, so the pin is the version to check (a Cargo.lock format's minimum).
      const numericPin = numericChannel(pinned);
      const v = numericPin ? versionStatus(numericPin, need.constraints) : { status: 'ok' as const, why: null };
      if (v.status !== 'ok') return { status: v.status, found: numericPin, detail: `the pinned toolchain ${pinned} brings its own cargo, and ${v.why}`, probe: 'rustup toolchain list', pinTooOld: true };
      return { status: 'ok', found: numericPin, detail: `comes with the pinned toolchain ${pinned}, which rustup installs on first use`, probe: 'rustup toolchain list' };
    }
    if (need.neededBy.some((n) => n.startsWith('targets in rust-toolchain'))) return { status: 'ok', found: null, detail: `listed in the toolchain file: rustup installs it with ${pinned} on first use`, probe: 'rustup toolchain list' };
  }
  return pinned
    ? {
        status: c === 'cargo' ? 'missing' : 'unknown',
        found: null,
        detail: `the pinned toolchain ${facts.pinnedToolchainMissing} is not installed, so its ${c === 'cargo' ? 'cargo' : 'targets'} cannot be checked`,
        probe: 'rustup toolchain list',
        toolchainMissing: pinned,
      }
    : c === 'cargo'
      ? toolCheck(need, 'cargo', facts)
      : targetCheck(need, facts);
}

export function evaluateNeed(need: Need, facts: Facts): Check {
  let r: Pick<Check, 'status' | 'found' | 'detail' | 'probe'> & { toolchainMissing?: string; pinTooOld?: boolean };
  const c = need.component;
  switch (c) {
    case 'rustc':
    case 'cargo':
    case 'rust-target':
      if (facts.toolchainNotRun) {
        r = { status: 'unknown', found: null, detail: facts.toolchainNotRun, probe: null };
        break;
      }
      r = c === 'rustc' ? rustcCheck(need, facts) : cargoOrTargetCheck(need, facts);
      break;
    case 'c-compiler':
      r = toolCheck(need, 'cc', facts);
      break;
    case 'cxx-compiler':
      r = toolCheck(need, 'cxx', facts);
      break;
    case 'perl':
      r = toolCheck(need, 'perl', facts, parsePerlVersion);
      break;
    case 'make':
    case 'cmake':
    case 'protoc':
    case 'maturin':
    case 'pkg-config':
      r = toolCheck(need, c, facts);
      break;
    case 'python':
    case 'python-headers':
      r = pythonCheck(need, facts);
      break;
    case 'libclang':
      r = libclangCheck(facts);
      break;
    case 'linker': {
      const path = facts.linkers[need.program ?? ''];
      r = path
        ? { status: 'ok', found: path, detail: `${need.program} is ${path}`, probe: null }
        : { status: 'missing', found: null, detail: `\`${need.program}\` (named as the linker for ${need.target}) is not on PATH`, probe: null };
      break;
    }
    case 'cargo-home': {
      const w = facts.cargoHome;
      r = !w
        ? { status: 'unknown', found: null, detail: 'not probed', probe: null }
        : w.writable
          ? { status: 'ok', found: w.path, detail: w.exists ? 'writable' : `will be created in ${w.tested} (writable)`, probe: null }
          : { status: 'not-writable', found: w.path, detail: `${w.tested} is not writable (${w.error}); cargo cannot download or cache crates`, probe: null };
      break;
    }
    case 'disk':
    case 'memory': {
      const bytes = c === 'disk' ? facts.disk?.freeBytes : facts.memory?.availableBytes;
      const where = c === 'disk' ? ` on ${facts.disk?.path}` : '';
      r =
        bytes === null || bytes === undefined
          ? { status: 'unknown', found: null, detail: 'could not be measured', probe: null }
          : { status: bytes >= (need.minBytes ?? 0) ? 'ok' : 'insufficient', found: gib(bytes), detail: `${gib(bytes)} free${where}; this build wants about ${gib(need.minBytes ?? 0)}`, probe: null };
      break;
    }
    default:
      r = COMPONENTS[c].pkgConfig ? pkgConfigLibCheck(need, facts) : { status: 'unknown', found: null, detail: 'no probe for this component', probe: null };
  }
  return {
    key: need.key,
    component: c,
    label: c === 'rust-target' ? `Rust target ${need.target}` : c === 'linker' ? `linker ${need.program} (${need.target})` : COMPONENTS[c].label,
    required: need.required,
    status: r.status,
    rule: predictedRule(c, r.status, need.constraints),
    found: r.found,
    neededBy: need.neededBy,
    constraints: need.constraints.map(renderConstraint),
    detail: r.detail,
    probe: r.probe,
    fix: fixFor(need, r.status, facts, { toolchainMissing: r.toolchainMissing, pinTooOld: r.pinTooOld, found: r.found }),
  };
}
