// cargo-home-readonly: cargo cannot write to CARGO_HOME (registry index/cache, git checkouts, package-cache lock).

import { defineRule } from '../../../rule.js';

// Paths inside CARGO_HOME that cargo writes while fetching: registry/{index,cache,src}, git/{db,checkouts},
// the .package-cache lock, .crates.toml/.crates2.json of cargo install, .global-cache (cargo 1.78+).
const CARGO_HOME_PATH = /[\\/](?:registry[\\/](?:index|cache|src)|git[\\/](?:db|checkouts))(?:[\\/`'"]|$)|[\\/]\.(?:package-cache|crates\.toml|crates2\.json|global-cache)\b|[\\/]\.cargo(?:[\\/`'"]|$)/;
// The OS errors that mean "not writable" (Linux/macOS, Windows); not ENOSPC (disk-full) or ENOENT.
const NOT_WRITABLE = /Read-only file system|Permission denied|Operation not permitted|Access is denied|os error (?:30|13|1|5)\)|EROFS|EACCES|EPERM/;

export default defineRule({
  id: 'cargo-home-readonly',
  title: 'Cargo cannot write to its home directory (CARGO_HOME)',
  summary: 'Cargo could not write to CARGO_HOME, where it keeps the registry index, downloaded crates and git checkouts.',
  category: 'resources',
  captures: {
    path: { type: 'path', doc: 'the file under CARGO_HOME that could not be written' },
    cargoHome: { type: 'path', doc: 'the CARGO_HOME directory' },
    reason: { type: 'string', doc: 'why it could not be written' },
  },
  internal: ['path2', 'package'],
  // A CARGO_HOME write failure is also an EACCES/EROFS line; its own fix (CARGO_HOME, wheels) is the useful one.
  explains: ['permission-denied'],
  contextAfter: 4,
  patterns: [
    {
      id: 'cargo-home-create-dir',
      // cargo: "failed to create directory `/usr/local/cargo/registry/cache/index.crates.io-6f17d22bba15001f`" then
      // "Caused by:" + "Permission denied (os error 13)" / "Read-only file system (os error 30)" (refine checks)
      source: 'cargo',
      literals: ['failed to create directory'],
      re: /failed to create directory [`'"](?<path>[^`'"]+)[`'"]/,
      weight: 0.93,
    },
    {
      id: 'cargo-home-open',
      // cargo: "failed to open: /usr/local/cargo/.package-cache" (the lock taken before any download) or
      // "failed to open: /cargo-home/registry/cache/.../fake-simd-0.1.0.crate", then the OS error (refine checks)
      source: 'cargo',
      literals: ['failed to open: ', 'failed to open `'],
      re: /failed to open(?:: |[`'"])(?<path>[^`'"\s]+)/,
      weight: 0.93,
    },
    {
      id: 'cargo-home-cache-write-warning',
      // cargo 1.7x+ warning that carries the OS error on the same line (cargo goes on without the cache): "warning: failed to
      // write cache, path: /x/registry/index/.../.cache/an/yh/anyhow, error: Read-only file system (os error 30)"
      source: 'cargo',
      literals: ['failed to write cache, path:'],
      re: /failed to write cache, path: (?<path>[^,\s]+), error: (?:Read-only file system|Permission denied|Operation not permitted|Access is denied)/,
      weight: 0.9,
      severity: 'warning',
    },
    {
      id: 'cargo-home-write-inline',
      // libgit2 errors that carry the OS error on the same line: "failed to create temporary file
      // '/home/u/.cargo/registry/index/.../pack_git2_...': Permission denied; class=Os (2)"
      source: 'libgit2 (through cargo)',
      literals: ['failed to create temporary file'],
      re: /failed to create temporary file '(?<path2>[^']+)': (?:Read-only file system|Permission denied|Operation not permitted|Access is denied)/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const kept = ctx.hits.filter((h) => {
      const path = h.captures.path ?? h.captures.path2 ?? '';
      if (!CARGO_HOME_PATH.test(path)) return false;
      // target/ and the project's own files are another problem (permissions on the checkout, disk full).
      if (/[\\/]target[\\/]/.test(path)) return false;
      if (h.pattern === 'cargo-home-write-inline' || h.pattern === 'cargo-home-cache-write-warning') return true;
      const next = h.after.filter((l) => l !== '' && l !== 'Caused by:').slice(0, 2).join('\n');
      return NOT_WRITABLE.test(next) || NOT_WRITABLE.test(h.text);
    });
    if (kept.length === 0) return null;
    const all = [...kept.map((h) => h.text), ...kept.flatMap((h) => h.after)].join('\n');
    const reason = /Read-only file system|os error 30|EROFS/.test(all) ? 'the file system is mounted read-only' : 'the build user has no write permission there';
    const path = kept[0].captures.path ?? kept[0].captures.path2 ?? '';
    const home = /^(?<home>.*?)[\\/](?:registry|git)[\\/]/.exec(path)?.groups?.home ?? /^(?<home>.*?)[\\/]\.(?:package-cache|crates\.toml|crates2\.json|global-cache)\b/.exec(path)?.groups?.home ?? path;
    return {
      captures: { path, cargoHome: home, reason },
      evidence: kept.map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'Cargo stores the crates.io index, downloaded .crate files, unpacked sources and git dependencies under CARGO_HOME ' +
    '({{cargoHome|~/.cargo}}), and it could not write `{{path}}` because {{reason|the directory is not writable}}. ' +
    'This is typical of PaaS builders (Render, Railway, Heroku, Vercel) and read-only or non-root containers: the Rust ' +
    'toolchain is preinstalled in a root-owned or read-only /usr/local/cargo, and the build (often pip compiling a Rust ' +
    'sdist such as cryptography, argon2-cffi, pydantic-core, orjson) runs as another user or on a read-only image layer.',
  fix: {
    summary: 'Point CARGO_HOME at a writable directory (or install a binary wheel so nothing is compiled).',
    steps: [
      'Set CARGO_HOME to a writable directory for the build, e.g. `export CARGO_HOME="$HOME/.cargo"` or `CARGO_HOME=/tmp/cargo` (keep the toolchain on PATH: `export PATH="{{cargoHome|/usr/local/cargo}}/bin:$PATH"`).',
      'If pip is compiling a Rust package only because no wheel matched, install a binary wheel instead: `pip install --only-binary :all: <package>` (upgrade pip first).',
      'Run `buildmedic wheels` in the project to see every package that has no wheel for your deploy target (not just {{package|this one}}), with the newest release that has one; `buildmedic wheels --fix` offers the version bump, Python pin or `PIP_ONLY_BINARY` setting.',
      'In Docker, run the build as the user that owns CARGO_HOME, or `chown -R` it before switching `USER`; do not mount it read-only unless all crates were fetched beforehand (`cargo fetch`, `cargo vendor`).',
    ],
    commands: ['export CARGO_HOME="$HOME/.cargo"', 'pip install --upgrade pip && pip install --only-binary :all: <package>'],
    platformCommands: {
      linux: ['mkdir -p /tmp/cargo-home && export CARGO_HOME=/tmp/cargo-home'],
      windows: ['set CARGO_HOME=%USERPROFILE%\\.cargo'],
    },
  },
});
