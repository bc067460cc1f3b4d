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
      // Whether cargo resolved a fixture with a fallback toolchain depends on the toolchains this machine has installed
      // (the note is tested in doctor-toolchain.test.ts), so that line is not part of the snapshot.
      const stdout = r.stdout.replaceAll(dir, '<dir>').replace(/^note: the build graph of .* is not installed\n/gm, '');
      const actual = `exit ${r.status}\n${stdout}${r.stderr ? `stderr: ${r.stderr}` : ''}`;
      const file = join(FIXTURES, `${name}.${command}.txt`);
      if (process.env.BLESS === '1' || !existsSync(file)) {
        if (process.env.CI) assert.fail(`${file} is missing: run BLESS=1 npm test and review it`);
        writeFileSync(file, actual);
      }
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }
}
