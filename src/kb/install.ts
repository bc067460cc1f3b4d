// Renders a rule's fix advice for the platform the build ran on: install commands, Dockerfile lines, steps.
// Install commands come from the kb's component table (the same lines doctor prints) when the rule names components,
// or from what its refine found out about the missing entity.

import { COMPONENTS } from './components.js';
import { ALL_PLATFORMS, installCommand, installCommandsFor, mergeInstallFacts, PACKAGE_MANAGER_OF, PLATFORM_LABEL, type InstallFacts, type PlatformId } from './platforms.js';
import { fillTemplate, type BuildTool, type FixSpec, type ToolCommand, type ToolStep } from './rule.js';
import type { PlatformContext } from './platforms.js';

export { installCommand };

export interface FixCommand {
  platform: PlatformId | 'any';
  label: string;
  command: string;
}

export interface RenderedFix {
  summary: string;
  steps: string[];
  /** Commands for the detected platform first, then the others. */
  commands: FixCommand[];
  /** The line to add to the Dockerfile stage that failed, when the build ran in Docker. */
  dockerfile: string | null;
}

/** What the fix installs: the refine's finding about the entity, else the rule's components, else its own package list. */
function installFactsOf(spec: FixSpec, found: InstallFacts | undefined): InstallFacts | null {
  if (found) return found;
  if (spec.components?.length) return mergeInstallFacts(spec.components.map((id) => COMPONENTS[id]));
  return null;
}

function platformCommandKey(p: PlatformId): 'macos' | 'windows' | 'nix' | 'linux' {
  return p === 'macos' || p === 'windows' || p === 'nix' ? p : 'linux';
}

/** The packages for a manager; yum reuses dnf names (same package sets) when a rule gives none of its own. */
function packagesFor(spec: FixSpec, platform: PlatformId): readonly string[] | undefined {
  const manager = PACKAGE_MANAGER_OF[platform];
  if (!manager) return undefined;
  return spec.packages?.[manager] ?? (manager === 'yum' ? spec.packages?.dnf : undefined);
}

function commandsFor(spec: FixSpec, facts: InstallFacts | null, platform: PlatformId, inDocker: boolean, captures: Record<string, string>): FixCommand[] {
  const out: FixCommand[] = [];
  if (facts) {
    for (const c of installCommandsFor(facts, platform, inDocker)) out.push({ platform, label: c.label, command: c.command });
  } else {
    const manager = PACKAGE_MANAGER_OF[platform];
    const packages = packagesFor(spec, platform);
    if (manager && packages?.length) out.push({ platform, label: `${PLATFORM_LABEL[platform]} (${manager})`, command: fillTemplate(installCommand(manager, packages, inDocker), captures) });
  }
  for (const command of spec.platformCommands?.[platformCommandKey(platform)] ?? []) {
    out.push({ platform, label: PLATFORM_LABEL[platform], command: fillTemplate(command, captures) });
  }
  return out;
}

// The tools a pasted fragment that names none may have come from (and Docker, which may run any of them). Go,
// RubyGems, R and Cabal frame their builds in lines of their own (`# pkg`, mkmf, `* installing *source* package`,
// "Missing dependency on a foreign library"), so a fragment without those is not theirs, and their advice would only
// bury the rest.
const UNNAMED_FRAGMENT_TOOLS: ReadonlySet<BuildTool> = new Set(['cargo', 'pip', 'node-gyp', 'cmake', 'meson', 'make', 'docker']);

/**
 * A rule's commands or steps for the tools the log shows: untagged ones always, tagged ones for a tool that ran; when
 * the log shows no tool that builds (a pasted fragment, or only the Docker build around it), those of every tool such
 * a fragment may come from, since any of them may be the one that ran.
 */
export function forTools(items: readonly (string | ToolCommand | ToolStep)[], tools: ReadonlySet<BuildTool>): string[] {
  const builderKnown = [...tools].some((t) => t !== 'docker');
  const candidates = builderKnown ? tools : UNNAMED_FRAGMENT_TOOLS;
  const applies = (c: ToolCommand | ToolStep) => (typeof c.tool === 'string' ? [c.tool] : c.tool).some((t) => candidates.has(t));
  const textOf = (c: ToolCommand | ToolStep) => ('command' in c ? c.command : c.step);
  return items.flatMap((c) => (typeof c === 'string' ? [c] : applies(c) ? [textOf(c)] : []));
}

export function renderFix(spec: FixSpec, context: PlatformContext, captures: Record<string, string>, found?: InstallFacts, tools: ReadonlySet<BuildTool> = new Set()): RenderedFix {
  const inDocker = context.docker !== null;
  const facts = installFactsOf(spec, found);
  const commands: FixCommand[] = [];
  if (facts?.platform?.any) commands.push({ platform: 'any', label: 'any platform', command: facts.platform.any });
  // A command or step whose template fills to nothing (a rule's `{{_step2|}}` for a case with one step) is left out.
  for (const c of forTools(spec.commands ?? [], tools)) {
    const command = fillTemplate(c, captures);
    if (command !== '') commands.push({ platform: 'any', label: 'any platform', command });
  }
  const order = context.platform ? [context.platform, ...ALL_PLATFORMS.filter((p) => p !== context.platform)] : ALL_PLATFORMS;
  const seen = new Set<string>();
  for (const p of order) {
    for (const c of commandsFor(spec, facts, p, inDocker && p === context.platform, captures)) {
      if (seen.has(c.command)) continue;
      seen.add(c.command);
      commands.push(c);
    }
  }
  let dockerfile: string | null = null;
  if (inDocker && context.platform) {
    const manager = PACKAGE_MANAGER_OF[context.platform];
    const packages = facts ? (manager ? (facts.packages[manager] ?? (manager === 'yum' ? facts.packages.dnf : undefined)) : undefined) : packagesFor(spec, context.platform);
    if (manager && packages?.length) dockerfile = `RUN ${fillTemplate(installCommand(manager, packages, true), captures)}`;
  }
  return {
    summary: fillTemplate(spec.summary, captures),
    steps: forTools(spec.steps ?? [], tools).map((s) => fillTemplate(s, captures)).filter((s) => s !== ''),
    commands,
    dockerfile,
  };
}
