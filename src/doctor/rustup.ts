// Whether rustup installs a missing toolchain by itself (the one a rust-toolchain file pins) on the first cargo or
// rustc call: pure, from the environment, rustup's settings.toml and `rustup --version`; reading the file is the caller's.

import { parse as parseToml } from 'smol-toml';

export interface AutoInstall {
  /** True: the first cargo/rustc call in the project downloads and installs the pinned toolchain (when online). */
  on: boolean;
  /** Why, in words for the report. */
  why: string;
}

// rustup --version: "rustup 1.29.0 (28d1352db 2026-03-05)".
const RUSTUP_VERSION = /^rustup (\d+)\.(\d+)\.(\d+)/m;

/**
 * rustup decides in this order (rustup's Cfg::should_auto_install): RUSTUP_AUTO_INSTALL set means on unless it is
 * "0"; else `auto_install = "disable"` in settings.toml (`rustup set auto-install disable`) turns it off. rustup
 * 1.28.0 alone never installed the active toolchain by itself; 1.28.1 brought it back.
 */
export function rustupAutoInstall(env: Record<string, string | undefined>, settingsToml: string | null, versionOutput: string | null): AutoInstall {
  const v = versionOutput ? RUSTUP_VERSION.exec(versionOutput) : null;
  if (v && v[1] === '1' && v[2] === '28' && v[3] === '0') return { on: false, why: 'rustup 1.28.0 does not install toolchains by itself (1.28.1 and later do)' };
  const variable = env.RUSTUP_AUTO_INSTALL;
  if (variable !== undefined) return variable === '0' ? { on: false, why: 'RUSTUP_AUTO_INSTALL=0 turns off its auto-install' } : { on: true, why: `RUSTUP_AUTO_INSTALL=${variable}` };
  let setting: unknown;
  try {
    setting = settingsToml ? (parseToml(settingsToml) as Record<string, unknown>).auto_install : undefined;
  } catch {
    setting = undefined; // rustup itself would refuse a broken settings file; that is for its own error to say
  }
  if (typeof setting === 'string' && setting.toLowerCase() === 'disable') return { on: false, why: 'auto-install is disabled in its settings.toml (`rustup set auto-install disable`)' };
  return { on: true, why: 'rustup installs a missing pinned toolchain on first use' };
}
