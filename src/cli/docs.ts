// Finds and prints a rule's README.md (shipped in the package next to the rule's source).

import { existsSync, readFileSync } from 'node:fs';
import { BuildmedicError } from '../errors.js';
import { RULE_GROUPS } from '../rules/index.js';

export function ruleDocPath(id: string): URL | null {
  for (const [group, rules] of Object.entries(RULE_GROUPS)) {
    if (rules.some((r) => r.id === id)) return new URL(`../../src/rules/${group}/${id}/README.md`, import.meta.url);
  }
  // Scan-only checks (no log pattern, so no knowledge-base rule) keep the same README sections in src/scan/docs/<id>/.
  if (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(id)) {
    const doc = new URL(`../../src/scan/docs/${id}/README.md`, import.meta.url);
    if (existsSync(doc)) return doc;
  }
  return null;
}

export function ruleDocs(id: string): string {
  const path = ruleDocPath(id);
  if (!path) {
    const all = Object.values(RULE_GROUPS).flat().map((r) => r.id);
    const near = all.filter((r) => r.includes(id) || id.includes(r) || r.split('-')[0] === id.split('-')[0]).slice(0, 5);
    throw new BuildmedicError('unknown-rule', `no rule named '${id}'${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; \`buildmedic rules\` lists them`);
  }
  return readFileSync(path, 'utf8');
}
