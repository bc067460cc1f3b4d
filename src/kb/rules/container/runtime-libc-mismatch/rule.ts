// runtime-libc-mismatch: a binary runs where the C library is older than the one it was linked against (glibc, or
// libstdc++ for C++), or is not glibc at all. diagnose reads the dynamic loader's refusal; scan finds the Dockerfile
// whose final stage runs a binary built on a newer base image (src/scan/dockerfile/checks/runtime-libc.ts).

import { defineRule, type Refinement } from '../../../rule.js';

export default defineRule({
  id: 'runtime-libc-mismatch',
  title: 'The system that runs the binary has an older C library than the one it was built against',
  summary: 'A binary (or a prebuilt one, such as Node.js or a Python extension) was linked against a newer glibc or libstdc++ than the system or image that runs it, or needs glibc where there is none, so the dynamic loader refuses to start it.',
  category: 'container',
  captures: {
    needs: { type: 'string', doc: 'the symbol version the loader did not find, the newest the log names (`GLIBC_2.34`, `GLIBCXX_3.4.29`)' },
    binary: { type: 'path', doc: 'the program or library that needs it (`required by ...`)', optional: true },
  },
  internal: ['glibc', 'cxx'],
  patterns: [
    {
      id: 'glibc-version-not-found',
      // glibc's dynamic loader (elf/dl-version.c): "./app: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not
      // found (required by ./app)", also libm/libpthread and RHEL's /lib64; as quoted in a Python ImportError or a
      // Node.js Error; Chinese "version `GLIBC_2.18' 找不到".
      source: 'glibc ld.so',
      literals: ["version `GLIBC_", "version 'GLIBC_", 'version ‘GLIBC_'],
      re: /\blib(?:c|m|pthread|dl|rt|resolv|util)\.so\.\d+: version [`'‘]GLIBC_(?<glibc>2\.\d+)[’'`] (?:not found|找不到)(?: \(required by (?<binary>[^)]{1,200})\))?/,
      weight: 0.85,
    },
    {
      id: 'libstdcxx-version-not-found',
      // The same loader for libstdc++: "/lib64/libstdc++.so.6: version `GLIBCXX_3.4.21' not found (required by node)",
      // "version `CXXABI_1.3.9' not found".
      source: 'glibc ld.so',
      literals: ["version `GLIBCXX_", "version 'GLIBCXX_", "version `CXXABI_", "version 'CXXABI_"],
      re: /\blibstdc\+\+\.so\.\d+: version [`'‘](?<cxx>(?:GLIBCXX_3\.4|CXXABI_1\.3)(?:\.\d+)?)[’'`] not found(?: \(required by (?<binary>[^)]{1,200})\))?/,
      weight: 0.8,
    },
  ],
  refine: (ctx): Refinement | null => {
    if (ctx.hits.length === 0) return null;
    const newest = (re: RegExp, key: 'glibc' | 'cxx') =>
      ctx.hits.map((h) => h.captures[key]).filter((v): v is string => !!v).sort((a, b) => numericTail(re, b) - numericTail(re, a))[0];
    const glibc = newest(/2\.(\d+)$/, 'glibc');
    const cxx = newest(/\.(\d+)$/, 'cxx');
    const needs = glibc ? `GLIBC_${glibc}` : cxx!;
    const binary = ctx.hits.find((h) => h.captures.binary)?.captures.binary;
    return {
      captures: {
        needs,
        ...(binary ? { binary, _by: ` \`${binary}\`` } : {}),
        _lib: glibc ? `glibc ${glibc}` : `a libstdc++ with ${cxx}`,
        _cxx: glibc ? '' : ' For libstdc++, the one found first may also come from an old toolchain or an environment on LD_LIBRARY_PATH (conda, MATLAB, a vendor SDK) rather than the system.',
      },
      evidence: ctx.hits.slice(0, 4).map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'The binary{{_by|}} was linked against {{_lib}} or newer, and the system that runs it has an older one, so the dynamic loader ' +
    'refuses to start it (`{{needs}}` not found). A binary runs only where the C library is at least as new as where it was built: ' +
    'a Docker image whose build stage uses a newer Debian than its final stage (rust:1.7x and later are bookworm or trixie, ' +
    'debian:bullseye-slim has glibc 2.31), a prebuilt program for newer systems (Node.js 18 and later need glibc 2.28, CentOS 7 has ' +
    '2.17), or a binary copied from a newer machine.{{_cxx|}}',
  fix: {
    summary: 'Run it on a system at least as new as the one it was built on, or build it for the oldest system it must run on.',
    steps: [
      'Docker: give the final stage the same release as the build stage (`FROM rust:1.83-bookworm` with `FROM debian:bookworm-slim`; or the build stage an older one, `rust:1.83-bullseye`), and rebuild.',
      'Build for an older glibc: build on the oldest distribution you deploy to (a manylinux image for wheels), `cargo zigbuild --target x86_64-unknown-linux-gnu.2.17`, or a static musl binary (`--target x86_64-unknown-linux-musl`).',
      'A prebuilt program (Node.js, a downloaded release): use a release built for this system (Node.js 16 on CentOS 7, an unofficial glibc-2.17 build), or move to a newer distribution; upgrading glibc in place is not safe.',
    ],
  },
});

function numericTail(re: RegExp, v: string): number {
  return Number(re.exec(v)?.[1] ?? 0);
}
