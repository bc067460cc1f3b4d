// Renders findings as a GitLab Code Quality report: the JSON array GitLab reads from `artifacts:reports:codequality`
// (a subset of the Code Climate issue format). Pure.

import { isAbsolute, relative, sep } from 'node:path';
import type { ScanFinding } from './finding.js';
import { lazyCrypto } from './lazy-crypto.js';
import type { Report, ReportItem, ReportSeverity } from './model.js';
import { clip } from './text-utils.js';

/** GitLab's severity scale (docs: "Implement a custom tool"). */
export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** One Code Quality issue: GitLab reads description, check_name, fingerprint, severity and location. */
export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/** An error fails the build (or gets its output rejected); a warning may; a note is context. */
const SEVERITY: Record<ReportSeverity, CodeQualitySeverity> = { error: 'critical', warning: 'major', note: 'info' };

const MAX_DESCRIPTION = 600;

/**
 * A path as GitLab wants it: relative to the project directory (the job's CI_PROJECT_DIR), with '/' separators. A
 * path outside it stays as given: GitLab then shows it without a link, which beats pointing at the wrong file.
 */
export function projectRelative(path: string, projectDir: string): string {
  const rel = isAbsolute(path) ? relative(projectDir, path) : path;
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : path).split(sep).join('/').replace(/^\.\//, '');
}

interface Located {
  rule: string;
  description: string;
  severity: CodeQualitySeverity;
  path: string;
  line: number;
  /** What makes this finding this one, independent of line numbers: the quoted text moves with edits, not with them. */
  identity: string;
}

/**
 * Fingerprints that stay the same while the finding does: rule, file and the quoted text, not the line (lines shift
 * when unrelated code is added above). Two findings alike in all of these are told apart by their order.
 */
function withFingerprints(located: readonly Located[]): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return located.map((l) => {
    const key = [l.rule, l.path, l.identity.replace(/\s+/g, ' ').trim()].join('\0');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const fingerprint = lazyCrypto().createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
    return {
      type: 'issue',
      check_name: l.rule,
      description: clip(l.description.replace(/\s+/g, ' ').trim(), MAX_DESCRIPTION),
      categories: ['Bug Risk'],
      fingerprint,
      severity: l.severity,
      location: { path: l.path, lines: { begin: Math.max(1, l.line) } },
    };
  });
}

function describeItem(item: ReportItem): string {
  const fix = item.fix.summary ? ` Fix: ${item.fix.summary}` : '';
  return `${item.title} [${item.rule}].${fix} (buildmedic explain ${item.rule})`;
}

/**
 * A diagnosed log (diagnose, run): one issue per root cause and contributing finding, located at its first evidence
 * line in the log artifact. Consequences are left out: they are explained by the root cause, not problems of their own.
 * `logPath` names the artifact (the log file, or `run --log`); without one, the log's name stands in.
 */
export function codeQualityFromReport(report: Report, projectDir: string): CodeQualityIssue[] {
  if (report.outcome === 'succeeded') return [];
  const logPath = projectRelative(report.log?.uri ?? report.log?.name ?? 'build.log', projectDir);
  return withFingerprints(
    report.items
      .filter((item) => item.role !== 'consequence')
      .map((item) => {
        const first = item.evidence[0];
        const path = first?.location.kind === 'file' ? projectRelative(first.location.path, projectDir) : logPath;
        return { rule: item.rule, description: describeItem(item), severity: SEVERITY[item.severity], path, line: first?.location.line ?? 1, identity: first?.text ?? item.title };
      }),
  );
}

/** Scan findings: one issue each, at the file and line of its first evidence, relative to the project directory. */
export function codeQualityFromScan(findings: readonly ScanFinding[], scanRoot: string, projectDir: string): CodeQualityIssue[] {
  return withFingerprints(
    findings.map((f) => {
      const first = f.evidence[0];
      const path = projectRelative(first ? `${scanRoot}${sep}${first.file}` : scanRoot, projectDir);
      const fix = f.fix ? ` Fix${f.fix.safety === 'unsafe' ? ' (unsafe)' : ''}: ${f.fix.title} (buildmedic fix).` : '';
      return { rule: f.rule, description: `${f.message} [${f.rule}].${fix}`, severity: SEVERITY[f.severity], path, line: first?.line ?? 1, identity: first?.text ?? f.message };
    }),
  );
}

/** The file's text: GitLab's parser refuses a byte order mark, and there is none. */
export function formatCodeQuality(issues: readonly CodeQualityIssue[]): string {
  return `${JSON.stringify(issues, null, 2)}\n`;
}
