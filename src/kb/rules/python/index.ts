// Rules about Python builds: pip, maturin, wheels, interpreters and manylinux containers.

import type { Rule } from '../../rule.js';
import manylinuxContainerBuildFailure from './manylinux-container-build-failure/rule.js';
import pyo3PythonVersionUnsupported from './pyo3-python-version-unsupported/rule.js';
import pythonBuildDependencyMissing from './python-build-dependency-missing/rule.js';
import pythonInterpreterNotFound from './python-interpreter-not-found/rule.js';
import pythonVersionUnsupported from './python-version-unsupported/rule.js';
import pythonWheelMissing from './python-wheel-missing/rule.js';
import corruptWheel from './corrupt-wheel/rule.js';
import unsafeArchive from './unsafe-archive/rule.js';
import badFileName from './bad-file-name/rule.js';
import metadataMismatch from './metadata-mismatch/rule.js';
import policyNotMet from './policy-not-met/rule.js';
import externalLibraries from './external-libraries/rule.js';
import archMismatch from './arch-mismatch/rule.js';
import abi3FilenameMismatch from './abi3-filename-mismatch/rule.js';
import binaryInPureWheel from './binary-in-pure-wheel/rule.js';
import unreadableBinary from './unreadable-binary/rule.js';
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
  // Reported by the wheel audit from built wheels only (no log patterns).
  corruptWheel,
  unsafeArchive,
  badFileName,
  metadataMismatch,
  policyNotMet,
  externalLibraries,
  archMismatch,
  abi3FilenameMismatch,
  binaryInPureWheel,
  unreadableBinary,
];

export default rules;
