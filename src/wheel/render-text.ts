// Renders wheel audit reports for a person at a terminal: a summary table, then each wheel's problems. Pure.

import type { Colors } from 'picocolors/types.js';
import { describeBlame, type WheelReport } from './audit.js';

function verdict(r: WheelReport): string {
  if (r.status === 'unreadable') return 'UNREADABLE';
  if (r.status === 'ok') return 'OK';
  return [...new Set(r.problems.map((p) => p.kind))].join(', ');
}

/** What a wheel without ELF objects needs: the newest minimum macOS of its Mach-O files, Windows, or nothing. */
function otherPlatforms(r: WheelReport): string {
  if (r.status === 'unreadable') return '-';
  const machos = r.otherBinaries.filter((b) => b.kind === 'macho');
  if (machos.length > 0) {
    const mins = machos.map((b) => b.macosMinimum).filter((m): m is string => m !== null);
    const newest = mins.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).pop();
    const arches = [...new Set(machos.map((b) => b.arch ?? '?'))].join('+');
    return `macOS ${newest ? `>= ${newest} ` : ''}${arches}`;
  }
  if (r.otherBinaries.some((b) => b.kind === 'pe')) return 'Windows (PE)';
  return 'pure Python';
}

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export function renderWheelText(reports: WheelReport[], c: Colors, opts: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  const rows = reports.map((r) => {
    const name = r.file.slice(r.file.lastIndexOf('/') + 1);
    const claimed = r.tags.platform.map((p) => p.tag).join('.') || '?';
    const achieved = Object.entries(r.achievable).map(([, tags]) => (tags ? tags[0]! : 'linux (none)')).join(', ') || otherPlatforms(r);
    return { r, name, claimed, achieved };
  });
  const wName = Math.min(60, Math.max(5, ...rows.map((x) => x.name.length)));
  const wAch = Math.min(34, Math.max(9, ...rows.map((x) => x.achieved.length)));
  out.push(c.bold(`${cell('WHEEL', wName)}  ${cell('SATISFIES', wAch)}  VERDICT`));
  for (const { r, name, achieved } of rows) {
    const v = verdict(r);
    const colour = r.status === 'ok' ? c.green : r.status === 'unreadable' ? c.magenta : c.red;
    out.push(`${cell(name, wName)}  ${cell(achieved, wAch)}  ${colour(v)}`);
  }
  for (const { r, name, claimed } of rows) {
    if (r.status === 'ok' && !opts.verbose) continue;
    out.push('');
    out.push(`${c.bold(name)} ${c.dim(`(${r.name ?? '?'} ${r.version ?? '?'}, platform ${claimed})`)}`);
    if (r.status === 'unreadable') {
      out.push(`  ${c.magenta('unreadable:')} ${r.error}`);
      continue;
    }
    for (const p of r.problems) {
      out.push(`  ${c.red(p.kind)}: ${p.message}`);
      const shown = opts.verbose ? p.blame : p.blame.slice(0, 6);
      for (const b of shown) out.push(`    ${c.dim('blame:')} ${b.object}: ${describeBlame(b)} → ${b.policy ?? 'no policy'}`);
      if (shown.length < p.blame.length) out.push(c.dim(`    … ${p.blame.length - shown.length} more (--verbose or --json)`));
      for (const f of p.fix) out.push(`    ${c.cyan('fix:')} ${f}`);
    }
    if (opts.verbose) {
      for (const o of r.objects) {
        out.push(`  ${c.dim('object')} ${o.path}: ${o.arch ?? '?'} ${o.libc} → ${o.policy ?? 'linux'}; needs ${o.needed.join(', ') || 'nothing'}`);
        for (const b of o.blame.slice(0, 4)) out.push(`    ${c.dim('pinned by')} ${describeBlame(b)} → ${b.policy ?? 'no policy'}`);
      }
      for (const b of r.otherBinaries) out.push(`  ${c.dim(b.kind)} ${b.path}${b.arch ? ` ${b.arch}` : ''}${b.macosMinimum ? `, minimum macOS ${b.macosMinimum}` : ''}`);
      out.push(c.dim(`  RECORD: ${r.record.entries} rows, ${r.record.verified} hashes verified, ${r.record.mismatches} differences`));
    }
  }
  const bad = reports.filter((r) => r.status === 'problems').length;
  const unreadable = reports.filter((r) => r.status === 'unreadable').length;
  out.push('');
  out.push(c.dim(`${reports.length} wheel${reports.length === 1 ? '' : 's'}: ${reports.length - bad - unreadable} ok, ${bad} with problems, ${unreadable} unreadable.`));
  return `${out.join('\n')}\n`;
}
