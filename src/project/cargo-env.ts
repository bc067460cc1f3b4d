// How buildmedic runs cargo in a checkout it does not trust (I/O: looks programs up on PATH): which cargo, and the
// environment that keeps the checkout from choosing a program for it.

import { delimiter, isAbsolute } from 'node:path';
import { probeWhich } from '../env/probe.js';
import { findRustToolchain } from './discover.js';
import { rustToolchainChoice } from './toolchain.js';

/**
 * The environment cargo runs in, so that the checkout picks no program for it: rustup gets the pinned channel by
 * name (a rust-toolchain `path` would run the checkout's cargo), and RUSTC / RUSTC_WRAPPER / RUSTC_WORKSPACE_WRAPPER
 * (which beat .cargo/config.toml) keep the project's `build.rustc` and wrappers from running (cargo runs `rustc -vV`
 * for `metadata --filter-platform` and for the rust-version-aware resolver). The user's own values stay.
 */
export async function cargoEnv(cwd: string): Promise<{ env: Record<string, string> } | { refused: string }> {
  const choice = rustToolchainChoice(await findRustToolchain(cwd), process.env);
  if (!choice.run) return { refused: choice.why };
  return {
    env: {
      ...choice.env,
      RUSTC: process.env.RUSTC ?? (await absoluteProgram('rustc')) ?? 'rustc',
      RUSTC_WRAPPER: process.env.RUSTC_WRAPPER ?? '',
      RUSTC_WORKSPACE_WRAPPER: process.env.RUSTC_WORKSPACE_WRAPPER ?? '',
    },
  };
}

/**
 * `name` looked up in PATH's absolute directories only: tools run in the project, where a relative entry (`.`, an
 * empty one, `bin`) would find a program the checkout ships. Null when not found.
 */
export async function absoluteProgram(name: string): Promise<string | null> {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => isAbsolute(d));
  return probeWhich(name, { PATH: dirs.join(delimiter) });
}
