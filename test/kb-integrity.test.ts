// The knowledge base checks itself: ids, registry, docs, cases, provenance, prefilter literals and pattern safety.

import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { check } from 'recheck';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { RULE_CATEGORIES, RULE_ID } from '../src/kb/rule.ts';
import { normalizeLine } from '../src/diagnose/normalize.ts';
import { RULE_GROUPS } from '../src/kb/rules/index.ts';
import { RETIRED_IDS } from '../src/kb/rules/retired.ts';
import { caseFiles, KB, ruleFolders, RULES_DIR } from './helpers/cases.ts';

const HEADINGS = ['What it means', 'Why it happens', 'How to fix', 'Example log', 'Known false positives', 'References'];
// A rule with no log detection (reported by scan, fix, doctor, wheel or wheels only) shows the project lines it reports.
const METADATA_ONLY_HEADINGS = ['What it means', 'Why it happens', 'How to fix', 'Example', 'Known false positives', 'References'];
const folders = ruleFolders();

test('rule ids are well-formed and unique', () => {
  const ids = folders.map((f) => f.rule.id);
  for (const id of ids) assert.match(id, RULE_ID);
  assert.deepEqual(ids, [...new Set(ids)], 'a rule id is used twice');
});

test('the registry lists exactly the rule folders on disk', () => {
  const onDisk = readdirSync(RULES_DIR)
    .filter((g) => statSync(join(RULES_DIR, g)).isDirectory())
    .flatMap((g) => readdirSync(join(RULES_DIR, g)).filter((d) => statSync(join(RULES_DIR, g, d)).isDirectory()).map((d) => `${g}/${d}`))
    .sort();
  const registered = Object.entries(RULE_GROUPS).flatMap(([g, rules]) => rules.map((r) => `${g}/${r.id}`)).sort();
  assert.deepEqual(registered, onDisk);
});

test('a retired id is no live id, and the rule it names is live', () => {
  const live = new Set(folders.map((f) => f.rule.id));
  for (const r of RETIRED_IDS) {
    assert.match(r.id, RULE_ID);
    assert.equal(live.has(r.id), false, `${r.id} is retired and live at once`);
    if (r.replacedBy !== null) assert.ok(live.has(r.replacedBy), `${r.id} is replaced by ${r.replacedBy}, which is no live rule`);
    assert.match(r.since, /^\d+\.\d+\.\d+$/);
  }
  const ids = RETIRED_IDS.map((r) => r.id);
  assert.deepEqual(ids, [...new Set(ids)], 'an id is retired twice');
});

test('every id the snapshots have ever shown still resolves: a live rule or a retired one', () => {
  const ledger = readFileSync(new URL('./fixtures/ids-ever-printed.txt', import.meta.url), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const known = new Set([...folders.map((f) => f.rule.id), ...RETIRED_IDS.map((r) => r.id)]);
  assert.ok(ledger.length >= 50);
  assert.deepEqual(ledger.filter((id) => !known.has(id)), []);
});

test('explains names rules that exist', () => {
  const ids = new Set(folders.map((f) => f.rule.id));
  for (const { rule } of folders) for (const e of rule.explains) assert.ok(ids.has(e), `${rule.id} explains unknown rule ${e}`);
});

for (const { rule, dir } of folders) {
  describe(`rule ${rule.id} is complete`, () => {
    test('metadata', () => {
      assert.ok((RULE_CATEGORIES as readonly string[]).includes(rule.category));
      assert.match(rule.summary, /^[A-Z].*\.$/, 'summary is one sentence');
      assert.ok(!/\.\s+[A-Z]/.test(rule.summary), 'summary is one sentence');
      const readsLogs = rule.patterns.length > 0 || rule.signals.length > 0;
      assert.ok(readsLogs || (rule.reportedBy?.length ?? 0) > 0, 'the rule reads lines (its own patterns or shared signals), or names the commands that report it');
      assert.ok(!(readsLogs && rule.reportedBy), 'reportedBy is only for a rule with no log detection');
      if (!readsLogs) return;
      for (const p of rule.patterns) {
        assert.ok(p.literals.length > 0 && p.literals.every((l) => l.length >= 3), `${p.id}: literals of 3+ characters`);
        assert.ok(!p.re.flags.includes('g') && !p.re.flags.includes('y'), `${p.id}: no g/y flags`);
        assert.ok(p.weight > 0 && p.weight <= 1, `${p.id}: weight in (0, 1]`);
      }
      assert.ok(rule.signals.length > 0 || rule.patterns.some((p) => p.weight >= 0.5), 'at least one pattern can report the rule on its own');
    });

    test('README has the fixed sections and a diagnosable example', () => {
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      const lines = readme.split('\n');
      assert.equal(lines[0], `# ${rule.id}`);
      assert.equal(lines[2], rule.summary, 'the first paragraph is the rule summary');
      const headings = lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
      if (rule.reportedBy) {
        assert.deepEqual(headings, METADATA_ONLY_HEADINGS);
        assert.match(readme, /## Example\n+[^#]*```/, 'Example shows the lines the check reports in a fenced block');
        return;
      }
      assert.deepEqual(headings, HEADINGS);
      const example = /## Example log\n+```[^\n]*\n([\s\S]*?)```/.exec(readme)?.[1];
      assert.ok(example, 'Example log has a fenced block');
      assert.equal(diagnoseText(KB, example, { hostPlatform: 'debian' }).rootCause, rule.id, 'the README example is diagnosed as this rule');
    });

    test('cases: two failing logs, a near miss, and their provenance', () => {
      const cases = caseFiles(dir);
      // No log can show a metadata-only rule: the commands that report it test it on their own fixtures.
      if (rule.reportedBy) return assert.deepEqual(cases, [], 'a rule with no log detection has no cases');
      assert.ok(cases.filter((c) => c.kind === 'fail').length >= 2, 'at least two fail-* logs');
      assert.ok(cases.some((c) => c.kind === 'pass'), 'at least one pass-* near miss');
      const sources = existsSync(join(dir, 'SOURCES.md')) ? readFileSync(join(dir, 'SOURCES.md'), 'utf8') : '';
      for (const c of cases) assert.ok(sources.includes(c.name), `SOURCES.md says where ${c.name} comes from`);
    });
  });
}

test('every line a pattern matches contains one of its prefilter literals', () => {
  const allCases = folders.flatMap((f) => caseFiles(f.dir));
  for (const c of allCases) {
    for (const raw of readFileSync(c.path, 'utf8').split('\n')) {
      const { text } = normalizeLine(raw);
      for (const { pattern } of KB.patterns) {
        if (pattern.re.test(text)) assert.ok(pattern.literals.some((l) => text.includes(l)), `${pattern.id} matched without a literal in ${c.name}: ${text}`);
      }
    }
  }
});

// recheck's static analysis takes up to seconds per pattern, so verdicts are kept in a file keyed by the exact
// pattern source: only new or changed patterns are analysed (UPDATE_RECHECK=1 records their verdicts).
const VERDICTS_PATH = new URL('./fixtures/recheck-verdicts.json', import.meta.url);

test('no pattern can backtrack super-linearly (recheck)', { timeout: 600_000 }, async () => {
  const verdicts: Record<string, string> = existsSync(VERDICTS_PATH) ? JSON.parse(readFileSync(VERDICTS_PATH, 'utf8')) : {};
  const key = (re: RegExp) => `/${re.source}/${re.flags}`;
  const unchecked = [...new Map(KB.patterns.map(({ pattern }) => [key(pattern.re), pattern])).values()].filter((p) => verdicts[key(p.re)] !== 'safe');
  const unsafe: string[] = [];
  for (const pattern of unchecked) {
    const result = await check(pattern.re.source, pattern.re.flags, { timeout: 30_000 });
    if (result.status === 'vulnerable') unsafe.push(`${pattern.id}: ${pattern.re.source}`);
    else if (result.status === 'safe') verdicts[key(pattern.re)] = 'safe';
  }
  if (process.env.UPDATE_RECHECK === '1') {
    const current = new Set(KB.patterns.map(({ pattern }) => key(pattern.re)));
    const kept = Object.fromEntries(Object.entries(verdicts).filter(([k]) => current.has(k)).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(VERDICTS_PATH, `${JSON.stringify(kept, null, 1)}\n`);
  }
  assert.deepEqual(unsafe, []);
});

test('no pattern is slow on pathological 64 KiB lines', () => {
  const slow: string[] = [];
  for (const { pattern } of KB.patterns) {
    const lit = pattern.literals[0];
    const attacks = [lit.repeat(Math.ceil(65536 / lit.length)), ' '.repeat(65536), `${lit} ${'a'.repeat(65536)}`, `${lit}${"'`\"(".repeat(16384)}`, `${'-'.repeat(32768)}${lit}${'x '.repeat(16384)}`];
    for (const attack of attacks) {
      // The fastest of three runs: a loaded machine can stall any one run past the bound, but a pattern that is slow
      // on the line is slow every time.
      const ms = Math.min(
        ...[0, 1, 2].map(() => {
          const started = performance.now();
          pattern.re.exec(attack);
          return performance.now() - started;
        }),
      );
      if (ms > 250) slow.push(`${pattern.id}: ${ms.toFixed(0)} ms`);
    }
  }
  assert.deepEqual(slow, []);
});
