// Renders a report as GitHub Actions workflow commands (::error/::warning/::notice annotations). Pure.

import { describeLocation, type Report, type ReportItem, type ReportSeverity } from './model.js';
import { clip } from './text-utils.js';

/** GitHub shows at most this many annotations of each type per step and drops the rest. */
export const ANNOTATIONS_PER_TYPE = 10;

/** Escaping of a workflow command's message (the runner's own rules, as in @actions/core). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property values: the message rules plus ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<ReportSeverity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', note: 'notice' };

export interface Annotation {
  command: 'error' | 'warning' | 'notice';
  properties: { file?: string; line?: number; col?: number; title: string };
  message: string;
}

function annotationOf(item: ReportItem, report: Report): Annotation {
  const first = item.evidence[0];
  const properties: Annotation['properties'] = { title: `${item.title} [${item.rule}]` };
  if (first?.location.kind === 'file') {
    properties.file = first.location.path;
    properties.line = first.location.line;
    if (first.location.column) properties.col = first.location.column;
  } else if (first?.location.kind === 'log' && report.log?.uri) {
    properties.file = report.log.uri;
    properties.line = first.location.line;
  }
  const lines: string[] = [];
  if (item.role === 'consequence') {
    lines.push(`A consequence of ${item.explainedBy ?? 'the root cause'}.`);
  } else {
    lines.push(item.explanation, '', `Fix: ${item.fix.summary}`);
    for (const c of item.fix.commands.slice(0, 2)) lines.push(`  ${c.label}: ${c.command}`);
    if (item.fix.dockerfile) lines.push(`  Dockerfile: ${item.fix.dockerfile}`);
  }
  if (item.evidence.length) {
    lines.push('', 'Evidence:');
    for (const e of item.evidence.slice(0, 4)) lines.push(`  ${describeLocation(e.location)}: ${clip(e.text, 200)}`);
  }
  lines.push('', `More: buildmedic explain ${item.rule}`);
  return { command: COMMAND[item.severity], properties, message: lines.join('\n') };
}

/** The annotations to print, root cause first, at most ANNOTATIONS_PER_TYPE of each type. */
export function planAnnotations(report: Report): Annotation[] {
  if (report.outcome === 'succeeded') return [];
  const all = report.items.map((item) => annotationOf(item, report));
  const counts = { error: 0, warning: 0, notice: 0 };
  return all.filter((a) => ++counts[a.command] <= ANNOTATIONS_PER_TYPE);
}

export function formatAnnotation(a: Annotation): string {
  const props = Object.entries(a.properties)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${a.command} ${props}::${escapeData(a.message)}`;
}

/** The workflow commands, one per line. */
export function renderGithubAnnotations(report: Report): string {
  const lines = planAnnotations(report).map(formatAnnotation);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
