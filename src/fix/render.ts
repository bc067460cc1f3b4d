// Renders a fix run (the diff, the commands, what was held back, what remains) as text and as JSON; pure.

import type { Colors } from 'picocolors/types.js';
import { redactText } from '../report/redact.js';
import { renderUnifiedDiff } from './render-diff.js';
import type { DiagnosisFixResult, FixRun } from './run-fix.js';
import { SCAN_SCHEMA_VERSION, scanIncomplete } from '../scan/run-scan.js';

export function fixJson(run: FixRun, write: boolean): object {
  return {
    schemaVersion: SCAN_SCHEMA_VERSION,
    root: run.root,
    mode: write ? 'write' : 'dry-run',
    fixable: run.fixable,
    manual: run.manual,
    diff: renderUnifiedDiff(run.changes),
    written: run.written,
    commands: run.commands,
    held: run.held,
    remaining: run.remaining ? run.remaining.findings : null,
    problems: run.problems,
    refused: run.refused,
  };
}

function colorDiff(diff: string, c: Colors): string {
  return diff
    .split('\n')
    .map((l) => (l.startsWith('+++') || l.startsWith('---') ? c.bold(l) : l.startsWith('+') ? c.green(l) : l.startsWith('-') ? c.red(l) : l.startsWith('@@') ? c.cyan(l) : l))
    .join('\n');
}

/** What could not be read (file:line and why) and what a write refused: said whatever else happened. */
function renderUnsaid(problems: FixRun['problems'], refused: FixRun['refused'], write: boolean, c: Colors): string {
  let out = '';
  for (const p of problems) out += `${c.yellow('could not check')} (${p.scanner}): ${p.message}\n`;
  for (const r of refused) out += `${c.red(write ? 'refused' : 'would refuse')}: ${r.reason}\n`;
  return out;
}

export function renderFixText(run: FixRun, write: boolean, c: Colors, dryRunHint = '`buildmedic fix --write` applies the safe fixes (add --unsafe for the others, --git to run git add)'): string {
  let out = '';
  if (run.fixable.length === 0) {
    out += renderUnsaid(run.problems, run.refused, write, c);
    if (scanIncomplete(run)) return out;
    out += run.manual.length ? `Nothing buildmedic can fix automatically; ${run.manual.length} finding(s) need a manual change (\`buildmedic scan\` lists them).\n` : 'Nothing to fix.\n';
    return out;
  }
  const diff = renderUnifiedDiff(run.changes);
  if (!write) {
    if (diff) out += colorDiff(diff, c);
  } else if (run.written.length) {
    out += `${c.green('wrote')} ${run.written.join(', ')}\n`;
  }
  for (const cmd of run.commands) {
    const mark = cmd.status === 'ran' ? c.green('ran') : cmd.status === 'failed' ? c.red('failed') : cmd.status === 'skipped' ? c.yellow('skipped') : c.cyan('would run');
    out += `${mark} ${cmd.cwd === '.' ? '' : `(in ${cmd.cwd}) `}${cmd.argv.join(' ')}${c.dim(` — ${cmd.message}`)}\n`;
  }
  for (const h of run.held) out += `${c.yellow('held back')}: ${h.reason}\n`;
  out += renderUnsaid(run.problems, run.refused, write, c);
  if (run.manual.length) out += c.dim(`${run.manual.length} finding(s) have no automatic fix (\`buildmedic scan\` lists them).\n`);
  if (write && run.remaining) {
    const left = run.remaining.findings;
    out += left.length ? `\nStill found after fixing (${left.length}):\n${left.map((f) => `  ${f.rule}  ${f.evidence[0] ? `${f.evidence[0].file}:${f.evidence[0].line}` : ''}  ${f.message}\n`).join('')}` : `\n${c.green('Re-scan: nothing left to fix.')}\n`;
  } else if (!write) {
    out += c.dim(`\nDry run: nothing was changed. ${dryRunHint}.\n`);
  }
  return out;
}

/** What `diagnose --fix` adds after the diagnosis: the Cargo.toml/Dockerfile diff (or what was written), then the scan's plan. */
export function renderDiagnosisFixText(result: DiagnosisFixResult, write: boolean, c: Colors): string {
  let out = '';
  if (result.refused.length) out += `\n${renderUnsaid([], result.refused, write, c)}`;
  if (result.changes.length) out += write ? (result.written.length ? `\n${c.green('wrote')} ${result.written.join(', ')}\n` : '') : `\n${colorDiff(renderUnifiedDiff(result.changes), c)}`;
  else for (const p of result.planned) out += c.dim(`\n${p.message}.\n`);
  if (result.scan && result.scan.fixable.length) out += `\n${renderFixText(result.scan, write, c, '`buildmedic diagnose --fix --write` applies it (`buildmedic fix --git --write` also runs git add)')}`;
  if (!out) out = c.dim('\nNo fix for this diagnosis in the project here (--fix edits Cargo.toml for crate-feature-missing, installs a component a Docker build log shows missing in the Dockerfile stage it failed in, and applies what `buildmedic fix` finds for the other rules).\n');
  else if (!write && result.changes.length) out += c.dim('Dry run: `buildmedic diagnose --fix --write` applies it.\n');
  return out;
}

/**
 * Fix output as printed: secrets masked like every other output (a diff quotes the lines around an edit, which may
 * hold a token). A masked diff no longer applies with `git apply`, so the output then says what writes the real lines.
 */
export function maskFixText(text: string, write: boolean, applyWith: string): string {
  const masked = redactText(text);
  if (masked === text || write) return masked;
  return `${masked}Secrets in the lines above are masked (***), so this diff does not apply as shown: ${applyWith} writes the real lines.\n`;
}
