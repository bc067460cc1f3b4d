// Renders a scan report as text for people and as the versioned JSON of docs/scan-json.md; pure.

import type { Colors } from 'picocolors/types.js';
import { SCAN_SCHEMA_VERSION, scanIncomplete, type ScanReport } from './run-scan.js';
import { renderFindingText } from '../report/finding-text.js';

export function scanJson(root: string, report: ScanReport): object {
  return {
    schemaVersion: SCAN_SCHEMA_VERSION,
    root,
    findings: report.findings,
    heldBack: report.heldBack,
    problems: report.problems,
    toolchainFallbacks: report.toolchainFallbacks,
    summary: {
      errors: report.findings.filter((f) => f.severity === 'error').length,
      warnings: report.findings.filter((f) => f.severity === 'warning').length,
      fixable: report.findings.filter((f) => f.fix).length,
    },
  };
}


export function renderScanText(report: ScanReport, c: Colors): string {
  let out = report.findings.map((f) => renderFindingText(f, c)).join('\n');
  for (const p of report.problems) out += `${c.yellow('could not check')} (${p.scanner}): ${p.message}\n`;
  for (const t of report.toolchainFallbacks) out += c.dim(`note: the build graph of ${t.workspace === '.' ? 'the workspace' : t.workspace} was resolved with the installed toolchain ${t.used}: the pinned ${t.pinned} is not installed\n`);
  const fixable = report.findings.filter((f) => f.fix).length;
  for (const h of report.heldBack) {
    out += c.dim(`held back ${h.count} unverified ${h.rule} finding${h.count === 1 ? '' : 's'} (\`--unverified\` shows them):\n`);
    for (const why of h.why.slice(0, 3)) out += c.dim(`  - ${why}\n`);
    if (h.why.length > 3) out += c.dim(`  - and ${h.why.length - 3} more reasons\n`);
  }
  if (report.findings.length === 0) out += scanIncomplete(report) ? 'Nothing found in the files that could be read.\n' : 'No known build-failure risks found.\n';
  else out += c.dim(`\n${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}, ${fixable} with a fix: \`buildmedic fix\` shows the diff, \`buildmedic fix --write\` applies it. \`buildmedic explain <id>\` explains a finding.\n`);
  return out;
}
