// Check: a binary is taken from a cache-mounted target/ by a later RUN or a COPY, where the cache is not there (or
// holds a stale binary from an earlier build); the fix does the copy inside the RUN that built it; pure.

import type { ScanFinding } from '../../../report/finding.js';
import type { TextEdit } from '../../../project/files.js';
import { locate } from '../../../project/text-location.js';
import { cargoRuns, compiles } from '../../../project/dockerfile/cargo-commands.js';
import { type DockerfileModel, isBuiltOn, type RunStep, type Stage, resolvePath, stageLabel, stageNamed } from '../../../project/dockerfile/parse.js';
import { commandWords } from '../../../project/dockerfile/shell.js';

interface CacheBuild {
  stage: Stage;
  run: RunStep;
  /** The cache-mounted target directory (absolute). */
  target: string;
  /** Only `cargo chef cook`: it builds the dependencies, never the binary a later step copies. */
  cookOnly: boolean;
}

function under(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}

/** Cache-mounted cargo target directories of the RUNs that compile (target/ under WORKDIR, or CARGO_TARGET_DIR). */
function cacheBuilds(model: DockerfileModel): CacheBuild[] {
  const out: CacheBuild[] = [];
  // CARGO_TARGET_DIR as a stage sees it: its own last ENV, else its parent's (parents come first, so one pass).
  const targetDirOf: (string | null)[] = [];
  for (const stage of model.stages) {
    let targetDir: string | null = stage.parent !== null && stage.parent < stage.index ? targetDirOf[stage.parent] : null;
    for (const step of stage.steps) if (step.kind === 'env') for (const v of step.vars) if (v.name === 'CARGO_TARGET_DIR') targetDir = v.value;
    targetDirOf.push(targetDir);
    for (const step of stage.steps) {
      if (step.kind !== 'run') continue;
      const runs = cargoRuns(step).filter((c) => compiles(c.action));
      if (!runs.length) continue;
      const dirs = new Set(runs.map((r) => (targetDir ? resolvePath(r.cwd, targetDir) : resolvePath(r.cwd, 'target'))));
      const cookOnly = runs.every((r) => r.action === 'chef-cook');
      for (const m of step.mounts) if (m.type === 'cache' && dirs.has(m.target)) out.push({ stage, run: step, target: m.target, cookOnly });
    }
  }
  return out;
}

const namedPaths = new WeakMap<RunStep, string[][]>();

/** The absolute paths each command of a RUN names (its arguments other than options), worked out once per RUN. */
function pathsNamed(run: RunStep): string[][] {
  let paths = namedPaths.get(run);
  if (!paths) {
    paths = run.commands.map((c) => commandWords(c).flatMap((w, k) => (k > 0 && !w.value.startsWith('-') ? [resolvePath(run.workdir, w.value)] : [])));
    namedPaths.set(run, paths);
  }
  return paths;
}

/** Where to append a command to a RUN: its end, or before a heredoc's closing delimiter; null when that is unsafe. */
function appendEdit(model: DockerfileModel, run: RunStep, command: string): TextEdit | null {
  if (run.exec || !run.commands.length || run.commands.at(-1)!.commentAfter) return null;
  if (run.heredoc) return { file: model.file, start: run.heredoc.delimiterStart, end: run.heredoc.delimiterStart, text: `${command}${model.eol}` };
  return { file: model.file, start: run.end, end: run.end, text: ` && ${command}` };
}

/** Deletes a whole instruction with its line ending. */
function deleteEdit(model: DockerfileModel, run: RunStep): TextEdit {
  let end = run.end;
  if (model.text.startsWith('\r\n', end)) end += 2;
  else if (model.text[end] === '\n') end += 1;
  const lineStart = model.text.lastIndexOf('\n', run.start - 1) + 1;
  return { file: model.file, start: lineStart, end, text: '' };
}

/** Build order of a step: its stage, then its place in the file. */
function before(a: { stage: Stage; start: number }, b: { stage: Stage; start: number }): boolean {
  return a.stage.index < b.stage.index || (a.stage.index === b.stage.index && a.start < b.start);
}

/**
 * Whether the output a step at (stage, start) takes from `cb.target` comes from another cache build: a later one
 * before the step with the same target, or (for a `cargo chef cook`) the real build of the binary.
 */
function builtElsewhere(model: DockerfileModel, builds: readonly CacheBuild[], cb: CacheBuild, at: { stage: Stage; start: number }): boolean {
  return builds.some(
    (other) =>
      other !== cb &&
      other.target === cb.target &&
      isBuiltOn(model, at.stage, other.stage) &&
      before({ stage: other.stage, start: other.run.start }, at) &&
      ((before({ stage: cb.stage, start: cb.run.start }, { stage: other.stage, start: other.run.start }) && !other.cookOnly) || (cb.cookOnly && !other.cookOnly)),
  );
}

export function checkCacheMountCopies(model: DockerfileModel): ScanFinding[] {
  const findings: ScanFinding[] = [];
  // Each reader is reported once, against the nearest cache build before it (the last one in the file): n builds
  // and n readers make n findings, not n² (4000 such lines took a minute and 2 GiB).
  const reported = new Set<object>();
  const builds = cacheBuilds(model);
  for (const cb of [...builds].reverse()) {
    const built = locate(model.file, model.text, cb.run.start);
    // A later RUN of the same stage (or of a stage built FROM it) that reads the target directory without mounting it.
    for (const stage of model.stages) {
      if (!isBuiltOn(model, stage, cb.stage)) continue;
      for (const step of stage.steps) {
        if (stage === cb.stage && step.start <= cb.run.start) continue;
        if (reported.has(step)) continue;
        if (step.kind === 'run') {
          if (step.mounts.some((m) => m.type === 'cache' && m.target === cb.target)) continue;
          if (builtElsewhere(model, builds, cb, { stage, start: step.start })) continue;
          const reads = step.commands.filter((c, i) => pathsNamed(step)[i].some((path) => under(path, cb.target)));
          if (!reads.length) continue;
          // Movable when the whole RUN only handles files from the target directory (cp, mv, install, strip).
          const movable = !step.heredoc && !step.exec && reads.length === step.commands.length && reads.every((c) => ['cp', 'mv', 'install', 'strip'].includes(commandWords(c)[0]?.value ?? ''));
          const script = model.text.slice(step.commands[0].words[0].start, step.commands.at(-1)!.words.at(-1)!.end);
          const append = movable && stage === cb.stage && step.workdir === cb.run.workdir ? appendEdit(model, cb.run, script) : null;
          reported.add(step);
          findings.push(finding(model, cb, locate(model.file, model.text, step.start), built, `a later RUN in ${stageLabel(stage)}`, append ? [append, deleteEdit(model, step)] : null));
        }
      }
    }
    // COPY --from=<stage> of a path inside the cache mount: the mount is not part of that stage's filesystem.
    for (const stage of model.stages) {
      for (const step of stage.steps) {
        if (step.kind !== 'copy' || step.from === null) continue;
        const src = stageNamed(model, step.from);
        if (!src || !isBuiltOn(model, src, cb.stage)) continue;
        if (builtElsewhere(model, builds, cb, { stage: src, start: Number.MAX_SAFE_INTEGER })) continue;
        for (const source of step.sources) {
          if (reported.has(source)) continue;
          const abs = resolvePath(src === cb.stage ? cb.run.workdir : '/', source.value);
          if (!under(abs, cb.target) || abs === cb.target) continue;
          const name = abs.slice(abs.lastIndexOf('/') + 1);
          let edits: TextEdit[] | null = null;
          // Copy out to /usr/local/bin inside the building RUN, then COPY from there.
          if (src === cb.stage && /^[\w.+-]+$/.test(name) && !/[*?[]/.test(abs)) {
            const out = `/usr/local/bin/${name}`;
            const append = appendEdit(model, cb.run, `cp ${abs} ${out}`);
            if (append) edits = [append, { file: model.file, start: source.start, end: source.end, text: out }];
          }
          reported.add(source);
          findings.push(finding(model, cb, locate(model.file, model.text, step.start), built, `COPY --from=${step.from} in ${stageLabel(stage)}`, edits));
        }
      }
    }
  }
  return findings;
}

function finding(model: DockerfileModel, cb: CacheBuild, at: ReturnType<typeof locate>, built: ReturnType<typeof locate>, who: string, edits: TextEdit[] | null): ScanFinding {
  return {
    rule: 'docker-cache-mount-artifact',
    title: 'Binary copied from a cache-mounted target directory',
    severity: 'error',
    message: `${who} (line ${at.line}) takes a build output from ${cb.target}, which is a cache mount of the RUN at line ${built.line}: the mount is gone after that RUN, or holds a stale binary`,
    evidence: [at, built],
    captures: { target: cb.target, stage: cb.stage.name ?? String(cb.stage.index + 1), dockerfile: model.file },
    fix: edits ? { title: 'copy the binary out inside the RUN that builds it', safety: 'safe', edits, commands: [] } : null,
  };
}
