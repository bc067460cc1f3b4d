// Reads a project for the scanners (I/O): walks the tree once, reads the files scanners ask for, asks git what it tracks and ignores.

import { join } from 'node:path';
import { BuildmedicError } from '../errors.js';
import { openProjectDir, readableFiles, readProjectText, walkedButUnread, walkProject } from './reader.js';
import { dubiousOwnership, runGit } from './git.js';
import { globMatcher } from './glob.js';
import { parseCargoConfigTargets } from './cargo.js';
import { hostTriple } from './target-cfg.js';
import { type CargoResolution, resolveWithCargo, resolveWorkspaces } from './cargo-metadata.js';
import { lockLocations, readManifests, workspaceOf } from './cargo/packages.js';
import { isVendored } from './paths.js';
import { featureVariantKey, type ProjectFiles } from './files.js';
import { parsePyproject } from './python.js';
import { dirOf, joinRel } from './text-location.js';

/** The crates maturin builds with `[tool.maturin] features` (each pyproject.toml's manifest-path, else its Cargo.toml). */
function maturinVariants(files: ReadonlyMap<string, string>): { manifest: string; features: string[] }[] {
  const out: { manifest: string; features: string[] }[] = [];
  for (const [file, text] of files) {
    if (file !== 'pyproject.toml' && !file.endsWith('/pyproject.toml')) continue;
    try {
      const info = parsePyproject(text, file);
      if (info.buildBackend !== 'maturin' || !info.maturinFeatures.length) continue;
      const manifest = joinRel(dirOf(file), info.maturinManifestPath ?? 'Cargo.toml').replace(/(^|\/)\.\//g, '$1');
      if (files.has(manifest)) out.push({ manifest, features: info.maturinFeatures });
    } catch {
      // An unreadable pyproject.toml is the Python scanner's finding.
    }
  }
  return out;
}

/** What git tracks and ignores under root, with paths relative to root; nulls when root is not in a work tree. */
async function readGitState(root: string, candidates: string[]): Promise<{ tracked: Set<string> | null; ignored: Set<string> | null; refused: string | null }> {
  const inside = await runGit(root, 'rev-parse', ['--is-inside-work-tree']);
  // A repository git will not open is not "no repository": say so instead of treating every file as untracked.
  const refused = dubiousOwnership(inside.stderr);
  if (refused) return { tracked: null, ignored: null, refused };
  if (inside.code !== 0 || inside.stdout.trim() !== 'true') return { tracked: null, ignored: null, refused: null };
  // Without --full-name, ls-files prints paths relative to the directory it runs in: the scanned root.
  const files = await runGit(root, 'ls-files', ['-z', '--cached']);
  const tracked = new Set(files.stdout.split('\0').filter(Boolean));
  // check-ignore exits 1 when nothing is ignored; tracked files are never reported as ignored (no --no-index).
  const ig = candidates.length ? await runGit(root, 'check-ignore', ['-z', '--stdin'], { input: `${candidates.join('\0')}\0` }) : { code: 1, stdout: '' };
  const ignored = new Set(ig.code === 0 ? ig.stdout.split('\0').filter(Boolean) : []);
  return { tracked, ignored, refused: null };
}

/** Cargo.lock beside every manifest, existing or not: scanners ask whether git would ignore it. */
function lockCandidates(paths: readonly string[]): string[] {
  return paths.filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml')).map((p) => p.replace(/Cargo\.toml$/, 'Cargo.lock'));
}

export interface ReadOptions {
  /** Ask `cargo metadata --offline --locked` for each workspace's resolved graph (features after unification). */
  resolveCargo?: boolean;
  /** The target triple the build is for (default: `[build] target` of .cargo/config.toml, else the host). */
  target?: string;
}

/** `[build] target` of the project's .cargo/config(.toml), the first one when it lists several. */
function configTarget(files: ReadonlyMap<string, string>): string | null {
  for (const name of ['.cargo/config.toml', '.cargo/config']) {
    const text = files.get(name);
    if (text === undefined) continue;
    try {
      const targets = parseCargoConfigTargets(text, name);
      if (targets.length) return targets[0];
    } catch {
      // An unreadable cargo config is cargo's error to report; the host stays the target.
    }
  }
  return null;
}

/** Reads what `scanners` need from the project at `dir`. */
export async function readProjectFiles(dir: string, scanners: readonly { readonly reads: readonly string[] }[], options: ReadOptions = {}): Promise<ProjectFiles> {
  const { root, realRoot } = await openProjectDir(dir, 'scan and fix');
  const walk = await walkProject(root);
  const wanted = globMatcher(scanners.flatMap((s) => s.reads), 'scan');
  const files = new Map<string, string>();
  const unread = walkedButUnread(walk, wanted);
  // Such a file exists for whoever asks (a FIFO named Cargo.lock is not a missing lock to generate).
  const paths = [...walk.files, ...[...walk.special.keys()].filter(wanted)];
  await Promise.all(
    readableFiles(walk, wanted).map(async (p) => {
      try {
        const read = await readProjectText(join(root, p), realRoot);
        if ('unread' in read) unread.push({ file: p, reason: read.unread });
        else if ('text' in read) files.set(p, read.text);
      } catch (error) {
        throw new BuildmedicError('project-unreadable', `${p}: cannot be read (${(error as Error).message})`, { cause: error });
      }
    }),
  );
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const { tracked, ignored, refused } = await readGitState(root, [...new Set([...paths, ...lockCandidates(paths)])]);
  // A symlink to a file inside the project is that file, for whoever asks whether it exists.
  const linked = [...walk.symlinks].filter(([, l]) => l.inside && l.exists).map(([p]) => p);
  unread.sort((a, b) => (a.file < b.file ? -1 : 1));
  const project: ProjectFiles = { root, files: sorted, gitTracked: tracked, gitIgnored: ignored, paths: new Set([...paths, ...linked]), symlinks: walk.symlinks, unread, ...(refused ? { gitRefused: refused } : {}) };
  const target = options.target ?? configTarget(sorted) ?? hostTriple() ?? undefined;
  if (!options.resolveCargo || !target) return target ? { ...project, target } : project;
  const locations = lockLocations(project).filter((l) => !isVendored(`${l.dir}/`));
  const cargo = await resolveWorkspaces(root, locations.map((l) => l.dir), target, sorted);
  // maturin builds its crate with [tool.maturin] features: cargo is asked for that graph too, once per crate.
  const cargoVariants = new Map<string, CargoResolution>();
  for (const v of maturinVariants(sorted)) {
    const ws = workspaceOf(dirOf(v.manifest), readManifests(project).manifests);
    const wsDir = ws?.dir ?? dirOf(v.manifest);
    if (isVendored(`${wsDir}/`) || !locations.some((l) => l.dir === wsDir)) continue;
    const featureArgs = ['--features', v.features.join(',')];
    cargoVariants.set(featureVariantKey(v.manifest, featureArgs), await resolveWithCargo(root, wsDir, target, sorted, undefined, { manifestDir: dirOf(v.manifest), featureArgs }));
  }
  return { ...project, target, cargo, ...(cargoVariants.size ? { cargoVariants } : {}) };
}
