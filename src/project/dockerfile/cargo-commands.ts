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
  /** What the command builds, from its flags. */
  selection: CommandSelection;
  command: ShellCommand;
}

/** The package, feature and target flags of a cargo, cargo-chef or maturin command. */
export interface CommandSelection {
  /** `-p`/`--package` names. */
  packages: string[];
  /** `--bin` names. */
  bins: string[];
  /** `--workspace` (or `--all`). */
  workspace: boolean;
  /** `--features`/`-F` values, split on commas and spaces. */
  features: string[];
  noDefaultFeatures: boolean;
  allFeatures: boolean;
  /** `--target`, or null. */
  target: string | null;
  /** `--manifest-path` (maturin: `-m`) as an absolute image path, or null. */
  manifestPath: string | null;
  /** A package, target or manifest comes from a variable or command substitution (`-p $APP`): what is built is not known. */
  opaque: boolean;
  /**
   * Some features come from a variable (`--features ${DB}`, as vaultwarden builds): they are left out of `features`.
   * Features only add crates, so what the known ones need is still needed.
   */
  featuresOpaque: boolean;
}

/** The value of `--name value` / `--name=value` (and `-x value`, `-xvalue` for a one-letter alias) flags, in order. */
function flagValues(args: readonly string[], long: string, short?: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a === long || (short && a === short)) {
      if (args[i + 1] !== undefined) out.push(args[++i]);
    } else if (a.startsWith(`${long}=`)) out.push(a.slice(long.length + 1));
    else if (short && a.startsWith(short) && !a.startsWith('--') && a.length > short.length) out.push(a.slice(short.length).replace(/^=/, ''));
  }
  return out;
}

/** The selection flags of a command's arguments (after the program name); `cwd` resolves a relative manifest path. */
export function commandSelection(args: readonly string[], cwd: string, maturin = false): CommandSelection {
  const packages = flagValues(args, '--package', '-p');
  const bins = flagValues(args, '--bin');
  const allFeatures = flagValues(args, '--features', '-F').flatMap((v) => v.split(/[\s,]+/)).filter(Boolean);
  const features = allFeatures.filter((f) => !/[$`]/.test(f));
  const target = flagValues(args, '--target').at(-1) ?? null;
  const manifest = flagValues(args, '--manifest-path', maturin ? '-m' : undefined).at(-1) ?? null;
  const values = [...packages, ...bins, ...(target ? [target] : []), ...(manifest ? [manifest] : [])];
  return {
    packages,
    bins,
    workspace: args.includes('--workspace') || args.includes('--all'),
    features,
    noDefaultFeatures: args.includes('--no-default-features'),
    allFeatures: args.includes('--all-features'),
    target,
    manifestPath: manifest ? resolvePath(cwd, manifest) : null,
    opaque: values.some((v) => /[$`]/.test(v)),
    featuresOpaque: features.length < allFeatures.length,
  };
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
    // `cargo install --path X` reads X/Cargo.toml, as `--manifest-path X/Cargo.toml` does.
    const sub = args.find((a) => !a.startsWith('-'));
    const installPath = sub === 'install' ? (flagValues(args, '--path').at(-1) ?? null) : null;
    const here = manifest >= 0
      ? resolvePath(cwd, (args[manifest].includes('=') ? args[manifest].split('=')[1] : args[manifest + 1] ?? '').replace(/\/?Cargo\.toml$/, '') || '.')
      : installPath ? resolvePath(cwd, installPath) : cwd;
    const locked = args.includes('--locked') || args.includes('--frozen');
    let action: CargoAction | null = null;
    // xx-cargo (tonistiigi/xx) runs cargo for the target platform.
    if (prog === 'cargo' || prog === 'cross' || prog === 'xx-cargo') {
      if (sub && BUILDS.has(sub)) action = 'build';
      else if (sub === 'install') action = args.some((a) => a === '--path' || a.startsWith('--path=')) ? 'install-path' : 'install-crate';
      else if (sub === 'chef') action = args.includes('cook') ? 'chef-cook' : args.includes('prepare') ? 'chef-prepare' : null;
      else if (sub === 'generate-lockfile' || sub === 'update') action = 'generate-lockfile';
      else if (sub === 'zigbuild') action = 'build';
    } else if (prog === 'maturin' && (args[0] === 'build' || args[0] === 'develop' || args[0] === 'publish')) action = 'maturin';
    if (action) out.push({ action, cwd: here, locked, selection: commandSelection(args, cwd, action === 'maturin'), command: cmd });
  }
  return out;
}

/** True when the command compiles crates (and so needs their system dependencies). */
export function compiles(action: CargoAction): boolean {
  return action === 'build' || action === 'install-path' || action === 'chef-cook' || action === 'maturin';
}
