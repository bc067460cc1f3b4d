// out-of-memory: a compiler (rustc, cc1plus, ld, MSVC cl) ran out of memory or was killed by the OOM killer.

import { confidenceOf, defineRule, type PatternHit } from '../../../rule.js';
import { ENOMEM_TEXTS } from '../../../signals.js';

// Lines that show the build ran under user-mode emulation (BuildKit multi-platform, qemu-user, binfmt), where
// exit 137 / SIGKILL is often a QEMU crash rather than memory pressure.
const EMULATION = /qemu|binfmt|\[linux\/(?:arm64|aarch64|arm\/v[67]|ppc64le|s390x|riscv64)\b|--platform[= ]linux\/(?:arm|ppc|s390|riscv)/i;

// glibc's strsignal(SIGKILL) in the languages its po files translate it to (glibc 2.36 libc.mo; '已殺死' was listed here
// before for zh_TW): gcc's driver and bash print it, so a non-English build says "已杀死" or "Getötet" for "Killed".
const KILLED_WORDS = [
  'Killed', 'Getötet', 'Processus arrêté', 'Terminado (killed)', 'Ucciso', 'Morto', 'Matado', 'Matat', 'Убито', 'Вбито', 'Забіты',
  'Убијен', '已杀死', '強制結束', '強制終了', '죽었음', 'Zabit (SIGKILL)', 'Zabitý', 'Dræbt', 'Drept', 'Dödad', 'Tapettu',
  'Geëlimineerd', 'Unicestwiony', 'Kilőve', 'Ubijen', 'Pobit', 'Σκοτώθηκε', 'Süreç durduruldu', 'Terbunuh', 'Bị buộc kết thúc',
  'Nutraukta (killed)', 'Buĉita', 'Безусловно прекъснат', '已殺死',
];
const KILLED = KILLED_WORDS.map((w) => w.replace(/[()]/g, '\\$&')).join('|');

// A line that starts or reports a compile or build step (a command echoed by `set -x`, make or cargo -v, cargo's
// "Compiling x v1.0", CMake's "[ 45%] Building CXX object", ninja's "[12/300]", a Dockerfile RUN step): a bare
// "Killed" from the shell is the OOM killer's only when such a step ran just before it, not after a dev server or a
// test runner was stopped.
const BUILD_STEP =
  /^(?:[+$#]\s+|Running `)?(?:\S{0,200}\/)?(?:rustc|cargo|cc|c\+\+|g\+\+|gcc|clang|clang\+\+|cc1|cc1plus|ld|ld\.\w+|make|gmake|ninja|cmake|meson|go|javac|pip|pip3|node-gyp|python[\d.]{0,5})(?:-[\d.]+)?(?:\s|$)|^(?:Compiling|Building|Linking|Installing|Updating|Downloaded) \S|Building (?:C|CXX) object|(?:^|\] )RUN \S|^\[\s*\d+(?:%|\/\d+)\]/;

// bash's job report before the command it ran: "bash: line 1:  8220 Killed   " (or "Getötet").
const JOB_REPORT = new RegExp(String.raw`^.*?\d+\s+(?:${KILLED})\s+`);

/** A bare "Killed" line (no program named) that follows no build step. */
function bareKilledOutsideBuild(hit: PatternHit): boolean {
  return hit.pattern === 'shell-killed' && /^Killed\.?$/.test(hit.text.trim()) && !hit.before.some((l) => BUILD_STEP.test(l.trim()));
}

// cargo's own build-script binary (target/<profile>/build/<crate>-<hash>/build-script-build): a small program that the
// OOM killer, which picks the process with the most memory, does not choose over the compilers beside it. Killed, it
// was something else (macOS refusing an unsigned or quarantined binary, an endpoint agent, a sandbox).
const BUILD_SCRIPT_KILLED = /[/\\]build[/\\][\w-]+-[0-9a-f]{16}[/\\]build-script-\w+`/;

// Patterns that name memory explicitly; the others (SIGKILL, Killed, 137) only imply it.
const EXPLICIT = new Set(['enomem', 'rust-alloc-failed', 'gcc-killed-signal', 'gcc-ice-killed', 'gcc-out-of-memory', 'llvm-out-of-memory', 'msvc-heap-space', 'windows-paging-file', 'ld-killed', 'ld-killed-localized']);

export default defineRule({
  id: 'out-of-memory',
  title: 'The compiler ran out of memory',
  summary: 'A compiler or linker process was killed or aborted because the machine or container ran out of memory.',
  category: 'resources',
  captures: {
    program: { type: 'string', doc: 'the process that was killed', optional: true },
    subject: { type: 'string', doc: 'what ran out of memory (a program, or rustc compiling a crate)', optional: true },
    crate: { type: 'string', doc: 'the crate being compiled', optional: true },
    bytes: { type: 'integer', doc: 'the allocation that failed, in bytes', optional: true },
    emulated: { type: 'string', doc: '`yes` when the build ran under emulation (QEMU)', optional: true },
  },
  contextBefore: 3,
  patterns: [
    {
      id: 'rust-alloc-failed',
      // Rust std's default alloc error handler (rustc, cargo, build scripts): "memory allocation of 233488 bytes failed"
      source: 'rustc / any Rust program',
      literals: ['memory allocation of'],
      re: /^memory allocation of (?<bytes>\d+) bytes failed/,
      weight: 0.95,
    },
    {
      id: 'cargo-sigkill',
      // cargo: "process didn't exit successfully: `rustc --crate-name syn ...` (signal: 9, SIGKILL: kill)"; also a
      // build script or proc macro host killed the same way. SIGKILL is nearly always the kernel OOM killer.
      source: 'cargo',
      // Rust's ExitStatus Display (maturin "Cargo build finished with \"signal: 9 (SIGKILL)\"", cc-rs ToolExecError):
      // "signal: 9 (SIGKILL)"
      literals: ['SIGKILL: kill', 'signal: 9 (SIGKILL)'],
      re: /\(signal: 9, SIGKILL: kill\)|signal: 9 \(SIGKILL\)/,
      weight: 0.85,
    },
    {
      id: 'gcc-killed-signal',
      // gcc >= 8 driver: "c++: fatal error: Killed signal terminated program cc1plus", in the driver's language (gcc-12
      // po files: "schwerwiegender Fehler: Signal Getötet hat Programm cc1plus beendet" (de), "error fatal: la señal
      // Terminado (killed) terminó el programa cc1plus" (es), "erreur fatale: le signal Processus arrêté a terminé le
      // programme cc1plus" (fr), "ödesdigert fel: Dödad-signal avslutade programmet cc1plus" (sv), "Tapettu-signaali
      // päätti cc1plus-ohjelman" (fi); zh_CN, ja, ru and pt_BR translate only the prefix: "致命错误：已杀死 signal
      // terminated program cc1"). The signal's name is glibc's strsignal(SIGKILL), see KILLED.
      source: 'gcc driver (gcc.cc, gettext translations)',
      literals: ['signal terminated program', 'hat Programm', 'terminó el programa', 'a terminé le programme', 'avslutade programmet', '-signaali päätti'],
      re: new RegExp(
        String.raw`(?:(?:^|: ?|：)(?:${KILLED}) signal terminated program|Signal (?:${KILLED}) hat Programm|la señal (?:${KILLED}) terminó el programa|` +
          String.raw`le signal (?:${KILLED}) a terminé le programme|(?:${KILLED})-signal avslutade programmet|(?:${KILLED})-signaali päätti) (?<program>[\w.+-]{1,40}?)(?:-ohjelman)?(?:\s|$)`,
      ),
      weight: 0.95,
    },
    {
      id: 'gcc-ice-killed',
      // gcc < 8 driver: "c++: internal compiler error: Killed (program cc1plus)"; the message "%s (program %s)" has no
      // translation in gcc's po files, but the prefix and glibc's signal name have: "编译器内部错误：已杀死 (program
      // cc1plus)", "interner Compiler-Fehler: Getötet (program cc1plus)", and cc-rs relays it as "warning: c++: internal
      // compiler error: 已杀死 (program cc1plus)"
      source: 'gcc driver (< 8)',
      literals: ['(program '],
      re: new RegExp(String.raw`(?:[:：] ?)(?:${KILLED}) \(program (?<program>[\w.+-]{1,40})\)`),
      weight: 0.95,
    },
    {
      id: 'tool-killed',
      // setuptools/distutils (pip builds): "error: command '/usr/bin/gcc' terminated by signal 9";
      // clang driver: "clang: error: unable to execute command: Killed"; Go toolchain: ".../compile: signal: killed"
      source: 'setuptools / clang / go',
      literals: ['terminated by signal 9', 'unable to execute command: Killed', 'signal: killed'],
      re: /error: command '(?<program>[^'\s]{1,200})' terminated by signal 9|unable to execute command: Killed|: signal: killed$/,
      weight: 0.85,
    },
    {
      id: 'enomem',
      // ENOMEM from exec/alloc: rustc "could not exec the linker `cc`: Cannot allocate memory (os error 12)", Python
      // "OSError: [Errno 12] Cannot allocate memory", node "Error: spawn ENOMEM", Ruby's Errno::ENOMEM ("Cannot allocate
      // memory - /usr/local/bin/ruby -r ./siteconf.rb extconf.rb" from gem install), Go "fork/exec /usr/bin/gcc: cannot
      // allocate memory", bash "bash: fork: Cannot allocate memory" (glibc's words in the locale: libc.mo's translations)
      source: 'rustc / Python / node / Ruby / Go / bash',
      literals: [...ENOMEM_TEXTS, 'cannot allocate memory', 'spawn ENOMEM'],
      re: new RegExp(String.raw`Cannot allocate memory \(os error 12\)|\[Errno 12\] Cannot allocate memory|spawn ENOMEM|(?:^|Errno::ENOMEM: )Cannot allocate memory - \S|fork/exec [^:\s]{1,300}: cannot allocate memory|\bfork: (?:retry: )?(?:${ENOMEM_TEXTS.join('|')})`),
      weight: 0.85,
    },
    {
      id: 'ld-killed',
      // gcc's collect2 when the linker is OOM-killed: "collect2: fatal error: ld terminated with signal 9 [Killed]"
      source: 'gcc collect2',
      literals: ['terminated with signal 9'],
      re: /fatal error: (?<program>[\w.+-]{1,40}) terminated with signal 9 \[/,
      weight: 0.9,
    },
    {
      id: 'ld-killed-localized',
      // collect2 / lto-wrapper in the driver's language (gcc-12 po files translate "%s terminated with signal %d [%s]%s"):
      // "collect2: schwerwiegender Fehler: ld mit Signal 9 [Getötet] beendet", "collect2: error fatal: se terminó ld con
      // la señal 9 [Terminado (killed)]", "collect2: 致命错误：ld 以信号 9 [已杀死] 退出。", ja "ld シグナル 9 [強制終了]
      // で終了させられました": every form ends the signal number with glibc's name for SIGKILL in brackets.
      source: 'gcc collect2 / lto-wrapper (gettext translations)',
      literals: ['collect2', 'lto-wrapper'],
      re: new RegExp(String.raw`^(?:collect2|lto-wrapper)(?:\.exe)?: .{0,120}?\b9 \[(?:${KILLED})\]`),
      weight: 0.9,
    },
    {
      id: 'gcc-out-of-memory',
      // gcc/g++ under ulimit -v or without swap: "virtual memory exhausted: Cannot allocate memory",
      // "cc1plus: out of memory allocating 524288 bytes after a total of 12218368 bytes"
      source: 'gcc cc1/cc1plus',
      literals: ['virtual memory exhausted', 'out of memory allocating'],
      re: /virtual memory exhausted: Cannot allocate memory|^(?<program>cc1(?:plus|obj)?|lto1|as|ld[\w.]*): out of memory allocating \d+ bytes/,
      weight: 0.95,
    },
    {
      id: 'llvm-out-of-memory',
      // LLVM (rustc codegen, clang, lld): "LLVM ERROR: out of memory"; Rust runtime: "fatal runtime error: out of memory";
      // rustc/LLVM: "LLVM ERROR: Allocation failed"
      source: 'LLVM / Rust runtime',
      literals: ['LLVM ERROR: out of memory', 'fatal runtime error: out of memory', 'LLVM ERROR: Allocation failed'],
      re: /LLVM ERROR: (?:out of memory|Allocation failed)|fatal runtime error: out of memory/,
      weight: 0.9,
    },
    {
      id: 'msvc-heap-space',
      // MSVC: "fatal error C1060: compiler is out of heap space", "C1002: compiler is out of heap space in pass 2",
      // "LINK : fatal error LNK1102: out of memory", "error C3859: Failed to create virtual memory for PCH"
      source: 'MSVC cl / link',
      literals: ['out of heap space', 'LNK1102', 'C3859'],
      re: /\b(?:C1060|C1002): compiler is out of heap space|\bLNK1102: out of memory|\bC3859: Failed to create virtual memory/,
      weight: 0.95,
    },
    {
      id: 'windows-paging-file',
      // Windows (rustc, cargo, link.exe): "The paging file is too small for this operation to complete. (os error 1455)"
      source: 'Windows',
      literals: ['paging file is too small'],
      re: /The paging file is too small for this operation to complete/,
      weight: 0.9,
    },
    {
      id: 'shell-killed',
      // A shell reporting its child was SIGKILLed: dash/ash "Killed" on a line of its own (BuildKit RUN steps, CI),
      // "Killed." in some pastes, bash "bash: line 1:  1234 Killed   g++ ..." or "line 1:  1234 Killed   cargo build" (bash
      // prints strsignal's name, so "bash: Zeile 1:  8220 Getötet   g++ ..." in German); dash "sh: 1: ... Killed"
      source: 'sh / dash / bash',
      literals: KILLED_WORDS,
      re: new RegExp(String.raw`^Killed\.?$|^(?:\/bin\/)?(?:ba|da)?sh: (?:line |Zeile |ligne |línea |riga |строка )?\d+: \s*(?:\d+\s+)?(?:${KILLED})(?:\s|$)|^\d+ Killed\s+\S`),
      weight: 0.7,
    },
    {
      id: 'make-killed',
      // GNU make when its recipe was SIGKILLed: "make[2]: *** [...] Killed", or "Error 137" (128 + SIGKILL)
      source: 'GNU make',
      literals: ['***'],
      re: /^g?make(?:\[\d+\])?: \*\*\* .*(?:\] Killed$|Error 137$)/,
      weight: 0.7,
    },
    {
      id: 'exit-137',
      // BuildKit "did not complete successfully: exit code: 137", legacy builder "returned a non-zero code: 137",
      // GitHub Actions "Process completed with exit code 137"
      source: 'BuildKit / docker / CI runners',
      literals: ['exit code: 137', 'exit code 137', 'non-zero code: 137', 'exit status: 137', 'exit status 137'],
      re: /(?:exit code:? |returned a non-zero code: |exit status:? )137\b/,
      weight: 0.6,
    },
    {
      id: 'emulation',
      // BuildKit multi-platform step headers "[linux/arm64 7/7] RUN ...", qemu-user / binfmt messages: only lowers
      // the confidence of the generic patterns above.
      source: 'BuildKit / qemu-user',
      literals: ['qemu', 'binfmt', '[linux/', '--platform'],
      re: /qemu|binfmt|\[linux\/(?:arm64|aarch64|arm\/v[67]|ppc64le|s390x|riscv64)\b|--platform[= ]linux\/(?:arm|ppc|s390|riscv)/i,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    const real = ctx.hits.filter((h) => h.pattern !== 'emulation' && !bareKilledOutsideBuild(h) && !(h.pattern === 'cargo-sigkill' && BUILD_SCRIPT_KILLED.test(h.text)));
    if (real.length === 0) return null;
    const explicit = real.some((h) => EXPLICIT.has(h.pattern));
    let confidence = confidenceOf(real);
    // bash names the job it reports killed ("line 1:  8220 Killed   g++ -O2 -c x.cpp"): SIGKILL of a compiler or build
    // command is the OOM killer's signature, as strong as cargo's "(signal: 9, SIGKILL: kill)".
    if (real.some((h) => h.pattern === 'shell-killed' && BUILD_STEP.test(h.text.replace(JOB_REPORT, ''))))
      confidence = Math.max(confidence, 0.85);
    const emulated = ctx.hits.some((h) => h.pattern === 'emulation' && EMULATION.test(h.text));
    // Under QEMU emulation a SIGKILL / exit 137 is as likely an emulator crash as memory pressure.
    if (emulated && !explicit) confidence = Math.min(confidence, 0.55);
    const crate = real.flatMap((h) => [h.text, ...(h.pattern === 'shell-killed' ? h.before : [])]).map((t) => /--crate-name (?<c>[\w-]+)/.exec(t)?.groups?.c).find(Boolean);
    const program = ctx.captures.program ?? (crate ? 'rustc' : undefined);
    const subject = crate ? `rustc compiling \`${crate}\`` : program;
    return {
      confidence,
      captures: {
        ...(program ? { program } : {}),
        ...(subject ? { subject } : {}),
        ...(crate ? { crate } : {}),
        ...(emulated ? { emulated: 'yes' } : {}),
      },
      evidence: real.map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'A compiler process ({{subject|the compiler}}) was killed by the kernel OOM killer or failed to allocate memory. ' +
    'Heavy crates and C++ translation units (syn, proc macros, LTO, templates, generated code) can need several GB each, and ' +
    'cargo and make run one compiler per CPU core in parallel, so a small VM, CI runner, WSL instance or Docker Desktop ' +
    'memory limit is easily exceeded. `SIGKILL`, a bare `Killed` and exit code 137 (128 + 9) are how the kernel reports it. ' +
    'When the build runs under QEMU emulation (another CPU architecture), exit 137 can also be an emulator crash.',
  fix: {
    summary: 'Give the build more memory or run fewer compiler jobs at once.',
    steps: [
      'Build with fewer parallel jobs: `cargo build -j 1` (or `CARGO_BUILD_JOBS=1`), `make -j1`, `MAKEFLAGS=-j1`, `cmake --build . -j 1`, `CMAKE_BUILD_PARALLEL_LEVEL=1`.',
      'Raise the memory limit: Docker Desktop Settings > Resources > Memory, `.wslconfig` `memory=` for WSL2, a bigger CI runner or VM, or add swap.',
      'Reduce per-process memory for Rust: in Cargo.toml `[profile.release] codegen-units = 16`, `lto = false`, `debug = 0` (or `CARGO_PROFILE_RELEASE_LTO=false`, `CARGO_PROFILE_DEV_DEBUG=0`).',
      'When building for another architecture under QEMU, cross-compile natively instead (e.g. `cargo build --target aarch64-unknown-linux-gnu` with a cross linker, or cross/cargo-zigbuild).',
    ],
    commands: [
      { tool: 'cargo', command: 'CARGO_BUILD_JOBS=1 cargo build --release' },
      { tool: 'pip', command: 'CARGO_BUILD_JOBS=1 CMAKE_BUILD_PARALLEL_LEVEL=1 MAKEFLAGS=-j1 python -m pip install <package>   # the cargo, CMake and make builds pip starts read these' },
      { tool: 'node-gyp', command: 'JOBS=1 npm rebuild   # node-gyp reads JOBS' },
      { tool: 'cmake', command: 'cmake --build build -j 1' },
      { tool: 'meson', command: 'meson compile -C builddir -j 1' },
      { tool: 'make', command: 'make -j1' },
    ],
    platformCommands: {
      linux: ['sudo fallocate -l 4G /swapfile && sudo chmod 600 /swapfile && sudo mkswap /swapfile && sudo swapon /swapfile'],
      windows: ['Increase the page file size (System Properties > Advanced > Performance > Virtual memory), or set `memory=8GB` in %UserProfile%\\.wslconfig for WSL2'],
      macos: ['Docker Desktop: Settings > Resources > Memory'],
    },
  },
});
