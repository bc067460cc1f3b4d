// Renders a report as Markdown a person pastes into an issue (and GitHub shows as a job summary). Pure.

import { describeLocation, type Report, type ReportEvidence, type ReportItem } from './model.js';
import { clip, escapeMarkdown, fenceFor, inlineCode } from './text-utils.js';

export interface MarkdownOptions {
  /** Level of the top heading (2 for a job summary under GitHub's own title). */
  headingLevel?: number;
  /** Commands shown per fix; the rest are counted. */
  maxCommands?: number;
  /** Lines set aside shown under "Ruled out". */
  maxSetAside?: number;
}

function quoted(lines: { no: number | null; text: string }[]): string {
  const width = Math.max(1, ...lines.map((l) => String(l.no ?? '').length));
  const body = lines.map((l) => `${String(l.no ?? '').padStart(width)} | ${clip(l.text)}`).join('\n');
  const fence = fenceFor(body);
  return `${fence}text\n${body}\n${fence}`;
}

function evidenceBlock(evidence: ReportEvidence[]): string[] {
  if (evidence.length === 0) return [];
  const byFile = evidence.every((e) => e.location.kind === 'log')
    ? quoted(evidence.map((e) => ({ no: e.location.line, text: e.text })))
    : quoted(evidence.map((e) => ({ no: null, text: `${describeLocation(e.location)}: ${e.text}` })));
  return [`**Evidence** (${evidence.map((e) => describeLocation(e.location)).join(', ')}):`, '', byFile, ''];
}

function fixBlock(item: ReportItem, maxCommands: number): string[] {
  const out = [`**Fix:** ${escapeMarkdown(item.fix.summary)}`, ''];
  for (const step of item.fix.steps) out.push(`- ${escapeMarkdown(step)}`);
  if (item.fix.steps.length) out.push('');
  if (item.fix.dockerfile) out.push('In the Dockerfile stage that failed:', '', fenced('dockerfile', item.fix.dockerfile), '');
  const commands = item.fix.commands.slice(0, maxCommands);
  if (commands.length) {
    out.push(fenced('sh', commands.map((c) => `# ${c.label}\n${c.command}`).join('\n')), '');
    if (item.fix.commands.length > commands.length) out.push(`(${item.fix.commands.length - commands.length} more platforms: \`buildmedic diagnose --verbose\`)`, '');
  }
  return out;
}

function fenced(lang: string, body: string): string {
  const fence = fenceFor(body);
  return `${fence}${lang}\n${body}\n${fence}`;
}

function itemHeading(item: ReportItem): string {
  const label = item.role === 'root-cause' ? 'Root cause' : item.role === 'contributing' ? 'Also found' : item.role === 'finding' ? 'Finding' : 'Consequence';
  const score = item.confidence === null ? '' : `, ${Math.round(item.confidence * 100)}%`;
  return `${label}: ${escapeMarkdown(item.title)} (${inlineCode(item.rule)}${score})`;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const h = (n: number) => '#'.repeat(Math.min(6, (options.headingLevel ?? 2) + n));
  const maxCommands = options.maxCommands ?? 3;
  const out: string[] = [];
  const verdict = report.outcome === 'failed' ? '❌ Build failed' : report.outcome === 'succeeded' ? '✅ Build succeeded' : 'No build failure found';
  out.push(`${h(0)} buildmedic: ${verdict}`, '');
  out.push(`**Problem:** ${escapeMarkdown(report.summary)}`, '');
  if (report.outcome !== 'failed' && report.items.length === 0) {
    // an unknown outcome's excerpt: a short paste whose lines read like an error, with no failure marker
    if (report.excerpt) out.push(quoted(report.excerpt.lines.map((text, i) => ({ no: report.excerpt!.startLine + i, text }))), '');
    out.push(...environmentBlock(report, h(1)));
    return `${out.join('\n')}\n`;
  }
  const main = report.items.filter((i) => i.role !== 'consequence');
  const consequences = report.items.filter((i) => i.role === 'consequence');
  for (const item of main) {
    out.push(`${h(1)} ${itemHeading(item)}`, '');
    out.push(...evidenceBlock(item.evidence));
    out.push(`**Why:** ${escapeMarkdown(item.explanation)}`, '');
    out.push(...fixBlock(item, maxCommands));
  }
  if (report.excerpt && (report.rootCause === null || report.items.length === 0)) {
    out.push(`${h(1)} The most relevant error block`, '');
    out.push(quoted(report.excerpt.lines.map((text, i) => ({ no: report.excerpt!.startLine + i, text }))), '');
  }
  const maxSetAside = options.maxSetAside ?? 10;
  if (consequences.length || report.setAside.length) {
    out.push(`${h(1)} Ruled out`, '');
    out.push('These were seen but are not the cause: they follow from it, or are noise around it.', '');
    for (const c of consequences) out.push(`- ${escapeMarkdown(c.title)} (${inlineCode(c.rule)}): a consequence of ${inlineCode(c.explainedBy ?? report.rootCause ?? '?')}`);
    const shown = report.setAside.slice(0, maxSetAside);
    for (const e of shown) out.push(`- ${describeLocation(e.location)}: ${inlineCode(clip(e.text, 200))}`);
    if (report.setAside.length > shown.length) out.push(`- … and ${report.setAside.length - shown.length} more lines that only repeat the failure`);
    out.push('');
  }
  out.push(...environmentBlock(report, h(1)));
  return `${out.join('\n')}\n`;
}

function environmentBlock(report: Report, heading: string): string[] {
  if (report.environment.length === 0) return [];
  const cell = (s: string) => escapeMarkdown(s).replace(/\n/g, ' ');
  return [`${heading} Environment`, '', '| | |', '|---|---|', ...report.environment.map((e) => `| ${cell(e.label)} | ${cell(e.value)} |`), ''];
}
