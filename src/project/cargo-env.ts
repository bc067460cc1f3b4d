// How buildmedic runs cargo in a checkout it does not trust (I/O: looks programs up on PATH): which cargo, and the
// environment that keeps the checkout from choosing a program for it.

import { delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { probeWhich } from './probe.js';
import { parseTomlText } from './cargo.js';
import { readProjectFile } from './read-file.js';
import { findRustToolchain } from './discover.js';
import { rustToolchainChoice } from './toolchain.js';

/**
 * The cargo configuration a checkout may set and still have buildmedic run cargo in it: keys that run no program and
 * set no environment for the programs cargo starts (`rustc -vV`, `rustc --print cfg`). Anything else — `[env]`,
 * `build.rustflags` (a `-Z codegen-backend` is a library rustc loads), `rustc`/wrappers, credential providers,
 * `credential-alias`, `include`, `unstable`, `resolver`, `net.git-fetch-with-cli` — makes buildmedic leave cargo unrun.
 */
const HARMLESS_CONFIG: Record<string, true | readonly string[]> = {
  alias: true,
  'cargo-new': true,
  doc: true,
  'future-incompat-report': true,
  install: true,
  patch: true,
  profile: true,
  source: true,
  term: true,
  build: ['target', 'target-dir', 'jobs', 'incremental', 'dep-info-basedir', 'pipelining'],
  net: ['retry', 'offline'],
};
// [target.<triple or cfg>]: only the linker and the runner, which metadata and generate-lockfile never start.
const HARMLESS_TARGET_KEYS = new Set(['linker', 'runner']);

// The OS part a host triple of this machine has (rustc's host is always the OS it runs on): a `[target.<triple>]`
// table without it can only be applied when cargo is asked to build for that triple.
const HOST_OS: Partial<Record<NodeJS.Platform, RegExp>> = {
  linux: /linux/i,
  darwin: /apple|darwin/i,
  win32: /windows/i,
  freebsd: /freebsd/i,
  openbsd: /openbsd/i,
  netbsd: /netbsd/i,
  sunos: /solaris|illumos/i,
  aix: /aix/i,
};

/**
 * Whether cargo never applies `[target.<triple>].rustflags` here: cargo passes a target table's rustflags to rustc
 * (for `--print cfg` too) only for the kinds it builds, the host and the requested target (`--filter-platform`). A
 * literal triple that is not `target` and cannot be this machine's host is never one of them; a `cfg(...)` table may
 * match any target, and on a platform whose triples are not known here every triple may be the host.
 */
export function rustflagsNeverApplied(triple: string, target: string | undefined, platform: NodeJS.Platform = process.platform): boolean {
  const hostOs = HOST_OS[platform];
  return hostOs !== undefined && /^[A-Za-z0-9_.-]+$/.test(triple) && triple !== target && !hostOs.test(triple);
}

/**
 * Why the checkout's .cargo/config(.toml) between `cwd` and `root` (inclusive) could run a program through cargo, or
 * null. `target`: the triple cargo is asked about (`--filter-platform`), if any besides the host.
 */
export async function untrustedCargoConfig(cwd: string, root: string, target?: string): Promise<string | null> {
  const top = resolve(root);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of ['config.toml', 'config']) {
      const file = join(dir, '.cargo', name);
      const read = await readProjectFile(file, 1024 * 1024);
      if ('missing' in read) continue;
      const shown = relative(top, file) || file;
      if ('unread' in read) return `${shown} is ${read.unread.replace(/; not read$/, '')}, so what it makes cargo run cannot be checked`;
      const text = read.bytes.toString('utf8');
      let table: Record<string, unknown>;
      try {
        table = parseTomlText(text, shown) as Record<string, unknown>;
      } catch {
        return `${shown} is not valid TOML, so what it makes cargo run cannot be checked`;
      }
      for (const [key, value] of Object.entries(table)) {
        const allowed = key === 'target' ? 'target' : HARMLESS_CONFIG[key];
        const sub = value !== null && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
        const bad =
          allowed === undefined
            ? key
            : allowed === 'target'
              ? sub.flatMap(([t, v]) => Object.keys((v ?? {}) as object).filter((k) => !HARMLESS_TARGET_KEYS.has(k) && !(k === 'rustflags' && rustflagsNeverApplied(t, target))).map((k) => `target.${t}.${k}`))[0]
              : allowed === true
                ? undefined
                : sub.map(([k]) => k).filter((k) => !allowed.includes(k)).map((k) => `${key}.${k}`)[0];
        if (bad) return `${shown} sets \`${bad}\`, through which cargo would run a program or give one an environment the checkout chose`;
      }
    }
    // Up to the project root and no further: configuration above it is the user's own, not the checkout's.
    const rel = relative(top, dir);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || dirname(dir) === dir) return null;
  }
}

/**
 * The environment cargo runs in (asked about `target` besides the host, if given), so that the checkout picks no
 * program for it: rustup gets the pinned channel by
 * name (a rust-toolchain `path` would run the checkout's cargo), and RUSTC / RUSTC_WRAPPER / RUSTC_WORKSPACE_WRAPPER
 * (which beat .cargo/config.toml) keep the project's `build.rustc` and wrappers from running (cargo runs `rustc -vV`
 * for `metadata --filter-platform` and for the rust-version-aware resolver). The user's own values stay.
 */
export async function cargoEnv(cwd: string, root: string, target?: string): Promise<{ env: Record<string, string> } | { refused: string }> {
  const choice = rustToolchainChoice(await findRustToolchain(cwd), process.env);
  if (!choice.run) return { refused: choice.why };
  const config = await untrustedCargoConfig(cwd, root, target);
  if (config) return { refused: `${config}, and buildmedic runs no program a checkout configures` };
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
