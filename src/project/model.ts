// The project model: what a Rust, Python-extension or CMake project declares, as plain data shared by doctor, scan/fix and wheels.

import type { CmakeProject } from './cmake.js';

/** One dependency as declared in a Cargo.toml table. */
export interface CargoDependency {
  /** The crate's real name (`package = "..."` when renamed), not the key. */
  name: string;
  /** The key in the table (differs from name when renamed). */
  key: string;
  /** Version requirement as written, or null for path/git-only dependencies. */
  req: string | null;
  kind: 'normal' | 'dev' | 'build';
  /** `cfg(...)` or triple for `[target.X.dependencies]`, else null. */
  target: string | null;
  features: string[];
  defaultFeatures: boolean;
  optional: boolean;
  /** `dep.workspace = true`: resolved against `[workspace.dependencies]` by the reader. */
  workspace: boolean;
  path: string | null;
  git: string | null;
  /** `rev = "..."` of a git dependency, when given. */
  rev?: string | null;
}

export interface CargoManifest {
  /** Null for a virtual workspace manifest. */
  package: {
    name: string;
    version: string | null;
    /** Edition as written, or inherited from the workspace; null when absent (means 2015). */
    edition: string | null;
    rustVersion: string | null;
    /** Whether `edition` / `rust-version` say `{ workspace = true }` (resolved by the reader). */
    inherits: { edition: boolean; rustVersion: boolean };
    links: string | null;
    build: string | boolean | null;
  } | null;
  workspace: {
    members: string[];
    exclude: string[];
    /** `default-members`: what a plain `cargo build` at the root builds (null: every member). */
    defaultMembers: string[] | null;
    /** `[workspace.package]` values members may inherit. */
    package: { edition: string | null; rustVersion: string | null };
    dependencies: CargoDependency[];
  } | null;
  dependencies: CargoDependency[];
  /** `[features]` of this package. */
  features: Record<string, string[]>;
}

export interface LockedCrate {
  name: string;
  version: string;
  /** `registry+https://...`, `git+...`, or null for workspace/path crates. */
  source: string | null;
  /** Dependencies as `name` or `name version` (the lock's own spelling, disambiguated when needed). */
  dependencies: string[];
}

export interface CargoLock {
  /** The lock file format version (`version = 3`); 1 when the file has none (formats 1 and 2 have no field). */
  version: number;
  packages: LockedCrate[];
}

/** A `rust-toolchain` or `rust-toolchain.toml` file. */
export interface RustToolchainFile {
  file: string;
  channel: string | null;
  /** `[toolchain] path = "..."`: a toolchain directory on disk instead of a channel (rustup 1.25+). */
  path: string | null;
  targets: string[];
  components: string[];
}

export interface RustProject {
  /** Directory of the manifest cargo would use (the workspace root when DIR is a member). */
  root: string;
  manifestPath: string;
  manifest: CargoManifest;
  /**
   * Manifests of the workspace members (including the root package, if any), by directory, with the text of each
   * one's build script (`build.rs`, or `package.build`) when it has one: read, never run (`text` null: it is there but
   * could not be read).
   */
  members: { dir: string; manifest: CargoManifest; buildScript?: { file: string; text: string | null } | null }[];
  /** Directories of `default-members` (what `cargo build` at the root builds), or null when all members are. */
  defaultMembers: string[] | null;
  lock: CargoLock | null;
  lockPath: string | null;
  toolchain: RustToolchainFile | null;
  /** Targets from `.cargo/config.toml` `[build] target` in the project and its parents. */
  configTargets: string[];
  /** `[target.<triple or cfg>] linker = "..."` from `.cargo/config.toml` files, nearest first. */
  configLinkers: { target: string; linker: string; file: string }[];
  /** Effective minimum Rust: the highest `rust-version` among members, with the file that says it. */
  rustVersion: { version: string; from: string } | null;
  /** Highest edition among members, with the file that says it. */
  edition: { edition: string; from: string } | null;
  /** Features requested for each crate name by the workspace manifests (the lock does not record features). */
  requestedFeatures: Record<string, string[]>;
  /**
   * The git dependencies of the members, each with its checkout in CARGO_HOME/git/checkouts when cargo has fetched
   * that revision (its manifest and build script, read and never run), else why it was not found.
   */
  gitDependencies?: GitDependency[];
  /** Path dependencies of the members whose Cargo.toml is not in the checkout (a git submodule not checked out). */
  absentPathCrates?: string[];
  /** What could not be read as cargo would (an invalid member glob), in one sentence each. */
  notes?: string[];
}

export interface GitDependency {
  name: string;
  url: string;
  checkout: { dir: string; manifest: CargoManifest; buildScript: string | null } | null;
  /** Why there is no checkout to read, when there is none. */
  why?: string;
}

export interface PyprojectInfo {
  buildBackend: string | null;
  buildRequires: string[];
  requiresPython: string | null;
  name: string | null;
  dependencies: string[];
  /** `[tool.maturin] manifest-path`, when set. */
  maturinManifestPath: string | null;
  /** `[tool.maturin] features` (e.g. `pyo3/abi3-py38`). */
  maturinFeatures: string[];
}

export interface Requirement {
  name: string;
  /** Normalised (PEP 503) name. */
  normalized: string;
  specifier: string;
  marker: string | null;
  line: number;
}

export interface PythonProject {
  root: string;
  pyproject: PyprojectInfo | null;
  /** The kind of native build this Python project does. */
  backend: 'maturin' | 'setuptools-rust' | 'setuptools-c' | 'setuptools' | 'other' | 'none';
  /** `setup.py` declares C/C++ `Extension(...)` modules. */
  cExtensions: boolean;
  /** `setup.py` extension sources include C++ files. */
  cppExtensions: boolean;
  requirements: { file: string; requirements: Requirement[] }[];
  /** Wanted interpreter version from `.python-version` or `runtime.txt`, with the file. */
  pinnedPython: { version: string; from: string } | null;
}

export interface Project {
  dir: string;
  rust: RustProject | null;
  python: PythonProject | null;
  /** The top-level CMakeLists.txt, when the project has one. */
  cmake: CmakeProject | null;
  /** Files read, relative to dir, for the report. */
  files: string[];
}
