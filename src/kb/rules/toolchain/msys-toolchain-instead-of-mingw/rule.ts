// msys-toolchain-instead-of-mingw: on Windows, the build ran MSYS2's MSYS environment or Cygwin (the POSIX layer's gcc,
// Python or shell) where a native Windows toolchain, MinGW-w64's, was needed.

import { defineRule, type Refinement } from '../../../rule.js';

// MinGW-w64's own runtime libraries: a native Windows link through gcc asks for them (Go's external linker, a Rust
// windows-gnu link), and only a MinGW gcc has them. An MSYS or Cygwin gcc's ld (its triple is x86_64-pc-msys or
// x86_64-pc-cygwin) searches only its own POSIX-layer libraries.
const MINGW_RUNTIME = String.raw`-l(?<library>mingwex|mingw32|mingwthrd|moldname)\b`;

export default defineRule({
  id: 'msys-toolchain-instead-of-mingw',
  title: 'An MSYS or Cygwin toolchain was used where a MinGW one is needed',
  summary: "On Windows, the build ran MSYS2's MSYS environment or Cygwin (their gcc, Python or shell) where a native MinGW-w64 toolchain was needed.",
  category: 'toolchain',
  captures: {
    environment: { type: 'string', doc: 'which POSIX layer ran: `MSYS` (MSYS2\'s msys environment) or `Cygwin`' },
    library: { type: 'string', doc: 'the MinGW runtime library the POSIX layer\'s linker could not find (`mingwex`)', optional: true },
  },
  internal: ['triple'],
  // native-lib-missing reads the same ld lines as a missing MinGW runtime library (installed with the toolchain); the
  // POSIX layer's triple says which toolchain ran instead.
  explains: ['native-lib-missing'],
  patterns: [
    {
      id: 'posix-layer-ld-without-mingw-runtime',
      // GNU ld of MSYS2's msys gcc or Cygwin's gcc, as Go's cgo link (`link.exe: running gcc failed`) runs it when that gcc
      // comes first on PATH: "/usr/lib/gcc/x86_64-pc-msys/9.3.0/../../../../x86_64-pc-msys/bin/ld: cannot find -lmingwex"
      // (Cygwin: x86_64-pc-cygwin; ld's words are translated, zh_CN "找不到 -lmingwex", so only the triple and the library
      // are read).
      source: 'GNU ld (MSYS2 msys gcc, Cygwin gcc)',
      literals: ['-pc-msys', '-pc-cygwin'],
      re: new RegExp(String.raw`-pc-(?<triple>msys|cygwin)[/\\]bin[/\\]ld(?:\.exe)?: [^\n-]{0,40}${MINGW_RUNTIME}`),
      weight: 0.9,
    },
    {
      id: 'meson-msys-python',
      // meson (mesonmain.py, 0.47 to 1.x): "ERROR: This python3 seems to be msys/python on MSYS2 Windows, which is known to
      // have path semantics incompatible with Meson" (since 0.62 only when MSYSTEM names a MinGW environment, with "but you
      // are in a MinGW environment"), then the mingw-w64 packages to install.
      source: 'meson',
      literals: ['seems to be msys/python on MSYS2'],
      re: /This python3? seems to be msys\/python on MSYS2\b/,
      weight: 0.9,
    },
    {
      id: 'make-msys-uname-unsupported',
      // A project Makefile that switches on `uname -s`, which prints MSYS_NT-10.0-19041 in MSYS2's MSYS shell and
      // MINGW64_NT-10.0-19041 in its MinGW shells: 'Makefile:55: *** OS type "MSYS_NT-10.0-19041" not supported.  Stop.'
      source: 'project Makefiles (uname -s)',
      literals: ['MSYS_NT-'],
      re: /\*\*\* [^\n*]{0,60}\bMSYS_NT-[\d.-]{1,30}["'’]? (?:is )?not supported\b/,
      weight: 0.8,
    },
  ],
  refine: (ctx): Refinement | null => {
    const first = ctx.hits[0];
    if (!first) return null;
    const cygwin = ctx.hits.some((h) => h.captures.triple === 'cygwin');
    return {
      captures: {
        environment: cygwin ? 'Cygwin' : 'MSYS',
        ...(first.captures.library ? { library: first.captures.library } : {}),
      },
      evidence: ctx.hits.map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'The build ran on Windows with the {{environment}} POSIX layer\'s tools, where it needed a native Windows toolchain. MSYS2\'s ' +
    '"MSYS" environment and Cygwin have their own gcc, Python and shell, which build programs for that layer (linked to ' +
    'msys-2.0.dll or cygwin1.dll, with `/usr/...` paths): their linker has none of MinGW-w64\'s runtime libraries ' +
    '({{library|mingwex, mingw32}}) that a native link (Go\'s cgo, Rust\'s windows-gnu) asks for, their Python reports POSIX paths ' +
    'that meson cannot hand to native tools, and `uname` says MSYS_NT where a Makefile expects MINGW64_NT. The MinGW-w64 ' +
    'toolchain (MSYS2\'s UCRT64 or MINGW64 environment, or a standalone mingw-w64) builds native Windows programs.',
  fix: {
    summary: 'Build from an MSYS2 UCRT64 (or MINGW64) shell with the mingw-w64 toolchain, or put a MinGW-w64 gcc first on PATH.',
    steps: [
      'MSYS2: open the "MSYS2 UCRT64" shell (not "MSYS2 MSYS") and install the native toolchain: `pacman -S --needed mingw-w64-ucrt-x86_64-toolchain` (MINGW64: `mingw-w64-x86_64-toolchain`); meson and Python too: `pacman -S mingw-w64-ucrt-x86_64-meson mingw-w64-ucrt-x86_64-python`.',
      'Building from cmd.exe or PowerShell (go build, cargo): put `C:\\msys64\\ucrt64\\bin` (or `mingw64\\bin`) before `C:\\msys64\\usr\\bin` and any Cygwin directory on PATH, or name the compiler: `set CC=x86_64-w64-mingw32-gcc`; `where gcc` shows which one runs.',
      'Cygwin: its gcc builds Cygwin programs; install its `mingw64-x86_64-gcc-core` package and use `x86_64-w64-mingw32-gcc` (CC=x86_64-w64-mingw32-gcc), or use MSYS2\'s UCRT64 toolchain.',
    ],
    commands: ['pacman -S --needed mingw-w64-ucrt-x86_64-toolchain'],
  },
});
