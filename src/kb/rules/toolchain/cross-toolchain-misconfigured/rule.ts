// cross-toolchain-misconfigured: the linker was handed object files or libraries built for another CPU architecture:
// a cross build whose C compiler or linker is still the host's (or the reverse), or objects left over from a build
// for another architecture. Not linker-not-found: the linker runs; it rejects what it was given.

import { defineRule } from '../../../rule.js';
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

export default defineRule(withTargetFlags({
  id: 'cross-toolchain-misconfigured',
  title: 'Objects built for another CPU architecture reached the linker',
  summary: 'The linker was given object files or libraries compiled for a different CPU architecture than the one it links for.',
  category: 'toolchain',
  captures: {
    linker: { type: 'path', doc: 'the linker (or its directory) that rejected the object', optional: true },
    object: { type: 'path', doc: 'the object file of the wrong architecture', optional: true },
    objectArch: { type: 'string', doc: 'the architecture of that object', optional: true },
    em: { type: 'integer', doc: 'the ELF machine number the linker reported', optional: true },
    emulation: { type: 'string', doc: 'the linker emulation in use', optional: true },
    triple: { type: 'string', doc: 'the target triple of the cross compiler configure found, or of the cross linker that found no target build of a library', optional: true },
    library: { type: 'string', doc: 'the library (-l name) the cross linker did not find for the target', optional: true },
  },
  internal: ['outputArch'],
  // a cross linker's "cannot find -lz" is the same line native-lib-missing reads, whose host-package fix cannot help
  explains: ['native-lib-missing'],
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
      id: 'cross-ld-cannot-find-lib',
      // GNU ld of Debian/Ubuntu's cross gcc (gcc-aarch64-linux-gnu & co.): "/usr/lib/gcc-cross/aarch64-linux-gnu/11/
      // ../../../../aarch64-linux-gnu/bin/ld: cannot find -lz: No such file or directory": no build of the library
      // for the target is on its search path (the host's package, or a host pkg-config's -L, does not serve it)
      source: 'GNU ld (Debian/Ubuntu gcc-cross)',
      literals: ['gcc-cross'],
      re: /[\\/]gcc-cross[\\/](?<triple>[a-z0-9_]{1,20}-[a-z0-9_-]{1,40})[\\/][\d.]{1,10}[\\/](?:\.\.[\\/]){4}[a-z0-9_-]{1,60}[\\/]bin[\\/]ld: cannot find -l(?<library>[\w.+-]{1,80})/,
      weight: 0.85,
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
      id: 'bfd-compressed-debug-unreadable',
      // GNU ld older than the objects' compressed debug sections: "/usr/sbin/ld: /tmp/go-link-428780761/000006.o:
      // unable to initialize decompress status for section .debug_info" (an old binutils, not a foreign object;
      // refine vetoes the go-link hit)
      source: 'GNU ld (bfd)',
      literals: ['unable to initialize decompress status'],
      re: /unable to initialize decompress status for section/,
      weight: 0.1,
    },
  ],
  refine: (ctx) => {
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
        : ctx.captures.triple && ctx.captures.library
        ? `The cross linker for ${ctx.captures.triple} found no ${ctx.captures.triple} build of lib${ctx.captures.library}: a library installed for the host, or a host pkg-config's search path, does not serve the target.`
        : ctx.hits.some((h) => h.pattern === 'configure-conftest-exec-format') || configureDecides
        ? `configure built its test program with ${ctx.captures.triple ? `the cross compiler for ${ctx.captures.triple}` : 'a compiler for another architecture'} and could not run it on this machine: without \`--host\` configure assumes a native build.`
        : ctx.hits.some((h) => h.pattern === 'go-link-object-not-recognized')
        ? `The C linker that Go's external linking runs could not read ${ctx.captures.object}, an object Go wrote for its target (go.o) or copied from a host object or .syso file (00000N.o).`
        : 'The linker rejected an object file or library compiled for another architecture than the one it links for.';
    // together, configure's two lines are as decisive as the conftest line configure.log holds
    const confidence = decisive.length === 0 ? CONFIGURE_PAIR_CONFIDENCE : undefined;
    return { captures: { ...captures, _story: story }, ...(confidence === undefined ? {} : { confidence }) };
  },
  explanation:
    '{{_story}} When cross-compiling, every object must come from the target\'s compiler: if a build script or ' +
    'Makefile compiles C with the host `cc` (cc-rs, CMake or autotools without the target\'s CC), or links with the host ' +
    'linker, the two halves do not match. The same error follows when object files or static libraries left from an ' +
    'earlier build for another architecture are reused (a build directory copied into an ARM container, no `make clean`).',
  fix: {
    summary: 'Build every object with the target\'s compiler and link with the target\'s linker, starting from a clean build directory.',
    steps: [
      'Rust: set the target\'s C compiler and linker, e.g. `CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc` and `CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc` (or use `cross` / `cargo zigbuild`).',
      'autotools with a cross compiler in CC: pass `--host=<triple>` (and `--build` for the machine itself) so configure does not run what it builds; a build step that needs a program for the build machine (Bazel rules_foreign_cc, a host tool) must use the host compiler instead.',
      'CMake: use a toolchain file (`-DCMAKE_TOOLCHAIN_FILE=...`) that sets the cross compilers; autotools: `./configure --host=<triple>`; Make: `CC=<triple>-gcc`.',
      'Android: point cc-rs at the NDK\'s clang (`CC_aarch64_linux_android=$NDK/toolchains/llvm/prebuilt/linux-x86_64/bin/aarch64-linux-android21-clang`).',
      'If the target\'s compiler is not installed: Debian/Ubuntu package it as gcc-<triple> with its C library (e.g. gcc-aarch64-linux-gnu and libc6-dev-arm64-cross), Fedora as gcc-<triple>.',
      'A library the cross linker cannot find (`cannot find -lz`): install the target\'s build (Debian/Ubuntu multiarch: `dpkg --add-architecture arm64 && apt-get update && apt-get install zlib1g-dev:arm64`), point `PKG_CONFIG_SYSROOT_DIR`/`PKG_CONFIG_LIBDIR` at the target\'s sysroot, or let the -sys crate build the library itself (`PKG_CONFIG_ALLOW_CROSS=0`, a `static`/`vendored` feature).',
      'Go with cgo: the gcc on PATH must target GOOS/GOARCH (a 64-bit MinGW-w64 for windows/amd64, `CC=i686-w64-mingw32-gcc` for windows/386, `CC=<triple>-gcc` for a Linux cross build); delete `.syso` files made for another platform from the package directory.',
      'Remove objects and libraries from earlier builds (`make clean`, `cargo clean`, delete `build/`) and do not copy build directories between architectures.',
    ],
  },
}));
