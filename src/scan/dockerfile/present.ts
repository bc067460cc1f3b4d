// What a COPY, a bind mount or a `cargo new` has put at a path of the image when a RUN starts; pure.

import type { ProjectFiles } from '../../project/files.js';
import { commandWords } from '../../project/dockerfile/shell.js';
import { bindMountAt, contextDir, type Landing, landsAt } from '../../project/dockerfile/context.js';
import { type CopyStep, type DockerfileModel, type RunStep, stageChain } from '../../project/dockerfile/parse.js';

// The files cargo's skeleton commands write (cargo 1.95 made here: `cargo new --bin app` writes app/Cargo.toml,
// app/src/main.rs, app/.gitignore and app/.git; --lib src/lib.rs); never a build script.
const CARGO_SKELETON = /(?:^|\/)(?:Cargo\.toml|src\/main\.rs|src\/lib\.rs|\.gitignore|\.git(?:\/.*)?|src)$/;
const CARGO_CREATES: Record<string, RegExp> = { new: CARGO_SKELETON, init: CARGO_SKELETON, 'generate-lockfile': /(?:^|\/)Cargo\.lock$/ };

export /** What is at `abs` when `run` starts: the last COPY (or the RUN's bind mount) that puts something there. */
function presentAt(model: DockerfileModel, run: RunStep, stageIndex: number, abs: string, project: ProjectFiles): { landing: Landing; copy: CopyStep | null } {
  // A path still holding a variable (`cd ./crates/${APP_NAME}`, an ARG the build passes with --build-arg, or compose's
  // build args) names a directory only the build knows: what is there cannot be told.
  if (abs.includes('$')) return { landing: { kind: 'unknown' }, copy: null };
  const ctx = contextDir(project, model);
  const bound = bindMountAt(run, abs, ctx, project);
  if (bound) return { landing: bound, copy: null };
  let found: { landing: Landing; copy: CopyStep | null } = { landing: null, copy: null };
  for (const s of stageChain(model, model.stages[stageIndex]).reverse()) {
    for (const step of s.steps) {
      if (s.index === stageIndex && step.start >= run.start) break;
      if (step.kind === 'copy') {
        const l = landsAt(step, abs, ctx, project);
        if (l) found = { landing: l, copy: step };
      } else if (step.kind === 'run' && step.commands.some((c) => {
        // `USER=root cargo new --bin app`: the program after VAR=value prefixes.
        const w = commandWords(c).map((x) => x.value);
        return (w[0] === 'git' && w[1] === 'clone') || (w[0] === 'cargo' && ['new', 'init', 'generate-lockfile'].includes(w[1] ?? '') && CARGO_CREATES[w[1]].test(abs));
      })) {
        // `git clone` (anything), `cargo new`/`cargo init` (a package's skeleton), `cargo generate-lockfile` (the lock):
        // files this check cannot see.
        found = { landing: { kind: 'unknown' }, copy: null };
      }
    }
  }
  return found;
}
