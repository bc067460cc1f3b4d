// Probes and pure checks against real tools: version parsing checked against each tool's own machine-readable answer.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { evaluateNeed, type Facts } from '../src/doctor/checks/evaluate.ts';
import { parseRustcVV, parseToolVersion } from '../src/doctor/checks/versions.ts';
import { runProbe } from '../src/project/probe.ts';
import { PYTHON_PROBE_SCRIPT } from '../src/doctor/probes.ts';
import type { Need } from '../src/doctor/needs.ts';

const out = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });

test('cc --version parses to what gcc -dumpfullversion says', async (t) => {
  const oracle = out('cc', ['-dumpfullversion']);
  if (oracle.status !== 0) return t.skip('no cc');
  const p = await runProbe({ id: 'cc', command: 'cc', args: ['--version'] }, process.env, 30_000);
  assert.equal(p.outcome, 'ok');
  assert.equal(parseToolVersion(p.stdout), oracle.stdout.trim());
});

test('rustc -vV parses to the version rustc --version prints', async () => {
  const oracle = out('rustc', ['--version']).stdout.split(' ')[1];
  const p = await runProbe({ id: 'rustc', command: 'rustc', args: ['-vV'] }, process.env, 30_000);
  assert.equal(parseRustcVV(p.stdout)?.version, oracle);
});

test('probe outcomes: not-found, failed with exit code, timeout kills the process group', { timeout: 120_000 }, async () => {
  // Timeouts far above what the probes take, even on a loaded machine: these two are about outcomes, not time.
  const nf = await runProbe({ id: 'x', command: 'buildmedic-no-such-tool', args: [] }, process.env, 30_000);
  assert.equal(nf.outcome, 'not-found');
  const failed = await runProbe({ id: 'x', command: 'sh', args: ['-c', 'echo nope >&2; exit 3'] }, process.env, 30_000);
  assert.deepEqual([failed.outcome, failed.exitCode, failed.stderr.trim()], ['failed', 3, 'nope']);
  // The grandchild holds the pipes open for ten minutes; killing only the shell would leave us waiting for it, past
  // the test's timeout. Its duration is unique to this run, so that it can be found afterwards.
  const marker = `600.${process.pid}`;
  const hung = await runProbe({ id: 'x', command: 'sh', args: ['-c', `/bin/sleep ${marker} & wait`] }, process.env, 300);
  assert.equal(hung.outcome, 'timeout');
  // Killing the group ended it (polled until then: the test's timeout is the bound).
  while (sleepersWith(marker) > 0) await new Promise((r) => setTimeout(r, 50));
});

/** Processes running `/bin/sleep <duration>` that have not ended (a zombie, "pid (comm) Z ...", has). */
function sleepersWith(duration: string): number {
  let count = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8') !== `/bin/sleep\0${duration}\0`) continue;
      if (!/\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) count++;
    } catch {
      // It ended while we looked.
    }
  }
  return count;
}

test('requires-python, .python-version pins and pyo3 bounds against the real interpreter', async () => {
  const p = await runProbe({ id: 'python', command: 'python3', args: ['-c', PYTHON_PROBE_SCRIPT] }, process.env, 30_000);
  const version = JSON.parse(p.stdout).version as string;
  const [maj, min] = version.split('.').map(Number);
  const facts = { probes: { python: p }, env: {}, host: 'debian', timeoutMs: 5000 } as unknown as Facts;
  const need = (constraints: Need['constraints']): Need => ({ key: 'python', component: 'python', required: true, neededBy: ['test'], constraints });
  const status = (c: Need['constraints']) => evaluateNeed(need(c), facts).status;
  assert.equal(status([{ kind: 'pep440', version: `>=${maj}.${min}`, from: 'requires-python' }]), 'ok');
  assert.equal(status([{ kind: 'pep440', version: `>=${maj}.${min + 1}`, from: 'requires-python' }]), 'too-old');
  assert.equal(status([{ kind: 'pep440', version: `<${maj}.${min}`, from: 'requires-python' }]), 'too-new');
  assert.equal(status([{ kind: 'pin', version: `${maj}.${min}`, from: '.python-version' }]), 'ok');
  assert.equal(status([{ kind: 'pin', version: `${maj}.${min + 1}`, from: '.python-version' }]), 'too-old');
  assert.equal(status([{ kind: 'max', version: `${maj}.${min}`, from: 'pyo3' }]), 'ok');
  assert.equal(status([{ kind: 'max', version: `${maj}.${min - 1}`, from: 'pyo3 0.16.6' }]), 'too-new');
});
