// A scanner of `buildmedic scan`: pure, project files in, findings out.

import type { ProjectFiles } from '../project/files.js';
import type { ScanFinding } from '../report/finding.js';

/** A pure scanner: project files in, findings out. */
export interface Scanner {
  id: string;
  /** Which files it needs, as globs relative to the root (for the reader). */
  reads: readonly string[];
  /** `skipped` tells the report of a file the scanner left out (past a size limit), so that no silence is taken for a clean file. */
  scan(project: ProjectFiles, skipped?: (message: string) => void): ScanFinding[];
}
