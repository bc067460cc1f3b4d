// Check: a stage compiles crates whose build needs a compiler, pkg-config, headers, libclang, cmake, protoc or perl
// that its base image lacks and no install line before the build provides; the fix extends that stage's install line
// (or adds a RUN right after FROM) with the packages of the image's package manager; pure.

import { installCommand } from '../../../kb/install.js';
import type { PackageManager } from '../../../kb/platforms.js';
import { COMPONENTS, type ComponentId } from '../../../kb/crate-needs.js';
import type { ProjectFiles, TextEdit } from '../../../project/files.js';
import type { ScanFinding } from '../../../report/finding.js';
import { locate } from '../../../project/text-location.js';
import { cargoRuns, compiles } from '../../../project/dockerfile/cargo-commands.js';
import { componentsOfPackage, imageProfile } from '../../../kb/images.js';
import { contextDir } from '../../../project/dockerfile/context.js';
import { buildNeeds, type ComponentNeed, dockerBuild, lockForDockerfile } from '../needs.js';
import { cargoPackages } from '../../../project/cargo/packages.js';
import { type DockerfileModel, type RunStep, type Stage, rootImage, stageChain, stageLabel, stagePlatform } from '../../../project/dockerfile/parse.js';
import { commandWords, type InstallCommand } from '../../../project/dockerfile/shell.js';

// The components this check looks for in a stage; each is reported under the rule the knowledge base gives it
// (the rule diagnose names when the build fails for want of it).
const CHECKED: readonly ComponentId[] = [
  'c-compiler', 'cxx-compiler', 'pkg-config', 'openssl-dev', 'libclang', 'cmake', 'protoc', 'perl', 'make',
  'zlib-dev', 'sqlite3-dev', 'libcurl-dev', 'libpq-dev', 'mysqlclient-dev', 'alsa-dev', 'libudev-dev', 'dbus-dev',
];

/** The knowledge-base rule `diagnose` reports when the build fails for want of each checked component. */
export const RULE_OF: Partial<Record<ComponentId, string>> = Object.fromEntries(CHECKED.flatMap((c) => (COMPONENTS[c].rule ? [[c, COMPONENTS[c].rule]] : [])));

interface StageInstall {
  stage: Stage;
  run: RunStep;
  install: InstallCommand;
}

/** Install commands of `manager` in the stage chain that run before `before` (a step of `stage`), nearest last. */
function installsBefore(model: DockerfileModel, stage: Stage, before: RunStep, manager: PackageManager): StageInstall[] {
  const out: StageInstall[] = [];
  for (const s of stageChain(model, stage).reverse()) {
    for (const step of s.steps) {
      if (s === stage && step.start >= before.start) break;
      if (step.kind !== 'run') continue;
      for (const install of step.installs) if (install.manager === manager) out.push({ stage: s, run: step, install });
    }
  }
  return out;
}

// Tools that work as one program on PATH: a RUN that puts one into a bin directory (a release archive unpacked,
// `curl -o /usr/local/bin/protoc`, a symlink) installs it as surely as a package does.
const PLACED_TOOLS: readonly ComponentId[] = ['protoc', 'cmake', 'make', 'perl', 'pkg-config'];
const UNPACKERS = new Set(['unzip', 'tar', 'bsdtar', '7z']);
// A tool's release archive: "<program>-<version>-<platform>.<zip|tar.gz|tgz|tar.xz>" (protoc-27.1-linux-x86_64.zip,
// cmake-3.29.2-linux-x86_64.tar.gz), as a URL or a file name.
const RELEASE_ARCHIVE = /(?:^|\/)([a-z][\w+]*)-v?\d+(?:\.\d+)*[-_.][\w.-]*?\.(?:zip|tar\.gz|tgz|tar\.xz)$/;
// Commands whose path arguments remove or only look at a program.
const NOT_PLACING = new Set(['rm', 'which', 'command', 'test', '[', 'type', 'ls', 'stat']);

/** The tools of PLACED_TOOLS a RUN of the stage chain before `before` puts into a `bin/` directory. */
export function placedTools(model: DockerfileModel, stage: Stage, before: RunStep): Set<ComponentId> {
  const out = new Set<ComponentId>();
  for (const s of stageChain(model, stage).reverse()) {
    for (const step of s.steps) {
      if (s === stage && step.start >= before.start) break;
      if (step.kind !== 'run') continue;
      const commands = step.commands.map((c) => commandWords(c).map((w) => w.value));
      // A release archive of the tool unpacked in the same RUN (`curl -LO .../protoc-27.1-linux-x86_64.zip && unzip
      // protoc-27.1-linux-x86_64.zip -d /usr/local`, `cmake-3.29.2-linux-x86_64.tar.gz` with tar): it lands in a
      // prefix's bin/ as the release lays it out.
      const unpacks = commands.some((w) => UNPACKERS.has(w[0] ?? ''));
      for (const words of commands) {
        if (!words.length || NOT_PLACING.has(words[0])) continue;
        for (const w of words.slice(1)) {
          const m = /(?:^|\/)bin\/([\w.+-]+)$/.exec(w);
          const archive = unpacks ? RELEASE_ARCHIVE.exec(w) : null;
          const program = m?.[1] ?? archive?.[1];
          if (!program) continue;
          for (const tool of PLACED_TOOLS) if (COMPONENTS[tool].programs?.includes(program)) out.add(tool);
        }
      }
    }
  }
  return out;
}

/** Edits adding `packages` to an install command: after its last package, one per line when the list is one per line. */
function extendInstall(model: DockerfileModel, target: StageInstall, packages: string[]): TextEdit {
  const { text, eol } = model;
  const last = target.install.packageWords[target.install.packageWords.length - 1];
  const lineStart = text.lastIndexOf('\n', last.start - 1) + 1;
  const before = text.slice(lineStart, last.start);
  const cont = target.run.heredoc ? '\\' : model.escape;
  if (target.install.packageWords.length > 1 && /^[ \t]*$/.test(before)) {
    return { file: model.file, start: last.end, end: last.end, text: packages.map((p) => ` ${cont}${eol}${before}${p}`).join('') };
  }
  return { file: model.file, start: last.end, end: last.end, text: packages.map((p) => ` ${p}`).join('') };
}

/**
 * The edit that installs `packages` for a stage's build: extends the last install line of `manager` before `build`
 * (in the stage or a stage it is built FROM), else adds a RUN right after the stage's FROM installing `forNewRun`.
 */
export function planInstall(model: DockerfileModel, stage: Stage, build: RunStep, manager: PackageManager, packages: string[], forNewRun = packages): { edit: TextEdit; title: string } {
  const target = installsBefore(model, stage, build, manager).filter((i) => i.install.packageWords.length > 0).at(-1);
  if (target) return { edit: extendInstall(model, target, packages), title: `add ${packages.join(' ')} to the ${manager} install line of ${stageLabel(target.stage)}` };
  return {
    edit: { file: model.file, start: stage.end, end: stage.end, text: `${model.eol}RUN ${installCommand(manager, forNewRun, true)}` },
    title: `install ${forNewRun.join(' ')} in ${stageLabel(stage)} right after FROM`,
  };
}

// rustup's installer saved as a script (`curl https://sh.rustup.rs -o rustup.sh && sh rustup.sh -y`): it installs the
// Rust toolchain under CARGO_HOME and no system package, so it hides nothing the stage's install lines would say.
const RUSTUP_INSTALLER = /(?:^|\/)rustup(?:-init)?\.sh$/;

export function opaqueSetup(model: DockerfileModel, stage: Stage, before: RunStep): boolean {
  for (const s of stageChain(model, stage)) {
    for (const step of s.steps) {
      if (s === stage && step.start >= before.start) break;
      if (step.kind !== 'run') continue;
      if (step.installs.some((i) => i.packageWords.some((w) => /[$`]/.test(model.text.slice(w.start, w.end))))) return true;
      for (const c of step.commands) {
        const w = commandWords(c).map((x) => x.value).filter((x) => !RUSTUP_INSTALLER.test(x));
        if (/\.sh$/.test(w[0] ?? '') || (/^(?:ba|da|z)?sh$/.test(w[0] ?? '') && w.some((x) => /\.sh$/.test(x)))) return true;
      }
    }
  }
  return false;
}

export function checkSystemPackages(project: ProjectFiles, model: DockerfileModel): ScanFinding[] {
  const context = contextDir(project, model);
  if (!lockForDockerfile(project, model.file, context) && !cargoPackages(project).length) return [];
  const findings: ScanFinding[] = [];
  for (const stage of model.stages) {
    // Every compiling RUN of the stage (a `cargo chef cook`, then a `cargo build -p ...`).
    const steps = stage.steps.filter((s): s is RunStep => s.kind === 'run' && cargoRuns(s).some((c) => compiles(c.action)));
    if (!steps.length) continue;
    const image = rootImage(model, stage);
    const profile = image ? imageProfile(image) : null;
    const { manager } = stagePlatform(model, stage);
    if (!profile || !manager || !image) continue;
    const chain = stageChain(model, stage);
    const env = new Map<string, string>();
    for (const s of chain) for (const step of s.steps) if (step.kind === 'env') for (const v of step.vars) env.set(v.name, v.value || '1');
    // A package, target or manifest from a variable (`-p $APP`): what is built is not known. (Features from a variable
    // are left out: the needs of the known ones stand.)
    if (steps.some((step) => cargoRuns(step).some((run) => compiles(run.action) && run.selection.opaque))) continue;
    // Each command's needs against what the stage has installed before its RUN; a component counts once, at the
    // first RUN that lacks it.
    const byComponent = new Map<ComponentId, { need: ComponentNeed; step: RunStep; installs: StageInstall[]; installed: Set<string> }>();
    for (const step of steps) {
      // Packages from a variable or a script (`apt-get install -y $PKGS`, `RUN ./install-deps.sh`) cannot be known:
      // say nothing rather than guess.
      if (opaqueSetup(model, stage, step)) break;
      const installs = installsBefore(model, stage, step, manager);
      const installed = new Set(installs.flatMap((i) => i.install.packages));
      const have = new Set<ComponentId>(profile.provides);
      for (const p of installed) for (const c of componentsOfPackage(manager, p)) have.add(c);
      for (const c of placedTools(model, stage, step)) have.add(c);
      for (const run of cargoRuns(step).filter((c) => compiles(c.action))) {
        const what = dockerBuild(project, model, stage, step, run, context);
        if (!what) continue;
        for (const n of buildNeeds(project, what, env)) {
          if (!RULE_OF[n.component] || have.has(n.component)) continue;
          const known = byComponent.get(n.component);
          if (!known || (known.need.unverified && !n.unverified)) byComponent.set(n.component, { need: n, step, installs, installed });
        }
      }
    }
    const needs = [...byComponent.values()];
    // One RUN installs what the verified needs of the same RUN ask for; a held-back need gets its own packages only.
    for (const { need, step: build, installs, installed } of needs) {
      const rule = RULE_OF[need.component] as string;
      const packages = (COMPONENTS[need.component].packages[manager] ?? []).filter((p) => !installed.has(p));
      const from = locate(model.file, model.text, stage.start);
      const label = COMPONENTS[need.component].label;
      // One RUN for everything the stage lacks (not one per component): the first applied fix settles the others.
      const missing = needs.filter((n) => !n.need.unverified && n.step === build).map((n) => n.need.component);
      const all = need.unverified ? packages : [...new Set(missing.flatMap((c) => COMPONENTS[c].packages[manager] ?? []))].filter((p) => !installed.has(p));
      const planned = packages.length ? planInstall(model, stage, build, manager, packages, all) : null;
      const edit = planned?.edit ?? null;
      const title = planned?.title ?? '';
      findings.push({
        rule,
        title: `${label} missing in a Docker build stage`,
        severity: 'error',
        message: `${stageLabel(stage)} (${image}, ${profile.label}) builds ${need.why}, but has no ${label}${installs.length ? ` (its ${manager} install lines do not add it)` : ''}`,
        evidence: [from, locate(model.file, model.text, build.start), need.at],
        captures: { component: need.component, stage: stage.name ?? String(stage.index + 1), image, packages: packages.join(' '), manager, dockerfile: model.file },
        fix: edit ? { title, safety: 'safe', edits: [edit], commands: [] } : null,
        ...(need.unverified ? { unverified: need.unverified } : {}),
      });
    }
  }
  return findings;
}
