// `buildmedic scan FILE...` (pre-commit passes the changed files): which project those files belong to, and which
// findings are theirs. The root is found with git (I/O); the selection of findings is pure.

import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { BuildmedicError, fileError } from '../errors.js';
import { runGit } from '../project/git.js';
import { isInside } from '../project/paths.js';
import type { ScanFinding } from '../report/finding.js';
import { GIT_REFUSED, type ScanReport } from './run-scan.js';

/** What the scan arguments name: one project directory (or none: the current one), or changed files. */
export type ScanTarget = { kind: 'directory'; dir: string } | { kind: 'files'; root: string; files: string[] };

/** The top of the git work tree holding `dir`, or null (not in one, no git, or git refused the repository). */
async function gitTopLevel(dir: string): Promise<string | null> {
  const r = await runGit(dir, 'rev-parse', ['--show-toplevel']);
  return r.code === 0 ? r.stdout.trim() || null : null;
}

function commonDirectory(paths: readonly string[]): string {
  let common = dirname(paths[0]);
  for (const p of paths.slice(1)) while (!isInside(common, p)) common = dirname(common);
  return common;
}


/**
 * Resolves the scan arguments (I/O: stat, git). No argument or one directory: that directory, as before. Files: the
 * project is the git work tree that holds them all (pre-commit runs from its top), else the current directory when
 * it holds them all, else their common directory; a directory mixed with files is a usage error.
 */
export async function resolveScanTarget(args: readonly string[], cwd: string): Promise<ScanTarget> {
  if (args.length === 0) return { kind: 'directory', dir: cwd };
  const absolute = args.map((a) => resolve(cwd, a));
  const kinds = await Promise.all(
    absolute.map((p, i) =>
      stat(p).then(
        (st) => (st.isDirectory() ? 'directory' : 'file'),
        (error) => {
          throw fileError(args[i], error);
        },
      ),
    ),
  );
  if (kinds.length === 1 && kinds[0] === 'directory') return { kind: 'directory', dir: args[0] };
  const dirIndex = kinds.indexOf('directory');
  if (dirIndex >= 0) throw new BuildmedicError('usage', `${args[dirIndex]}: a directory among file arguments (give one project directory, or the changed files)`);
  const common = commonDirectory(absolute);
  const top = await gitTopLevel(common);
  const root = top && isInside(top, common) ? top : isInside(resolve(cwd), common) ? resolve(cwd) : common;
  return { kind: 'files', root, files: absolute.map((p) => relative(root, p).split(sep).join('/')) };
}

/** Files a finding is in (its evidence) or would change (its fix's edits): a change to any of them may have caused it. */
export function filesOfFinding(f: ScanFinding): Set<string> {
  return new Set([...f.evidence.map((e) => e.file), ...(f.fix?.edits.map((e) => e.file) ?? [])]);
}

/**
 * The part of a whole-project scan that concerns the changed files: findings located in or fixed in one of them,
 * problems (unreadable files) that name one, and git's refusal of the repository, which leaves every file's git
 * checks undone. Pure.
 */
export function selectForFiles(report: ScanReport, files: readonly string[]): ScanReport {
  const changed = new Set(files);
  const findings = report.findings.filter((f) => [...filesOfFinding(f)].some((file) => changed.has(file)));
  const problems = report.problems.filter((p) => p.scanner === GIT_REFUSED || files.some((file) => p.message.startsWith(`${file}:`) || p.message.includes(` ${file}`)));
  // What was held back, and which toolchain resolved the graph, are the whole project's: the changed files do not
  // narrow why a check could not be verified.
  return { findings, problems, heldBack: report.heldBack, toolchainFallbacks: report.toolchainFallbacks };
}
