// The full user-visible `scan` and `fix` output of every fixture project, compared with blessed snapshots
// (test/fixtures/projects-scan/<name>.scan.txt / .fix.txt; BLESS=1 rewrites them after a reviewed change).

import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyFixture, FIXTURES, runCli } from './helpers/scan-projects.ts';

const projects = readdirSync(FIXTURES).filter((n) => statSync(join(FIXTURES, n)).isDirectory());

for (const name of projects) {
  for (const command of ['scan', 'fix']) {
    test(`${command} ${name} matches its snapshot`, () => {
      const dir = copyFixture(name);
      const r = runCli([command, dir]);
      const actual = `exit ${r.status}\n${r.stdout.replaceAll(dir, '<dir>')}${r.stderr ? `stderr: ${r.stderr}` : ''}`;
      const file = join(FIXTURES, `${name}.${command}.txt`);
      if (process.env.BLESS === '1' || !existsSync(file)) {
        if (process.env.CI) assert.fail(`${file} is missing: run BLESS=1 npm test and review it`);
        writeFileSync(file, actual);
      }
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }
}
