// What `buildmedic scan` reports and `buildmedic fix` applies: findings located in project files, and fix plans
// made of text edits (never re-serialised files) plus, where a fix needs one, a real tool to run.

/** A place in a project file; lines are 1-based, as editors show them. */
import type { CargoResolution } from '../project/cargo-metadata.js';

export interface FileLocation {
  /** Path relative to the scanned directory, with '/' separators. */
  file: string;
  line: number;
  text: string;
}

export type Severity = 'error' | 'warning';

/** Whether a fix can be applied without review: safe ones only add what is missing; unsafe ones change behaviour. */
export type FixSafety = 'safe' | 'unsafe';

/** Replace [start, end) of a file's text (UTF-16 offsets into the text as read) with `text`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

/** A tool a fix needs to run (e.g. `cargo generate-lockfile`, `git add Cargo.lock`), never run in a dry run. */
export interface FixCommand {
  argv: string[];
  /** Relative to the scanned directory. */
  cwd: string;
  why: string;
  /** Only run when the user asked for it with this flag (e.g. `--git` for git add). */
  optIn?: string;
  /** Try with `--offline` first and only then without (cargo: use what is cached before asking the registry). */
  offlineFirst?: boolean;
}

export interface FixPlan {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
  commands: FixCommand[];
}

export interface ScanFinding {
  /** A knowledge-base rule id (the same as `diagnose` reports) or a scan check id; `buildmedic explain` knows both. */
  rule: string;
  title: string;
  severity: Severity;
  /** What is wrong here, specifically (names the crate, stage, file...). */
  message: string;
  evidence: FileLocation[];
  captures: Record<string, string>;
  fix: FixPlan | null;
  /**
   * Set when the finding depends on something scan could not resolve (e.g. Cargo's feature unification without
   * `cargo metadata`): why it is unverified. Such findings are held back unless asked for (`--unverified`).
   */
  unverified?: string;
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
  /** The Rust target triple the build is for (`--target`, `[build] target`, else the host). */
  target?: string;
}

/** A pure scanner: project files in, findings out. */
export interface Scanner {
  id: string;
  /** Which files it needs, as globs relative to the root (for the reader). */
  reads: readonly string[];
  /** `skipped` tells the report of a file the scanner left out (past a size limit), so that no silence is taken for a clean file. */
  scan(project: ProjectFiles, skipped?: (message: string) => void): ScanFinding[];
}
