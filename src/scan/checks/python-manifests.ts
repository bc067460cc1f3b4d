// Scanner: says when pyproject.toml cannot be parsed, so scan and fix do not report a clean project they could not
// read (pip and every build backend stop on the same file); pure.

import { parseTomlText } from '../../project/cargo.js';
import type { ProjectFiles } from '../../project/files.js';
import type { ScanFinding } from '../../report/finding.js';
import type { Scanner } from '../model.js';

function checkPyproject(project: ProjectFiles): ScanFinding[] {
  const text = project.files.get('pyproject.toml');
  // parseTomlText throws a sentence naming the file, line, column and reason; scan reports it as a problem.
  if (text !== undefined) parseTomlText(text, 'pyproject.toml');
  return [];
}

const scanner: Scanner = { id: 'python-manifests', reads: ['pyproject.toml'], scan: checkPyproject };
export default scanner;
