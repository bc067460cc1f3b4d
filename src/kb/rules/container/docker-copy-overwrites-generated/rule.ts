// Scan-only rule: a Dockerfile COPY that replaces a file an earlier RUN generated.
// Metadata and docs only: no log line shows this cause, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'docker-copy-overwrites-generated',
  title: 'A COPY replaces a file an earlier RUN generated',
  summary: 'A `COPY` after a `RUN` that generated a file (such as `cargo generate-lockfile` writing `Cargo.lock`) replaces that file with the build context\'s copy.',
  category: 'container',
  reportedBy: ['scan'],
  patterns: [],
  explanation: 'COPY overwrites what is in the image, so copying the project after a RUN generated a file (Cargo.lock) undoes the generation whenever the build context holds an older copy.',
  fix: { summary: 'Generate the file outside Docker and commit it, or copy the context first and generate afterwards.' },
});
