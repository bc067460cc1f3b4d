// Hostile input for the report side (issue 14 items 4, 5, 6, 21): no secret from a log or an index URL leaves through
// any output, and under GitHub Actions nothing buildmedic quotes can act as a workflow command, while its own
// annotations still work after whatever the build printed.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, test } from 'node:test';
import { createColors } from 'picocolors';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { redactLines, redactText } from '../src/report/redact.ts';
import { BuildOutputWatch } from '../src/run/build-output-watch.ts';
import { mayHoldWorkflowCommand, WorkflowCommandState } from '../src/report/workflow-commands.ts';
import { emitReports } from '../src/report/emit-reports.ts';
import { startIndex } from './fixtures/pypi/server.ts';
import { KB, caseFiles, ruleFolders } from './helpers/cases.ts';
import { tempDir } from './helpers/temp.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const VALIDATION = new URL('../validation/cases/', import.meta.url).pathname;
const ORDINARY = new URL('./fixtures/hostile/ordinary-lines.txt', import.meta.url).pathname;
const WHEELS_PROJECTS = new URL('./fixtures/wheels/projects/', import.meta.url).pathname;
const scratch = tempDir('bm-hostile-diagnose-');
after(() => rmSync(scratch, { recursive: true, force: true }));

function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string) {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'CI']) delete clean[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...clean, ...env }, cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

// ---------------------------------------------------------------------------------------------------------------
// Item 4: redaction.

/** [line as a log shows it, the secret in it, the line as every report must show it]. */
const LEAKS: [string, string, string][] = [
  ['remote: HTTP Basic: Access denied for glpat-Xy9aBcDeFgHiJkLmNoPq', 'glpat-Xy9aBcDeFgHiJkLmNoPq', 'remote: HTTP Basic: Access denied for glpat-***'],
  ['npm ERR! //registry.npmjs.org/ npm_Q2w3E4r5T6y7U8i9O0p1A2s3D4f5G6h7J8k9', 'npm_Q2w3E4r5T6y7U8i9O0p1A2s3D4f5G6h7J8k9', 'npm ERR! //registry.npmjs.org/ npm_***'],
  ['+ twine upload -u __token__ pypi-AgEIcHlwaS5vcmcCJGE4ZDQ5ZTNlLTQ2YjYtNDY0Ni1hMzAyLTk1NmE3NzY1Njc4OQ', 'AgEIcHlwaS5vcmcCJGE4', '+ twine upload -u __token__ pypi-***'],
  ['curl -d token=xoxb-2048-4096-aBcDeFgHiJkLmNoPqRsT https://slack.com/api', 'xoxb-2048-4096-aBcDeFgHiJkLmNoPqRsT', 'curl -d token=xoxb-*** https://slack.com/api'],
  ['stripe: using sk_live_51HqA2bCdEfGhIjKlMnOpQrSt', 'sk_live_51HqA2bCdEfGhIjKlMnOpQrSt', 'stripe: using sk_live_***'],
  ['maps: key AIzaSyD4x7Q9aBcDeFgHiJkLmNoPqRsTuVwXyZ0 rejected', 'AIzaSyD4x7Q9aBcDeFgHiJkLmNoPqRsTuVwXyZ0', 'maps: key AIza*** rejected'],
  ['huggingface_hub: hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ01234567 is invalid', 'hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ01234567', 'huggingface_hub: hf_*** is invalid'],
  [
    'OIDC token eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJyZXBvOmFjbWUvd2lkZ2V0In0.c2lnbmF0dXJlLWJ5dGVz',
    'eyJzdWIiOiJyZXBvOmFjbWUvd2lkZ2V0In0',
    'OIDC token eyJ***',
  ],
  ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY', 'wJalrXUtnFEMI', 'aws_secret_access_key = ***'],
  ['+ mysql_setup password=Tr0ub4dor&3', 'Tr0ub4dor', '+ mysql_setup password=***'],
  ['  password: Tr0ub4dor&3', 'Tr0ub4dor', '  password: ***'],
  ['+ export PASSWORD="correct horse battery"', 'correct horse battery', '+ export PASSWORD="***"'],
  ['+ pip install --index-url https://pkgs.example.com/simple --password s3cr3t-pw demo', 's3cr3t-pw', '+ pip install --index-url https://pkgs.example.com/simple --password *** demo'],
  ['+ docker login -u ci -p dckrPassw0rd123 registry.example.com', 'dckrPassw0rd123', '+ docker login -u ci -p *** registry.example.com'],
  ['//npm.pkg.github.com/:_authToken=4f3c2b1a09f8e7d6c5b4', '4f3c2b1a09f8e7d6c5b4', '//npm.pkg.github.com/:_authToken=***'],
  [
    "fatal: unable to access 'https://glpat-Xy9aBcDeFgHiJkLmNoPq@gitlab.com/acme/lib.git/': The requested URL returned error: 403",
    'Xy9aBcDeFgHiJkLmNoPq',
    "fatal: unable to access 'https://glpat-***@gitlab.com/acme/lib.git/': The requested URL returned error: 403",
  ],
  ['  Cloning https://a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0@github.com/acme/private', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0', '  Cloning https://***@github.com/acme/private'],
  ['GET https://gitlab.example.com/api/v4/projects/7?access_token=9f8e7d6c5b4a3 -> 401', '9f8e7d6c5b4a3', 'GET https://gitlab.example.com/api/v4/projects/7?access_token=*** -> 401'],
  ['git fetch https://deploy:pa55/w0rd@git.example.com/acme/vendor.git', 'pa55/w0rd', 'git fetch https://deploy:***@git.example.com/acme/vendor.git'],
  ["requests.get(url, headers={'Authorization': 'Bearer 0a1b2c3d4e5f'})", '0a1b2c3d4e5f', "requests.get(url, headers={'Authorization': 'Bearer ***'})"],
  // Found by the independent attack run (not in issue 14's list).
  ['machine github.com login deploy password Zx9qLmP4wRt7', 'Zx9qLmP4wRt7', 'machine github.com login deploy password ***'],
  [
    'AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=q8Vw3ZpL0tYr+7u/KdN2mXe5Hs9aBc4F1gJkQ6oRiT0=;EndpointSuffix=core.windows.net',
    'KdN2mXe5Hs9aBc4F1gJkQ6oRiT0',
    'AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=***;EndpointSuffix=core.windows.net',
  ],
  ["+ curl -fsSL -H 'Cookie: sessionid=Qp7vXk2LmZ9sTb4R' https://dl.example.com/x.tgz", 'Qp7vXk2LmZ9sTb4R', "+ curl -fsSL -H 'Cookie: ***' https://dl.example.com/x.tgz"],
  ['{"registry":"https:\\/\\/builder:Wm4Rt8Yp2Kx6@registry.acme.internal\\/v2\\/","status":401}', 'Wm4Rt8Yp2Kx6', '{"registry":"https:\\/\\/builder:***@registry.acme.internal\\/v2\\/","status":401}'],
  // attack5: a capitals variable glued to its word, a password's own .netrc line, aws configure set, an `@` left in a
  // URL password, the word after an unquoted auth scheme, provider shapes, a base64 PEM key, a key cut in one string.
  ['+ PGPASSWORD=Hunt3rTwo!x psql -h db -c "select 1"', 'Hunt3rTwo!x', '+ PGPASSWORD=*** psql -h db -c "select 1"'],
  ['  password S3cr3tPassw0rdValue', 'S3cr3tPassw0rdValue', '  password ***'],
  ['  login deploy password Qx7-Lm2pVb9', 'Qx7-Lm2pVb9', '  login deploy password ***'],
  ['+ aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG', '+ aws configure set aws_secret_access_key ***'],
  ['fatal: unable to access https://deploy:p4ss@w0rd@github.com/o/r.git/', 'w0rd', 'fatal: unable to access https://deploy:***@github.com/o/r.git/'],
  ['CARGO_REGISTRIES_ACME_TOKEN=Bearer abcDEF123ghiJKL456', 'abcDEF123ghiJKL456', 'CARGO_REGISTRIES_ACME_TOKEN=Bearer ***'],
  [`+ doctl auth init -t dop_v1_${'a1b2c3d4'.repeat(8)}`, 'a1b2c3d4a1b2c3d4', '+ doctl auth init -t dop_v1_***'],
  ['+ vault login hvs.CAESIJ8x9yZaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789AbCdEfGh', 'CAESIJ8x9yZaBcDeFgHi', '+ vault login hvs.***'],
  [`X-Shopify-Access-Token: shpat_${'0123456789abcdef'.repeat(2)}`, '0123456789abcdef0123', 'X-Shopify-Access-Token: shpat_***'],
  [`databricks: dapi${'0123456789abcdef'.repeat(2)} rejected`, '0123456789abcdef0123', 'databricks: dapi*** rejected'],
  ['    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFcEFJQkFBS0NBUUVBdGVzdA==', 'UFJJVkFURSBLRVkt', '    client-key-data: ***'],
  ["+ sh -c 'echo -----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw'", 'MIIEvQIBADANBgkqhkiG9w0', "+ sh -c 'echo -----BEGIN PRIVATE KEY----- ***"],  // attack6: the MySQL/MariaDB clients' password glued to -p, MYSQL_PWD, and redis-cli's -a / --pass argument.
  ['+ mysql -uroot -pS3cretPW1 app < schema.sql', 'S3cretPW1', '+ mysql -uroot -p*** app < schema.sql'],
  ['RUN /usr/bin/mysqldump -h db -p"two words" app', 'two words', 'RUN /usr/bin/mysqldump -h db -p"***" app'],
  ['+ mariadb-dump -pMdPW4321 app', 'MdPW4321', '+ mariadb-dump -p*** app'],
  ['+ MYSQL_PWD=MyEnvPW1234 mysql -uroot', 'MyEnvPW1234', '+ MYSQL_PWD=*** mysql -uroot'],
  ['+ redis-cli -h cache -a R3disPW22 ping', 'R3disPW22', '+ redis-cli -h cache -a *** ping'],
  ['+ valkey-cli --pass Vk9PW77x -n 1 ping', 'Vk9PW77x', '+ valkey-cli --pass *** -n 1 ping'],
];

/** Lines that name where a secret comes from, or read one in code: none of them holds a secret. */
const NOT_SECRETS = [
  '#9 [build 4/7] RUN --mount=type=secret,id=npmrc + docker buildx build --secret id=npmrc,src=/home/ci/.npmrc --platform linux/amd64 .',
  '    api_key = os.environ["ACME_API_KEY"]',
  '  cookie_secret=file:/etc/app/cookie.secret',
  '  secret: /run/secrets/db_password',
];

test('redaction masks each token shape, assignment, flag, URL and header form that issue 14 found leaking', () => {
  for (const [line, secret, want] of LEAKS) {
    const got = redactText(line);
    assert.ok(!got.includes(secret), `${line}\n  leaks ${secret}: ${got}`);
    assert.equal(got, want);
    assert.equal(redactText(got), got, 'masking twice changes nothing');
  }
  // Placeholders name a secret without holding one, and code quoted by a compiler is not a secret either.
  for (const line of [
    'git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"',
    '+ echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc',
    '+ cargo publish --token $CARGO_REGISTRY_TOKEN',
    '+ curl -H "Authorization: Bearer $TOKEN" https://api.example.com',
    'set PASSWORD=%DB_PASSWORD%',
    '  token: ***',
    '12 |     let token = lexer.next_token();',
    '   |     fn login(password: &str, api_key: Option<String>) -> Result<(), Error> {',
    'TokenError: (\'EOF in multi-line statement\', (2, 0))',
    '+ docker login --password-stdin -u ci registry.example.com',
    '+ export DISABLE_AUTH=1',
    'Downloading https://files.pythonhosted.org:443/packages/ab/cd/demo-1.0.tar.gz@sha256',
    'remote: Invalid username or password',
    '  password incorrect',
    'error: TOKEN=Bearer',
    'certificate: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t',
    '+ pip install git+https://github.com/o/r@v1#egg=x git+ssh://git@github.com/o/r.git@v1.2',
    // -p with a space names the database (the client prompts); a compiler's -pthread after a mysql include directory.
    '+ mysql -u root -p appdb',
    'gcc -I/usr/include/mysql -pthread -o _mysql.o _mysql.c',
    'x86_64-linux-gnu-gcc -I /usr/include/mariadb -pipe -c x.c',
    '+ mysql -uroot -p$MYSQL_ROOT_PASSWORD',
    '+ redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping',
  ]) {
    assert.equal(redactText(line), line);
  }
});

test('lines that only name where a secret is kept, or read one in code, are left as they are', () => {
  for (const line of NOT_SECRETS) assert.equal(redactText(line), line);
});

test('the body of a private key is masked when its END line is missing, or when neither marker is in view', () => {
  const body = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj', 'MIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw'];
  const cut = redactLines(['+ echo "$DEPLOY_KEY"', '-----BEGIN RSA PRIVATE KEY-----', ...body, 'error: could not read key', 'make: *** Error 1']);
  assert.deepEqual(cut, ['+ echo "$DEPLOY_KEY"', '-----BEGIN PRIVATE KEY----- ***', '***', '***', 'error: could not read key', 'make: *** Error 1']);
  // An excerpt from the middle of a key: no BEGIN, no END.
  assert.deepEqual(redactLines(['Caused by:', ...body, 'error: bad key']), ['Caused by:', '***', '***', 'error: bad key']);
  // Through a diagnosis: the key material is in the excerpt of an unexplained failure.
  const log = scratchFile('key-no-end.log', ['+ ssh-add - <<<"$KEY"', '-----BEGIN OPENSSH PRIVATE KEY-----', ...body, 'Error loading key "(stdin)": invalid format', 'make: *** [deploy] Error 1', ''].join('\n'));
  const json = cli(['diagnose', '--json', log]).stdout;
  for (const line of body) assert.ok(!json.includes(line), `the key leaks: ${line}`);
  assert.ok(cli(['diagnose', '--json', '--no-redact', log]).stdout.includes(body[0]), 'the excerpt quotes the key lines');
});

/** A git-auth-failed log in cargo's words, the token in the user part of the URL, as git prints it. */
const GITLAB_TOKEN = 'glpat-Rq7sT2uV9wX4yZ1aB3cD';
const GIT_AUTH_LOG = [
  `    Updating git repository \`https://${GITLAB_TOKEN}@gitlab.com/acme/private.git\``,
  'error: failed to get `private` as a dependency of package `app v0.1.0 (/src)`',
  '',
  'Caused by:',
  `  Unable to update https://${GITLAB_TOKEN}@gitlab.com/acme/private.git?branch=main`,
  '',
  'Caused by:',
  `  process didn't exit successfully: \`git fetch --force --update-head-ok 'https://${GITLAB_TOKEN}@gitlab.com/acme/private.git' '+refs/heads/main:refs/remotes/origin/main'\` (exit status: 128)`,
  '  --- stderr',
  '  remote: HTTP Basic: Access denied',
  `  fatal: Authentication failed for 'https://${GITLAB_TOKEN}@gitlab.com/acme/private.git/'`,
  '',
].join('\n');

/** Every output of one diagnosis: stdout per format, SARIF, HTML and the job summary. */
function allOutputs(log: string, extra: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const format of ['text', 'json', 'github', 'markdown']) {
    const summary = scratchFile(`summary-${format}.md`, '');
    const sarif = join(scratch, `out-${format}.sarif`);
    const html = join(scratch, `out-${format}.html`);
    const r = cli(['diagnose', '--format', format, '--sarif', sarif, '--html', html, ...extra, log], { GITHUB_STEP_SUMMARY: summary });
    out[format] = r.stdout;
    out[`${format} sarif`] = readFileSync(sarif, 'utf8');
    out[`${format} html`] = readFileSync(html, 'utf8');
    out[`${format} job summary`] = readFileSync(summary, 'utf8');
  }
  return out;
}

test('a git-auth-failed diagnosis carries the token in no format, and its advice keeps ${GITHUB_TOKEN}', () => {
  const log = scratchFile('git-auth-gitlab.log', GIT_AUTH_LOG);
  const secret = GITLAB_TOKEN.slice('glpat-'.length);
  const open = JSON.parse(cli(['diagnose', '--json', '--no-redact', log]).stdout);
  assert.equal(open.rootCause, 'git-auth-failed');
  assert.ok(JSON.stringify(open).split(secret).length - 1 >= 5, 'the token is captured, quoted and explained');
  for (const [format, text] of Object.entries(allOutputs(log))) assert.ok(!text.includes(secret), `${format} leaks the token`);
  const text = cli(['diagnose', log]).stdout;
  assert.match(text, /https:\/\/glpat-\*\*\*@gitlab\.com\/acme\/private\.git\/ requires authentication/);
  // The tool's own advice is not input: its placeholder reads as written, not `x-access-token:***@`.
  assert.ok(text.includes('url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf'), text);
});

test('every string of a diagnosis reaches every output masked: captures, evidence, excerpt, explanation, fixes, chain, metadata', async () => {
  const secret = 'glpat-Zz9yX8wV7uT6sR5qP4oN';
  const diagnosis = diagnoseText(KB, GIT_AUTH_LOG.replaceAll(GITLAB_TOKEN, 'glpat-placeholder'), { hostPlatform: 'debian' });
  // Plant the secret in every string of the model, whatever its name: a new field cannot be forgotten.
  let planted = 0;
  const plant = (v: unknown): unknown => {
    if (typeof v === 'string') {
      planted++;
      return `${v} ${secret}`;
    }
    if (Array.isArray(v)) return v.map(plant);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plant(x)]));
    return v;
  };
  const hostile = plant({ ...diagnosis, excerpt: { startLine: 3, lines: ['Caused by:', 'x'] }, chain: ['cargo', 'git'] }) as typeof diagnosis;
  assert.ok(planted > 30, `planted ${planted}`);
  const context = { tool: 'run' as const, logName: `output of \`cargo build ${secret}\``, logUri: null, environment: [{ label: 'Command', value: `cargo build --token ${secret}` }] };
  const outputs: string[] = [];
  for (const format of ['text', 'json', 'github', 'markdown'] as const) {
    const sarif = join(scratch, `planted-${format}.sarif`);
    const html = join(scratch, `planted-${format}.html`);
    const stepSummary = scratchFile(`planted-${format}.md`, '');
    const emitted = await emitReports(hostile, context, { format, sarif, html, stepSummary: format === 'github' ? stepSummary : null, redact: true, verbose: true, colors: createColors(false) });
    outputs.push(emitted.primary, JSON.stringify(emitted.report), JSON.stringify(emitted.diagnosis), readFileSync(sarif, 'utf8'), readFileSync(html, 'utf8'), readFileSync(stepSummary, 'utf8'));
  }
  for (const text of outputs) assert.ok(!text.includes('Zz9yX8wV7uT6sR5qP4oN'), text.slice(0, 400));
  const unmasked = await emitReports(hostile, context, { format: 'json', redact: false, colors: createColors(false) });
  assert.ok(unmasked.primary.includes(secret), '--no-redact shows it');
});

/** Every case log of every rule and every validation log, as lines. */
function corpus(): { name: string; lines: string[] }[] {
  const logs: { name: string; lines: string[] }[] = [];
  const read = (path: string) => {
    const bytes = readFileSync(path);
    return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').split('\n');
  };
  for (const folder of ruleFolders()) for (const c of caseFiles(folder.dir)) logs.push({ name: `${folder.rule.id}/${c.name}`, lines: read(c.path) });
  for (const name of readdirSync(VALIDATION).filter((f) => /\.(log|txt)(\.gz)?$/.test(f))) logs.push({ name: `validation/${name}`, lines: read(join(VALIDATION, name)) });
  logs.push({ name: 'fixtures/hostile/ordinary-lines.txt', lines: read(ORDINARY) });
  return logs;
}

test('redaction changes no ordinary line of real logs: every rule case, every validation log, hashes and digests', () => {
  const logs = corpus();
  assert.ok(logs.length > 350, `${logs.length} logs`);
  const lines = logs.reduce((n, l) => n + l.lines.length, 0);
  assert.ok(lines > 6000, `${lines} lines`);
  const changed: string[] = [];
  for (const log of logs) {
    redactLines(log.lines).forEach((line, i) => {
      if (line !== log.lines[i]) changed.push(`${log.name}:${i + 1}: ${log.lines[i]}\n  -> ${line}`);
    });
  }
  // None of these logs holds a real secret, so nothing may change.
  assert.deepEqual(changed, []);
  const ordinary = readFileSync(ORDINARY, 'utf8');
  for (const shape of ['sha256:', '--hash=sha256:', 'checksum = "', '"integrity": "sha512-', ' h1:', 'sha256-', '_ZN', '_RINv', 'commit ']) assert.ok(ordinary.includes(shape), `the fixture shows ${shape}`);
});

// ---------------------------------------------------------------------------------------------------------------
// Item 5: wheels output.

function wheels(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  // Async: the index runs in this process.
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'wheels', ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('wheels masks index credentials from PIP_INDEX_URL and from --index-url in requirements.txt, in text and --json', async () => {
  const index = await startIndex();
  try {
    const withUser = (secret: string) => index.url.replace('http://', `http://ci-user:${secret}@`);
    const fromEnv = await wheels([join(WHEELS_PROJECTS, 'docker-alpine'), '--no-cache'], { PIP_INDEX_URL: withUser('env-s3cret-42') });
    const fromEnvJson = await wheels([join(WHEELS_PROJECTS, 'docker-alpine'), '--no-cache', '--json'], { PIP_INDEX_URL: withUser('env-s3cret-42') });
    const dir = mkdtempSync(join(scratch, 'wheels-'));
    cpSync(join(WHEELS_PROJECTS, 'docker-alpine'), dir, { recursive: true });
    const req = join(dir, 'requirements.txt');
    writeFileSync(req, `--index-url ${withUser('req-s3cret-42')}\n${readFileSync(req, 'utf8')}`);
    const fromFile = await wheels([dir, '--no-cache'], { PIP_INDEX_URL: '' });
    const fromFileJson = await wheels([dir, '--no-cache', '--json'], { PIP_INDEX_URL: '' });
    for (const [name, r, secret] of [['env text', fromEnv, 'env-s3cret-42'], ['env json', fromEnvJson, 'env-s3cret-42'], ['file text', fromFile, 'req-s3cret-42'], ['file json', fromFileJson, 'req-s3cret-42']] as const) {
      assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), `${name} leaks ${secret}:\n${r.stdout}${r.stderr}`);
      assert.match(r.stdout, /ci-user:\*\*\*@127\.0\.0\.1/, name);
    }
    assert.equal(JSON.parse(fromEnvJson.stdout).dependencies.indexUrl, withUser('***'));
    const open = await wheels([join(WHEELS_PROJECTS, 'docker-alpine'), '--no-cache', '--no-redact'], { PIP_INDEX_URL: withUser('env-s3cret-42') });
    assert.ok(open.stdout.includes('env-s3cret-42'), '--no-redact shows the index URL as given');
  } finally {
    await index.close();
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Items 6 and 21: workflow commands.

/** The runner's registered commands (actions/runner, ActionCommandManager's command extensions). */
const RUNNER = new Set(['add-mask', 'add-matcher', 'add-path', 'debug', 'echo', 'endgroup', 'error', 'group', 'notice', 'remove-matcher', 'save-state', 'set-env', 'set-output', 'stop-commands', 'warning']);

interface Executed {
  line: number;
  command: string;
  data: string;
}

/**
 * What the runner executes from a step's output, read the way actions/runner reads it: lines end at CR, LF or
 * CRLF; `::name props::data` after leading whitespace, else `##[name props]data` anywhere; a stop-commands token
 * turns every command off until a command named like the token (the token's own stop/resume lines are left out).
 */
function runnerExecutes(output: string): Executed[] {
  let stop: string | null = null;
  const done: Executed[] = [];
  output.split(/\r\n|\r|\n/).forEach((line, i) => {
    const known = (name: string) => RUNNER.has(name.toLowerCase()) || (stop !== null && name.toLowerCase() === stop.toLowerCase());
    // The runner trims leading space as .NET does: Unicode white space, which includes U+0085 (NEL) unlike JavaScript's \s.
    const v2 = /^[\s\u0085]*::(.*?)::(.*)$/.exec(line);
    const v1 = /##\[([^\]]*)\](.*)$/.exec(line);
    const name2 = v2?.[1].split(' ')[0];
    const name1 = v1?.[1].split(' ')[0];
    const cmd = v2 && name2 && known(name2) ? { command: name2, data: v2[2] } : v1 && name1 && known(name1) ? { command: name1, data: v1[2] } : null;
    if (cmd === null) return;
    if (stop !== null) {
      if (cmd.command.toLowerCase() === stop.toLowerCase()) stop = null;
    } else if (cmd.command.toLowerCase() === 'stop-commands' && cmd.data !== '' && !RUNNER.has(cmd.data.toLowerCase())) {
      stop = cmd.data;
    } else {
      done.push({ line: i + 1, ...cmd });
    }
  });
  return done;
}

const ACTIONS = { GITHUB_ACTIONS: 'true' };

/** A failure no rule explains (so the excerpt quotes it) whose lines are workflow commands of every form. */
const COMMANDS_LOG = [
  'running build script',
  '::error title=injected::from the log',
  '   ::add-mask::from the log',
  '\u0085::notice::from the log after a NEL',
  'cc1: note: ##[set-output name=pwned]from the log',
  'Progress 50%\r::warning::from the log after a carriage return',
  'error: build script failed',
  'make: *** [all] Error 1',
  '',
].join('\n');

test('diagnose text, markdown and json on stdout: no quoted line acts as a workflow command under GitHub Actions', () => {
  const log = scratchFile('commands.log', COMMANDS_LOG);
  for (const format of ['text', 'markdown', 'json']) {
    const bare = cli(['diagnose', '--format', format, log]);
    assert.ok(runnerExecutes(bare.stdout).length > 0, `${format}: the log's commands are quoted (else this test proves nothing)`);
    const r = cli(['diagnose', '--format', format, log], ACTIONS);
    assert.equal(r.code, 1);
    assert.deepEqual(runnerExecutes(r.stdout), [], `${format}:\n${r.stdout}`);
    if (format === 'json') assert.deepEqual(JSON.parse(r.stdout), JSON.parse(bare.stdout), 'the JSON reads the same');
    else assert.ok(r.stdout.includes('##[set-output name=pwned]from the log'), `${format} still quotes the line`);
  }
  // The github format is annotations: those, and only those, are commands.
  const annotations = runnerExecutes(cli(['diagnose', '--format', 'github', log], ACTIONS).stdout);
  assert.deepEqual(annotations.map((a) => a.command), ['error']);
});

/** A project whose Cargo.toml and main.rs carry workflow commands where scan quotes and fix's diff shows them. */
function commandsProject(): string {
  const dir = mkdtempSync(join(scratch, 'project-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\ndescription = """\nA demo.\n::error title=injected::from Cargo.toml"""\n[dependencies]\nserde = "1"\n');
  writeFileSync(join(dir, 'src/main.rs'), 'use serde::Serialize;\n\n#[derive(Serialize)] // ##[warning]injected from main.rs\nstruct A;\n\nfn main() {}\n');
  return dir;
}

test('scan and the diff of fix: no quoted project line acts as a workflow command under GitHub Actions', () => {
  const dir = commandsProject();
  for (const command of ['scan', 'fix']) {
    const bare = cli([command, dir]);
    assert.equal(bare.code, 1, bare.stderr);
    assert.ok(runnerExecutes(bare.stdout).length > 0, `${command} quotes the injected line`);
    const r = cli([command, dir], ACTIONS);
    assert.deepEqual(runnerExecutes(r.stdout), [], `${command}:\n${r.stdout}`);
    const fence = /^::stop-commands::([0-9a-f]{32})\n([\s\S]*)::\1::\n$/.exec(r.stdout);
    assert.ok(fence, r.stdout);
    assert.equal(fence[2], bare.stdout, 'only the fence lines are added');
  }
  // The diff still applies: the fence lines are outside it.
  const diff = cli(['fix', dir], ACTIONS).stdout;
  assert.match(diff, /^::stop-commands::[0-9a-f]{32}\n--- a\/Cargo\.toml/);
});

/** `buildmedic run` of a shell script under GitHub Actions, everything on stderr (so the order is the runner's). */
function runUnderActions(script: string, extra: string[] = []) {
  return cli(['run', ...extra, '--shell', '--', script], ACTIONS);
}

const LINKER_FAILURE = 'echo "error: linker \\`cc\\` not found" >&2; echo "  = note: No such file or directory (os error 2)" >&2';

test('run: a build that stops workflow commands does not silence the annotations that follow it', () => {
  const r = runUnderActions(`echo "::stop-commands::build-token-7" >&2; ${LINKER_FAILURE}; exit 1`);
  assert.equal(r.code, 1);
  const executed = runnerExecutes(r.stderr);
  assert.equal(executed.length, 1, r.stderr);
  assert.equal(executed[0].command, 'error');
  assert.match(r.stderr, /::error title=The linker is not installed \[linker-not-found\]::/);
  // In other case, and as ##[...]: the runner compares names ignoring case.
  const legacy = runUnderActions(`echo "  ##[STOP-COMMANDS]Tok-9" >&2; ${LINKER_FAILURE}; exit 1`);
  assert.deepEqual(runnerExecutes(legacy.stderr).map((e) => e.command), ['error'], legacy.stderr);
  // A token that no line can resume (it has a space): the diagnosis comes as text, saying why.
  const stuck = runUnderActions(`echo "::stop-commands::two words" >&2; ${LINKER_FAILURE}; exit 1`);
  assert.equal(stuck.code, 1);
  assert.match(stuck.stderr, /cannot resume them, so annotations would be ignored; the diagnosis as text:\n\nFailed in: linker\n\nRoot cause: The linker is not installed/);
});

test('run: the text diagnosis after the build quotes its lines inertly, and a stop-commands it quotes is not obeyed', () => {
  const build = `printf '%s\\n' 'running' '::error title=injected::from the build' 'x ##[set-output name=a]b' 'BUILD-END' >&2; echo 'error: build script failed' >&2; exit 3`;
  const r = runUnderActions(build, ['--format', 'text']);
  assert.equal(r.code, 3);
  const own = r.stderr.slice(r.stderr.indexOf('BUILD-END\n'));
  assert.ok(own.includes('::error title=injected::from the build'), own);
  assert.deepEqual(runnerExecutes(own), []);
});

test('run: after a last stderr line without a newline, the annotation starts on a line of its own (item 21)', () => {
  const r = runUnderActions("printf 'error: linker `cc` not found' >&2; exit 1");
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^error: linker `cc` not found\n::error title=The linker is not installed/);
  assert.deepEqual(runnerExecutes(r.stderr).map((e) => e.command), ['error']);
  // The text format too, outside GitHub Actions.
  const text = cli(['run', '--shell', '--', "printf 'error: linker `cc` not found' >&2; exit 1"]);
  assert.match(text.stderr, /^error: linker `cc` not found\n\nbuildmedic: /);
});

test('the Action: its annotations work after a build that stopped commands and left its last stdout line open', () => {
  const root = new URL('..', import.meta.url).pathname;
  const entry = join(root, /^ {2}main: (\S+)$/m.exec(readFileSync(join(root, 'action.yml'), 'utf8'))![1]);
  const workspace = mkdtempSync(join(scratch, 'action-'));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    // The build writes to stdout, where the Action prints its annotations.
    INPUT_RUN: "echo '::stop-commands::build-token-8'; printf 'error: linker `cc` not found'; exit 1",
  };
  const r = spawnSync(process.execPath, [entry], { cwd: workspace, env, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^::stop-commands::build-token-8\nerror: linker `cc` not found\n::build-token-8::\n::error title=The linker is not installed/);
  assert.deepEqual(runnerExecutes(r.stdout).map((e) => e.command), ['error']);
});

test('run follows the runner\'s stop state over the output wherever the chunks split it, across both streams', () => {
  const output = 'Compiling a\r\n::stop-commands::first-token\r::FIRST-TOKEN::\nwarning: x\n  ##[stop-commands]second %\n::stop-commands::ignored-while-stopped\n::ignored-while-stopped::';
  const bytes = Buffer.from(output);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const sink = { write: () => true, once: () => undefined };
    const watch = new BuildOutputWatch(sink);
    watch.write(1, bytes.subarray(0, cut));
    watch.write(1, bytes.subarray(cut));
    watch.write(0, Buffer.from('stdout line\n'));
    const end = watch.end();
    assert.equal(end.stderr.stoppedBy, 'second %', `cut at ${cut}`);
    assert.equal(end.stdout.stoppedBy, 'second %');
    assert.deepEqual([end.stdout.atLineStart, end.stderr.atLineStart], [true, false]);
  }
});

test('a command after U+0085 (NEL), which the runner trims as leading space, is seen as a command and as a stop', () => {
  for (const space of ['\u0085', ' \u0085\t', '\u00a0\u0085']) {
    assert.equal(mayHoldWorkflowCommand(`a fix diff context line\n${space}::add-mask::PWN`), true, JSON.stringify(space));
    const state = new WorkflowCommandState();
    state.observe(`${space}::stop-commands::tok3n`);
    assert.equal(state.stoppedBy, 'tok3n', JSON.stringify(space));
  }
});

test("a log's path that goes into a printed command holds path characters only (conda's compiler_compat/ld)", () => {
  const hostile = diagnoseText(KB, '/a;curl${IFS}x|sh;/compiler_compat/ld: cannot find -lc\n', { hostPlatform: 'debian' });
  assert.notEqual(hostile.rootCause, 'conda-linker-incompatible');
  const plain = diagnoseText(KB, '/home/u/anaconda3/compiler_compat/ld: cannot find -lpthread\n', { hostPlatform: 'debian' });
  assert.equal(plain.rootCause, 'conda-linker-incompatible');
  const commands = JSON.stringify(plain.findings[0]?.fix);
  assert.match(commands, /mv \/home\/u\/anaconda3\/compiler_compat\/ld \/home\/u\/anaconda3\/compiler_compat\/ld\.bak/);
});
