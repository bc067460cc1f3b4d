// Renders a diagnosis for a person at a terminal. Pure: returns a string; colours are decided by the caller.

import type { Colors } from 'picocolors/types.js';
import type { Diagnosis, Finding } from '../diagnose/rank.js';
import { type HostPlatformOrigin, platformCertainty, selectFixCommands } from './platform-commands.js';

const MAX_EVIDENCE_CHARS = 220;

function clip(text: string): string {
  return text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : text;
}

function renderFinding(f: Finding, c: Colors, verbose: boolean, platform: Diagnosis['platform']['detected']): string[] {
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
  const { shown, hidden } = selectFixCommands(f.fix.commands, platform, verbose);
  for (const cmd of shown) out.push(`    ${c.dim(`${cmd.label}:`)} ${c.cyan(cmd.command)}`);
  if (hidden) out.push(c.dim(`    (${hidden} for other platforms: --verbose or --json)`));
  out.push('');
  out.push(c.dim(`  More: buildmedic explain ${f.rule}`));
  return out;
}

export interface TextOptions {
  verbose?: boolean;
  /** What the machine's platform stands for when the log does not say (default: a guess, as for a log read elsewhere). */
  hostPlatform?: HostPlatformOrigin;
}

function platformLine(d: Diagnosis, hostOrigin: HostPlatformOrigin): string {
  const docker = d.platform.docker ? `, Docker image ${d.platform.docker.image}` : '';
  if (!d.platform.detected) return `Platform: unknown${docker}.`;
  if (platformCertainty(d.platform, hostOrigin) === 'guessed') {
    return `Platform: ${d.platform.detected}${docker}, guessed from this machine (the log does not say; --platform <id> sets it).`;
  }
  const from = d.platform.source === 'log' ? 'from the log' : hostOrigin === 'flag' ? 'from --platform' : 'the machine that ran the build';
  return `Platform: ${d.platform.detected} (${from})${docker}.`;
}

/** The excerpt's lines, numbered as in the log. */
function excerptLines(excerpt: NonNullable<Diagnosis['excerpt']>, c: Colors): string[] {
  const width = String(excerpt.startLine + excerpt.lines.length).length;
  return excerpt.lines.map((l, i) => `  ${c.dim(String(excerpt.startLine + i).padStart(width))} ${c.dim('│')} ${clip(l)}`);
}

export function renderText(d: Diagnosis, c: Colors, options: TextOptions = {}): string {
  const verbose = options.verbose ?? false;
  const hostOrigin = options.hostPlatform ?? 'guess';
  const out: string[] = [];
  if (d.outcome === 'succeeded') {
    out.push(c.green('The build succeeded; nothing to diagnose.'));
    return `${out.join('\n')}\n`;
  }
  if (d.outcome === 'unknown' && d.findings.length === 0) {
    if (!d.excerpt) {
      out.push('No build failure found in this log.');
      return `${out.join('\n')}\n`;
    }
    out.push(`${c.yellow(c.bold('No failure marker found.'))} Lines of this paste read like an error:`, '', ...excerptLines(d.excerpt, c), '');
    out.push(c.dim(platformLine(d, hostOrigin)));
    return `${out.join('\n')}\n`;
  }
  if (d.chain.length) out.push(c.dim(`Failed in: ${d.chain.join(' → ')}`), '');
  for (const f of d.findings) {
    out.push(...renderFinding(f, c, verbose, d.platform.detected));
    out.push('');
  }
  if (!d.rootCause) {
    out.push(c.yellow(c.bold('No known cause matched.')) + ' The most relevant error block:');
    if (d.excerpt) out.push('', ...excerptLines(d.excerpt, c));
    out.push('');
  }
  if (d.consequences.length && verbose) {
    out.push(c.dim('Set aside as consequences:'));
    for (const e of d.consequences) out.push(c.dim(`  ${e.line}: ${clip(e.text)}`));
    out.push('');
  }
  out.push(c.dim(platformLine(d, hostOrigin)));
  return `${out.join('\n')}\n`;
}
