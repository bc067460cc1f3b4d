// Hostile inputs for the parsers behind `buildmedic scan` and `fix`: project files built to make parsing quadratic or to
// exhaust memory (issue 14, items 17 and 18). Each case broke buildmedic once; the next such attack goes here.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { findGatedUses } from '../src/scan/checks/cargo-features.ts';
import { scanDockerfiles } from '../src/scan/dockerfile/index.ts';
import { DOCKERFILE_LIMITS, isBuiltOn, parseDockerfile, stageChain } from '../src/project/dockerfile/parse.ts';
import type { ProjectFiles } from '../src/project/files.ts';
import { lineAt, locate } from '../src/project/text-location.ts';
import { tempDir } from './helpers/temp.ts';

const BIN = new URL('../dist/bin/main.js', import.meta.url).pathname;
const BUNDLE_LOADER = new URL('../dist/bin/load-bundle.js', import.meta.url).pathname;

function project(files: Record<string, string>): ProjectFiles {
  const map = new Map(Object.entries(files));
  return { root: '/nonexistent', files: map, gitTracked: null, gitIgnored: null, paths: new Set(map.keys()) };
}

/** `n` stages, each built FROM the one before; each compiles into a cache-mounted target/ and copies a binary out of the stage before. */
function chainedStages(n: number): string {
  const lines = ['FROM rust:1.79-slim AS s0', 'WORKDIR /app', 'COPY Cargo.toml Cargo.lock ./'];
  for (let i = 1; i < n; i++) {
    lines.push(`FROM s${i - 1} AS s${i}`, 'RUN apt-get install -y curl', 'RUN --mount=type=cache,target=/app/target cargo build --release', `COPY --from=s${i - 1} /app/target/release/app /usr/local/bin/app${i}`);
  }
  return `${lines.join('\n')}\n`;
}

const LOCKED = {
  'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nopenssl-sys = "0.9"\n',
  'Cargo.lock': 'version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["openssl-sys"]\n\n[[package]]\nname = "openssl-sys"\nversion = "0.9.80"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n',
};

/** `buildmedic scan` on a project made of `files`, killed after 20 s: the old code took minutes on these inputs. */
function scanWithin20s(files: Record<string, string>) {
  const dir = tempDir('bm-hostile-scan-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const r = spawnSync(process.execPath, [BIN, 'scan', dir], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
  assert.equal(r.signal, null, 'scan was still running after 20 s');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a Dockerfile of 3000 chained stages is skipped at once, and the scan says so (it took minutes)', { timeout: 60_000 }, () => {
  const r = scanWithin20s({ ...LOCKED, Dockerfile: chainedStages(3000) });
  assert.equal(r.stdout, `could not check (dockerfile): Dockerfile: not checked: it has more than ${DOCKERFILE_LIMITS.stages} build stages, the most a Dockerfile is checked with\nNothing found in the files that could be read.\n`);
  // Found nothing, and could not check a file: the scan could not do its whole job.
  assert.equal(r.code, 2, r.stderr);
});

test('a chain of stages as long as is checked: every check runs, and n cache readers make n findings, not n²', { timeout: 60_000 }, () => {
  const n = DOCKERFILE_LIMITS.stages;
  const findings = scanDockerfiles(project({ ...LOCKED, Dockerfile: chainedStages(n) }));
  const cache = findings.filter((f) => f.rule === 'docker-cache-mount-artifact');
  // Stages 2..n-1 copy from a stage with a cache build of its own; each COPY is blamed on that nearest build.
  assert.equal(cache.length, n - 2);
  for (const f of cache) {
    const from = Number(/COPY --from=s(\d+)/.exec(f.evidence[0].text)![1]);
    assert.equal(f.evidence[1].line, 3 + 4 * (from - 1) + 3, f.message);
  }
  // Every compiling stage of the slim image lacks pkg-config and libssl-dev for openssl-sys.
  assert.ok(findings.some((f) => f.rule === 'openssl-dev-missing'), [...new Set(findings.map((f) => f.rule))].join(' '));
});

test('isBuiltOn answers what stageChain does, on a forest with names, indexes and images', () => {
  const model = parseDockerfile('Dockerfile', ['FROM debian AS a', 'FROM a AS b', 'FROM rust AS c', 'FROM B AS d', 'FROM 2 AS e', 'FROM c', 'FROM nope', 'FROM d'].join('\n'));
  for (const stage of model.stages) {
    for (const base of model.stages) assert.equal(isBuiltOn(model, stage, base), stageChain(model, stage).includes(base), `${stage.index} on ${base.index}`);
  }
  assert.deepEqual(stageChain(model, model.stages[7]).map((s) => s.index), [7, 3, 1, 0]);
});

test('a 2 MB Dockerfile with one RUN of a million words is skipped in bounded memory (it took 1.5 GiB)', { timeout: 60_000 }, () => {
  const dir = tempDir('bm-hostile-scan-');
  writeFileSync(join(dir, 'Dockerfile'), `FROM rust:1.79\nRUN apt-get install -y ${'w '.repeat(1_000_000)}\n`);
  const probe = `const { loadBundle } = await import(${JSON.stringify(BUNDLE_LOADER)});
const code = await loadBundle().cli.main(['scan', ${JSON.stringify(dir)}]);
process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + ' CODE ' + code + '\\n');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const m = /MAXRSS (\d+) CODE (\d+)/.exec(r.stderr);
  assert.ok(m, r.stderr.slice(-2000));
  const mib = Number(m[1]) / 1024;
  assert.ok(mib < 300, `peak RSS ${mib.toFixed(0)} MiB`);
  assert.equal(m[2], '2');
  assert.match(r.stdout, new RegExp(`could not check \\(dockerfile\\): Dockerfile: not checked: it has more than ${DOCKERFILE_LIMITS.words} words`));
});

const UNCLOSED = ['#[arg(', '#[clap(', '#[derive(', '#[tokio::main ', '#[arg(env '];

test('a 300 KB main.rs of unclosed attributes is read in linear time (`#[arg(` took over 20 s)', { timeout: 120_000 }, () => {
  const manifest = '[package]\nname = "cli"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nclap = "4"\ntokio = "1"\nserde = "1"\n';
  for (const unit of UNCLOSED) {
    const r = scanWithin20s({ 'Cargo.toml': manifest, 'src/main.rs': `use clap::Parser;\n${unit.repeat(Math.ceil(300_000 / unit.length))}` });
    assert.ok(r.code === 0 || r.code === 1, `${unit}: ${r.stderr}`);
  }
});

test('an unclosed attribute ends at its own `]`: it neither takes a later `env` for its own nor hides the attribute that has it', () => {
  const text = ['use clap::Parser;', '#[derive(Parser)]', 'struct Cli {', '    #[arg(long]', '    name: String,', '    #[arg(long, env = "TOKEN")]', '    token: String,', '}', ''].join('\n');
  assert.deepEqual(findGatedUses('src/main.rs', text).map((u) => `${u.at.line} ${u.crate}:${u.features}`), ['2 clap:derive', '6 clap:env']);
});

test('line numbers and quoted lines of locate are those of the text, also for CRLF, a leading newline and a huge line', () => {
  const text = '\nfirst\r\nsecond\n\nlast';
  for (let offset = 0; offset <= text.length; offset++) {
    assert.equal(lineAt(text, offset), text.slice(0, offset).split('\n').length, `offset ${offset}`);
  }
  assert.deepEqual(locate('f', text, 3), { file: 'f', line: 2, text: 'first' });
  assert.deepEqual(locate('f', text, text.length), { file: 'f', line: 5, text: 'last' });
  const huge = `x\n${'y'.repeat(5_000_000)}`;
  const at = locate('f', huge, 4_000_000);
  assert.equal(at.line, 2);
  assert.ok(at.text.length <= 1000 && /^y+$/.test(at.text));
});

test('a workspace listing 5000 members by path finds each one its workspace without compiling the list per manifest', { timeout: 120_000 }, async () => {
  const { cargoPackages } = await import('../src/project/cargo/packages.ts');
  const files: Record<string, string> = {};
  const members: string[] = [];
  for (let i = 0; i < 5000; i++) {
    members.push(`"c/m${i}"`);
    files[`c/m${i}/Cargo.toml`] = `[package]\nname = "m${i}"\nversion = "0.1.0"\n`;
  }
  files['c/stray/Cargo.toml'] = '[package]\nname = "stray"\nversion = "0.1.0"\n';
  files['Cargo.toml'] = `[workspace]\nmembers = [${members.join(', ')}, "g/*"]\n`;
  files['g/x/Cargo.toml'] = '[package]\nname = "x"\nversion = "0.1.0"\n';
  // Every manifest compiled all 5000 patterns again: 25 million glob compilations, minutes of scan.
  const packages = cargoPackages(project(files));
  const inWorkspace = packages.filter((p) => p.workspaceRoot?.dir === '').map((p) => p.dir);
  assert.equal(inWorkspace.length, 5002);
  assert.ok(inWorkspace.includes('c/m4999') && inWorkspace.includes('g/x') && !inWorkspace.includes('c/stray'));
});

test('an absolute build context or Dockerfile path in compose, bake or a workflow is not taken for a project directory', async () => {
  const { buildContext } = await import('../src/project/dockerfile/context.ts');
  const dockerfile = 'FROM rust:1.79-slim\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n';
  const declarations: Record<string, string> = {
    'docker-compose.yml': 'services:\n  a:\n    build:\n      context: /srv\n      dockerfile: Dockerfile\n  b:\n    build: /\n',
    'docker-bake.hcl': 'target "x" {\n  context = "/srv"\n}\n',
    '.github/workflows/ci.yml': 'jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: /srv\n      - run: docker build -f srv/Dockerfile /\n',
    '.github/workflows/file.yml': 'jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: /srv/Dockerfile\n',
  };
  for (const [file, text] of Object.entries(declarations)) {
    const p = project({ [file]: text, 'srv/Dockerfile': dockerfile, 'srv/Cargo.toml': '[package]\nname = "a"\n', Dockerfile: dockerfile });
    for (const path of ['Dockerfile', 'srv/Dockerfile']) {
      const context = buildContext(p, parseDockerfile(path, dockerfile));
      // `/srv` was the project's srv/, `/` the project root: both are directories of the machine running docker.
      assert.equal(context.from, "the Dockerfile's folder", `${file} ${path}: ${JSON.stringify(context)}`);
    }
  }
});

test('YAML flow collections nested a million deep in a workflow or compose file are refused before the parser builds them (attack5)', { timeout: 60_000 }, async () => {
  const { yamlFlowDepth, YAML_FLOW_DEPTH_LIMIT } = await import('../src/project/json-depth.ts');
  const n = 1_000_000;
  // The yaml package's recursive tree took 16 s and 2 GiB on this workflow, and failed with a stack overflow.
  const r = scanWithin20s({
    '.github/workflows/deep.yml': `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${'['.repeat(n)}${']'.repeat(n)}\n`,
    'compose.yaml': `services:\n  web:\n    build: .\n    labels: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
    Dockerfile: 'FROM rust:1.80\nRUN cargo build\n',
  });
  assert.match(r.stdout, /deep\.yml: not valid YAML \(flow collections nested deeper than 256 levels\)/);
  // Real files nest a few levels; brackets in strings and block scalars count, and close again.
  assert.equal(yamlFlowDepth('steps:\n  - run: |\n      [[ -f x ]] && echo "${{ matrix.os }}"\n  - with: { a: [1, [2, {b: 3}]] }\n', YAML_FLOW_DEPTH_LIMIT), 4);
  assert.equal(yamlFlowDepth(']]]] [', YAML_FLOW_DEPTH_LIMIT), 1);
});
