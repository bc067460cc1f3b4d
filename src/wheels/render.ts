// Renders a `buildmedic wheels` report as text for people and as the versioned JSON of docs/wheels-json.md; pure.

import type { Colors } from 'picocolors/types.js';
import { renderFindingText } from '../report/finding-text.js';
import type { WheelsReport } from './run.js';

export const WHEELS_SCHEMA_VERSION = 1;

const source = (s: WheelsReport['target']['pythonFrom']) => ({ kind: s.kind, file: s.where?.file ?? null, line: s.where?.line ?? null, note: s.note });

export function wheelsSummary(r: WheelsReport) {
  const count = (s: string) => r.verdicts.filter((v) => v.status === s).length;
  return { packages: r.verdicts.length, wheels: count('wheel'), sourceBuilds: count('source-build'), uninstallable: count('no-candidate'), unknown: count('unknown') };
}

export function wheelsJson(r: WheelsReport): object {
  return {
    schemaVersion: WHEELS_SCHEMA_VERSION,
    root: r.root,
    target: {
      python: r.target.spec.python.join('.'),
      freeThreaded: Boolean(r.target.spec.freeThreaded),
      platform: r.target.spec.platform,
      pythonFrom: source(r.target.pythonFrom),
      platformFrom: source(r.target.platformFrom),
      deploy: r.target.deploy,
      warnings: r.target.warnings,
    },
    dependencies: {
      file: r.dependencies.source,
      kind: r.dependencies.kind,
      indexUrl: r.indexUrl,
      extraIndexUrls: r.dependencies.settings.extraIndexUrls,
      onlyBinary: [...r.dependencies.settings.onlyBinary].sort(),
      noBinary: [...r.dependencies.settings.noBinary].sort(),
    },
    packages: r.verdicts.map((v) => ({
      name: v.dep.normalized,
      specifier: v.dep.specifier,
      version: v.version,
      status: v.status,
      file: v.file,
      reason: v.reason,
      binaryOnly: v.binaryOnly,
      newestWithWheel: v.newestWithWheel,
      pythonsWithWheel: v.pythonsWithWheel,
      build: v.needs,
      where: { file: v.dep.where.file, line: v.dep.where.line },
    })),
    findings: r.findings,
    problems: r.problems,
    indexFailures: r.indexFailures,
    summary: wheelsSummary(r),
  };
}

export function renderWheelsText(r: WheelsReport, c: Colors): string {
  const t = r.target;
  const py = `CPython ${t.spec.python.join('.')}${t.spec.freeThreaded ? 't' : ''}`;
  const from = (s: typeof t.pythonFrom) => (s.where ? `${s.where.file}:${s.where.line}, ${s.note}` : s.note) + (s.kind === 'assumed' ? ', assumed' : '');
  let out = `${c.bold('target')}: ${py} (${from(t.pythonFrom)}) on ${t.spec.platform} (${from(t.platformFrom)})\n`;
  out += `${c.bold('dependencies')}: ${r.dependencies.source}, index ${r.indexUrl}\n`;
  for (const w of t.warnings) out += `${c.yellow('note')}: ${w}\n`;
  out += '\n';
  out += r.findings.map((f) => renderFindingText(f, c)).join('\n');
  for (const p of r.problems) out += `${c.yellow('could not read')} ${p.file}:${p.line}: ${p.message}\n`;
  for (const v of r.verdicts.filter((x) => x.status === 'unknown')) out += `${c.yellow('could not check')} ${v.dep.name}: ${v.reason}\n`;
  const s = wheelsSummary(r);
  out += c.dim(`\n${s.packages} packages: ${s.wheels} install from wheels, ${s.sourceBuilds} build from source, ${s.uninstallable} cannot be installed, ${s.unknown} not checked.\n`);
  if (r.findings.some((f) => f.fix)) out += c.dim('`buildmedic wheels --fix` shows the fixes as a diff; `--fix --write` applies them.\n');
  return out;
}
