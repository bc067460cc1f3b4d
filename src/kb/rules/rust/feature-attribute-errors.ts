// rustc's errors about a `#![feature(...)]` attribute, read by two rules that split them by where the attribute is (the
// ` --> path:line:col` line under each error): in a dependency's source they are dependency-version-incompatible's (a
// crate that needs nightly, or was written for another nightly), in the project's own code nightly-toolchain-mismatch's.

import type { LinePattern } from '../../rule.js';

export const RUSTC_FEATURE_ERROR_IDS = new Set(['rustc-unknown-feature', 'rustc-removed-feature', 'rustc-feature-on-stable']);

/** The three errors, each at the weight a rule gives it (its refine decides by the location). */
export function rustcFeatureErrorPatterns(weight: { unknown: number; removed: number; onStable: number }): LinePattern[] {
  return [
    {
      id: 'rustc-unknown-feature',
      // rustc on nightly (or RUSTC_BOOTSTRAP=1): "error[E0635]: unknown feature `proc_macro_span_shrink`" (a feature this
      // nightly has dropped or renamed), then "  --> /home/u/.cargo/registry/src/.../proc-macro2-1.0.47/src/lib.rs:92:30"
      source: 'rustc (nightly)',
      literals: ['error[E0635]'],
      re: /^error\[E0635\]: unknown feature [`'](?<feature>\w+)[`']/,
      weight: weight.unknown,
    },
    {
      id: 'rustc-removed-feature',
      // rustc on nightly: "error[E0557]: feature has been removed" (the feature is on the quoted source line below,
      // "1 | #![feature(const_fn)]")
      source: 'rustc (nightly)',
      literals: ['error[E0557]'],
      re: /^error\[E0557\]: feature has been removed/,
      weight: weight.removed,
    },
    {
      id: 'rustc-feature-on-stable',
      // rustc on stable or beta: "error[E0554]: `#![feature]` may not be used on the stable release channel" (before 1.2x
      // without the backticks, 2017-era "#[feature]"; "beta" on the beta channel)
      source: 'rustc (stable, beta)',
      literals: ['may not be used on the stable release channel', 'may not be used on the beta release channel'],
      re: /^error\[E0554\]: [`']?#!?\[feature\][`']? may not be used on the (?<channel>stable|beta) release channel/,
      weight: weight.onStable,
    },
  ];
}
