// Scan-only rule: a Docker build stage whose crates run make, without make.
// Metadata and docs only: diagnose names a missing make from the log as build-tool-missing.

import { defineRule } from '../../../core/rule.js';

export default defineRule({
  id: 'make-missing',
  title: 'make missing in a Docker build stage',
  summary: 'A Docker build stage compiles crates whose build scripts run `make`, and the stage has no `make`.',
  category: 'container',
  reportedBy: ['scan', 'fix'],
  patterns: [],
  explanation: 'A build script runs make (openssl-src, tikv-jemalloc-sys) and the stage\'s base image (slim, Alpine) does not ship it, while no install line before the build adds it.',
  fix: { summary: 'Install make (build-essential on Debian/Ubuntu, build-base on Alpine) in the stage before the build.' },
});
