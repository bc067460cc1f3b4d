// Pure: the fix for a component that is not ok — the install command for this platform first, then the other platforms'.

import { installCommand, installCommandsFor, PACKAGE_MANAGER_OF, type PlatformId } from '../kb/platforms.js';
import { COMPONENTS, type ComponentId } from '../kb/crate-needs.js';

export interface FixCommand {
  platform: PlatformId | 'any';
  label: string;
  command: string;
}

/** One install command for every missing or unusable component the host's package manager provides (required ones only). */
export function combinedInstall(checks: readonly { component: ComponentId; status: string; required: boolean }[], host: PlatformId | null): string | null {
  const manager = host ? PACKAGE_MANAGER_OF[host] : null;
  if (!manager) return null;
  const pkgs: string[] = [];
  for (const c of checks) {
    if (!c.required || c.status === 'ok' || c.status === 'unknown') continue;
    const list = COMPONENTS[c.component].packages[manager] ?? (manager === 'yum' ? COMPONENTS[c.component].packages.dnf : undefined);
    for (const p of list ?? []) if (!pkgs.includes(p)) pkgs.push(p);
  }
  return pkgs.length > 1 ? installCommand(manager, pkgs, false) : null;
}

const ORDER: readonly PlatformId[] = ['debian', 'fedora', 'rhel', 'alpine', 'arch', 'suse', 'macos', 'nix', 'windows'];

/** Install commands for a component, the host platform's first. */
export function installCommands(component: ComponentId, host: PlatformId | null): FixCommand[] {
  const c = COMPONENTS[component];
  const out: FixCommand[] = [];
  if (c.platform?.any) out.push({ platform: 'any', label: 'any platform', command: c.platform.any });
  const order = host ? [host, ...ORDER.filter((p) => p !== host)] : ORDER;
  for (const p of order) for (const command of installCommandsFor(c, p, false)) out.push({ platform: p, ...command });
  return out;
}
