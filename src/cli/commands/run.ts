// `buildmedic run -- CMD [ARGS...]`: runs a build unchanged, and diagnoses it when it fails.

import { type Command, Option } from 'commander';
import { BuildmedicError } from '../../errors.js';
import { colors, wantColor } from '../colors.js';

const PLATFORMS = ['debian', 'fedora', 'rhel', 'manylinux', 'alpine', 'arch', 'suse', 'macos', 'windows', 'nix'];

interface RunOptions {
  shell?: boolean;
  log?: string;
  format?: string;
  sarif?: string;
  html?: string;
  codequality?: string;
  redact: boolean;
  platform?: string;
  verbose?: boolean;
  color?: boolean;
}

/** Exit codes a shell gives for a command it cannot find or cannot execute. */
const SPAWN_EXIT: Record<string, number> = { 'command-not-found': 127, 'command-not-executable': 126 };

export async function runCommand(argv: string[], opts: RunOptions): Promise<number> {
  const { runBuild } = await import('../../run/run-build.js');
  const { chooseFormat, emitReports, toolVersion } = await import('../../report/emit-reports.js');
  const { detectHostPlatform } = await import('../host.js');
  const [command, ...args] = opts.shell ? [argv.join(' ')] : argv;
  const format = chooseFormat(opts.format, false, process.env);
  let result;
  try {
    result = await runBuild({
      command,
      args,
      shell: opts.shell,
      logFile: opts.log ?? null,
      hostPlatform: (opts.platform as never) ?? detectHostPlatform(),
      // A terminal's Ctrl-C reaches the whole foreground group: the build gets it directly and may read the terminal.
      ownProcessGroup: !process.stdin.isTTY,
    });
  } catch (error) {
    if (error instanceof BuildmedicError && error.code in SPAWN_EXIT) {
      const { printStderr } = await import('../stdout.js');
      printStderr(`buildmedic: ${error.message}\n`);
      return SPAWN_EXIT[error.code];
    }
    throw error;
  }
  const failed = result.exitCode !== 0;
  const { redactText } = await import('../../report/redact.js');
  const { commandLine } = await import('../../run/command-line.js');
  const typed = opts.shell ? command : commandLine(argv);
  const shown = opts.redact ? redactText(typed) : typed;
  const emitted = await emitReports(
    result.diagnosis,
    {
      tool: 'run',
      logName: opts.log ?? `output of \`${shown}\``,
      logUri: opts.log ?? null,
      environment: [
        { label: 'Command', value: shown },
        { label: 'Exit code', value: result.signal ? `${result.exitCode} (${result.signal})` : String(result.exitCode) },
        { label: 'buildmedic', value: toolVersion() },
      ],
    },
    {
      format,
      sarif: opts.sarif ?? null,
      html: opts.html ?? null,
      codequality: opts.codequality ?? null,
      projectDir: process.env.CI_PROJECT_DIR ?? process.cwd(),
      sectionHeader: `buildmedic (\`${shown}\` ${result.signal ? `ended by ${result.signal}` : `exited with code ${result.exitCode}`})`,
      stepSummary: failed || opts.verbose ? (process.env.GITHUB_STEP_SUMMARY ?? null) : null,
      redact: opts.redact,
      verbose: opts.verbose,
      // The build ran here: this machine's platform is the build's (unless the log shows a container).
      hostPlatform: opts.platform ? 'flag' : 'build-machine',
      colors: colors(wantColor(opts.color, process.env, Boolean(process.stderr.isTTY))),
    },
  );
  if (failed || opts.verbose) {
    const c = colors(wantColor(opts.color, process.env, Boolean(process.stderr.isTTY)));
    // After the build's output on the same stream: on a line of its own, and (under GitHub Actions) fenced from
    // workflow commands, or for annotations, with commands turned back on if the build left them stopped.
    const { annotationsAfterBuild, fenceFor } = await import('../stdout.js');
    const { jobLogSafe, jsonTerminalSafe, terminalSafe } = await import('../../report/terminal-safe.js');
    const { renderText } = await import('../../report/text.js');
    const stderr = fenceFor(process.env, result.output.stderr);
    let out = '';
    // The command line is the user's, but an argument may hold escapes (a title, a screen clear) like any log text.
    if (format === 'text') out += stderr.text(`\n${c.dim(terminalSafe(`buildmedic: \`${shown}\` exited with ${result.signal ?? `code ${result.exitCode}`} after ${(result.durationMs / 1000).toFixed(1)} s.`))}\n`);
    if (format === 'github') out += annotationsAfterBuild(stderr, terminalSafe(emitted.primary), () => terminalSafe(renderText(emitted.diagnosis, c, { verbose: opts.verbose, hostPlatform: opts.platform ? 'flag' : 'build-machine' })));
    else out += format === 'json' ? stderr.json(jsonTerminalSafe(emitted.primary)) : stderr.text(format === 'gitlab' ? jobLogSafe(emitted.primary) : terminalSafe(emitted.primary));
    process.stderr.write(out + stderr.close());
  }
  return result.exitCode;
}

export function register(program: Command, setExit: (code: number) => void): void {
  // Lets `buildmedic run cargo build --locked` pass --locked to cargo instead of reading it as our option.
  program.enablePositionalOptions();
  program
    .command('run')
    .description('run a build command unchanged (output passed through live) and, when it fails, name the root cause on stderr')
    .usage('[options] -- <command> [args...]')
    .argument('<command...>', 'the build command and its arguments')
    .passThroughOptions()
    .option('--shell', 'run the command through the shell (/bin/sh -c), for pipes, && and variables; the arguments are joined with spaces')
    .option('--log <file>', 'keep the full output in this file (gzipped when it ends in .gz)')
    .addOption(
      new Option('--format <format>', 'how to print the diagnosis on failure (default: github under GitHub Actions, gitlab under GitLab CI, else text)').choices(['text', 'json', 'github', 'gitlab', 'markdown']),
    )
    .option('--sarif <file>', 'also write the diagnosis as SARIF 2.1.0 (code scanning)')
    .option('--codequality <file>', 'also write a GitLab Code Quality report (for artifacts:reports:codequality; with --log, its issues point at that file)')
    .option('--html <file>', 'also write a self-contained HTML report')
    .option('--no-redact', 'do not mask tokens, keys and credentials in the reports')
    .addOption(new Option('--platform <id>', 'give fixes for this platform when the log does not say').choices(PLATFORMS))
    .option('-v, --verbose', 'report on success too, with every platform\'s commands')
    .option('--color', 'colour the diagnosis even when stderr is not a terminal')
    .option('--no-color', 'never colour the diagnosis (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      `
The command's standard output and error pass through unchanged; the diagnosis goes to standard error after them.
Standard input is passed through. SIGINT, SIGTERM and SIGHUP are forwarded to the command's process group.
Under GitHub Actions (GITHUB_ACTIONS=true) the diagnosis is printed as annotations and, when
GITHUB_STEP_SUMMARY is set, appended to the job summary as Markdown. Under GitLab CI (GITLAB_CI=true) it is
printed in a collapsible job-log section. Reports mask secrets unless --no-redact.

Exit codes: the command's own exit code (128+N when signal N ended it); 127 when the command is not found,
126 when it cannot be executed; 2 when buildmedic itself could not do its job (bad usage, unwritable --log).
A reader of stdout that goes away (| head) or a full disk never changes the command's exit code: the build runs on
and is diagnosed on stderr.

Examples:
  buildmedic run -- cargo build --locked
  buildmedic run --log build.log.gz --html report.html -- pip wheel .
  buildmedic run --shell -- 'cmake -B build && cmake --build build'`,
    )
    .action(async (argv: string[], opts: RunOptions) => setExit(await runCommand(argv, opts)));
}
