// nightly-toolchain-mismatch: the project is built with a release channel it was not written for: its own code or its
// build asks for nightly-only features (#![feature], -Z flags, unstable cargo flags or manifest gates) on stable or
// beta, or its code names a nightly feature that the nightly in use no longer knows.
//
// A dependency's #![feature] (a crate from the registry that needs nightly, or one written for an older nightly) is
// dependency-version-incompatible's: there the fix is another version of that crate.

import { defineRule, type Refinement } from '../../../rule.js';
import { cargoReleaseOfFeature } from '../../../tool-versions.js';
import { isDependencySource, rustcErrorLocation } from '../dependency-source.js';
import { RUSTC_FEATURE_ERROR_IDS, rustcFeatureErrorPatterns } from '../feature-attribute-errors.js';

export default defineRule({
  id: 'nightly-toolchain-mismatch',
  title: 'The build needs a nightly Rust toolchain',
  summary: 'The project uses nightly-only Rust features (or features of an older nightly) that the toolchain in use does not accept.',
  category: 'rust',
  captures: {
    channel: { type: 'string', doc: 'the release channel that ran (`stable`, `beta`), when the log names it', optional: true },
    feature: { type: 'string', doc: 'the nightly feature, flag or cargo manifest gate that was refused', optional: true },
    crate: { type: 'string', doc: 'the crate whose build script refused a non-nightly rustc (version_check)', optional: true },
  },
  internal: ['what'],
  explains: ['rust-code-error'],
  contextAfter: 2,
  patterns: [
    // the project's own #![feature] on stable or beta, or one this nightly no longer has; in a dependency's source they are
    // dependency-version-incompatible's (refine)
    ...rustcFeatureErrorPatterns({ unknown: 0.75, removed: 0.75, onStable: 0.9 }),
    {
      id: 'cargo-z-flag',
      // cargo 1.3x+: "error: the `-Z` flag is only accepted on the nightly channel of Cargo, but this is the `stable` channel"
      source: 'cargo',
      literals: ['flag is only accepted on the nightly channel of Cargo'],
      re: /the [`']?-Z[`']? flag is only accepted on the nightly channel of Cargo(?:, but this is the [`']?(?<channel>\w+)[`']? channel)?/,
      weight: 0.95,
    },
    {
      id: 'cargo-unstable-flag',
      // cargo 1.5x+: "error: the `--artifact-dir` flag is unstable, and only available on the nightly channel of Cargo, but
      // this is the `stable` channel"
      source: 'cargo 1.5x+',
      literals: ['flag is unstable, and only available on the nightly channel of Cargo'],
      re: /the [`']?(?<feature>--?[\w-]+)[`']? flag is unstable, and only available on the nightly channel of Cargo(?:, but this is the [`']?(?<channel>\w+)[`']? channel)?/,
      weight: 0.95,
    },
    {
      id: 'cargo-manifest-gate',
      // cargo 1.5x+ on a manifest's `cargo-features = ["codegen-backend"]`: "the cargo feature `codegen-backend` requires a
      // nightly version of Cargo, but this is the `stable` channel" (a gate a later stable cargo has is rustc-too-old's)
      source: 'cargo 1.5x+',
      literals: ['requires a nightly version of Cargo'],
      re: /the cargo feature [`'](?<feature>[\w-]+)[`'] requires a nightly version of Cargo(?:, but this is the [`']?(?<channel>\w+)[`']? channel)?/,
      weight: 0.9,
    },
    {
      id: 'rustc-z-option',
      // rustc: "error: the option `Z` is only accepted on the nightly compiler" (RUSTFLAGS="-Z ..." on stable; 2017-era
      // quotes 'Z')
      source: 'rustc',
      literals: ['is only accepted on the nightly compiler'],
      re: /the option [`']?Z[`']? is only accepted on the nightly compiler/,
      weight: 0.95,
    },
    {
      id: 'version-check-nightly',
      // a build script refusing a non-nightly rustc (version_check): pear_codegen "Error: Pear requires a 'dev' or
      // 'nightly' version of rustc." (0.1.4), "Error: Pear requires a nightly or dev version of Rust." (0.1.2),
      // Rocket 0.4's "Error: Rocket requires a nightly or dev version of Rust."
      source: 'version_check build scripts (pear_codegen, rocket 0.4)',
      literals: ["requires a 'dev' or 'nightly' version of rustc", 'requires a nightly or dev version of Rust'],
      re: /^(?:Error: )?(?<crate>[A-Za-z][\w-]{0,40})(?: \(\w+\))? requires a (?:'dev' or 'nightly' version of rustc|nightly or dev version of Rust)/,
      weight: 0.9,
    },
  ],
  refine: (ctx): Refinement | null => {
    // A #![feature] error inside a dependency's source says that crate needs another toolchain or another version of
    // itself (dependency-version-incompatible); a manifest gate that a stable cargo has is an old cargo (rustc-too-old).
    const own = ctx.hits.filter((h) => !(RUSTC_FEATURE_ERROR_IDS.has(h.pattern) && isDependencySource(rustcErrorLocation(h.after) ?? '')));
    const kept = own.filter((h) => !(h.pattern === 'cargo-manifest-gate' && cargoReleaseOfFeature(h.captures.feature ?? '') !== undefined));
    if (kept.length === 0) return null;
    const channel = kept.map((h) => h.captures.channel).find(Boolean);
    const feature = kept.map((h) => h.captures.feature).find(Boolean);
    const crate = kept.map((h) => h.captures.crate).find(Boolean);
    const older = kept.every((h) => h.pattern === 'rustc-unknown-feature' || h.pattern === 'rustc-removed-feature');
    const what = older
      ? 'names a nightly feature that the nightly in use no longer has (it was removed or renamed since the code was written)'
      : crate
        ? `depends on \`${crate}\`, whose build script accepts only a nightly (or dev) rustc`
        : `asks for ${feature ? `\`${feature}\`, ` : ''}a nightly-only feature${channel ? `, on the ${channel} channel` : ''}`;
    return {
      captures: { ...(channel ? { channel } : {}), ...(feature ? { feature } : {}), ...(crate ? { crate } : {}), what },
      evidence: kept.map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'The build {{what}}. Nightly-only features (`#![feature(...)]` attributes, cargo\'s and rustc\'s `-Z` options, unstable ' +
    'cargo flags and `cargo-features` manifest gates) are refused by stable and beta toolchains, and a nightly drops or ' +
    'renames them over time, so the code builds only with the kind of nightly it was written for. Nothing is wrong with ' +
    'the machine\'s packages: the toolchain channel does not match the project.',
  fix: {
    summary: 'Build with the nightly toolchain the project is written for, or stop using the nightly-only feature.',
    steps: [
      'If the project pins a toolchain (rust-toolchain.toml or rust-toolchain, often a dated `nightly-YYYY-MM-DD`), install that one and build from the project directory, where rustup picks it up; otherwise install nightly and build with `cargo +nightly build` (or `rustup override set nightly` in the project).',
      'A Rust from the system\'s package manager (apt, pacman, Homebrew) has no rustup: it ignores rust-toolchain files and `+nightly`; install rustup to get a nightly.',
      'When the #![feature] sits under `cfg_attr(feature = "...", ...)`, a Cargo feature of the crate turned it on: build without that feature (`--no-default-features`, or leave it out of `--features`).',
      'When the feature has been stabilised since (the compiler then only warns on nightly), deleting the #![feature] line builds on stable; a `-Z` flag or unstable cargo option in a script or CI job may be a leftover from a nightly setup, and can be dropped or replaced by its stable form.',
      'A dependency that demands nightly (Rocket 0.4 through pear_codegen) has releases that build on stable (Rocket 0.5).',
    ],
    commands: ['rustup toolchain install nightly', 'cargo +nightly build'],
  },
});
