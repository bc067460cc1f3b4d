// cross-toolchain-misconfigured: a build for another target (CPU or operating system) that does not use a working
// toolchain for that target. The linker given objects or libraries built for another CPU architecture (the host's `cc`
// or linker in a cross build, or objects left from a build for another architecture); configure given a cross compiler
// but no --host; the unprefixed host gcc given the target's -m options (target-flags.ts); a target-prefixed compiler
// missing or broken where the log shows a cross build (cross-build.ts decides; a distribution's own prefixed compiler,
// as Python's build_ext runs it on Raspberry Pi OS, stays c-compiler-missing); and a Windows SDK header missing from
// the compiler that builds Go's runtime/cgo for Windows. Not linker-not-found: there the configured linker is not there.
// A cross linker's `cannot find -lX` is the target's library missing: native-lib-missing, with the target's packages.

import { compilerTargetTriple, crossToolchainFor } from '../../../components.js';
import { confidenceOf, defineRule, representativeHits, type PatternHit, type Refinement, type RefineContext } from '../../../rule.js';
import { cmakeCompilerNotInPath, compilerNamedBy, crossInstall, CXX_LANGUAGE, C_LANGUAGE, gccBackendMissing, type CompilerLanguage } from '../compiler-family.js';
import { CROSS_CONTEXT_IDS, CROSS_CONTEXT_PATTERNS, crossBuildFor, windowsTargetShown } from './cross-build.js';
import { withTargetFlags } from './target-flags.js';

/** ELF e_machine numbers that GNU ld prints in "Relocations in generic ELF (EM: n)". */
const ELF_MACHINES: Record<string, string> = {
  '3': 'x86 (i386)',
  '8': 'MIPS',
  '20': 'PowerPC',
  '21': 'PowerPC64',
  '22': 's390',
  '40': 'ARM (32-bit)',
  '62': 'x86-64',
  '183': 'AArch64 (arm64)',
  '243': 'RISC-V',
  '258': 'LoongArch',
};

/** GNU ld's message starts with the linker that printed it: "/usr/bin/ld: main.o: Relocations in generic ELF (EM: 62)". */
const LINKER_AND_OBJECT = /^(\S{1,300}?): (\S{1,300}?): Relocations in generic ELF/;

/** configure's wordings, which alone do not decide it (security software deleting conftest, a broken runtime library path). */
const CONFIGURE_CANNOT_RUN = 'configure-cannot-run-compiled-programs';
const CONFIGURE_CROSS_CC = 'configure-found-cross-compiler';
const CONFIGURE_PAIR_CONFIDENCE = 0.85;

/** The hits of the missing or broken compiler shapes: a prefixed compiler not found (program-not-found, routed here too),
 * gcc's backend missing, CMake's compiler not in PATH; and of a Windows SDK header not found (header-not-found). */
const COMPILER_SHAPES = new Set(['gcc-cannot-exec-cc1', 'gcc-cannot-exec-cc1plus', 'cmake-c-compiler-not-in-path', 'cmake-cxx-compiler-not-in-path']);
const isCompilerHit = (h: PatternHit) => COMPILER_SHAPES.has(h.pattern) || h.pattern.startsWith('program-not-found:');
const isHeaderHit = (h: PatternHit) => h.pattern.startsWith('header-not-found:');

const LINK_WHY =
  'When cross-compiling, every object must come from the target\'s compiler: if a build script or Makefile compiles C with ' +
  'the host `cc` (cc-rs, CMake or autotools without the target\'s CC), or links with the host linker, the two halves do not ' +
  'match. The same error follows when object files or static libraries left from an earlier build for another architecture ' +
  'are reused (a build directory copied into an ARM container, no `make clean`).';

/** The linker's and configure's shapes: objects of another architecture, or a cross compiler configure was not told of. */
function refineLink(ctx: RefineContext): Refinement | null {
  // configure's "cannot run C compiled programs" and a triple-prefixed compiler name decide it only together
  const configureHits = ctx.hits.filter((h) => h.pattern === CONFIGURE_CANNOT_RUN || h.pattern === CONFIGURE_CROSS_CC);
  const decisive = ctx.hits.filter((h) => !configureHits.includes(h));
  const configureDecides = configureHits.some((h) => h.pattern === CONFIGURE_CANNOT_RUN) && configureHits.some((h) => h.pattern === CONFIGURE_CROSS_CC);
  if (decisive.length === 0 && !configureDecides) return null;
  if (ctx.hits.some((h) => h.pattern === 'bfd-compressed-debug-unreadable')) {
    const others = ctx.hits.filter((h) => h.pattern !== 'bfd-compressed-debug-unreadable' && h.pattern !== 'go-link-object-not-recognized');
    if (others.length === 0) return null;
  }
  const relocation = ctx.hits.find((h) => h.pattern === 'bfd-relocations-generic-elf');
  const em = relocation?.captures.em;
  const m = relocation ? LINKER_AND_OBJECT.exec(relocation.text) : null;
  const objectArch = em ? ELF_MACHINES[em] ?? `ELF machine ${em}` : undefined;
  const captures: Record<string, string> = {};
  if (objectArch) captures.objectArch = objectArch;
  if (m) {
    captures.linker = m[1];
    captures.object = m[2];
  }
  const archLine = ctx.hits.find((h) => h.pattern === 'bfd-architecture-incompatible');
  // the input architecture is the word before " architecture of input file", cut out here on the one hit line
  const inputArch = archLine ? /([\w:-]{1,40}) architecture of input file/.exec(archLine.text)?.[1] : undefined;
  const story = m && objectArch
    ? `${m[1]} rejected ${m[2]}, which was compiled for ${objectArch}, a different architecture than the one this linker produces.`
    : ctx.captures._lldObject
      ? `${ctx.captures._lld} rejected ${ctx.captures._lldObject}, which was not compiled for ${ctx.captures.emulation}, the format this link produces.`
      : inputArch
      ? `The linker was given ${inputArch} objects while producing ${ctx.captures.outputArch} output.`
      : ctx.hits.some((h) => h.pattern === 'configure-conftest-exec-format') || configureDecides
      ? `configure built its test program with ${ctx.captures.triple ? `the cross compiler for ${ctx.captures.triple}` : 'a compiler for another architecture'} and could not run it on this machine: without \`--host\` configure assumes a native build.`
      : ctx.hits.some((h) => h.pattern === 'go-link-object-not-recognized')
      ? `The C linker that Go's external linking runs could not read ${ctx.captures.object}, an object Go wrote for its target (go.o) or copied from a host object or .syso file (00000N.o).`
      : 'The linker rejected an object file or library compiled for another architecture than the one it links for.';
  // together, configure's two lines are as decisive as the conftest line configure.log holds
  const confidence = decisive.length === 0 ? CONFIGURE_PAIR_CONFIDENCE : confidenceOf(ctx.hits);
  return { captures: { ...captures, _story: story, _why: LINK_WHY }, confidence, evidence: representativeHits(ctx.hits).map((h) => ({ line: h.line, text: h.text })) };
}

const SKIPPING_INCOMPATIBLE = 'bfd-skipping-incompatible';
const isLibraryHit = (h: PatternHit) => h.pattern.startsWith('library-not-found:');
const bareLibraryName = (name: string) => name.replace(/^lib/, '').toLowerCase();

/**
 * ld skipped every copy of a library on its search path as built for another architecture, then could not find it: the
 * link is for another architecture than the libraries installed (a 32-bit build on a 64-bit system), or the library was
 * built for another CPU. Only the pair decides it; a missing library that ld skipped nothing for is native-lib-missing's.
 */
function refineIncompatibleLibrary(skipped: readonly PatternHit[], notFound: readonly PatternHit[]): Refinement | null {
  for (const missing of notFound) {
    const library = missing.captures.library;
    if (!library) continue;
    const skip = skipped.find((s) => s.line < missing.line && bareLibraryName(s.captures._skippedLibrary ?? '') === bareLibraryName(library));
    if (!skip) continue;
    const story = `The linker found \`${skip.captures._skippedFile}\` for \`-l${library}\` but skipped it as built for another architecture than this link, and found no other ${library} on its search path.`;
    const why =
      'Either the link is for another architecture than the libraries that are installed: a 32-bit build (`-m32`, a 32-bit ' +
      'target or toolchain) needs the 32-bit build of every library it links, which a 64-bit system leaves out unless asked ' +
      '(Debian/Ubuntu `gcc-multilib` and the `:i386` packages, Fedora the `.i686` packages, MSYS2 the MINGW32 environment ' +
      'with `mingw-w64-i686-toolchain`); or the library itself was built for another CPU (left from a cross build, a ' +
      'prebuilt copy for another platform).';
    const fix = `Link against a ${library} built for the architecture of this link: install its build for that architecture (the multilib or 32-bit packages for \`-m32\`), or rebuild it with the same compiler and flags; or build for the architecture the installed libraries have.`;
    return {
      confidence: 0.85,
      captures: { library, _story: story, _why: why, _fix: fix },
      evidence: [skip, missing].map((h) => ({ line: h.line, text: h.text })),
    };
  }
  return null;
}

/** The language a compiler hit is about: gcc's C++ backend, CMake's CXX, or a C++ driver's name. */
function languageOf(hit: PatternHit): CompilerLanguage {
  if (hit.pattern === 'gcc-cannot-exec-cc1plus' || hit.pattern === 'cmake-cxx-compiler-not-in-path') return CXX_LANGUAGE;
  if (hit.pattern === 'gcc-cannot-exec-cc1' || hit.pattern === 'cmake-c-compiler-not-in-path') return C_LANGUAGE;
  return CXX_LANGUAGE.drivers.test((hit.captures.program ?? '').replace(/^.*[/\\]/, '')) ? CXX_LANGUAGE : C_LANGUAGE;
}

/** A target-prefixed compiler that is not installed (or not on PATH), or whose compiler proper is missing, in a build the log shows is a cross build. */
function refineMissingCompiler(compilerHits: readonly PatternHit[], context: readonly PatternHit[]): Refinement | null {
  for (const hit of [...compilerHits].sort((a, b) => b.weight - a.weight || a.line - b.line)) {
    const lang = languageOf(hit);
    // the CMake shape is shared by both languages: only the hit under this language's header names a compiler
    const compiler = compilerNamedBy(lang, hit)?.replace(/^.*[/\\]/, '');
    const triple = compiler ? compilerTargetTriple(compiler) : null;
    if (!compiler || !triple) continue;
    const cross = crossBuildFor(triple, context);
    if (!cross) continue;
    const broken = hit.pattern.startsWith('gcc-cannot-exec-');
    // A cross compiler a package manager installs under this very name (Debian's gcc-aarch64-linux-gnu) is a compiler
    // not installed: c-compiler-missing/cxx-compiler-missing name its package. Here: a vendor's, an SDK's or the NDK's.
    const packaged = crossToolchainFor(compiler, lang.key);
    if (!broken && packaged && Object.keys(packaged.packages).length > 0) continue;
    const story = broken
      ? `\`${compiler}\`, the cross compiler for ${triple}, runs but cannot start its compiler proper (\`${lang.backend}\`): the toolchain is incomplete, was unpacked only in part, or was moved away from the directory it was built for. The build is a cross build: ${cross.reason}.`
      : `\`${compiler}\`, the cross compiler for ${triple} that the build names, is not on PATH, and no system package installs it under this name: it comes from a vendor's toolchain, a board SDK or the Android NDK. The build is a cross build: ${cross.reason}.`;
    const why = 'A cross build runs the target\'s own toolchain under its prefixed name (the Makefile\'s CROSS_COMPILE, CC, cc-rs\'s ' +
      'CC_<target>, a CMake toolchain file): that toolchain must be installed for the target and be on PATH under exactly that name ' +
      '(sudo and new shells may drop a PATH set by hand), or the variable must name the prefix of the toolchain that is installed.';
    const fix = broken
      ? `Reinstall the ${triple} cross toolchain completely (or run it from the directory it was unpacked to).`
      : `Install the ${triple} toolchain and put its bin directory on PATH, or point CROSS_COMPILE/CC at the cross toolchain you have.`;
    const evidence = [hit, ...(cross.hit ? [cross.hit] : [])].map((h) => ({ line: h.line, text: h.text })).sort((a, b) => a.line - b.line);
    return { confidence: hit.weight, captures: { compiler, triple, _story: story, _why: why, _fix: fix }, evidence, install: crossInstall(compiler, lang.key) };
  }
  return null;
}

// Go's own C files for Windows in runtime/cgo: gcc_libinit_windows.c, gcc_windows_amd64.c, gcc_windows_arm64.c.
const GO_CGO_WINDOWS_FILE = /(?:^|[/\\])gcc_\w{0,40}windows\w{0,40}\.c$/;

/** A Windows SDK header missing from the (non-MSVC) compiler of a build for Windows: the host's compiler is in use. */
/** The pkg-config crate's refusal to run pkg-config for another target (0.3.19+ wording, 0.3.7-0.3.18 Display and Debug). */
const PKG_CONFIG_CROSS = new Set(['pkg-config-crate-not-cross', 'pkg-config-crate-cross-detected', 'pkg-config-crate-cross-debug']);

/** A build script's pkg-config lookup in a cross build that has no pkg-config set up for the target. */
function refinePkgConfigCross(hits: readonly PatternHit[]): Refinement | null {
  // a build script's own error outweighs the same text relayed as a cargo warning ("warning: x@1.0: pkg-config has not
  // been configured ..."), which a build script may print and go on from
  const relayed = (h: PatternHit) => /^warning: (?:\S{1,100}: )?pkg-config has not/.test(h.text);
  const hit = hits.find((h) => PKG_CONFIG_CROSS.has(h.pattern) && !relayed(h)) ?? hits.find((h) => PKG_CONFIG_CROSS.has(h.pattern));
  if (!hit) return null;
  // the build script announces the per-target variables it reads: "cargo:rerun-if-env-changed=PKG_CONFIG_ALLOW_CROSS_aarch64-unknown-linux-gnu"
  const triple = hit.before.map((l) => /PKG_CONFIG_ALLOW_CROSS_(?<t>[a-z0-9_]+-[\w.-]+)$/.exec(l)?.groups?.t).find((t) => t);
  return {
    confidence: relayed(hit) ? 0.6 : 0.9,
    captures: {
      ...(triple ? { triple } : {}),
      _story: `A build script looks a library up with pkg-config while cargo builds for another target${triple ? ` (${triple})` : ''}, and pkg-config is not set up for that target: the pkg-config crate refuses, since the host's pkg-config would hand it the host's libraries.`,
      _why: 'A cross build needs the target\'s libraries (a sysroot, or the target architecture\'s -dev packages) and a pkg-config that looks there: PKG_CONFIG_SYSROOT_DIR with PKG_CONFIG_PATH (or PKG_CONFIG_LIBDIR), or a target-prefixed wrapper named by PKG_CONFIG. PKG_CONFIG_ALLOW_CROSS=1 only silences the check.',
      _fix: 'Give pkg-config the target\'s libraries: install them for the target (a sysroot, `dpkg --add-architecture <arch>` and the -dev packages), then set PKG_CONFIG_SYSROOT_DIR and PKG_CONFIG_PATH for it (or PKG_CONFIG=<triple>-pkg-config), or use the -sys crate\'s vendored/static feature, or build with `cross`.',
    },
    evidence: [{ line: hit.line, text: hit.text }],
  };
}

function refineWindowsHeader(headerHits: readonly PatternHit[], context: readonly PatternHit[]): Refinement | null {
  const shown = windowsTargetShown(context);
  // MSVC's C1083 for windows.h is a Windows SDK missing from Visual Studio, not a compiler for another target.
  const hit = headerHits.find((h) => !h.pattern.endsWith(':msvc-c1083') && (GO_CGO_WINDOWS_FILE.test(h.captures._includer ?? '') || shown));
  if (!hit) return null;
  const header = hit.captures.header ?? 'windows.h';
  const story = `The compiler building ${hit.captures._includer ? `\`${hit.captures._includer}\`` : 'the code'} for Windows has no \`${header}\`: it is the build machine's own compiler (a Linux gcc, macOS clang), not one for Windows. MinGW-w64 and MSVC ship the Windows SDK headers.`;
  const why = 'A Go (cgo) or C build for Windows on another system needs a C compiler for Windows: Go runs `gcc` (or $CC) and cc-rs ' +
    'the host compiler unless told otherwise, and those compile for the machine they run on.';
  const fix = 'Build with a MinGW-w64 cross compiler: `CC=x86_64-w64-mingw32-gcc` (`i686-w64-mingw32-gcc` for 32-bit, GOARCH=386).';
  const evidence = [hit, ...(shown ? [shown] : [])].map((h) => ({ line: h.line, text: h.text })).sort((a, b) => a.line - b.line);
  return { confidence: hit.weight, captures: { header, _story: story, _why: why, _fix: fix }, evidence, install: crossInstall('x86_64-w64-mingw32-gcc', 'c') };
}

export default defineRule(withTargetFlags({
  id: 'cross-toolchain-misconfigured',
  title: 'The build for another target does not use a working toolchain for that target',
  summary: 'A cross build is missing its target\'s compiler, or runs the host\'s compiler, linker or configure settings where the target\'s belong.',
  category: 'toolchain',
  captures: {
    linker: { type: 'path', doc: 'the linker (or its directory) that rejected the object', optional: true },
    object: { type: 'path', doc: 'the object file of the wrong architecture', optional: true },
    objectArch: { type: 'string', doc: 'the architecture of that object', optional: true },
    em: { type: 'integer', doc: 'the ELF machine number the linker reported', optional: true },
    emulation: { type: 'string', doc: 'the linker emulation in use', optional: true },
    triple: { type: 'string', doc: 'the target triple of the cross compiler that is missing or broken, or that configure found', optional: true },
    compiler: { type: 'string', doc: 'the target-prefixed compiler that is not installed or cannot run its compiler proper', optional: true },
    header: { type: 'string', doc: 'the Windows SDK header the compiler of a build for Windows does not have', optional: true },
    library: { type: 'string', doc: 'the library whose only copies on the search path are for another architecture', optional: true },
  },
  internal: ['outputArch', 'program', '_skippedFile', '_skippedLibrary'],
  // the missing cross compiler is the same line c-compiler-missing reads, whose build-essential cannot help; a target
  // library or header the host compiler does not have is native-lib-missing's line
  // (a 32-bit link on a 64-bit system misses the 32-bit C library's start files, crti.o, the same way)
  explains: ['c-compiler-missing', 'cxx-compiler-missing', 'native-lib-missing', 'libc-headers-missing', 'openssl-dev-missing'],
  signals: ['program-not-found', 'header-not-found', 'library-not-found'],
  contextBefore: 4,
  patterns: [
    {
      id: 'bfd-relocations-generic-elf',
      // GNU ld (bfd): "/usr/bin/ld: foo.o: Relocations in generic ELF (EM: 183)" once per relocation section
      source: 'GNU ld (bfd)',
      literals: ['Relocations in generic ELF'],
      re: /Relocations in generic ELF \(EM: (?<em>\d+)\)/,
      weight: 0.85,
    },
    {
      id: 'bfd-file-in-wrong-format',
      // GNU ld (bfd), after the relocations lines: "/usr/bin/ld: foo.o: error adding symbols: file in wrong format"
      source: 'GNU ld (bfd)',
      literals: ['error adding symbols: file in wrong format'],
      re: /error adding symbols: file in wrong format/,
      weight: 0.8,
    },
    {
      id: 'bfd-architecture-incompatible',
      // GNU ld (bfd), mixing 32- and 64-bit x86: "ld: i386 architecture of input file `irq.o' is incompatible with i386:x86-64 output"
      source: 'GNU ld (bfd)',
      literals: ['is incompatible with'],
      re: / architecture of input file [`'‘][^'’`]{1,300}['’] is incompatible with (?<outputArch>[\w:-]{1,40}) output/,
      weight: 0.85,
    },
    {
      id: 'lld-incompatible',
      // LLVM lld: "ld.lld: error: main.o is incompatible with elf_x86_64", "rust-lld: error: x.o is incompatible with aarch64linux"
      source: 'LLVM lld',
      literals: ['is incompatible with'],
      re: /(?:^|\/)(?<_lld>ld\.lld|rust-lld|ld)(?:\.exe)?: error: (?<_lldObject>\S{1,300}) is incompatible with (?<emulation>\S{1,100})$/,
      weight: 0.8,
    },
    {
      id: 'go-link-object-not-recognized',
      // Go's external linking (cmd/link running gcc): "/tmp/go-link-587474096/000000.o: file not recognized: File
      // format not recognized" (GNU ld / MinGW ld; Go < 1.5 named the directory go-link-xZnnMY). go.o is Go's own
      // object for GOOS/GOARCH, 00000N.o the host objects and .syso files it copies: a gcc for another target (a
      // 32-bit MinGW for windows/amd64, a host gcc for GOARCH=386) or a .syso for another platform cannot read them
      source: 'GNU ld via Go cmd/link',
      literals: ['file not recognized: '],
      re: /go-link-\w{1,20}[\\/](?<object>go\.o|\d{6}\.o): file not recognized: [Ff]ile format not recognized/,
      weight: 0.8,
    },
    {
      id: 'configure-conftest-exec-format',
      // bash running configure's test program (config.log, or configure's output where it is not redirected):
      // "./configure: line 4308: ./conftest: cannot execute binary file: Exec format error" (bash >= 4.3; older bash
      // stops after "binary file"); dash: "./configure: 4308: ./conftest: Exec format error"; macOS bash: "./conftest: Bad CPU type in executable"; conftest.exe under MSYS/Cygwin
      source: 'bash running an autoconf configure',
      literals: ['cannot execute binary file', 'Exec format error', 'Bad CPU type in executable'],
      re: /(?:^|: )(?:\.\/)?conftest(?:\.exe)?: (?:cannot execute binary file|Exec format error|Bad CPU type in executable)/,
      weight: 0.85,
    },
    {
      id: CONFIGURE_CANNOT_RUN,
      // autoconf (_AC_COMPILER_EXEEXT_CROSS): "configure: error: cannot run C compiled programs." then "If you meant to
      // cross compile, use `--host'." (C++: "cannot run C++ compiled programs."); decides only with the cross compiler below
      source: 'autoconf configure',
      literals: ['cannot run C compiled programs', 'cannot run C++ compiled programs'],
      re: /^(?:configure:(?:\d+:)? )?error: cannot run C(?:\+\+)? compiled programs\./,
      weight: 0.3,
    },
    {
      id: CONFIGURE_CROSS_CC,
      // autoconf (AC_PROG_CC / AC_PROG_CXX): "checking for gcc... aarch64-linux-gnu-gcc" when CC names a triple-prefixed
      // compiler; configure without --host still expects to run what it builds
      source: 'autoconf configure',
      literals: ['checking for gcc... ', 'checking for g++... ', 'checking for cc... ', 'checking for clang... '],
      re: /^checking for (?:gcc|g\+\+|cc|clang)\.\.\. (?:\S{0,200}\/)?(?<triple>[a-z0-9_]{1,20}-[a-z0-9_]{1,20}(?:-[a-z0-9_.]{1,20}){0,2})-(?:gcc|g\+\+|cc|c\+\+|clang(?:\+\+)?)(?:-\d{1,3})?(?:\s{1,4}-\S.{0,400})?\s*$/,
      weight: 0.1,
    },
    {
      id: SKIPPING_INCOMPATIBLE,
      // GNU ld (bfd; MinGW's ld.exe): "/usr/bin/ld: skipping incompatible /usr/lib/gcc/x86_64-linux-gnu/12/libgcc.a when
      // searching for -lgcc", once for each candidate of another architecture on the search path. Healthy multilib builds
      // print it too (ld goes on to the right one): it counts only before the same library's "cannot find -l"
      source: 'GNU ld (bfd)',
      literals: ['skipping incompatible '],
      re: /skipping incompatible (?<_skippedFile>\S{1,300}) when searching for -l:?(?<_skippedLibrary>[\w.+-]{1,100})/,
      weight: 0.1,
    },
    {
      id: 'bfd-compressed-debug-unreadable',
      // GNU ld older than the objects' compressed debug sections: "/usr/sbin/ld: /tmp/go-link-428780761/000006.o:
      // unable to initialize decompress status for section .debug_info" (an old binutils, not a foreign object;
      // refine vetoes the go-link hit)
      source: 'GNU ld (bfd)',
      literals: ['unable to initialize decompress status'],
      re: /unable to initialize decompress status for section/,
      weight: 0.1,
    },
    {
      id: 'pkg-config-crate-not-cross',
      // pkg-config crate 0.3.19+, asked for a library while TARGET differs from HOST and no PKG_CONFIG_ALLOW_CROSS is set:
      // "pkg-config has not been configured to support cross-compilation." (then "Install a sysroot for the target
      // platform and configure it via PKG_CONFIG_SYSROOT_DIR and PKG_CONFIG_PATH, ..."); glib-sys and others relay it as
      // a cargo warning, openssl-sys as "run pkg_config fail: ..."
      source: 'pkg-config crate 0.3.19+',
      literals: ['configured to support cross-compilation'],
      re: /pkg-config has not been configured to support cross-compilation/,
      weight: 0.85,
    },
    {
      id: 'pkg-config-crate-cross-detected',
      // pkg-config crate 0.3.7-0.3.18 (its Display form): "Cross compilation detected. Use PKG_CONFIG_ALLOW_CROSS=1 to override"
      source: 'pkg-config crate 0.3.7-0.3.18',
      literals: ['Use PKG_CONFIG_ALLOW_CROSS=1 to override'],
      re: /Cross compilation detected\. Use PKG_CONFIG_ALLOW_CROSS=1 to override/,
      weight: 0.85,
    },
    {
      id: 'pkg-config-crate-cross-debug',
      // pkg-config crate 0.3.7-0.3.18 behind a build script's unwrap(), the error's Debug form:
      // "called `Result::unwrap()` on an `Err` value: CrossCompilation"
      source: 'pkg-config crate 0.3.7-0.3.18 via a panic',
      literals: ['value: CrossCompilation'],
      re: /`Err` value: CrossCompilation\b/,
      weight: 0.85,
    },
    gccBackendMissing(C_LANGUAGE),
    gccBackendMissing(CXX_LANGUAGE),
    cmakeCompilerNotInPath(C_LANGUAGE),
    cmakeCompilerNotInPath(CXX_LANGUAGE),
    ...CROSS_CONTEXT_PATTERNS,
  ],
  refine: (ctx) => {
    const context = ctx.hits.filter((h) => CROSS_CONTEXT_IDS.has(h.pattern));
    const compilerHits = ctx.hits.filter(isCompilerHit);
    const headerHits = ctx.hits.filter(isHeaderHit);
    const skipped = ctx.hits.filter((h) => h.pattern === SKIPPING_INCOMPATIBLE);
    const notFound = ctx.hits.filter(isLibraryHit);
    const link = ctx.hits.filter((h) => !context.includes(h) && !compilerHits.includes(h) && !headerHits.includes(h) && !skipped.includes(h) && !notFound.includes(h));
    const pkgConfig = ctx.hits.filter((h) => PKG_CONFIG_CROSS.has(h.pattern));
    const rest = link.filter((h) => !pkgConfig.includes(h));
    return (rest.length > 0 ? refineLink({ ...ctx, hits: rest }) : null) ?? refinePkgConfigCross(pkgConfig) ?? refineIncompatibleLibrary(skipped, notFound) ?? refineMissingCompiler(compilerHits, context) ?? refineWindowsHeader(headerHits, context);
  },
  explanation: '{{_story}} {{_why}}',
  fix: {
    summary: '{{_fix|Build every object with the target\'s compiler and link with the target\'s linker, starting from a clean build directory.}}',
    steps: [
      'If the target\'s compiler is not installed: Debian/Ubuntu package it as gcc-<triple> (e.g. gcc-aarch64-linux-gnu, with libc6-dev-arm64-cross for its C library), Fedora as gcc-<arch>-linux-gnu; bare-metal and vendor toolchains (arm-none-eabi, a board SDK) come from their vendor. Then check that `<triple>-gcc --version` runs in the same shell (sudo drops a PATH set by hand).',
      'Name the prefix of the toolchain you have: kernels and U-Boot take `ARCH=<arch> CROSS_COMPILE=<triple>-` (with the trailing dash) on every make step; Makefiles `CC=<triple>-gcc`; CMake a toolchain file (`-DCMAKE_TOOLCHAIN_FILE=...`); autotools `./configure --host=<triple>` (and `--build` for the machine itself) so configure does not run what it builds.',
      'Rust: set the target\'s C compiler and linker, e.g. `CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc` and `CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc` (or use `cross` / `cargo zigbuild`); Android: point cc-rs at the NDK\'s clang (`CC_aarch64_linux_android=$NDK/toolchains/llvm/prebuilt/linux-x86_64/bin/aarch64-linux-android21-clang`, or use cargo-ndk).',
      'Go with cgo: the C compiler must target GOOS/GOARCH (`CC=x86_64-w64-mingw32-gcc` for windows/amd64, `CC=i686-w64-mingw32-gcc` for windows/386, `CC=<triple>-gcc` for a Linux cross build); delete `.syso` files made for another platform from the package directory.',
      'A build step that needs a program for the build machine (Bazel rules_foreign_cc, a generator) must get the host compiler instead.',
      'Remove objects and libraries from earlier builds (`make clean`, `cargo clean`, delete `build/`) and do not copy build directories between architectures.',
    ],
  },
}));
