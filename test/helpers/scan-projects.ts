// Helpers for the scan/fix tests: fixture projects copied to temp dirs, real git and cargo as oracles, the built CLI.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir as makeTempDir } from './temp.ts';

export const FIXTURES = new URL('../fixtures/projects-scan/', import.meta.url).pathname;
const BIN = new URL('../../dist/bin/main.js', import.meta.url).pathname;
/** Debian's librust-*-dev crates: a registry cargo can resolve against offline. */
export const DEBIAN_REGISTRY = '/usr/share/cargo/registry';

export function tempDir(prefix = 'bm-scan-'): string {
  return makeTempDir(prefix);
}

/** A fresh copy of a fixture project. */
export function copyFixture(name: string): string {
  const dir = tempDir(`bm-${name}-`);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const full = join(dir, rel);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
}

/** Points cargo at Debian's crates, offline (a `.cargo/config.toml` directory source). */
export function useDebianCrates(dir: string): void {
  writeFiles(dir, { '.cargo/config.toml': `[source.crates-io]\nreplace-with = "debian"\n\n[source.debian]\ndirectory = "${DEBIAN_REGISTRY}"\n` });
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
}

export function gitInit(dir: string, add: string[]): void {
  git(dir, 'init', '-q');
  if (add.length) {
    git(dir, 'add', '--', ...add);
    git(dir, 'commit', '-q', '-m', 'fixture');
  }
}

export function gitTracked(dir: string): string[] {
  return git(dir, 'ls-files').split('\n').filter(Boolean);
}

/** `cargo metadata --offline` on the manifest in dir: null when cargo accepts it, else cargo's error. */
export function cargoMetadataError(dir: string): string | null {
  const r = spawnSync('cargo', ['metadata', '--offline', '--format-version', '1'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CARGO_TERM_COLOR: 'never', RUSTUP_AUTO_INSTALL: '0' } });
  return r.status === 0 ? null : r.stderr;
}

export function runCli(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  // Under GitLab CI, scan would default to its job-log format; these tests read the plain text.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.GITLAB_CI;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
