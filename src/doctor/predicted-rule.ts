// Pure: the rule id of the build failure a doctor row predicts, so doctor, diagnose and scan name a cause alike.

import type { CheckStatus } from './checks/evaluate.js';
import { COMPONENTS, type ComponentId } from '../kb/components.js';
import type { Constraint } from './needs.js';

/**
 * A missing, unwritable or too small component fails the build the way its kb row's rule describes. A version out
 * of range has rules of its own where one exists; a row that is ok, or that doctor could not settle (unknown), and a
 * version no rule covers (a requires-python range pip enforces before any build) carry none.
 */
export function predictedRule(component: ComponentId, status: CheckStatus, constraints: readonly Pick<Constraint, 'from'>[]): string | null {
  switch (status) {
    case 'ok':
    case 'unknown':
      return null;
    case 'too-old':
    case 'too-new':
      if (component === 'rustc' || component === 'cargo') return status === 'too-old' ? 'rustc-too-old' : 'rust-toolchain-missing';
      if (component === 'cmake' && status === 'too-old') return 'cmake-too-old';
      // Only when PyO3 is all that bounds the version: a requires-python range or a
      // pinned version out of range has no rule of its own.
      if (component === 'python' && constraints.length > 0 && constraints.every((c) => c.from.startsWith('pyo3'))) return 'pyo3-python-version-unsupported';
      return null;
    default:
      return COMPONENTS[component].rule ?? null;
  }
}
