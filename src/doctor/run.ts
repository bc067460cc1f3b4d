// Runs doctor (I/O at the edge): reads the project, probes the machine in parallel, and returns the report object.

import { homedir, platform as osPlatform } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_MANAGER_OF, type PackageManager, type PlatformId } from '../kb/platforms.js';
import { evaluateNeed, pinAutoInstalled, type Check, type CheckStatus, type Facts } from './checks/evaluate.js';
import { rustupAutoInstall } from './rustup.js';
import { readProjectFile } from '../project/read-file.js';
import { defaultLibclangDirs, probeDiskFree, probeHeaders, probeWhich, probeLibclangFiles, probeMemory, probeWritable, runProbe, runProbes } from '../project/probe.js';
import { COMPONENTS, INCLUDE_DIRS } from '../kb/crate-needs.js';
import { readProject } from '../project/discover.js';
import type { Project } from '../project/model.js';
import { combinedInstall } from './fixes.js';
import { resolveWithCargo } from '../project/cargo-metadata.js';
import { deriveNeeds, metadataRequest, type Exempted } from './needs.js';
import { rustToolchainChoice, safeToolchainName } from '../project/toolchain.js';
import { neutralCwd, probeSpecs } from './probes.js';

export const DOCTOR_SCHEMA_VERSION = 1;

export interface DoctorReport {
  schemaVersion: typeof DOCTOR_SCHEMA_VERSION;
  dir: string;
  /** "project": needs derived from the project; "general": no project found, the general toolchain was checked. */
  mode: 'project' | 'general';
  ok: boolean;
  platform: { id: PlatformId | null; packageManager: PackageManager | null; os: NodeJS.Platform };
  project: {
    files: string[];
    rust: { root: string; lockVersion: number | null; lockedCrates: number; toolchain: string | null; rustVersion: string | null; edition: string | null; members: string[] } | null;
    python: { backend: string; requiresPython: string | null; pinnedPython: string | null } | null;
  };
  checks: Check[];
  /** One install command for all missing packages on this platform, when more than one is missing; else null. */
  fixAll: string | null;
  /** System needs that a bundled/vendored build or an environment variable makes unnecessary. */
  notNeeded: Exempted[];
  /** System needs held back because what the build compiles could not be told (a path dependency's sources absent). */
  unverified: Exempted[];
  notes: string[];
  counts: Record<CheckStatus, number>;
  durationMs: number;
}

export interface DoctorOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  host?: PlatformId | null;
}

function projectSummary(p: Project): DoctorReport['project'] {
  return {
    files: p.files,
    rust: p.rust && {
      root: p.rust.root,
      lockVersion: p.rust.lock?.version ?? null,
      lockedCrates: p.rust.lock?.packages.length ?? 0,
      toolchain: p.rust.toolchain?.channel ?? null,
      rustVersion: p.rust.rustVersion?.version ?? null,
      edition: p.rust.edition?.edition ?? null,
      members: p.rust.members.map((m) => m.manifest.package?.name).filter((n): n is string => Boolean(n)),
    },
    python: p.python && { backend: p.python.backend, requiresPython: p.python.pyproject?.requiresPython ?? null, pinnedPython: p.python.pinnedPython?.version ?? null },
  };
}

/** The usual Rust host triple for this OS and CPU (rustc -vV is authoritative, but runs later, in parallel). */
function guessHostTriple(): string | null {
  const arch = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i686', riscv64: 'riscv64gc', ppc64: 'powerpc64le', s390x: 's390x' }[process.arch as string];
  if (!arch) return null;
  if (osPlatform() === 'linux') return `${arch}-unknown-linux-gnu`;
  if (osPlatform() === 'darwin') return `${arch}-apple-darwin`;
  if (osPlatform() === 'win32') return `${arch}-pc-windows-msvc`;
  return null;
}

/** Asking rustup what it has must never make it download the active toolchain. */
const QUIET_RUSTUP = { RUSTUP_AUTO_INSTALL: '0' };

/** rustup's settings.toml (RUSTUP_HOME, else ~/.rustup), or null when there is none. */
async function readRustupSettings(env: NodeJS.ProcessEnv): Promise<string | null> {
  const home = env.RUSTUP_HOME || join(env.HOME || homedir(), '.rustup');
  const read = await readProjectFile(join(home, 'settings.toml'), 1024 * 1024);
  return 'bytes' in read ? read.bytes.toString('utf8') : null;
}

export async function runDoctor(dirArg: string, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const started = performance.now();
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const host = opts.host ?? null;
  const project = await readProject(dirArg);
  const hostTriple = guessHostTriple();
  // cargo's own resolved graph (offline, never writing Cargo.lock), when the project has a lock and cargo can answer.
  const target = project.rust?.configTargets[0] ?? hostTriple;
  const cargo = project.rust?.lock && target ? await resolveWithCargo(project.rust.root, '', target, new Map(), timeoutMs * 4, metadataRequest(project)) : null;
  const plan = deriveNeeds(project, { env, platform: osPlatform(), hostTriple, cargo });
  const want = new Set(plan.needs.map((n) => n.component));
  const toolchain = project.rust?.toolchain ?? null;
  const probeCtx = { dir: project.dir, env, platform: osPlatform(), toolchain, pythonPin: project.python?.pinnedPython ?? null };
  const specs = probeSpecs(plan.needs, probeCtx);
  const rustChoice = rustToolchainChoice(toolchain, env);

  const pinned = rustChoice.run ? safeToolchainName(toolchain?.channel ?? null) : null;
  // With a pinned channel, ask rustup what is installed before running its proxies (older rustups install on demand).
  const askRustup = pinned !== null && want.has('rustc');
  const [toolchainsR, rustupVersion] = askRustup
    ? await Promise.all([
        runProbe({ id: 'rustup-toolchains', command: 'rustup', args: ['toolchain', 'list'], cwd: neutralCwd(probeCtx), env: QUIET_RUSTUP }, env, timeoutMs),
        runProbe({ id: 'rustup-version', command: 'rustup', args: ['--version'], cwd: neutralCwd(probeCtx), env: QUIET_RUSTUP }, env, timeoutMs),
      ])
    : [null, null];
  const rustupToolchains = toolchainsR?.outcome === 'ok' ? toolchainsR.stdout.split('\n').map((l) => l.trim().split(/\s+/)[0]).filter(Boolean) : null;
  const pinMissing = rustupToolchains !== null && pinned !== null && !rustupToolchains.some((t) => t === pinned || t.startsWith(`${pinned}-`));
  const autoInstall = pinMissing ? rustupAutoInstall(env, await readRustupSettings(env), rustupVersion?.outcome === 'ok' ? rustupVersion.stdout : null) : null;
  const runnable = pinMissing ? specs.filter((s) => !['rustc', 'cargo', 'rustup-targets'].includes(s.id)) : specs;

  const cargoHome = env.CARGO_HOME || join(env.HOME || homedir(), '.cargo');
  const targetDir = env.CARGO_TARGET_DIR || join(project.rust?.root ?? project.dir, 'target');
  const headers = [...want].map((c) => COMPONENTS[c].header).filter((h): h is string => Boolean(h));
  const linkerPrograms = [...new Set(plan.needs.filter((n) => n.component === 'linker').map((n) => n.program!))];
  const [results, cargoHomeP, disk, libclangDefaults, linkerPaths, headerPaths] = await Promise.all([
    runProbes(runnable, env, timeoutMs),
    want.has('cargo-home') ? probeWritable(cargoHome) : Promise.resolve(null),
    want.has('disk') ? probeDiskFree(targetDir) : Promise.resolve(null),
    want.has('libclang') && !env.LIBCLANG_PATH ? defaultLibclangDirs() : Promise.resolve([] as string[]),
    Promise.all(linkerPrograms.map((p) => probeWhich(p, env))),
    probeHeaders(headers, INCLUDE_DIRS),
  ]);
  const probes = Object.fromEntries(results.map((r) => [r.id, r]));
  if (toolchainsR) probes[toolchainsR.id] = toolchainsR;

  let libclang: Facts['libclang'] = null;
  if (want.has('libclang')) {
    // clang-sys: LIBCLANG_PATH alone when set; else llvm-config's libdir, then its default directories.
    if (env.LIBCLANG_PATH) {
      const dirs = [env.LIBCLANG_PATH];
      libclang = { source: 'LIBCLANG_PATH', dirs, found: await probeLibclangFiles(dirs) };
    } else {
      const llvm = probes['llvm-config'];
      const fromLlvm = llvm?.outcome === 'ok' ? llvm.stdout.trim() : null;
      const dirs = fromLlvm ? [fromLlvm, ...libclangDefaults] : libclangDefaults;
      libclang = { source: fromLlvm ? 'llvm-config' : 'search', dirs, found: await probeLibclangFiles(dirs) };
    }
  }

  const facts: Facts = {
    probes,
    libclang,
    cargoHome: cargoHomeP,
    disk,
    memory: want.has('memory') ? probeMemory() : null,
    env,
    host,
    timeoutMs,
    rustupToolchains,
    headers: headerPaths,
    linkers: Object.fromEntries(linkerPrograms.map((p, i) => [p, linkerPaths[i]])),
    pinnedToolchainMissing: pinMissing ? pinned : null,
    toolchainNotRun: rustChoice.run ? null : rustChoice.why,
    rustupAutoInstall: autoInstall,
  };
  const checks = plan.needs.map((n) => evaluateNeed(n, facts));
  const notes = [...plan.notes];
  if (pinMissing && autoInstall?.on && toolchain) notes.push(pinAutoInstalled(pinned!, `channel in ${toolchain.file.split(/[\\/]/).pop()}`));
  const counts: Record<CheckStatus, number> = { ok: 0, missing: 0, 'too-old': 0, 'too-new': 0, 'not-writable': 0, insufficient: 0, unknown: 0 };
  for (const c of checks) counts[c.status]++;
  return {
    schemaVersion: DOCTOR_SCHEMA_VERSION,
    dir: project.dir,
    mode: plan.mode,
    ok: checks.every((c) => !c.required || c.status === 'ok'),
    platform: { id: host, packageManager: host ? PACKAGE_MANAGER_OF[host] : null, os: osPlatform() },
    project: projectSummary(project),
    checks,
    fixAll: combinedInstall(checks, host),
    notNeeded: plan.exempted,
    unverified: plan.unverified,
    notes,
    counts,
    durationMs: Math.round(performance.now() - started),
  };
}
