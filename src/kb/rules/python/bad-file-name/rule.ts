// Wheel-only rule: bad-file-name, a problem the wheel audit (src/wheel/audit.ts) reports from a built wheel.
// Metadata and docs only: no build log shows it, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'bad-file-name',
  title: 'The wheel\'s file name does not follow the wheel naming convention',
  summary: 'A wheel\'s file name does not follow `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`, so pip will not install it.',
  category: 'packaging',
  reportedBy: ['wheel'],
  patterns: [],
  explanation: 'pip, uv and PyPI take a wheel\'s name, version and compatibility tags from its file name alone. A name with too few or too many dash-separated parts, or parts that are not valid tags, is not a wheel to them.',
  fix: { summary: 'Keep the name the build backend gave the wheel. To change tags, use `wheel tags` (it renames the file and rewrites WHEEL consistently) rather than renaming.' },
});
