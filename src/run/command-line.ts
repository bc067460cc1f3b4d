// How a wrapped build's command is named back to the user: as one POSIX shell command line, each argument that the
// shell would split or expand put in single quotes, so `run -- sh -c 'exit 3'` is shown as typed and not as
// `sh -c exit 3`. Pure; the caller still passes the line through terminalSafe before it reaches a terminal.

// Characters a POSIX shell reads as themselves in a bare word.
const BARE_WORD = /^[\w@%+=:,./-]+$/;

/** One argument as a shell word: bare when nothing in it is special, else single-quoted (a quote inside as '\''). */
export function shellWord(arg: string): string {
  if (BARE_WORD.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The argument vector as one shell command line. */
export function commandLine(argv: readonly string[]): string {
  return argv.map(shellWord).join(' ');
}
