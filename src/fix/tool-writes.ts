// What the tools a fix runs would write, and whether that stays inside the project (I/O: reads manifests only).
// `cargo generate-lockfile` writes the lock of the workspace root, which cargo looks for in parent directories, so
// it may be far above the project; `git add` stages the paths it is given.

import { readFile, realpath } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { FixCommand } from '../report/finding.js';
import { isInside } from '../project/paths.js';
import { outsideReason } from './write-files.js';

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parsed manifest at `path`; null when there is none; a string when cargo could not read it either. */
async function readManifest(path: string): Promise<Table | null | string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : `${path} cannot be read`;
  }
  try {
    return parseToml(text) as Table;
  } catch {
    return `${path} is not valid TOML`;
  }
}

/**
 * The Cargo.lock that cargo run in `dir` writes, found as cargo finds the workspace root: the package's own
 * `[workspace]`, its `package.workspace` path, else the nearest ancestor manifest with a `[workspace]` that does not
 * exclude it (an explicit member is never excluded). Ancestors of the physical directory, as cargo's getcwd sees it.
 */
export async function cargoLockTarget(dir: string): Promise<{ lock: string } | { unknown: string }> {
  const here = await realpath(dir);
  const own = await readManifest(join(here, 'Cargo.toml'));
  if (typeof own === 'string') return { unknown: own };
  if (own && isTable(own.workspace)) return { lock: join(here, 'Cargo.lock') };
  const pkg = own && isTable(own.package) ? own.package : null;
  if (pkg && typeof pkg.workspace === 'string') return { lock: join(resolve(here, pkg.workspace), 'Cargo.lock') };
  const manifest = join(here, 'Cargo.toml');
  for (let up = dirname(here); ; up = dirname(up)) {
    const m = await readManifest(join(up, 'Cargo.toml'));
    if (typeof m === 'string') return { unknown: `cargo would read ${m}` };
    if (m && isTable(m.workspace)) {
      const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      const excluded = list(m.workspace.exclude).some((ex) => isInside(join(up, ex), manifest));
      const member = list(m.workspace.members).some((mem) => isInside(join(up, mem), manifest));
      if (!excluded || member) return { lock: join(up, 'Cargo.lock') };
    }
    if (dirname(up) === up) break;
  }
  return { lock: join(here, 'Cargo.lock') };
}

/** The paths `git add` is given (after `--`, else every argument that is not an option). */
function gitAddTargets(argv: readonly string[]): string[] {
  const rest = argv.slice(2);
  const dash = rest.indexOf('--');
  return dash >= 0 ? rest.slice(dash + 1) : rest.filter((a) => !a.startsWith('-'));
}

/** Why running `command` would write outside the project at `root` (so it must not run): the path and why; or null. */
export async function toolWriteRefusal(root: string, command: FixCommand): Promise<{ file: string; reason: string } | null> {
  const cwd = join(root, command.cwd);
  if (command.argv[0] === 'cargo' && command.argv[1] === 'generate-lockfile') {
    const target = await cargoLockTarget(cwd);
    if ('unknown' in target) return { file: join(command.cwd, 'Cargo.lock'), reason: `not run: where cargo would write Cargo.lock is unknown (${target.unknown})` };
    const outside = await outsideReason(root, target.lock);
    if (!outside) return null;
    const ws = dirname(target.lock) === (await realpath(cwd)) ? '' : ` (cargo's workspace root is ${dirname(target.lock)})`;
    return { file: target.lock, reason: `not run: it would write ${target.lock}, ${outside}${ws}` };
  }
  if (command.argv[0] === 'git' && command.argv[1] === 'add') {
    for (const path of gitAddTargets(command.argv)) {
      const outside = await outsideReason(root, resolve(cwd, path));
      if (outside) return { file: path, reason: `not run: ${path} is ${outside}` };
    }
  }
  return null;
}
