// A dependency's build-script panic counts as a version misfit only for what its message and location say: each
// variant below edits one real case log in one place, and the cause must follow the edit.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { KB, RULES_DIR } from './helpers/cases.ts';

const CASES = `${RULES_DIR}toolchain/dependency-version-incompatible/cases/`;
const caseLog = (name: string) => readFileSync(CASES + name, 'utf8');
const rootCauseOf = (text: string) => diagnoseText(KB, text).rootCause;

const CONFIG = caseLog('fail-tauri-build-1.0.0-rc.4-config-unknown-field-sjtug-mirror-tauri-3822-issue.log');
const UPDATE = caseLog('fail-tauri-build-2.0.0-rc.2-please-update-tauri-windows-tauri-issue.log');
const RUSTC_VERSION = caseLog('fail-memoffset-0.5.1-rustc-version-unparsed-cargo-install-binwalk-issue.log');

test('the unmodified logs are a dependency version that does not fit', () => {
  for (const log of [CONFIG, UPDATE, RUSTC_VERSION]) assert.equal(rootCauseOf(log), 'dependency-version-incompatible');
});

test('a field the expected list holds in another case is a slip in the file, not another release', () => {
  assert.equal(rootCauseOf(CONFIG.replace('unknown field `allowDowngrades`', 'unknown field `TimestampURL`')), null);
  assert.equal(rootCauseOf(CONFIG.replace('unknown field `allowDowngrades`', 'unknown field `timestamp_url`')), null);
});

test('the same panic raised in the project\'s own build script is not a dependency\'s', () => {
  const own = CONFIG.replace(/\/Users\/gaokung\/\.cargo\/registry\/src\/[^/]+\/tauri-build-1\.0\.0-rc\.4\/src\/lib\.rs/, 'build.rs');
  assert.notEqual(own, CONFIG);
  assert.equal(rootCauseOf(own), null);
  const ownNew = UPDATE.replace(/C:\\Users\\11091628\\\.cargo\\registry\\src\\[^\\]+\\tauri-build-2\.0\.0-rc\.2\\src\/lib\.rs/, 'build.rs');
  assert.notEqual(ownNew, UPDATE);
  assert.notEqual(rootCauseOf(ownNew), 'dependency-version-incompatible');
});

test('a request to update the toolchain or "your" something names no crate', () => {
  for (const who of ['rustc', 'your tauri']) {
    const edited = UPDATE.replaceAll('please update tauri to latest', `please update ${who} to latest`);
    assert.notEqual(rootCauseOf(edited), 'dependency-version-incompatible', who);
  }
});

test('a dependency\'s panic for another reason stays unexplained', () => {
  const other = RUSTC_VERSION.replace('UnknownPreReleaseTag(AlphaNumeric("ni"))', 'Os { code: 2, kind: NotFound, message: "No such file or directory" }');
  assert.notEqual(other, RUSTC_VERSION);
  assert.equal(rootCauseOf(other), null);
});
