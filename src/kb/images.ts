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

/**
 * The C library an image's binaries run against: glibc with its version (`atLeast` when the tag gives only a lower bound,
 * a floating tag or a Rust version at a Debian switch), musl (Alpine), or none (scratch, distroless/static).
 */
export type ImageLibc = { libc: 'glibc'; version: string; release: string; atLeast?: boolean } | { libc: 'musl'; release: string } | { libc: 'none'; release: string };

// glibc of each Debian and Ubuntu release (the distributions' libc6 package), by codename and number.
const DEBIAN_GLIBC: [RegExp, string, string][] = [
  [/^(?:jessie|8(?:\.\d+)*)$/, 'Debian 8 (jessie)', '2.19'],
  [/^(?:stretch|9(?:\.\d+)*)$/, 'Debian 9 (stretch)', '2.24'],
  [/^(?:buster|10(?:\.\d+)*)$/, 'Debian 10 (buster)', '2.28'],
  [/^(?:bullseye|11(?:\.\d+)*)$/, 'Debian 11 (bullseye)', '2.31'],
  [/^(?:bookworm|12(?:\.\d+)*)$/, 'Debian 12 (bookworm)', '2.36'],
  [/^(?:trixie|13(?:\.\d+)*)$/, 'Debian 13 (trixie)', '2.41'],
];
const UBUNTU_GLIBC: [RegExp, string, string][] = [
  [/^(?:xenial|16\.04)$/, 'Ubuntu 16.04', '2.23'],
  [/^(?:bionic|18\.04)$/, 'Ubuntu 18.04', '2.27'],
  [/^(?:focal|20\.04)$/, 'Ubuntu 20.04', '2.31'],
  [/^(?:jammy|22\.04)$/, 'Ubuntu 22.04', '2.35'],
  [/^(?:noble|24\.04)$/, 'Ubuntu 24.04', '2.39'],
];
// RHEL and its rebuilds, Amazon Linux: glibc by major release.
const RHEL_GLIBC: Record<string, [string, string]> = { '7': ['RHEL/CentOS 7', '2.17'], '8': ['RHEL 8', '2.28'], '9': ['RHEL 9', '2.34'] };

function debianOfWord(word: string): ImageLibc | null {
  for (const [re, release, version] of DEBIAN_GLIBC) if (re.test(word)) return { libc: 'glibc', version, release };
  return null;
}

/**
 * The libc of `image`, from what its name and tag say; null when they do not say (a floating tag whose distribution
 * changed over time, an image this table does not know). Only facts that do not depend on the day the image was pulled.
 */
export function libcOfImage(image: string): ImageLibc | null {
  const { name, tag } = imageParts(image);
  if (name === 'scratch') return { libc: 'none', release: 'scratch (an empty image)' };
  if (/(?:^|\/)distroless\/static/.test(name)) return { libc: 'none', release: `${name} (no C library)` };
  if (name === 'alpine' || /(?:^|-)alpine/.test(tag)) return { libc: 'musl', release: 'Alpine (musl)' };
  const distroless = /(?:^|\/)distroless\/(?:cc|base|base-nossl|java\d*|python3|nodejs\d*)-(debian\d+)$/.exec(name);
  if (distroless) return debianOfWord(distroless[1].replace('debian', ''));
  if (name === 'debian') return debianOfWord(tag.replace(/-slim$|-backports$/, '').replace(/^stable-|^slim-/, ''));
  if (name === 'ubuntu') {
    for (const [re, release, version] of UBUNTU_GLIBC) if (re.test(tag.replace(/-\d{8}.*$/, ''))) return { libc: 'glibc', version, release };
    return null;
  }
  const rhel = /^(?:centos|rockylinux|almalinux|oraclelinux|rockylinux\/rockylinux|almalinux\/\w+)$/.test(name) ? /^(\d+)/.exec(tag)?.[1] : /(?:^|\/)ubi(\d+)(?:\/|-|$)/.exec(name)?.[1];
  if (rhel && RHEL_GLIBC[rhel]) return { libc: 'glibc', version: RHEL_GLIBC[rhel][1], release: RHEL_GLIBC[rhel][0] };
  if (name === 'amazonlinux') return tag === '2' ? { libc: 'glibc', version: '2.26', release: 'Amazon Linux 2' } : tag === '2023' ? { libc: 'glibc', version: '2.34', release: 'Amazon Linux 2023' } : null;
  // Language images and buildpack-deps carry the Debian release in the tag (rust:1.83-slim-bookworm, python:3.12-bullseye).
  if (['rust', 'python', 'node', 'ruby', 'golang', 'buildpack-deps', 'gcc', 'openjdk', 'eclipse-temurin', 'lukemathwalker/cargo-chef'].includes(name)) {
    const word = /(?:^|-)(jessie|stretch|buster|bullseye|bookworm|trixie)(?:-|$)/.exec(tag)?.[1];
    if (word) return debianOfWord(word);
    if (name === 'rust') return rustDefaultRelease(tag);
  }
  return null;
}

// The official rust image's unsuffixed tags follow the newest Debian release when each Rust version was current:
// bullseye from 1.56 (docker-rust#89: "The default tag of 1.56 is now built off of Debian Bullseye"), bookworm from
// mid-2023, trixie from August 2025 (rust:1.90.0 ships glibc 2.41). Versions at a switch (1.70, 1.89) give only what
// both candidates share; floating tags (latest, 1, slim) follow the newest release, whose glibc is a lower bound.
function rustDefaultRelease(tag: string): ImageLibc | null {
  if (/^(?:latest|slim|1|1-slim)$/.test(tag)) return { libc: 'glibc', version: '2.41', release: 'Debian 13 (trixie) or newer', atLeast: true };
  const v = /^1\.(\d+)(?:[.-]|$)/.exec(tag);
  const minor = v ? Number(v[1]) : NaN;
  if (minor >= 56 && minor <= 69) return { libc: 'glibc', version: '2.31', release: 'Debian 11 (bullseye)' };
  if (minor >= 71 && minor <= 88) return { libc: 'glibc', version: '2.36', release: 'Debian 12 (bookworm)' };
  if (minor === 70 || minor === 89) return { libc: 'glibc', version: minor === 70 ? '2.31' : '2.36', release: minor === 70 ? 'Debian 11 (bullseye) or 12 (bookworm)' : 'Debian 12 (bookworm) or 13 (trixie)', atLeast: true };
  if (minor >= 90) return { libc: 'glibc', version: '2.41', release: 'Debian 13 (trixie)' };
  return null;
}
