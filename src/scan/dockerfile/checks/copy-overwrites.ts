// Check: a COPY after a RUN that generated a file (cargo generate-lockfile / cargo update -> Cargo.lock) replaces
// it with the build context's copy of that file; pure.

import type { ProjectFiles } from '../../../project/files.js';
import type { ScanFinding } from '../../../report/finding.js';
import { locate } from '../../../project/text-location.js';
import { cargoRuns } from '../../../project/dockerfile/cargo-commands.js';
import { contextDir, landsAt } from '../../../project/dockerfile/context.js';
import type { DockerfileModel } from '../../../project/dockerfile/parse.js';
import { isBuiltOn, stageLabel } from '../../../project/dockerfile/parse.js';

export function checkCopyOverwrites(project: ProjectFiles, model: DockerfileModel): ScanFinding[] {
  const findings: ScanFinding[] = [];
  const ctx = contextDir(project, model);
  for (const stage of model.stages) {
    for (const gen of stage.steps) {
      if (gen.kind !== 'run') continue;
      for (const run of cargoRuns(gen).filter((r) => r.action === 'generate-lockfile')) {
        const generated = `${run.cwd.replace(/\/$/, '')}/Cargo.lock`;
        // The same stage after the RUN, and stages built FROM it.
        for (const later of model.stages) {
          if (!isBuiltOn(model, later, stage)) continue;
          const hit = later.steps.find((s) => s.kind === 'copy' && (later !== stage || s.start > gen.start) && landsAt(s, generated, ctx, project)?.kind === 'context');
          if (!hit || hit.kind !== 'copy') continue;
          const landing = landsAt(hit, generated, ctx, project);
          const at = locate(model.file, model.text, hit.start);
          const made = locate(model.file, model.text, gen.start);
          findings.push({
            rule: 'docker-copy-overwrites-generated',
            title: 'A COPY replaces a file an earlier RUN generated',
            severity: 'warning',
            message: `${hit.keyword} at line ${at.line} in ${stageLabel(later)} copies ${landing?.kind === 'context' ? landing.path : 'a file'} over the ${generated} that the RUN at line ${made.line} generated`,
            evidence: [at, made],
            captures: { file: generated, dockerfile: model.file },
            fix: null,
          });
          break;
        }
      }
    }
  }
  return findings;
}
