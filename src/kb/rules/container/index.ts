// Rules about container and Nix builds: BuildKit cache mounts, flakes, Dockerfile stages and the files they can see.

import type { Rule } from '../../rule.js';
import cargoLockMissing from './cargo-lock-missing/rule.js';
import dockerCacheMountArtifact from './docker-cache-mount-artifact/rule.js';
import nixFlakeUntrackedFile from './nix-flake-untracked-file/rule.js';
import nixHashMismatch from './nix-hash-mismatch/rule.js';
import nixCargoGitHashMissing from './nix-cargo-git-hash-missing/rule.js';
import paasAppNotDetected from './paas-app-not-detected/rule.js';
import paasConfigInvalid from './paas-config-invalid/rule.js';
import nixSystemUnsupported from './nix-system-unsupported/rule.js';
import cargoChefImageMismatch from './cargo-chef-image-mismatch/rule.js';
import dockerCopyOverwritesGenerated from './docker-copy-overwrites-generated/rule.js';
import dockerLockNotCopied from './docker-lock-not-copied/rule.js';
import libclangPathInvalid from './libclang-path-invalid/rule.js';
import runtimeLibcMismatch from './runtime-libc-mismatch/rule.js';

const rules: Rule[] = [
  cargoLockMissing,
  nixFlakeUntrackedFile,
  nixHashMismatch,
  nixCargoGitHashMissing,
  paasAppNotDetected,
  paasConfigInvalid,
  nixSystemUnsupported,
  dockerCacheMountArtifact,
  // Reported by scan and fix from Dockerfiles only (no log patterns).
  dockerLockNotCopied,
  dockerCopyOverwritesGenerated,
  cargoChefImageMismatch,
  libclangPathInvalid,
  // Reported by diagnose from the dynamic loader's refusal, and by scan from Dockerfiles.
  runtimeLibcMismatch,
];

export default rules;
