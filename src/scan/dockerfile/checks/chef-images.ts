// Check: cargo-chef's planner, cook and build stages sit on different Rust toolchains (version or libc), so the cooked
// dependencies are rebuilt or built for another target; pure.

import type { ScanFinding } from '../../../report/finding.js';
import type { TextEdit } from '../../../project/files.js';
import { locate } from '../../../project/text-location.js';
import { cargoRuns } from '../../../project/dockerfile/cargo-commands.js';
import { rustOfImage } from '../../../kb/images.js';
import { type DockerfileModel, type Stage, rootImage, stageChain, stageLabel } from '../../../project/dockerfile/parse.js';

function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

function stagesRunning(model: DockerfileModel, action: 'chef-prepare' | 'chef-cook' | 'build'): Stage[] {
  return model.stages.filter((s) => s.steps.some((step) => step.kind === 'run' && cargoRuns(step).some((c) => c.action === action)));
}

export function checkChefImages(model: DockerfileModel): ScanFinding[] {
  const cooks = stagesRunning(model, 'chef-cook');
  if (!cooks.length) return [];
  const roles: { role: string; stage: Stage }[] = [];
  for (const s of stagesRunning(model, 'chef-prepare')) roles.push({ role: 'planner', stage: s });
  for (const s of cooks) roles.push({ role: 'cook', stage: s });
  // A builder reuses the cooked dependencies: built FROM a cook stage, or copying from one.
  const usesCook = (s: Stage) =>
    stageChain(model, s).some((c) => cooks.includes(c)) ||
    s.steps.some((step) => step.kind === 'copy' && step.from !== null && cooks.some((c) => (c.name ?? '').toLowerCase() === step.from!.toLowerCase()));
  for (const s of stagesRunning(model, 'build')) if (!cooks.includes(s) && usesCook(s)) roles.push({ role: 'builder', stage: s });
  const known = roles
    .map((r) => ({ ...r, image: rootImage(model, r.stage) }))
    .map((r) => ({ ...r, rust: r.image ? rustOfImage(r.image) : null }))
    .filter((r): r is typeof r & { image: string; rust: NonNullable<typeof r.rust> } => r.rust !== null && r.image !== null);
  const ids = new Set(known.map((r) => `${r.rust.version}/${r.rust.libc}`));
  if (ids.size < 2) return [];
  const describe = known.map((r) => `${r.role} ${stageLabel(r.stage)} on ${r.image} (Rust ${r.rust.version}, ${r.rust.libc})`).join('; ');
  // Same libc, pinned versions: bring the older FROM lines up to the newest version (unsafe: it changes a toolchain).
  const edits: TextEdit[] = [];
  const numeric = known.every((r) => /^\d+\.\d+(?:\.\d+)?$/.test(r.rust.version));
  let newest: string | null = null;
  if (numeric && new Set(known.map((r) => r.rust.libc)).size === 1) {
    newest = known.map((r) => r.rust.version).sort(compareVersions).at(-1)!;
    const roots = new Set(known.map((r) => stageChain(model, r.stage).at(-1)!));
    for (const root of roots) {
      const v = rustOfImage(root.image ?? '')?.version;
      if (!v || v === newest) continue;
      // Only a version written in the FROM line itself (not one from an ARG) is edited.
      const at = root.rawImage.search(new RegExp(`(?<=[:-])${v.replace(/\./g, '\\.')}(?=-|$)`));
      if (at < 0) {
        edits.length = 0;
        break;
      }
      edits.push({ file: model.file, start: root.imageStart + at, end: root.imageStart + at + v.length, text: newest });
    }
  }
  return [
    {
      rule: 'cargo-chef-image-mismatch',
      title: 'cargo-chef stages use different Rust images',
      severity: 'warning',
      message: `the cargo-chef stages do not share one toolchain: ${describe}`,
      evidence: known.map((r) => locate(model.file, model.text, r.stage.start)),
      captures: { dockerfile: model.file, images: [...new Set(known.map((r) => r.image))].join(' ') },
      fix: edits.length ? { title: `use Rust ${newest} in every cargo-chef stage`, safety: 'unsafe', edits, commands: [] } : null,
    },
  ];
}
