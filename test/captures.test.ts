// Typed captures: every value a rule's patterns, signals or refine produce is declared (public, with a type and a
// meaning) or internal; the declarations hold on every case log; the JSON docs and schema list them as declared.

import Ajv from 'ajv';
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { capturesMarkdown, capturesSchema } from '../src/kb/capture-docs.ts';
import { CAPTURE_TYPES, type Rule } from '../src/kb/rule.ts';
import { planFromDiagnosis } from '../src/fix/plan-from-diagnosis.ts';
import type { ProjectFiles } from '../src/project/files.ts';
import { caseFiles, diagnoseCase, ruleFolders } from './helpers/cases.ts';
import { namedGroups, producedCaptures } from './helpers/captures.ts';

const rules = ruleFolders().map((f) => f.rule);
const produced = producedCaptures(rules);
const known = (rule: Rule, name: string) => name.startsWith('_') || name in rule.captures || rule.internal.includes(name);

test('declarations are well-formed: a known type, a meaning, no name both public and internal', () => {
  for (const rule of rules) {
    for (const [name, spec] of Object.entries(rule.captures)) {
      assert.ok((CAPTURE_TYPES as readonly string[]).includes(spec.type), `${rule.id}.${name}: type ${spec.type}`);
      assert.match(spec.doc, /^\S.{9,}$/, `${rule.id}.${name}: doc`);
      assert.ok(!name.startsWith('_'), `${rule.id}.${name}: a public capture is not named _like_this`);
      assert.ok(!rule.internal.includes(name), `${rule.id}.${name} is declared public and internal`);
    }
    assert.deepEqual(rule.internal, [...new Set(rule.internal)], `${rule.id}: internal lists a name twice`);
  }
});

test('every named group of a rule\'s patterns is declared or internal', () => {
  for (const rule of rules) for (const p of rule.patterns) for (const g of namedGroups(p.re)) assert.ok(known(rule, g), `${rule.id} pattern ${p.id}: group ${g} is not declared`);
});

test('every capture a rule\'s hits or refine produce on the case logs is declared or internal', () => {
  for (const rule of rules) {
    for (const name of produced.fromHits.get(rule.id) ?? []) assert.ok(known(rule, name), `${rule.id}: hits produce undeclared ${name}`);
    for (const name of produced.fromRefine.get(rule.id) ?? []) assert.ok(known(rule, name), `${rule.id}: refine produces undeclared ${name}`);
  }
});

test('captures a refine sets in its source (`captures.x = ...`, `captures: { x: ... }`) are declared or internal', () => {
  // The case logs cannot reach every branch of a refine (a Windows-only hint, a rare wording): the source can.
  const undeclared: string[] = [];
  for (const { rule, dir } of ruleFolders()) {
    const src = readFileSync(join(dir, 'rule.ts'), 'utf8');
    const names = new Set<string>();
    for (const m of src.matchAll(/\bcaptures\.(\w+)\s*=(?!=)/g)) names.add(m[1]);
    for (const m of src.matchAll(/\bcaptures: \{([^{}]*)\}/g)) for (const k of m[1].matchAll(/(?:^|,)\s*(?:\.\.\.[^,]*|(\w+)\s*(?::|,|$))/g)) if (k[1]) names.add(k[1]);
    for (const n of names) if (!known(rule, n)) undeclared.push(`${rule.id}: ${n}`);
  }
  assert.deepEqual(undeclared, []);
});

test('every template placeholder names a declared, internal or _ capture', () => {
  const undeclared: string[] = [];
  for (const rule of rules) {
    const f = rule.fix;
    const templates = [rule.explanation, f.summary, ...(f.steps ?? []).map((c) => (typeof c === 'string' ? c : c.step)), ...(f.commands ?? []).map((c) => (typeof c === 'string' ? c : c.command)), ...Object.values(f.platformCommands ?? {}).flat(), ...Object.values(f.packages ?? {}).flat()];
    for (const t of templates) for (const m of t.matchAll(/\{\{(\w+)/g)) if (!known(rule, m[1])) undeclared.push(`${rule.id}: {{${m[1]}}}`);
  }
  assert.deepEqual(undeclared, []);
});

test('declared types hold on every case log, and a capture not marked optional is in every finding of its rule', () => {
  assert.deepEqual(produced.misfits, []);
  const notAlways: string[] = [];
  for (const rule of rules) {
    const findings = produced.findings.get(rule.id) ?? [];
    for (const [name, spec] of Object.entries(rule.captures)) {
      const without = findings.filter((names) => !names.includes(name)).length;
      if (!spec.optional && (findings.length === 0 || without > 0)) notAlways.push(`${rule.id}.${name}: absent from ${without} of ${findings.length} findings`);
    }
  }
  assert.deepEqual(notAlways, [], 'mark these optional');
});

test('a finding publishes declared captures only, typed: lists stay lists to the fix planner', () => {
  for (const [rule, byName] of produced.published) {
    const def = rules.find((r) => r.id === rule)!;
    for (const name of byName.keys()) assert.ok(name in def.captures, `${rule}: ${name} reached the JSON undeclared`);
  }
  const features = produced.published.get('crate-feature-missing')?.get('features') ?? [];
  assert.ok(features.some((v) => Array.isArray(v) && v.length === 2 && v.includes('rt-multi-thread')), JSON.stringify(features));
  assert.ok(features.every((v) => Array.isArray(v)));
  // openssl-dev-missing once tried and failed to drop its internal `targetEnv`: undeclared, it no longer reaches the JSON.
  assert.ok(!produced.published.get('openssl-dev-missing')?.has('targetEnv'));
});

const DOC = new URL('../docs/diagnosis-json.md', import.meta.url);
const SCHEMA = new URL('../docs/diagnosis.schema.json', import.meta.url);
const START = '<!-- captures:start (generated from the rules\' declarations: UPDATE_SNAPSHOTS=1 npm test rewrites it) -->\n';
const END = '<!-- captures:end -->';

test('docs/diagnosis-json.md and docs/diagnosis.schema.json list every rule\'s captures as declared', () => {
  const doc = readFileSync(DOC, 'utf8');
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  assert.ok(from >= 0 && to > from, 'docs/diagnosis-json.md has the generated captures section');
  const table = capturesMarkdown(rules);
  const wanted = capturesSchema(rules);
  if (process.env.UPDATE_SNAPSHOTS) {
    writeFileSync(DOC, doc.slice(0, from + START.length) + table + doc.slice(to));
    writeFileSync(SCHEMA, withCapturesOfRule(readFileSync(SCHEMA, 'utf8'), wanted as { allOf: object[] }));
    return;
  }
  assert.equal(doc.slice(from + START.length, to), table);
  assert.deepEqual(schema.definitions.capturesOfRule, wanted);
});

/** The schema text with its last definition, capturesOfRule, rewritten: one line per rule, the rest of the file as it was. */
function withCapturesOfRule(text: string, generated: { allOf: object[] }): string {
  const at = text.indexOf('    "capturesOfRule": ');
  const end = text.indexOf('\n  },\n  "properties": {', at);
  assert.ok(at > 0 && end > at, 'capturesOfRule is the last definition of the schema');
  const lines = generated.allOf.map((c) => `        ${JSON.stringify(c)}`).join(',\n');
  return `${text.slice(0, at)}    "capturesOfRule": {\n      "allOf": [\n${lines}\n      ]\n    }${text.slice(end)}`;
}

test('the JSON Schema accepts every case diagnosis and rejects a capture its rule does not declare', () => {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  let sample: ReturnType<typeof diagnoseCase> | null = null;
  for (const folder of ruleFolders()) {
    for (const c of caseFiles(folder.dir)) {
      const d = JSON.parse(JSON.stringify(diagnoseCase(c.path)));
      assert.ok(validate(d), `${c.path}: ${JSON.stringify(validate.errors)}`);
      if (!sample && d.findings.some((f: { rule: string }) => f.rule === 'openssl-dev-missing')) sample = d;
    }
  }
  assert.ok(sample, 'a case yields openssl-dev-missing');
  const finding = sample.findings.find((f) => f.rule === 'openssl-dev-missing')!;
  finding.captures = { ...finding.captures, targetEnv: 'X86_64_UNKNOWN_LINUX_GNU' };
  assert.equal(validate(sample), false);
});

test('diagnose --fix plans from the features list as diagnosed: both tokio features, no string split', () => {
  const log = new URL('../src/kb/rules/rust/crate-feature-missing/cases/fail-corpus-tokio-macros.log', import.meta.url).pathname;
  const finding = diagnoseCase(log).findings.find((f) => f.rule === 'crate-feature-missing')!;
  assert.deepEqual(finding.captures.features, ['macros', 'rt-multi-thread']);
  const project: ProjectFiles = { root: '/p', files: new Map([['Cargo.toml', '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\ntokio = "1"\n']]), gitTracked: null, gitIgnored: null };
  const plan = planFromDiagnosis(project, finding);
  assert.equal(plan?.fix?.edits.length, 1);
  assert.match(plan!.fix!.edits[0].text, /features = \["macros", "rt-multi-thread"\]/);
  // A joined string is not a list: the planner no longer parses prose back into names.
  assert.equal(planFromDiagnosis(project, { ...finding, captures: { crate: 'tokio', features: 'macros`, `rt-multi-thread' } }), null);
});
