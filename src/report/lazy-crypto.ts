// node:crypto, loaded on its first use instead of at start-up: the renderers and the stdout fence that need it are in
// every command's module graph, but only a Code Quality report or a run under GitHub Actions calls it, and loading
// it cost every start of the command line about 2 ms.

import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | null = null;

export function lazyCrypto(): typeof import('node:crypto') {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto;
}
