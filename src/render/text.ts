// Renders a diagnosis for a person at a terminal. Pure: returns a string; colours are decided by the caller.

import type { Colors } from 'picocolors/types.js';
import type { Diagnosis, Finding } from '../core/rank.js';

const MAX_EVIDENCE_CHARS = 220;

function clip(text: string): string {
  return text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : text;
}

function renderFinding(f: Finding, c: Colors, verbose: boolean): string[] {
  const out: string[] = [];
  const head = f.role === 'root-cause' ? c.red(c.bold('Root cause')) : f.role === 'contributing' ? c.yellow('Also found') : c.dim('Consequence');
  out.push(`${head}: ${c.bold(f.title)} ${c.dim(`[${f.rule}] ${Math.round(f.confidence * 100)}%`)}`);
  if (f.role === 'consequence' && !verbose) {
    out.push(c.dim(`  explained by ${f.explainedBy}`));
    return out;
  }
  const width = String(Math.max(...f.evidence.map((e) => e.line), 1)).length;
  out.push('');
  for (const e of f.evidence) out.push(`  ${c.dim(String(e.line).padStart(width))} ${c.dim('│')} ${clip(e.text)}`);
  out.push('');
  out.push(`  ${c.bold('Why:')} ${f.explanation}`);
  out.push('');
  out.push(`  ${c.bold('Fix:')} ${f.fix.summary}`);
  for (const step of f.fix.steps) out.push(`    - ${step}`);
  if (f.fix.dockerfile) out.push(`    In the Dockerfile stage that failed: ${c.cyan(f.fix.dockerfile)}`);
  const commands = verbose ? f.fix.commands : f.fix.commands.slice(0, 3);
  for (const cmd of commands) out.push(`    ${c.dim(`${cmd.label}:`)} ${c.cyan(cmd.command)}`);
  if (commands.length < f.fix.commands.length) out.push(c.dim(`    (${f.fix.commands.length - commands.length} more platforms: --verbose or --json)`));
  out.push('');
  out.push(c.dim(`  More: buildmedic explain ${f.rule}`));
  return out;
}

export function renderText(d: Diagnosis, c: Colors, options: { verbose?: boolean; source?: string } = {}): string {
  const verbose = options.verbose ?? false;
  const out: string[] = [];
  if (d.outcome === 'succeeded') {
    out.push(c.green('The build succeeded; nothing to diagnose.'));
    return `${out.join('\n')}\n`;
  }
  if (d.outcome === 'unknown' && d.findings.length === 0) {
    out.push('No build failure found in this log.');
    return `${out.join('\n')}\n`;
  }
  if (d.chain.length) out.push(c.dim(`Failed in: ${d.chain.join(' → ')}`), '');
  for (const f of d.findings) {
    out.push(...renderFinding(f, c, verbose));
    out.push('');
  }
  if (!d.rootCause) {
    out.push(c.yellow(c.bold('No known cause matched.')) + ' The most relevant error block:');
    if (d.excerpt) {
      const width = String(d.excerpt.startLine + d.excerpt.lines.length).length;
      out.push('');
      d.excerpt.lines.forEach((l, i) => out.push(`  ${c.dim(String(d.excerpt!.startLine + i).padStart(width))} ${c.dim('│')} ${clip(l)}`));
    }
    out.push('');
  }
  if (d.consequences.length && verbose) {
    out.push(c.dim('Set aside as consequences:'));
    for (const e of d.consequences) out.push(c.dim(`  ${e.line}: ${clip(e.text)}`));
    out.push('');
  }
  const where = d.platform.detected ? `${d.platform.detected} (from the ${d.platform.source === 'log' ? 'log' : 'machine running buildmedic'})` : 'unknown';
  out.push(c.dim(`Platform: ${where}${d.platform.docker ? `, Docker image ${d.platform.docker.image}` : ''}.`));
  return `${out.join('\n')}\n`;
}
