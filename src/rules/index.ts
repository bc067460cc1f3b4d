// The knowledge base: every rule, by group. The kb-integrity test fails when a rule folder is not listed here.

import type { Rule } from '../core/rule.js';
import toolchain from './toolchain/index.js';

export const RULE_GROUPS: Record<string, readonly Rule[]> = {
  toolchain,
};

export const ALL_RULES: readonly Rule[] = Object.values(RULE_GROUPS).flat();
