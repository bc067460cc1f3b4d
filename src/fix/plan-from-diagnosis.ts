// Turns a diagnosis finding whose fix is a file edit (crate-feature-missing: crate + features) into a fix plan for a
// project, so `diagnose --fix` and `fix` share one plan shape; pure.

import type { PublicCaptureValue } from '../kb/rule.js';
import { BuildmedicError } from '../errors.js';
import { isCargoCrateName } from '../kb/cargo-names.js';
import { planAddFeatures } from '../scan/cargo/add-features.js';
import { cargoPackages } from '../project/cargo/packages.js';
import type { ProjectFiles, TextEdit } from '../project/files.js';
import type { ScanFinding } from '../report/finding.js';
import { locate } from '../project/text-location.js';

export interface DiagnosedFinding {
  rule: string;
  title: string;
  /** As `diagnose --json` prints them: crate-feature-missing gives `crate` (string) and `features` (string[]). */
  captures: Record<string, PublicCaptureValue>;
}

/** The rules whose diagnosis this module can turn into an edit. */
export const EDITABLE_RULES = ['crate-feature-missing'] as const;

/**
 * Plans the Cargo.toml edit for a crate-feature-missing diagnosis: in `[workspace.dependencies]` when the crate is
 * declared there (members inherit it), else in every package that depends on the crate directly. A crate or feature
 * name that Cargo would not accept is refused (BuildmedicError 'fix-refused').
 */
export function planFromDiagnosis(project: ProjectFiles, finding: DiagnosedFinding): ScanFinding | null {
  if (finding.rule !== 'crate-feature-missing') return null;
  const { crate, features } = finding.captures;
  if (typeof crate !== 'string' || !crate || !Array.isArray(features) || features.length === 0) return null;
  // The names come from a log, which anyone can write: only Cargo's own name grammar gets near the TOML.
  if (!isCargoCrateName(crate)) throw new BuildmedicError('fix-refused', `\`${crate}\` is not a valid Cargo package name; Cargo.toml not edited`);
  const packages = cargoPackages(project);
  const edits: TextEdit[] = [];
  const files: string[] = [];
  const root = packages.find((p) => p.manifest.workspace?.dependencies.some((d) => d.name === crate));
  if (root) {
    const dep = root.manifest.workspace!.dependencies.find((d) => d.name === crate)!;
    const e = planAddFeatures(root.text, root.file, dep.key, features, [['workspace', 'dependencies']]);
    if (e) {
      edits.push(...e);
      files.push(root.file);
    }
  } else {
    for (const pkg of packages) {
      const dep = pkg.manifest.dependencies.find((d) => d.name === crate && d.kind === 'normal') ?? pkg.manifest.dependencies.find((d) => d.name === crate);
      if (!dep) continue;
      const kind = dep.kind === 'normal' ? 'dependencies' : dep.kind === 'dev' ? 'dev-dependencies' : 'build-dependencies';
      const e = planAddFeatures(pkg.text, pkg.file, dep.key, features, [dep.target ? ['target', dep.target, kind] : [kind]]);
      if (e) {
        edits.push(...e);
        files.push(pkg.file);
      }
    }
  }
  if (files.length === 0) return null;
  const names = features.map((f) => `\`${f}\``).join(', ');
  const first = project.files.get(files[0]) ?? '';
  return {
    rule: finding.rule,
    title: finding.title,
    severity: 'error',
    message: `the build log shows ${crate}'s ${names} feature is needed; ${files.join(', ')} ${edits.length ? 'does not enable it' : 'already enables it'}`,
    evidence: [locate(files[0], first, Math.max(0, first.indexOf(crate)))],
    captures: { crate, feature: features.join('`, `') },
    fix: edits.length ? { title: `enable ${crate}'s ${names} in ${files.join(', ')}`, safety: 'safe', edits, commands: [] } : null,
  };
}
