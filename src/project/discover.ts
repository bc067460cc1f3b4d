// Reads a project directory (I/O): finds the Cargo workspace, lock, toolchain and Python files and hands them to the pure parsers.

import { readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BuildmedicError } from '../errors.js';
import { parseCmakeInclude, parseCmakeLists, type CmakeProject } from './cmake.js';
import { isInside } from './paths.js';
import { LINK_OUT, openProjectDir, readProjectText } from './reader.js';
import { inheritFromWorkspace, parseCargoConfigLinkers, parseCargoConfigTargets, parseCargoLock, parseCargoManifest, requestedFeaturesOf } from './cargo.js';
import type { CargoManifest, GitDependency, Project, PythonProject, RustProject } from './model.js';
import { parsePyproject, parsePythonVersionFile, parseRequirements, parseRuntimeTxt, pythonBackend, scanSetupPy } from './python.js';
import { parseRustToolchain } from './toolchain.js';
import { resolveMembers } from './workspace.js';

/** The text of a project file, or null when there is none. */
type TextReader = (path: string) => Promise<string | null>;

/**
 * Reads files as scan and wheels do; a file under `dir` must not be a link out of it. Files above `dir` (the
 * workspace root, toolchain file and cargo config that cargo and rustup look for upwards) are read where they are.
 */
function projectTextReader(dir: string | null, realDir: string | null): TextReader {
  return async (path) => {
    const read = await readProjectText(path, dir !== null && isInside(dir, path) ? realDir : null);
    if ('missing' in read) return null;
    // A FIFO, a device, a link out of the project or a file over the cap is said, not taken for an absent file.
    if ('unread' in read) throw new BuildmedicError('project-unreadable', `${path}: ${read.unread}`);
    return read.text;
  };
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Walks from dir up to the filesystem root; yields each directory. */
function* upwards(dir: string): Generator<string> {
  let d = dir;
  for (;;) {
    yield d;
    const parent = dirname(d);
    if (parent === d) return;
    d = parent;
  }
}

/** Finds the workspace root cargo would use for the manifest in `dir` (cargo searches parent directories). */
async function findWorkspaceRoot(readText: TextReader, dir: string, manifest: CargoManifest): Promise<{ root: string; manifest: CargoManifest } | null> {
  if (manifest.workspace) return { root: dir, manifest };
  let first = true;
  for (const d of upwards(dir)) {
    if (first) {
      first = false;
      continue;
    }
    const path = join(d, 'Cargo.toml');
    const text = await readText(path);
    if (text === null) continue;
    const m = parseCargoManifest(text, path);
    if (!m.workspace) continue;
    const rel = relative(d, dir);
    if (m.workspace.exclude.some((e) => rel === e || rel.startsWith(`${e}/`))) return null;
    return { root: d, manifest: m };
  }
  return null;
}

/** The rust-toolchain file rustup would obey in `dir`: the nearest one in it or a parent directory, or null. */
export async function findRustToolchain(dir: string, readText: TextReader = projectTextReader(null, null)): Promise<RustProject['toolchain']> {
  for (const d of upwards(resolve(dir))) {
    for (const name of ['rust-toolchain', 'rust-toolchain.toml']) {
      const text = await readText(join(d, name));
      if (text !== null) return parseRustToolchain(text, join(d, name));
    }
  }
  return null;
}

const EDITION_ORDER = ['2015', '2018', '2021', '2024'];

function versionKey(v: string): number[] {
  return v.split('.').map((x) => Number.parseInt(x, 10) || 0);
}

function newer(a: string, b: string): boolean {
  const x = versionKey(a);
  const y = versionKey(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

/** How many path dependencies a workspace may add as members, and how much of their manifests is read in all: a
 * generated or hostile graph must not read a whole disk. */
const MAX_PATH_MEMBERS = 2000;
const MAX_PATH_MANIFEST_BYTES = 1024 * 1024;
const MAX_PATH_MANIFESTS_TOTAL = 64 * 1024 * 1024;

/**
 * Adds the members cargo adds by itself: every path dependency under the workspace root (and not excluded) is a
 * member, breadth-first through their own path dependencies. Returns the names of path dependencies whose Cargo.toml
 * is absent (a git submodule not checked out); nothing is read from those, only whether they exist.
 */
async function addPathMembers(root: string, rootManifest: CargoManifest, members: RustProject['members']): Promise<string[]> {
  const absent = new Set<string>();
  // A path under the root that a link takes out of it (`crates/x -> /elsewhere`) is not read: nothing outside the
  // project is; what it builds is held back as unverified, as for a missing checkout.
  const realRoot = await realpath(root).catch(() => root);
  const seen = new Set(members.map((m) => resolve(m.dir)));
  let budget = MAX_PATH_MANIFESTS_TOTAL;
  for (let i = 0; i < members.length && seen.size < MAX_PATH_MEMBERS && budget > 0; i++) {
    for (const d of members[i].manifest.dependencies) {
      if (d.path === null) continue;
      const dir = resolve(members[i].dir, d.path);
      if (seen.has(dir)) continue;
      seen.add(dir);
      const rel = relative(root, dir).split(sep).join('/');
      if (rel.startsWith('..') || isAbsolute(rel) || (rootManifest.workspace?.exclude ?? []).some((e) => rel === e.replace(/\/+$/, '') || rel.startsWith(`${e.replace(/\/+$/, '')}/`))) continue;
      const read = await readProjectText(join(dir, 'Cargo.toml'), realRoot, Math.min(MAX_PATH_MANIFEST_BYTES, budget));
      if ('missing' in read || ('unread' in read && read.unread === LINK_OUT)) {
        absent.add(d.name);
        continue;
      }
      if ('unread' in read) continue; // a FIFO or an oversized manifest: cargo would fail on it; doctor reads on without it
      budget -= Buffer.byteLength(read.text);
      let manifest: CargoManifest;
      try {
        manifest = parseCargoManifest(read.text, join(dir, 'Cargo.toml'));
      } catch {
        continue; // cargo's own error to report; the rest of the workspace is still read
      }
      if (manifest.package) members.push({ dir, manifest: inheritFromWorkspace(manifest, rootManifest.workspace) });
    }
  }
  return [...absent];
}

/** A package's build script as text (cargo's `build.rs` unless `package.build` names another file or is false). */
async function readBuildScript(readText: TextReader, root: string, dir: string, manifest: CargoManifest): Promise<{ file: string; text: string | null } | null> {
  const build = manifest.package?.build;
  if (!manifest.package || build === false) return null;
  const file = resolve(dir, typeof build === 'string' ? build : 'build.rs');
  // `build = "../../elsewhere.rs"`: a file outside the workspace is not read; the script is there, unread.
  if (!isInside(root, file)) return { file, text: null };
  try {
    const text = await readText(file);
    return text === null ? null : { file, text };
  } catch {
    // A build script that cannot be read (a FIFO, a link out) is there, unread: nothing is concluded from it.
    return { file, text: null };
  }
}

/** How many directories of a git checkout are searched for the package's manifest (cargo finds it anywhere in the repository). */
const MAX_CHECKOUT_DIRS = 400;

/**
 * The checkouts cargo made of the members' git dependencies (`CARGO_HOME/git/checkouts/<repo>-<hash>/<short rev>/`),
 * read as text and never run: found for a `rev` pin only, since a branch or tag names no revision without the lock.
 */
async function readGitCheckouts(members: RustProject['members']): Promise<GitDependency[]> {
  const cargoHome = process.env.CARGO_HOME || join(process.env.HOME || homedir(), '.cargo');
  const out: GitDependency[] = [];
  const seen = new Set<string>();
  for (const d of members.flatMap((m) => m.manifest.dependencies)) {
    if (!d.git || d.kind === 'dev' || seen.has(d.name)) continue;
    seen.add(d.name);
    const repo = d.git.replace(/\/+$/, '').replace(/\.git$/, '').split('/').pop() ?? '';
    const rev = d.rev && /^[0-9a-f]{7,40}$/i.test(d.rev) ? d.rev.slice(0, 7).toLowerCase() : null;
    if (!rev || !/^[A-Za-z0-9._-]+$/.test(repo)) {
      out.push({ name: d.name, url: d.git, checkout: null, why: 'it is pinned by branch or tag, not by `rev`, so the revision cargo builds is not known without Cargo.lock' });
      continue;
    }
    const checkouts = join(cargoHome, 'git', 'checkouts');
    const candidates = (await readdir(checkouts).catch(() => [] as string[])).filter((e) => e.startsWith(`${repo}-`)).map((e) => join(checkouts, e, rev));
    let checkout: GitDependency['checkout'] = null;
    for (const dir of candidates) {
      checkout = await findPackageIn(dir, d.name);
      if (checkout) break;
    }
    out.push(checkout ? { name: d.name, url: d.git, checkout } : { name: d.name, url: d.git, checkout: null, why: `revision ${rev} is not checked out in ${checkouts} (\`cargo fetch\` puts it there)` });
  }
  return out;
}

/** The package `name` in a git checkout: the first Cargo.toml (breadth-first, bounded) whose package has that name. */
async function findPackageIn(root: string, name: string): Promise<GitDependency['checkout']> {
  const queue = [root];
  for (let i = 0; i < queue.length && i < MAX_CHECKOUT_DIRS; i++) {
    const dir = queue[i];
    const read = await readProjectText(join(dir, 'Cargo.toml'), null, MAX_PATH_MANIFEST_BYTES);
    if ('text' in read) {
      try {
        const manifest = parseCargoManifest(read.text, join(dir, 'Cargo.toml'));
        if (manifest.package?.name === name) {
          const build = manifest.package.build;
          const script = build === false ? null : await readProjectText(join(dir, typeof build === 'string' ? build : 'build.rs'), null, MAX_PATH_MANIFEST_BYTES);
          return { dir, manifest, buildScript: script && 'text' in script ? script.text : null };
        }
      } catch {
        // Not a manifest cargo reads; look further.
      }
    }
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'target') queue.push(join(dir, e.name));
  }
  return null;
}

async function readRust(readText: TextReader, dir: string, manifestPath: string, manifestText: string): Promise<RustProject> {
  const manifestDir = dirname(manifestPath);
  const own = parseCargoManifest(manifestText, manifestPath);
  const ws = await findWorkspaceRoot(readText, manifestDir, own);
  const root = ws?.root ?? manifestDir;
  const rootManifest = ws?.manifest ?? own;
  const members: RustProject['members'] = [];
  if (rootManifest.package) members.push({ dir: root, manifest: inheritFromWorkspace(rootManifest, rootManifest.workspace) });
  const notes: string[] = [];
  if (rootManifest.workspace) {
    const resolved = await resolveMembers(root, rootManifest.workspace.members, rootManifest.workspace.exclude);
    // `members = ["../elsewhere"]`: cargo reads it, doctor reads nothing outside the workspace.
    const outside = resolved.dirs.filter((d) => !isInside(root, d));
    const dirs = resolved.dirs.filter((d) => isInside(root, d));
    notes.push(...resolved.notes);
    if (outside.length) notes.push(`Cargo.toml [workspace] members outside the workspace (${outside.map((d) => relative(root, d)).join(', ')}) were not read: doctor reads no file outside the project, so what they need is not checked.`);
    const texts = await Promise.all(dirs.map((d) => readText(join(d, 'Cargo.toml'))));
    dirs.forEach((d, i) => {
      const text = texts[i];
      if (text !== null && d !== root) members.push({ dir: d, manifest: inheritFromWorkspace(parseCargoManifest(text, join(d, 'Cargo.toml')), rootManifest.workspace) });
    });
  }
  if (!members.some((m) => m.dir === manifestDir) && own.package) members.push({ dir: manifestDir, manifest: inheritFromWorkspace(own, rootManifest.workspace) });
  const absentPathCrates = rootManifest.workspace ? await addPathMembers(root, rootManifest, members) : [];
  await Promise.all(members.map(async (m) => (m.buildScript = await readBuildScript(readText, root, m.dir, m.manifest))));
  const gitDependencies = await readGitCheckouts(members);
  // `cargo build` in the workspace root builds `default-members`, else the root package when the root manifest has one,
  // else every member (a member's directory keeps the whole workspace in view).
  const defaultMembers = rootManifest.workspace?.defaultMembers
    ? (await resolveMembers(root, rootManifest.workspace.defaultMembers, [])).dirs
    : rootManifest.workspace && rootManifest.package && manifestDir === root
      ? [root]
      : null;

  const lockPath = join(root, 'Cargo.lock');
  const lockText = await readText(lockPath);

  const toolchain = await findRustToolchain(dir, readText);

  // Cargo merges config files from the cwd up; the nearest `[build] target` wins.
  let configTargets: string[] = [];
  const configLinkers: RustProject['configLinkers'] = [];
  for (const d of upwards(dir)) {
    const path = join(d, '.cargo', 'config.toml');
    const text = (await readText(path)) ?? (await readText(join(d, '.cargo', 'config')));
    if (text === null) continue;
    const targets = parseCargoConfigTargets(text, path);
    if (targets.length && configTargets.length === 0) configTargets = targets;
    for (const l of parseCargoConfigLinkers(text, path)) {
      if (!configLinkers.some((x) => x.target === l.target)) configLinkers.push({ ...l, file: relative(dir, path) });
    }
  }

  let rustVersion: RustProject['rustVersion'] = null;
  let edition: RustProject['edition'] = null;
  for (const m of members) {
    const file = relative(dir, join(m.dir, 'Cargo.toml')) || 'Cargo.toml';
    const p = m.manifest.package;
    if (p?.rustVersion && (!rustVersion || newer(p.rustVersion, rustVersion.version))) rustVersion = { version: p.rustVersion, from: file };
    if (p?.edition && (!edition || EDITION_ORDER.indexOf(p.edition) > EDITION_ORDER.indexOf(edition.edition))) edition = { edition: p.edition, from: file };
  }
  const requestedFeatures = requestedFeaturesOf(members.map((m) => m.manifest));

  return {
    root,
    manifestPath,
    manifest: own,
    members,
    defaultMembers,
    lock: lockText === null ? null : parseCargoLock(lockText, lockPath),
    lockPath: lockText === null ? null : lockPath,
    toolchain,
    configTargets,
    configLinkers,
    rustVersion,
    edition,
    requestedFeatures,
    absentPathCrates,
    gitDependencies,
    notes,
  };
}

const REQUIREMENT_FILE = /^requirements[\w.-]*\.(?:txt|in)$/;

async function readPython(readText: TextReader, dir: string): Promise<PythonProject | null> {
  const [pyText, setupText, pvText, runtimeText, entries] = await Promise.all([
    readText(join(dir, 'pyproject.toml')),
    readText(join(dir, 'setup.py')),
    readText(join(dir, '.python-version')),
    readText(join(dir, 'runtime.txt')),
    readdir(dir).catch(() => [] as string[]),
  ]);
  const reqFiles = entries.filter((e) => REQUIREMENT_FILE.test(e)).sort();
  if (pyText === null && setupText === null && pvText === null && runtimeText === null && reqFiles.length === 0) return null;
  const pyproject = pyText === null ? null : parsePyproject(pyText, join(dir, 'pyproject.toml'));
  const setupPy = setupText === null ? null : scanSetupPy(setupText);
  const requirements = await Promise.all(
    reqFiles.map(async (file) => ({ file, requirements: parseRequirements((await readText(join(dir, file))) ?? '') })),
  );
  const pinned = pvText !== null ? parsePythonVersionFile(pvText) : null;
  const runtime = runtimeText !== null ? parseRuntimeTxt(runtimeText) : null;
  return {
    root: dir,
    pyproject,
    backend: pythonBackend(pyproject, setupPy),
    cExtensions: setupPy?.cExtensions ?? false,
    cppExtensions: setupPy?.cppExtensions ?? false,
    requirements,
    pinnedPython: pinned ? { version: pinned, from: '.python-version' } : runtime ? { version: runtime, from: 'runtime.txt' } : null,
  };
}

/** How many included CMake files are read: real projects include a handful; a generated or cyclic tree stops here. */
const MAX_CMAKE_INCLUDES = 64;

/**
 * Adds the fetches (and the variables set) of the project files CMakeLists.txt includes (and they include), read as CMake reads them:
 * relative to the top-level source directory, inside the project only. A fetch is conditional when its include is.
 */
async function withIncludes(readText: TextReader, dir: string, top: CmakeProject): Promise<CmakeProject> {
  const fetches = [...top.fetches];
  const setVariables = [...top.setVariables];
  const queue = top.includes.map((i) => ({ ...i }));
  const seen = new Set<string>();
  for (let k = 0; k < queue.length && seen.size < MAX_CMAKE_INCLUDES; k++) {
    const path = resolve(dir, queue[k].path);
    if (seen.has(path) || !isInside(dir, path)) continue;
    seen.add(path);
    let text: string | null;
    try {
      text = await readText(path);
    } catch {
      continue; // a FIFO or a link out of the project: CMake's problem to report, not a reason to stop doctor
    }
    if (text === null) continue;
    const included = parseCmakeInclude(text, relative(dir, path));
    fetches.push(...included.fetches.map((f) => ({ ...f, conditional: f.conditional || queue[k].conditional })));
    setVariables.push(...included.setVariables);
    queue.push(...included.includes.map((i) => ({ path: i.path, conditional: i.conditional || queue[k].conditional })));
  }
  return { ...top, fetches, setVariables };
}

/** Reads the project in `dirArg`; a directory with no project files yields a project with neither part. */
export async function readProject(dirArg: string): Promise<Project> {
  const { root: dir, realRoot } = await openProjectDir(dirArg, 'doctor');
  const readText = projectTextReader(dir, realRoot);

  const python = await readPython(readText, dir);
  let manifestPath = join(dir, 'Cargo.toml');
  let manifestText = await readText(manifestPath);
  if (manifestText === null && python?.pyproject?.maturinManifestPath) {
    manifestPath = resolve(dir, python.pyproject.maturinManifestPath);
    // Only a Cargo.toml (cargo takes no other manifest), in the project or in a directory above it, as cargo looks
    // upwards: `manifest-path = "/home/me/.netrc"` must not make doctor read and quote any file on the machine.
    const named = python.pyproject.maturinManifestPath;
    if (basename(manifestPath) !== 'Cargo.toml') throw new BuildmedicError('project-unreadable', `pyproject.toml: [tool.maturin] manifest-path ${named} is not a Cargo.toml; cargo reads no other manifest, and doctor did not read it`);
    if (!isInside(dir, manifestPath) && !isInside(dirname(manifestPath), dir)) {
      throw new BuildmedicError('project-unreadable', `pyproject.toml: [tool.maturin] manifest-path ${named} is outside the project; doctor reads no file outside it (run doctor in a directory that holds both)`);
    }
    manifestText = await readText(manifestPath);
  }
  // setuptools-rust and maturin projects often keep the crate in a subdirectory.
  for (const sub of ['rust', 'src-rust', 'native']) {
    if (manifestText !== null || !python || python.backend === 'none' || !(await isDir(join(dir, sub)))) continue;
    manifestPath = join(dir, sub, 'Cargo.toml');
    manifestText = await readText(manifestPath);
  }
  const rust = manifestText === null ? null : await readRust(readText, dir, manifestPath, manifestText);
  const cmakeText = await readText(join(dir, 'CMakeLists.txt'));
  const cmake = cmakeText === null ? null : await withIncludes(readText, dir, parseCmakeLists(cmakeText));

  const files: string[] = [];
  if (rust) {
    files.push(relative(dir, rust.manifestPath) || 'Cargo.toml');
    if (rust.lockPath) files.push(relative(dir, rust.lockPath));
    if (rust.toolchain) files.push(relative(dir, rust.toolchain.file));
  }
  if (python) {
    if (python.pyproject) files.push('pyproject.toml');
    files.push(...python.requirements.map((r) => r.file));
    if (python.pinnedPython) files.push(python.pinnedPython.from);
  }
  if (cmake) files.push('CMakeLists.txt');
  return { dir, rust, python, cmake, files };
}
