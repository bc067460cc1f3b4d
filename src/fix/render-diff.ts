// Renders planned file changes as one unified diff (git-style a/ b/ names, applies with `git apply` or `patch -p1`); pure.

import { createTwoFilesPatch } from 'diff';
import type { FileChange } from './compose.js';

export function renderUnifiedDiff(changes: readonly FileChange[]): string {
  return changes
    .map((c) => {
      // jsdiff starts with a "====" separator line that git and patch do not need.
      const patch = createTwoFilesPatch(`a/${c.file}`, `b/${c.file}`, c.before, c.after, undefined, undefined, { context: 3 });
      return patch.replace(/^=+\n/, '');
    })
    .join('');
}
