// The executable's loader (src/bin/load-bundle.ts): the bundle runs with a code cache V8 accepts, and just as well
// with one it rejects or none at all; a cache only ever saves time.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from './helpers/temp.ts';

const LOADER = new URL('../dist/bin/load-bundle.js', import.meta.url).pathname;
const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const CASES = new URL('../src/kb/rules/native/openssl-dev-missing/cases/', import.meta.url).pathname;
const LOG = join(CASES, readdirSync(CASES).find((f) => f.startsWith('fail-') && f.endsWith('.log'))!);
const scratch = tempDir('buildmedic-bin-');

/** Loads the bundle with `cache` in a fresh process, diagnoses the log, then reports V8's verdict on the cache. */
function diagnoseWith(cache: string | null, record: string | null = null) {
  const probe = `import { writeFileSync } from 'node:fs';
const { loadBundle } = await import(${JSON.stringify(LOADER)});
const { cli, script } = loadBundle(undefined, ${JSON.stringify(cache)});
const code = await cli.main(['diagnose', '--json', process.argv[1]]);
if (${JSON.stringify(record)}) writeFileSync(${JSON.stringify(record)}, script.createCachedData());
process.stderr.write('REJECTED ' + script.cachedDataRejected + ' CODE ' + code);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe, LOG], { encoding: 'utf8' });
  const m = /REJECTED (\w+) CODE (\d+)/.exec(r.stderr);
  assert.ok(m, r.stderr);
  return { rejected: m[1], code: Number(m[2]), diagnosis: JSON.parse(r.stdout) };
}

test('a code cache recorded from a run is accepted, and the diagnosis is the one the executable gives', () => {
  const cache = join(scratch, 'recorded.code-cache');
  const cold = diagnoseWith(null, cache);
  assert.equal(cold.rejected, 'undefined', 'no cache was offered');
  const warm = diagnoseWith(cache);
  assert.equal(warm.rejected, 'false');
  assert.equal(warm.code, 1);
  assert.equal(warm.diagnosis.rootCause, 'openssl-dev-missing');
  assert.deepEqual(warm.diagnosis, cold.diagnosis);
  const bin = spawnSync(process.execPath, [BIN, 'diagnose', '--json', LOG], { encoding: 'utf8' });
  assert.equal(bin.status, 1);
  assert.deepEqual(JSON.parse(bin.stdout), warm.diagnosis);
});

test('a cache V8 rejects (another Node, or corrupt) and a missing cache only cost time', () => {
  const corrupt = join(scratch, 'corrupt.code-cache');
  writeFileSync(corrupt, Buffer.alloc(4096, 7));
  const rejected = diagnoseWith(corrupt);
  assert.equal(rejected.rejected, 'true');
  assert.equal(rejected.diagnosis.rootCause, 'openssl-dev-missing');
  const missing = diagnoseWith(join(scratch, 'no-such.code-cache'));
  assert.equal(missing.rejected, 'undefined');
  assert.deepEqual(missing.diagnosis, rejected.diagnosis);
});
