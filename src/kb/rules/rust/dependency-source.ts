// Where cargo keeps the sources of the dependencies it builds, so that the `-->` line under a rustc error tells a
// dependency's code from the project's own, and names the crate and the version that the lock file picked.

/**
 * A dependency's source: ~/.cargo/registry/src/<index>/, git checkouts, Debian's directory source
 * /usr/share/cargo/registry/, `cargo vendor` output (versioned dirs or not), Nix's cargo-vendor-dir, FreeBSD
 * ports' cargo-crates/ and Gentoo's cargo.eclass home (…/work/cargo_home/gentoo/<crate>-<ver>/).
 */
export const DEPENDENCY_SOURCE = /[\\/](?:registry[\\/]src|git[\\/]checkouts)[\\/]|[\\/]usr[\\/]share[\\/]cargo[\\/]registry[\\/]|[\\/]vendor[\\/][\w.-]+[\\/]|cargo-vendor-dir[\\/]|[\\/]cargo-crates[\\/][\w.-]+-\d+\.\d+|[\\/]cargo_home[\\/]gentoo[\\/]/;

// The crate directory under a registry root: ".../registry/src/index.crates.io-6f17d22bba15001f/proc-macro2-1.0.47/src",
// "C:\Users\u\.cargo\registry\src\mirrors.ustc.edu.cn-12df342d903acd47\ahash-0.7.7\src", "/usr/share/cargo/registry/ahash-0.7.6/",
// "/build/cargo-vendor-dir/time-0.3.34/src", ".../cargo_home/gentoo/crossterm-0.20.0/src"; a version may carry
// pre-release or build metadata ("toml-1.1.2+spec-1.1.0").
const CRATE_DIR = /(?:registry[\\/]src[\\/][^\\/\s]+|usr[\\/]share[\\/]cargo[\\/]registry|vendor|cargo-crates|cargo-vendor-dir|cargo_home[\\/]gentoo)[\\/](?<crate>[A-Za-z0-9_][\w-]{0,63}?)-(?<version>\d+\.\d+\.\d+(?:-[\w.]{1,40})?(?:\+[\w.-]{1,40})?)[\\/]/;

// A git dependency: "~/.cargo/git/checkouts/tarpc-87655b19c07c6cd1/9bd66b7/src/plugins/src/lib.rs" (the repository's
// name, a hash of its URL, the short commit). The repository's name stands for the crate: `cargo update -p` on any of
// its packages moves the whole checkout, and a workspace's directory names need not be its crates' names.
const GIT_CHECKOUT = /git[\\/]checkouts[\\/](?<repo>[A-Za-z0-9_][\w.-]{0,63}?)-[0-9a-f]{16}[\\/][0-9a-f]{7,40}[\\/]/;

// `cargo vendor` without versioned directories: ".../vendor/serde/src/de.rs".
const VENDOR_DIR = /[\\/]vendor[\\/](?<crate>[A-Za-z0-9_][\w-]{0,63})[\\/]/;

/**
 * The path of the ` --> src/lib.rs:8:5` line rustc prints under an error (one of the two lines after it), if any; raw
 * lines, so a CI or BuildKit prefix may precede the arrow.
 */
export function rustcErrorLocation(after: readonly string[]): string | undefined {
  const arrow = after.slice(0, 2).find((l) => l.includes('-->'));
  return arrow?.slice(arrow.indexOf('-->') + 3).trim();
}

/** Whether a source path (a `-->` line) lies in a dependency's source rather than the project's. */
export function isDependencySource(path: string): boolean {
  return DEPENDENCY_SOURCE.test(path);
}

/** The crate and version whose registry or vendored directory holds `path`, when the path shows them. */
export function dependencyCrateAt(path: string): { crate: string; version: string } | undefined {
  const m = CRATE_DIR.exec(path);
  return m?.groups ? { crate: m.groups.crate, version: m.groups.version } : undefined;
}

/**
 * The dependency whose source holds `path`, with its version when the directory shows one: a registry or vendored
 * `<crate>-<version>/`, a git checkout (the repository's name), or an
 * unversioned `vendor/<crate>/`.
 */
export function dependencyAt(path: string): { crate: string; version?: string } | undefined {
  const versioned = dependencyCrateAt(path);
  if (versioned) return versioned;
  const git = GIT_CHECKOUT.exec(path)?.groups;
  if (git) return { crate: git.repo };
  const vendored = VENDOR_DIR.exec(path)?.groups;
  return vendored ? { crate: vendored.crate } : undefined;
}
