// Wheel-only rule: metadata-mismatch, a problem the wheel audit (src/wheel/audit.ts) reports from a built wheel.
// Metadata and docs only: no build log shows it, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'metadata-mismatch',
  title: 'The wheel\'s file name disagrees with its metadata',
  summary: 'A wheel\'s file name disagrees with its METADATA name or version, or with the Tag lines of its WHEEL file.',
  category: 'packaging',
  reportedBy: ['wheel'],
  patterns: [],
  explanation: 'The file name is what pip and PyPI select a wheel by; METADATA and WHEEL are what the installed package says it is. When they disagree, pip installs a version other than the one it resolved, or installs a wheel on interpreters its WHEEL file says it does not support; PyPI rejects uploads whose metadata does not match the file name.',
  fix: { summary: 'Rebuild instead of renaming; to change tags use `wheel tags`, which rewrites both the file name and WHEEL.' },
});
