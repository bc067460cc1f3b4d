// Wheel-only rule: binary-in-pure-wheel, a problem the wheel audit (src/wheel/audit.ts) reports from a built wheel.
// Metadata and docs only: no build log shows it, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'binary-in-pure-wheel',
  title: 'A pure-Python wheel carries compiled objects',
  summary: 'A wheel tagged as pure Python, or with `Root-Is-Purelib: true`, carries compiled objects.',
  category: 'packaging',
  reportedBy: ['wheel'],
  patterns: [],
  explanation: 'A `py3-none-any` wheel is installed on every platform, so the shared libraries, Mach-O files or DLLs in it are installed where they cannot load. `Root-Is-Purelib: true` also puts them in purelib, which some distributions keep apart from platform-specific files.',
  fix: { summary: 'Declare the extension to the build backend (setuptools `ext_modules`, setuptools-rust `rust_extensions`, maturin) so the wheel gets a platform tag and `Root-Is-Purelib: false`. For a prebuilt helper binary, make `bdist_wheel` non-pure (`root_is_pure = False`) or ship per-platform wheels.' },
});
