// Wheels-only rule: a Python dependency with no wheel for the deploy target's CPython and platform.
// Metadata and docs only: no log line shows this cause, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'python-wheel-missing',
  title: 'A Python dependency has no wheel for the deploy target',
  summary: 'A Python dependency has no wheel for the deploy target\'s CPython and platform, so pip builds it from its sdist there (or cannot install it at all).',
  category: 'packaging',
  reportedBy: ['wheels', 'scan'],
  patterns: [],
  explanation: 'The pinned release publishes no wheel for the deploy target\'s CPython version and platform (a newer Python, musl, an older glibc, sdist only), so pip builds it from source there or cannot install it.',
  fix: { summary: 'Bump to a release with a wheel for the target (buildmedic wheels names it), pin a Python version the locked releases have wheels for, or add what the build needs to the image.' },
});
