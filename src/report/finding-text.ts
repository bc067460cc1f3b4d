// One finding of a project command as text for people; pure.

import type { Colors } from 'picocolors/types.js';
import type { ScanFinding } from './finding.js';

export function renderFindingText(f: ScanFinding, c: Colors): string {
  const where = f.evidence[0] ? `${f.evidence[0].file}:${f.evidence[0].line}` : '';
  const sev = f.severity === 'error' ? c.red('error') : c.yellow('warning');
  let out = `${sev} ${c.bold(f.rule)}  ${c.dim(where)}\n  ${f.message}\n`;
  for (const e of f.evidence) out += c.dim(`    ${e.file}:${e.line}: `) + `${e.text}\n`;
  if (f.fix) out += `  ${c.green('fix')}${f.fix.safety === 'unsafe' ? c.yellow(' (unsafe)') : ''}: ${f.fix.title}\n`;
  return out;
}
