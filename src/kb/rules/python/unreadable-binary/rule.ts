// Wheel-only rule: unreadable-binary, a problem the wheel audit (src/wheel/audit.ts) reports from a built wheel.
// Metadata and docs only: no build log shows it, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'unreadable-binary',
  title: 'A shared library in the wheel is not a valid ELF object',
  summary: 'A file in a wheel named like a shared library is not a valid ELF object, or its ELF headers point outside the file.',
  category: 'packaging',
  reportedBy: ['wheel'],
  patterns: [],
  explanation: '`buildmedic wheel` parses every `.so` in the wheel to judge its policy. A file that is not ELF, or whose headers point outside it, cannot be loaded by the dynamic loader either: importing the module fails.',
  fix: { summary: 'Check how the file got into the wheel; rebuild it, or fetch the real binary (`git lfs pull`) before building.' },
});
