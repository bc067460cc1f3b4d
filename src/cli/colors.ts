// Decides whether to colour output: --color/--no-color, then NO_COLOR / FORCE_COLOR, then whether stdout is a TTY.

import pc from 'picocolors';
import type { Colors } from 'picocolors/types.js';

export function wantColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}
