// Check: `cargo build` runs before Cargo.toml (cargo-manifest-missing) or the project's Cargo.lock
// (docker-lock-not-copied) is in the image; the lock fix adds Cargo.lock to the COPY that brings Cargo.toml; pure.

import type { ProjectFiles, TextEdit } from '../../../project/files.js';
import type { ScanFinding } from '../../../report/finding.js';
import { dirOf, joinRel, locate, normaliseRel } from '../../../project/text-location.js';
import { cargoRuns } from '../../../project/dockerfile/cargo-commands.js';
import { cargoPackages, isUnder } from '../../../project/cargo/packages.js';
import { isVendored } from '../../../project/paths.js';
import { buildContext, contextPaths } from '../../../project/dockerfile/context.js';
import { presentAt } from '../present.js';
import { type DockerfileModel, resolvePath, type RunStep, stageLabel } from '../../../project/dockerfile/parse.js';

/**
 * A member of the workspace whose root manifest is at `manifestPath` (relative to the project) whose own Cargo.toml
 * no COPY puts into the image beside it before `run`: cargo loads every member of a workspace, so the build fails
 * (a .dockerignore'd member, a COPY of only some directories). Null when each is there or cannot be told.
 */
function memberLeftOut(project: ProjectFiles, model: DockerfileModel, run: RunStep, stageIndex: number, cwd: string, manifestPath: string): string | null {
  const rootDir = dirOf(manifestPath);
  const root = cargoPackages(project).find((p) => p.file === manifestPath);
  if (!root?.manifest.workspace) return null;
  const members = cargoPackages(project).filter((p) => p.workspaceRoot?.file === manifestPath && p.file !== manifestPath && !isVendored(p.file));
  for (const m of members) {
    const rel = rootDir ? m.dir.slice(rootDir.length + 1) : m.dir;
    const there = presentAt(model, run, stageIndex, `${cwd.replace(/\/$/, '')}/${rel}/Cargo.toml`, project);
    if (there.landing === null) return rel;
  }
  return null;
}

/**
 * A path dependency of the workspace built from `manifestPath` whose directory lies outside the build context
 * (`path = "../engine"`) and that nothing has put into the image before `run`: cargo must load every path
 * dependency's manifest to resolve, so the build fails. Optional and target-specific ones are left out (cargo may
 * never need them in this image); null when there is none.
 */
function pathDependencyOutside(project: ProjectFiles, model: DockerfileModel, run: RunStep, stageIndex: number, cwd: string, manifestPath: string, ctx: string): { name: string; path: string; from: string; dir: string } | null {
  const rootDir = dirOf(manifestPath);
  const packages = cargoPackages(project).filter((p) => (p.file === manifestPath || p.workspaceRoot?.file === manifestPath) && !isVendored(p.file));
  for (const p of packages) {
    const imageDir = resolvePath(cwd, rootDir ? p.dir.slice(rootDir.length + 1) : p.dir);
    for (const d of p.manifest.dependencies) {
      if (d.path === null || d.kind === 'dev' || d.optional || d.target) continue;
      const inProject = normaliseRel(joinRel(p.dir, d.path));
      if (inProject !== null && isUnder(inProject, ctx)) continue;
      const dir = resolvePath(imageDir, d.path);
      if (presentAt(model, run, stageIndex, `${dir}/Cargo.toml`, project).landing === null) return { name: d.name, path: d.path, from: p.file, dir };
    }
  }
  return null;
}

export function checkManifestOrder(project: ProjectFiles, model: DockerfileModel): ScanFinding[] {
  const findings: ScanFinding[] = [];
  const context = buildContext(project, model);
  const ctx = context.dir;
  const ctxNote = ` (build context ${ctx || '.'}, from ${context.from})`;
  const paths = project.paths ?? new Set(project.files.keys());
  if (!paths.has(joinRel(ctx, 'Cargo.toml')) && ![...paths].some((p) => p.startsWith(ctx ? `${ctx}/` : '') && p.endsWith('/Cargo.toml'))) return [];
  for (const stage of model.stages) {
    for (const step of stage.steps) {
      if (step.kind !== 'run') continue;
      const run = cargoRuns(step).find((c) => c.action === 'build' || c.action === 'install-path');
      if (!run) continue;
      const manifest = presentAt(model, step, stage.index, `${run.cwd.replace(/\/$/, '')}/Cargo.toml`, project);
      const at = locate(model.file, model.text, step.start);
      if (!manifest.landing) {
        findings.push({
          rule: 'cargo-manifest-missing',
          title: 'cargo runs before Cargo.toml is copied into the image',
          severity: 'error',
          message: `${stageLabel(stage)} runs cargo in ${run.cwd} (line ${at.line}) before any COPY puts a Cargo.toml there${ctxNote}`,
          evidence: [at],
          captures: { dir: run.cwd, dockerfile: model.file, context: ctx },
          fix: null,
        });
        break;
      }
      if (manifest.landing.kind !== 'context') break;
      const manifestPath = manifest.landing.path;
      const missingMember = memberLeftOut(project, model, step, stage.index, run.cwd, manifestPath);
      if (missingMember) {
        findings.push({
          rule: 'cargo-manifest-missing',
          title: 'cargo runs before Cargo.toml is copied into the image',
          severity: 'error',
          message: `${stageLabel(stage)} runs cargo in ${run.cwd} (line ${at.line}) with the workspace's Cargo.toml, but the image has no ${missingMember}/Cargo.toml of its member ${missingMember}: cargo cannot load the workspace (even with -p)${ctxNote}`,
          evidence: [at],
          captures: { dir: run.cwd, dockerfile: model.file, context: ctx, member: missingMember },
          fix: null,
        });
        break;
      }
      // `cargo install --path` reads Cargo.lock only with --locked: without it the lock's presence changes nothing.
      if (run.action === 'install-path' && !run.locked) break;
      const outside = pathDependencyOutside(project, model, step, stage.index, run.cwd, manifestPath, ctx);
      if (outside) {
        findings.push({
          rule: 'cargo-manifest-missing',
          title: 'cargo runs before Cargo.toml is copied into the image',
          severity: 'error',
          message: `${stageLabel(stage)} runs cargo in ${run.cwd} (line ${at.line}), but ${outside.from} depends on ${outside.name} at path ${outside.path}, outside the build context: no COPY can put its Cargo.toml into the image, so cargo cannot load it${ctxNote}`,
          evidence: [at],
          captures: { dir: outside.dir, dockerfile: model.file, context: ctx },
          fix: null,
        });
        break;
      }
      const lockRel = joinRel(dirOf(manifestPath), 'Cargo.lock');
      // A lock that .dockerignore keeps out of the context is the cargo-lock scanner's finding (it removes that line).
      if (!contextPaths(project, ctx).has(lockRel)) break;
      const lock = presentAt(model, step, stage.index, `${run.cwd.replace(/\/$/, '')}/Cargo.lock`, project);
      if (lock.landing) break;
      let edit: TextEdit | null = null;
      const copy = manifest.copy;
      const src = copy?.sources.find((s) => s.value.replace(/^\.\//, '') === manifestPath.slice(ctx ? ctx.length + 1 : 0) || s.value.endsWith('Cargo.toml'));
      if (copy && src && src.value.endsWith('Cargo.toml') && (copy.dest.endsWith('/') || copy.dest === '.' || copy.sources.length > 1)) {
        edit = { file: model.file, start: src.end, end: src.end, text: ` ${src.value.slice(0, -'Cargo.toml'.length)}Cargo.lock` };
      }
      findings.push({
        rule: 'docker-lock-not-copied',
        title: 'cargo builds before Cargo.lock is copied into the image',
        severity: run.locked ? 'error' : 'warning',
        message: `${stageLabel(stage)} runs cargo in ${run.cwd} (line ${at.line}) with Cargo.toml but without ${lockRel}: ${run.locked ? '--locked makes cargo refuse to create one' : 'cargo resolves the newest versions instead of the locked ones'}${ctxNote}`,
        evidence: [at, ...(copy ? [locate(model.file, model.text, copy.start)] : [])],
        captures: { lockPath: lockRel, dockerfile: model.file, context: ctx },
        fix: edit ? { title: `copy ${lockRel} together with Cargo.toml`, safety: 'safe', edits: [edit], commands: [] } : null,
      });
      break;
    }
  }
  return findings;
}
