// The natural sample's bookkeeping (validation/natural/README.md): every log sits in the part the committed hash rule
// gives its thread, its manifest entry is complete, and its evidence is a verbatim line of it. Reads manifests and
// logs only; buildmedic is never run here.

import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = new URL('../validation/natural/', import.meta.url).pathname;
const SPLIT_PARTS = ['dev', 'holdout'] as const;
// fresh/ to fresh8/ are later samples, each gathered whole and scored once untouched (their README.md): no hash split
// applies to them.
const LATER_PARTS = ['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8'] as const;
const PARTS = [...SPLIT_PARTS, ...LATER_PARTS] as const;

interface Entry { file: string; label: string; also_ok: string[]; evidence?: string; self_contained: boolean; source: string; why: string }
const manifest = (part: string): Entry[] => JSON.parse(readFileSync(join(ROOT, part, 'manifest.json'), 'utf8'));

/** The split rule, as the README states it. */
const partOf = (url: string) => (parseInt(createHash('sha1').update(url, 'utf8').digest('hex').slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'dev');

test('each thread is in the part the hash of its canonical URL gives', () => {
  for (const part of SPLIT_PARTS) for (const c of manifest(part)) assert.equal(partOf(c.source), part, c.file);
});

test('no thread of a later sample is in an earlier one', () => {
  const earlier = new Set(SPLIT_PARTS.flatMap((part) => manifest(part).map((c) => c.source)));
  for (const part of LATER_PARTS) {
    assert.deepEqual(manifest(part).filter((c) => earlier.has(c.source)).map((c) => c.file), [], part);
    for (const c of manifest(part)) earlier.add(c.source);
  }
});

test('sources are canonical thread URLs, at most two logs per thread, across all parts', () => {
  const perThread = new Map<string, number>();
  for (const part of PARTS) {
    for (const c of manifest(part)) {
      // GitHub owner/repo lower-cased, /issues/N or /pull/N, nothing after the number
      assert.match(c.source, /^https:\/\/github\.com\/[a-z0-9_.-]+\/[a-z0-9_.-]+\/(issues|pull)\/\d+$/, c.file);
      perThread.set(c.source, (perThread.get(c.source) ?? 0) + 1);
    }
  }
  for (const [thread, n] of perThread) assert.ok(n <= 2, `${thread} has ${n} logs`);
});

test('every entry is complete and every log is listed exactly once', () => {
  for (const part of PARTS) {
    const entries = manifest(part);
    const listed = entries.map((c) => c.file).sort();
    const onDisk = readdirSync(join(ROOT, part, 'cases')).map((f) => `cases/${f}`).sort();
    assert.deepEqual(listed, onDisk, part);
    for (const c of entries) {
      assert.ok(c.label.length > 0 && Array.isArray(c.also_ok) && typeof c.self_contained === 'boolean' && c.why.length > 0, c.file);
      assert.ok(existsSync(join(ROOT, part, c.file)), c.file);
    }
  }
});

test('evidence is a verbatim substring of its log, and no self-contained failure with a cause lacks it', () => {
  for (const part of PARTS) {
    for (const c of manifest(part)) {
      const log = readFileSync(join(ROOT, part, c.file), 'utf8');
      if (c.evidence !== undefined) assert.ok(log.includes(c.evidence), `${c.file}: evidence not in the log`);
      const needsEvidence = c.self_contained && c.label !== 'unknown' && c.label !== 'success';
      if (needsEvidence) assert.ok(c.evidence, `${c.file}: no evidence line`);
    }
  }
});
