// cross-toolchain-misconfigured: the linker got object files or libraries built for another architecture, typically
// C code of a cross build compiled by the host compiler (cc-rs without CC_<target>), or stale objects of a host build.

import { defineRule } from '../../../core/rule.js';

// ELF e_machine numbers GNU ld prints in "Relocations in generic ELF (EM: n)".
const ELF_MACHINE: Record<string, string> = { '3': 'x86 (i386)', '8': 'MIPS', '20': 'PowerPC', '21': 'PowerPC 64', '22': 's390x', '40': 'ARM (32-bit)', '62': 'x86-64', '183': 'AArch64', '243': 'RISC-V' };

export default defineRule({
  id: 'cross-toolchain-misconfigured',
  title: 'Objects built for another architecture reached the linker',
  summary: 'The linker was given object files or libraries built for a different architecture, so the cross (or host) toolchain is not set up consistently.',
  category: 'toolchain',
  explains: ['native-lib-missing', 'c-code-error'],
  contextAfter: 3,
  patterns: [
    {
      id: 'ld-relocations-generic-elf',
      // GNU ld (bfd): "/usr/bin/ld: add.o: Relocations in generic ELF (EM: 183)" (an object of another machine type)
      source: 'GNU ld',
      literals: ['Relocations in generic ELF'],
      re: /(?:^|: )(?<object>[^\s:]{1,300}): Relocations in generic ELF \(EM: (?<machine>\d{1,3})\)/,
      weight: 0.9,
    },
    {
      id: 'ld-file-in-wrong-format',
      // GNU ld (bfd): "/usr/bin/ld: add.o: error adding symbols: file in wrong format"
      source: 'GNU ld',
      literals: ['file in wrong format'],
      re: /(?:^|: )(?<object2>[^\s:]{1,300}): error adding symbols: file in wrong format/,
      weight: 0.8,
    },
    {
      id: 'lld-incompatible',
      // LLVM lld: "ld.lld: error: add.o is incompatible with elf64-x86-64" / "rust-lld: error: x.o is incompatible with aarch64linux"
      source: 'lld',
      literals: [' is incompatible with '],
      re: /error: (?<object3>[^\s:]{1,300}) is incompatible with (?<emulation>[\w-]{1,40})$/,
      weight: 0.85,
    },
    {
      id: 'ld-skipping-incompatible',
      // GNU ld: "/usr/bin/ld: skipping incompatible ./libadd.a when searching for -ladd" (often harmless: ld goes on
      // searching; it counts when "cannot find -ladd" follows, checked in refine)
      source: 'GNU ld',
      literals: ['skipping incompatible '],
      re: /skipping incompatible (?<library>[^\s]{1,300}) when searching for -l(?<lib>[\w.+-]{1,100})/,
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    const hits = ctx.hits.filter((h) => h.pattern !== 'ld-skipping-incompatible' || h.after.some((l) => l.includes(`cannot find -l${h.captures.lib}`)));
    if (hits.length === 0) return null;
    const c = ctx.captures;
    const object = c.object ?? c.object2 ?? c.object3 ?? c.library ?? 'an object file';
    const captures: Record<string, string> = { object };
    if (c.machine) captures.builtFor = ELF_MACHINE[c.machine] ?? `ELF machine ${c.machine}`;
    return { captures, evidence: hits.map((h) => ({ line: h.line, text: h.text })) };
  },
  explanation:
    '`{{object}}` was built for {{builtFor|a different architecture}} than the one being linked. In a cross build this usually ' +
    'means that C/C++ code (a -sys crate through cc-rs, ring, a Makefile) was compiled with the host compiler because no ' +
    'cross compiler was configured for the target (CC_<target>, TARGET_CC, CMAKE_C_COMPILER), or that a library directory ' +
    'of the host (or of another target) is on the search path. Stale objects from an earlier build for another architecture ' +
    'have the same effect.',
  fix: {
    summary: 'Point the build at the cross compiler and libraries for the target (or clean stale objects of another architecture).',
    steps: [
      'Rust: set the C compiler for the target, e.g. `CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc` and the linker in `.cargo/config.toml` (`[target.aarch64-unknown-linux-gnu] linker = "aarch64-linux-gnu-gcc"`), or use `cross` / `cargo zigbuild`.',
      'CMake: use a toolchain file (CMAKE_SYSTEM_NAME, CMAKE_C_COMPILER, CMAKE_FIND_ROOT_PATH); autotools: `./configure --host=<triple>`.',
      'Make sure library directories (-L, PKG_CONFIG_PATH/PKG_CONFIG_SYSROOT_DIR) point at the target\'s libraries, not the host\'s.',
      'Remove objects of an earlier build for another architecture (`cargo clean`, `make clean`).',
    ],
  },
});
