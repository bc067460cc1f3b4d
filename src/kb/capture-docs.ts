// The public captures of every rule, as docs/diagnosis-json.md lists them and docs/diagnosis.schema.json types them:
// generated from the rules' declarations so the docs cannot drift (test/captures.test.ts compares). Pure.

import type { CaptureSpec, CaptureType, Rule } from './rule.js';

const JSON_TYPE: Record<CaptureType, object> = {
  string: { type: 'string' },
  path: { type: 'string' },
  version: { type: 'string' },
  integer: { type: 'integer', minimum: 0 },
  'string[]': { type: 'array', items: { type: 'string' } },
};

// A metadata-only rule (reportedBy: scan, doctor, wheel...) never appears in a diagnosis, so the diagnosis docs skip it.
const sorted = (rules: readonly Rule[]) => rules.filter((r) => !r.reportedBy).sort((a, b) => a.id.localeCompare(b.id));

/** The JSON Schema (draft-07) of `captures` per rule: each rule's finding carries only its declared names and types. */
export function capturesSchema(rules: readonly Rule[]): object {
  return {
    allOf: sorted(rules).map((rule) => ({
      if: { properties: { rule: { const: rule.id } } },
      then: {
        properties: {
          captures: {
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(Object.entries(rule.captures).map(([name, spec]) => [name, { ...JSON_TYPE[spec.type], description: spec.doc }])),
          },
        },
      },
    })),
  };
}

const cell = (text: string) => text.replaceAll('|', '\\|');
const presence = (spec: CaptureSpec) => (spec.optional ? 'when found' : 'always');

/** The Markdown table of every rule's captures: rule, name, type, when present, meaning. */
export function capturesMarkdown(rules: readonly Rule[]): string {
  const rows = ['| rule | capture | type | present | meaning |', '|---|---|---|---|---|'];
  for (const rule of sorted(rules)) {
    const entries = Object.entries(rule.captures);
    if (entries.length === 0) rows.push(`| \`${rule.id}\` | (none) | | | |`);
    for (const [name, spec] of entries) rows.push(`| \`${rule.id}\` | \`${name}\` | \`${spec.type}\` | ${presence(spec)} | ${cell(spec.doc)} |`);
  }
  return `${rows.join('\n')}\n`;
}
