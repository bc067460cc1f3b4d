// Rules about container and Nix builds: BuildKit cache mounts, flakes and the files they can see.

import type { Rule } from '../../core/rule.js';

const rules: Rule[] = [];

export default rules;
