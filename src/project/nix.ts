// The Nix files a flake evaluates: flake.nix and the local files it imports or calls (`import ./nix/rust.nix`,
// `callPackage ./. { }`, where a directory means its default.nix), followed transitively; pure.

import type { ProjectFiles } from './files.js';
import { dirOf, joinRel, normaliseRel } from './text-location.js';

// Nix: `import ./x.nix`, `(import ./nix { ... })`, `pkgs.callPackage ./package.nix { }`, `callPackage ./. { }`.
const NIX_IMPORT = /\b(?:import|callPackage|callPackages)\s+\(?\s*(\.{1,2}(?:\/[A-Za-z0-9._+-]*)*)/g;
// A flake's reach is small; a repository of many Nix files (an overlay, a package set) is not followed further.
const MAX_FILES = 32;

/** Nix comments blanked (kept in place, so offsets still locate). */
export function stripNixComments(text: string): string {
  return text.replace(/#[^\n]*|\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
}

/** The local Nix file a path literal of `file` imports: the .nix file itself, or a directory's default.nix. */
function importedFile(project: ProjectFiles, file: string, path: string): string | null {
  const rel = normaliseRel(joinRel(dirOf(file), path));
  if (rel === null) return null;
  if (rel.endsWith('.nix')) return project.files.has(rel) ? rel : null;
  const entry = joinRel(rel, 'default.nix');
  return project.files.has(entry) ? entry : null;
}

/** A Nix file a flake evaluates, and where it is imported (the flake itself: offset 0 of itself). */
export interface EvaluatedNixFile {
  file: string;
  importedBy: string;
  index: number;
}

/** flake.nix first, then every local Nix file it reaches through import/callPackage, in the order found. */
export function flakeNixFiles(project: ProjectFiles, flake: string): EvaluatedNixFile[] {
  const files: EvaluatedNixFile[] = [{ file: flake, importedBy: flake, index: 0 }];
  for (let i = 0; i < files.length && files.length < MAX_FILES; i++) {
    const text = project.files.get(files[i].file);
    if (text === undefined) continue;
    for (const m of stripNixComments(text).matchAll(NIX_IMPORT)) {
      const next = importedFile(project, files[i].file, m[1]);
      if (next && !files.some((f) => f.file === next)) files.push({ file: next, importedBy: files[i].file, index: m.index });
    }
  }
  return files;
}

export const isFlake = (file: string): boolean => file === 'flake.nix' || file.endsWith('/flake.nix');
