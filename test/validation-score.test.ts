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
    { file: 'd', label: 'new:header-missing', self_contained: true, evidence: 'fatal error: gpm.h: No such file or directory' },
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
    { file: 'b', label: 'new:dev-package-missing', self_contained: true, evidence: 'mysql_config not found' },
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
    { file: 'a', label: 'new:header-missing', self_contained: true, evidence },
    { file: 'b', label: 'new:header-missing', self_contained: true, evidence },
    { file: 'c', label: 'new:header-missing', self_contained: true },
  ];
  const s = scoreSample(cases, [said(null, [evidence]), said(null, ['make: *** [all] Error 1']), said(null)], RULES);
  assert.deepEqual([s.decisiveLineShown.hit, s.decisiveLineShown.of], [1, 2]);
  assert.equal(s.withoutEvidence, 1);
});
