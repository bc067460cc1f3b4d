// Runs scanners over a read project and orders their findings; pure.

import type { ProjectFiles } from '../project/files.js';
import type { ScanFinding } from '../report/finding.js';
import type { Scanner } from './model.js';

export const SCAN_SCHEMA_VERSION = 1;

export interface ScanReport {
  findings: ScanFinding[];
  /** Findings left out because they could not be verified (see ScanFinding.unverified): per rule, how many and why. */
  heldBack: { rule: string; count: number; why: string[] }[];
  /** A scanner that could not read its files (invalid TOML/YAML...) says so here instead of stopping the others. */
  problems: { scanner: string; message: string }[];
  /**
   * Workspaces whose resolved graph came from rustup's default toolchain because the pinned one is not installed
   * (`workspace`: its directory, '.' for the root): the features and kinds hardly depend on the toolchain with
   * --locked, but the findings rest on that graph, so the report says so.
   */
  toolchainFallbacks: { workspace: string; used: string; pinned: string }[];
}

/**
 * The problem "scanner" of a Rust source over the size cap: said, but it does not make the scan incomplete, since a
 * source that large is generated or vendored (bindings, `cargo vendor`) and holds none of the uses the checks look for.
 */
export const SKIPPED_SOURCE = 'reader-sources';

/**
 * The problem "scanner" of where the walk stopped (more than 12 directories deep, 50,000 files, a directory it could
 * not list): said, but it does not make the scan incomplete, since a deep Java package tree or a large monorepo is
 * ordinary and no file a check named is known to be there.
 */
export const WALK_CUT = 'reader-walk';

/**
 * The problem "scanner" of a repository git refused to open (another user owns it): said, but it does not make the
 * scan incomplete, since it is the usual state of a checkout mounted into a CI container, and only the few checks of
 * what git tracks are left out.
 */
export const GIT_REFUSED = 'git';

/** Whether the scan could not read a file its findings depend on (exit 2 when it found nothing else). */
export function scanIncomplete(report: Pick<ScanReport, 'problems'>): boolean {
  return report.problems.some((p) => p.scanner !== SKIPPED_SOURCE && p.scanner !== GIT_REFUSED && p.scanner !== WALK_CUT);
}

/** Identity of a finding across re-scans: a fix only runs while a finding with the same key is still there. */
export function findingKey(f: ScanFinding): string {
  return `${f.rule}\0${f.evidence[0]?.file ?? ''}\0${f.message}`;
}

function byLocation(a: ScanFinding, b: ScanFinding): number {
  const fa = a.evidence[0]?.file ?? '';
  const fb = b.evidence[0]?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.evidence[0]?.line ?? 0) - (b.evidence[0]?.line ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export interface ScanOptions {
  /** Also report the findings that could not be verified (they are held back by default). */
  unverified?: boolean;
}

export function scanProject(project: ProjectFiles, scanners: readonly Scanner[], only?: readonly string[], options: ScanOptions = {}): ScanReport {
  const findings: ScanFinding[] = [];
  const problems: ScanReport['problems'] = (project.unread ?? []).map((u) => ({ scanner: u.walkCut ? WALK_CUT : u.file.endsWith('.rs') ? SKIPPED_SOURCE : 'reader', message: `${u.file}: ${u.reason}` }));
  if (project.gitRefused) problems.push({ scanner: GIT_REFUSED, message: `${project.gitRefused}; what git tracks and ignores was not checked` });
  for (const s of scanners) {
    try {
      findings.push(...s.scan(project, (message) => problems.push({ scanner: s.id, message })));
    } catch (error) {
      problems.push({ scanner: s.id, message: (error as Error)?.message ?? String(error) });
    }
  }
  const wanted = only && only.length ? new Set(only) : null;
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const k = findingKey(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return !wanted || wanted.has(f.rule);
  });
  const held = new Map<string, { rule: string; count: number; why: string[] }>();
  const shown = unique.filter((f) => {
    if (!f.unverified || options.unverified || (wanted && !wanted.has(f.rule))) return true;
    const h = held.get(f.rule) ?? { rule: f.rule, count: 0, why: [] };
    h.count++;
    if (!h.why.includes(f.unverified)) h.why.push(f.unverified);
    held.set(f.rule, h);
    return false;
  });
  return { findings: shown.sort(byLocation), heldBack: [...held.values()], problems, toolchainFallbacks: toolchainFallbacks(project) };
}

/** The workspaces whose graph cargo resolved with another toolchain than the pin. */
function toolchainFallbacks(project: ProjectFiles): ScanReport['toolchainFallbacks'] {
  const out: ScanReport['toolchainFallbacks'] = [];
  for (const [dir, resolution] of project.cargo ?? []) {
    if ('graph' in resolution && resolution.graph.toolchain) out.push({ workspace: dir || '.', ...resolution.graph.toolchain });
  }
  return out.sort((a, b) => (a.workspace < b.workspace ? -1 : a.workspace > b.workspace ? 1 : 0));
}
