// Pure parser for rust-toolchain (legacy one-line form) and rust-toolchain.toml files.

import { parseTomlText } from './cargo.js';
import type { RustToolchainFile } from './model.js';

export function parseRustToolchain(text: string, file: string): RustToolchainFile {
  const trimmed = text.trim();
  // rustup's legacy format: the whole file is a channel name, no TOML.
  if (!file.endsWith('.toml') && !trimmed.includes('[') && !trimmed.includes('=')) {
    return { file, channel: trimmed.split(/\s+/)[0] || null, targets: [], components: [] };
  }
  const t = parseTomlText(text, file);
  const tc = (typeof t.toolchain === 'object' && t.toolchain !== null ? t.toolchain : {}) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    file,
    // A `path = ...` toolchain (a local build) has no channel to compare against.
    channel: typeof tc.channel === 'string' ? tc.channel : null,
    targets: list(tc.targets),
    components: list(tc.components),
  };
}
