// Renders a rule's fix advice for the platform the build ran on: install commands, Dockerfile lines, steps.

import { fillTemplate, type FixSpec } from './rule.js';
import { PACKAGE_MANAGER_OF, PLATFORM_LABEL, type PackageManager, type PlatformContext, type PlatformId } from './platform.js';

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

const ALL_PLATFORMS: readonly PlatformId[] = ['debian', 'fedora', 'rhel', 'manylinux', 'alpine', 'arch', 'suse', 'macos', 'nix', 'windows'];

/** The packages for a manager; yum reuses dnf names (same package sets) when a rule gives none of its own. */
function packagesFor(spec: FixSpec, manager: PackageManager): readonly string[] | undefined {
  return spec.packages?.[manager] ?? (manager === 'yum' ? spec.packages?.dnf : undefined);
}

export function installCommand(manager: PackageManager, packages: readonly string[], inDocker: boolean): string {
  const list = packages.join(' ');
  const sudo = inDocker ? '' : 'sudo ';
  switch (manager) {
    case 'apt':
      return inDocker
        ? `apt-get update && apt-get install -y --no-install-recommends ${list} && rm -rf /var/lib/apt/lists/*`
        : `sudo apt-get update && sudo apt-get install -y ${list}`;
    case 'dnf':
      return `${sudo}dnf install -y ${list}`;
    case 'yum':
      return `${sudo}yum install -y ${list}`;
    case 'apk':
      return `${sudo}apk add --no-cache ${list}`;
    case 'pacman':
      return `${sudo}pacman -S --needed --noconfirm ${list}`;
    case 'zypper':
      return `${sudo}zypper install -y ${list}`;
    case 'brew':
      return `brew install ${list}`;
    case 'nix':
      return `nix-shell -p ${list}   # or add them to buildInputs/nativeBuildInputs of your flake's devShell or package`;
  }
}

function platformCommandKey(p: PlatformId): 'macos' | 'windows' | 'nix' | 'linux' {
  return p === 'macos' || p === 'windows' || p === 'nix' ? p : 'linux';
}

function commandsFor(spec: FixSpec, platform: PlatformId, inDocker: boolean, captures: Record<string, string>): FixCommand[] {
  const out: FixCommand[] = [];
  const manager = PACKAGE_MANAGER_OF[platform];
  const packages = manager ? packagesFor(spec, manager) : undefined;
  if (manager && packages?.length) {
    out.push({ platform, label: `${PLATFORM_LABEL[platform]} (${manager})`, command: fillTemplate(installCommand(manager, packages, inDocker), captures) });
  }
  for (const command of spec.platformCommands?.[platformCommandKey(platform)] ?? []) {
    out.push({ platform, label: PLATFORM_LABEL[platform], command: fillTemplate(command, captures) });
  }
  return out;
}

export function renderFix(spec: FixSpec, context: PlatformContext, captures: Record<string, string>): RenderedFix {
  const inDocker = context.docker !== null;
  const commands: FixCommand[] = (spec.commands ?? []).map((c) => ({ platform: 'any', label: 'any platform', command: fillTemplate(c, captures) }));
  const order = context.platform ? [context.platform, ...ALL_PLATFORMS.filter((p) => p !== context.platform)] : ALL_PLATFORMS;
  const seen = new Set<string>();
  for (const p of order) {
    for (const c of commandsFor(spec, p, inDocker && p === context.platform, captures)) {
      if (seen.has(c.command)) continue;
      seen.add(c.command);
      commands.push(c);
    }
  }
  let dockerfile: string | null = null;
  if (inDocker && context.platform) {
    const manager = PACKAGE_MANAGER_OF[context.platform];
    const packages = manager ? packagesFor(spec, manager) : undefined;
    if (manager && packages?.length) dockerfile = `RUN ${fillTemplate(installCommand(manager, packages, true), captures)}`;
  }
  return {
    summary: fillTemplate(spec.summary, captures),
    steps: (spec.steps ?? []).map((s) => fillTemplate(s, captures)),
    commands,
    dockerfile,
  };
}
