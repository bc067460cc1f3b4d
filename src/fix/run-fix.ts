// `buildmedic fix` end to end (I/O): read, scan, plan, and with --write apply atomically, run the tools, re-scan.

import type { PublicCaptureValue } from '../kb/rule.js';
import { BuildmedicError } from '../errors.js';
import { cargoRejects } from '../project/cargo-metadata.js';
import { lockLocations } from '../project/cargo/packages.js';
import type { ProjectFiles } from '../project/files.js';
import type { ScanFinding } from '../report/finding.js';
import type { Scanner } from '../scan/model.js';
import { applyEdits, editsByFile } from '../project/text-edits.js';
import { type ReadOptions, readProjectFiles } from '../project/read-project.js';
import { findingKey, scanIncomplete, scanProject, type ScanReport } from '../scan/run-scan.js';
import { composeFixes, type FileChange } from './compose.js';
import { type CommandResult, runFixCommand } from './run-commands.js';
import { toolWriteRefusal } from './tool-writes.js';
import { writeChanges, writeRefusal } from './write-files.js';

export interface FixOptions {
  write: boolean;
  only?: string[];
  /** Opt-in flags given (e.g. 'git' for `--git`). */
  optIns: string[];
  /** Apply unsafe plans too (they are always shown). */
  unsafe: boolean;
  commandTimeoutMs?: number;
  /** How the project is read: whether cargo resolves the build graph, for which target. */
  read?: ReadOptions;
}

export interface FixRun {
  root: string;
  /** Findings with a fix, as first scanned. */
  fixable: ScanFinding[];
  /** Findings scanned that have no automatic fix. */
  manual: ScanFinding[];
  /** The first round's changes: the dry-run diff, or what the first write applied. */
  changes: FileChange[];
  /** Every file written, over all rounds. */
  written: string[];
  commands: { rule: string; argv: string[]; cwd: string; status: 'planned' | 'ran' | 'failed' | 'skipped'; message: string }[];
  /** Plans held back: unsafe without --unsafe, or colliding with another plan in a dry run. */
  held: { rule: string; reason: string }[];
  /** After --write: what a fresh scan still finds. */
  remaining: ScanReport | null;
  problems: ScanReport['problems'];
  /** Writes refused (outside the project, a hard link, not UTF-8 where edited, no longer parses...): file and why. */
  refused: Refusal[];
}

export interface Refusal {
  file: string;
  reason: string;
}

/** The changes `write` would refuse, and the findings that edit those files (their whole plan is held back). */
async function refusedChanges(project: ProjectFiles, changes: readonly FileChange[], findings: readonly ScanFinding[]): Promise<{ refused: Refusal[]; findings: Set<ScanFinding> }> {
  const refused: Refusal[] = [];
  for (const change of changes) {
    const reason = await writeRefusal(project.root, change);
    if (reason) refused.push({ file: change.file, reason });
  }
  const files = new Set(refused.map((r) => r.file));
  return { refused, findings: new Set(findings.filter((f) => f.fix?.edits.some((e) => files.has(e.file)))) };
}

function addRefusals(run: { refused: Refusal[] }, refusals: readonly Refusal[]): void {
  for (const r of refusals) if (!run.refused.some((x) => x.reason === r.reason)) run.refused.push(r);
}

const MAX_ROUNDS = 4;

/** The one unsafe-fix policy (fix, diagnose --fix, wheels --fix): an unsafe plan is written only with --unsafe. */
export function heldAsUnsafe(f: ScanFinding, unsafe: boolean): { rule: string; reason: string } | null {
  return f.fix?.safety === 'unsafe' && !unsafe ? { rule: f.rule, reason: `${f.fix.title}: unsafe (changes behaviour); apply with --unsafe after reading the diff` } : null;
}

function wantedForWrite(findings: ScanFinding[], opts: FixOptions, held: FixRun['held']): ScanFinding[] {
  return findings.filter((f) => {
    if (!f.fix) return false;
    const unsafe = heldAsUnsafe(f, opts.unsafe);
    if (unsafe) {
      held.push(unsafe);
      return false;
    }
    const runnable = f.fix.commands.filter((c) => !c.optIn || opts.optIns.includes(c.optIn));
    if (f.fix.edits.length === 0 && runnable.length === 0) {
      const flags = [...new Set(f.fix.commands.map((c) => `--${c.optIn}`))].join(' ');
      held.push({ rule: f.rule, reason: `${f.fix.title}: runs ${f.fix.commands.map((c) => c.argv[0]).join(', ')}; add ${flags} to let it` });
      return false;
    }
    return true;
  });
}

/**
 * Drops the Cargo.toml edits cargo rejects (`cargo metadata` on the edited manifests, in a temporary copy), so no fix
 * breaks the build; each dropped plan is held with cargo's reason.
 */
async function withoutRejectedManifestEdits(project: ProjectFiles, findings: ScanFinding[], held: FixRun['held']): Promise<ScanFinding[]> {
  const out: ScanFinding[] = [];
  for (const f of findings) {
    const manifests = f.fix ? [...editsByFile(f.fix.edits)].filter(([file]) => file === 'Cargo.toml' || file.endsWith('/Cargo.toml')) : [];
    if (!f.fix || manifests.length === 0) {
      out.push(f);
      continue;
    }
    const edited = new Map<string, string>();
    for (const [file, edits] of manifests) edited.set(file, applyEdits(project.files.get(file) ?? '', edits));
    const workspace = lockLocations(project).find((l) => manifests.some(([file]) => l.dir === '' || file.startsWith(`${l.dir}/`)))?.dir ?? '';
    const why = await cargoRejects(project.files, edited, workspace, project.target ?? 'x86_64-unknown-linux-gnu');
    if (why === null) out.push(f);
    else {
      held.push({ rule: f.rule, reason: `${f.fix.title}: cargo rejects the edited manifest (${why}); not applied` });
      out.push({ ...f, fix: null });
    }
  }
  return out;
}

export async function runFix(dir: string, scanners: readonly Scanner[], opts: FixOptions): Promise<FixRun> {
  let project = await readProjectFiles(dir, scanners, opts.read);
  let report = scanProject(project, scanners, opts.only);
  const rejected: FixRun['held'] = [];
  if (opts.read?.resolveCargo) report = { ...report, findings: await withoutRejectedManifestEdits(project, report.findings, rejected) };
  const run: FixRun = {
    root: project.root,
    fixable: report.findings.filter((f) => f.fix),
    manual: report.findings.filter((f) => !f.fix),
    changes: [],
    written: [],
    commands: [],
    held: [],
    remaining: null,
    problems: report.problems,
    refused: [],
  };
  run.held.push(...rejected);
  if (!opts.write) {
    let composed = composeFixes(project, report.findings);
    // What --write would refuse is said now, and left out of the diff (`git apply` would do what buildmedic will not).
    const blocked = await refusedChanges(project, composed.changes, report.findings);
    addRefusals(run, blocked.refused);
    if (blocked.refused.length) composed = composeFixes(project, report.findings.filter((f) => !blocked.findings.has(f)));
    run.changes = composed.changes;
    for (const { finding, command } of composed.commands) {
      const optIn = command.optIn && !opts.optIns.includes(command.optIn);
      const refusal = optIn ? null : await toolWriteRefusal(project.root, command);
      if (refusal) addRefusals(run, [refusal]);
      run.commands.push({ rule: finding.rule, argv: command.argv, cwd: command.cwd, status: optIn || refusal ? 'skipped' : 'planned', message: optIn ? `${command.why} (only with --${command.optIn})` : refusal ? `${command.why}: ${refusal.reason}` : command.why });
    }
    for (const f of composed.unreadable) run.held.push({ rule: f.rule, reason: `${f.fix?.title}: edits a file the scan did not read; not applied` });
    for (const f of composed.deferred) run.held.push({ rule: f.rule, reason: `${f.fix?.title}: edits the same text as another fix; planned once that one is applied` });
    for (const f of composed.planned) if (f.fix?.safety === 'unsafe' && !opts.unsafe) run.held.push({ rule: f.rule, reason: `${f.fix.title}: unsafe; --write applies it only with --unsafe` });
    return run;
  }
  const attempted = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const held: FixRun['held'] = [];
    const candidates = wantedForWrite(report.findings, opts, held).filter((f) => !attempted.has(findingKey(f)));
    for (const h of held) if (!run.held.some((x) => x.reason === h.reason)) run.held.push(h);
    if (candidates.length === 0) break;
    let composed = composeFixes(project, candidates);
    const blocked = await refusedChanges(project, composed.changes, candidates);
    if (blocked.refused.length) {
      addRefusals(run, blocked.refused);
      for (const f of blocked.findings) attempted.add(findingKey(f));
      composed = composeFixes(project, candidates.filter((f) => !blocked.findings.has(f)));
    }
    for (const f of composed.unreadable) {
      const reason = `${f.fix?.title}: edits a file the scan did not read; not applied`;
      if (!run.held.some((h) => h.reason === reason)) run.held.push({ rule: f.rule, reason });
    }
    if (composed.planned.length === 0) break;
    for (const f of composed.planned) attempted.add(findingKey(f));
    const wrote = await writeChanges(project.root, composed.changes);
    addRefusals(run, wrote.refused);
    for (const file of wrote.written) if (!run.written.includes(file)) run.written.push(file);
    if (round === 0) run.changes = composed.changes.filter((c) => wrote.written.includes(c.file));
    if (composed.commands.length) {
      // A tool runs only while its finding still holds: an edit above, or the user, may have fixed it already.
      const fresh = scanProject(await readProjectFiles(dir, scanners, opts.read), scanners, opts.only);
      const live = new Set(fresh.findings.map(findingKey));
      const done = new Set<string>();
      const failed = new Set<string>();
      for (const { finding, command } of composed.commands) {
        const entry = { rule: finding.rule, argv: command.argv, cwd: command.cwd };
        if (failed.has(findingKey(finding))) {
          run.commands.push({ ...entry, status: 'skipped', message: `${command.why}: not run, an earlier step of this fix failed` });
        } else if (command.optIn && !opts.optIns.includes(command.optIn)) {
          run.commands.push({ ...entry, status: 'skipped', message: `${command.why}: not run (add --${command.optIn} to run it)` });
        } else if (!live.has(findingKey(finding))) {
          run.commands.push({ ...entry, status: 'skipped', message: `${command.why}: not run, the finding no longer holds` });
        } else if (done.has(`${command.cwd}\0${command.argv.join('\0')}`)) {
          continue;
        } else {
          done.add(`${command.cwd}\0${command.argv.join('\0')}`);
          const refusal = await toolWriteRefusal(project.root, command);
          if (refusal) {
            addRefusals(run, [refusal]);
            run.commands.push({ ...entry, status: 'skipped', message: `${command.why}: ${refusal.reason}` });
            failed.add(findingKey(finding));
            continue;
          }
          const r: CommandResult = await runFixCommand(project.root, command, opts.commandTimeoutMs);
          run.commands.push({ ...entry, argv: r.argv, status: r.ok ? 'ran' : 'failed', message: r.message });
          if (!r.ok) failed.add(findingKey(finding));
        }
      }
    }
    project = await readProjectFiles(dir, scanners, opts.read);
    report = scanProject(project, scanners, opts.only);
    if (opts.read?.resolveCargo) {
      const again: FixRun['held'] = [];
      report = { ...report, findings: await withoutRejectedManifestEdits(project, report.findings, again) };
      for (const h of again) if (!run.held.some((x) => x.reason === h.reason)) run.held.push(h);
    }
  }
  run.remaining = report;
  return run;
}

/**
 * Exit code of `fix`: 2 when a write was refused, or nothing was fixable and some file could not be read; 1 fixes
 * shown or applied; 0 nothing to fix. Other errors (2) are thrown.
 */
export function fixExitCode(run: FixRun): number {
  if (run.refused.length) return 2;
  if (run.fixable.length === 0) return scanIncomplete(run) ? 2 : 0;
  return 1;
}

export interface DiagnosisFixResult {
  /** Plans made from the diagnosis's captures (crate-feature-missing: crate + feature). */
  planned: ScanFinding[];
  changes: FileChange[];
  written: string[];
  /** Plans and writes refused: a name from the log that is not a Cargo name, a write `write-files` would not do. */
  refused: Refusal[];
  /** For the other diagnosed rules: what `buildmedic fix --only <those rules>` does in the project. */
  scan: FixRun | null;
}

/**
 * `diagnose --fix`: the plan for diagnosed findings in the project at `dir`, and with `write` applied atomically.
 * `dockerImage` is the base image of the Docker stage the log shows failing (the diagnosis's `platform.docker`): a
 * missing component the log proves is then installed in the Dockerfile stage built on it.
 */
export async function runDiagnosisFix(
  dir: string,
  findings: readonly { rule: string; title: string; captures: Record<string, PublicCaptureValue> }[],
  write: boolean,
  dockerImage: string | null = null,
): Promise<DiagnosisFixResult> {
  const { planFromDiagnosis } = await import('./plan-from-diagnosis.js');
  const { planDockerfileFromDiagnosis } = await import('./plan-dockerfile-from-diagnosis.js');
  const { DOCKERFILE_READS } = await import('../scan/dockerfile/index.js');
  const project = await readProjectFiles(dir, [{ reads: ['**/Cargo.toml', ...(dockerImage ? DOCKERFILE_READS : [])] }]);
  const refused: Refusal[] = [];
  const planned: ScanFinding[] = [];
  for (const f of findings) {
    try {
      // Only a log that shows a Docker stage failing says the Dockerfile is where the component is missing.
      const plan = planFromDiagnosis(project, f) ?? (dockerImage ? planDockerfileFromDiagnosis(project, { ...f, image: dockerImage }) : null);
      if (plan) planned.push(plan);
    } catch (error) {
      if (!(error instanceof BuildmedicError) || error.code !== 'fix-refused') throw error;
      refused.push({ file: 'Cargo.toml', reason: error.message });
    }
  }
  let composed = composeFixes(project, planned);
  const blocked = await refusedChanges(project, composed.changes, planned);
  addRefusals({ refused }, blocked.refused);
  if (blocked.refused.length) composed = composeFixes(project, planned.filter((f) => !blocked.findings.has(f)));
  const written: string[] = [];
  if (write) {
    const wrote = await writeChanges(project.root, composed.changes);
    addRefusals({ refused }, wrote.refused);
    written.push(...wrote.written);
  }
  // The rules the captures did not turn into a plan: the scan of the project finds the same causes in its files.
  const covered = new Set(planned.map((f) => f.rule));
  const others = [...new Set(findings.map((f) => f.rule))].filter((r) => !covered.has(r));
  let scan: FixRun | null = null;
  if (others.length) {
    const { SCANNERS } = await import('../scan/registry.js');
    scan = await runFix(dir, SCANNERS, { write, only: others, optIns: [], unsafe: false });
  }
  return { planned, changes: composed.changes, written, refused, scan };
}
