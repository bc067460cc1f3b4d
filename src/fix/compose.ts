// Combines the fix plans of many findings into per-file changes and a command list, deferring plans that collide; pure.

import { applyEdits, editsByFile } from '../project/text-edits.js';
import type { FixCommand, ScanFinding } from '../report/finding.js';
import type { ProjectFiles, TextEdit } from '../project/files.js';

export interface FileChange {
  file: string;
  before: string;
  after: string;
}

export interface ComposedFixes {
  /** Findings whose plan is part of this round. */
  planned: ScanFinding[];
  /** Findings whose edits collide with an earlier plan's: they are planned again after the others are applied. */
  deferred: ScanFinding[];
  /** Findings whose plan edits a file the scan did not read (a scanner bug): never applied. */
  unreadable: ScanFinding[];
  changes: FileChange[];
  commands: { finding: ScanFinding; command: FixCommand }[];
}

/** Plans every finding's fix that does not collide with one planned before it, in finding order. */
export function composeFixes(project: ProjectFiles, findings: readonly ScanFinding[]): ComposedFixes {
  const accepted = new Map<string, TextEdit[]>();
  const planned: ScanFinding[] = [];
  const deferred: ScanFinding[] = [];
  const unreadable: ScanFinding[] = [];
  const commands: ComposedFixes['commands'] = [];
  for (const f of findings) {
    if (!f.fix || (f.fix.edits.length === 0 && f.fix.commands.length === 0)) continue;
    const byFile = editsByFile(f.fix.edits);
    if ([...byFile.keys()].some((file) => !project.files.has(file))) {
      unreadable.push(f);
      continue;
    }
    let fits = true;
    for (const [file, edits] of byFile) {
      const text = project.files.get(file) as string;
      try {
        applyEdits(text, [...(accepted.get(file) ?? []), ...edits]);
      } catch {
        fits = false;
        break;
      }
    }
    if (!fits) {
      deferred.push(f);
      continue;
    }
    for (const [file, edits] of byFile) accepted.set(file, [...(accepted.get(file) ?? []), ...edits]);
    for (const command of f.fix.commands) commands.push({ finding: f, command });
    planned.push(f);
  }
  const changes: FileChange[] = [];
  for (const [file, edits] of [...accepted.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const before = project.files.get(file) as string;
    const after = applyEdits(before, edits);
    if (after !== before) changes.push({ file, before, after });
  }
  return { planned, deferred, unreadable, changes, commands };
}
