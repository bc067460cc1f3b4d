// Scan-only rule: an ENV LIBCLANG_PATH naming a directory the Docker stage does not have.
// Metadata and docs only: no log line shows this cause, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'libclang-path-invalid',
  title: 'LIBCLANG_PATH names a directory the stage does not have',
  summary: 'An `ENV LIBCLANG_PATH` names a directory the Docker stage does not have.',
  category: 'container',
  reportedBy: ['scan', 'fix'],
  patterns: [],
  explanation: 'clang-sys (used by bindgen) looks in LIBCLANG_PATH first, so a directory the stage does not have is ignored at best, picks an unintended libclang, or leaves \'Unable to find libclang\' as the only hint.',
  fix: { summary: 'Point LIBCLANG_PATH at the installed LLVM version\'s lib directory, or remove it and let clang-sys search.' },
});
