// Turns a diagnosis of a Docker build log (c-compiler-missing, openssl-dev-missing, ... with the stage's base image)
// into the same Dockerfile install plan `buildmedic fix` makes, for `diagnose --fix` (run-fix.ts); pure.

import { COMPONENTS, type ComponentId } from '../kb/crate-needs.js';
import { factForLibrary, factForProgram } from '../kb/components.js';
import type { ProjectFiles } from '../project/files.js';
import type { ScanFinding } from '../report/finding.js';
import { locate } from '../project/text-location.js';
import { cargoRuns, compiles } from '../project/dockerfile/cargo-commands.js';
import { RULE_OF, opaqueSetup, planInstall } from '../scan/dockerfile/checks/system-packages.js';
import { componentsOfPackage, imageProfile } from '../kb/images.js';
import { isDockerfile } from '../scan/dockerfile/index.js';
import { type DockerfileModel, parseDockerfile, type RunStep, rootImage, type Stage, stageChain, stageLabel, stagePlatform } from '../project/dockerfile/parse.js';

export interface DockerDiagnosis {
  rule: string;
  title: string;
  /** The base image of the stage that failed, as the log names it (`docker.io/library/rust:1.79-slim@sha256:...`). */
  image: string | null;
  /** The diagnosis's captures: the missing program or library names the component when its rule covers several. */
  captures?: Readonly<Record<string, unknown>>;
}

/**
 * The component a diagnosis is about: the one checked component its rule covers, or, for a rule that covers several
 * (build-tool-missing: make, nasm, ninja...; native-lib-missing), the one its captured program or library names.
 */
function componentOf(diagnosis: DockerDiagnosis): ComponentId | null {
  // A cross compiler (`aarch64-linux-gnu-gcc`) is not what the component's packages (build-essential) install; the
  // diagnosis names the cross package itself.
  if (typeof diagnosis.captures?.crossTriple === 'string') return null;
  const candidates = (Object.entries(RULE_OF) as [ComponentId, string][]).filter(([, r]) => r === diagnosis.rule).map(([c]) => c);
  const sharesRule = Object.values(COMPONENTS).filter((c) => c.rule === diagnosis.rule).length > 1;
  if (!sharesRule) return candidates.length === 1 ? candidates[0] : null;
  const program = diagnosis.captures?.program;
  const library = diagnosis.captures?.library;
  const named = typeof program === 'string' ? factForProgram(program).component : typeof library === 'string' ? factForLibrary(library).component : null;
  return named && candidates.includes(named) ? named : null;
}

function sameImage(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().split('@')[0].replace(/^(?:docker\.io\/|index\.docker\.io\/)?(?:library\/)?/, '');
  return norm(a) === norm(b);
}

/**
 * Plans the install for a diagnosed missing component in the Dockerfile stage that compiles on `image` (any compiling
 * stage when the log named no image). The log proves the failing stage lacks the component, so a stage that already
 * installs it is not that stage: among the fitting stages, those that lack it are candidates. Several in one
 * Dockerfile: the last one (the build stage comes after the dependency stages). Candidates in several Dockerfiles:
 * no plan, since the log does not say which file was built. Null when no rule maps to a component or no stage fits.
 */
export function planDockerfileFromDiagnosis(project: ProjectFiles, diagnosis: DockerDiagnosis): ScanFinding | null {
  const component = componentOf(diagnosis);
  if (!component) return null;
  const fitting: Fitting[] = [];
  for (const [file, text] of project.files) {
    if (!isDockerfile(file)) continue;
    const model = parseDockerfile(file, text);
    for (const stage of model.stages) {
      const build = stage.steps.find((s): s is RunStep => s.kind === 'run' && cargoRuns(s).some((c) => compiles(c.action)));
      const root = rootImage(model, stage);
      if (!build || !root) continue;
      if (diagnosis.image && !stageChain(model, stage).some((s) => s.image !== null && sameImage(s.image, diagnosis.image!))) continue;
      const { manager } = stagePlatform(model, stage);
      if (!manager || opaqueSetup(model, stage, build)) continue;
      fitting.push({ model, stage, build, manager, ...installState(model, stage, build, manager, component, root) });
    }
  }
  const lacking = fitting.filter((f) => !f.has && f.packages.length > 0);
  const label = COMPONENTS[component].label;
  if (lacking.length === 0) {
    const pick = fitting.filter((f) => f.has).at(-1);
    if (!pick) return null;
    return { rule: diagnosis.rule, title: diagnosis.title, severity: 'error', message: `the build log shows no ${label}; ${stageLabel(pick.stage)} of ${pick.model.file} already installs it (the failing build may use another Dockerfile or stage)`, evidence: [locate(pick.model.file, pick.model.text, pick.stage.start)], captures: { component, dockerfile: pick.model.file }, fix: null };
  }
  if (new Set(lacking.map((f) => f.model.file)).size > 1) return null;
  const { model, stage, build, manager, packages, image } = lacking.at(-1)!;
  const { edit, title } = planInstall(model, stage, build, manager, packages);
  return {
    rule: diagnosis.rule,
    title: diagnosis.title,
    severity: 'error',
    message: `the build log shows no ${label} in ${stageLabel(stage)} of ${model.file} (${image})`,
    evidence: [locate(model.file, model.text, stage.start), locate(model.file, model.text, build.start)],
    captures: { component, stage: stage.name ?? String(stage.index + 1), image, packages: packages.join(' '), manager, dockerfile: model.file },
    fix: { title, safety: 'safe', edits: [edit], commands: [] },
  };
}

interface Fitting {
  model: DockerfileModel;
  stage: Stage;
  build: RunStep;
  manager: NonNullable<ReturnType<typeof stagePlatform>['manager']>;
  /** The stage has the component: its image ships it or an earlier install line adds it. */
  has: boolean;
  /** The packages of the component the stage's install lines do not have yet. */
  packages: string[];
  image: string;
}

function installState(model: DockerfileModel, stage: Stage, build: RunStep, manager: Fitting['manager'], component: ComponentId, image: string) {
  const installed = new Set(
    stageChain(model, stage).flatMap((s) => s.steps.flatMap((st) => (st.kind === 'run' && (s !== stage || st.start < build.start) ? st.installs.filter((i) => i.manager === manager).flatMap((i) => i.packages) : []))),
  );
  const shipped = imageProfile(image)?.provides.has(component) ?? false;
  const packages = (COMPONENTS[component].packages[manager] ?? []).filter((p) => !installed.has(p));
  const has = shipped || [...installed].some((p) => componentsOfPackage(manager, p).includes(component));
  return { has, packages, image };
}
