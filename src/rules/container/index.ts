// Rules about container and Nix builds: BuildKit cache mounts, flakes and the files they can see.

import type { Rule } from '../../core/rule.js';
import cargoLockMissing from './cargo-lock-missing/rule.js';

const rules: Rule[] = [cargoLockMissing];

export default rules;
