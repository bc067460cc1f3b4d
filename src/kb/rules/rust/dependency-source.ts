// Where cargo keeps the sources of the dependencies it builds, so that the `-->` line under a rustc error tells a
// dependency's code from the project's own, and names the crate and the version that the lock file picked.

/**
 * A dependency's source: ~/.cargo/registry/src/<index>/, git checkouts, Debian's directory source
 * /usr/share/cargo/registry/, `cargo vendor` output (versioned dirs or not), Nix's cargo-vendor-dir and FreeBSD
 * ports' cargo-crates/.
 */
export const DEPENDENCY_SOURCE = /[\\/](?:registry[\\/]src|git[\\/]checkouts)[\\/]|[\\/]usr[\\/]share[\\/]cargo[\\/]registry[\\/]|[\\/]vendor[\\/][\w.-]+[\\/]|cargo-vendor-dir[\\/]|[\\/]cargo-crates[\\/][\w.-]+-\d+\.\d+/;

// The crate directory under a registry root: ".../registry/src/index.crates.io-6f17d22bba15001f/proc-macro2-1.0.47/src",
// "C:\Users\u\.cargo\registry\src\mirrors.ustc.edu.cn-12df342d903acd47\ahash-0.7.7\src", "/usr/share/cargo/registry/ahash-0.7.6/".
const CRATE_DIR = /(?:registry[\\/]src[\\/][^\\/\s]+|usr[\\/]share[\\/]cargo[\\/]registry|vendor|cargo-crates)[\\/](?<crate>[A-Za-z0-9_][\w-]{0,63}?)-(?<version>\d+\.\d+\.\d+(?:-[\w.]{1,40})?)[\\/]/;

/** Whether a source path (a `-->` line) lies in a dependency's source rather than the project's. */
export function isDependencySource(path: string): boolean {
  return DEPENDENCY_SOURCE.test(path);
}

/** The crate and version whose registry or vendored directory holds `path`, when the path shows them. */
export function dependencyCrateAt(path: string): { crate: string; version: string } | undefined {
  const m = CRATE_DIR.exec(path);
  return m?.groups ? { crate: m.groups.crate, version: m.groups.version } : undefined;
}
