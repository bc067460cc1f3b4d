// Wheel-only rule: corrupt-wheel, a problem the wheel audit (src/wheel/audit.ts) reports from a built wheel.
// Metadata and docs only: no build log shows it, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'corrupt-wheel',
  title: 'The wheel\'s archive or .dist-info is incomplete',
  summary: 'A wheel is empty, has no or several `.dist-info` directories, lacks WHEEL, METADATA or RECORD, or has a RECORD that does not match its files.',
  category: 'packaging',
  reportedBy: ['wheel'],
  patterns: [],
  explanation: 'The archive is not a complete wheel. An installer reads `<name>-<version>.dist-info/WHEEL` to learn how to install it, METADATA for the name, version and dependencies, and RECORD for the list of files with their sha256 hashes and sizes; `buildmedic wheel` checks each RECORD row against the archive (hash, size, missing and unlisted files).',
  fix: { summary: 'Rebuild the wheel from a clean build directory with its backend (`python -m build --wheel`, `pip wheel`, `maturin build`). After editing a built wheel, rewrite RECORD: `wheel unpack`, edit, `wheel pack`, or let `auditwheel repair` do it.' },
});
