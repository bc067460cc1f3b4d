// The finding every project command reports (scan, fix, wheels, the Action): located in project files, with a fix plan made of
// text edits (never re-serialised files) plus, where a fix needs one, a real tool to run.

import type { FileLocation, TextEdit } from '../project/files.js';

export type Severity = 'error' | 'warning';

/** Whether a fix can be applied without review: safe ones only add what is missing; unsafe ones change behaviour. */
export type FixSafety = 'safe' | 'unsafe';

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
  /** Named values; a list stays a list (crate-feature-missing's `features`), as diagnose publishes it. */
  captures: Record<string, string | string[]>;
  fix: FixPlan | null;
  /**
   * Set when the finding depends on something scan could not resolve (e.g. Cargo's feature unification without
   * `cargo metadata`): why it is unverified. Such findings are held back unless asked for (`--unverified`).
   */
  unverified?: string;
}
