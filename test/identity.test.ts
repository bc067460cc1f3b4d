// One identity for every finding (issue 15): every id a command prints resolves with `explain`, doctor's rows name
// the rule of the failure they predict, diagnose and doctor print the same install command for a component, and
// scan/fix stop with exit 2 on a manifest they cannot read.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleDocs } from '../src/cli/docs.ts';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { renderFix } from '../src/kb/install.ts';
import { predictedRule } from '../src/doctor/predicted-rule.ts';
import { installCommands } from '../src/doctor/fixes.ts';
import { runDoctor } from '../src/doctor/run.ts';
import type { CheckStatus } from '../src/doctor/checks/evaluate.ts';
import { COMPONENTS, compilerTargetTriple, crossToolchainFor, factForHeader, factForLibrary, factForProgram, type ComponentId } from '../src/kb/components.ts';
import { ALL_PLATFORMS } from '../src/kb/platforms.ts';
import { ALL_RULES } from '../src/kb/rules/index.ts';
import { RETIRED_IDS } from '../src/kb/rules/retired.ts';
import { readProjectFiles } from '../src/project/read-project.ts';
import { RULE_OF } from '../src/scan/dockerfile/checks/system-packages.ts';
import { SCANNERS } from '../src/scan/registry.ts';
import { scanProject } from '../src/scan/run-scan.ts';
import { PROBLEM_KINDS } from '../src/wheel/audit.ts';
import { caseFiles, KB, ruleFolders } from './helpers/cases.ts';
import { tempDir } from './helpers/temp.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/bin/main.js');
const scratch = tempDir('buildmedic-identity-');
const STATUSES: readonly CheckStatus[] = ['ok', 'missing', 'too-old', 'too-new', 'not-writable', 'insufficient', 'unknown'];

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const subdirs = (dir: string) => readdirSync(dir).map((n) => join(dir, n)).filter((p) => statSync(p).isDirectory());

/** Ids as each command prints them, gathered by running it on the repository's own cases and fixtures. */
async function idsPrinted(): Promise<Map<string, Set<string>>> {
  const ids = new Map<string, Set<string>>();
  const add = (command: string, id: string) => (ids.get(command) ?? ids.set(command, new Set()).get(command)!).add(id);
  // diagnose: every case log of every rule, and the validation logs.
  const logs = [...ruleFolders().flatMap((f) => caseFiles(f.dir).map((c) => c.path)), ...readdirSync(join(ROOT, 'validation/cases')).filter((n) => n.endsWith('.log')).map((n) => join(ROOT, 'validation/cases', n))];
  for (const log of logs) for (const f of diagnoseText(KB, readFileSync(log, 'utf8'), { hostPlatform: 'debian' }).findings) add('diagnose', f.rule);
  // scan and fix (fix plans scan's findings): every fixture project, and the blessed snapshots of both commands.
  const fixtures = join(ROOT, 'test/fixtures');
  const projects = [...subdirs(join(fixtures, 'projects-scan')), ...subdirs(join(fixtures, 'projects')), ...subdirs(join(fixtures, 'dockerfiles')), ...subdirs(join(fixtures, 'wheels/projects'))];
  for (const dir of projects) for (const f of scanProject(await readProjectFiles(dir, SCANNERS), SCANNERS, undefined, { unverified: true }).findings) add('scan', f.rule);
  for (const snapshot of readdirSync(join(fixtures, 'projects-scan')).filter((n) => n.endsWith('.txt'))) {
    // `buildmedic scan`/`fix` text: "error docker-lock-not-copied  docker/Dockerfile:5".
    for (const m of readFileSync(join(fixtures, 'projects-scan', snapshot), 'utf8').matchAll(/^(?:error|warning) ([a-z0-9-]+) {2}/gm)) add('scan', m[1]!);
  }
  // doctor: every row of every fixture project on a machine with nothing on PATH, and every status of every component.
  const emptyPath = join(scratch, 'empty-bin');
  mkdirSync(emptyPath, { recursive: true });
  for (const dir of subdirs(join(fixtures, 'projects'))) {
    const report = await runDoctor(dir, { env: { PATH: emptyPath, HOME: scratch }, host: 'debian', timeoutMs: 2000 });
    for (const c of report.checks) if (c.rule) add('doctor', c.rule);
  }
  for (const component of Object.keys(COMPONENTS) as ComponentId[]) {
    for (const status of STATUSES) for (const from of ['pyo3 0.20.0', 'requires-python in pyproject.toml']) {
      const rule = predictedRule(component, status, [{ from }]);
      if (rule) add('doctor', rule);
    }
  }
  // wheel: every problem kind the audit can report (its text and JSON print the kind as the id).
  for (const kind of PROBLEM_KINDS) add('wheel', kind);
  return ids;
}

test('every id diagnose, scan, fix, doctor and wheel print is a rule or a retired id, and explain documents it', async () => {
  const printed = await idsPrinted();
  for (const command of ['diagnose', 'scan', 'doctor', 'wheel']) assert.ok((printed.get(command)?.size ?? 0) > 0, `no ids gathered from ${command}`);
  const live = new Set(ALL_RULES.map((r) => r.id));
  const retired = new Set(RETIRED_IDS.map((r) => r.id));
  const unknown: string[] = [];
  for (const [command, ids] of printed) {
    for (const id of ids) {
      if (!live.has(id) && !retired.has(id)) unknown.push(`${command}: ${id}`);
      else assert.match(ruleDocs(id), live.has(id) ? new RegExp(`^# ${id}\\n`) : new RegExp(`^${id} was retired`), id);
    }
  }
  assert.deepEqual(unknown, [], 'ids printed that `buildmedic rules` does not list');
  // The command itself, for the ids only other commands than diagnose print.
  const others = new Set([...printed].filter(([c]) => c !== 'diagnose').flatMap(([, ids]) => [...ids]));
  for (const id of others) {
    const r = cli(['explain', id]);
    assert.equal(r.code, 0, `explain ${id}: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^# ${id}\\n`));
  }
});

test('every rule id written in the commands\' code is a rule (ids no fixture makes a command print)', () => {
  const live = new Set(ALL_RULES.map((r) => r.id));
  const written = new Set<string>();
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
  for (const folder of ['scan', 'fix', 'wheels', 'wheel', 'doctor', 'kb']) {
    for (const file of walk(join(ROOT, 'src', folder))) {
      // This repository's TypeScript: a finding's `rule: 'id'` or a ternary of ids, and the kb table's `rule: 'id'`.
      for (const m of readFileSync(file, 'utf8').matchAll(/\brule: (?:[^,'\n]{0,80}\? )?'([a-z0-9-]+)'(?: : '([a-z0-9-]+)')?/g)) {
        for (const id of [m[1], m[2]]) if (id) written.add(id);
      }
    }
  }
  // The Dockerfile scan's component -> rule map.
  for (const id of Object.values(RULE_OF)) if (id) written.add(id);
  for (const id of ['sdist-fallback-needs-rust', 'python-wheel-missing', 'build-tool-missing', 'nix-flake-untracked-file']) assert.ok(written.has(id), `${id} is found`);
  assert.ok(written.size >= 30, `${written.size} ids found`);
  assert.deepEqual([...written].filter((id) => !live.has(id)), []);
});

test('explain of a retired id says so and shows the rule that replaced it; rules --json lists the retired ids', () => {
  const r = cli(['explain', 'platform-not-uploadable']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^platform-not-uploadable was retired in \d+\.\d+\.\d+; its cause is now reported as wheel-platform-tag-rejected\./);
  assert.match(r.stdout, /\n# wheel-platform-tag-rejected\n/);
  const json = JSON.parse(cli(['rules', '--json']).stdout);
  assert.deepEqual(
    json.retired.map((x: { id: string; replacedBy: string | null }) => [x.id, x.replacedBy]),
    RETIRED_IDS.map((x) => [x.id, x.replacedBy]),
  );
  const ids = new Set(json.rules.map((x: { id: string }) => x.id));
  for (const id of ['docker-lock-not-copied', 'python-wheel-missing', 'corrupt-wheel']) assert.ok(ids.has(id), `rules --json lists ${id}`);
  const scanOnly = json.rules.find((x: { id: string }) => x.id === 'docker-lock-not-copied');
  assert.deepEqual(scanOnly.reportedBy, ['scan', 'fix']);
  assert.equal(json.rules.find((x: { id: string }) => x.id === 'linker-not-found').reportedBy, undefined, 'a log rule has no reportedBy');
});

test("doctor's predicted rule: the kb row's rule when missing, version rules when out of range, none when ok or unknown", () => {
  assert.equal(predictedRule('protoc', 'missing', []), 'protoc-missing');
  assert.equal(predictedRule('openssl-dev', 'missing', []), 'openssl-dev-missing');
  assert.equal(predictedRule('zlib-dev', 'missing', []), 'native-lib-missing');
  assert.equal(predictedRule('cargo-home', 'not-writable', []), 'cargo-home-readonly');
  assert.equal(predictedRule('disk', 'insufficient', []), 'disk-full');
  assert.equal(predictedRule('memory', 'insufficient', []), 'out-of-memory');
  assert.equal(predictedRule('rustc', 'too-old', [{ from: 'rust-version in Cargo.toml' }]), 'rustc-too-old');
  assert.equal(predictedRule('cargo', 'too-old', [{ from: 'Cargo.lock format version 4' }]), 'rustc-too-old');
  assert.equal(predictedRule('rustc', 'too-new', [{ from: 'channel in rust-toolchain.toml' }]), 'rust-toolchain-missing');
  assert.equal(predictedRule('cmake', 'too-old', [{ from: 'cmake 0.1.50' }]), 'cmake-too-old');
  assert.equal(predictedRule('python', 'too-new', [{ from: 'pyo3 0.20.0' }]), 'pyo3-python-version-unsupported');
  assert.equal(predictedRule('python', 'too-old', [{ from: 'pyo3 0.20.0' }, { from: 'requires-python in pyproject.toml' }]), null);
  assert.equal(predictedRule('protoc', 'ok', []), null);
  assert.equal(predictedRule('protoc', 'unknown', []), null);
});

test('doctor --json: a failing row carries its rule, an ok row none', async () => {
  const emptyPath = join(scratch, 'empty-bin-2');
  mkdirSync(emptyPath, { recursive: true });
  const report = await runDoctor(join(ROOT, 'test/fixtures/projects/prost-app'), { env: { PATH: emptyPath, HOME: scratch }, host: 'alpine', timeoutMs: 2000 });
  const protoc = report.checks.find((c) => c.component === 'protoc');
  assert.equal(protoc?.status, 'missing');
  assert.equal(protoc?.rule, 'protoc-missing');
  for (const c of report.checks) assert.equal(c.rule === null, c.status === 'ok' || c.status === 'unknown', `${c.key} ${c.status} ${c.rule}`);
});

/** The component a diagnosed finding is about: the entity the kb routes to this rule, else the rule's one component. */
function componentOf(finding: { rule: string; captures: Record<string, string> }): ComponentId | null {
  // A cross compiler or linker (<triple>-gcc) comes from its target's cross toolchain (kb crossToolchainFor), which
  // doctor, probing the host's compiler, does not install: no host component to compare.
  if (finding.captures.crossTriple && finding.captures.crossTriple !== 'x86_64-linux-gnu') return null;
  // So does a wrapper the cross-toolchain table knows without a triple in its name (cc-rs's musl-gcc, musl-g++).
  const compiler = finding.captures.compiler;
  if (compiler && !compilerTargetTriple(compiler) && crossToolchainFor(compiler, 'cxx')) return null;
  const lookups = [
    ['program', factForProgram],
    ['header', factForHeader],
    ['library', factForLibrary],
  ] as const;
  for (const [capture, lookup] of lookups) {
    const value = finding.captures[capture];
    const fact = value ? lookup(value) : null;
    if (fact?.known && fact.component && fact.rule === finding.rule) return fact.component;
  }
  const own = ALL_RULES.find((r) => r.id === finding.rule)?.fix.components ?? [];
  return own.length === 1 ? own[0]! : null;
}

test('on every real failing log, for every platform, diagnose prints the install command doctor prints for the component', () => {
  const compared = new Set<string>();
  const differ: string[] = [];
  for (const log of ruleFolders().flatMap((f) => caseFiles(f.dir).filter((c) => c.kind === 'fail'))) {
    const text = readFileSync(log.path, 'utf8');
    for (const host of ALL_PLATFORMS.filter((p) => p !== 'manylinux')) {
      const d = diagnoseText(KB, text, { hostPlatform: host });
      // A log that names its platform is diagnosed for that one only; in Docker the command is a RUN line instead.
      const platform = d.platform.detected;
      const root = d.findings[0];
      const component = root ? componentOf(root) : null;
      if (root && component && platform && platform !== 'manylinux' && !d.platform.docker) {
        const doctor = installCommands(component, platform).filter((c) => c.platform === platform).map((c) => c.command);
        const diagnose = root.fix.commands.filter((c) => c.platform === platform).map((c) => c.command);
        for (const command of doctor) if (!diagnose.includes(command)) differ.push(`${log.name} (${root.rule}, ${component}) on ${platform}: doctor says ${command}; diagnose says ${diagnose.join(' ; ')}`);
        compared.add(`${component}/${platform}`);
      }
      if (d.platform.source === 'log') break;
    }
  }
  assert.deepEqual(differ, []);
  assert.ok(new Set([...compared].map((c) => c.split('/')[0])).size >= 15, `components compared: ${[...compared].join(' ')}`);
});

test('every component doctor installs and a rule owns by entity gives the same command through that rule, on every platform', () => {
  let compared = 0;
  for (const [id, component] of Object.entries(COMPONENTS) as [ComponentId, (typeof COMPONENTS)[ComponentId]][]) {
    // The entity a log names for this component, as the signals hand it to the rule (its first program or header).
    const fact = component.programs?.[0] ? factForProgram(component.programs[0]) : component.header ? factForHeader(component.header) : null;
    const rule = ALL_RULES.find((r) => r.id === component.rule);
    if (!fact?.known || !rule || fact.component !== id) continue;
    for (const platform of ALL_PLATFORMS.filter((p) => p !== 'manylinux')) {
      const doctor = installCommands(id, platform).filter((c) => c.platform === platform).map((c) => c.command);
      const context = { platform, source: 'log' as const, evidence: [], docker: null, ci: [] };
      const diagnose = renderFix(rule.fix, context, {}, fact).commands.filter((c) => c.platform === platform).map((c) => c.command);
      for (const command of doctor) assert.ok(diagnose.includes(command), `${rule.id} / ${id} on ${platform}: doctor says ${command}; diagnose says ${diagnose.join(' ; ')}`);
      compared++;
    }
  }
  assert.ok(compared > 200, `compared ${compared}`);
});

test('scan and fix on a manifest they cannot read: exit 2 and one sentence naming the file, line, column and reason', () => {
  const cargo = join(scratch, 'bad-cargo');
  mkdirSync(cargo);
  writeFileSync(join(cargo, 'Cargo.toml'), '[package]\nname = "x"\nversion = "0.1.0\n');
  const python = join(scratch, 'bad-pyproject');
  mkdirSync(python);
  writeFileSync(join(python, 'pyproject.toml'), '[project]\nname = "y"\ndependencies = [\n');
  const cases = [
    [cargo, /Cargo\.toml: not valid TOML at line 3, column 17 \(control characters are not allowed in strings\)/],
    [python, /pyproject\.toml: not valid TOML at line 4, column 1 \(invalid value\)/],
  ] as const;
  for (const [dir, sentence] of cases) {
    for (const command of ['scan', 'fix']) {
      const r = cli([command, dir]);
      assert.equal(r.code, 2, `${command} ${dir}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout + r.stderr, sentence);
      assert.doesNotMatch(r.stdout, /No known build-failure risks found|Nothing to fix/);
    }
    const json = cli(['scan', '--json', dir]);
    assert.equal(json.code, 2);
    assert.ok(JSON.parse(json.stdout).problems.some((p: { message: string }) => sentence.test(p.message)));
  }
  // The same project with a valid pyproject.toml scans clean.
  writeFileSync(join(python, 'pyproject.toml'), '[project]\nname = "y"\ndependencies = []\n');
  assert.equal(cli(['scan', python]).code, 0);
});
