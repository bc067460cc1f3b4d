// Scanner: a flake refers to paths git does not track (flakes in a git repository only see tracked files); pure.

import type { FileLocation, ProjectFiles } from '../../project/files.js';
import type { ScanFinding } from '../../report/finding.js';
import type { Scanner } from '../model.js';
import { dirOf, joinRel, locate, normaliseRel } from '../../project/text-location.js';
import { flakeNixFiles, isFlake, stripNixComments } from '../../project/nix.js';
import { holdsPaths } from '../../project/paths.js';

// Nix path literals: ./foo, ../bar/baz.nix, ${./patches} (a path needs a slash; "./." is the flake's own tree).
const NIX_PATH = /(?<![\w./-])(\.{1,2}\/[A-Za-z0-9._+\-/]*[A-Za-z0-9_+\-])/g;

function scanFlakes(project: ProjectFiles): ScanFinding[] {
  const tracked = project.gitTracked;
  if (!tracked) return [];
  const paths = project.paths ?? new Set(project.files.keys());
  const findings: ScanFinding[] = [];
  for (const file of project.files.keys()) {
    if (!isFlake(file)) continue;
    const untracked = new Map<string, FileLocation>();
    // The flake's own files first: an untracked flake.nix makes nix say the flake does not exist, and an untracked
    // file it imports makes the import fail.
    const evaluated = flakeNixFiles(project, file);
    for (const { file: own, importedBy, index } of evaluated) {
      if (paths.has(own) && !tracked.has(own)) untracked.set(own, locate(importedBy, project.files.get(importedBy)!, index));
    }
    for (const { file: nixFile } of evaluated) {
      const text = project.files.get(nixFile)!;
      const dir = dirOf(nixFile);
      for (const m of stripNixComments(text).matchAll(NIX_PATH)) {
        const rel = normaliseRel(joinRel(dir, m[1]));
        // Cargo.lock has its own check (it also covers a missing lock file).
        if (!rel || rel.endsWith('Cargo.lock') || untracked.has(rel)) continue;
        if (paths.has(rel)) {
          if (!tracked.has(rel)) untracked.set(rel, locate(nixFile, text, m.index));
          continue;
        }
        // A directory: invisible when none of its files is tracked.
        if (holdsPaths(paths, rel) && !holdsPaths(tracked, rel)) untracked.set(rel, locate(nixFile, text, m.index));
      }
    }
    for (const [path, at] of untracked) {
      const ignored = project.gitIgnored?.has(path) ?? false;
      findings.push({
        rule: 'nix-flake-untracked-file',
        title: 'A file the flake needs is not tracked by git',
        severity: 'error',
        message: `${file} uses ${path}, which git ${ignored ? 'ignores' : 'does not track'}, so nix (which copies only tracked files of a git flake) will not find it`,
        evidence: [at],
        captures: { file: path, addCommand: `git add ${ignored ? '--force ' : ''}${path}` },
        fix: {
          title: `git add ${path}`,
          safety: 'safe',
          edits: [],
          commands: [{ argv: ['git', 'add', ...(ignored ? ['--force'] : []), '--', path], cwd: '.', why: `git add ${path}, so the flake sees it`, optIn: 'git' }],
        },
      });
    }
  }
  return findings;
}

const scanner: Scanner = { id: 'nix-flake', reads: ['**/*.nix'], scan: scanFlakes };
export default scanner;
