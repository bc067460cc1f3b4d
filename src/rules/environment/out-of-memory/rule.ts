// out-of-memory: a compiler (rustc, cc1plus, ld, MSVC cl) ran out of memory or was killed by the OOM killer.

import { confidenceOf, defineRule } from '../../../core/rule.js';

// Lines that show the build ran under user-mode emulation (BuildKit multi-platform, qemu-user, binfmt), where
// exit 137 / SIGKILL is often a QEMU crash rather than memory pressure.
const EMULATION = /qemu|binfmt|\[linux\/(?:arm64|aarch64|arm\/v[67]|ppc64le|s390x|riscv64)\b|--platform[= ]linux\/(?:arm|ppc|s390|riscv)/i;

// Patterns that name memory explicitly; the others (SIGKILL, Killed, 137) only imply it.
const EXPLICIT = new Set(['enomem', 'rust-alloc-failed', 'gcc-killed-signal', 'gcc-ice-killed', 'gcc-out-of-memory', 'llvm-out-of-memory', 'msvc-heap-space', 'windows-paging-file', 'ld-killed']);

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
      // gcc >= 8 driver: "c++: fatal error: Killed signal terminated program cc1plus" (the signal name is
      // localised: "Morto" (it), "已杀死" (zh), "Getötet" (de), "Tué" (fr))
      source: 'gcc driver',
      literals: ['signal terminated program'],
      re: /fatal error: (?:Killed|Morto|Getötet|Tué|Matado|Ucciso|Убито|已杀死|已殺死|強制終了) signal terminated program (?<program>[\w.+-]+)/,
      weight: 0.95,
    },
    {
      id: 'gcc-ice-killed',
      // gcc < 8 driver: "c++: internal compiler error: Killed (program cc1plus)"
      source: 'gcc driver (< 8)',
      literals: ['internal compiler error: Killed'],
      re: /internal compiler error: Killed \(program (?<program>[\w.+-]+)\)/,
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
      // "OSError: [Errno 12] Cannot allocate memory", node "Error: spawn ENOMEM"
      source: 'rustc / Python / node',
      literals: ['Cannot allocate memory (os error 12)', '[Errno 12] Cannot allocate memory', 'spawn ENOMEM'],
      re: /Cannot allocate memory \(os error 12\)|\[Errno 12\] Cannot allocate memory|spawn ENOMEM/,
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
      // A shell reporting its child was SIGKILLed: bare "Killed" (BuildKit/CI), dash "sh: 1: ... Killed",
      // bash "line 1:  1234 Killed   cargo build --release"
      source: 'sh / bash',
      literals: ['Killed'],
      re: /^Killed$|^(?:\/bin\/)?(?:ba|da)?sh: (?:line )?\d+: (?:\d+ )?\s*Killed\b|^\d+ Killed\s+\S/,
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
    const real = ctx.hits.filter((h) => h.pattern !== 'emulation');
    if (real.length === 0) return null;
    const explicit = real.some((h) => EXPLICIT.has(h.pattern));
    let confidence = confidenceOf(real);
    const emulated = ctx.hits.some((h) => h.pattern === 'emulation' && EMULATION.test(h.text));
    // Under QEMU emulation a SIGKILL / exit 137 is as likely an emulator crash as memory pressure.
    if (emulated && !explicit) confidence = Math.min(confidence, 0.55);
    const crate = ctx.hits.map((h) => /--crate-name (?<c>[\w-]+)/.exec(h.text)?.groups?.c).find(Boolean);
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
    commands: ['CARGO_BUILD_JOBS=1 cargo build --release', 'make -j1'],
    platformCommands: {
      linux: ['sudo fallocate -l 4G /swapfile && sudo chmod 600 /swapfile && sudo mkswap /swapfile && sudo swapon /swapfile'],
      windows: ['Increase the page file size (System Properties > Advanced > Performance > Virtual memory), or set `memory=8GB` in %UserProfile%\\.wslconfig for WSL2'],
      macos: ['Docker Desktop: Settings > Resources > Memory'],
    },
  },
});
