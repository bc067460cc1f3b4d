// Every scanner `buildmedic scan` and `fix` run, in report order; add one import and one array entry per scanner.

import type { Scanner } from './model.js';
import cargoManifests from './checks/cargo-manifests.js';
import pythonManifests from './checks/python-manifests.js';
import cargoFeatures from './checks/cargo-features.js';
import cargoLock from './checks/cargo-lock.js';
import rustVersion from './checks/rust-version.js';
import nixFlake from './checks/nix-flake.js';
import workflows from './checks/workflows.js';
import dockerfiles from './dockerfile/index.js';
import pythonWheels from './checks/python-wheels.js';

export const SCANNERS: Scanner[] = [
  cargoManifests,
  pythonManifests,
  cargoFeatures,
  cargoLock,
  rustVersion,
  nixFlake,
  workflows,
  dockerfiles,
  pythonWheels,
];
