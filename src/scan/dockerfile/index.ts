// The Dockerfile scanner: parses every Dockerfile/Containerfile once and runs the Dockerfile checks on it; pure.

import type { ProjectFiles } from '../../project/files.js';
import type { ScanFinding } from '../../report/finding.js';
import type { Scanner } from '../model.js';
import { checkCacheMountCopies } from './checks/cache-mount.js';
import { checkChefImages } from './checks/chef-images.js';
import { checkCopyOverwrites } from './checks/copy-overwrites.js';
import { checkLibclangPath } from './checks/libclang-path.js';
import { checkManifestOrder } from './checks/manifest-order.js';
import { checkRustTargets } from './checks/rust-target.js';
import { checkRuntimeLibc } from './checks/runtime-libc.js';
import { checkSystemPackages } from './checks/system-packages.js';
import { parseDockerfile } from '../../project/dockerfile/parse.js';

/** Dockerfile, Dockerfile.build, build.Dockerfile, Containerfile. */
/** The globs that find Dockerfiles and Containerfiles (isDockerfile decides on each match). */
export const DOCKERFILE_READS = ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/Containerfile', '**/Containerfile.*'];

export function isDockerfile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  // BuildKit's per-Dockerfile ignore file (Dockerfile.dockerignore) is not a Dockerfile.
  if (/\.dockerignore$/i.test(base)) return false;
  return /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$/i.test(base) || /\.(?:Dockerfile|Containerfile)$/i.test(base);
}

export function scanDockerfiles(project: ProjectFiles, skipped: (message: string) => void = () => {}): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const [file, text] of project.files) {
    if (!isDockerfile(file)) continue;
    const model = parseDockerfile(file, text);
    if (model.skipped) {
      skipped(`${file}: ${model.skipped}`);
      continue;
    }
    findings.push(
      ...checkSystemPackages(project, model),
      ...checkCacheMountCopies(model),
      ...checkManifestOrder(project, model),
      ...checkCopyOverwrites(project, model),
      ...checkChefImages(model),
      ...checkLibclangPath(model),
      ...checkRustTargets(project, model),
      ...checkRuntimeLibc(model),
    );
  }
  return findings;
}

const scanner: Scanner = {
  id: 'dockerfile',
  reads: [...DOCKERFILE_READS, '**/Cargo.toml', '**/Cargo.lock', '**/.dockerignore', '**/docker-compose*.yml', '**/docker-compose*.yaml', '**/compose*.yml', '**/compose*.yaml', '**/docker-bake*.hcl', '.github/workflows/*.yml', '.github/workflows/*.yaml', '**/build.rs', '**/pyproject.toml', '**/rust-toolchain', '**/rust-toolchain.toml'],
  scan: scanDockerfiles,
};
export default scanner;
