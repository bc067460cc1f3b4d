// What common base images ship and what installed packages provide, as data: which build components a stage has
// before any of its own install lines; pure.

import type { PackageManager } from './platforms.js';
import { COMPONENTS, type ComponentId } from './crate-needs.js';

// The full (buildpack-deps based) language images ship gcc, g++, make, pkg-config, perl and common -dev packages
// (libssl-dev, zlib1g-dev, libsqlite3-dev, libcurl4-openssl-dev, libpq-dev, default-libmysqlclient-dev); not cmake,
// protoc or libclang (docker-library/buildpack-deps Dockerfiles).
const FULL: ComponentId[] = ['c-compiler', 'cxx-compiler', 'make', 'perl', 'pkg-config', 'openssl-dev', 'zlib-dev', 'sqlite3-dev', 'libcurl-dev', 'libpq-dev', 'mysqlclient-dev'];

export interface ImageProfile {
  /** Components the image ships. */
  provides: ReadonlySet<ComponentId>;
  /** Short words for the report ("a slim Debian image"). */
  label: string;
}

function imageParts(image: string): { name: string; tag: string } {
  const noDigest = image.split('@')[0].toLowerCase();
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const tag = colon > slash ? noDigest.slice(colon + 1) : 'latest';
  const name = (colon > slash ? noDigest.slice(0, colon) : noDigest).replace(/^(?:docker\.io\/|index\.docker\.io\/)?(?:library\/)?/, '');
  return { name, tag };
}

/** What `image` ships, for the images whose contents are known; null for any other image (nothing is assumed). */
export function imageProfile(image: string): ImageProfile | null {
  const { name, tag } = imageParts(image);
  const alpine = /alpine/.test(tag);
  const slim = /slim/.test(tag);
  if (name === 'rust' || name === 'lukemathwalker/cargo-chef') {
    // rust:*-slim installs gcc and libc6-dev only; rust:*-alpine installs gcc without musl-dev (docker-library/rust).
    // Slim Debian has perl-base but not perl-modules, whose FindBin.pm OpenSSL's Configure uses: perl counts as missing.
    if (alpine) return { provides: new Set(), label: 'an Alpine Rust image (gcc without musl-dev)' };
    if (slim) return { provides: new Set(['c-compiler']), label: 'a slim Rust image (gcc and libc6-dev only)' };
    return { provides: new Set(FULL), label: 'the full Rust image' };
  }
  if (name === 'python' || name === 'node' || name === 'ruby' || name === 'golang') {
    if (alpine) return { provides: new Set(), label: `an Alpine ${name} image` };
    if (slim) return { provides: new Set(), label: `a slim ${name} image` };
    return { provides: new Set(FULL), label: `the full ${name} image` };
  }
  if (name === 'buildpack-deps') {
    if (/curl/.test(tag)) return { provides: new Set(), label: 'buildpack-deps:*-curl' };
    if (/scm/.test(tag)) return { provides: new Set(['perl']), label: 'buildpack-deps:*-scm' };
    return { provides: new Set(FULL), label: 'buildpack-deps' };
  }
  if (name === 'gcc') return { provides: new Set(FULL), label: 'the gcc image' };
  if (name === 'debian' || name === 'ubuntu') return { provides: new Set(), label: `a plain ${name} image` };
  if (name === 'alpine') return { provides: new Set(), label: 'a plain Alpine image' };
  return null;
}

/** The Rust toolchain an image carries, as far as its tag says: version (`1.79`, or `latest` for floating tags) and libc. */
export function rustOfImage(image: string): { version: string; libc: 'gnu' | 'musl' } | null {
  const { name, tag } = imageParts(image);
  let version: string | null = null;
  if (name === 'rust') {
    const m = /^(\d+(?:\.\d+){0,2})(?:-|$)/.exec(tag);
    version = m ? m[1] : 'latest';
  } else if (name === 'lukemathwalker/cargo-chef') {
    // cargo-chef tags: latest-rust-1.79-slim-bookworm, 0.1.68-rust-1.79, latest-rust-alpine
    const m = /rust-(\d+(?:\.\d+){0,2})(?:-|$)/.exec(tag);
    version = m ? m[1] : 'latest';
  } else return null;
  // rust:1 and rust:latest float to the same newest release.
  if (version === '1') version = 'latest';
  return { version, libc: /alpine|musl/.test(tag) ? 'musl' : 'gnu' };
}

// Packages that provide a component besides the ones COMPONENTS lists for the component itself (metapackages,
// compiler front ends, versioned LLVM packages).
const EXTRA: Partial<Record<PackageManager, [RegExp, ComponentId[]][]>> = {
  apt: [
    [/^build-essential$/, ['c-compiler', 'cxx-compiler', 'make']],
    [/^g\+\+(?:-\d+)?$/, ['c-compiler', 'cxx-compiler']],
    [/^gcc(?:-\d+)?$/, ['c-compiler']],
    [/^pkgconf$/, ['pkg-config']],
    [/^(?:libclang-(?:\d+-)?dev|libclang1(?:-\d+)?|clang(?:-\d+)?)$/, ['libclang']],
    // The unversioned clang package registers clang and clang++ as the cc and c++ alternatives (its postinst), and
    // clang-N depends on libc6-dev and libgcc-N-dev: cc links. A versioned clang-N alone registers neither name.
    [/^clang$/, ['c-compiler', 'cxx-compiler']],
    [/^libprotobuf-dev$/, []],
  ],
  apk: [
    [/^build-base$/, ['c-compiler', 'cxx-compiler', 'make']],
    [/^musl-dev$/, ['c-compiler']],
    [/^g\+\+$/, ['c-compiler', 'cxx-compiler']],
    [/^pkgconf(?:ig)?$/, ['pkg-config']],
    [/^openssl-(?:dev|libs-static)$/, ['openssl-dev']],
    // LibreSSL's headers and libraries stand in for OpenSSL's (openssl-sys builds against either); Alpine's libressl-dev.
    [/^libressl[\d.]*-dev$/, ['openssl-dev', 'pkg-config']],
    // abuild makes a package that ships .pc files depend on pkgconf: installing one of these -dev packages brings
    // pkg-config along ("Installing pkgconf" precedes "Installing openssl-dev" in apk's output).
    [/^(?:openssl|zlib|libpq|postgresql\d*)-dev$/, ['pkg-config']],
    [/^(?:clang\d*-dev|clang\d*-libclang|clang\d*)$/, ['libclang']],
    [/^protobuf-dev$/, ['protoc']],
  ],
  dnf: [
    [/^gcc-c\+\+$/, ['c-compiler', 'cxx-compiler']],
    [/^(?:pkgconf|pkgconfig|pkgconf-pkg-config)$/, ['pkg-config']],
    [/^(?:clang-devel|clang-libs|clang)$/, ['libclang']],
    [/^(?:perl|perl-core)$/, ['perl']],
    [/^@?development-tools$|^Development Tools$/i, ['c-compiler', 'cxx-compiler', 'make']],
  ],
};
EXTRA.yum = EXTRA.dnf;

/** The components a package provides under `manager`. */
export function componentsOfPackage(manager: PackageManager, pkg: string): ComponentId[] {
  const out = new Set<ComponentId>();
  for (const [id, c] of Object.entries(COMPONENTS) as [ComponentId, (typeof COMPONENTS)[ComponentId]][]) {
    if (c.packages[manager]?.includes(pkg)) out.add(id);
  }
  // A C++ compiler package always brings the C compiler with it.
  if (out.has('cxx-compiler')) out.add('c-compiler');
  for (const [re, ids] of EXTRA[manager] ?? []) if (re.test(pkg)) for (const id of ids) out.add(id);
  return [...out];
}

/** The LLVM major versions an apt install of `pkg` puts under /usr/lib/llvm-N, when the name says so. */
export function llvmVersionOfPackage(pkg: string): number | null {
  const m = /^(?:llvm|clang|libclang|libclang1|libclang-cpp|libllvm|lld|clang-tools)-?(\d+)(?:-dev|-tools|-runtime)?$/.exec(pkg) ?? /^libclang-(\d+)-dev$/.exec(pkg) ?? /^llvm-(\d+)-dev$/.exec(pkg);
  return m ? Number(m[1]) : null;
}

/** The default LLVM of the Debian/Ubuntu release an image tag names (what unversioned `clang`/`libclang-dev` install). */
export function defaultLlvmOfImage(image: string): number | null {
  const { tag, name } = imageParts(image);
  const releases: [RegExp, number][] = [[/bullseye/, 11], [/bookworm/, 14], [/trixie/, 19], [/focal|20\.04/, 10], [/jammy|22\.04/, 14], [/noble|24\.04/, 18]];
  for (const [re, v] of releases) if (re.test(tag) || re.test(name)) return v;
  return null;
}
