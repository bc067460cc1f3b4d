// The pre-commit hook (.pre-commit-hooks.yaml): its `files` pattern picks the build files, and its entry, run the way
// pre-commit runs it (from the repository's top, the staged files that match as arguments), reports the findings of
// those files only.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { selectForFiles } from '../src/scan/changed-files.ts';
import type { ScanFinding } from '../src/report/finding.ts';
import { git, gitInit, tempDir, writeFiles } from './helpers/scan-projects.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/bin/main.js');
// A commit hook runs on a workstation: no CI's default format.
const ENV: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
delete ENV.GITLAB_CI;

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'buildmedic-scan')!;
// pre-commit matches `files` with Python's re.search; this pattern uses only syntax JavaScript reads the same way.
const filesPattern = new RegExp(hook.files);

/** What pre-commit does at commit time: the staged files its pattern selects, passed to the entry from the top. */
function runHookAsPreCommit(repo: string): { files: string[]; status: number | null; stdout: string; stderr: string } {
  const staged = git(repo, 'diff', '--cached', '--name-only', '--diff-filter=ACMR').split('\n').filter(Boolean);
  const files = staged.filter((f) => filesPattern.test(f));
  if (files.length === 0) return { files, status: 0, stdout: '', stderr: '' };
  const [command, ...args] = hook.entry.split(/\s+/);
  assert.equal(command, 'buildmedic', 'the entry runs the installed executable');
  const r = spawnSync(process.execPath, [BIN, ...args, ...files], { cwd: repo, encoding: 'utf8', env: ENV });
  return { files, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the hook is a node hook on buildmedic scan that receives the file names', () => {
  assert.equal(hook.language, 'node');
  assert.notEqual(hook.pass_filenames, false);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.ok(pkg.bin.buildmedic, 'pre-commit installs the package and runs its bin');
});

test('the files pattern selects the build files the scanners read, and nothing else', () => {
  const selected = [
    'Cargo.toml', 'crates/app/Cargo.toml', 'Cargo.lock', 'rust-toolchain', 'rust-toolchain.toml', 'Dockerfile', 'docker/Dockerfile.musl',
    'Containerfile', 'build.Dockerfile', 'flake.nix', 'pyproject.toml', 'py/requirements.txt', 'requirements-dev.txt',
    '.github/workflows/ci.yml', '.github/workflows/release.yaml',
  ];
  const ignored = ['README.md', 'src/main.rs', 'MyCargo.toml', 'Cargo.toml.orig', 'docs/flake.nix.md', 'requirements.in', 'ci/workflows/x.yml', '.github/dependabot.yml', 'Dockerfiles/README'];
  assert.deepEqual(selected.filter((f) => !filesPattern.test(f)), []);
  assert.deepEqual(ignored.filter((f) => filesPattern.test(f)), []);
});

function clapProject(): string {
  const dir = tempDir('bm-precommit-');
  writeFiles(dir, {
    'Cargo.toml': '[package]\nname = "hx"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies.clap]\nversion = "4"\nfeatures = ["derive", "wrap_help"]\n',
    'src/main.rs': 'use clap::Parser;\n\n#[derive(Parser)]\nstruct Opt {\n    #[arg(long)]\n    width: u32,\n}\n\nfn main() {\n    let _ = Opt::parse();\n}\n',
    'Dockerfile': 'FROM rust:1.80\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\n',
    'README.md': 'hx\n',
  });
  gitInit(dir, ['.']);
  return dir;
}

test('a staged Cargo.toml that drops a feature the code uses: the hook fails and names it', () => {
  const repo = clapProject();
  writeFiles(repo, { 'Cargo.toml': readFileSync(join(repo, 'Cargo.toml'), 'utf8').replace('"derive", ', '') });
  writeFiles(repo, { 'README.md': 'hx, a hex viewer\n' });
  git(repo, 'add', 'Cargo.toml', 'README.md');
  const r = runHookAsPreCommit(repo);
  assert.deepEqual(r.files, ['Cargo.toml']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /error crate-feature-missing {2}src\/main\.rs:3\n {2}src\/main\.rs:3 uses clap's `derive` feature, which Cargo\.toml does not enable/);
  // The evidence points at the features line the fix extends.
  assert.match(r.stdout, /\n {4}Cargo\.toml:8: features = \["wrap_help"\]\n/);
});

test('from a subdirectory, file names relative to it still find the project at the top of the work tree', () => {
  const repo = clapProject();
  writeFiles(repo, { 'Cargo.toml': readFileSync(join(repo, 'Cargo.toml'), 'utf8').replace('"derive", ', '') });
  const r = spawnSync(process.execPath, [BIN, 'scan', '--json', '../Cargo.toml'], { cwd: join(repo, 'src'), encoding: 'utf8', env: ENV });
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { root: string; findings: ScanFinding[] };
  assert.equal(out.root, git(repo, 'rev-parse', '--show-toplevel').trim());
  assert.deepEqual(out.findings.map((f) => f.rule), ['crate-feature-missing']);
});

test('a staged Dockerfile passes while the finding sits in a file the commit does not touch', () => {
  const repo = clapProject();
  writeFiles(repo, { 'Cargo.toml': readFileSync(join(repo, 'Cargo.toml'), 'utf8').replace('"derive", ', '') });
  git(repo, 'commit', '-q', '-am', 'drop derive');
  writeFiles(repo, { Dockerfile: 'FROM rust:1.81\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\n' });
  git(repo, 'add', 'Dockerfile');
  const r = runHookAsPreCommit(repo);
  assert.deepEqual(r.files, ['Dockerfile']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  // The whole-project scan still sees it: only the file arguments narrow the report.
  const whole = spawnSync(process.execPath, [BIN, 'scan'], { cwd: repo, encoding: 'utf8', env: ENV });
  assert.equal(whole.status, 1);
});

test('a commit that touches no build file does not run the hook', () => {
  const repo = clapProject();
  writeFiles(repo, { 'src/main.rs': 'fn main() {}\n' });
  git(repo, 'add', 'src/main.rs');
  assert.deepEqual(runHookAsPreCommit(repo).files, []);
});

test('a broken manifest among the changed files is a problem the hook reports (exit 2), an unrelated one is not', () => {
  const repo = clapProject();
  writeFiles(repo, { 'Cargo.toml': '[package\nname = "hx"\n', 'tools/Cargo.toml': '[package]\nname = "t"\nversion = "0.1.0"\n' });
  const broken = spawnSync(process.execPath, [BIN, 'scan', 'Cargo.toml'], { cwd: repo, encoding: 'utf8', env: ENV });
  assert.equal(broken.status, 2, broken.stdout + broken.stderr);
  assert.match(broken.stdout, /could not check.*Cargo\.toml: not valid TOML/);
});

test('selectForFiles keeps findings located in a changed file or fixed in one', () => {
  const finding = (rule: string, evidence: string[], fixed: string[]): ScanFinding => ({
    rule,
    title: rule,
    severity: 'error',
    message: rule,
    evidence: evidence.map((file) => ({ file, line: 1, text: '' })),
    captures: {},
    fix: fixed.length ? { title: 'fix', safety: 'safe', edits: fixed.map((file) => ({ file, start: 0, end: 0, text: 'x' })), commands: [] } : null,
  });
  const report = {
    findings: [finding('in-source', ['src/main.rs', 'crates/a/Cargo.toml'], []), finding('fixed-in-root', ['crates/a/src/lib.rs'], ['Cargo.toml']), finding('elsewhere', ['flake.nix'], [])],
    problems: [{ scanner: 'cargo-manifests', message: 'skipped (the Cargo checks could not read them): crates/b/Cargo.toml: not valid TOML' }],
  };
  const refused = { ...report, problems: [...report.problems, { scanner: 'git', message: 'git refused the repository' }] };
  assert.deepEqual(selectForFiles(refused, ['Cargo.toml']).problems.map((p) => p.scanner), ['git'], 'a refusal concerns every file');
  assert.deepEqual(selectForFiles(report, ['Cargo.toml']).findings.map((f) => f.rule), ['fixed-in-root']);
  assert.deepEqual(selectForFiles(report, ['crates/a/Cargo.toml']).findings.map((f) => f.rule), ['in-source']);
  assert.deepEqual(selectForFiles(report, ['Cargo.toml']).problems, []);
  assert.equal(selectForFiles(report, ['crates/b/Cargo.toml']).problems.length, 1);
});
