// GitLab CI: the Code Quality report (checked against the fields GitLab documents), its fingerprints, the job-log
// sections of diagnose/run/scan, the GITLAB_CI default, secret masking, and quoted build output kept inert.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { type CodeQualityIssue, codeQualityFromReport, codeQualityFromScan, projectRelative } from '../src/report/codequality.ts';
import { neutralizeForJobLog, renderGitlabSections, sectionEnd, sectionStart } from '../src/report/gitlab.ts';
import { reportFromDiagnosis } from '../src/report/model.ts';
import { readProjectFiles } from '../src/project/read-project.ts';
import { SCANNERS } from '../src/scan/registry.ts';
import { scanProject } from '../src/scan/run-scan.ts';
import { caseFiles, KB, ruleFolders } from './helpers/cases.ts';
import { copyFixture } from './helpers/scan-projects.ts';
import { tempDir } from './helpers/temp.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const LINKER_LOG = new URL('../src/kb/rules/toolchain/linker-not-found/cases/fail-cargo-hello-no-cc.log', import.meta.url).pathname;
const scratch = tempDir('buildmedic-gitlab-');

/**
 * The Code Quality artifact as GitLab documents it (docs/ci/testing/code_quality.md, "Implement a custom tool": an
 * array of objects with description, check_name, fingerprint, severity of info/minor/major/critical/blocker,
 * location.path relative, location.lines.begin), with the types GitLab's own parser validates (its codeclimate.json:
 * description, fingerprint, severity and location required; strings; lines.begin an integer). Written here from
 * those facts; no schema file is copied.
 */
const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^/' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};
const validate = new Ajv({ allErrors: true, strict: true }).compile(CODE_QUALITY_SCHEMA);

function assertValid(issues: unknown): void {
  assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
  const fingerprints = (issues as CodeQualityIssue[]).map((i) => i.fingerprint);
  assert.equal(new Set(fingerprints).size, fingerprints.length, 'GitLab shows issues with one fingerprint as one');
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string) {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'GITLAB_CI', 'CI_PROJECT_DIR']) delete clean[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...clean, ...env }, cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The variables a GitLab runner sets that buildmedic reads, for a job whose checkout is `dir`. */
const gitlabJob = (dir: string): NodeJS.ProcessEnv => ({ CI: 'true', GITLAB_CI: 'true', CI_PROJECT_DIR: dir, CI_JOB_ID: '4242', CI_SERVER_URL: 'https://gitlab.example.com' });

test('the schema written from GitLab\'s documented fields rejects what GitLab would not read', () => {
  const good = { description: 'd', check_name: 'linker-not-found', fingerprint: 'f', severity: 'critical', location: { path: 'build.log', lines: { begin: 3 } } };
  assert.ok(validate([good]));
  for (const bad of [
    { ...good, severity: 'error' },
    { ...good, fingerprint: undefined },
    { ...good, location: { path: '/abs/build.log', lines: { begin: 3 } } },
    { ...good, location: { path: 'build.log', lines: { begin: 0 } } },
    { ...good, location: { path: 'build.log' } },
  ]) {
    assert.equal(validate([JSON.parse(JSON.stringify(bad))]), false, JSON.stringify(bad));
  }
});

test('every failing case log of every rule gives a valid Code Quality report located in the log artifact', () => {
  let issues = 0;
  for (const folder of ruleFolders()) {
    for (const c of caseFiles(folder.dir).filter((f) => f.kind === 'fail')) {
      const d = diagnoseText(KB, readFileSync(c.path, 'utf8'), { hostPlatform: 'debian' });
      const report = reportFromDiagnosis(d, { tool: 'diagnose', logName: c.name, logUri: `/job/logs/${c.name}` });
      const cq = codeQualityFromReport(report, '/job');
      assertValid(cq);
      if (d.outcome === 'failed') assert.ok(cq.length >= 1, `${c.name}: a failed build has at least one issue`);
      for (const issue of cq) assert.equal(issue.location.path, `logs/${c.name}`);
      if (d.rootCause) assert.equal(cq[0].check_name, d.rootCause);
      issues += cq.length;
    }
  }
  assert.ok(issues > 100, `issues from the cases: ${issues}`);
});

test('a fingerprint survives the finding moving down the log and differs between findings', () => {
  const log = readFileSync(LINKER_LOG, 'utf8');
  const fingerprintsOf = (text: string) => {
    const d = diagnoseText(KB, text, { hostPlatform: 'debian' });
    return codeQualityFromReport(reportFromDiagnosis(d, { tool: 'diagnose', logName: 'build.log', logUri: 'build.log' }), '/job');
  };
  const before = fingerprintsOf(log);
  const after = fingerprintsOf(`${'   Compiling dep v1.0.0\n'.repeat(40)}${log}`);
  assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
  assert.equal(after[0].location.lines.begin, before[0].location.lines.begin + 40);
  // The same failure in another artifact is another issue.
  const elsewhere = codeQualityFromReport(reportFromDiagnosis(diagnoseText(KB, log, { hostPlatform: 'debian' }), { tool: 'diagnose', logName: 'x', logUri: 'other.log' }), '/job');
  assert.notEqual(elsewhere[0].fingerprint, before[0].fingerprint);
});

test('scan findings: file and line relative to the project directory, valid, one fingerprint each', async () => {
  const dir = copyFixture('clap-env-workspace');
  const report = scanProject(await readProjectFiles(dir, SCANNERS), SCANNERS);
  const cq = codeQualityFromScan(report.findings, dir, dir);
  assertValid(cq);
  assert.deepEqual(
    cq.map((i) => `${i.check_name} ${i.location.path}:${i.location.lines.begin}`),
    report.findings.map((f) => `${f.rule} ${f.evidence[0].file}:${f.evidence[0].line}`),
  );
  // Scanned from a subdirectory of the checkout: paths stay relative to the checkout.
  const sub = codeQualityFromScan(report.findings, join(dir, 'crates'), dir);
  assert.ok(sub.every((i) => i.location.path.startsWith('crates/')), sub.map((i) => i.location.path).join(' '));
  assert.equal(projectRelative('/elsewhere/x.log', '/job'), '/elsewhere/x.log');
});

test('under GITLAB_CI, diagnose prints the diagnosis in a section and --codequality writes the report', () => {
  const job = mkdtempSync(join(scratch, 'job-'));
  writeFileSync(join(job, 'build.log'), readFileSync(LINKER_LOG));
  const r = cli(['diagnose', '--codequality', 'gl-code-quality-report.json', 'build.log'], gitlabJob(job), job);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^\x1b\[0Ksection_start:\d{10}:buildmedic_diagnosis\r\x1b\[0Kbuildmedic: The linker is not installed \[linker-not-found\]\n/);
  assert.match(r.stdout, /\nRoot cause: The linker is not installed \[linker-not-found\]/);
  assert.match(r.stdout, /\x1b\[0Ksection_end:\d{10}:buildmedic_diagnosis\r\x1b\[0K\n/);
  const text = readFileSync(join(job, 'gl-code-quality-report.json'), 'utf8');
  assert.notEqual(text.charCodeAt(0), 0xfeff, "GitLab's parser refuses a byte order mark");
  const cq = JSON.parse(text);
  assertValid(cq);
  assert.deepEqual([cq[0].check_name, cq[0].severity, cq[0].location.path], ['linker-not-found', 'critical', 'build.log']);
  // An explicit format wins; GitHub Actions keeps its own default.
  assert.doesNotMatch(cli(['diagnose', '--format', 'text', 'build.log'], gitlabJob(job), job).stdout, /section_start/);
  assert.doesNotMatch(cli(['diagnose', 'build.log'], {}, job).stdout, /section_start/);
});

test('run in a GitLab job: the build output unchanged, then the diagnosis in a section naming the command and exit code', () => {
  const job = mkdtempSync(join(scratch, 'run-'));
  const r = cli(['run', '--log', 'build.log', '--codequality', 'cq.json', '--', 'sh', '-c', 'echo compiling; echo "error: linker \\`cc\\` not found" >&2; exit 101'], gitlabJob(job), job);
  assert.equal(r.code, 101);
  assert.equal(r.stdout, 'compiling\n');
  assert.ok(r.stderr.startsWith('error: linker `cc` not found\n\x1b[0Ksection_start:'), JSON.stringify(r.stderr.slice(0, 120)));
  assert.match(r.stderr, /section_start:\d+:buildmedic_diagnosis\r\x1b\[0Kbuildmedic \(`sh -c .*` exited with code 101\): The linker is not installed \[linker-not-found\]\n/);
  const cq = JSON.parse(readFileSync(join(job, 'cq.json'), 'utf8'));
  assertValid(cq);
  assert.equal(cq[0].location.path, 'build.log');
  // A build that passes: nothing printed, an empty report (GitLab then shows earlier issues as resolved).
  const ok = cli(['run', '--codequality', 'cq.json', '--', 'true'], gitlabJob(job), job);
  assert.equal(ok.code, 0);
  assert.equal(ok.stderr, '');
  assert.deepEqual(JSON.parse(readFileSync(join(job, 'cq.json'), 'utf8')), []);
});

test('scan in a GitLab job: a section with the findings, and a Code Quality report of file locations', () => {
  // The fixture's findings are held back as unverified (its sibling crate enables every feature, which Cargo unifies);
  // --unverified reports them, which is all this test needs.
  const dir = copyFixture('clap-env-workspace');
  const r = cli(['scan', '--unverified', '--codequality', 'cq.json'], gitlabJob(dir), dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^\x1b\[0Ksection_start:\d+:buildmedic_scan\r\x1b\[0Kbuildmedic scan: 3 native-build risks found\nerror crate-feature-missing/);
  const cq = JSON.parse(readFileSync(join(dir, 'cq.json'), 'utf8'));
  assertValid(cq);
  assert.deepEqual(cq.map((i: CodeQualityIssue) => i.location.path), ['crates/local_backend/src/config.rs', 'crates/local_backend/src/config.rs', 'crates/tools/src/main.rs']);
  assert.equal(cli(['scan', '--unverified', '--format', 'text'], gitlabJob(dir), dir).stdout.startsWith('error crate-feature-missing'), true);
});

test('secrets are masked in the job-log sections, as for GitHub; the Code Quality report quotes no log text', () => {
  const job = mkdtempSync(join(scratch, 'secret-'));
  const token = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
  const gitlabToken = 'glpat-xY9aBcDeFgHiJkLmNoPq';
  writeFileSync(join(job, 'build.log'), `error: linker \`cc\` not found (tokens ${token} ${gitlabToken})\n  = note: No such file or directory (os error 2)\n`);
  const r = cli(['diagnose', '--codequality', 'cq.json', 'build.log'], gitlabJob(job), job);
  assert.match(r.stdout, /ghp_\*\*\*/);
  const shown = cli(['diagnose', '--no-redact', 'build.log'], gitlabJob(job), job).stdout;
  for (const secret of [token, gitlabToken]) {
    assert.ok(!r.stdout.includes(secret), secret);
    assert.ok(shown.includes(secret), `--no-redact shows ${secret}`);
  }
  // Only rule text, the log's path and a hash of the quoted line go into the report.
  const cq = readFileSync(join(job, 'cq.json'), 'utf8');
  assert.ok(!cq.includes('ghp_') && !cq.includes('glpat-'), cq);
});

test('control characters from the build log cannot open, close or hide a section of the job log', () => {
  const job = mkdtempSync(join(scratch, 'hostile-'));
  // Backspace, BEL and an ESC left over from a doubled one survive the log normaliser (no whole ANSI sequence to strip).
  writeFileSync(join(job, 'build.log'), 'error: linker `cc` not found A\x08B\x07C\x1b\x1bD section_end:1:buildmedic_diagnosis\n  = note: No such file or directory (os error 2)\n');
  const r = cli(['diagnose', 'build.log'], gitlabJob(job), job);
  const ours = /\x1b\[0Ksection_(start|end):\d+:[a-z_]+(\[collapsed=true\])?\r\x1b\[0K/g;
  const rest = r.stdout.replace(ours, '');
  assert.doesNotMatch(rest, /[\x00-\x08\x0b-\x1f\x7f]/, JSON.stringify(rest.match(/.{0,20}[\x00-\x08\x0b-\x1f\x7f].{0,20}/)));
  assert.match(rest, /not found A\^HB\^GC\^\[ section_end:1:buildmedic_diagnosis/);
  assert.equal(r.stdout.match(/\x1b\[0Ksection_end:\d+:buildmedic_diagnosis\r/g)?.length, 1);
});

test('section markers as GitLab documents them; names checked, headers neutralised', () => {
  assert.equal(sectionStart('a.b-c_1', 'Header', 1700000000, true), '\x1b[0Ksection_start:1700000000:a.b-c_1[collapsed=true]\r\x1b[0KHeader\n');
  assert.equal(sectionEnd('a.b-c_1', 1700000001), '\x1b[0Ksection_end:1700000001:a.b-c_1\r\x1b[0K\n');
  assert.throws(() => sectionStart('bad name', 'x', 1, false));
  assert.equal(sectionStart('s', 'evil\r\x1b[0Kmore', 1, false), '\x1b[0Ksection_start:1:s\r\x1b[0Kevil^M^[[0Kmore\n');
  assert.equal(neutralizeForJobLog('tab\tand\nnewline stay'), 'tab\tand\nnewline stay');
  assert.equal(renderGitlabSections([{ name: 's', header: 'h', body: 'no newline', collapsed: false }], 5), '\x1b[0Ksection_start:5:s\r\x1b[0Kh\nno newline\n\x1b[0Ksection_end:5:s\r\x1b[0K\n');
});
