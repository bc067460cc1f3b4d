// What commands print on stdout goes through here: under GitHub Actions, text that quotes a log or a project is
// fenced with ::stop-commands:: so that none of its lines can act as a workflow command (I/O).

import { lazyCrypto } from '../report/lazy-crypto.js';
import { jobLogSafe, jsonTerminalSafe, terminalSafe } from '../report/terminal-safe.js';
import { type StreamSoFar, WorkflowCommandFence } from '../report/workflow-commands.js';

/** 128 random bits: text inside the fence cannot guess the token that ends it. */
export function newStopToken(): string {
  return lazyCrypto().randomBytes(16).toString('hex');
}

/** A fence for one of this process's streams, as the environment asks for (outside GitHub Actions it needs no token). */
export function fenceFor(env: NodeJS.ProcessEnv, soFar?: StreamSoFar): WorkflowCommandFence {
  const underActions = env.GITHUB_ACTIONS === 'true';
  return new WorkflowCommandFence(underActions, underActions ? newStopToken() : '', soFar);
}

let stdoutFence: WorkflowCommandFence | null = null;
const fence = () => (stdoutFence ??= fenceFor(process.env));

/** Prints text that may quote input (reports, diffs, documentation). */
export function printText(text: string): void {
  process.stdout.write(fence().text(terminalSafe(text)));
}

/** Prints a GitLab job-log rendering (report/gitlab.ts): its section markers are kept, nothing else that acts. */
export function printJobLog(text: string): void {
  process.stdout.write(fence().text(jobLogSafe(text)));
}

/** Prints a JSON document. */
export function printJson(text: string): void {
  process.stdout.write(fence().json(jsonTerminalSafe(text)));
}

/** Prints buildmedic's own workflow commands (the github format), outside any fence. */
export function printAnnotations(text: string): void {
  const safe = terminalSafe(text);
  process.stdout.write(fence().annotations(safe) ?? safe);
}

/**
 * Prints on stderr (errors, and what a write refused): controls removed, and under GitHub Actions inside a fence of
 * its own, since the text can quote input (an id, a path) whose lines must not act as workflow commands.
 */
export function printStderr(text: string): void {
  const own = fenceFor(process.env);
  process.stderr.write(own.text(terminalSafe(text)) + own.close());
}

/** Ends the fence, if one was opened: once, when the command is done. */
export function closeStdout(): void {
  if (stdoutFence) process.stdout.write(stdoutFence.close());
}

/**
 * buildmedic's annotations after a build's output; when the build stopped workflow commands with a token that can
 * never resume them (one with a space), annotations would be ignored, so the diagnosis is printed as text instead.
 */
export function annotationsAfterBuild(fence: WorkflowCommandFence, annotations: string, asText: () => string): string {
  return (
    fence.annotations(annotations) ??
    fence.text(`buildmedic: the build stopped workflow commands with a token that cannot resume them, so annotations would be ignored; the diagnosis as text:\n\n${asText()}`)
  );
}
