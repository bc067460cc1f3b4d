// A dependency's build script (or the build helper it calls) panics inside its own published source with a message
// that says the versions around it do not fit: a config file written for another release of the crate (serde's
// "unknown field `x`, expected ..."), a crate it asks to be updated ("please update tauri to latest"), or a rustc
// version an old rustc_version cannot read (its `UnknownPreReleaseTag` error). The fix is a version of that crate (or of
// the tool that wrote the config), not an edit of the failing file.
//
// A panic in the project's own build script, or a dependency's panic for another reason (a file or library not found,
// a download failing) stays with the rules for those causes.

import type { LinePattern, PatternHit } from '../../../rule.js';
import { dependencyAt, isDependencySource } from '../../rust/dependency-source.js';

export const BUILD_SCRIPT_PANIC_PATTERNS: readonly LinePattern[] = [
  {
    id: 'rust-panic-located',
    // Rust's panic hook, rustc 1.73+: "thread 'main' panicked at /home/u/.cargo/registry/src/<index>/memoffset-0.5.1/build.rs:6:23:"
    // with the message on the next line (1.92+ adds the thread id, "thread 'main' (1410973) panicked at"); before 1.73
    // the message comes first, quoted: "thread 'main' panicked at 'error found during tauri-build: ...', C:\...\tauri-build-1.0.0-rc.8\src\lib.rs:146:5";
    // counted only when the location is a dependency's source and the message says the versions do not fit (refine)
    source: 'Rust panic (build script)',
    literals: ['panicked at '],
    re: /^thread '[^']{0,100}'(?: \(\d+\))? panicked at (?:'(?<_quoted>.{1,3000})', (?<_quotedAt>[^\s'][^']{0,500}?):\d+:\d+$|(?<_at>[^\s'][^']{0,500}?):\d+:\d+:$)/,
    weight: 0.05,
  },
];

type Misfit = 'config' | 'update' | 'rustc-version';

// What a build script prints when it meets versions it was not written for:
const MISFIT_MESSAGES: readonly { kind: Misfit; re: RegExp }[] = [
  // serde, deserialising a config in a build script (tauri-build reading tauri.conf.json): "unknown field `useBootstrapper`,
  // expected `depends` or `files`", "unknown variant `x`, expected one of `a`, `b`": the file was written for another release
  { kind: 'config', re: /\bunknown (?:field|variant) `(?<item>[^`]{1,100})`, expected /u },
  // a build helper naming the crate that must move: tauri-build's "missing `cargo:dev` instruction, please update tauri to latest"
  { kind: 'update', re: /\bplease (?:update|upgrade) [`']?(?<other>[A-Za-z][\w-]{0,63})[`']? to (?:the )?(?:latest|newer|a newer|v?\d)/iu },
  // rustc_version's Error unwrapped in an old build script: "called `Result::unwrap()` on an `Err` value:
  // UnknownPreReleaseTag(AlphaNumeric("ni"))", "... SemVerError(...)": it cannot read this rustc's version string
  { kind: 'rustc-version', re: /^called `Result::unwrap\(\)` on an `Err` value: (?:UnknownPreReleaseTag|SemVerError)\(/u },
];

const NOT_A_CRATE = /^(?:rustc|rust|cargo|rustup|toolchain|compiler|your|the|it|this|to)$/i;

const spelling = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

/**
 * Whether serde's list of expected fields holds the unknown one in another case or separator ("devpath" for
 * `devPath`): a slip in the file, not a field of another release.
 */
function misspelt(field: string, message: string): boolean {
  const expected = message.slice(message.indexOf(', expected ')).match(/`[^`]{1,100}`/g) ?? [];
  return expected.some((name) => spelling(name.slice(1, -1)) === spelling(field));
}

/** The panic's message and where it was raised, in either of the two layouts rustc's panic hook has used. */
function panicOf(hit: PatternHit): { message: string; at: string } | undefined {
  const { _quoted: quoted, _quotedAt: quotedAt, _at: at } = hit.captures;
  if (quoted && quotedAt) return { message: quoted, at: quotedAt };
  if (at && hit.after[0]) return { message: hit.after[0], at };
  return undefined;
}

/** A dependency's build script that panicked because the versions around it do not fit, with the crate it names. */
export function buildScriptPanicFinding(hits: readonly PatternHit[]) {
  for (const hit of hits) {
    if (hit.pattern !== 'rust-panic-located') continue;
    const panic = panicOf(hit);
    if (!panic || !isDependencySource(panic.at)) continue;
    const dep = dependencyAt(panic.at);
    const misfit = MISFIT_MESSAGES.find((m) => m.re.test(panic.message));
    if (!misfit || !dep) continue;
    const groups = misfit.re.exec(panic.message)?.groups ?? {};
    // "please update rustc" is a toolchain too old (rustc-too-old's), and "please update your ..." names nothing
    if (groups.other && NOT_A_CRATE.test(groups.other)) continue;
    if (misfit.kind === 'config' && misspelt(groups.item ?? '', panic.message)) continue;
    const evidence = [{ line: hit.line, text: hit.text }, ...(panic.message === hit.captures._quoted ? [] : [{ line: hit.line + 1, text: panic.message }])];
    return { captures: storyOf(misfit.kind, groups, dep), evidence };
  }
  return null;
}

function storyOf(kind: Misfit, groups: Record<string, string | undefined>, dep: { crate: string; version?: string }) {
  const named = dep.version ? `${dep.crate} ${dep.version}` : dep.crate;
  const entity = { dependency: dep.crate, ...(dep.version ? { dependencyVersion: dep.version } : {}) };
  if (kind === 'config') {
    return {
      ...entity,
      _story:
        `The build script of ${named} reads a configuration file that has a field it does not know (\`${groups.item}\`): the file was written by another release of the tool that goes with the crate (a newer or older CLI, a template for another major version), so the crate in Cargo.lock and that tool do not fit.`,
      _fix: `Bring ${dep.crate} and the tool that wrote the configuration to the same release: update the crates (\`cargo update\`) or install the CLI release that matches them.`,
      _step: `Compare the version of ${dep.crate} in Cargo.lock with the CLI's (\`cargo tree -i ${dep.crate}\`, \`<tool> --version\` or \`<tool> info\`); update the older side, \`cargo update -p ${dep.crate}\` for the crate.`,
      _step2: 'If the configuration file came from a template or a migration for another major version, take the field names of the release you build with.',
      _command: `cargo tree -i ${dep.crate}`,
    };
  }
  if (kind === 'update') {
    const other = groups.other ?? dep.crate;
    return {
      ...entity,
      _story:
        `The build script of ${named} expects something the crate \`${other}\` provides from a given release on, and says so ("please update ${other}"): the ${other} that the build resolved is older than ${dep.crate} expects, or is not a direct dependency of this package for this target, so its build script never told ${dep.crate} what it needs.`,
      _fix: `Update ${other} to the release that goes with ${named} (\`cargo update -p ${other}\`, or raise its requirement in Cargo.toml), or keep ${dep.crate} at the release that fits your ${other}.`,
      _step: `Compare the versions of ${other} and ${dep.crate} in Cargo.lock (\`cargo tree -i ${other}\`); they are released together, so move both to the same release.`,
      _step2: `Check that ${other} is a direct dependency of the package whose build script failed, for the target being built (not only under a \`[target.'cfg(...)'.dependencies]\` that excludes it).`,
      _command: `cargo tree -i ${other}`,
    };
  }
  return {
    ...entity,
    _story:
      `The build script of ${named} reads the rustc version with an old release of rustc_version, which cannot parse the version string of this rustc (\`UnknownPreReleaseTag\` or \`SemVerError\`) and panics. The crate was released before this toolchain and does not fit it.`,
    _fix: `Update ${dep.crate} (\`cargo update -p ${dep.crate}\`, or raise its requirement where it is pinned), or build with a toolchain from the crate's time.`,
    _step: `Run \`cargo update -p ${dep.crate}\`; when another crate pins the old release (\`cargo tree -i ${dep.crate}\`), update that crate; for \`cargo install\`, try \`cargo install --locked\`.`,
    _step2: 'Or build with a stable toolchain of the crate\'s time (`cargo +1.xx.0 build`), whose version string the old parser reads.',
    _command: `cargo tree -i ${dep.crate}`,
  };
}
