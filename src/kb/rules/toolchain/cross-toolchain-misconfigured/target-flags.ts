// The host compiler handed a cross target's options: an ARM, RISC-V or MIPS build whose cross prefix (CROSS_COMPILE,
// CC, a toolchain file) is not in effect, so the unprefixed host gcc runs and rejects the target's -m options
// (`gcc: error: unrecognized argument in option '-mabi=aapcs-linux'` from a kernel built with ARCH=arm alone); and a
// build for Windows run with the host gcc, which rejects the MinGW-only options Go's cgo and Windows Makefiles pass
// (`gcc: error: unrecognized command-line option '-mthreads'`, `-mwindows`).
//
// Only where the log decides it: the flag belongs to ARM, RISC-V or MIPS only, the compiler has no target prefix, and
// gcc shows that it is an x86 compiler (x86's "bad value ... switch" wording, its -mabi note "ms sysv", its -mcpu
// deprecation warning, clang's "for target 'x86_64-..."), or the flag is the kernel's 32-bit ARM ABI
// (-mabi=aapcs-linux/apcs-gnu) and no note shows a native aarch64 gcc ("valid arguments to '-mabi=' are: ilp32 lp64":
// a 32-bit-only project or ARCH=arm on a 64-bit Raspberry Pi OS, where no cross prefix is missing). `-mfpu=neon` on a native aarch64 gcc (a 32-bit ARM Makefile on a 64-bit board),
// `-m32`, or an x86 flag to a cross gcc stay compiler-flag-unsupported's. A MinGW-only option decides alone when gcc
// (any gcc but MinGW's) rejects it; clang rejecting it "for target 'x86_64-pc-windows-msvc'" is clang on Windows
// targeting MSVC, not a host compiler (compiler-flag-unsupported).
//
// cross-toolchain-misconfigured's rule.ts wraps its definition with `withTargetFlags`; compiler-flag-unsupported yields
// the same lines through `hostCompilerGivenTargetFlag`.

import type { LinePattern, PatternHit, Refinement, RefineContext, RuleDefinition } from '../../../rule.js';
import { crossInstall } from '../compiler-family.js';

export type TargetFamily = 'ARM' | 'RISC-V' | 'MIPS' | 'Windows';

// Options (and -march/-mcpu/-mtune values) that only the ARM, RISC-V or MIPS gcc backends accept; an x86 gcc rejects
// them all. -mgeneral-regs-only, -mlittle-endian and -mabi=lp64 are left out: x86 or aarch64 accept them too.
const TARGET_ONLY: readonly [RegExp, TargetFamily][] = [
  [/^-m(?:float-abi=|fpu=|thumb\b|thumb-interwork|arm$|no-thumb-interwork|no-unaligned-access|unaligned-access|tp=|abi=(?:aapcs|apcs|atpcs|iwmmxt))/, 'ARM'],
  [/^(?:cortex-|arm\d|armv\d|neoverse|xscale|strongarm|apple-m\d)/, 'ARM'],
  [/^-m(?:abi=(?:lp64[fdq]|ilp32[efd]?)$|cmodel=med(?:any|low)$|riscv-attribute|no-relax$|relax$)/, 'RISC-V'],
  [/^rv(?:32|64)[a-z]/, 'RISC-V'],
  [/^-(?:mips(?:\d|16)|mabi=(?:32|n32|o64|eabi)$|mno-abicalls|mabicalls|EL$|EB$|mhard-float$|msoft-float$)/, 'MIPS'],
  [/^mips\d/, 'MIPS'],
  // MinGW-w64's and Cygwin's target options (gcc's i386/cygming.opt): Go's cgo passes -mthreads for GOOS=windows
  [/^-m(?:threads|windows|console|dll|nop-fun-dllimport|unicode|win32)$/, 'Windows'],
];

/** The architecture family an option (or an -march/-mcpu/-mtune value) belongs to only, or null. */
export function targetFamilyOf(flagOrValue: string): TargetFamily | null {
  return TARGET_ONLY.find(([re]) => re.test(flagOrValue))?.[1] ?? null;
}

// The kernel's 32-bit ARM ABI options (arch/arm/Makefile): rejected by a compiler, they mean it is not a 32-bit ARM gcc.
const ARM_KERNEL_ABI = /^-mabi=(?:aapcs-linux|apcs-gnu)$/;

// gcc's notes and warnings that only its x86 backend prints next to the rejected option:
// "gcc: note: valid arguments to ‘-mabi=’ are: ms sysv", "valid arguments to ‘-march=’ switch are: nocona core2 ...",
// "gcc: warning: ‘-mcpu=’ is deprecated; use ‘-mtune=’ or ‘-march=’ instead".
const X86_GCC_WITNESS = /valid arguments to ['‘]-mabi=['’] are: ms sysv|valid arguments to ['‘]-m(?:arch|tune)=['’] switch are: nocona|['‘]-mcpu=['’] is deprecated; use ['‘]-mtune=['’]/;

// A native aarch64 gcc's note on -mabi= (gcc driver): "gcc: note: valid arguments to ‘-mabi=’ are: ilp32 lp64".
const AARCH64_GCC_WITNESS = /valid arguments to ['‘]-mabi=['’] are: ilp32 lp64/;

/** A compiler without a target prefix (or with the x86-64 host's own): gcc, cc, cc1, gcc-12, x86_64-linux-gnu-gcc. */
const HOST_COMPILER = /^(?:[\w./\\-]{0,200}[/\\])?(?:x86_64-(?:pc-|unknown-)?linux-gnu-)?(?:gcc|cc|cc1|cc1plus|g\+\+|c\+\+|clang|clang\+\+)(?:-\d+(?:\.\d+)*)?(?:\.exe)?$/;

export const TARGET_FLAG_PATTERNS: readonly LinePattern[] = [
  {
    id: 'host-gcc-rejects-target-flag',
    // gcc driver / cc1 (x86): "gcc: error: unrecognized argument in option ‘-mabi=aapcs-linux’", "gcc: error: unrecognized
    // command-line option ‘-mfloat-abi=hard’" (gcc < 4.9: "command line"), "cc1: error: bad value ‘cortex-a53’ for
    // ‘-mtune=’ switch" (gcc < 12: "bad value (‘armv7-a’) for ‘-march=’ switch"; the "bad value" wording is x86's)
    source: 'gcc (x86 host)',
    literals: ['error: unrecognized argument in option', 'error: unrecognized command-line option', 'error: unrecognized command line option', 'error: bad value'],
    re: /^(?<_compiler>[\w./\\+-]{1,240}): error: (?:unrecognized (?:argument in option|command[- ]line option) ['‘](?<_flag>-[mE][^'’\s]{0,60})['’]|bad value \(?['‘](?<_value>[\w.+-]{1,60})['’]\)? for ['‘]?(?<_switch>-m(?:arch|tune|cpu)=)['’]? switch)/,
    weight: 0.85,
  },
  {
    id: 'clang-target-flag-for-x86',
    // clang >= 17 (err_drv_unsupported_opt_for_target, DiagnosticDriverKinds.td; target-specific options unclaimed by the
    // x86 backend are errors since LLVM D151590, clang 14 only warns "argument unused during compilation"):
    // "clang: error: unsupported option '-mfloat-abi=hard' for target 'x86_64-unknown-linux-gnu'"
    source: 'clang',
    literals: ["for target 'x86_64", "for target 'i686", "for target 'i386"],
    re: /^(?<_compiler>[\w./\\+-]{1,240}): error: unsupported option ['‘](?<_flag>-[mE][^'’\s]{0,60})['’] for target ['‘](?:x86_64|i[36]86)-/,
    weight: 0.85,
  },
];

const PATTERN_IDS = new Set(TARGET_FLAG_PATTERNS.map((p) => p.id));

export interface TargetFlagFinding {
  compiler: string;
  flag: string;
  family: TargetFamily;
  hit: PatternHit;
}

/** The first line where an unprefixed host compiler rejects an ARM/RISC-V/MIPS-only option and the log decides it. */
export function hostCompilerGivenTargetFlag(hits: readonly PatternHit[]): TargetFlagFinding | null {
  for (const hit of hits) {
    // The same regex runs on compiler-flag-unsupported's hits, whose pattern differs: match the line again.
    const m = TARGET_FLAG_PATTERNS.map((p) => p.re.exec(hit.text)).find(Boolean);
    const g = m?.groups;
    if (!g || !HOST_COMPILER.test(g._compiler)) continue;
    // x86 gcc reads -mcpu= as -mtune= and says so on the line before: name the option the build passed.
    const viaMcpu = g._switch === '-mtune=' && hit.before.some((l) => /['‘]-mcpu=['’] is deprecated/.test(l));
    const flag = g._flag ?? `${viaMcpu ? '-mcpu=' : g._switch}${g._value}`;
    const family = targetFamilyOf(g._flag ?? g._value);
    if (!family) continue;
    if (family === 'Windows') {
      // any gcc but a MinGW one rejects these; clang says for which target, and one for Windows is clang on Windows
      if (/for target ['‘][\w.-]{0,40}(?:windows|mingw|cygwin)/.test(hit.text)) continue;
      return { compiler: g._compiler.replace(/^.*[/\\]/, ''), flag, family, hit };
    }
    const x86 = g._value !== undefined || /for target/.test(hit.text) || [...hit.before, ...hit.after].some((l) => X86_GCC_WITNESS.test(l));
    const aarch64 = hit.after.some((l) => AARCH64_GCC_WITNESS.test(l));
    if (x86 || (ARM_KERNEL_ABI.test(flag) && !aarch64)) return { compiler: g._compiler.replace(/^.*[/\\]/, ''), flag, family, hit };
  }
  return null;
}

function refineTargetFlag(ctx: RefineContext): Refinement | null {
  const found = hostCompilerGivenTargetFlag(ctx.hits.filter((h) => PATTERN_IDS.has(h.pattern)));
  if (!found) return null;
  const compiler = /^cc1/.test(found.compiler) ? `gcc (${found.compiler})` : found.compiler;
  if (found.family === 'Windows') {
    const story =
      `The host compiler \`${compiler}\` rejected \`${found.flag}\`, an option only a compiler for Windows (MinGW-w64) accepts: the build ` +
      'targets Windows (Go\'s cgo passes -mthreads for GOOS=windows), but the compiler in use builds for the machine it runs on.';
    const why = 'A cgo or C build for Windows on Linux or macOS needs a MinGW-w64 cross compiler: Go runs `gcc` (or $CC), which is the host\'s.';
    const fix = 'Build with a MinGW-w64 cross compiler: `CC=x86_64-w64-mingw32-gcc` (`CXX=x86_64-w64-mingw32-g++`; `i686-w64-mingw32-gcc` for 32-bit, GOARCH=386).';
    return { confidence: found.hit.weight, captures: { _story: story, _why: why, _fix: fix }, evidence: [{ line: found.hit.line, text: found.hit.text }], install: crossInstall('x86_64-w64-mingw32-gcc', 'c') };
  }
  const article = found.family === 'ARM' ? 'an' : 'a';
  const story =
    `The host compiler \`${compiler}\` rejected \`${found.flag}\`, an option only ${article} ${found.family} compiler accepts: the build ` +
    `targets ${found.family}, but its cross compiler was not used (CROSS_COMPILE, CC or the toolchain file not in effect), so the ` +
    'unprefixed host gcc ran. For a kernel or U-Boot, pass both `ARCH=` and `CROSS_COMPILE=<triple>-` (with the trailing dash) to every make step.';
  const why = 'A cross build must run the target\'s compiler for every object of the target; the host compiler builds only the tools that run on the build machine (Kbuild\'s HOSTCC).';
  const fix = 'Pass the cross toolchain\'s prefix to every build step: `CROSS_COMPILE=<triple>-`, `CC=<triple>-gcc` or a CMake toolchain file.';
  return { confidence: found.hit.weight, captures: { _story: story, _why: why, _fix: fix }, evidence: [{ line: found.hit.line, text: found.hit.text }] };
}

/**
 * Adds the target-flag lines to cross-toolchain-misconfigured: its patterns plus these, the two lines after each hit
 * (gcc's note), and this refine where the rule's own refine, given the other lines, finds nothing.
 */
export function withTargetFlags(def: RuleDefinition): RuleDefinition {
  return {
    ...def,
    patterns: [...def.patterns, ...TARGET_FLAG_PATTERNS],
    contextBefore: Math.max(def.contextBefore ?? 0, 1),
    contextAfter: Math.max(def.contextAfter ?? 0, 2),
    refine: (ctx) => {
      const flags = ctx.hits.filter((h) => PATTERN_IDS.has(h.pattern));
      const own = { ...ctx, hits: ctx.hits.filter((h) => !PATTERN_IDS.has(h.pattern)) };
      const found = own.hits.length > 0 && def.refine ? def.refine(own) : null;
      return found ?? (flags.length > 0 ? refineTargetFlag({ ...ctx, hits: flags }) : null);
    },
  };
}
