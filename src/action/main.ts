// Entry point of the GitHub Action (action.yml): runs the build through `buildmedic run` or diagnoses a log, annotates, summarises, sets outputs.

import { existsSync, realpathSync, statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnosis } from '../diagnose/rank.js';
import { diagnoseFile } from '../diagnose/diagnose.js';
import { detectHostPlatform } from '../cli/host.js';
import { BuildmedicError } from '../errors.js';
import { colors } from '../cli/colors.js';
import { annotationsAfterBuild, fenceFor } from '../cli/stdout.js';
import { renderText } from '../report/text.js';
import type { StreamSoFar } from '../report/workflow-commands.js';
import { escapeData } from '../report/github.js';
import { redactText } from '../report/redact.js';
import { emitReports, toolVersion } from '../report/emit-reports.js';
import { runBuild } from '../run/run-build.js';

/** An input as the runner passes it: INPUT_<NAME> with the name upper-cased and spaces turned into '_'. */
export function readInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The multi-line form of $GITHUB_OUTPUT, safe for any value. Pure. */
export function formatOutputs(outputs: Record<string, string>, delimiter: string): string {
  return Object.entries(outputs)
    .map(([k, v]) => `${k}<<${delimiter}\n${v}\n${delimiter}\n`)
    .join('');
}

export interface ActionResult {
  exitCode: number;
  outputs: Record<string, string>;
}

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<ActionResult> {
  const run = readInput(env, 'run');
  const log = readInput(env, 'log');
  const sarif = readInput(env, 'sarif') || null;
  const html = readInput(env, 'html') || null;
  const cwd = resolve(readInput(env, 'working-directory') || '.');
  const platform = readInput(env, 'platform') || null;
  const redact = readInput(env, 'redact').toLowerCase() !== 'false';
  if ((run === '') === (log === '')) throw new BuildmedicError('usage', 'give exactly one of the inputs `run` (a command to run) or `log` (a log file to diagnose)');

  const hostPlatform = (platform as never) ?? detectHostPlatform();
  let diagnosis: Diagnosis;
  let exitCode: number;
  let environment: { label: string; value: string }[];
  let logName: string;
  let logUri: string | null;
  let stdoutSoFar: StreamSoFar | undefined;
  if (run) {
    // Run it as a `shell: bash` step runs (bash --noprofile --norc -eo pipefail), so a multi-line command stops
    // at its first failure as it would there; sh -c where there is no bash, cmd.exe on Windows.
    const bash = process.platform !== 'win32' && existsSync('/bin/bash');
    const result = await runBuild({
      command: bash ? '/bin/bash' : run,
      args: bash ? ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run] : [],
      shell: !bash,
      cwd,
      env,
      hostPlatform,
      ownProcessGroup: true,
      logFile: null,
    });
    diagnosis = result.diagnosis;
    exitCode = result.exitCode;
    stdoutSoFar = result.output.stdout;
    logName = `output of \`${run}\``;
    logUri = null;
    environment = [
      { label: 'Command', value: run },
      { label: 'Exit code', value: result.signal ? `${result.exitCode} (${result.signal})` : String(result.exitCode) },
    ];
  } else {
    const path = resolve(cwd, log);
    // The log input names a file the build left; a FIFO or device there would block the job until it times out.
    const kind = statSync(path, { throwIfNoEntry: false });
    if (kind && !kind.isFile() && !kind.isDirectory()) throw new BuildmedicError('input-unreadable', `${log}: not a regular file (a FIFO, socket or device); the log input must name a log file`);
    diagnosis = await diagnoseFile(path, { hostPlatform });
    exitCode = diagnosis.outcome === 'failed' ? 1 : 0;
    logName = log;
    logUri = log;
    environment = [];
  }
  environment.push({ label: 'Runner', value: [env.RUNNER_OS, env.RUNNER_ARCH, env.ImageOS].filter(Boolean).join(' ') || 'unknown' });
  environment.push({ label: 'buildmedic', value: toolVersion() });

  const emitted = await emitReports(
    diagnosis,
    { tool: run ? 'run' : 'diagnose', logName, logUri, environment },
    {
      format: 'github',
      sarif: sarif && resolve(cwd, sarif),
      html: html && resolve(cwd, html),
      stepSummary: env.GITHUB_STEP_SUMMARY || null,
      redact,
      colors: colors(false),
    },
  );
  // After the build's output on stdout: on a line of its own, with commands turned back on if the build stopped them.
  const stdout = fenceFor(env, stdoutSoFar);
  process.stdout.write(annotationsAfterBuild(stdout, emitted.primary, () => renderText(emitted.diagnosis, colors(false))) + stdout.close());
  const outputs = {
    'root-cause': emitted.diagnosis.rootCause ?? '',
    outcome: emitted.diagnosis.outcome,
    'exit-code': String(exitCode),
    summary: emitted.diagnosis.summary,
  };
  if (env.GITHUB_OUTPUT) await appendFile(env.GITHUB_OUTPUT, formatOutputs(outputs, `buildmedic_${randomUUID()}`));
  return { exitCode, outputs };
}

// Only when run as the action's entry point, not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  runAction().then(
    (r) => {
      process.exitCode = r.exitCode;
    },
    (error: unknown) => {
      const message = redactText(error instanceof BuildmedicError ? error.message : `internal error: ${(error as Error)?.stack ?? String(error)}`);
      process.stdout.write(`::error title=buildmedic::${escapeData(message)}\n`);
      process.exitCode = 2;
    },
  );
}
