// A rustc error located inside a published dependency's source (the registry, a git checkout, a vendored copy) whose
// kind says that the code no longer fits what it is built with: a type, a signature, a trait or a privacy that is not
// what the crate was written against. The crate compiled when it was released, so the resolved version does not fit
// this rustc or the versions of the crates around it; the fix is a version (`cargo update -p <crate>`, `cargo install
// --locked`, the toolchain it was written for), not an edit of the failing file.
//
// Where the log points elsewhere, this stays silent: a rustc too old (E0658, `requires rustc`), a cargo feature that is
// off (items not found), bindings against another system library (`-sys` crates, `sys::`/`ffi::` types), a target the
// crate does not support (i8/u8 `c_char` signedness, `os::unix`, a cross `--target`), the crate that `cargo install`
// builds (its own code), or an error in the project's code as well.

import type { LinePattern, PatternHit } from '../../../rule.js';
import { dependencyAt, isDependencySource, rustcErrorLocation } from '../../rust/dependency-source.js';

export const RUST_DEPENDENCY_CODE_PATTERNS: readonly LinePattern[] = [
  {
    id: 'rustc-error-located',
    // rustc (all versions): "error[E0308]: mismatched types", followed by " --> <path>:83:9"; counted only when that
    // path is a dependency's source and the code says the code does not fit (refine)
    source: 'rustc',
    literals: ['error[E'],
    re: /^error\[(?<_code>E\d{4})\]: (?<_message>.{1,300})/,
    weight: 0.5,
  },
  {
    id: 'rustc-update-crate-note',
    // rustc 1.80.1+: "= note: this is an inference error on crate `time` caused by an API change in Rust 1.80.0; update
    // `time` to version `>=0.3.35` by calling `cargo update`" (rustc names the crate and the release that fits)
    source: 'rustc 1.80.1+',
    literals: ['caused by an API change in Rust'],
    re: /inference error on crate [`'](?<_noteCrate>[\w-]+)[`'] caused by an API change in Rust (?<_noteRust>\d+\.\d+(?:\.\d+)?); update [`'][\w-]+[`'] to version [`']>=\s?(?<_noteVersion>\d+\.\d+(?:\.\d+)?)[`']/,
    weight: 0.5,
  },
  {
    id: 'rustc-two-crate-versions',
    // rustc 1.7x+: "note: there are multiple different versions of crate `toml` in the dependency graph"; older:
    // "= note: perhaps two different versions of crate `notify` are being used?" (support: names why the types differ)
    source: 'rustc',
    literals: ['multiple different versions of crate', 'two different versions of crate'],
    re: /(?:there are multiple different versions of crate|perhaps two different versions of crate) [`'](?<_twoVersions>\w+)[`']/,
    weight: 0.05,
  },
  {
    id: 'rustc-type-defined-in-crate',
    // rustc 1.6x+, under "= note: `ClientConfig` and `ClientConfig` have similar names, but are actually distinct
    // types": "note: `ClientConfig` is defined in crate `rustls`", once per type (support: the same crate twice is two
    // versions of it, when a paste stops before rustc's "two different versions" note)
    source: 'rustc',
    literals: ['is defined in crate'],
    re: /^note: [`'][^`']{1,200}[`'] is defined in crate [`'](?<_definedIn>\w+)[`']/,
    weight: 0.05,
  },
  {
    id: 'cargo-install-crate',
    // cargo install: "  Installing cargo-c v0.10.13" and "error: failed to compile `cargo-modules v0.4.2`, intermediate
    // artifacts can be found at ..."; the command itself as a shell prompt or a Dockerfile step echoes it
    // ("$> cargo install cargo-c", "RUN cargo install cargo-c") (support: the crate being installed, whose own code is
    // not a dependency's, and whose lock `--locked` would use)
    source: 'cargo install / shell',
    literals: ['Installing ', 'error: failed to compile ', 'cargo install '],
    re: /^(?:Installing (?<_installing>[A-Za-z0-9_][\w-]*) v(?<_installingVersion>\d[\w.+-]*)$|error: failed to compile [`'](?<_installed>[A-Za-z0-9_][\w-]*) v(?<_installedVersion>\d[\w.+-]*)|(?:\S*[$#>] ?|RUN )cargo (?:\+[\w.-]+ )?install (?<_installCommand>[A-Za-z0-9_][\w-]*)(?:\s|$))/,
    weight: 0.05,
  },
  {
    id: 'cargo-cross-target',
    // cargo/rustc command lines: "cargo build --target wasm32-unknown-unknown", "--target=armv7-unknown-linux-gnueabihf"
    // (support: a target other than a desktop one, where a crate's own portability is the likelier fault)
    source: 'cargo / rustc',
    literals: ['--target ', '--target='],
    re: /--target[= ](?<_crossTarget>(?:wasm\d\d|thumbv\w+|armv\w+|arm|armeb\w*|aarch64-linux-android|i686-linux-android|x86_64-linux-android|\w+-apple-(?:ios|tvos|watchos)|mips\w*|powerpc\w*|riscv\w+|s390x|sparc\w*|loongarch64|xtensa|avr|msp430|hexagon|bpf\w*|nvptx\w*)[\w-]*)/,
    weight: 0.05,
  },
];

// Errors that say the code does not fit the API or compiler it meets: mismatched types and signatures (E0308,
// E0061, E0053, E0050, E0107), inference that a new impl broke (E0282-E0284, E0034), traits that changed (E0277,
// E0046, E0407, E0119), privacy (E0603, E0616, E0624), fields and variants (E0560, E0609, E0063, E0026, E0027, E0023,
// E0004). Items not found (E0432, E0433, E0425, E0412, E0599...) are left out: a cargo feature that is off or a
// target the crate does not support says the same; so are E0658 (a rustc too old) and the #![feature] errors.
const MISFIT_CODES = new Set(['E0308', 'E0061', 'E0053', 'E0050', 'E0107', 'E0282', 'E0283', 'E0284', 'E0034', 'E0277', 'E0046', 'E0407', 'E0119', 'E0603', 'E0616', 'E0624', 'E0560', 'E0609', 'E0063', 'E0026', 'E0027', 'E0023', 'E0004']);
// Codes about the crate files or the feature gates, never about the dependency's code fitting its API.
const NEVER_CODES = new Set(['E0658', 'E0554', 'E0635', 'E0557', 'E0460', 'E0461', 'E0462', 'E0463', 'E0464', 'E0514', 'E0519', 'E0523']);
// The compiler's own crates (libsyntax, rustc_*, published as rustc-ap-*), which change with every nightly: a
// dependency built on them was written for one nightly, and any error in it (an item not found too) is that.
const COMPILER_INTERNALS = /\b(?:syntax|syntax_pos|rustc_(?:ast\w*|span|data_structures|errors|expand|hir\w*|middle|driver\w*|interface|session|lint\w*|parse\w*|target|infer|trait_selection|type_ir|codegen_\w+|metadata|mir_\w+|resolve|typeck|feature|index|macros|serialize|abi|borrowck|const_eval|privacy|passes))::/;
const COMPILER_INTERNALS_CRATE = /^rustc-ap-/;
// A crate's portability to the target rather than its version: c_char is i8 on x86 and u8 on ARM/PowerPC, and
// platform modules exist only on their platforms.
const TARGET_CUE = /\bc_char\b|\bos::(?:unix|windows|wasi|fd|linux|macos|darwin|android)\b|\bwasm|\btarget_(?:os|arch|family|env|pointer_width)\b/;
// Bindings over a system library (a -sys crate, or its `sys::`/`ffi::` types): the library's version is the question,
// sys-crate-too-old-for-system-lib's, not the Rust side's.
const BINDINGS_CUE = /(?:\b|_)(?:sys|ffi|bindings)::/;
// Rules whose finding on the same log explains a dependency's error better; when one of them fired, stay silent.
const NEIGHBOURS = ['rustc-too-old', 'crate-feature-missing', 'sys-crate-too-old-for-system-lib', 'rust-target-missing', 'cross-toolchain-misconfigured', 'musl-specific', 'stale-build-directory', 'rust-toolchain-missing'];

interface Located {
  hit: PatternHit;
  path: string;
  block: string;
}

/** The error's own block: its line and the lines after it up to the next error. */
function blockOf(hit: PatternHit): string {
  const end = hit.after.findIndex((l) => /(?:^|\s)error(?:\[E\d{4}\])?:/.test(l));
  return [hit.text, ...hit.after.slice(0, end < 0 ? undefined : end)].join('\n');
}

/** The crate named by the path, or (a path cut short in a paste) by the `Compiling <crate> v<ver>` line before it. */
function crateOf(loc: Located): { crate: string; version?: string } | undefined {
  const found = dependencyAt(loc.path);
  if (found) return found;
  const dir = /(?:registry[\\/]src[\\/][^\\/\s]+|vendor|cargo-vendor-dir)[\\/](?<dir>[\w.-]+)$/.exec(loc.path)?.groups?.dir;
  for (const l of [...loc.hit.before].reverse()) {
    const m = /Compiling (?<crate>[A-Za-z0-9_][\w-]*) v(?<version>\d[\w.+-]*)/.exec(l);
    if (m?.groups && dir && `${m.groups.crate}-${m.groups.version}`.startsWith(dir)) return { crate: m.groups.crate, version: m.groups.version };
  }
  return undefined;
}

/** The first of two "is defined in crate `X`" notes that name the same crate: two versions of X meet. */
function definedTwice(hits: readonly PatternHit[]): PatternHit | undefined {
  const defined = hits.filter((h) => h.pattern === 'rustc-type-defined-in-crate');
  return defined.find((h, i) => defined.some((o, j) => j > i && o.captures._definedIn === h.captures._definedIn));
}

/** The finding for a dependency's code that does not fit its toolchain or its own dependencies, or null. */
export function rustDependencyCodeFinding(hits: readonly PatternHit[], fired: ReadonlySet<string>) {
  if (NEIGHBOURS.some((id) => fired.has(id))) return null;
  const errors = hits.filter((h) => h.pattern === 'rustc-error-located').sort((a, b) => a.line - b.line);
  const located: Located[] = [];
  for (const hit of errors) {
    const path = rustcErrorLocation(hit.after);
    if (path) located.push({ hit, path, block: blockOf(hit) });
  }
  const inDependency = located.filter((l) => isDependencySource(l.path));
  // The project's own code fails as well: not a dependency's version alone.
  if (inDependency.length === 0 || inDependency.length < located.length) return null;

  const installs = hits.filter((h) => h.pattern === 'cargo-install-crate');
  const installed = installs.map((h) => h.captures._installed ?? h.captures._installing ?? h.captures._installCommand).find(Boolean);
  const note = hits.find((h) => h.pattern === 'rustc-update-crate-note');
  const cross = hits.find((h) => h.pattern === 'cargo-cross-target')?.captures._crossTarget;
  const twoVersionsHit = hits.find((h) => h.pattern === 'rustc-two-crate-versions') ?? definedTwice(hits);
  const twoVersions = twoVersionsHit?.captures._twoVersions ?? twoVersionsHit?.captures._definedIn;

  // Any error that points elsewhere (a feature gate, the installed crate's own code, bindings, the target) leaves
  // the cause open; the first error must be one that says the code does not fit.
  const pointsElsewhere = (l: Located) => {
    const dep = crateOf(l);
    if (NEVER_CODES.has(l.hit.captures._code)) return true;
    // `cargo install <crate>` builds the crate itself from the registry: its own code failing is rust-code-error's,
    // unless rustc shows two versions of a crate there (the resolution, not the code, is what changed).
    if (dep && installed && dep.crate === installed && !twoVersions) return true;
    if (/[-_]sys$/.test(dep?.crate ?? '') || BINDINGS_CUE.test(l.block)) return true;
    return TARGET_CUE.test(l.block) || (/\bi8\b/.test(l.block) && /\bu8\b/.test(l.block));
  };
  const isInternals = (l: Located) => COMPILER_INTERNALS_CRATE.test(crateOf(l)?.crate ?? '') || COMPILER_INTERNALS.test(l.block);
  if (inDependency.some(pointsElsewhere)) return null;
  const fitting = inDependency.filter((l) => isInternals(l) || MISFIT_CODES.has(l.hit.captures._code));
  if (fitting[0] !== inDependency[0]) return null;
  // On a cross target a crate's portability is as likely as its version, unless rustc itself names the update.
  if (cross && !note) return null;

  const first = fitting[0];
  const dep = crateOf(first);
  const name = dep?.crate ?? note?.captures._noteCrate;
  const version = dep?.version;
  const internals = fitting.some(isInternals);
  const label = name ? `${name}${version ? ` ${version}` : ''}` : 'a dependency';
  const isInstalled = installed !== undefined && name === installed;
  const crateArg = name ?? '<crate>';

  let why: string;
  if (note) {
    why = `rustc says so itself: this is an inference error on ${note.captures._noteCrate} caused by an API change in Rust ${note.captures._noteRust}, and ${note.captures._noteCrate} ${note.captures._noteVersion} and later compile again.`;
  } else if (internals) {
    why = `The crate is built on the compiler's internal crates (libsyntax, rustc_*, or their rustc-ap-* copies), whose API changes with nearly every nightly; this release was written for another nightly than the one that ran.`;
  } else if (twoVersions) {
    why = `Two versions of the crate \`${twoVersions}\` are in the dependency graph (rustc's notes show the type coming from both): ${label} receives a type from one of them and expects the other's, so the versions cargo resolved do not fit each other.`;
  } else {
    why = `That code compiled when it was released, so what it meets here is not what it was written for: a rustc newer than it (a change in inference, a new method, a stricter check) or older, or other dependencies at releases it was not written against.`;
  }
  const installNote = installed ? ` \`cargo install\` ignores the package's Cargo.lock unless it is given \`--locked\`, so it resolved the newest semver-compatible releases of ${installed}'s dependencies, not the ones its authors tested.` : '';
  const fixedIn = note ? ` to ${note.captures._noteVersion} or later` : '';

  const step = installed
    ? `Install with the versions ${installed}'s authors tested: \`cargo install --locked ${installed}\` (or a newer release of ${installed}, whose lock has moved on).`
    : internals
      ? `Build with the nightly that ${label} was written for (\`channel = "nightly-YYYY-MM-DD"\` in rust-toolchain.toml, from the crate's release date), or update the crate that depends on it (\`cargo tree -i ${crateArg}\`) to a release that follows the current nightly.`
      : `Update it in Cargo.lock${fixedIn}: \`cargo update -p ${crateArg}\` (a newer semver-compatible release usually carries the fix); if Cargo.toml pins it with \`=\` or an old major version, directly or through the crate that pulls it in (\`cargo tree -i ${crateArg}\`), raise that requirement.`;
  const step2 = installed
    ? `Or build it as a project: clone ${installed} and \`cargo build --release --locked\` there (its Cargo.lock); a newer release of ${installed} may already require fitting versions.`
    : internals
      ? `Such crates need the exact nightly they follow; a stable rustc cannot build them at all.`
      : `Compare the toolchain with the crate: \`rustc --version\` against its \`rust-version\` and release date; if rustc is older, \`rustup update\`; if the lock file is much older than rustc, a toolchain from its time (\`cargo +<version> build\` after \`rustup install <version>\`, or \`channel\` in rust-toolchain.toml) builds it unchanged.`;

  const notes = [note, twoVersionsHit].filter((h): h is PatternHit => h !== undefined);
  const evidence = [...fitting.slice(0, 4), ...notes.map((hit) => ({ hit }))].map(({ hit }) => ({ line: hit.line, text: hit.text })).sort((a, b) => a.line - b.line);
  return {
    confidence: note || internals ? 0.9 : 0.8,
    captures: {
      ...(name ? { dependency: name } : {}),
      ...(version ? { dependencyVersion: version } : {}),
      _story: `${isInstalled ? `The compile error is in ${label}, the published crate that \`cargo install\` builds, at a type that comes from one of its dependencies.` : `The compile error is inside the source of ${label}, a published dependency that cargo downloaded, not in the project's code.`} ${why}${installNote}`,
      _fix: installed ? `Install with the dependency versions ${installed} was tested with (\`cargo install --locked\`)${isInstalled ? '' : `, or move ${crateArg} to a release that fits`}.` : internals ? `Build with the nightly ${label} was written for, or update the crate that depends on it.` : `Move ${crateArg} to a release that fits this toolchain (\`cargo update -p ${crateArg}\`), or build with the toolchain it was written for.`,
      _step: step,
      _step2: step2,
      _command: installed ? `cargo install --locked ${installed}` : internals ? `cargo tree -i ${crateArg}` : `cargo update -p ${crateArg}`,
    },
    evidence,
  };
}
