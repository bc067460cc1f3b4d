// Wheel-only rule: abi3-filename-mismatch, a problem the wheel audit (src/wheel/audit.ts) reports from a built wheel.
// Metadata and docs only: no build log shows it, so diagnose never reports it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'abi3-filename-mismatch',
  title: 'An abi3 wheel\'s extension module is named for one interpreter',
  summary: 'A wheel tagged abi3 carries an extension module named for one CPython version, so other versions do not find it.',
  category: 'packaging',
  reportedBy: ['wheel'],
  patterns: [],
  explanation: 'An `abi3` wheel is installed on every CPython 3 from its minimum version on. CPython finds an extension module by file name suffix: `*.abi3.so` (or plain `*.so`) is loaded by every version, but `*.cpython-311-*.so` only by 3.11. The other versions install the wheel and then fail with `ModuleNotFoundError`.',
  fix: { summary: 'Build for the limited API: setuptools `Extension(..., py_limited_api=True)` with `Py_LIMITED_API` defined and `[bdist_wheel] py_limited_api = cp38`; PyO3 with the `abi3-py38` feature (maturin then names the module `*.abi3.so`). Or drop the abi3 tag and build one wheel per Python version.' },
});
