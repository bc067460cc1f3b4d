// Pure: the fix for a component that is not ok — the install command for this platform first, then the other platforms'.

import { installCommand } from '../core/fix.js';
import { PACKAGE_MANAGER_OF, PLATFORM_LABEL, type PlatformId } from '../core/platform.js';
import { COMPONENTS, type ComponentId } from '../knowledge/crate-needs.js';

export interface FixCommand {
  platform: PlatformId | 'any';
  label: string;
  command: string;
}

const ORDER: readonly PlatformId[] = ['debian', 'fedora', 'rhel', 'alpine', 'arch', 'suse', 'macos', 'nix', 'windows'];

/** Install commands for a component, the host platform's first. */
export function installCommands(component: ComponentId, host: PlatformId | null): FixCommand[] {
  const c = COMPONENTS[component];
  const out: FixCommand[] = [];
  if (c.platform?.any) out.push({ platform: 'any', label: 'any platform', command: c.platform.any });
  const order = host ? [host, ...ORDER.filter((p) => p !== host)] : ORDER;
  for (const p of order) {
    const extra = p === 'macos' ? c.platform?.macos : p === 'windows' ? c.platform?.windows : undefined;
    if (extra) out.push({ platform: p, label: PLATFORM_LABEL[p], command: extra });
    const manager = PACKAGE_MANAGER_OF[p];
    const pkgs = manager ? (c.packages[manager] ?? (manager === 'yum' ? c.packages.dnf : undefined)) : undefined;
    if (manager && pkgs?.length && !(p === 'macos' && extra)) out.push({ platform: p, label: `${PLATFORM_LABEL[p]} (${manager})`, command: installCommand(manager, pkgs, false) });
  }
  return out;
}
