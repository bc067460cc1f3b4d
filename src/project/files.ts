// What a project is to the commands that read it: its files as read once (I/O happens in read-project.ts), and places in them.

import type { CargoResolution } from './cargo-metadata.js';

/** A place in a project file; lines are 1-based, as editors show them. */
export interface FileLocation {
  /** Path relative to the scanned directory, with '/' separators. */
  file: string;
  line: number;
  text: string;
}

/** Replace [start, end) of a file's text (UTF-16 offsets into the text as read) with `text`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

/** The text of every file a scanner may look at, keyed by relative path, plus what git tracks. Read once (I/O). */
export interface ProjectFiles {
  root: string;
  files: ReadonlyMap<string, string>;
  /** Paths git tracks, or null when the directory is not a git work tree. */
  gitTracked: ReadonlySet<string> | null;
  /** Paths git ignores (among those asked about), or null outside git. */
  gitIgnored: ReadonlySet<string> | null;
  /** Every file path found under the root (read or not), so scanners can tell whether a referenced file exists. */
  paths?: ReadonlySet<string>;
  /** Symlinks under the root (never entered): what each points to, and whether that is a file inside the project. */
  symlinks?: ReadonlyMap<string, { target: string; inside: boolean; exists: boolean }>;
  /**
   * Files a scanner asked for that were not read (too large, a FIFO, a link out), so the report can say what it did
   * not check; `walkCut` marks where the walk's own limits stopped it (no file there was asked for by name).
   */
  unread?: readonly { file: string; reason: string; walkCut?: true }[];
  /** Why git would not read the repository (another user owns it), when it refused; the git facts are then null. */
  gitRefused?: string;
  /** What `cargo metadata` resolved for each workspace (keyed by the workspace root's directory), when it was asked. */
  cargo?: ReadonlyMap<string, CargoResolution>;
  /**
   * What `cargo metadata` resolved for a package built with other features than its defaults (maturin's
   * `[tool.maturin] features`), keyed by featureVariantKey(manifest, flags).
   */
  cargoVariants?: ReadonlyMap<string, CargoResolution>;
  /** The Rust target triple the build is for (`--target`, `[build] target`, else the host). */
  target?: string;
}

/** The key of ProjectFiles.cargoVariants: the package's manifest (relative path) and the feature flags cargo was given. */
export function featureVariantKey(manifest: string, featureArgs: readonly string[]): string {
  return `${manifest}\0${featureArgs.join(' ')}`;
}
