// Composing many findings' plans: colliding edits are deferred (never merged into a corrupt file), and the diff
// renders what the plans change.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { composeFixes } from '../src/fix/compose.ts';
import { renderUnifiedDiff } from '../src/fix/render-diff.ts';
import type { ProjectFiles } from '../src/project/files.ts';
import type { ScanFinding } from '../src/report/finding.ts';

const text = '[dependencies]\nclap = "4"\nserde = "1"\n';
const project: ProjectFiles = { root: '/p', files: new Map([['Cargo.toml', text]]), gitTracked: null, gitIgnored: null };

function finding(rule: string, start: number, end: number, insert: string): ScanFinding {
  return {
    rule,
    title: rule,
    severity: 'error',
    message: rule,
    evidence: [{ file: 'Cargo.toml', line: 2, text: '' }],
    captures: {},
    fix: { title: rule, safety: 'safe', edits: [{ file: 'Cargo.toml', start, end, text: insert }], commands: [] },
  };
}

test('plans that edit the same text are deferred, the others composed into one change per file', () => {
  const clap = text.indexOf('"4"');
  const serde = text.indexOf('"1"');
  const composed = composeFixes(project, [
    finding('a', clap, clap + 3, '{ version = "4", features = ["env"] }'),
    finding('b', clap, clap + 3, '{ version = "4", features = ["derive"] }'),
    finding('c', serde, serde + 3, '{ version = "1", features = ["derive"] }'),
  ]);
  assert.deepEqual(composed.planned.map((f) => f.rule), ['a', 'c']);
  assert.deepEqual(composed.deferred.map((f) => f.rule), ['b']);
  assert.equal(composed.changes.length, 1);
  assert.equal(composed.changes[0].after, '[dependencies]\nclap = { version = "4", features = ["env"] }\nserde = { version = "1", features = ["derive"] }\n');
  assert.equal(
    renderUnifiedDiff(composed.changes),
    '--- a/Cargo.toml\n+++ b/Cargo.toml\n@@ -1,3 +1,3 @@\n [dependencies]\n-clap = "4"\n-serde = "1"\n+clap = { version = "4", features = ["env"] }\n+serde = { version = "1", features = ["derive"] }\n',
  );
});

test('a plan for a file the scan did not read is never applied, and findings without a fix are ignored', () => {
  const stray = finding('x', 0, 0, 'y');
  stray.fix!.edits[0].file = 'other.toml';
  const composed = composeFixes(project, [stray, { ...finding('n', 0, 0, ''), fix: null }]);
  assert.deepEqual(composed.unreadable.map((f) => f.rule), ['x']);
  assert.deepEqual(composed.deferred, []);
  assert.deepEqual(composed.changes, []);
});
