// GitHub Actions workflow commands as the runner reads them from a step's output, so that buildmedic can keep the
// lines it quotes from being run as commands, and keep its own annotations working after a build's output. Pure.
//
// The runner (actions/runner, ActionCommandManager and ActionCommand) splits the output into lines at CR, LF or
// CRLF and takes a line as a command when, after leading whitespace, it starts `::name props::data`, or when it
// holds `##[name props]data` anywhere. `name` must be a registered command, in any case. `::stop-commands::TOKEN`
// turns all commands off until a line whose command name is TOKEN (`::TOKEN::` or `##[TOKEN]`); stops do not nest:
// while stopped, a second stop-commands is ignored. An empty token, `pause-logging` or a command's name is refused.

/** The runner's registered commands (the stop token joins them while commands are stopped). */
const RUNNER_COMMANDS = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
]);

const STOP = 'stop-commands';

export interface WorkflowCommand {
  command: string;
  data: string;
}

// The runner trims with .NET's String.TrimStart(), whose white space is Unicode's: JavaScript's \s plus U+0085 (NEL).
const RUNNER_LEADING_SPACE = /^[\s\u0085]+/;

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeLegacy = (s: string) => s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%');

/** The command a line carries, as the runner parses it (`::` form first, then `##[`), or null. */
export function parseWorkflowCommand(line: string, isRegistered: (name: string) => boolean): WorkflowCommand | null {
  const trimmed = line.replace(RUNNER_LEADING_SPACE, '');
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const space = info.indexOf(' ');
      const name = space < 0 ? info : info.slice(0, space);
      if (name !== '' && isRegistered(name)) return { command: name, data: unescapeData(trimmed.slice(end + 2)) };
    }
  }
  const at = line.indexOf('##[');
  if (at < 0) return null;
  const close = line.indexOf(']', at);
  if (close < 0) return null;
  const info = line.slice(at + 3, close);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  return name !== '' && isRegistered(name) ? { command: name, data: unescapeLegacy(line.slice(close + 1)) } : null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function validStopToken(token: string): boolean {
  return token !== '' && !RUNNER_COMMANDS.has(token.toLowerCase()) && !same(token, 'pause-logging');
}

/** Whether a text may hold a line the runner would parse as a command: `##[` anywhere, `::` after leading space. */
export function mayHoldWorkflowCommand(text: string): boolean {
  return text.includes('##[') || /^[\s\u0085]*::/m.test(text);
}

/** Follows the runner's stop/resume state over the lines of a step's output. */
export class WorkflowCommandState {
  /** The token commands are stopped with, or null while they run. */
  stoppedBy: string | null = null;

  observe(line: string): void {
    const stopped = this.stoppedBy;
    const cmd = parseWorkflowCommand(line, (name) => RUNNER_COMMANDS.has(name.toLowerCase()) || (stopped !== null && same(name, stopped)));
    if (cmd === null) return;
    if (stopped !== null) {
      if (same(cmd.command, stopped)) this.stoppedBy = null;
    } else if (same(cmd.command, STOP) && validStopToken(cmd.data)) {
      this.stoppedBy = cmd.data;
    }
  }
}

/** A line that resumes commands stopped with `token`, or null when none can (a token with a space or a line break). */
export function resumeLine(token: string): string | null {
  for (const line of [`::${token}::`, `##[${token}]`]) {
    if (/[\r\n]/.test(line)) continue;
    const cmd = parseWorkflowCommand(line, (name) => same(name, token));
    if (cmd !== null && same(cmd.command, token)) return line;
  }
  return null;
}

/**
 * JSON with no `##[` left in it: `#` is written `\u0023` inside strings, which every JSON reader decodes back. A JSON
 * line never starts with `::` (a value or key starts with a quote), so the text stays valid JSON and inert.
 */
export function neutralizeJsonCommands(json: string): string {
  return json.replaceAll('##[', '#\\u0023[');
}

/** What a stream already carries when buildmedic starts writing to it (after a build's output, for `run`). */
export interface StreamSoFar {
  /** Whether the last byte ended a line: else the first write would be glued onto the build's last line. */
  atLineStart: boolean;
  /** The token of a stop-commands the build left in force. */
  stoppedBy: string | null;
}

/**
 * Prepares what buildmedic prints on one stream of a step. Under GitHub Actions the first text that could hold a
 * command opens `::stop-commands::TOKEN`, and `close()` (or annotations, which must work) resumes with `::TOKEN::`.
 * Anywhere, output starts on a line of its own. Returns the text to print; prints nothing.
 */
export class WorkflowCommandFence {
  private open = false;
  private tail = '';
  private atLineStart: boolean;
  private buildStop: string | null;

  /**
   * @param underActions whether the runner reads this stream (GITHUB_ACTIONS=true); else text passes unchanged
   * @param token unguessable (a text that guessed it could resume commands inside the fence)
   */
  constructor(
    private readonly underActions: boolean,
    private readonly token: string,
    soFar: StreamSoFar = { atLineStart: true, stoppedBy: null },
  ) {
    this.atLineStart = soFar.atLineStart;
    this.buildStop = underActions ? soFar.stoppedBy : null;
  }

  /** Text that quotes input (a log, a project's files). */
  text(s: string): string {
    if (s === '') return '';
    let out = this.newLine();
    if (this.underActions && !this.open && mayHoldWorkflowCommand(this.tail + s)) {
      out += `::${STOP}::${this.token}\n`;
      this.open = true;
    }
    return out + this.emit(s);
  }

  json(s: string): string {
    if (s === '') return '';
    return this.newLine() + this.emit(this.underActions ? neutralizeJsonCommands(s) : s);
  }

  /** buildmedic's own workflow commands; null when a stop the build left in force cannot be lifted. */
  annotations(s: string): string | null {
    let out = this.close();
    if (this.buildStop !== null) {
      const resume = resumeLine(this.buildStop);
      if (resume === null) return null;
      out += `${this.newLine()}${resume}\n`;
      this.buildStop = null;
    }
    return out + this.newLine() + this.emit(s);
  }

  close(): string {
    if (!this.open) return '';
    this.open = false;
    return `${this.newLine()}::${this.token}::\n`;
  }

  private newLine(): string {
    if (this.atLineStart) return '';
    this.atLineStart = true;
    return '\n';
  }

  private emit(s: string): string {
    if (s !== '') {
      this.atLineStart = s.endsWith('\n');
      this.tail = s.slice(-2);
    }
    return s;
  }
}
