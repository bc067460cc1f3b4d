// pip's choice per target on real file lists (test/fixtures/pypi), target detection from project files, and the fix
// plans applied with the real applier.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../src/project/text-edits.ts';
import type { IndexFile } from '../src/wheels/pypi/simple-api.ts';
import { detectTarget } from '../src/wheels/python-target.ts';
import { scanProject } from '../src/scan/run-scan.ts';
import { fileVersion, judgeDependency } from '../src/wheels/check.ts';
import { planBinaryOnly, wheelFindings } from '../src/wheels/findings.ts';
import { emptySettings, type Dependency } from '../src/wheels/model.ts';
import scanner from '../src/scan/checks/python-wheels.ts';
import { loadPage } from './fixtures/pypi/server.ts';

const list = (name: string, edit?: (files: IndexFile[]) => void): IndexFile[] => {
  const files = loadPage(name).files.map((f) => ({ filename: String(f.filename), url: String(f.url), requiresPython: null, yanked: false as const }));
  edit?.(files);
  return files;
};
const dep = (name: string, specifier: string): Dependency => ({
  name, normalized: name, specifier, version: /^==([^,]+)$/.exec(specifier)?.[1] ?? null, marker: null,
  where: { file: 'requirements.txt', line: 1, text: `${name}${specifier}` }, lockedFiles: null,
});
const linux = (py: [number, number], platform = 'manylinux_2_35_x86_64') => ({ python: py, platform });

function readProject(dir: string): Map<string, string> {
  const root = new URL(`./fixtures/wheels/projects/${dir}/`, import.meta.url).pathname;
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else out.set(path, readFileSync(join(root, path), 'utf8'));
    }
  };
  walk('');
  return out;
}

test('file versions come from wheel names and sdist names, old dashed sdist names included', () => {
  assert.equal(fileVersion('pydantic_core-2.27.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', 'pydantic-core'), '2.27.2');
  assert.equal(fileVersion('pydantic_core-2.27.2.tar.gz', 'pydantic-core'), '2.27.2');
  assert.equal(fileVersion('argon2-cffi-bindings-21.2.0.tar.gz', 'argon2-cffi-bindings'), '21.2.0');
});

test('a pin without a wheel for the new Python builds from source; newer releases and older Pythons are the way out', () => {
  const v = judgeDependency(dep('pydantic-core', '==2.27.2'), list('pydantic-core'), linux([3, 14]), emptySettings());
  assert.equal(v.status, 'source-build');
  assert.equal(v.file, 'pydantic_core-2.27.2.tar.gz');
  assert.deepEqual(v.newestWithWheel, { version: '2.46.4', allowed: false });
  assert.deepEqual(v.pythonsWithWheel, ['3.13', '3.12', '3.11', '3.10', '3.9']);
  assert.equal(v.needs?.backend, 'maturin');
  const ok = judgeDependency(dep('pydantic-core', '==2.27.2'), list('pydantic-core'), linux([3, 13]), emptySettings());
  assert.equal(ok.status, 'wheel');
  assert.equal(ok.file, 'pydantic_core-2.27.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl');
});

test('abi3 wheels cover new Pythons; musl needs musllinux wheels', () => {
  const a = judgeDependency(dep('argon2-cffi-bindings', '==25.1.0'), list('argon2-cffi-bindings'), linux([3, 14]), emptySettings());
  assert.equal(a.status, 'wheel');
  assert.match(a.file!, /cp39-abi3-manylinux/);
  const c = judgeDependency(dep('cryptography', '==45.0.7'), list('cryptography'), linux([3, 14], 'musllinux_1_2_aarch64'), emptySettings());
  assert.equal(c.status, 'wheel');
  assert.match(c.file!, /cp311-abi3-musllinux_1_2_aarch64/);
  // bcrypt 4.0.1's oldest Linux wheel is manylinux2014 (glibc 2.17): a glibc 2.12 (manylinux2010) image builds it.
  const b = judgeDependency(dep('bcrypt', '==4.0.1'), list('bcrypt'), linux([3, 12], 'manylinux_2_12_x86_64'), emptySettings());
  assert.equal(b.status, 'source-build');
  assert.equal(b.needs?.rust, true);
  assert.match(judgeDependency(dep('bcrypt', '==4.0.1'), list('bcrypt'), linux([3, 12], 'musllinux_1_2_x86_64'), emptySettings()).file!, /musllinux_1_1_x86_64/);
});

test('a range: pip takes the newest matching release even when only its sdist fits; binary-only takes the newest wheel', () => {
  const range = dep('numpy', '>=2.0,<2.3');
  const v = judgeDependency(range, list('numpy'), linux([3, 14]), emptySettings());
  assert.equal(v.status, 'source-build');
  assert.equal(v.version, '2.2.6');
  assert.deepEqual(v.newestWithWheel, { version: '2.3.2', allowed: false });
  const wide = judgeDependency(dep('numpy', '>=2.0'), list('numpy'), linux([3, 14]), emptySettings());
  assert.equal(wide.status, 'wheel');
  assert.equal(wide.version, '2.3.2');
  // With --only-binary, pip skips sdists: 3.14 has no numpy < 2.3 wheel at all, so the install fails.
  const settings = emptySettings();
  settings.onlyBinary.add('numpy');
  const strict = judgeDependency(range, list('numpy'), linux([3, 14]), settings);
  assert.equal(strict.status, 'no-candidate');
  assert.match(strict.reason!, /no release matching '>=2.0,<2.3' has a wheel/);
  // ...while on 3.13 binary-only picks the newest release with a wheel.
  assert.equal(judgeDependency(range, list('numpy'), linux([3, 13]), settings).version, '2.2.6');
});

test('yanked files are skipped unless pinned with ==; requires-python excludes files', () => {
  const yankNewest = (files: IndexFile[]) => files.forEach((f) => {
    if (f.filename.includes('-0.27.0')) f.yanked = 'broken release';
  });
  const r = judgeDependency(dep('rpds-py', '>=0.20'), list('rpds-py', yankNewest), linux([3, 13]), emptySettings());
  assert.equal(r.version, '0.24.0');
  const pinned = judgeDependency(dep('rpds-py', '==0.27.0'), list('rpds-py', yankNewest), linux([3, 13]), emptySettings());
  assert.equal(pinned.status, 'wheel');
  assert.equal(pinned.version, '0.27.0');
  const py = (files: IndexFile[]) => files.forEach((f) => {
    if (f.filename.includes('-0.27.0')) f.requiresPython = '>=3.14';
  });
  assert.equal(judgeDependency(dep('rpds-py', '>=0.20'), list('rpds-py', py), linux([3, 13]), emptySettings()).version, '0.24.0');
});

test('a package with only an sdist builds from source everywhere; no file list is unknown', () => {
  const v = judgeDependency(dep('evdev', '==1.9.2'), list('evdev'), linux([3, 12]), emptySettings());
  assert.equal(v.status, 'source-build');
  assert.equal(v.newestWithWheel, null);
  assert.equal(judgeDependency(dep('evdev', ''), null, linux([3, 12]), emptySettings(), 'offline').status, 'unknown');
  assert.equal(judgeDependency(dep('jiter', '==0.1.0'), list('jiter'), linux([3, 12]), emptySettings()).status, 'no-candidate');
});

test('target: flags, Dockerfile base images, runtime.txt, .python-version, render.yaml, requires-python', () => {
  const t = (o: Record<string, string>, flags = {}) => detectTarget(new Map(Object.entries(o)), flags);
  assert.deepEqual(t({}, { python: '3.13', platform: 'musllinux_1_2_aarch64' }).spec, { python: [3, 13], platform: 'musllinux_1_2_aarch64' });
  assert.deepEqual(t({ Dockerfile: 'FROM python:3.13-slim\nRUN pip install -r requirements.txt\n' }).spec, { python: [3, 13], platform: 'manylinux_2_41_x86_64' });
  assert.deepEqual(t({ Dockerfile: 'ARG PY=3.12\nFROM --platform=linux/arm64 python:${PY}-slim-bookworm AS base\nFROM base\n' }).spec, { python: [3, 12], platform: 'manylinux_2_36_aarch64' });
  assert.deepEqual(t({ Dockerfile: 'FROM python:3.11-alpine3.20\n' }).spec, { python: [3, 11], platform: 'musllinux_1_2_x86_64' });
  const heroku = t({ 'runtime.txt': 'python-3.12.7\n', Procfile: 'web: gunicorn app:app\n' });
  assert.deepEqual(heroku.spec, { python: [3, 12], platform: 'manylinux_2_39_x86_64' });
  assert.equal(heroku.pythonFrom.where?.file, 'runtime.txt');
  assert.deepEqual(t({ '.python-version': '# pyenv\n3.13t\n' }).spec, { python: [3, 13], platform: 'manylinux_2_35_x86_64', freeThreaded: true });
  const render = t({ 'render.yaml': readProject('render-app').get('render.yaml')! });
  assert.deepEqual(render.spec.python, [3, 14]);
  assert.equal(render.deploy.kind, 'render');
  const rp = t({ 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.9,<3.13"\n' });
  assert.deepEqual(rp.spec.python, [3, 12]);
  assert.equal(rp.pythonFrom.kind, 'assumed');
});

test('fixes: version bump, Python pin and binary-only settings apply with the real applier', () => {
  const files = readProject('render-app');
  const target = detectTarget(files);
  const set = { source: 'requirements.txt', kind: 'requirements' as const, deps: [], settings: emptySettings(), problems: [] };
  const cffi = { ...dep('cffi', '==1.17.1'), where: { file: 'requirements/base.txt', line: 5, text: 'cffi==1.17.1' } };
  const verdict = judgeDependency(cffi, list('cffi'), target.spec, emptySettings());
  const [finding] = wheelFindings([verdict], target, set, files);
  assert.equal(finding!.rule, 'python-wheel-missing');
  const after = applyEdits(files.get('requirements/base.txt')!, finding!.fix!.edits);
  assert.match(after, /^cffi==2\.1\.1$/m);
  assert.doesNotMatch(after, /cffi==1\.17\.1/);
  // render.yaml: PIP_ONLY_BINARY goes into the service's envVars, with the list's indentation.
  const plan = planBinaryOnly(['numpy', 'jiter'], target, set, files)!;
  const yaml = applyEdits(files.get('render.yaml')!, plan.edits);
  assert.match(yaml, /envVars:\n      - key: PIP_ONLY_BINARY\n        value: numpy,jiter\n      - key: PYTHON_VERSION\n/);
  // A Dockerfile gets an ENV line after its FROM; a requirements-only project gets an --only-binary line.
  const docker = readProject('docker-alpine');
  const dt = detectTarget(docker);
  const dplan = planBinaryOnly(['tokenizers'], dt, set, docker)!;
  assert.match(applyEdits(docker.get('Dockerfile')!, dplan.edits), /^FROM python:3.12-alpine\nENV PIP_ONLY_BINARY=tokenizers\nWORKDIR/);
  const bare = new Map([['requirements.txt', 'numpy>=2.0\n']]);
  const bplan = planBinaryOnly(['numpy'], detectTarget(bare), set, bare)!;
  assert.equal(applyEdits(bare.get('requirements.txt')!, bplan.edits), '--only-binary numpy\nnumpy>=2.0\n');
});

test('the scan scanner judges locked files and pins the Dockerfile Python; applying the fix clears the finding', () => {
  const files = readProject('uv-app');
  const project = { root: '.', files, gitTracked: null, gitIgnored: null };
  const report = scanProject(project, [scanner]);
  assert.deepEqual(report.problems, []);
  assert.deepEqual(report.findings.map((f) => [f.rule, f.captures.package, f.captures.version]), [['sdist-fallback-needs-rust', 'pydantic-core', '2.27.2']]);
  const fix = report.findings[0]!.fix!;
  const docker = applyEdits(files.get('Dockerfile')!, fix.edits);
  assert.match(docker, /^FROM python:3\.13-slim-bookworm$/m);
  const fixed = new Map(files);
  fixed.set('Dockerfile', docker);
  assert.deepEqual(scanProject({ ...project, files: fixed }, [scanner]).findings, []);
});

test('binary-only fix in render.yaml is read back as PIP_ONLY_BINARY: the re-check finds nothing', async () => {
  const { judgeProject } = await import('../src/wheels/run.ts');
  const { mergeEnvironmentSettings, pipVariables } = await import('../src/wheels/deploy-settings.ts');
  const files = new Map(readProject('render-app'));
  files.set('requirements.txt', 'rpds-py>=0.20\n');
  files.delete('requirements/base.txt');
  const target = detectTarget(files, { python: '3.13' });
  // Test edit, not PyPI data: pretend rpds-py 0.27.0 shipped no cp313 Linux wheels, so pip would build its sdist.
  const lists = new Map([['rpds-py', list('rpds-py', (fs) => fs.splice(0, fs.length, ...fs.filter((f) => !(f.filename.includes('-0.27.0-cp313-cp313-manylinux')))))]]);
  const set = { source: 'requirements.txt', kind: 'requirements' as const, deps: [dep('rpds-py', '>=0.20')], settings: emptySettings(), problems: [] };
  const first = judgeProject(files, target, set, lists);
  assert.deepEqual(first.verdicts.map((v) => [v.status, v.version]), [['source-build', '0.27.0']]);
  const fix = first.findings[0]!.fix!;
  assert.match(fix.title, /binary-only install of rpds-py/);
  const yaml = applyEdits(files.get('render.yaml')!, fix.edits);
  const settings = mergeEnvironmentSettings(set.settings, pipVariables('render.yaml', yaml));
  const second = judgeProject(new Map([...files, ['render.yaml', yaml]]), target, { ...set, settings }, lists);
  assert.deepEqual(second.verdicts.map((v) => [v.status, v.version]), [['wheel', '0.24.0']]);
  assert.deepEqual(second.findings, []);
});

test('deploy PIP_* variables: Dockerfile ENV, render.yaml envVars, nixpacks.toml', async () => {
  const { pipVariables } = await import('../src/wheels/deploy-settings.ts');
  assert.deepEqual(pipVariables('Dockerfile', 'FROM python:3.13-slim\nENV PIP_ONLY_BINARY=cryptography,bcrypt\nENV PIP_INDEX_URL https://mirror/simple\n'), { PIP_ONLY_BINARY: 'cryptography,bcrypt', PIP_INDEX_URL: 'https://mirror/simple' });
  assert.deepEqual(pipVariables('render.yaml', 'envVars:\n  - key: PIP_ONLY_BINARY\n    value: ":all:"\n'), { PIP_ONLY_BINARY: ':all:' });
  assert.deepEqual(pipVariables('nixpacks.toml', '[variables]\nPIP_NO_BINARY = "markupsafe"\n'), { PIP_NO_BINARY: 'markupsafe' });
});

test('pre-releases: skipped while a final release matches, taken when only pre-releases do', () => {
  const files = ['pkg-1.0.tar.gz', 'pkg-1.0-py3-none-any.whl', 'pkg-2.0b1-py3-none-any.whl'].map((filename) => ({ filename, url: '', requiresPython: null, yanked: false as const }));
  const t = linux([3, 13]);
  assert.equal(judgeDependency(dep('pkg', '>=1'), files, t, emptySettings()).version, '1.0');
  assert.equal(judgeDependency(dep('pkg', '>=2.0b1'), files, t, emptySettings()).version, '2.0b1');
  assert.equal(judgeDependency(dep('pkg', '>1.0'), files, t, emptySettings()).version, '2.0b1');
});

test('orjson 3.11.1: musl 1.2 wheels only, compressed macOS tags, no free-threaded wheels', () => {
  const o = list('orjson');
  const pin = dep('orjson', '==3.11.1');
  assert.equal(judgeDependency(pin, o, linux([3, 13], 'musllinux_1_2_x86_64'), emptySettings()).file, 'orjson-3.11.1-cp313-cp313-musllinux_1_2_x86_64.whl');
  const oldMusl = judgeDependency(pin, o, linux([3, 13], 'musllinux_1_1_x86_64'), emptySettings());
  assert.equal(oldMusl.status, 'source-build');
  assert.equal(oldMusl.needs?.rust, true);
  assert.equal(judgeDependency(pin, o, linux([3, 13], 'macosx_14_0_arm64'), emptySettings()).file, 'orjson-3.11.1-cp313-cp313-macosx_10_15_x86_64.macosx_11_0_arm64.macosx_10_15_universal2.whl');
  assert.equal(judgeDependency(pin, o, linux([3, 13], 'macosx_15_0_arm64'), emptySettings()).file, 'orjson-3.11.1-cp313-cp313-macosx_15_0_arm64.whl');
  assert.equal(judgeDependency(pin, o, { python: [3, 14], platform: 'manylinux_2_35_x86_64', freeThreaded: true }, emptySettings()).status, 'source-build');
});

test('the requirements file the deploy installs is the one checked', async () => {
  const { pickDependencyFile } = await import('../src/wheels/dependencies.ts');
  const files = new Map([
    ['requirements.txt', 'pytest\n'],
    ['requirements/prod.txt', 'cryptography==45.0.7\n'],
    ['Dockerfile', 'FROM python:3.13-slim\nCOPY requirements/ /app/requirements/\nRUN pip install --no-cache-dir -r /app/requirements/prod.txt\n'],
  ]);
  assert.equal(pickDependencyFile(files), 'requirements/prod.txt');
  files.delete('Dockerfile');
  assert.equal(pickDependencyFile(files), 'requirements.txt');
  files.set('render.yaml', 'services:\n  - type: web\n    buildCommand: pip install -r requirements/prod.txt && python manage.py migrate\n');
  assert.equal(pickDependencyFile(files), 'requirements/prod.txt');
  assert.equal(pickDependencyFile(files, 'requirements.txt'), 'requirements.txt');
});

test('target: Railway and nixpacks Python versions, Heroku stack from app.json', () => {
  const t = (o: Record<string, string>) => detectTarget(new Map(Object.entries(o)));
  const nix = t({ 'nixpacks.toml': '[variables]\nNIXPACKS_PYTHON_VERSION = "3.11"\n' });
  assert.deepEqual(nix.spec.python, [3, 11]);
  assert.equal(nix.deploy.kind, 'nixpacks');
  assert.equal(t({ 'railway.toml': '[build]\nbuilder = "nixpacks"\n' }).deploy.kind, 'railway');
  assert.equal(t({ 'app.json': '{"stack": "heroku-22"}', 'runtime.txt': 'python-3.11.9' }).spec.platform, 'manylinux_2_35_x86_64');
});
