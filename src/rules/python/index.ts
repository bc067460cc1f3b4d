// Rules about Python builds: pip, maturin, wheels, interpreters and manylinux containers.

import type { Rule } from '../../core/rule.js';
import manylinuxContainerBuildFailure from './manylinux-container-build-failure/rule.js';
import pyo3PythonVersionUnsupported from './pyo3-python-version-unsupported/rule.js';
import pythonBuildDependencyMissing from './python-build-dependency-missing/rule.js';
import pythonInterpreterNotFound from './python-interpreter-not-found/rule.js';
import pythonVersionUnsupported from './python-version-unsupported/rule.js';
import pythonWheelMissing from './python-wheel-missing/rule.js';
import sdistFallbackNeedsRust from './sdist-fallback-needs-rust/rule.js';
import wheelNotSupported from './wheel-not-supported/rule.js';
import wheelSymbolsTooRecent from './wheel-symbols-too-recent/rule.js';
import wheelPlatformTagRejected from './wheel-platform-tag-rejected/rule.js';

const rules: Rule[] = [
  wheelPlatformTagRejected,
  wheelSymbolsTooRecent,
  wheelNotSupported,
  pyo3PythonVersionUnsupported,
  pythonInterpreterNotFound,
  pythonBuildDependencyMissing,
  sdistFallbackNeedsRust,
  manylinuxContainerBuildFailure,
  pythonVersionUnsupported,
  // Reported by wheels (and scan) from lock files only (no log patterns).
  pythonWheelMissing,
];

export default rules;
