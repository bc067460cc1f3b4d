// Check: cargo-chef's planner, cook and build stages sit on different Rust toolchains (version or libc), so the cooked
// dependencies are rebuilt or built for another target; pure.

import type { ScanFinding } from '../../model.js';
import { locate } from '../../text-location.js';
import { cargoRuns } from '../cargo-commands.js';
import { rustOfImage } from '../images.js';
import { type DockerfileModel, type Stage, rootImage, stageChain, stageLabel } from '../parse.js';

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
  return [
    {
      rule: 'cargo-chef-image-mismatch',
      title: 'cargo-chef stages use different Rust images',
      severity: 'warning',
      message: `the cargo-chef stages do not share one toolchain: ${describe}`,
      evidence: known.map((r) => locate(model.file, model.text, r.stage.start)),
      captures: { dockerfile: model.file, images: [...new Set(known.map((r) => r.image))].join(' ') },
      fix: null,
    },
  ];
}
