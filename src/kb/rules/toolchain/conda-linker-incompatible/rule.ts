// conda-linker-incompatible: Anaconda's Python builds extensions with `gcc -B <conda>/compiler_compat`, which puts conda's
// own ld in front, and that ld (built for conda's sysroot) cannot find the C runtime of the system gcc links against:
// "<conda>/compiler_compat/ld: cannot find -lpthread", "... -lc". Nothing is missing from the system.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'conda-linker-incompatible',
  title: "Anaconda's compat linker cannot link against the system C library",
  summary: "The linker conda's Python puts in front (compiler_compat/ld) cannot find the system's libc, libpthread or libm, which are installed.",
  category: 'toolchain',
  captures: {
    linker: { type: 'path', doc: "the conda compiler_compat/ld that ran" },
    library: { type: 'string', doc: 'the C runtime library or start file it could not find (-lpthread, -lc, -lm, crti.o, ...)' },
  },
  explains: ['native-lib-missing', 'libc-headers-missing'],
  patterns: [
    {
      id: 'compiler-compat-ld-cannot-find-c-runtime',
      // GNU ld of conda's compiler_compat (Anaconda/Miniconda 4.x-era Pythons' sysconfig passes -B <prefix>/compiler_compat):
      // "/home/u/anaconda3/compiler_compat/ld: cannot find -lpthread" (newer binutils add ": No such file or directory").
      // Only the C runtime counts: "compiler_compat/ld: cannot find -lgsl" is a library that is really not installed. The
      // path goes into the printed fix command, so it may hold path characters only.
      source: "GNU ld (conda's compiler_compat)",
      literals: ['compiler_compat/ld: cannot find '],
      re: /(?:^|\s)(?<linker>[\w./~+-]{0,300}compiler_compat\/ld): cannot find (?<library>-l(?:c|pthread|m|dl|rt|util|gcc_s)|crt[1in]\.o|crti\.o|Scrt1\.o)(?::|\s*$)/,
      weight: 0.9,
    },
  ],
  explanation:
    "The link ran `{{linker}}`, the linker Anaconda's Python puts first with `-B <conda>/compiler_compat` when it builds an " +
    'extension, and it could not find `{{library}}`: part of the system C library, which is installed. That linker comes from ' +
    "conda's own toolchain and does not search the system's multiarch directories (/usr/lib/x86_64-linux-gnu) the system gcc " +
    'relies on, so every extension built with the system compiler and conda\'s Python can fail this way.',
  fix: {
    summary: "Link with the system linker (move conda's compiler_compat/ld aside), or build with conda's compilers.",
    steps: [
      "Move conda's compat linker out of the way, so gcc's own ld runs: `mv {{linker}} {{linker}}.bak` (conda does not need it for installed packages).",
      'Or point the linker at the system libraries: `LDFLAGS=-L/usr/lib/x86_64-linux-gnu pip install ...` (setup.py: `extra_link_args=["-L/usr/lib/x86_64-linux-gnu"]`).',
      "Or use conda's compilers with conda's Python (`conda install -c conda-forge compilers`), or the system Python in a venv, so compiler, linker and C library come from one toolchain.",
    ],
    commands: ['mv {{linker}} {{linker}}.bak'],
  },
});
