// Wheel-only rule: policy-not-met, a problem the wheel audit (src/wheel/audit.ts) reports from a built wheel.
// Metadata and docs only: no build log shows it, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'policy-not-met',
  title: 'A compiled object does not satisfy the platform tag the wheel claims',
  summary: 'A wheel claims a manylinux, musllinux or macOS tag that one of its compiled objects does not satisfy.',
  category: 'packaging',
  reportedBy: ['wheel'],
  patterns: [],
  explanation: 'A `manylinux_2_17` tag promises that the wheel runs on any Linux with glibc 2.17 or newer; a `macosx_10_12` tag promises macOS 10.12. `buildmedic wheel` reads every ELF object\'s needed symbol versions (`GLIBC_2.25`, `GLIBCXX_3.4.29`), its needed libraries and blacklisted symbols, and every Mach-O file\'s minimum macOS, and names the oldest policy each object really satisfies, with the requirements that pin it (blame).',
  fix: { summary: 'Build inside the manylinux image of the policy you claim (cibuildwheel does this) and run `auditwheel repair`; with maturin, `--compatibility <policy>` refuses to tag what the objects do not satisfy and `--zig` links against an old glibc from any host. Or tag the wheel with the policy shown (a newer policy excludes older distributions). On macOS, set `MACOSX_DEPLOYMENT_TARGET` to the tag\'s version before building.' },
});
