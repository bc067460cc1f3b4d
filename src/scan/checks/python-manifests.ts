// Scanner: says when pyproject.toml cannot be parsed, so scan and fix do not report a clean project they could not
// read (pip and every build backend stop on the same file); pure.

import { BuildmedicError } from '../../errors.js';
import { parseTomlText } from '../../project/cargo.js';
import type { ProjectFiles } from '../../project/files.js';
import type { ScanFinding } from '../../report/finding.js';
import type { Scanner } from '../model.js';

function checkPyproject(project: ProjectFiles): ScanFinding[] {
  const text = project.files.get('pyproject.toml');
  if (text === undefined) return [];
  // TOML is UTF-8 without a byte-order mark, and the parsers pip's backends use (tomllib, tomli) decode the bytes
  // strictly: the reader keeps a BOM as U+FEFF and shows bytes that are not UTF-8 as U+FFFD, so either is a file
  // every build backend rejects, whatever a lenient parse of the text says.
  const bad = text.startsWith('\uFEFF') ? 'starts with a UTF-8 byte-order mark' : text.includes('\uFFFD') ? 'has bytes that are not UTF-8' : null;
  if (bad) {
    const line = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
    throw new BuildmedicError('project-unreadable', `pyproject.toml: not valid TOML (${bad}${bad.startsWith('has') ? `, first at line ${line}` : ''}; TOML files are UTF-8 without a BOM, and pip's build backends reject it)`);
  }
  // parseTomlText throws a sentence naming the file, line, column and reason; scan reports it as a problem.
  parseTomlText(text, 'pyproject.toml');
  return [];
}

const scanner: Scanner = { id: 'python-manifests', reads: ['pyproject.toml'], scan: checkPyproject };
export default scanner;
