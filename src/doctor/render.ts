// Pure: renders a doctor report as a terminal table with, under each row that is not ok, the rule id of the failure it
// predicts, the detail and the fix.

import type { Colors } from 'picocolors/types.js';
import type { CheckStatus } from './checks/evaluate.js';
import type { DoctorReport } from './run.js';

const STATUS_TEXT: Record<CheckStatus, string> = {
  ok: 'ok',
  missing: 'missing',
  'too-old': 'too old',
  'too-new': 'too new',
  'not-writable': 'not writable',
  insufficient: 'too little',
  unknown: 'unknown',
};

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export function renderDoctorText(r: DoctorReport, c: Colors, opts: { verbose?: boolean; width?: number } = {}): string {
  const width = Math.max(80, opts.width ?? 120);
  const out: string[] = [];
  const what: string[] = [];
  if (r.project.rust) what.push(`Rust${r.project.rust.members.length > 1 ? ` workspace of ${r.project.rust.members.length}` : ''}, ${r.project.rust.lockVersion === null ? 'no Cargo.lock' : `${r.project.rust.lockedCrates} locked crates`}`);
  if (r.project.python) what.push(`Python (${r.project.python.backend})`);
  out.push(c.bold(`buildmedic doctor: ${r.dir}`) + (what.length ? c.dim(` — ${what.join('; ')}`) : ''));
  for (const n of r.notes) out.push(c.yellow(n));
  out.push('');
  const rows = r.checks;
  const w1 = Math.min(42, Math.max(9, ...rows.map((x) => x.label.length)));
  const w2 = Math.min(18, Math.max(5, ...rows.map((x) => (x.found ?? '-').length)));
  const w3 = 12;
  const rest = Math.max(20, width - w1 - w2 - w3 - 6);
  out.push(c.dim(`${pad('COMPONENT', w1)}  ${pad('FOUND', w2)}  ${pad('STATUS', w3)}NEEDED BY`));
  for (const x of rows) {
    const status = STATUS_TEXT[x.status] + (x.required || x.status === 'ok' ? '' : '*');
    const colored = x.status === 'ok' ? c.green(pad(status, w3)) : x.status === 'unknown' || !x.required ? c.yellow(pad(status, w3)) : c.red(pad(status, w3));
    const by = x.neededBy.length > 1 && !opts.verbose ? `${x.neededBy[0]} (+${x.neededBy.length - 1} more)` : x.neededBy.join('; ');
    out.push(`${pad(clip(x.label, w1), w1)}  ${pad(clip(x.found ?? '-', w2), w2)}  ${colored}${opts.verbose ? by : clip(by, rest)}`);
    if (x.status !== 'ok' || opts.verbose) {
      const indent = ' '.repeat(4);
      // The rule id leads the detail, as scan and diagnose lead with theirs: `buildmedic explain <id>` takes it.
      const rule = x.rule ? `${c.bold(x.rule)}: ` : '';
      out.push(`${indent}${rule}${c.dim(`${x.detail}${x.constraints.length ? ` [wants ${x.constraints.join(', ')}]` : ''}`)}`);
      if (x.fix) {
        const cmds = opts.verbose ? x.fix.commands : x.fix.commands.slice(0, 1);
        for (const cmd of cmds) out.push(`${indent}${c.cyan('fix:')} ${cmd.command}${opts.verbose || cmd.platform === 'any' ? c.dim(`   (${cmd.label})`) : ''}`);
      }
    }
  }
  if (r.notNeeded.length) {
    out.push('');
    out.push(c.dim('Not needed here:'));
    for (const e of r.notNeeded) out.push(c.dim(`  ${e.component} for ${e.crate}: ${e.why}`));
  }
  out.push('');
  const parts = (Object.entries(r.counts) as [CheckStatus, number][]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${STATUS_TEXT[s]}`);
  const optional = r.checks.some((x) => !x.required && x.status !== 'ok') ? c.dim(' (* optional: reported, does not fail doctor)') : '';
  if (r.fixAll) out.push(`${c.cyan('Fix all at once:')} ${r.fixAll}`);
  out.push(`${r.ok ? c.green('Everything this project needs is here.') : c.red('Something this project needs is missing or unusable.')} ${parts.join(', ')}.${optional}`);
  if (rows.some((x) => x.rule)) out.push(c.dim('`buildmedic explain <id>` explains the failure a row predicts.'));
  return `${out.join('\n')}\n`;
}
