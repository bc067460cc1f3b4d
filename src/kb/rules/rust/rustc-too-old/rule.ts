// rustc-too-old: the installed cargo/rustc is older than the project or one of its dependencies needs.

import { defineRule } from '../../../rule.js';
import { cargoReleaseOfFeature } from '../../../tool-versions.js';
import { isDependencySource, rustcErrorLocation } from '../dependency-source.js';

// rustc's feature-gate messages (E0658) for syntax that a later stable rustc accepts, with the release that
// stabilised it. Seen from an older stable rustc, in the project's own code or a dependency's, each one means the
// compiler is older than the code (a gate for a feature still unstable today stays a code error). Wordings as rustc
// 1.4x-1.87 print them (checked with Debian's rustc 1.63 where it has the gate).
const STABILISED_SYNTAX: ReadonlyArray<readonly [RegExp, string]> = [
  // uniform paths, the 2018 edition's imports of the crate's own modules (rustc 1.31: "imports can only refer to extern
  // crate names passed with `--extern` on stable channel (see issue #53130)")
  [/imports can only refer to extern crate names passed with `--extern` on stable channel/, '1.32'],
  [/^error\[E0658\]: (?:async fn|async blocks|async\/await) (?:is|are) unstable/, '1.39'],
  [/non exhaustive is an experimental feature|the `#\[non_exhaustive\]` attribute is an experimental feature/, '1.40'],
  [/subslice patterns are unstable/, '1.42'],
  [/the `#\[track_caller\]` attribute is an experimental feature/, '1.46'],
  [/or-patterns syntax is experimental/, '1.53'],
  [/destructuring assignments are unstable/, '1.59'],
  [/`let\.\.\.else` statements are unstable/, '1.65'],
  [/generic associated types are unstable|where clauses on associated types are unstable/, '1.65'],
  [/labels on blocks are unstable/, '1.65'],
  [/inline-const is experimental|associated type bounds are unstable/, '1.79'],
  [/exclusive range pattern syntax is experimental/, '1.80'],
  [/the `#\[expect\]` attribute is an experimental feature/, '1.81'],
  [/raw address of syntax is experimental/, '1.82'],
  [/async closures are unstable/, '1.85'],
  [/trait upcasting coercion is experimental/, '1.86'],
  // let chains: stable in the 2024 edition from 1.88; newer rustc words the 2021-edition case differently
  [/`let` expressions in this position are unstable/, '1.88'],
];

/** The rustc release that stabilised the syntax an E0658 line gates, when it is stable today. */
function stabilisedIn(text: string): string | undefined {
  return STABILISED_SYNTAX.find(([re]) => re.test(text))?.[1];
}

export default defineRule({
  id: 'rustc-too-old',
  title: 'The Rust toolchain is too old for this project',
  summary: 'The installed cargo or rustc is older than the project or one of its dependencies requires.',
  category: 'rust',
  captures: {
    package: { type: 'string', doc: 'the package that needs a newer rustc', optional: true },
    packageVersion: { type: 'version', doc: 'its version', optional: true },
    required: { type: 'version', doc: 'the rustc version it needs', optional: true },
    current: { type: 'version', doc: 'the rustc version that ran', optional: true },
    edition: { type: 'string', doc: 'the Rust edition that is not supported', optional: true },
    lockVersion: { type: 'integer', doc: 'the Cargo.lock format version that is not supported', optional: true },
    feature: { type: 'string', doc: 'the unstable or newer language feature used', optional: true },
    cargoFeature: { type: 'string', doc: 'the `cargo-features` gate of the manifest that this cargo has not stabilised', optional: true },
  },
  internal: ['builtOn', 'need', 'currentNote', 'pin', 'program'],
  // cargo's "package X cannot be built because it requires rustc Y or newer, while the currently active rustc version
  // is Z" (1.56-1.82) and cargo install's "it requires rustc Y or newer" come from the tool-version-too-old signal.
  signals: ['tool-version-too-old'],
  explains: ['rust-code-error', 'crate-feature-missing'],
  contextAfter: 6,
  patterns: [
    {
      id: 'msrv-rustc-not-supported',
      // cargo 1.83+: "error: rustc 1.75.0 is not supported by the following package(s):" then
      // "  foo@1.2.3 requires rustc 1.80" on the next lines
      source: 'cargo 1.83+',
      literals: ['is not supported by the following package'],
      re: /^error: rustc (?<current>[\w.-]+) is not supported by the following packages?:/,
      weight: 0.97,
    },
    {
      id: 'msrv-package-line',
      // cargo 1.83+: the body of "rustc X is not supported by the following packages:", one line per package,
      // "  revm-state@7.0.5 requires rustc 1.88.0" (a paste or a `docker build` excerpt often starts here; BuildKit's
      // failed-step summary keeps a "163.9 " time prefix that normalisation does not strip, hence no ^)
      source: 'cargo 1.83+',
      literals: [' requires rustc '],
      re: /(?:^|\s)(?<package>[A-Za-z0-9][\w-]{0,63})@(?<packageVersion>\d+\.\d+\.\d+(?:[-+][\w.+-]{0,40})?) requires rustc (?<required>\d+\.\d+(?:\.\d+)?)$/,
      weight: 0.9,
    },
    {
      id: 'msrv-compatible-ver-hint',
      // cargo 1.83+, after the list of registry packages: "where `<compatible-ver>` is the latest version
      // supporting rustc 1.87.0" (preceded by "Either upgrade rustc or select compatible dependency versions with")
      source: 'cargo 1.83+',
      literals: ['is the latest version supporting rustc'],
      re: /(?:^|\s)where [`']<compatible-ver>[`'] is the latest version supporting rustc (?<current>\d+\.\d+\.\d+[\w.-]*)/,
      weight: 0.9,
    },
    {
      id: 'edition-newer-than-cargo',
      // cargo 1.70+ (edition parser): "this version of Cargo is older than the `2024` edition, and only supports
      // `2015`, `2018`, and `2021` editions."
      source: 'cargo 1.70+',
      literals: ['this version of Cargo is older than the'],
      re: /this version of Cargo is older than the [`'](?<edition>\d{4})[`'] edition/,
      weight: 0.97,
    },
    {
      id: 'cargo-feature-required',
      // cargo 1.2x+ on a manifest using a `cargo-features` gate it has not stabilised: "feature `resolver` is required"
      // (since 2017; then "consider adding `cargo-features = [...]` to the manifest" / "this Cargo does not support
      // nightly features", from 1.5x "The package requires the Cargo feature called `X`, but that feature is not
      // stabilized in this version of Cargo"). refine keeps it only for a gate a later stable cargo has (edition2021,
      // resolver, workspace-inheritance...), not for one still unstable, which needs nightly instead
      source: 'cargo',
      literals: ['is required'],
      re: /^feature [`'](?<cargoFeature>[a-z][\w-]{0,40})[`'] is required/,
      weight: 0.95,
    },
    {
      id: 'rustc-edition-unstable',
      // rustc 1.5x before the 2021 edition was stable (when run directly or by an old cargo): "error: edition 2021 is
      // unstable and only available with -Z unstable-options."
      source: 'rustc 1.4x-1.55',
      literals: ['is unstable and only available with -Z unstable-options'],
      re: /^error: edition (?<edition>\d{4}) is unstable and only available with -Z unstable-options/,
      weight: 0.93,
    },
    {
      id: 'cargo-version-not-stabilized',
      // cargo 1.5x+ under "feature `edition2024` is required": "... not stabilized in this version of Cargo (1.82.0
      // (8f40fc59f 2024-08-21))." (support: names the cargo version)
      source: 'cargo',
      literals: ['not stabilized in this version of Cargo'],
      re: /not stabilized in this version of Cargo \((?<current>\d+\.\d+\.\d+)/,
      weight: 0.3,
    },
    {
      id: 'edition-value-unknown',
      // cargo older than an edition's introduction: "supported edition values are `2015` or `2018`, but `2021` is
      // unknown"; refine keeps it only when the rejected value is a real edition (not a typo such as 2022)
      source: 'cargo 1.31-1.55',
      literals: ['supported edition values are'],
      re: /supported edition values are [`'\d, or]{0,60}but [`'](?<edition>[^`']+)[`'] is unknown/,
      weight: 0.9,
    },
    {
      id: 'lockfile-version-unknown',
      // cargo 1.73+ (and Debian's 0.66): "lock file version `4` was found, but this version of Cargo does not
      // understand this lock file, perhaps Cargo needs to be updated?"
      source: 'cargo',
      literals: ['was found, but this version of Cargo does not understand'],
      re: /lock file version [`']?(?<lockVersion>\d+)[`']? was found, but this version of Cargo does not understand this lock file/,
      weight: 0.95,
    },
    {
      id: 'lockfile-v4-next-bump',
      // cargo 1.74-1.77 reading a v4 lock file: "lock file version 4 requires `-Znext-lockfile-bump`"
      source: 'cargo 1.74-1.77',
      literals: ['-Znext-lockfile-bump'],
      re: /lock file version (?<lockVersion>\d+) requires [`']?-Znext-lockfile-bump/,
      weight: 0.95,
    },
    {
      id: 'lockfile-v2-packageid',
      // cargo < 1.41 reading a version 2 (2020+) lock file: "failed to parse lock file at: /x/Cargo.lock" then
      // "Caused by: invalid serialized PackageId for key `package.dependencies`"
      source: 'cargo < 1.41',
      literals: ['invalid serialized PackageId for key'],
      re: /invalid serialized PackageId for key [`']package\.dependencies[`']/,
      weight: 0.88,
    },
    {
      id: 'unstable-library-feature',
      // rustc: "error[E0658]: use of unstable library feature 'once_cell'" (quotes became backticks in 1.83);
      // an API that a newer stable rustc has; refine makes it stronger inside a dependency's source
      source: 'rustc',
      literals: ['use of unstable library feature'],
      re: /^error\[E0658\]: use of unstable library feature [`'](?<feature>[\w]+)[`']/,
      weight: 0.75,
    },
    {
      id: 'unstable-language-feature',
      // rustc: "error[E0658]: `let...else` statements are unstable" / "... is an experimental feature" — a syntax
      // that was stabilised later; only counted inside a dependency's source or with the "consider upgrading" note
      source: 'rustc',
      literals: ['error[E0658]'],
      re: /^error\[E0658\]: (?!use of unstable library feature)(?:.*(?:are|is) (?:unstable|experimental|an experimental feature)|imports can only refer to extern crate names passed with `--extern` on stable channel)/,
      weight: 0.45,
    },
    {
      id: 'const-fn-not-stable',
      // rustc 1.3x-1.5x, before const fn grew: "error: `core::slice::<impl [T]>::len` is not yet stable as a const fn"
      // (rustc 1.8x adds "... as a const trait" / "as a const intrinsic"),
      // "error: function pointers in const fn are unstable", "error[E0723]: loops and conditional expressions are not
      // stable in const fn", "error[E0658]: `match` is not allowed in a `const fn`"; like an E0658 gate, counted only
      // inside a dependency's source (a beta rustc may print the first one as a regression of its own)
      source: 'rustc 1.3x-1.5x',
      literals: ['is not yet stable as a const ', 'in const fn are unstable', 'are not stable in const fn', 'is not allowed in a `const fn`'],
      re: /^error(?:\[E0\d{3}\])?: (?:`[^`]{1,200}` is not yet stable as a const (?:fn|trait|intrinsic)|.{1,120} in const fn are unstable|.{1,120} are not stable in const fn|`\w{1,20}` is not allowed in a `const fn`)/,
      weight: 0.45,
    },
    {
      id: 'syntax-error',
      // rustc's parser on syntax newer than itself: "error: prefix `c` is unknown" (c"" literals before 1.77), "error:
      // expected one of `!`, `.`, ... found `"x"`", "error: expected item, found keyword `use`"; only counted inside a
      // dependency's source (a published crate parses on the compiler it supports)
      source: 'rustc',
      literals: ['error: expected ', 'error: prefix `', 'error: unknown start of token'],
      re: /^error: (?:expected .{1,200}, found |prefix `\w+` is unknown|unknown start of token)/,
      weight: 0.4,
    },
    {
      id: 'compiler-built-on-upgrade',
      // rustc 1.78+: "= note: this compiler was built on 2025-02-17; consider upgrading it if it is out of date"
      source: 'rustc 1.78+',
      literals: ['consider upgrading it if it is out of date'],
      re: /this compiler was built on (?<builtOn>[\d-]+); consider upgrading it if it is out of date/,
      weight: 0.45,
    },
  ],
  refine: (ctx) => {
    const captures: Record<string, string> = {};
    // Editions come every three years (2015, 2018, 2021, 2024, 2027...); another year ("2022") is a typo in
    // Cargo.toml, which old cargo reports as "older than the `2022` edition" and new cargo as "unknown".
    const realEdition = (h: { captures: Record<string, string> }) => !h.captures.edition || (Number(h.captures.edition) - 2015) % 3 === 0;
    const inDependency = (h: { after: readonly string[] }) => isDependencySource(rustcErrorLocation(h.after) ?? '');
    // a gate no stable cargo has yet needs nightly cargo, which a newer stable one does not give
    const stableGate = (h: { captures: Record<string, string> }) => !h.captures.cargoFeature || cargoReleaseOfFeature(h.captures.cargoFeature) !== undefined;
    const hits = ctx.hits.filter((h) => realEdition(h) && stableGate(h));
    if (hits.length === 0) return null;
    let confidence: number | undefined;
    const decisive = hits.some((h) => h.weight >= 0.5 && h.pattern !== 'unstable-library-feature');
    if (!decisive) {
      const library = hits.filter((h) => h.pattern === 'unstable-library-feature');
      // (E0554, a #![feature] on stable, is a dependency that needs nightly: dependency-version-incompatible)
      const weak = hits.filter((h) => h.pattern === 'unstable-language-feature' || h.pattern === 'const-fn-not-stable');
      const syntaxInDependency = hits.some((h) => h.pattern === 'syntax-error' && inDependency(h));
      const upgradeNote = hits.some((h) => h.pattern === 'compiler-built-on-upgrade');
      const stabilised = weak.map((h) => (h.pattern === 'unstable-language-feature' ? stabilisedIn(h.text) : undefined)).filter((v) => v !== undefined);
      // rustc's E0658 proves an old compiler when it points into a dependency's source; in the project's own
      // code a stabilised-later API still most often means an old compiler, a nightly-only syntax need not.
      if (library.some(inDependency) || weak.some(inDependency)) confidence = 0.92;
      else if (syntaxInDependency) confidence = 0.85;
      else if (library.length > 0) confidence = upgradeNote ? 0.85 : 0.75;
      else if (upgradeNote && weak.some((h) => h.pattern === 'unstable-language-feature')) confidence = 0.8;
      else if (stabilised.length > 0) confidence = 0.85;
      else return null;
      // the newest release among the gated syntaxes is the one the build needs
      const newest = stabilised.sort((a, b) => Number(b.split('.')[1]) - Number(a.split('.')[1]))[0];
      if (newest && !ctx.captures.required) captures.required = newest;
    }
    for (const hit of hits) {
      if (hit.pattern !== 'msrv-rustc-not-supported') continue;
      // cargo 1.83+ names the package on the next lines: "  newstuff@0.3.1 requires rustc 1.99"
      for (const line of hit.after) {
        const m = /(?:^|\s)(?<package>[\w-]+)@(?<packageVersion>[\w.+-]+) requires rustc (?<required>[\d.]+)/.exec(line);
        if (m?.groups) {
          Object.assign(captures, m.groups);
          break;
        }
      }
    }
    const required = captures.required ?? ctx.captures.required;
    const gate = hits.find((h) => h.captures.cargoFeature)?.captures.cargoFeature;
    const edition = hits.find((h) => h.captures.edition)?.captures.edition ?? /^edition(\d{4})$/.exec(gate ?? '')?.[1];
    if (edition) captures.edition = edition;
    const gateRelease = gate ? cargoReleaseOfFeature(gate) : undefined;
    if (gateRelease && !ctx.captures.required) captures.required = gateRelease;
    if (gate && !edition) captures.need = `the \`${gate}\` Cargo feature (cargo ${gateRelease}+)`;
    else if (edition) captures.need = `the ${edition} edition (${{ '2018': 'cargo 1.31+', '2021': 'cargo 1.56+', '2024': 'cargo 1.85+' }[edition] ?? 'a cargo newer than this one'})`;
    else if (required) captures.need = `rustc ${required} or newer`;
    else if (hits.some((h) => h.pattern === 'lockfile-v2-packageid')) captures.need = 'Cargo.lock format version 2 (cargo 1.41+)';
    else if (hits.some((h) => h.pattern.endsWith(':cargo-directive-reserved'))) captures.need = 'the `cargo::` build-script directives (cargo 1.77+)';
    else if (ctx.captures.lockVersion) captures.need = `Cargo.lock format version ${ctx.captures.lockVersion} (${ctx.captures.lockVersion === '4' ? 'cargo 1.78+' : 'a cargo newer than this one'})`;
    else if (ctx.captures.feature) captures.need = `the \`${ctx.captures.feature}\` API, stabilised in a newer rustc`;
    if (ctx.captures.current) captures.currentNote = ` (${hits.some((h) => h.pattern === 'cargo-version-not-stabilized') ? 'cargo' : 'rustc'} ${ctx.captures.current})`;
    if (captures.package ?? ctx.captures.package) captures.pin = `cargo update -p ${captures.package ?? ctx.captures.package} --precise <older version>`;
    return { captures, ...(confidence !== undefined ? { confidence } : {}) };
  },
  explanation:
    'The build needs {{need|a newer Rust toolchain}}, but the active toolchain{{currentNote|}} is older. ' +
    'Newer crates declare a minimum Rust version (`rust-version`), use a newer edition, or rely on APIs that were ' +
    'stabilised recently; Cargo.lock files written by a newer cargo use a newer format (version 4 needs cargo 1.78+). ' +
    'Distribution packages (Debian/Ubuntu `cargo`/`rustc`, old Docker base images such as `rust:1.70`, old CI images) ' +
    'often ship a toolchain that is several releases behind.',
  fix: {
    summary: 'Update the Rust toolchain (rustup update stable), or pin the dependency to a version your toolchain supports.',
    steps: [
      'Install or update Rust with rustup instead of the distribution package: `rustup update stable` (or raise the `channel` in rust-toolchain.toml / the `rust:` Docker base image tag).',
      'If you must keep this compiler, pin the dependency that needs the newer one: `{{pin|cargo update -p <crate> --precise <older version>}}`; with cargo 1.84+ `resolver.incompatible-rust-versions = "fallback"` in .cargo/config.toml picks compatible versions automatically.',
      'For a Cargo.lock version 4 on an old cargo, update cargo (1.78+), or regenerate the lock file with the old cargo.',
    ],
    commands: ['rustup update stable', 'rustup default stable'],
    packages: {
      apt: ['rustup'],
      dnf: ['rustup'],
      apk: ['rustup'],
      pacman: ['rustup'],
      zypper: ['rustup'],
      brew: ['rustup'],
      nix: ['rustup'],
    },
    platformCommands: {
      linux: ["curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y   # when the distribution's rustc is too old"],
      nix: ['Use a newer nixpkgs (or rust-overlay / fenix) so rustc and cargo are recent enough'],
      windows: ['rustup update stable'],
      macos: ['rustup update stable   # or: brew upgrade rust'],
    },
  },
});
