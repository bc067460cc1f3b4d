// The dependency set `buildmedic wheels` checks: what is installed, from where, and the pip settings that apply.

import type { FileLocation } from '../project/files.js';

export interface Dependency {
  name: string;
  /** PEP 503 normalised (lower case, '-' separators). */
  normalized: string;
  /** PEP 440 specifier as written ('==44.0.0', '>=2,<3', '' for any). */
  specifier: string;
  /** The exact version when a lock file or an `==` pin fixes it. */
  version: string | null;
  marker: string | null;
  where: FileLocation;
  /** File names a lock file records for this version (uv.lock, poetry.lock, pylock.toml), or null. */
  lockedFiles: string[] | null;
}

export interface InstallSettings {
  indexUrl: string | null;
  extraIndexUrls: string[];
  /** Normalised names, or ':all:'; pip's --only-binary after :none: resets. */
  onlyBinary: Set<string>;
  noBinary: Set<string>;
  /** Where --only-binary was set, when it was. */
  onlyBinaryAt: FileLocation | null;
}

export interface DependencyProblem {
  file: string;
  line: number;
  message: string;
}

export interface DependencySet {
  /** The file the dependencies were read from (requirements.txt, uv.lock, ...). */
  source: string;
  kind: 'requirements' | 'pyproject' | 'uv.lock' | 'poetry.lock' | 'Pipfile.lock' | 'pylock.toml';
  deps: Dependency[];
  settings: InstallSettings;
  problems: DependencyProblem[];
}

export function emptySettings(): InstallSettings {
  return { indexUrl: null, extraIndexUrls: [], onlyBinary: new Set(), noBinary: new Set(), onlyBinaryAt: null };
}
