// Finds and prints a rule's README.md (shipped in the package next to the rule's source); a retired id names its
// successor and prints that rule's README.

import { readFileSync } from 'node:fs';
import { BuildmedicError } from '../errors.js';
import { RULE_GROUPS } from '../kb/rules/index.js';
import { findRetired } from '../kb/rules/retired.js';

export function ruleDocPath(id: string): URL | null {
  for (const [group, rules] of Object.entries(RULE_GROUPS)) {
    if (rules.some((r) => r.id === id)) return new URL(`../../src/kb/rules/${group}/${id}/README.md`, import.meta.url);
  }
  return null;
}

export function ruleDocs(id: string): string {
  const path = ruleDocPath(id);
  if (path) return readFileSync(path, 'utf8');
  const retired = findRetired(id);
  if (retired) {
    const note = `${id} was retired in ${retired.since}${retired.replacedBy ? `; its cause is now reported as ${retired.replacedBy}` : ''}. ${retired.reason}\n`;
    const successor = retired.replacedBy ? ruleDocPath(retired.replacedBy) : null;
    return successor ? `${note}\n${readFileSync(successor, 'utf8')}` : note;
  }
  const all = Object.values(RULE_GROUPS).flat().map((r) => r.id);
  const near = all.filter((r) => r.includes(id) || id.includes(r) || r.split('-')[0] === id.split('-')[0]).slice(0, 5);
  throw new BuildmedicError('unknown-rule', `no rule named '${id}'${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; \`buildmedic rules\` lists them`);
}
