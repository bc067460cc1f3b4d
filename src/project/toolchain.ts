// Pure parser for rust-toolchain (legacy one-line form) and rust-toolchain.toml files.

import { parseTomlText } from './cargo.js';
import type { RustToolchainFile } from './model.js';
import { clipForMessage, shellQuote } from './shell-quote.js';

export function parseRustToolchain(text: string, file: string): RustToolchainFile {
  const trimmed = text.trim();
  // rustup's legacy format: the whole file is a channel name, no TOML.
  if (!file.endsWith('.toml') && !trimmed.includes('[') && !trimmed.includes('=')) {
    return { file, channel: trimmed.split(/\s+/)[0] || null, path: null, targets: [], components: [] };
  }
  const t = parseTomlText(text, file);
  const tc = (typeof t.toolchain === 'object' && t.toolchain !== null ? t.toolchain : {}) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    file,
    // A `path = ...` toolchain (a local build) has no channel to compare against.
    channel: typeof tc.channel === 'string' ? tc.channel : null,
    path: typeof tc.path === 'string' ? tc.path : null,
    targets: list(tc.targets),
    components: list(tc.components),
  };
}

// rustup toolchain names: `stable`, `1.70.0`, `nightly-2024-01-01-x86_64-unknown-linux-gnu`, or a name given to
// `rustup toolchain link`. A value with a path separator is a path to rustup (RUSTUP_TOOLCHAIN and +toolchain accept
// paths since rustup 1.25), so only plain names pass.
const TOOLCHAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;

/** The channel of a toolchain file when it is a plain rustup toolchain name (never a path); null otherwise. */
export function safeToolchainName(channel: string | null): string | null {
  return channel !== null && TOOLCHAIN_NAME.test(channel) ? channel : null;
}

export interface ToolchainPin {
  channel: string | null;
  path: string | null;
  file: string;
}

/**
 * How doctor's probes and fix's cargo pick the project's toolchain without running the project's files: the pinned
 * channel, read by us, validated as a plain name, and handed to rustup as RUSTUP_TOOLCHAIN. `run: false` when the
 * pin is a path or not a plain name: then rustc and cargo are not run at all, and `why` says so.
 */
export function rustToolchainChoice(pin: ToolchainPin | null, env: Record<string, string | undefined>): { run: true; env: Record<string, string> } | { run: false; why: string } {
  // RUSTUP_TOOLCHAIN already set is the user's own choice, and beats the file for rustup as well.
  if (!pin || env.RUSTUP_TOOLCHAIN) return { run: true, env: {} };
  const name = pin.file.split(/[\\/]/).pop();
  if (pin.path !== null) {
    // The path is the project's text: quoted, so the advised command cannot run what it holds.
    const rustc = shellQuote(`${pin.path.replace(/[\\/]+$/, '')}/bin/rustc`);
    return { run: false, why: `${name} pins a toolchain by path (${clipForMessage(pin.path)}); buildmedic runs no toolchain binaries a project points at (check them with \`${clipForMessage(rustc, 400)} -vV\`)` };
  }
  if (pin.channel === null) return { run: true, env: {} };
  const channel = safeToolchainName(pin.channel);
  if (!channel) return { run: false, why: `${name} names the toolchain ${JSON.stringify(clipForMessage(pin.channel))}, which is not a rustup toolchain name; buildmedic does not pass it to rustup` };
  return { run: true, env: { RUSTUP_TOOLCHAIN: channel } };
}
