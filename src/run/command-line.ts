// How a wrapped build's command is named back to the user: as one POSIX shell command line, each argument that the
// shell would split or expand put in single quotes, so `run -- sh -c 'exit 3'` is shown as typed and not as
// `sh -c exit 3`. Pure; the caller still passes the line through terminalSafe before it reaches a terminal.

import { shellQuote } from '../project/shell-quote.js';

/** The argument vector as one shell command line. */
export function commandLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
