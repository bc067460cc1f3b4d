// Scan-only rule: a Dockerfile that builds with Cargo.toml but without Cargo.lock.
// Metadata and docs only: no log line shows this cause, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'docker-lock-not-copied',
  title: 'cargo builds before Cargo.lock is copied into the image',
  summary: 'A Dockerfile runs `cargo build` after copying `Cargo.toml` but not the project\'s `Cargo.lock`.',
  category: 'container',
  reportedBy: ['scan', 'fix'],
  patterns: [],
  explanation: 'Without the lock file cargo resolves every dependency afresh (the newest semver-compatible versions), and with --locked or --frozen it refuses to create one and stops.',
  fix: { summary: 'Copy the lock file together with the manifest: COPY Cargo.toml Cargo.lock ./' },
});
