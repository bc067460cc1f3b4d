// Report formats end to end: GitHub workflow commands and job summary, SARIF checked against the OASIS schema, Markdown, and secret masking in every format.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import { ANNOTATIONS_PER_TYPE, escapeData, escapeProperty, renderGithubAnnotations } from '../src/report/github.ts';
import { renderMarkdown } from '../src/report/markdown.ts';
import { renderSarif } from '../src/report/sarif.ts';
import { type Report, type ReportItem } from '../src/report/model.ts';
import { redactLines, redactText } from '../src/report/redact.ts';
import { tempDir } from './helpers/temp.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/report/', import.meta.url).pathname;
const SECRETS_LOG = join(FIXTURES, 'secrets-unexplained.log');
const LINKER_LOG = new URL('../src/kb/rules/toolchain/linker-not-found/cases/fail-cargo-hello-no-cc.log', import.meta.url).pathname;
const scratch = tempDir('buildmedic-report-');

const SECRETS = [
  'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
  'hunter2-Very-Secret',
  'AKIAIOSFODNN7EXAMPLE',
  'cio1234567890abcdefSECRETVALUE',
  'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN',
  'QyNTUxOQAAACBzZWNyZXRrZXltYXRlcmlhbHRoYXRtdXN0bm90bGVha291dAAAAJgAAAAA',
];

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const clean = { ...process.env, NO_COLOR: '1' };
  delete clean.GITHUB_ACTIONS;
  delete clean.GITLAB_CI;
  delete clean.GITHUB_STEP_SUMMARY;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...clean, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every output of one diagnosis: stdout per format plus the SARIF and HTML files. */
function allOutputs(log: string, extra: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const format of ['text', 'json', 'github', 'markdown']) {
    const summary = join(scratch, `summary-${format}-${extra.length}.md`);
    writeFileSync(summary, '');
    const sarif = join(scratch, `r-${format}-${extra.length}.sarif`);
    const html = join(scratch, `r-${format}-${extra.length}.html`);
    const r = cli(['diagnose', '--format', format, '--sarif', sarif, '--html', html, ...extra, log], { GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 1, r.stderr);
    out[format] = r.stdout;
    out.sarif = readFileSync(sarif, 'utf8');
    out.html = readFileSync(html, 'utf8');
    if (format === 'github') out['job summary'] = readFileSync(summary, 'utf8');
  }
  return out;
}

test('secrets in a log never leave through any report format, and --no-redact shows them', () => {
  const masked = allOutputs(SECRETS_LOG);
  for (const [format, text] of Object.entries(masked)) {
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `${format} leaks ${secret}`);
  }
  assert.match(masked.markdown, /github_pat_\*\*\*/);
  assert.match(masked.json, /https:\/\/deploy:\*\*\*@git\.example\.com/);
  const open = allOutputs(SECRETS_LOG, ['--no-redact']);
  // The evidence line holds a URL password and a token: every format quotes it.
  for (const format of ['text', 'json', 'github', 'markdown', 'sarif', 'html', 'job summary']) {
    assert.ok(open[format].includes('hunter2-Very-Secret'), `${format} should show the log as is with --no-redact`);
  }
  assert.ok(open.json.includes(SECRETS[5]), 'the key material is in the excerpt');
});

test('redaction masks each kind of secret and leaves look-alikes alone', () => {
  const cases: [string, string][] = [
    ['remote: https://x-access-token:ghs_0123456789abcdefghijABCDEFGHIJ012345@github.com/o/r', 'remote: https://x-access-token:***@github.com/o/r'],
    ['token ghp_0123456789abcdefghijABCDEFGHIJ012345 used', 'token ghp_*** used'],
    ['> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc', '> Authorization: Bearer ***'],
    ['proxy-authorization: Basic dXNlcjpwYXNz', 'proxy-authorization: Basic ***'],
    ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_access_key_id = AKIA***'],
    ['NPM_TOKEN=npm_abc123 npm publish', 'NPM_TOKEN=*** npm publish'],
    ['-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBase64==\n-----END EC PRIVATE KEY-----', '-----BEGIN PRIVATE KEY----- *** -----END PRIVATE KEY-----'],
  ];
  for (const [input, want] of cases) assert.equal(redactText(input), want);
  const untouched = [
    'git@github.com:acme/widget.git',
    'Downloaded https://static.crates.io/crates/libc/libc-0.2.155.crate',
    'sha256: 3b0c2f3e5a1d4c6b8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d',
    'error: failed to authenticate when downloading repository',
  ];
  for (const line of untouched) assert.equal(redactText(line), line);
  assert.deepEqual(redactLines(['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA', '-----END RSA PRIVATE KEY-----', 'after']), [
    '-----BEGIN PRIVATE KEY----- ***',
    '***',
    '***',
    'after',
  ]);
});

/** Reads a workflow command back the way the runner does. */
function parseCommand(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  assert.ok(m, line);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props: Record<string, string> = {};
  for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
    const i = kv.indexOf('=');
    props[kv.slice(0, i)] = unescape(kv.slice(i + 1));
  }
  return { command: m[1], props, message: unescape(m[3]) };
}

test('workflow command escaping follows the runner: %, CR, LF in data; also : and , in properties', () => {
  assert.equal(escapeData('50% done\r\nnext: a,b'), '50%25 done%0D%0Anext: a,b');
  assert.equal(escapeProperty('C:\\a,b%\n'), 'C%3A\\a%2Cb%25%0A');
  const r = cli(['diagnose', '--format', 'github', LINKER_LOG]);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const a = parseCommand(lines[0]);
  assert.equal(a.command, 'error');
  assert.equal(a.props.title, 'The linker is not installed [linker-not-found]');
  assert.equal(a.props.file, LINKER_LOG);
  assert.equal(a.props.line, '3');
  assert.match(a.message, /\nEvidence:\n {2}log line 3: error: linker `cc` not found\n/);
  assert.ok(!lines[0].includes('\r'));
});

function item(i: number, role: ReportItem['role']): ReportItem {
  return {
    rule: `rule-${i}`,
    title: `Title ${i}: with, punctuation 100%`,
    role,
    severity: role === 'root-cause' ? 'error' : role === 'contributing' ? 'warning' : 'note',
    confidence: 0.9,
    explanation: 'why',
    fix: { summary: 'fix it', steps: [], commands: [], dockerfile: null },
    evidence: [{ location: { kind: 'file', path: `src/a,b:${i}.rs`, line: i + 1, column: 2 }, text: 'x' }],
    explainedBy: role === 'consequence' ? 'rule-0' : null,
  };
}

test(`at most ${ANNOTATIONS_PER_TYPE} annotations of each type, root cause first; file locations survive escaping`, () => {
  const items = [item(0, 'root-cause'), ...Array.from({ length: 14 }, (_, i) => item(i + 1, 'contributing')), ...Array.from({ length: 12 }, (_, i) => item(i + 20, 'consequence'))];
  // A scan may report many errors: make a dozen of them errors too.
  for (const it of items.slice(1, 13)) it.severity = 'error';
  const report: Report = { tool: 'scan', outcome: 'failed', rootCause: 'rule-0', summary: 's', items, chain: [], log: null, excerpt: null, setAside: [], environment: [], ruleHelp: {} };
  const parsed = renderGithubAnnotations(report).trim().split('\n').map(parseCommand);
  const count = (c: string) => parsed.filter((p) => p.command === c).length;
  assert.deepEqual([count('error'), count('warning'), count('notice')], [10, 2, 10]);
  assert.equal(parsed[0].props.title, 'Title 0: with, punctuation 100% [rule-0]');
  assert.deepEqual([parsed[0].props.file, parsed[0].props.line, parsed[0].props.col], ['src/a,b:0.rs', '1', '2']);
});

test('under GitHub Actions the github format is the default, and the job summary is appended', () => {
  const summary = join(scratch, 'step-summary.md');
  writeFileSync(summary, '# earlier step\n');
  const r = cli(['diagnose', LINKER_LOG], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^::error title=The linker is not installed \[linker-not-found\],file=/);
  const md = readFileSync(summary, 'utf8');
  assert.ok(md.startsWith('# earlier step\n## buildmedic: ❌ Build failed\n'), md.slice(0, 80));
  assert.match(md, /### Root cause: The linker is not installed \(`linker-not-found`, 95%\)/);
  const text = cli(['diagnose', '--format', 'text', LINKER_LOG], { GITHUB_ACTIONS: 'true' });
  assert.match(text.stdout, /^Failed in:/);
  const json = cli(['diagnose', '--json', LINKER_LOG], { GITHUB_ACTIONS: 'true' });
  assert.deepEqual(JSON.parse(json.stdout), JSON.parse(cli(['diagnose', '--format', 'json', LINKER_LOG]).stdout));
});

const schema = JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8'));
const validateSarif = new Ajv({ allErrors: true, strict: false }).compile(schema);

function sarifOf(log: string) {
  const file = join(scratch, `${Math.random().toString(36).slice(2)}.sarif`);
  const r = cli(['diagnose', '--format', 'json', '--sarif', file, log]);
  return { code: r.code, sarif: JSON.parse(readFileSync(file, 'utf8')), diagnosis: JSON.parse(r.stdout) };
}

test('SARIF output is valid against the OASIS SARIF 2.1.0 schema and carries rule docs and log lines', () => {
  const { sarif, diagnosis } = sarifOf(LINKER_LOG);
  assert.ok(validateSarif(sarif), JSON.stringify(validateSarif.errors, null, 2));
  assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'buildmedic');
  assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+/);
  assert.ok(run.tool.driver.informationUri);
  assert.equal(run.results.length, diagnosis.findings.length);
  const readme = readFileSync(new URL('../src/kb/rules/toolchain/linker-not-found/README.md', import.meta.url), 'utf8');
  for (const result of run.results) {
    const rule = run.tool.driver.rules[result.ruleIndex];
    assert.equal(rule.id, result.ruleId, 'ruleIndex points at the rule named by ruleId');
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    assert.ok(result.message.text.length > 0);
  }
  const root = run.results[0];
  assert.equal(root.ruleId, 'linker-not-found');
  assert.equal(root.level, 'error');
  assert.deepEqual(root.locations[0].physicalLocation.region, { startLine: 3 });
  assert.equal(root.locations[0].physicalLocation.artifactLocation.uri, LINKER_LOG.split('/').map(encodeURIComponent).join('/'));
  const rule = run.tool.driver.rules[root.ruleIndex];
  assert.equal(rule.help.markdown, readme);
  assert.equal(rule.help.text, readme);
  assert.equal(rule.shortDescription.text, 'The linker is not installed');
  assert.ok(rule.fullDescription.text.length > 10);
});

test('SARIF for an unexplained failure and for a success is valid too', () => {
  const unexplained = sarifOf(SECRETS_LOG).sarif;
  assert.ok(validateSarif(unexplained), JSON.stringify(validateSarif.errors));
  assert.equal(unexplained.runs[0].results[0].ruleId, 'unexplained-failure');
  assert.equal(unexplained.runs[0].results[0].locations[0].physicalLocation.region.startLine, 11);
  const okLog = join(scratch, 'ok.log');
  writeFileSync(okLog, '   Compiling hello v0.1.0\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.5s\n');
  const ok = sarifOf(okLog);
  assert.equal(ok.diagnosis.outcome, 'succeeded');
  assert.ok(validateSarif(ok.sarif), JSON.stringify(validateSarif.errors));
  assert.deepEqual(ok.sarif.runs[0].results, []);
  // The validator is not a rubber stamp: a result without a message is refused.
  const broken = structuredClone(unexplained);
  delete broken.runs[0].results[0].message;
  assert.equal(validateSarif(broken), false);
});

test('markdown report: problem, root cause, fenced evidence, why, fix, ruled out, environment', () => {
  const r = cli(['diagnose', '--format', 'markdown', LINKER_LOG]);
  assert.equal(r.code, 1);
  const md = r.stdout;
  const order = ['## buildmedic: ❌ Build failed', '**Problem:**', '### Root cause: The linker is not installed', '**Evidence** (log line 3):', '```text\n3 | error: linker `cc` not found\n```', '**Why:**', '**Fix:**', '```sh\n# Debian/Ubuntu (apt)\nsudo apt-get update && sudo apt-get install -y build-essential', '### Ruled out', '### Environment', '| Failed in | cargo → linker |'];
  let at = -1;
  for (const piece of order) {
    const i = md.indexOf(piece, at + 1);
    assert.ok(i > at, `missing or out of order: ${piece}`);
    at = i;
  }
  assert.ok(md.includes('- log line 7: ``error: could not compile `hello` (bin "hello") due to 1 previous error``'), 'the cascade line is ruled out');
});

test('markdown fences cannot be closed by backticks in the log', () => {
  const report: Report = {
    tool: 'diagnose',
    outcome: 'failed',
    rootCause: 'r',
    summary: 'broke',
    items: [{ ...item(1, 'root-cause'), evidence: [{ location: { kind: 'log', line: 7 }, text: 'note: ``` closes a fence ````' }] }],
    chain: [],
    log: null,
    excerpt: null,
    setAside: [],
    environment: [{ label: 'Command', value: 'make | tee log' }],
    ruleHelp: {},
  };
  const md = renderMarkdown(report);
  assert.match(md, /\n`````text\n7 \| note: ``` closes a fence ````\n`````\n/);
  assert.match(md, /\| Command \| make \\\| tee log \|/);
});

test('findings located in project files (scan, doctor) give valid SARIF with file regions', () => {
  const items = [item(1, 'root-cause'), item(2, 'contributing'), { ...item(3, 'finding'), rule: 'rule-1' }];
  const report: Report = { tool: 'scan', outcome: 'failed', rootCause: 'rule-1', summary: 's', items, chain: [], log: null, excerpt: null, setAside: [], environment: [], ruleHelp: {} };
  const sarif = renderSarif(report, { toolVersion: '1.2.3' });
  assert.ok(validateSarif(sarif), JSON.stringify(validateSarif.errors));
  const run = sarif.runs[0];
  assert.deepEqual(run.tool.driver.rules!.map((r) => r.id), ['rule-1', 'rule-2'], 'one descriptor per rule');
  assert.deepEqual(run.results!.map((r) => [r.ruleId, r.ruleIndex, r.level]), [['rule-1', 0, 'error'], ['rule-2', 1, 'warning'], ['rule-1', 0, 'note']]);
  assert.deepEqual(run.results![0].locations![0].physicalLocation, { artifactLocation: { uri: 'src/a%2Cb%3A1.rs' }, region: { startLine: 2, startColumn: 2 } });
});
