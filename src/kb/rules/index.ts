// The knowledge base: every rule, by group. The kb-integrity test fails when a rule folder is not listed here.

import type { Rule } from '../rule.js';
import container from './container/index.js';
import environment from './environment/index.js';
import native from './native/index.js';
import python from './python/index.js';
import rust from './rust/index.js';
import toolchain from './toolchain/index.js';

export const RULE_GROUPS: Record<string, readonly Rule[]> = {
  toolchain,
  native,
  rust,
  python,
  environment,
  container,
};

export const ALL_RULES: readonly Rule[] = Object.values(RULE_GROUPS).flat();
