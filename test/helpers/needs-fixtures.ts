// doctor's needs on the fixture projects of test/fixtures/projects, and edited copies of them: shared by the tests
// that model real repositories' structures.

import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveNeeds, type NeedsPlan } from '../../src/doctor/needs.ts';
import { readProject } from '../../src/project/discover.ts';
import { tempDir } from './temp.ts';

export const FIX = new URL('../fixtures/projects/', import.meta.url).pathname;

/** The needs plan of a project directory, as doctor derives it on x86-64 Linux. */
export async function planOf(dir: string, env: Record<string, string> = {}): Promise<NeedsPlan> {
  return deriveNeeds(await readProject(dir), { env, platform: 'linux', hostTriple: 'x86_64-unknown-linux-gnu' });
}

/** The required needs of a project directory: component -> what needs it. */
export async function needsOf(dir: string, env: Record<string, string> = {}): Promise<Map<string, string[]>> {
  const plan = await planOf(dir, env);
  return new Map(plan.needs.filter((n) => n.required).map((n) => [n.component, n.neededBy]));
}

/** A copy of the fixture with one file's text edited (the edit must change it). */
export function variant(name: string, file: string, edit: (text: string) => string): string {
  const dir = tempDir('buildmedic-needs-');
  cpSync(join(FIX, name), dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `the edit of ${file} changed nothing`);
  writeFileSync(path, after);
  return dir;
}
