// Rules about the machine a build runs on: memory, disk, network, credentials, permissions.

import type { Rule } from '../../core/rule.js';

const rules: Rule[] = [];

export default rules;
