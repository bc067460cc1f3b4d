// Check: a stage on an official Rust image builds `--target T` for a target the image has no standard library for,
// and nothing earlier in the stage's chain adds it (rust-target-missing before the build runs); pure.

import type { ScanFinding } from '../../../report/finding.js';
import type { ProjectFiles } from '../../../project/files.js';
import { locate } from '../../../project/text-location.js';
import { cargoRuns } from '../../../project/dockerfile/cargo-commands.js';
import { commandWords, type ShellCommand } from '../../../project/dockerfile/shell.js';
import { rustOfImage } from '../../../kb/images.js';
import { type DockerfileModel, type Stage, rootImage, stageChain, stageLabel } from '../../../project/dockerfile/parse.js';

/**
 * The targets an official rust image (and the cargo-chef images built on it) has the standard library for: the host's
 * only (rustup's minimal profile), x86_64 or aarch64 for the image's libc, whichever platform it was pulled for.
 */
function imageTargets(libc: 'gnu' | 'musl'): string[] {
  return [`x86_64-unknown-linux-${libc}`, `aarch64-unknown-linux-${libc}`];
}

/** The words of a stage's RUN commands before `until` (all of them when it is not in the stage). */
function runWordsBefore(stage: Stage, until: ShellCommand | null): string[][] {
  const out: string[][] = [];
  for (const step of stage.steps) {
    if (step.kind !== 'run') continue;
    for (const cmd of step.commands) {
      if (cmd === until) return out;
      out.push(commandWords(cmd).map((w) => w.value));
    }
  }
  return out;
}

/**
 * Whether an earlier RUN may install the target: it names it (`rustup target add T`, `rustup-init --target T`), asks
 * rustup for a target through a variable, or runs a script whose text is not read here.
 */
function mayAddTarget(commands: readonly string[][], target: string): boolean {
  return commands.some((w) => {
    if (w.some((x) => x.includes(target))) return true;
    const prog = w[0]?.replace(/^.*\//, '') ?? '';
    if (/^rustup/.test(prog) && w.some((x) => /[$`]/.test(x))) return true;
    return /^(?:sh|bash|dash|ash)$/.test(prog) ? w.slice(1).some((x) => !x.startsWith('-')) : /^\.{0,2}\//.test(w[0] ?? '') || /\.sh$/.test(prog);
  });
}

export function checkRustTargets(project: ProjectFiles, model: DockerfileModel): ScanFinding[] {
  // A toolchain file listing the target makes rustup install it with the toolchain.
  const toolchainTargets = [...project.files].filter(([f]) => /(?:^|\/)rust-toolchain(?:\.toml)?$/.test(f)).map(([, t]) => t);
  const findings: ScanFinding[] = [];
  for (const stage of model.stages) {
    const image = rootImage(model, stage);
    const rust = image ? rustOfImage(image) : null;
    if (!rust) continue;
    for (const step of stage.steps) {
      if (step.kind !== 'run') continue;
      for (const run of cargoRuns(step)) {
        const target = run.selection.target;
        const prog = commandWords(run.command)[0]?.value.replace(/^.*\//, '');
        // cross and xx-cargo bring their own toolchains; a target from a variable is not known.
        if (prog !== 'cargo' || !target || /[$`]/.test(target) || run.action === 'maturin') continue;
        if (imageTargets(rust.libc).includes(target) || toolchainTargets.some((t) => t.includes(target))) continue;
        const chain = stageChain(model, stage);
        const earlier = chain.flatMap((s) => runWordsBefore(s, s === stage ? run.command : null));
        if (mayAddTarget(earlier, target)) continue;
        if (findings.some((f) => f.captures.target === target)) continue;
        findings.push({
          rule: 'rust-target-missing',
          title: 'a cargo build for a target the image has no standard library for',
          severity: 'error',
          message: `${stageLabel(stage)} builds --target ${target} on ${image}, which installs only the host's standard library, and no step before it runs \`rustup target add ${target}\`: the build stops at "can't find crate for \`std\`"`,
          evidence: [locate(model.file, model.text, step.start)],
          captures: { dockerfile: model.file, target },
          fix: {
            title: `add the ${target} target before the build`,
            safety: 'safe',
            edits: [{ file: model.file, start: step.start, end: step.start, text: `RUN rustup target add ${target}${model.eol}` }],
            commands: [],
          },
        });
      }
    }
  }
  return findings;
}
