// Pure: reads versions out of tools' --version output, and compares dotted versions.

/** `rustc -vV` (rustc 1.x): the `release:` and `host:` lines. */
export function parseRustcVV(stdout: string): { version: string; host: string | null } | null {
  const version = /^release:\s*(\S+)/m.exec(stdout)?.[1];
  if (!version) return null;
  return { version, host: /^host:\s*(\S+)/m.exec(stdout)?.[1] ?? null };
}

/** The first dotted version on the first line: `cc (Debian 12.2.0-14) 12.2.0`, `cargo 1.95.0 (f2d3ce0bd 2026-03-21)`,
 * `cmake version 3.25.1`, `libprotoc 3.21.12`, `GNU Make 4.3`, `maturin 1.7.4`, `clang version 14.0.6`. For gcc the
 * version is the last one on the line (the parenthesis holds the distribution's package version). */
export function parseToolVersion(stdout: string): string | null {
  const first = stdout.split('\n').find((l) => l.trim()) ?? '';
  const all = first.match(/\d+\.\d+(?:\.\d+)?/g);
  if (!all) return null;
  return /\((?:[^)]*)\)\s+\d/.test(first) && /\b(?:gcc|g\+\+|cc|c\+\+)\b/i.test(first) ? all[all.length - 1] : all[0];
}

/** `perl -v`: "This is perl 5, version 36, subversion 0 (v5.36.0) ...". */
export function parsePerlVersion(stdout: string): string | null {
  return /\(v(\d+\.\d+\.\d+)\)/.exec(stdout)?.[1] ?? parseToolVersion(stdout.replace(/^\s*\n/, ''));
}

export function versionParts(v: string): number[] {
  return v
    .replace(/^v/, '')
    .split(/[.+-]/)
    .slice(0, 3)
    .map((x) => Number.parseInt(x, 10))
    .map((n) => (Number.isNaN(n) ? 0 : n));
}

/** Compares dotted versions numerically; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Whether `version` is within `prefix` as a pin: `3.11` matches 3.11.7, `1.70.0` matches 1.70.0 only. */
export function matchesPrefix(version: string, prefix: string): boolean {
  const v = versionParts(version);
  const p = prefix.replace(/^v/, '').split('.').map((x) => Number.parseInt(x, 10));
  return p.every((n, i) => Number.isNaN(n) || v[i] === n);
}

/** A numeric Rust toolchain channel (`1.70`, `1.70.0`, `1.70-x86_64-unknown-linux-gnu`), else null (stable, nightly-...). */
export function numericChannel(channel: string): string | null {
  return /^(\d+\.\d+(?:\.\d+)?)(?:-|$)/.exec(channel)?.[1] ?? null;
}
