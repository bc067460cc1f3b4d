// rust-code-error: rustc rejects the project's own Rust code (an error whose location is not a dependency's source).

import { defineRule } from '../../../rule.js';
import { isDependencySource } from '../dependency-source.js';

// Code that is not the project's: a dependency's source, rustup's standard library sources, anything under a CARGO_HOME.
const NOT_PROJECT_SOURCE = /[\\/]rustlib[\\/]src[\\/]|[\\/]\.cargo[\\/]/;
const notProjectCode = (file: string) => isDependencySource(file) || NOT_PROJECT_SOURCE.test(file);

// Errors rustc reports at a location in the project's code whose cause is outside that code: a file that include!/
// include_str! reads is missing (often one a build script was to write to OUT_DIR), a proc macro panicked while it ran
// (it reads environment variables, files, a database), or a crate that cargo passed no --extern for, or whose
// compiled form rustc cannot load (E0463: a target's std, a build tool's or cache's bug). In every sample so far such
// errors were not the project's code to fix.
const NOT_A_CODE_ERROR = /^(?:couldn't read |proc macro panicked|can't find crate for )/;

export default defineRule({
  id: 'rust-code-error',
  title: 'The project\'s Rust code does not compile',
  summary: 'The compiler rejected the project\'s own Rust source code with a compile error.',
  category: 'code',
  captures: {
    code: { type: 'string', doc: 'the first rustc error code (`E0277`)', optional: true },
    codes: { type: 'string[]', doc: 'every rustc error code of the project\'s own errors', optional: true },
    message: { type: 'string', doc: 'the first error message' },
    file: { type: 'path', doc: 'the project file of the first error' },
    line: { type: 'integer', doc: 'the line of that error' },
  },
  internal: ['codeNote'],
  contextAfter: 3,
  patterns: [
    {
      id: 'rustc-error-code',
      // rustc (all versions): "error[E0308]: mismatched types" followed by " --> src/main.rs:8:5"
      source: 'rustc',
      literals: ['error[E'],
      re: /^error\[(?<code>E\d{4})\]: (?<message>.+)/,
      weight: 0.7,
    },
    {
      id: 'rustc-error-no-code',
      // rustc errors without a code, still located in a file: parse errors ("error: expected one of `,` or `}`, found
      // `;`", "error: this file contains an unclosed delimiter"), "error: cannot find macro `foo` in this scope", and
      // every lint a `#![deny(warnings)]` or `-D warnings` turns into an error ("error: unused variable: `x`", "error:
      // panic message is not a string literal"); refine requires the " --> file.rs" line right after them, which only
      // rustc prints, and that the file is the project's own
      source: 'rustc',
      literals: ['error: '],
      // (not cargo's own summaries, nor setuptools' "error: command 'cl.exe' failed: ...", the program-not-found signal's)
      re: /^error: (?<message>(?!aborting due to|could not compile|Could not compile|command ')\S.*)/,
      weight: 0.6,
    },
    {
      id: 'rustc-format-string-error',
      // rustc's format_args! checks (no error code): "error: 1 positional argument in format string, but no arguments
      // were given", "error: 2 positional arguments in format string, but there is 1 argument", "error: invalid format
      // string: expected `}`, found `a`" (refine requires the " --> file" line after them)
      source: 'rustc',
      literals: ['in format string, but ', 'error: invalid format string: '],
      re: /^error: (?<message>\d+ positional arguments? in format string, but .+|invalid format string: .+)/,
      weight: 0.6,
    },
    {
      id: 'cargo-install-failed-to-compile',
      // cargo install: "error: failed to compile `repo-cli v0.1.2`, intermediate artifacts can be found at ..."; names
      // the crate being installed, whose own source sits in the registry (support only: refine reads it)
      source: 'cargo install',
      literals: ['error: failed to compile '],
      re: /^error: failed to compile [`'](?<_installed>[\w-]+) v(?<_installedVersion>\d[\w.+-]*)[`']/,
      weight: 0.2,
    },
  ],
  refine: (ctx) => {
    // Only errors that rustc locates in a file, and that file is not a dependency's source. The lines after a hit
    // are raw (a CI timestamp or BuildKit prefix may precede the arrow), so the arrow is not anchored.
    const located = ctx.hits
      .map((h) => ({ h, loc: h.after.slice(0, 2).map((l) => /(?:^|\s)-->\s*(?<file>(?:[A-Za-z]:)?[^:\s][^:]*?\.rs):(?<lineNo>\d+)/.exec(l)?.groups).find(Boolean) }))
      .filter((x): x is { h: (typeof ctx.hits)[number]; loc: { file: string; lineNo: string } } => !!x.loc && !NOT_A_CODE_ERROR.test(x.h.captures.message ?? ''));
    if (located.length === 0) return null;
    // `cargo install <crate>` builds the crate from the registry: its own files there are the code that failed, a
    // dependency's files (another name-version directory) are not.
    const installed = ctx.hits.find((h) => h.pattern === 'cargo-install-failed-to-compile')?.captures;
    const installedDir = installed ? `${installed._installed}-${installed._installedVersion}` : undefined;
    const isInstalledCrate = (file: string) => installedDir !== undefined && file.split(/[\\/]/).includes(installedDir);
    if (located.some((x) => notProjectCode(x.loc.file) && !isInstalledCrate(x.loc.file))) return null;
    // Build scripts of dependencies and generated code (OUT_DIR) are not the project's own code either.
    const own = located.filter((x) => !/[\\/]target[\\/][^\\/]+[\\/](?:build|debug[\\/]build|release[\\/]build)[\\/]/.test(x.loc.file));
    if (own.length === 0) return null;
    const first = own[0];
    const codes = [...new Set(own.map((x) => x.h.captures.code).filter(Boolean))];
    return {
      confidence: own.some((x) => x.h.pattern === 'rustc-error-code') ? 0.7 : 0.6,
      captures: {
        file: first.loc.file,
        line: first.loc.lineNo,
        message: first.h.captures.message ?? '',
        ...(first.h.captures.code ? { code: first.h.captures.code, codeNote: `, error ${first.h.captures.code}` } : {}),
        ...(codes.length ? { codes } : {}),
      },
      evidence: own.slice(0, 6).flatMap((x) => [{ line: x.h.line, text: x.h.text }]),
    };
  },
  explanation:
    'The toolchain and dependencies are fine; rustc rejected the project\'s own code: {{message|a compile error}} ' +
    '(`{{file|src}}:{{line|?}}`{{codeNote|}}). Fix the code at that location; `rustc --explain {{code|E0000}}` describes ' +
    'the error. If the code compiled before, a dependency update (a new major version in Cargo.lock) or a newer compiler ' +
    'with stricter checks may have changed what is accepted.',
  fix: {
    summary: 'Fix the Rust compile error at {{file|the reported file}}:{{line|?}}.',
    steps: [
      'Open {{file|the file}} at line {{line|?}} and fix the error rustc reports (run `cargo check` locally for the full message).',
      'If it compiled before and only CI fails, compare Cargo.lock and the rustc version between the two (`cargo tree -d` shows duplicate dependency versions).',
      'If the failing file belongs to a crate you `cargo install`, that release itself does not compile here: try `cargo install <crate> --locked` (the versions its authors tested), another release (`--version`), or report it to its authors.',
    ],
    commands: ['cargo check', 'rustc --explain {{code|E0308}}'],
  },
});
