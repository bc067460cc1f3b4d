// Pure: pip settings a deploy configures through the environment (PIP_ONLY_BINARY, PIP_NO_BINARY, PIP_INDEX_URL,
// PIP_EXTRA_INDEX_URL) in a Dockerfile ENV, render.yaml envVars or nixpacks.toml [variables], merged into the file's own.

import { normalizePackageName } from '../project/python.js';
import type { InstallSettings } from './model.js';

const KEYS = ['PIP_ONLY_BINARY', 'PIP_NO_BINARY', 'PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL'] as const;
type Key = (typeof KEYS)[number];

/** The PIP_* variables set in `text` (Dockerfile `ENV K=V`/`ENV K V`, YAML `key: K` + `value: V`, TOML `K = "V"`). */
export function pipVariables(file: string, text: string): Partial<Record<Key, string>> {
  const out: Partial<Record<Key, string>> = {};
  for (const key of KEYS) {
    // Dockerfile ENV, TOML and .env forms: KEY=value, KEY value (ENV only), KEY = "value".
    const flat = new RegExp(`(?:^|\\s)${key}\\s*[= ]\\s*["']?([^"'\\s]+)`, 'm').exec(text);
    // render.yaml: `- key: KEY` then `value: ...` on the next line.
    const yaml = new RegExp(`key:\\s*["']?${key}["']?\\s*\\r?\\n\\s*value:\\s*["']?([^"'\\s]+)`).exec(text);
    const m = /\.ya?ml$/.test(file) ? yaml : flat;
    if (m) out[key] = m[1]!;
  }
  return out;
}

/** Applies deploy-level PIP_* variables (and the caller's environment) under the dependency file's own options. */
export function mergeEnvironmentSettings(settings: InstallSettings, vars: Partial<Record<Key, string>>): InstallSettings {
  const merged: InstallSettings = { ...settings, onlyBinary: new Set(settings.onlyBinary), noBinary: new Set(settings.noBinary), extraIndexUrls: [...settings.extraIndexUrls] };
  const names = (v: string) => v.split(/[,\s]+/).filter(Boolean).map((n) => (n.startsWith(':') ? n : normalizePackageName(n)));
  if (vars.PIP_ONLY_BINARY) for (const n of names(vars.PIP_ONLY_BINARY)) merged.onlyBinary.add(n);
  if (vars.PIP_NO_BINARY) for (const n of names(vars.PIP_NO_BINARY)) merged.noBinary.add(n);
  // A requirements file's --index-url wins over the environment, as pip applies file options last.
  if (vars.PIP_INDEX_URL && !merged.indexUrl) merged.indexUrl = vars.PIP_INDEX_URL;
  if (vars.PIP_EXTRA_INDEX_URL) merged.extraIndexUrls.push(...vars.PIP_EXTRA_INDEX_URL.split(/\s+/).filter(Boolean));
  return merged;
}
