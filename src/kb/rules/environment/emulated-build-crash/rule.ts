// emulated-build-crash: the build runs a foreign architecture's binaries under QEMU user-mode emulation (BuildKit's
// multi-platform builds, binfmt_misc, cross's images) and a compiler or tool crashed inside the emulator.

import { defineRule, type Refinement } from '../../../rule.js';

// The faults an emulator's own defects raise in the program it runs (invalid memory access, an instruction it does
// not implement, a bus error, a trap). SIGABRT (6) is left out: a program that aborts is reporting its own failure
// (a failed assertion, a panic with panic=abort), which emulation does not explain.
const EMULATOR_FAULTS = new Set(['4', '5', '7', '11']);

// The crashed process is the project's own program rather than a build tool: cargo's test runner ("error: test failed",
// a `target/<triple>/<profile>/deps/<name>-<hash>` binary) or a `make check`/`test` step. Its crash under emulation
// can be the project's bug as well as the emulator's, and the log cannot tell which.
const PROJECT_PROGRAM_FAILED = /^error: test failed\b|^test result: FAILED|process didn't exit successfully: `(?:qemu-\S+ )?\S*[/\\]target[/\\](?:[\w.-]+[/\\])?[\w-]+[/\\]deps[/\\]|\*\*\* \[[^\]]*\b(?:check|test|tests)\]/;

export default defineRule({
  id: 'emulated-build-crash',
  title: 'A build tool crashed under CPU emulation (QEMU)',
  summary: 'The build ran another architecture\'s binaries under QEMU user-mode emulation, and a compiler or tool crashed inside the emulator.',
  category: 'container',
  captures: {
    signal: { type: 'integer', doc: 'the signal the emulated program received (11 SIGSEGV, 4 SIGILL, 7 SIGBUS, 5 SIGTRAP)' },
    signalName: { type: 'string', doc: 'the signal\'s name as QEMU printed it', optional: true },
  },
  contextAfter: 8,
  patterns: [
    {
      id: 'qemu-uncaught-target-signal',
      // qemu-user (linux-user/signal.c): "qemu: uncaught target signal 11 (Segmentation fault) - core dumped", also
      // behind BuildKit's "#7 99.79 " prefix and inside a quoted message ("Compiler not supported: \"qemu: ...\\n\"");
      // qemu 7.2 made here prints the same for SIGILL ("4 (Illegal instruction)") and SIGABRT ("6 (Aborted)").
      source: 'qemu-user / binfmt_misc (Docker buildx, cross)',
      literals: ['uncaught target signal'],
      re: /\bqemu(?:-[\w-]{1,30})?: uncaught target signal (?<signal>\d{1,2}) \((?<signalName>[^)]{1,60})\)/,
      weight: 0.9,
    },
  ],
  refine: (ctx): Refinement | null => {
    const crashes = ctx.hits.filter((h) => EMULATOR_FAULTS.has(h.captures.signal ?? ''));
    if (crashes.length === 0) return null;
    if (crashes.every((h) => h.after.some((l) => PROJECT_PROGRAM_FAILED.test(l.trim())))) return null;
    const first = crashes[0];
    return { captures: { signal: first.captures.signal, ...(first.captures.signalName ? { signalName: first.captures.signalName } : {}) } };
  },
  explanation:
    'QEMU reported signal {{signal}} ({{signalName|a fault}}) in a program it was emulating. The build runs binaries of another CPU ' +
    'architecture through QEMU user-mode emulation: a multi-platform `docker buildx build --platform ...` whose stage is not the host\'s ' +
    'architecture, an amd64 image on Apple Silicon, binfmt_misc in CI. Compilers and runtimes (rustc, cc1plus, node, go, dpkg triggers) hit ' +
    'defects of the emulator there that they never hit natively, so the crash says nothing about the code being built; it often comes and ' +
    'goes between runs.',
  fix: {
    summary: 'Build each platform on a machine of that architecture, or cross-compile from the build platform, instead of emulating the compiler.',
    steps: [
      'Run each platform\'s build on a native runner (an arm64 runner such as GitHub\'s ubuntu-24.04-arm for linux/arm64) and merge the images into one manifest.',
      'Or keep the compiler native and cross-compile: `FROM --platform=$BUILDPLATFORM` for the build stage, then `cargo build --target`, `GOARCH=...` or a cross compiler, so only the final stage is the target\'s architecture.',
      'If it must stay emulated, update the emulator: `docker run --privileged --rm tonistiigi/binfmt --install all` installs a current QEMU; on Apple Silicon, Docker Desktop can run amd64 through Rosetta instead of QEMU.',
    ],
  },
});
