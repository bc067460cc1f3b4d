// lockfile-outdated-locked: cargo was told not to touch Cargo.lock (--locked/--frozen), but it is out of date.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'lockfile-outdated-locked',
  title: 'Cargo.lock is out of date and --locked/--frozen forbids updating it',
  summary: 'Cargo.lock no longer matches Cargo.toml, and --locked or --frozen stops cargo from updating it.',
  category: 'rust',
  captures: {
    lockfile: { type: 'path', doc: 'the Cargo.lock that needs updating', optional: true },
    flag: { type: 'string', doc: 'the cargo flag that forbids updating it (`--locked`, `--frozen`)' },
    action: { type: 'string', doc: 'what cargo would have done to the lock file', optional: true },
  },
  patterns: [
    {
      id: 'cannot-update-lockfile',
      // cargo 1.80+: "error: cannot update the lock file /src/Cargo.lock because --locked was passed to prevent this"
      // (also "--frozen"), and "cannot create the lock file ... because --locked was passed" when it is missing
      source: 'cargo 1.80+',
      literals: ['was passed to prevent this'],
      re: /^error: cannot (?<action>update|create) the lock file (?<lockfile>.*?) because (?<flag>--locked|--frozen|--offline) was passed to prevent this/,
      weight: 0.97,
    },
    {
      id: 'lockfile-needs-update',
      // cargo 1.2x-1.79: "error: the lock file /src/Cargo.lock needs to be updated but --locked was passed to prevent
      // this"; older cargo omits the path: "error: the lock file needs to be updated but --frozen was passed to ..."
      source: 'cargo <= 1.79',
      literals: ['needs to be updated but'],
      re: /^(?:error: )?the lock file (?:(?<lockfile>\S+) )?needs to be updated but (?<flag>--locked|--frozen|--offline) was passed to prevent this/,
      weight: 0.97,
    },
  ],
  explanation:
    'The build ran cargo with {{flag|--locked}}, which requires Cargo.lock ({{lockfile|in the workspace root}}) to be ' +
    'complete and current. It is not: a dependency or feature was added to or changed in Cargo.toml (or a workspace ' +
    'member was added) without committing the regenerated Cargo.lock, or the lock file was written by a different ' +
    'cargo version. CI and Docker builds (`cargo install --locked`, `cargo build --locked`, Nix `cargoLock`) use the ' +
    'flag on purpose so that builds are reproducible.',
  fix: {
    summary: 'Regenerate Cargo.lock (cargo generate-lockfile or a plain cargo build) and commit it.',
    steps: [
      'Run `cargo update --workspace` (or just `cargo build` without --locked) locally so cargo rewrites Cargo.lock, then commit Cargo.lock.',
      'Make sure the Dockerfile copies Cargo.lock together with Cargo.toml before building.',
      'With `cargo install --locked <crate>`, the published lock file is stale: drop --locked or install an older/newer release of the crate.',
    ],
    commands: ['cargo update --workspace', 'git add Cargo.lock && git commit -m "Update Cargo.lock"'],
  },
});
