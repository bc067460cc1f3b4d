// Rules about Python builds: pip, maturin, wheels, interpreters and manylinux containers.

import type { Rule } from '../../core/rule.js';

const rules: Rule[] = [];

export default rules;
