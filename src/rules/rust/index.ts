// Rules about Rust toolchains, cargo configuration, crate features, lock files and Rust code.

import type { Rule } from '../../core/rule.js';

const rules: Rule[] = [];

export default rules;
