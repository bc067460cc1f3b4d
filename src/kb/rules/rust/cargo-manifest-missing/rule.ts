// cargo-manifest-missing: cargo (or maturin/setuptools-rust) was run where there is no Cargo.toml.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'cargo-manifest-missing',
  title: 'Cargo.toml was not found',
  summary: 'Cargo was run in a directory that has no Cargo.toml, or a manifest path points at a file that does not exist.',
  category: 'rust',
  captures: {
    manifest: { type: 'path', doc: 'the Cargo.toml that was not found', optional: true },
    dir: { type: 'path', doc: 'the directory that has no Cargo.toml', optional: true },
    member: { type: 'path', doc: 'the workspace member that has none', optional: true },
  },
  internal: ['where'],
  contextAfter: 3,
  patterns: [
    {
      id: 'could-not-find-cargo-toml',
      // cargo (all versions): "error: could not find `Cargo.toml` in `/app` or any parent directory"
      source: 'cargo',
      literals: ['could not find `Cargo.toml`', "could not find 'Cargo.toml'"],
      re: /could not find [`']Cargo\.toml[`'] in [`'](?<dir>[^`']*)[`'] or any parent directory/,
      weight: 0.95,
    },
    {
      id: 'manifest-path-missing',
      // cargo: "error: manifest path `native/Cargo.toml` does not exist"
      source: 'cargo',
      literals: ['does not exist'],
      re: /^error: manifest path [`'](?<manifest>[^`']*Cargo\.toml)[`'] does not exist/,
      weight: 0.95,
    },
    {
      id: 'maturin-cant-find-cargo-toml',
      // maturin 0.1x+: "💥 maturin failed\n  Caused by: Can't find Cargo.toml (in /io)" (older: "Can't find
      // /io/Cargo.toml"), and "Caused by: Can't find Cargo.toml at /io/Cargo.toml"
      source: 'maturin',
      literals: ["Can't find Cargo.toml", "Can't find /", "Can't find C:"],
      re: /Can't find (?:Cargo\.toml|(?<manifest>\S*[\\/]Cargo\.toml))\b/,
      weight: 0.9,
    },
    {
      id: 'maturin-normalize-manifest-path',
      // maturin 1.x: "Caused by: failed to normalize manifest path `pkg\Cargo.toml`" then "Caused by: No such file or
      // directory (os error 2)" (refine requires the os error 2)
      source: 'maturin 1.x',
      literals: ['failed to normalize manifest path'],
      re: /failed to normalize manifest path [`'](?<manifest>[^`']*Cargo\.toml)[`']/,
      weight: 0.9,
    },
    {
      id: 'failed-to-read-manifest',
      // cargo: "error: failed to read `/app/crates/foo/Cargo.toml`" followed by "Caused by: No such file or directory
      // (os error 2)"; also "failed to load manifest for workspace member `/app/crates/foo`" above it. Refine
      // requires the os error 2 after it (other read errors are permissions or I/O).
      source: 'cargo',
      literals: ['failed to read `', "failed to read '"],
      re: /^(?:error: )?failed to read [`'](?<manifest>[^`']*Cargo\.toml)[`']/,
      weight: 0.9,
    },
    {
      id: 'workspace-member-manifest',
      // cargo: "error: failed to load manifest for workspace member `/app/crates/foo`"
      source: 'cargo',
      literals: ['failed to load manifest for workspace member'],
      re: /failed to load manifest for workspace member [`'](?<member>[^`']+)[`']/,
      weight: 0.4,
    },
  ],
  refine: (ctx) => {
    // "failed to read"/"failed to normalize" count only when the file is absent (os error 2), not for permissions.
    const needsEnoent = new Set(['failed-to-read-manifest', 'maturin-normalize-manifest-path']);
    const hits = ctx.hits.filter((h) => !needsEnoent.has(h.pattern) || h.after.slice(0, 3).some((l) => /No such file or directory|os error 2\b|cannot find the (?:file|path) specified/i.test(l)));
    if (!hits.some((h) => h.weight >= 0.5)) return null;
    const where = ctx.captures.dir ?? ctx.captures.manifest ?? ctx.captures.member;
    const captures: Record<string, string> = where ? { where } : {};
    return { captures, evidence: hits.map((h) => ({ line: h.line, text: h.text })) };
  },
  explanation:
    'Cargo looked for a manifest and found none at {{where|the path it was given}}. cargo searches the current ' +
    'directory and its parents for Cargo.toml, so this happens when the command runs in the wrong directory (a ' +
    'Dockerfile `WORKDIR` or CI `working-directory` that is not the crate root, a Rust crate kept in a subfolder), when ' +
    'Cargo.toml was not copied into the Docker build context (.dockerignore, a `COPY` of only src/), or when a ' +
    'workspace `members` entry or `--manifest-path` names a directory without a Cargo.toml.',
  fix: {
    summary: 'Run cargo from the crate root, or pass --manifest-path to the crate\'s Cargo.toml (and make sure the file is copied).',
    steps: [
      'Change into the directory that contains Cargo.toml (`cd <crate dir>`), or use `cargo build --manifest-path <crate dir>/Cargo.toml`.',
      'In Docker, `COPY Cargo.toml Cargo.lock ./` (and check .dockerignore) before running cargo, and set `WORKDIR` to the crate root.',
      'For maturin/setuptools-rust, point `manifest-path` (pyproject.toml `[tool.maturin]`) or `RustExtension("pkg", path="<dir>/Cargo.toml")` at the crate.',
      'For a workspace, fix or remove the `members` entry that has no Cargo.toml.',
    ],
    commands: ['cargo build --manifest-path <crate dir>/Cargo.toml'],
  },
});
