// Wheel-only rule: external-libraries, a problem the wheel audit (src/wheel/audit.ts) reports from a built wheel.
// Metadata and docs only: no build log shows it, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'external-libraries',
  title: 'The wheel needs shared libraries it does not carry',
  summary: 'A wheel\'s compiled objects need shared libraries that no manylinux policy allows and the wheel does not carry.',
  category: 'packaging',
  reportedBy: ['wheel'],
  patterns: [],
  explanation: 'A manylinux policy lists the few system libraries a wheel may expect on every distribution (libc, libm, libpthread, libz, ...). Any other `DT_NEEDED` library must be inside the wheel, where the object\'s RPATH finds it, or users without that library installed get `ImportError: ... cannot open shared object file`.',
  fix: { summary: 'Run `auditwheel repair` on the wheel (cibuildwheel does by default): it copies the libraries into the wheel and points the RPATH there. Or link the library statically, or build it vendored (for example the `vendored` feature of the openssl crate).' },
});
