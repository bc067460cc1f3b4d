// The scorer behind `npm run validate`: each figure of issue 12 computed from labelled cases and what buildmedic said.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { evidenceShown, scoreSample } from '../scripts/validation-score.mjs';

const RULES = new Set(['openssl-dev-missing', 'pkg-config-missing', 'native-lib-missing']);
const said = (rootCause: string | null, shown: string[] = []) => ({ rootCause, shown });

test('known-kind top-1 and coverage count only failures whose paste shows the cause', () => {
  const cases = [
    { file: 'a', label: 'openssl-dev-missing', self_contained: true, evidence: 'Could not find directory of OpenSSL' },
    { file: 'b', label: 'openssl-dev-missing', self_contained: false },
    { file: 'c', label: 'pkg-config-missing', also_ok: ['native-lib-missing'], self_contained: true, evidence: 'pkg-config: not found' },
    { file: 'd', label: 'new:libpython-link-unavailable', self_contained: true, evidence: 'cannot find -lpython3.11' },
  ];
  const s = scoreSample(cases, [said('openssl-dev-missing'), said(null), said('native-lib-missing'), said(null)], RULES);
  assert.deepEqual([s.knownTop1.hit, s.knownTop1.of], [2, 2]);
  assert.deepEqual([s.knownTop1All.hit, s.knownTop1All.of], [2, 3]);
  // the new:* failure can be named by no rule, so it lowers coverage: 2 of 3
  assert.deepEqual([s.coverage.hit, s.coverage.of], [2, 3]);
  assert.equal(s.coverage.pct?.toFixed(1), '66.7');
});

test('a rule named for a new:* failure is a wrong root cause, counted over all failures; silence is honest', () => {
  const cases = [
    { file: 'a', label: 'new:cmake-too-old', self_contained: true, evidence: 'CMake 3.16 or higher is required' },
    { file: 'b', label: 'new:paas-platform-error', self_contained: true, evidence: 'registry returned 503' },
    { file: 'c', label: 'new:prebuilt-binary-unavailable', also_ok: ['native-lib-missing'], self_contained: true, evidence: 'x' },
    { file: 'd', label: 'unknown', self_contained: false },
    { file: 'e', label: 'success' },
  ];
  const s = scoreSample(cases, [said('native-lib-missing'), said(null), said('native-lib-missing'), said(null), said(null)], RULES);
  assert.deepEqual([s.wrongRootCauses.hit, s.wrongRootCauses.of], [1, 4]);
  assert.deepEqual([s.outsideHonest.hit, s.outsideHonest.of], [2, 3]);
  assert.deepEqual([s.unknownHonest.hit, s.unknownHonest.of], [1, 1]);
  assert.deepEqual([s.successClean.hit, s.successClean.of], [1, 1]);
  assert.deepEqual(s.misses, ['a: want new:cmake-too-old, got native-lib-missing']);
});

test('in the older set `unknown` means outside the knowledge base, so naming a rule there is wrong', () => {
  const cases = [{ file: 'a', label: 'unknown', self_contained: true }];
  const older = scoreSample(cases, [said('openssl-dev-missing')], RULES, { unknownIsOutsideKb: true });
  const natural = scoreSample(cases, [said('openssl-dev-missing')], RULES);
  assert.equal(older.wrongRootCauses.hit, 1);
  assert.equal(natural.wrongRootCauses.hit, 0);
  assert.deepEqual([natural.unknownHonest.hit, natural.unknownHonest.of], [0, 1]);
});

test('a successful build given a root cause is a miss', () => {
  const s = scoreSample([{ file: 'ok', label: 'success' }], [said('out-of-memory')], RULES);
  assert.deepEqual([s.successClean.hit, s.successClean.of], [0, 1]);
  assert.deepEqual(s.misses, ['ok: successful build, got out-of-memory']);
});

test('the decisive line counts as shown when the excerpt or a finding carries it, whatever the whitespace', () => {
  const evidence = 'src/pyaudio/device_api.c:9:10: fatal error: portaudio.h: No such file or directory';
  assert.equal(evidenceShown(evidence, ['      src/pyaudio/device_api.c:9:10:  fatal error: portaudio.h: No such file or directory']), true);
  assert.equal(evidenceShown(evidence, ['compilation terminated.']), false);
  // an excerpt line cut shorter than the evidence still shows it when it is a substantial part of it
  assert.equal(evidenceShown(evidence, ['fatal error: portaudio.h: No such file']), true);
  assert.equal(evidenceShown(evidence, ['error']), false);
  const cases = [
    { file: 'a', label: 'new:libpython-link-unavailable', self_contained: true, evidence },
    { file: 'b', label: 'new:libpython-link-unavailable', self_contained: true, evidence },
    { file: 'c', label: 'new:libpython-link-unavailable', self_contained: true },
  ];
  const s = scoreSample(cases, [said(null, [evidence]), said(null, ['make: *** [all] Error 1']), said(null)], RULES);
  assert.deepEqual([s.decisiveLineShown.hit, s.decisiveLineShown.of], [1, 2]);
  assert.equal(s.withoutEvidence, 1);
});

test('a new:* label whose id has since become a rule is scored as that known rule', () => {
  const rules = new Set([...RULES, 'node-version-unsupported']);
  const cases = [
    { file: 'a', label: 'new:node-version-unsupported', self_contained: true, evidence: "error: no member named 'New' in 'v8::String'" },
    { file: 'b', label: 'new:cmake-too-old', also_ok: ['new:node-version-unsupported'], self_contained: true, evidence: 'x' },
  ];
  const s = scoreSample(cases, [said('node-version-unsupported'), said('node-version-unsupported')], rules);
  assert.deepEqual([s.knownTop1.hit, s.knownTop1.of], [1, 1]);
  assert.deepEqual([s.coverage.hit, s.coverage.of], [2, 2]);
  assert.deepEqual([s.wrongRootCauses.hit, s.wrongRootCauses.of], [0, 2]);
  // without the rule, the same answers are wrong root causes outside the knowledge base
  const before = scoreSample(cases, [said('node-version-unsupported'), said('node-version-unsupported')], RULES);
  assert.equal(before.wrongRootCauses.hit, 2);
});

test('new:header-missing and new:dev-package-missing are read as native-lib-missing, the rule that now covers them', () => {
  const cases = [
    { file: 'a', label: 'new:header-missing', self_contained: true, evidence: 'fatal error: gpm.h: No such file or directory' },
    { file: 'b', label: 'new:dev-package-missing', self_contained: true, evidence: 'OSError: mysql_config not found' },
  ];
  const s = scoreSample(cases, [said('native-lib-missing'), said('pkg-config-missing')], RULES);
  assert.deepEqual([s.knownTop1.hit, s.knownTop1.of], [1, 2]);
  assert.deepEqual(s.misses, ['b: want native-lib-missing, got pkg-config-missing']);
  // without the rule in the knowledge base, the labels stay outside it
  const without = scoreSample(cases, [said(null), said(null)], new Set(['pkg-config-missing']));
  assert.deepEqual([without.outsideHonest.hit, without.outsideHonest.of], [2, 2]);
});
