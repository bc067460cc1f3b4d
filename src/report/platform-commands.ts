// Which of a fix's install commands the text output prints: the platform's own when the platform is known, every
// platform's with --verbose. JSON always carries them all. Pure.

import type { FixCommand } from '../kb/install.js';
import type { Diagnosis } from '../diagnose/rank.js';

/**
 * How the machine's platform came to stand for the build's, when the log does not say: named with --platform, the
 * machine that ran the build (`buildmedic run`), or only the machine reading the log (`diagnose`: a guess).
 */
export type HostPlatformOrigin = 'flag' | 'build-machine' | 'guess';

/** Whether the build's platform is known (the log, --platform, the build's own machine), guessed, or unknown. */
export type PlatformCertainty = 'known' | 'guessed' | 'unknown';

export function platformCertainty(platform: Diagnosis['platform'], hostOrigin: HostPlatformOrigin): PlatformCertainty {
  if (platform.detected === null || platform.source === 'none') return 'unknown';
  if (platform.source === 'log') return 'known';
  return hostOrigin === 'guess' ? 'guessed' : 'known';
}

/** With no platform to choose by, as many as this are printed (the rest: --verbose). */
export const UNCHOSEN_LIMIT = 3;

export interface CommandSelection {
  shown: FixCommand[];
  /** How many commands --verbose would add. */
  hidden: number;
}

/**
 * The commands to print. Verbose: all. A platform (known or guessed) that has commands of its own: those first, then
 * the platform-independent ones; no other platform's. No platform, or one this fix has no command for: the first few,
 * in the order the fix ranks them (its platform first).
 */
export function selectFixCommands(commands: readonly FixCommand[], platform: Diagnosis['platform']['detected'], verbose: boolean): CommandSelection {
  if (verbose) return { shown: [...commands], hidden: 0 };
  const own = platform ? commands.filter((c) => c.platform === platform) : [];
  const shown = own.length ? [...own, ...commands.filter((c) => c.platform === 'any')] : commands.slice(0, UNCHOSEN_LIMIT);
  return { shown, hidden: commands.length - shown.length };
}
