// Finds every rule's case logs and diagnoses them the way the CLI does (fixed host platform, so output is stable).

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileKnowledgeBase, diagnoseText } from '../../src/diagnose/engine.js';
import type { Diagnosis } from '../../src/diagnose/rank.js';
import type { Rule } from '../../src/kb/rule.js';
import { RULE_GROUPS } from '../../src/kb/rules/index.js';

export const RULES_DIR = new URL('../../src/kb/rules/', import.meta.url).pathname;
export const KB = compileKnowledgeBase(Object.values(RULE_GROUPS).flat());

export interface RuleFolder {
  group: string;
  rule: Rule;
  dir: string;
}

export function ruleFolders(): RuleFolder[] {
  return Object.entries(RULE_GROUPS).flatMap(([group, rules]) => rules.map((rule) => ({ group, rule, dir: join(RULES_DIR, group, rule.id) })));
}

export type CaseKind = 'fail' | 'pass' | 'todo';

export interface CaseFile {
  kind: CaseKind;
  name: string;
  path: string;
}

export function caseFiles(dir: string): CaseFile[] {
  const casesDir = join(dir, 'cases');
  if (!existsSync(casesDir)) return [];
  return readdirSync(casesDir)
    .filter((f) => /^(fail|pass|todo)-.+\.(log|txt)$/.test(f))
    .sort()
    .map((name) => ({ kind: name.split('-')[0] as CaseKind, name, path: join(casesDir, name) }));
}

export function diagnoseCase(path: string): Diagnosis {
  return diagnoseText(KB, readFileSync(path, 'utf8'), { hostPlatform: 'debian' });
}

/** The part of a diagnosis that a snapshot pins: what was found, where, and in what role. */
export function snapshotOf(d: Diagnosis): string {
  const lines = [`outcome: ${d.outcome}`, `rootCause: ${d.rootCause}`];
  if (d.chain.length) lines.push(`chain: ${d.chain.join(' → ')}`);
  lines.push(`platform: ${d.platform.detected} (${d.platform.source})${d.platform.docker ? ` docker ${d.platform.docker.image}` : ''}`);
  for (const f of d.findings) {
    lines.push(`finding ${f.rule} ${f.role} ${f.confidence}${f.explainedBy ? ` explainedBy=${f.explainedBy}` : ''}`);
    // A list shows as JSON, so a snapshot pins that it stays a list.
    const caps = Object.entries(f.captures).map(([k, v]) => `${k}=${Array.isArray(v) ? JSON.stringify(v) : v}`).join(' ');
    if (caps) lines.push(`  captures: ${caps}`);
    for (const e of f.evidence) lines.push(`  ${e.line}: ${e.text.slice(0, 160)}`);
  }
  if (!d.rootCause && d.excerpt) lines.push(`excerpt from line ${d.excerpt.startLine} (${d.excerpt.lines.length} lines)`);
  return `${lines.join('\n')}\n`;
}
