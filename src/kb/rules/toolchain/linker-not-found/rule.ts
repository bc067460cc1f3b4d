// linker-not-found: the linker that rustc or gcc was told to run does not exist on PATH.

import { defineRule, type Refinement } from '../../../rule.js';
import { crossInstall } from '../compiler-family.js';

export default defineRule({
  id: 'linker-not-found',
  title: 'The linker is not installed',
  summary: 'The compiler finished but could not start the program that links the final binary.',
  category: 'toolchain',
  captures: {
    linker: { type: 'string', doc: 'the linker program that was not found (`cc`, `x86_64-linux-gnu-gcc`, `ld`)' },
    crossTriple: { type: 'string', doc: 'the target triple a cross linker\'s name starts with', optional: true },
  },
  internal: ['linker2'],
  patterns: [
    {
      id: 'rustc-linker-not-found',
      // rustc (all versions since 1.0): "error: linker `cc` not found"
      source: 'rustc',
      // (a paste through Markdown may turn rustc's backticks into quotes: "error: linker 'cc' not found")
      literals: ['not found'],
      re: /^error: linker [`'‘](?<linker>[^`'’]+)[`'’] not found/,
      weight: 0.95,
    },
    {
      id: 'rustc-could-not-exec-linker-old',
      // rustc before "linker `cc` not found" (1.x up to about 1.19): "error: could not exec the linker `cc`: No such file or
      // directory (os error 2)" (newer rustc prints other exec errors as "could not exec the linker `cc`" + a note: not ENOENT)
      source: 'rustc (old)',
      literals: ['could not exec the linker'],
      re: /could not exec the linker `(?<linker>[^`]+)`: (?:No such file or directory|program not found|The system cannot find the file specified)/,
      weight: 0.95,
    },
    {
      id: 'collect2-cannot-find-ld',
      // gcc's collect2: "collect2: fatal error: cannot find ‘ld’" (quotes are localised)
      source: 'gcc collect2',
      literals: ['cannot find'],
      re: /^collect2: fatal error: cannot find [‘'`"](?<linker>[^’'`"]+)[’'`"]/,
      weight: 0.95,
    },
    {
      id: 'clang-ld-missing',
      // clang: 'clang: error: unable to execute command: Executable "ld" doesn't exist!'
      source: 'clang',
      literals: ["doesn't exist"],
      re: /error: unable to execute command: Executable "(?<linker>[^"]+)" doesn't exist/,
      weight: 0.9,
    },
    {
      id: 'fuse-ld-invalid',
      // gcc/clang given -fuse-ld=mold|lld that is not installed: "clang: error: invalid linker name in argument '-fuse-ld=mold'"
      source: 'clang/gcc',
      literals: ['invalid linker name', '-fuse-ld='],
      re: /invalid linker name in argument '-fuse-ld=(?<linker>[\w.-]+)'|error: cannot find '?(?<linker2>ld\.(?:lld|mold|gold))'?/,
      weight: 0.9,
    },
  ],
  refine: (ctx): Refinement | null => {
    const linker = ctx.captures.linker ?? ctx.captures.linker2 ?? 'cc';
    // MSVC's link.exe is its own diagnosis (msvc-missing), with a different fix.
    if (/^link(?:\.exe)?$/i.test(linker)) return null;
    // A configured linker may be a full path (/usr/bin/arm-linux-gnueabihf-gcc): its file name carries the triple.
    const cross = /^(?<triple>[a-z0-9_]+-[a-z0-9_-]+)-(?:gcc|cc|clang|ld)(?:-\d+)?$/.exec(linker.replace(/^.*[/\\]/, ''));
    const triple = cross?.groups?.triple;
    if (!triple) return { captures: { linker } };
    // A cross linker comes with its target's cross toolchain (gcc-<triple> pulls in binutils-<triple>), not build-essential.
    return { captures: { linker, crossTriple: triple }, ...(triple !== 'x86_64-linux-gnu' ? { install: crossInstall(linker, 'c') } : {}) };
  },
  explanation:
    'Compiling succeeded, but producing the executable needs a linker, and `{{linker}}` could not be started. ' +
    'On Linux, rustc links through the C compiler driver `cc` (which runs `ld`), so a machine with Rust but no ' +
    'C toolchain fails here, even for a pure-Rust hello world; build scripts are linked the same way. ' +
    'When a cross or custom linker is configured (.cargo/config.toml `linker = ...`, `-fuse-ld=`), that exact program must exist.',
  fix: {
    summary: 'Install a C toolchain that provides `{{linker}}` (or point cargo at a linker you have).',
    steps: [
      'Install the system C toolchain (it provides cc and ld).',
      'If `{{linker}}` is a cross linker (`<triple>-gcc`), install the cross toolchain for that target (Debian/Ubuntu: gcc-<triple>, e.g. gcc-aarch64-linux-gnu; the commands below when the triple is known), or use `cross`/`cargo zigbuild`.',
      'If `{{linker}}` is a custom linker, install it or fix `linker =` in .cargo/config.toml / the CARGO_TARGET_<TRIPLE>_LINKER variable.',
    ],
    packages: {
      apt: ['build-essential'],
      dnf: ['gcc', 'binutils'],
      apk: ['build-base'],
      pacman: ['base-devel'],
      zypper: ['gcc', 'binutils'],
      nix: ['stdenv.cc'],
    },
    platformCommands: {
      macos: ['xcode-select --install'],
      windows: ['Install "Desktop development with C++" from Visual Studio Build Tools, or use the x86_64-pc-windows-gnu toolchain with MinGW-w64'],
    },
  },
});
