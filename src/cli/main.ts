// The buildmedic command line: the only module that reads argv, writes to the terminal and exits.

import { Command, CommanderError, Option } from 'commander';
import { BuildmedicError } from '../errors.js';
import { colors, wantColor } from './colors.js';
import { describeOutputFailure, exitCodeAfterOutputFailures, guardOutput, isReaderGone } from './output-guard.js';
import { closeStdout, printAnnotations, printStderr, printJobLog, printJson, printText } from './stdout.js';
import { register as registerRun } from './commands/run.js';
import { register as registerWheel } from './commands/wheel.js';
import { register as registerDoctor } from './commands/doctor.js';
import { register as registerScan } from './commands/scan.js';
import { register as registerFix } from './commands/fix.js';
import { register as registerWheels } from './commands/wheels.js';
import { register as registerRules } from './commands/rules.js';

const VERSION = '0.1.0';
const BUG_URL = 'https://github.com/buildmedic/buildmedic/issues/new';

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

const PLATFORMS = ['debian', 'fedora', 'rhel', 'manylinux', 'alpine', 'arch', 'suse', 'macos', 'windows', 'nix'];

interface GlobalColor {
  color?: boolean;
}

function useColor(opts: GlobalColor): ReturnType<typeof colors> {
  return colors(wantColor(opts.color, process.env, Boolean(process.stdout.isTTY)));
}

function colorOptions(cmd: Command): Command {
  return cmd.option('--color', 'colour the output even when it is not a terminal').option('--no-color', 'never colour the output (NO_COLOR is honoured too)');
}

async function runDiagnose(
  log: string | undefined,
  opts: { json?: boolean; format?: string; sarif?: string; html?: string; codequality?: string; redact: boolean; platform?: string; verbose?: boolean; fix?: boolean; write?: boolean } & GlobalColor,
): Promise<number> {
  const { chooseFormat, emitReports } = await import('../report/emit-reports.js');
  // --fix prints after the text diagnosis: a CI's default format (github, gitlab) gives way to text for it.
  const format = opts.fix && opts.format === undefined && !opts.json ? 'text' : chooseFormat(opts.format, opts.json, process.env);
  if (opts.write && !opts.fix) throw new BuildmedicError('usage', '--write applies the plan of --fix; give both');
  if (opts.fix && format !== 'text') throw new BuildmedicError('usage', '--fix prints a diff after the text diagnosis; it cannot be combined with --json or --format');
  const { diagnoseFile } = await import('../diagnose/diagnose.js');
  const { detectHostPlatform } = await import('./host.js');
  if (log === undefined && process.stdin.isTTY) {
    throw new BuildmedicError('usage', 'no log given: name a log file, or pipe a build into `buildmedic diagnose`');
  }
  const { createProgress } = await import('./progress.js');
  const progress = createProgress(format === 'text' && Boolean(process.stderr.isTTY));
  let diagnosis;
  try {
    diagnosis = await diagnoseFile(log ?? null, {
      hostPlatform: (opts.platform as never) ?? detectHostPlatform(),
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
  const name = log === undefined || log === '-' ? '<stdin>' : log;
  const { primary } = await emitReports(
    diagnosis,
    { tool: 'diagnose', logName: name, logUri: name === '<stdin>' ? null : log! },
    {
      format,
      sarif: opts.sarif ?? null,
      html: opts.html ?? null,
      codequality: opts.codequality ?? null,
      projectDir: process.env.CI_PROJECT_DIR ?? process.cwd(),
      stepSummary: diagnosis.outcome === 'failed' ? (process.env.GITHUB_STEP_SUMMARY ?? null) : null,
      redact: opts.redact,
      verbose: opts.verbose,
      // A log read here may come from anywhere: this machine's platform is only a guess at the build's.
      hostPlatform: opts.platform ? 'flag' : 'guess',
      colors: useColor(opts),
    },
  );
  if (format === 'github') printAnnotations(primary);
  else if (format === 'json') printJson(primary);
  else if (format === 'gitlab') printJobLog(primary);
  else printText(primary);
  if (opts.fix && diagnosis.outcome === 'failed') {
    // The same plan `buildmedic fix` would make, for the project in the current directory.
    const { runDiagnosisFix } = await import('../fix/run-fix.js');
    const { renderDiagnosisFixText, maskFixText } = await import('../fix/render.js');
    const { cleanUpTempFilesOnSignals } = await import('./signals.js');
    const uninstall = opts.write ? cleanUpTempFilesOnSignals() : () => undefined;
    const fix = await runDiagnosisFix('.', diagnosis.findings.filter((f) => f.role !== 'consequence'), Boolean(opts.write), diagnosis.platform.docker?.image ?? null).finally(uninstall);
    const text = renderDiagnosisFixText(fix, Boolean(opts.write), useColor(opts));
    printText(opts.redact ? maskFixText(text, Boolean(opts.write), '`buildmedic diagnose --fix --write`') : text);
  }
  return diagnosis.outcome === 'failed' ? EXIT.findings : EXIT.ok;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('buildmedic')
    .description('Tells you why your native build (Rust, C, C++, Python extensions) failed, and how to fix it.')
    .version(VERSION)
    .showHelpAfterError('(buildmedic --help lists the commands)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .exitOverride();

  colorOptions(
    program
      .command('diagnose')
      .description('name the root cause of a failed build from its log (a file, a .gz file, or standard input)')
      .argument('[log]', "the build log; '-' or nothing reads standard input")
      .option('--json', 'print the diagnosis as JSON (schema: docs/diagnosis-json.md); same as --format json')
      .addOption(
        new Option('--format <format>', 'text, json, github (workflow annotations + job summary; the default under GitHub Actions), gitlab (the text in a collapsible job-log section; the default under GitLab CI) or markdown (docs/report-formats.md)').choices([
          'text',
          'json',
          'github',
          'gitlab',
          'markdown',
        ]),
      )
      .option('--sarif <file>', 'also write the diagnosis as SARIF 2.1.0 (code scanning)')
      .option('--codequality <file>', 'also write a GitLab Code Quality report (for artifacts:reports:codequality)')
      .option('--html <file>', 'also write a self-contained HTML report')
      .option('--no-redact', 'do not mask tokens, keys and credentials in the output')
      .addOption(new Option('--platform <id>', 'give fixes for this platform when the log does not say').choices(PLATFORMS))
      .option('-v, --verbose', 'show every platform\'s commands (otherwise only the build platform\'s) and the lines set aside as consequences')
      .option('--fix', 'also show the fix for the project in the current directory: the Cargo.toml edit a crate-feature-missing diagnosis calls for, the Dockerfile install a Docker build log proves missing, and what `buildmedic fix` finds for the other diagnosed rules')
      .option('--write', 'with --fix, apply the edit (atomically; nothing is written over a file changed meanwhile)')
      .addHelpText(
        'after',
        '\nExit codes: 0 no failure in the log, 1 a failure was diagnosed or reported, 2 buildmedic could not do its job.\n\nExamples:\n  cargo build 2>&1 | buildmedic diagnose\n  buildmedic diagnose --json ci-job.log.gz\n  buildmedic diagnose --format markdown --html report.html build.log\n  buildmedic diagnose --codequality gl-code-quality-report.json build.log',
      ),
  ).action(async (log: string | undefined, opts) => setExit(await runDiagnose(log, opts)));

  registerRules(program, setExit);

  // Commands with their own module register here: each module exports register(program, setExit).
  registerRun(program, setExit);
  registerWheel(program, setExit);
  registerDoctor(program, setExit);
  registerScan(program, setExit);
  registerFix(program, setExit);
  registerWheels(program, setExit);

  return program;
}

/** Commands that exit with another program's exit code, which a failed write of buildmedic's own must not change. */
const KEEPS_OWN_EXIT_CODE = new Set(['run']);

/** Runs the command line; `onCommand` learns which command was chosen before it runs. */
export async function main(argv: string[], onCommand?: (name: string) => void): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  if (onCommand) program.hook('preAction', (_program, action) => onCommand(action.name()));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse problem is a usage error.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.failure;
    }
    if (error instanceof BuildmedicError) {
      // A message can quote what it could not read: an index URL with its credentials, a command line.
      const { redactText } = await import('../report/redact.js');
      printStderr(`buildmedic: ${redactText(error.message)}\n`);
      return EXIT.failure;
    }
    process.stderr.write(`buildmedic: internal error: ${(error as Error)?.stack ?? String(error)}\nPlease report it: ${BUG_URL}\n`);
    return EXIT.failure;
  } finally {
    closeStdout();
  }
}

/** Runs the command line for this process: argv in, exit code out. dist/bin/main.js calls it. */
export function runAsProgram(): void {
  // A reader that went away (`buildmedic rules | head`) or a full disk must neither crash us nor end the work early:
  // `run` in particular must wait for its build and exit with the build's code.
  const guard = guardOutput({ stdout: process.stdout, stderr: process.stderr });
  let command = '';
  main(process.argv.slice(2), (name) => (command = name)).then(async (code) => {
    await guard.settle();
    for (const failure of guard.failures) {
      if (failure.stream === 'stdout' && !isReaderGone(failure) && !guard.failures.some((f) => f.stream === 'stderr')) {
        process.stderr.write(`${describeOutputFailure(failure)}\n`);
      }
    }
    process.exitCode = exitCodeAfterOutputFailures(code, guard.failures, KEEPS_OWN_EXIT_CODE.has(command));
  });
}
