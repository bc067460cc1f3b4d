// Runs a build command and diagnoses its output as it streams: the library behind `buildmedic run` and the GitHub Action. I/O.

import type { Writable } from 'node:stream';
import type { DiagnoseOptions } from '../core/engine.js';
import { Diagnoser } from '../core/engine.js';
import type { Diagnosis } from '../core/rank.js';
import { defaultKnowledgeBase } from '../diagnose.js';
import type { LogSink } from '../log/read-log.js';
import { spawnBuild, type SpawnBuildResult } from './spawn-build.js';

export interface RunBuildOptions extends DiagnoseOptions {
  command: string;
  args: readonly string[];
  shell?: boolean;
  logFile?: string | null;
  stdout?: Writable;
  stderr?: Writable;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  ownProcessGroup?: boolean;
}

export interface RunBuildResult extends SpawnBuildResult {
  diagnosis: Diagnosis;
}

/**
 * The exit code decides whether the build failed; the log decides why. A non-zero exit with a log that shows
 * no failure marker is still a failure, and a zero exit is a success whatever the log says.
 */
export function reconcileOutcome(d: Diagnosis, exitCode: number, tail: readonly string[] = []): Diagnosis {
  if (exitCode === 0) {
    if (d.outcome === 'succeeded') return d;
    return { ...d, outcome: 'succeeded', rootCause: null, summary: 'The build succeeded.', findings: [], chain: [], excerpt: null, consequences: [] };
  }
  if (d.outcome === 'failed') return d;
  return {
    ...d,
    outcome: 'failed',
    excerpt: d.excerpt ?? (tail.length ? { startLine: Math.max(1, d.input.lines - tail.length + 1), lines: [...tail] } : null),
    summary: d.findings.length ? d.summary : `The command exited with code ${exitCode}, and no known cause matched; the last lines of its output are quoted.`,
  };
}

const TAIL_LINES = 20;

/** Passes lines on to the engine and keeps the last few, for a failure whose log shows no error line. */
class TailSink implements LogSink {
  tail: string[] = [];

  constructor(private readonly next: LogSink) {}

  feed(text: string): void {
    this.next.feed(text);
    this.keepTail(text);
  }

  /** For engines that take UTF-8 bytes; only the last lines are decoded here. */
  feedBytes(bytes: Uint8Array): void {
    (this.next as { feedBytes(b: Uint8Array): void }).feedBytes(bytes);
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let from = buf.length;
    for (let n = 0; n < TAIL_LINES && from > 0; n++) from = buf.lastIndexOf(10, from - 1);
    this.keepTail(buf.toString('utf8', Math.max(0, from + 1)));
  }

  private keepTail(text: string): void {
    let end = text.length;
    const fresh: string[] = [];
    while (fresh.length < TAIL_LINES) {
      const nl = text.lastIndexOf('\n', end - 1);
      fresh.push(text.slice(nl + 1, end));
      if (nl < 0) break;
      end = nl;
    }
    fresh.reverse();
    this.tail = fresh.length >= TAIL_LINES ? fresh : [...this.tail, ...fresh].slice(-TAIL_LINES);
  }

  noteTruncated(count: number): void {
    this.next.noteTruncated(count);
  }
}

export async function runBuild(options: RunBuildOptions): Promise<RunBuildResult> {
  const diagnoser = new Diagnoser(defaultKnowledgeBase(), { hostPlatform: options.hostPlatform });
  const sink = new TailSink(diagnoser);
  const result = await spawnBuild({
    command: options.command,
    args: options.args,
    shell: options.shell,
    sink,
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    logFile: options.logFile,
    cwd: options.cwd,
    env: options.env,
    ownProcessGroup: options.ownProcessGroup,
  });
  return { ...result, diagnosis: reconcileOutcome(diagnoser.finish(), result.exitCode, sink.tail) };
}
