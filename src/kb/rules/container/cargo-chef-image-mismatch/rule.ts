// Scan-only rule: cargo-chef's planner, cook and build stages on different Rust images.
// Metadata and docs only: no log line shows this cause, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'cargo-chef-image-mismatch',
  title: 'cargo-chef stages use different Rust images',
  summary: 'The planner, cook and build stages of a cargo-chef Dockerfile run on different Rust toolchains, so the cooked dependency cache does not fit the final build.',
  category: 'container',
  reportedBy: ['scan', 'fix'],
  patterns: [],
  explanation: 'cargo fingerprints every compiled crate with the rustc version and target, so dependencies cooked by one toolchain are stale for another: the build stage recompiles them all, or builds for another target.',
  fix: { summary: 'Build every cargo-chef stage FROM one shared stage, or pin the same Rust version and libc in every FROM.' },
});
