// Recognises the cargo / cargo-chef / maturin commands of a RUN, and where they run; pure.

import { resolvePath, type RunStep } from './parse.js';
import { commandWords, type ShellCommand } from './shell.js';

export type CargoAction = 'build' | 'install-path' | 'install-crate' | 'chef-cook' | 'chef-prepare' | 'maturin' | 'generate-lockfile';

export interface CargoRun {
  action: CargoAction;
  /** Directory the command runs in (WORKDIR, then `cd` earlier in the same RUN, or --manifest-path's directory). */
  cwd: string;
  /** --locked or --frozen: cargo refuses to change (or create) Cargo.lock. */
  locked: boolean;
  command: ShellCommand;
}

// cargo subcommands that compile the workspace (and their one-letter aliases).
const BUILDS = new Set(['build', 'b', 'test', 't', 'run', 'r', 'check', 'c', 'rustc', 'doc', 'd', 'bench', 'clippy']);

/** The cargo-family commands a RUN runs, in order. */
export function cargoRuns(run: RunStep): CargoRun[] {
  const out: CargoRun[] = [];
  let cwd = run.workdir;
  for (const cmd of run.commands) {
    const w = commandWords(cmd).map((x) => x.value);
    if (w[0] === 'cd' && w[1]) {
      cwd = resolvePath(cwd, w[1]);
      continue;
    }
    const prog = w[0]?.replace(/^.*\//, '');
    const args = w.slice(1).filter((a) => !a.startsWith('+'));
    const manifest = args.findIndex((a) => a === '--manifest-path' || a.startsWith('--manifest-path='));
    const here = manifest >= 0 ? resolvePath(cwd, (args[manifest].includes('=') ? args[manifest].split('=')[1] : args[manifest + 1] ?? '').replace(/\/?Cargo\.toml$/, '') || '.') : cwd;
    const locked = args.includes('--locked') || args.includes('--frozen');
    let action: CargoAction | null = null;
    // xx-cargo (tonistiigi/xx) runs cargo for the target platform.
    if (prog === 'cargo' || prog === 'cross' || prog === 'xx-cargo') {
      const sub = args.find((a) => !a.startsWith('-'));
      if (sub && BUILDS.has(sub)) action = 'build';
      else if (sub === 'install') action = args.some((a) => a === '--path' || a.startsWith('--path=')) ? 'install-path' : 'install-crate';
      else if (sub === 'chef') action = args.includes('cook') ? 'chef-cook' : args.includes('prepare') ? 'chef-prepare' : null;
      else if (sub === 'generate-lockfile' || sub === 'update') action = 'generate-lockfile';
      else if (sub === 'zigbuild') action = 'build';
    } else if (prog === 'maturin' && (args[0] === 'build' || args[0] === 'develop' || args[0] === 'publish')) action = 'maturin';
    if (action) out.push({ action, cwd: here, locked, command: cmd });
  }
  return out;
}

/** True when the command compiles crates (and so needs their system dependencies). */
export function compiles(action: CargoAction): boolean {
  return action === 'build' || action === 'install-path' || action === 'chef-cook' || action === 'maturin';
}
