// Rules about system libraries and headers that native code needs, and native code that does not compile.

import type { Rule } from '../../core/rule.js';

const rules: Rule[] = [];

export default rules;
