// binutils-too-old: GNU as or ld is older than what the compiler or a prebuilt object hands it (a newer GCC on an old
// distribution's /usr/bin/as and ld, a static library assembled by a newer binutils).

import { defineRule, type Refinement } from '../../../rule.js';

// What each wording shows the tool does not know, and the binutils release that learned it (binutils' NEWS).
const KNOWN_SINCE: Record<string, { what: string; since?: string }> = {
  'ld-gotpcrelx': { what: 'the x86-64 relaxable GOT relocations (R_X86_64_GOTPCRELX, R_X86_64_REX_GOTPCRELX)', since: '2.26' },
  'as-loc-view': { what: 'the `view` operand of `.loc` that GCC 8 and later emit with -g', since: '2.30' },
  'as-endbr': { what: 'the CET instruction `endbr64`/`endbr32` (GCC\'s -fcf-protection, hand-written assembly)', since: '2.29' },
  'as-x86-vector': { what: 'a newer x86 vector instruction' },
};

export default defineRule({
  id: 'binutils-too-old',
  title: 'The assembler or linker (GNU binutils) is too old for the code it is given',
  summary: 'GNU as or ld is older than the compiler or the prebuilt objects it works with, so it rejects an instruction, directive or relocation that a newer binutils knows.',
  category: 'toolchain',
  captures: {
    tool: { type: 'string', doc: 'the binutils program that failed: `as` (the assembler) or `ld` (the linker)' },
    item: { type: 'string', doc: 'what it did not know: the relocation number (`0x2a`), `.loc view`, or the instruction (`endbr64`, `vpdpbusd`)' },
    object: { type: 'path', doc: 'the object or archive member the linker could not read', optional: true },
  },
  // An assembler error reads like a compile error of the file it assembles.
  explains: ['c-code-error', 'rust-code-error'],
  patterns: [
    {
      id: 'ld-gotpcrelx',
      // GNU ld, bfd/elf64-x86-64.c before 2.26: "%B: unrecognized relocation (0x%x) in section `%A'", followed by
      // "final link failed: Bad value"; 0x29 and 0x2a are R_X86_64_GOTPCRELX and R_X86_64_REX_GOTPCRELX, which
      // binutils 2.26+ emits by default (-mrelax-relocations=yes).
      source: 'GNU ld < 2.26 (bfd, x86-64)',
      literals: ['unrecognized relocation (0x2'],
      re: /unrecognized relocation \((?<item>0x2[9a])\) in section/,
      weight: 0.85,
    },
    {
      id: 'as-loc-view',
      // GNU as before 2.30 (gas/dwarf2dbg.c): "Error: unknown .loc sub-directive `view'", often with "unknown
      // pseudo-op: `.lvu1'" after it: GCC 8+ detects location views when it is built and emits them.
      source: 'GNU as < 2.30',
      literals: ['unknown .loc sub-directive'],
      re: /unknown \.loc sub-directive [`'‘]view/,
      weight: 0.85,
    },
    {
      id: 'as-endbr',
      // GNU as before 2.29 (gas/config/tc-i386.c): "Error: no such instruction: `endbr64'".
      source: 'GNU as < 2.29 (x86)',
      literals: ['no such instruction'],
      re: /no such instruction: [`'‘](?<item>endbr(?:32|64))\b/,
      weight: 0.85,
    },
    {
      id: 'as-x86-vector',
      // GNU as (tc-i386.c): "no such instruction: `vpdpbusd %zmm2,%zmm31,%zmm22'" (the mnemonic is unknown to this
      // release) or "unsupported instruction `vpdpbusd'" (known, but not in the encoding the compiler asked for,
      // AVX-VNNI's VEX form before 2.36). Only a v- or k- mnemonic with x86 vector or mask registers, or none: an ARM
      // or AArch64 file fed to the x86 assembler ("no such instruction: `vld1.8 {d0},[r0]'") is another story.
      source: 'GNU as (x86)',
      literals: ['no such instruction', 'unsupported instruction'],
      re: /(?:no such instruction: |unsupported instruction )[`'‘](?<item>(?:v[a-z0-9]{3,}|k[a-z]{2,}[bwdq]))(?:[`'’]|\s[^`'’%]{0,80}%(?:[xyz]mm\d|k\d))/,
      weight: 0.8,
    },
  ],
  refine: (ctx): Refinement | null => {
    const first = ctx.hits[0];
    if (!first) return null;
    const facts = KNOWN_SINCE[first.pattern]!;
    const item = first.captures.item ?? '.loc view';
    const object = first.pattern === 'ld-gotpcrelx' ? objectBefore(first.text) : undefined;
    return {
      captures: {
        tool: first.pattern === 'ld-gotpcrelx' ? 'ld' : 'as',
        item,
        ...(object ? { object, _in: ` in \`${object}\`` } : {}),
        _what: first.pattern === 'as-x86-vector' ? `${facts.what} (\`${item}\`)` : facts.what,
        _since: facts.since ? ` (known to binutils ${facts.since} and later)` : '',
      },
      evidence: ctx.hits.slice(0, 3).map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'GNU {{tool}} rejected {{_what}}{{_since}}{{_in|}}. The compiler or the object files are newer than the binutils that assembles or ' +
    'links them: typically a newer GCC (devtoolset/gcc-toolset, conda, a source build) that still runs the distribution\'s old ' +
    '/usr/bin/as and /usr/bin/ld (CentOS/RHEL 7 ships binutils 2.27), or a prebuilt static library, Go runtime object or crt ' +
    'file assembled by a newer binutils and linked by an older ld. The code is not at fault.',
  fix: {
    summary: 'Use a binutils as new as the compiler (the one that belongs to it), or build with flags that the old one understands.',
    steps: [
      'Check which assembler and linker the compiler runs: `gcc -print-prog-name=as`, `gcc -print-prog-name=ld`, `ld --version`; the binutils of the compiler\'s own toolset must come first on PATH.',
      'Install a newer binutils with the compiler: on RHEL/CentOS `yum install devtoolset-11-binutils` (or `gcc-toolset-13-binutils`) and build inside `scl enable devtoolset-11 bash`; with conda, `conda install -c conda-forge binutils` next to its gcc; or the distribution\'s newer release.',
      'Without a new binutils: for `.loc ... view`, build with `-gno-variable-location-views` (or without -g); for a newer vector instruction, build without `-march=native` or the AVX-512/VNNI options; for a prebuilt archive with GOTPCRELX relocations, rebuild it with `-Wa,-mrelax-relocations=no` or use a release built for the older linker.',
    ],
  },
});

// ld names the object before the message: "/usr/bin/ld: libfoo.a(x.o): unrecognized relocation (0x2a) in section".
function objectBefore(line: string): string | undefined {
  const head = line.slice(0, line.indexOf(': unrecognized relocation'));
  const object = head.split(': ').pop()?.trim();
  return object && /\.(?:o|a|so)(?:\([^()]*\))?$/.test(object) ? object : undefined;
}
