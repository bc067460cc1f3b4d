// Which platform buildmedic itself runs on: the fallback for fix commands when a log does not say.

import { readFileSync } from 'node:fs';
import type { PlatformId } from '../kb/platforms.js';

/** Maps /etc/os-release's ID and ID_LIKE to a platform. Pure. */
export function platformFromOsRelease(text: string): PlatformId | null {
  const field = (name: string) => new RegExp(`^${name}="?([^"\\n]*)"?`, 'm').exec(text)?.[1]?.toLowerCase() ?? '';
  const ids = `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/).filter(Boolean);
  const known: [string, PlatformId][] = [
    ['nixos', 'nix'],
    ['alpine', 'alpine'],
    ['debian', 'debian'],
    ['ubuntu', 'debian'],
    ['fedora', 'fedora'],
    ['rhel', 'rhel'],
    ['centos', 'rhel'],
    ['arch', 'arch'],
    ['suse', 'suse'],
    ['opensuse', 'suse'],
  ];
  for (const id of ids) for (const [name, platform] of known) if (id === name) return platform;
  return null;
}

export function detectHostPlatform(): PlatformId | null {
  if (process.platform === 'darwin') return 'macos';
  if (process.platform === 'win32') return 'windows';
  try {
    return platformFromOsRelease(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return null;
  }
}
