// Every case log of every rule, diagnosed against the whole knowledge base: fail-* must name the rule as root
// cause, pass-* must not, and the user-visible result must match the blessed snapshot.

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { caseFiles, diagnoseCase, ruleFolders, snapshotOf } from './helpers/cases.ts';

// UPDATE_SNAPSHOTS=1 blesses every rule's snapshots; a comma list of rule ids or group names blesses only those.
const BLESS = (process.env.UPDATE_SNAPSHOTS ?? '').split(',').filter(Boolean);
const blesses = (id: string, group: string) => BLESS.includes('1') || BLESS.includes(id) || BLESS.includes(group);

for (const { rule, dir, group } of ruleFolders()) {
  const UPDATE = blesses(rule.id, group);
  describe(`rule ${rule.id}`, () => {
    const snapPath = join(dir, 'cases', 'snapshots.txt');
    const blessed = existsSync(snapPath) ? parseSnapshots(readFileSync(snapPath, 'utf8')) : new Map<string, string>();
    const current = new Map<string, string>();
    for (const c of caseFiles(dir)) {
      if (c.kind === 'todo') {
        test.todo(`${c.name} (known gap)`);
        continue;
      }
      test(c.name, () => {
        const d = diagnoseCase(c.path);
        current.set(c.name, snapshotOf(d));
        if (c.kind === 'fail') assert.equal(d.rootCause, rule.id, `${c.name} should be diagnosed as ${rule.id}`);
        else assert.notEqual(d.rootCause, rule.id, `${c.name} is a near miss and must not be diagnosed as ${rule.id}`);
        if (!UPDATE) assert.equal(snapshotOf(d), blessed.get(c.name), `snapshot of ${c.name} changed; review and bless with UPDATE_SNAPSHOTS=1`);
      });
    }
    if (UPDATE) {
      test('write snapshots', () => {
        const body = [...current.entries()].map(([name, snap]) => `=== ${name}\n${snap}`).join('\n');
        writeFileSync(snapPath, body);
      });
    }
  });
}

function parseSnapshots(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of text.split(/^=== /m).filter(Boolean)) {
    const nl = block.indexOf('\n');
    map.set(block.slice(0, nl), `${block.slice(nl + 1).replace(/\n+$/, '')}\n`);
  }
  return map;
}
