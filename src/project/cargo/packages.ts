// The Cargo packages and workspaces of a read project, from its Cargo.toml texts; pure.

import type { CargoManifest } from '../model.js';
import { parseCargoManifest } from '../cargo.js';
import { isWorkspaceMember } from '../workspace.js';
import type { ProjectFiles } from '../files.js';
import { dirOf, joinRel } from '../text-location.js';

export interface ManifestFile {
  file: string;
  dir: string;
  text: string;
  manifest: CargoManifest;
}

export interface CargoPackage extends ManifestFile {
  /** The workspace root manifest this package belongs to (itself when it is the root), or null. */
  workspaceRoot: ManifestFile | null;
}

/** Every parseable Cargo.toml; unparseable ones are listed so scanners can say why they skipped them. */
export function readManifests(project: ProjectFiles): { manifests: ManifestFile[]; invalid: { file: string; message: string }[] } {
  const manifests: ManifestFile[] = [];
  const invalid: { file: string; message: string }[] = [];
  for (const [file, text] of project.files) {
    if (file !== 'Cargo.toml' && !file.endsWith('/Cargo.toml')) continue;
    try {
      manifests.push({ file, dir: dirOf(file), text, manifest: parseCargoManifest(text, file) });
    } catch (error) {
      invalid.push({ file, message: (error as Error).message });
    }
  }
  return { manifests, invalid };
}

/** Whether project directory `dir` is `root` or below it ('' is the project root). */
export function isUnder(dir: string, root: string): boolean {
  return root === '' || dir === root || dir.startsWith(`${root}/`);
}

/** The workspace a manifest in `dir` belongs to: the nearest enclosing `[workspace]` whose members cover it. */
export function workspaceOf(dir: string, manifests: readonly ManifestFile[]): ManifestFile | null {
  const roots = manifests.filter((m) => m.manifest.workspace && isUnder(dir, m.dir)).sort((a, b) => b.dir.length - a.dir.length);
  for (const r of roots) {
    if (r.dir === dir) return r;
    const rel = r.dir === '' ? dir : dir.slice(r.dir.length + 1);
    const ws = r.manifest.workspace!;
    if (isWorkspaceMember(rel, ws.members, ws.exclude)) return r;
  }
  return null;
}

export function cargoPackages(project: ProjectFiles): CargoPackage[] {
  const { manifests } = readManifests(project);
  return manifests.map((m) => ({ ...m, workspaceRoot: workspaceOf(m.dir, manifests) }));
}

/** Where cargo keeps the lock file of each workspace (or lone package), with the manifests sharing it. */
export function lockLocations(project: ProjectFiles): { lock: string; dir: string; manifest: ManifestFile }[] {
  const { manifests } = readManifests(project);
  const out = new Map<string, { lock: string; dir: string; manifest: ManifestFile }>();
  for (const m of manifests) {
    const root = workspaceOf(m.dir, manifests) ?? m;
    const lock = joinRel(root.dir, 'Cargo.lock');
    if (!out.has(lock)) out.set(lock, { lock, dir: root.dir, manifest: root });
  }
  return [...out.values()];
}
