// Check: a stage copies a binary that cargo built in another stage, and its own base image cannot run it: an older glibc
// than the builder's (the binary needs GLIBC_2.34), musl (Alpine), or no C library at all (scratch, distroless/static);
// pure.

import type { ScanFinding } from '../../../report/finding.js';
import { locate } from '../../../project/text-location.js';
import { cargoRuns } from '../../../project/dockerfile/cargo-commands.js';
import { commandWords } from '../../../project/dockerfile/shell.js';
import { type ImageLibc, libcOfImage, rustOfImage } from '../../../kb/images.js';
import { type CopyStep, type DockerfileModel, type Stage, isBuiltOn, rootImage, stageChain, stageLabel, stageNamed } from '../../../project/dockerfile/parse.js';
import { compareVersions } from '../../../doctor/checks/versions.js';

// glibc 2.34 gave __libc_start_main a new symbol version: every program linked against 2.34 or newer asks the loader
// for GLIBC_2.34 at startup, so an older glibc cannot start it at all.
const STARTUP_SYMBOL_GLIBC = '2.34';

const versionBelow = (a: string, b: string) => compareVersions(a, b) < 0;

// Where cargo puts what it builds, and where `cargo install` puts binaries (CARGO_HOME/bin, --root <dir>/bin).
const CARGO_OUTPUT = /(?:^|\/)target\/(?:[\w.-]+\/)?(?:release|debug|[\w-]+)(?:\/|$)|\/(?:\.?cargo)\/bin(?:\/|$)|^\/usr\/local\/bin\//;

/** Whether cargo builds for glibc in the builder's chain: false when it may build a static or non-glibc binary (musl, crt-static, zigbuild, cross, another target). */
function glibcBuild(model: DockerfileModel, builder: Stage): boolean {
  const chain = stageChain(model, builder);
  let compiled = false;
  for (const stage of chain) {
    for (const step of stage.steps) {
      if (step.kind === 'env' && step.vars.some((v) => /crt-static|musl/.test(v.value))) return false;
      if (step.kind !== 'run') continue;
      if (step.commands.some((c) => commandWords(c).some((w) => /crt-static|zigbuild|musl/.test(w.value)))) return false;
      for (const run of cargoRuns(step)) {
        if (run.action !== 'build' && run.action !== 'install-path' && run.action !== 'install-crate') continue;
        const prog = commandWords(run.command)[0]?.value.replace(/^.*\//, '');
        const target = run.selection.target;
        if (prog !== 'cargo' || (target !== null && !/^[\w]+-unknown-linux-gnu$/.test(target))) return false;
        compiled = true;
      }
    }
  }
  return compiled;
}

type Mismatch = { kind: 'older-glibc' | 'newer-glibc-symbols' | 'musl' | 'none'; builder: ImageLibc; runtime: ImageLibc };

function mismatchOf(builderImage: string, runtimeImage: string): Mismatch | null {
  const runtime = libcOfImage(runtimeImage);
  if (!runtime) return null;
  const builder = libcOfImage(builderImage) ?? (rustOfImage(builderImage)?.libc === 'gnu' ? { libc: 'glibc', version: '', release: builderImage } : null);
  if (!builder || builder.libc !== 'glibc') return null;
  if (runtime.libc === 'musl') return { kind: 'musl', builder, runtime };
  if (runtime.libc === 'none') return { kind: 'none', builder, runtime };
  // The runtime's release must be known exactly; the builder's may be a lower bound.
  if (runtime.atLeast || !builder.version) return null;
  if (!versionBelow(builder.version, STARTUP_SYMBOL_GLIBC) && versionBelow(runtime.version, STARTUP_SYMBOL_GLIBC)) return { kind: 'older-glibc', builder, runtime };
  // Otherwise an older runtime glibc fails only if the binary uses a symbol version it lacks (libm's GLIBC_2.29 from
  // glibc 2.29 on, GLIBC_2.38's __isoc23_* from C code built against 2.38+): likely, not certain.
  if (versionBelow(runtime.version, builder.version)) return { kind: 'newer-glibc-symbols', builder, runtime };
  return null;
}

function describe(libc: ImageLibc): string {
  return libc.libc === 'glibc' && libc.version ? `${libc.release}, glibc ${libc.version}` : libc.release;
}

const CONSEQUENCE: Record<Mismatch['kind'], string> = {
  'older-glibc': `the binary, linked against glibc ${STARTUP_SYMBOL_GLIBC} or newer, stops at startup with "version \`GLIBC_${STARTUP_SYMBOL_GLIBC}' not found"`,
  musl: 'Alpine has musl, not glibc: the binary\'s loader (/lib64/ld-linux-x86-64.so.2) is missing, and running it fails with "no such file or directory"',
  none: 'the image has no C library: the dynamically linked binary cannot start ("no such file or directory")',
  'newer-glibc-symbols': 'the binary fails to start with "version `GLIBC_2.xx\' not found" if it uses any symbol version newer than the runtime\'s glibc',
};

export function checkRuntimeLibc(model: DockerfileModel): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const stage of model.stages) {
    const runtimeImage = rootImage(model, stage);
    if (!runtimeImage) continue;
    for (const step of stage.steps) {
      if (step.kind !== 'copy' || step.from === null) continue;
      const builder = stageNamed(model, step.from);
      // The copying stage built on the builder (FROM builder, or the same stage): the same libc.
      if (!builder || isBuiltOn(model, stage, builder)) continue;
      if (!step.sources.some((s) => CARGO_OUTPUT.test(s.value) && !/musl|wasm|\.(?:js|wasm|html|css|json|toml|txt|md)$/.test(s.value))) continue;
      const builderImage = rootImage(model, builder);
      if (!builderImage || !glibcBuild(model, builder)) continue;
      const mismatch = mismatchOf(builderImage, runtimeImage);
      if (!mismatch) continue;
      findings.push(finding(model, stage, builder, step, builderImage, runtimeImage, mismatch));
      break;
    }
  }
  return findings;
}

function finding(model: DockerfileModel, stage: Stage, builder: Stage, copy: CopyStep, builderImage: string, runtimeImage: string, m: Mismatch): ScanFinding {
  const root = stageChain(model, stage).at(-1)!;
  return {
    rule: 'runtime-libc-mismatch',
    title: 'The image that runs the binary cannot run what the builder stage built',
    severity: 'error',
    message:
      `${stageLabel(stage)} copies a binary that cargo built in ${stageLabel(builder)} on ${builderImage} (${describe(m.builder)}), ` +
      `but runs on ${runtimeImage} (${describe(m.runtime)}): ${CONSEQUENCE[m.kind]}`,
    evidence: [locate(model.file, model.text, copy.start), locate(model.file, model.text, root.start)],
    captures: { dockerfile: model.file, builderImage, runtimeImage, libc: m.runtime.libc === 'glibc' ? `glibc ${m.runtime.version}` : m.runtime.libc },
    fix: null,
    ...(m.kind === 'newer-glibc-symbols' && m.runtime.libc === 'glibc' && m.builder.libc === 'glibc'
      ? { unverified: `the runtime's glibc (${m.runtime.version}) is older than the builder's (${m.builder.version}); whether the binary needs a newer symbol version depends on its code and C dependencies (\`objdump -T <binary> | grep GLIBC_\` on the built binary tells)` }
      : {}),
  };
}
