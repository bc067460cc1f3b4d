// Scanner: says which Cargo.toml files could not be parsed, so the checks that skipped them are not silently blind; pure.

import { readManifests } from '../../project/cargo/packages.js';
import type { ProjectFiles } from '../../project/files.js';
import type { ScanFinding } from '../../report/finding.js';
import type { Scanner } from '../model.js';

function checkManifests(project: ProjectFiles): ScanFinding[] {
  const { invalid } = readManifests(project);
  // A thrown error becomes a report "problem" (not a finding): cargo itself will name the syntax error.
  if (invalid.length) throw new Error(`skipped (the Cargo checks could not read them): ${invalid.map((i) => i.message).join('; ')}`);
  return [];
}

const scanner: Scanner = { id: 'cargo-manifests', reads: ['**/Cargo.toml'], scan: checkManifests };
export default scanner;
