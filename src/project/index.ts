// The project model's public surface for doctor, scan/fix and wheels: re-exports only.

export type * from './model.js';
export { parseCargoConfigLinkers, parseCargoConfigTargets, parseCargoLock, parseCargoManifest } from './cargo.js';
export { normalizePackageName, parsePyproject, parsePythonVersionFile, parseRequirements, parseRuntimeTxt, pythonBackend, scanSetupPy } from './python.js';
export { parseRustToolchain } from './toolchain.js';
export { readProject } from './discover.js';
