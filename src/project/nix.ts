// The Nix files a flake evaluates: flake.nix and the local files it imports or calls (`import ./nix/rust.nix`,
// `callPackage ./. { }`, where a directory means its default.nix), the modules a flake-parts or NixOS-style
// `imports = [ ./nix/rust.nix ]` list names, and every .nix file of a directory the flake lists with
// `builtins.readDir ./nix/modules` (flake-parts projects import their modules that way), followed transitively; pure.

import type { ProjectFiles } from './files.js';
import { dirOf, joinRel, normaliseRel } from './text-location.js';

// Nix: `import ./x.nix`, `(import ./nix { ... })`, `pkgs.callPackage ./package.nix { }`, `callPackage ./. { }`.
const NIX_IMPORT = /\b(?:import|callPackage|callPackages)\s+\(?\s*(\.{1,2}(?:\/[A-Za-z0-9._+-]*)*)/g;
// A module system's `imports = [ ./a.nix ./nix ]` list (flake-parts, NixOS modules): each path literal in it.
const IMPORTS_LIST = /\bimports\s*=\s*(?:[\w.]+\s+)*\[([^\]]{0,4000})\]/g;
const PATH_LITERAL = /(?<![\w./-])(\.{1,2}(?:\/[A-Za-z0-9._+-]+)+\/?)/g;
// `builtins.readDir ./nix/modules` (listing a directory to import each of its files): the directory.
const READ_DIR = /\breadDir\s+\(?\s*(\.{1,2}(?:\/[A-Za-z0-9._+-]+)*)/g;
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

/** The .nix files directly in the directory `path` names (relative to `file`), as project paths. */
function nixFilesIn(project: ProjectFiles, file: string, path: string): string[] {
  const dir = normaliseRel(joinRel(dirOf(file), path));
  if (dir === null) return [];
  const prefix = dir === '' ? '' : `${dir}/`;
  return [...project.files.keys()].filter((f) => f.startsWith(prefix) && f.endsWith('.nix') && !f.slice(prefix.length).includes('/')).sort();
}

/** A Nix file a flake evaluates, and where it is imported (the flake itself: offset 0 of itself). */
export interface EvaluatedNixFile {
  file: string;
  importedBy: string;
  index: number;
}

/** flake.nix first, then every local Nix file it reaches (import/callPackage, `imports` lists, readDir directories), in the order found. */
export function flakeNixFiles(project: ProjectFiles, flake: string): EvaluatedNixFile[] {
  const files: EvaluatedNixFile[] = [{ file: flake, importedBy: flake, index: 0 }];
  for (let i = 0; i < files.length && files.length < MAX_FILES; i++) {
    const text = project.files.get(files[i].file);
    if (text === undefined) continue;
    const code = stripNixComments(text);
    const reached: { file: string | null; index: number }[] = [...code.matchAll(NIX_IMPORT)].map((m) => ({ file: importedFile(project, files[i].file, m[1]), index: m.index }));
    for (const list of code.matchAll(IMPORTS_LIST)) {
      const at = list.index + list[0].indexOf(list[1]);
      for (const m of list[1].matchAll(PATH_LITERAL)) reached.push({ file: importedFile(project, files[i].file, m[1]), index: at + m.index });
    }
    for (const m of code.matchAll(READ_DIR)) for (const file of nixFilesIn(project, files[i].file, m[1])) reached.push({ file, index: m.index });
    for (const { file, index } of reached) {
      if (file && !files.some((f) => f.file === file)) files.push({ file, importedBy: files[i].file, index });
    }
  }
  return files;
}

export const isFlake = (file: string): boolean => file === 'flake.nix' || file.endsWith('/flake.nix');
