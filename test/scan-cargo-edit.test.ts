// Cargo.toml feature edits: every form a dependency can be written in, before/after pairs, idempotence, and cargo itself
// (`cargo metadata --offline` against Debian's crates) accepting every edited manifest.

import { strict as assert } from 'node:assert';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../src/project/text-edits.ts';
import { planAddFeatures } from '../src/scan/cargo/add-features.ts';
import { tomlSpans } from '../src/project/cargo/toml-spans.ts';
import { cargoMetadataError, DEBIAN_REGISTRY, tempDir, useDebianCrates, writeFiles } from './helpers/scan-projects.ts';

const PKG = '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n\n';

interface Pair {
  name: string;
  before: string;
  key: string;
  features: string[];
  tables?: string[][];
  after: string;
}

const PAIRS: Pair[] = [
  {
    name: 'a version string becomes an inline table, comment kept',
    before: `${PKG}[dependencies]\nclap = "3"   # CLI\nserde = "1"\n`,
    key: 'clap',
    features: ['env'],
    after: `${PKG}[dependencies]\nclap = { version = "3", features = ["env"] }   # CLI\nserde = "1"\n`,
  },
  {
    name: 'an inline table features array is extended in place (the docker-rocksdb report)',
    before: `${PKG}[dependencies]\nclap = { version = "^3.1.8", features = [ "derive" ] }\n`,
    key: 'clap',
    features: ['env'],
    after: `${PKG}[dependencies]\nclap = { version = "^3.1.8", features = [ "derive", "env" ] }\n`,
  },
  {
    name: 'an inline table without features gets one, single quotes elsewhere untouched',
    before: `${PKG}[dependencies]\nclap = { version = '3', default-features = false, features = [] }\ntokio = { version = "1" }\n`,
    key: 'tokio',
    features: ['macros', 'rt-multi-thread'],
    after: `${PKG}[dependencies]\nclap = { version = '3', default-features = false, features = [] }\ntokio = { version = "1", features = ["macros", "rt-multi-thread"] }\n`,
  },
  {
    name: 'a multi-line array gets one element per line with its indentation and quote style',
    before: `${PKG}[dependencies]\ntokio = { version = "1", features = [\n    'macros', # for #[tokio::main]\n    'rt',\n] }\n`,
    key: 'tokio',
    features: ['rt-multi-thread'],
    after: `${PKG}[dependencies]\ntokio = { version = "1", features = [\n    'macros', # for #[tokio::main]\n    'rt',\n    'rt-multi-thread',\n] }\n`,
  },
  {
    name: 'a [dependencies.clap] table gets a features line after its last key',
    before: `${PKG}[dependencies.clap]\nversion = "3"\ndefault-features = true\n\n# tail comment\n[dependencies.serde]\nversion = "1"\nfeatures = ["std"]\n`,
    key: 'clap',
    features: ['env'],
    after: `${PKG}[dependencies.clap]\nversion = "3"\ndefault-features = true\nfeatures = ["env"]\n\n# tail comment\n[dependencies.serde]\nversion = "1"\nfeatures = ["std"]\n`,
  },
  {
    name: 'a [dependencies.serde] table with features is extended',
    before: `${PKG}[dependencies.serde]\nversion = "1"\nfeatures = ["std"]\n`,
    key: 'serde',
    features: ['derive'],
    after: `${PKG}[dependencies.serde]\nversion = "1"\nfeatures = ["std", "derive"]\n`,
  },
  {
    name: 'dotted keys get a dotted features line',
    before: `${PKG}[dependencies]\nclap.version = "3"\nclap.default-features = true\nserde = "1"\n`,
    key: 'clap',
    features: ['derive'],
    after: `${PKG}[dependencies]\nclap.version = "3"\nclap.default-features = true\nclap.features = ["derive"]\nserde = "1"\n`,
  },
  {
    name: 'CRLF line endings survive',
    before: `${PKG}[dependencies.clap]\r\nversion = "3"\r\n`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
    key: 'clap',
    features: ['env'],
    after: `${PKG}[dependencies.clap]\r\nversion = "3"\r\nfeatures = ["env"]\r\n`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
  },
  {
    name: 'a target-specific dependency is edited in its own table',
    before: `${PKG}[dependencies]\nserde = "1"\n\n[target.'cfg(unix)'.dependencies]\nclap = "3"\n`,
    key: 'clap',
    features: ['env'],
    tables: [['target', 'cfg(unix)', 'dependencies']],
    after: `${PKG}[dependencies]\nserde = "1"\n\n[target.'cfg(unix)'.dependencies]\nclap = { version = "3", features = ["env"] }\n`,
  },
];

const WS_ROOT = '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n\n[workspace.dependencies]\n# parsing\nclap = { version = "3", features = [ "derive" ] }\n';
const WS_MEMBER_PAIRS: { name: string; before: string; after: string }[] = [
  {
    name: 'a member inheriting a workspace dependency adds features to its own line',
    before: `${PKG}[dependencies]\nclap = { workspace = true }\n`,
    after: `${PKG}[dependencies]\nclap = { workspace = true, features = ["env"] }\n`,
  },
  {
    name: 'a member with clap.workspace = true gets clap.features',
    before: `${PKG}[dependencies]\nclap.workspace = true\n`,
    after: `${PKG}[dependencies]\nclap.workspace = true\nclap.features = ["env"]\n`,
  },
];

for (const p of PAIRS) {
  test(`Cargo.toml edit: ${p.name}`, () => {
    const edits = planAddFeatures(p.before, 'Cargo.toml', p.key, p.features, p.tables ?? [['dependencies']]);
    assert.ok(edits, 'the dependency is found');
    const after = applyEdits(p.before, edits);
    assert.equal(after, p.after);
    // Idempotent: planning again on the result changes nothing.
    assert.deepEqual(planAddFeatures(after, 'Cargo.toml', p.key, p.features, p.tables ?? [['dependencies']]), []);
  });
}

test('a dependency that is not declared gets no plan', () => {
  assert.equal(planAddFeatures(`${PKG}[dependencies]\nserde = "1"\n# clap = "3"\n`, 'Cargo.toml', 'clap', ['env'], [['dependencies']]), null);
  assert.equal(planAddFeatures(`${PKG}[dev-dependencies]\nclap = "3"\n`, 'Cargo.toml', 'clap', ['env'], [['dependencies']]), null);
});

test('the TOML locator skips strings and comments that look like keys or brackets', () => {
  const text = 'a = "x = [" # ] y = 1\nb = """\n[not.a.table]\nc = 1\n"""\n[t]\nd = [1, # ]\n 2]\n';
  const { headers, entries } = tomlSpans(text);
  assert.deepEqual(headers.map((h) => h.path), [['t']]);
  assert.deepEqual(entries.map((e) => [e.table.join('.'), e.key.join('.'), text.slice(e.valueStart, e.valueEnd)]), [
    ['', 'a', '"x = ["'],
    ['', 'b', '"""\n[not.a.table]\nc = 1\n"""'],
    ['t', 'd', '[1, # ]\n 2]'],
  ]);
});

const haveCrates = existsSync(join(DEBIAN_REGISTRY, 'clap-3.2.23'));

test('cargo metadata --offline accepts every edited manifest', { skip: !haveCrates && 'Debian librust-clap-dev crates not installed' }, () => {
  for (const p of [...PAIRS]) {
    const dir = tempDir();
    useDebianCrates(dir);
    const edits = planAddFeatures(p.before, 'Cargo.toml', p.key, p.features, p.tables ?? [['dependencies']])!;
    writeFiles(dir, { 'Cargo.toml': applyEdits(p.before, edits), 'src/main.rs': 'fn main() {}\n' });
    assert.equal(cargoMetadataError(dir), null, p.name);
  }
  for (const p of WS_MEMBER_PAIRS) {
    const dir = tempDir();
    useDebianCrates(dir);
    const edits = planAddFeatures(p.before, 'crates/app/Cargo.toml', 'clap', ['env'], [['dependencies']])!;
    const after = applyEdits(p.before, edits);
    assert.equal(after, p.after, p.name);
    assert.deepEqual(planAddFeatures(after, 'crates/app/Cargo.toml', 'clap', ['env'], [['dependencies']]), []);
    writeFiles(dir, { 'Cargo.toml': WS_ROOT, 'crates/app/Cargo.toml': after, 'crates/app/src/main.rs': 'fn main() {}\n' });
    assert.equal(cargoMetadataError(dir), null, p.name);
  }
});

test('an edited manifest that cargo would reject is caught by the oracle (the oracle can fail)', { skip: !haveCrates && 'no Debian crates' }, () => {
  const dir = tempDir();
  useDebianCrates(dir);
  writeFileSync(join(dir, 'Cargo.toml'), `${PKG}[dependencies]\nclap = { version = "3", features = ["no-such-feature"] }\n`);
  writeFiles(dir, { 'src/main.rs': 'fn main() {}\n' });
  assert.match(cargoMetadataError(dir) ?? '', /no-such-feature/);
});

test('on every real Cargo.toml of the Debian crate registry, adding a feature to any dependency changes exactly that', { skip: !haveCrates && 'no Debian crates' }, async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { parse } = await import('smol-toml');
  const { parseCargoManifest } = await import('../src/project/cargo.ts');
  let checked = 0;
  for (const crate of readdirSync(DEBIAN_REGISTRY)) {
    let text: string;
    try {
      text = readFileSync(join(DEBIAN_REGISTRY, crate, 'Cargo.toml'), 'utf8');
    } catch {
      continue;
    }
    const manifest = parseCargoManifest(text);
    for (const dep of manifest.dependencies) {
      const kind = dep.kind === 'normal' ? 'dependencies' : dep.kind === 'dev' ? 'dev-dependencies' : 'build-dependencies';
      const table = dep.target ? ['target', dep.target, kind] : [kind];
      const edits = planAddFeatures(text, 'Cargo.toml', dep.key, ['zz-added'], [table]);
      assert.ok(edits && edits.length, `${crate}: ${table.join('.')}.${dep.key} not found`);
      const after = applyEdits(text, edits);
      // smol-toml as the oracle: the result parses, the dependency gained the feature, nothing else changed.
      const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
      const expected = plain(parse(text)) as Record<string, any>;
      let t = expected;
      for (const k of table) t = t[k];
      if (typeof t[dep.key] === 'string') t[dep.key] = { version: t[dep.key] };
      t[dep.key].features = [...(t[dep.key].features ?? []), 'zz-added'];
      assert.deepEqual(plain(parse(after)), expected, `${crate}: ${dep.key}`);
      checked++;
    }
  }
  assert.ok(checked > 100, `only ${checked} dependencies checked`);
});

test('a comment after the last element of a multi-line array stays with that element', () => {
  const before = `${PKG}[dependencies.tokio]\nversion = "1"\nfeatures = [\n  "macros", # attribute\n  "rt" # runtime\n]\n`;
  const edits = planAddFeatures(before, 'Cargo.toml', 'tokio', ['rt-multi-thread', 'time'], [['dependencies']])!;
  assert.equal(applyEdits(before, edits), `${PKG}[dependencies.tokio]\nversion = "1"\nfeatures = [\n  "macros", # attribute\n  "rt", # runtime\n  "rt-multi-thread",\n  "time"\n]\n`);
  const crlf = before.replace(/\n/g, '\r\n').replace('"rt" # runtime', '"rt", # runtime');
  assert.equal(applyEdits(crlf, planAddFeatures(crlf, 'Cargo.toml', 'tokio', ['time'], [['dependencies']])!), crlf.replace('"rt", # runtime\r\n', '"rt", # runtime\r\n  "time",\r\n'));
});
