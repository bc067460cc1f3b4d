// The scorer of the blind-labelled fresh repositories (scripts/fresh-score.mjs), on synthetic doctor and scan
// results: no repository is read and no buildmedic command runs here.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkFreshLabels, renderFresh, scoreFreshRepo, totalFresh } from '../scripts/fresh-score.mjs';
import { COMPONENTS } from '../src/kb/components.js';

const entry = {
  repo: 'example/service',
  commit: 'a'.repeat(40),
  expectedNeeds: [
    { component: 'c-compiler', reason: 'rustc links through cc' },
    { component: 'openssl-dev', reason: 'reqwest default-tls on Linux' },
    { component: 'pkg-config', reason: 'openssl-sys probes with pkg-config' },
  ],
  notNeeded: [{ component: 'cmake', reason: 'aws-lc-sys builds with cc outside FIPS' }],
  unsure: [{ component: 'cxx-compiler', reason: 'not established' }],
  expectedFindings: [{ rule: 'openssl-dev-missing', file: 'Dockerfile', reason: 'slim image, no libssl-dev' }],
};

test('a need in expectedNeeds is right, in notNeeded or unlabelled wrong, in unsure not counted; unreported expected needs are missed', () => {
  const s = scoreFreshRepo(entry, {
    needs: [
      { component: 'c-compiler', neededBy: ['rustc'] },
      { component: 'openssl-dev', neededBy: ['openssl-sys'] },
      { component: 'cmake', neededBy: ['aws-lc-sys'] },
      { component: 'libclang', neededBy: ['bindgen'] },
      { component: 'cxx-compiler', neededBy: ['cxx'] },
    ],
    findings: [],
  });
  assert.deepEqual(
    s.needs.map((n: { component: string; verdict: string }) => [n.component, n.verdict]),
    [['c-compiler', 'right'], ['openssl-dev', 'right'], ['cmake', 'wrong'], ['libclang', 'wrong'], ['cxx-compiler', 'unsure']],
  );
  assert.match(s.needs[2].reason, /aws-lc-sys builds with cc/);
  assert.match(s.needs[3].reason, /not in the labels/);
  assert.deepEqual(s.missedNeeds.map((m: { component: string }) => m.component), ['pkg-config']);
  assert.deepEqual(s.tally.needs, { right: 2, wrong: 2, unsure: 1, missed: 1 });
});

test('a component doctor lists for several crates is judged once', () => {
  const s = scoreFreshRepo(entry, {
    needs: [{ component: 'cmake', neededBy: ['a'] }, { component: 'cmake', neededBy: ['b'] }],
    findings: [],
  });
  assert.deepEqual(s.tally.needs, { right: 0, wrong: 1, unsure: 0, missed: 3 });
});

test('a finding is right only when an expected finding has its rule and its file', () => {
  const s = scoreFreshRepo(entry, {
    needs: [],
    findings: [
      { rule: 'openssl-dev-missing', file: 'Dockerfile', id: 'openssl-dev-missing Dockerfile' },
      { rule: 'openssl-dev-missing', file: 'docker/Dockerfile' },
      { rule: 'pkg-config-missing', file: 'Dockerfile' },
    ],
  });
  assert.deepEqual(s.findings.map((f: { verdict: string }) => f.verdict), ['right', 'wrong', 'wrong']);
  assert.deepEqual(s.tally.findings, { right: 1, wrong: 2, missed: 0 });
  const none = scoreFreshRepo(entry, { needs: [], findings: [] });
  assert.deepEqual(none.missedFindings.map((m: { rule: string }) => m.rule), ['openssl-dev-missing']);
});

test('totals sum the repositories and give precision and recall; with nothing judged they are n/a', () => {
  const a = scoreFreshRepo(entry, { needs: [{ component: 'c-compiler' }, { component: 'cmake' }], findings: [] });
  const b = scoreFreshRepo({ repo: 'example/cli', expectedNeeds: [{ component: 'c-compiler', reason: 'linker' }] }, { needs: [{ component: 'c-compiler' }], findings: [] });
  const t = totalFresh([a, b]);
  assert.equal(t.repos, 2);
  assert.deepEqual([t.needs.right, t.needs.wrong, t.needs.missed], [2, 1, 2]);
  assert.equal(t.needs.precision, 2 / 3);
  assert.equal(t.needs.recall, 2 / 4);
  assert.equal(t.findings.precision, null);
  const text = renderFresh([a, b], t);
  assert.match(text, /^example\/service\n {2}right {3}doctor needs c-compiler/);
  assert.match(text, /missed  doctor openssl-dev — reqwest default-tls on Linux/);
  assert.match(text, /doctor needs {3}right 2 {2}wrong 1 {2}unsure 0 {2}missed 2 {2}precision 66\.7% {2}recall 50\.0%/);
  assert.match(text, /scan findings {2}right 0 {2}wrong 0 {2}missed 1 {2}precision n\/a {2}recall 0\.0%/);
});

test('label checks catch a component both needed and not needed, one outside the vocabulary, and a missing reason', () => {
  const bad = {
    repo: 'example/bad',
    commit: 'abc',
    expectedNeeds: [{ component: 'cmake', reason: 'x' }, { component: 'nasm', reason: 'y' }],
    notNeeded: [{ component: 'cmake', reason: '' }],
  };
  const problems = checkFreshLabels(bad, ['cmake', 'c-compiler']);
  assert.equal(problems.length, 4);
  assert.ok(problems.some((p: string) => /commit/.test(p)));
  assert.ok(problems.some((p: string) => /nasm, which is not in the vocabulary/.test(p)));
  assert.ok(problems.some((p: string) => /cmake is in both expectedNeeds and notNeeded/.test(p)));
  assert.ok(problems.some((p: string) => /notNeeded cmake has no reason/.test(p)));
  assert.deepEqual(checkFreshLabels(entry, Object.keys(COMPONENTS)), []);
});

const readSet = (name: string) => JSON.parse(readFileSync(new URL(`../validation/${name}`, import.meta.url), 'utf8'));

for (const [name, atLeast] of [['real-repos-fresh.json', 8], ['real-repos-fresh2.json', 12]] as const) {
  test(`the committed labels of ${name} are well formed, in a vocabulary of real component ids`, () => {
    const doc = readSet(name);
    for (const id of doc.vocabulary) assert.ok(id in COMPONENTS, `${id} is a ComponentId`);
    assert.ok(doc.repos.length >= atLeast);
    assert.deepEqual(doc.repos.flatMap((e: Parameters<typeof checkFreshLabels>[0]) => checkFreshLabels(e, doc.vocabulary)), []);
    assert.equal(new Set(doc.repos.map((e: { repo: string }) => e.repo)).size, doc.repos.length);
  });
}

test('the second fresh set shares no repository with the sets already seen', () => {
  const seen = new Set([...readSet('real-repos.json').repos, ...readSet('real-repos-fresh.json').repos].map((e: { repo: string }) => e.repo.toLowerCase()));
  assert.deepEqual(readSet('real-repos-fresh2.json').repos.filter((e: { repo: string }) => seen.has(e.repo.toLowerCase())).map((e: { repo: string }) => e.repo), []);
});
