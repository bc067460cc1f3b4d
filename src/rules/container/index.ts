// Rules about container and Nix builds: BuildKit cache mounts, flakes and the files they can see.

import type { Rule } from '../../core/rule.js';
import cargoLockMissing from './cargo-lock-missing/rule.js';
import dockerCacheMountArtifact from './docker-cache-mount-artifact/rule.js';
import nixFlakeUntrackedFile from './nix-flake-untracked-file/rule.js';

const rules: Rule[] = [cargoLockMissing, nixFlakeUntrackedFile, dockerCacheMountArtifact];

export default rules;
