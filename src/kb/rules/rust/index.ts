// Rules about Rust toolchains, cargo configuration, crate features, lock files and Rust code.

import type { Rule } from '../../rule.js';
import cargoHomeReadonly from './cargo-home-readonly/rule.js';
import cargoManifestMissing from './cargo-manifest-missing/rule.js';
import crateFeatureMissing from './crate-feature-missing/rule.js';
import lockfileOutdatedLocked from './lockfile-outdated-locked/rule.js';
import nightlyToolchainMismatch from './nightly-toolchain-mismatch/rule.js';
import rustCodeError from './rust-code-error/rule.js';
import rustTargetMissing from './rust-target-missing/rule.js';
import rustToolchainMissing from './rust-toolchain-missing/rule.js';
import rustcTooOld from './rustc-too-old/rule.js';

const rules: Rule[] = [
  rustToolchainMissing,
  rustcTooOld,
  rustTargetMissing,
  nightlyToolchainMismatch,
  crateFeatureMissing,
  lockfileOutdatedLocked,
  cargoManifestMissing,
  cargoHomeReadonly,
  rustCodeError,
];

export default rules;
