// Runs a build command and diagnoses its output as it streams: the library behind `buildmedic run` and the GitHub Action. I/O.

import { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { DiagnoseOptions } from '../diagnose/engine.js';
import { SCHEMA_VERSION, type Diagnosis } from '../diagnose/rank.js';
import { BuildmedicError } from '../errors.js';
import { BuildOutputWatch, type BuildOutputEnd } from './build-output-watch.js';
import type { FromWorker, ToWorker } from './diagnose-worker.js';
import { spawnBuild, type OutputConsumer, type SpawnBuildResult } from './spawn-build.js';

export interface RunBuildOptions extends DiagnoseOptions {
  command: string;
  args: readonly string[];
  shell?: boolean | string;
  logFile?: string | null;
  stdout?: Writable;
  stderr?: Writable;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  ownProcessGroup?: boolean;
}

export interface RunBuildResult extends SpawnBuildResult {
  diagnosis: Diagnosis;
  /** Where the build's output left each stream, for what buildmedic prints after it. */
  output: BuildOutputEnd;
}

/**
 * The exit code decides whether the build failed; the log decides why. A non-zero exit with a log that shows
 * no failure marker is still a failure (the last lines become the excerpt), and a zero exit is a success
 * whatever the log says. Pure.
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
    summary: d.findings.length || d.input.lines === 0 ? d.summary : `The command exited with code ${exitCode}, and no known cause matched; the last lines of its output are quoted.`,
  };
}

function emptyDiagnosis(summary: string): Diagnosis {
  return {
    schemaVersion: SCHEMA_VERSION,
    outcome: 'unknown',
    rootCause: null,
    summary,
    findings: [],
    chain: [],
    excerpt: null,
    consequences: [],
    platform: { detected: null, source: 'none', docker: null, ci: [], evidence: [] },
    input: { lines: 0, truncatedLines: 0 },
  };
}

/** Output bytes handed to the worker but not yet diagnosed, above which the build is paused: memory stays bounded. */
const MAX_IN_FLIGHT = 16 * 1024 * 1024;
const BATCH_BYTES = 1024 * 1024;

/**
 * The diagnosis engine in a worker thread: on two or more cores the build's output is passed through at pipe
 * speed while the engine keeps up in parallel, instead of the engine's time adding to the build's.
 */
class DiagnosisWorker extends EventEmitter implements OutputConsumer {
  private readonly worker: Worker;
  private inFlight = 0;
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private batchStream: 0 | 1 = 0;
  private failure: Error | null = null;
  private result: Promise<{ diagnosis: Diagnosis; tail: string[] }>;

  constructor(hostPlatform: DiagnoseOptions['hostPlatform']) {
    super();
    // The worker gets no execArgv: the parent's (`-e`, `--input-type`, loaders) are meant for the parent's entry point.
    // Heap limits make the worker's memory independent of the Node version's heuristics (Node 24 lets a young
    // generation grow much larger): the engine's own state is bounded, so a small heap is enough for any log.
    this.worker = new Worker(new URL('./diagnose-worker.js', import.meta.url), {
      workerData: { hostPlatform: hostPlatform ?? null },
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 },
    });
    this.result = new Promise((resolve, reject) => {
      this.worker.on('message', (msg: FromWorker) => {
        if ('ack' in msg) {
          const wasFull = this.inFlight > MAX_IN_FLIGHT;
          this.inFlight -= msg.ack;
          if (wasFull && this.inFlight <= MAX_IN_FLIGHT) this.emit('drain');
        } else if ('done' in msg) {
          resolve({ diagnosis: msg.done, tail: msg.tail });
        } else {
          this.failure = new BuildmedicError('internal', `the diagnosis worker failed: ${msg.error}`);
          reject(this.failure);
        }
      });
      this.worker.once('error', (e) => {
        this.failure = new BuildmedicError('internal', `the diagnosis worker failed: ${e.message}`, { cause: e });
        reject(this.failure);
      });
      this.worker.once('exit', (code) => {
        this.failure ??= new BuildmedicError('internal', `the diagnosis worker stopped (exit code ${code})`);
        reject(this.failure);
      });
    });
    // A failed diagnosis must never stall the build: keep draining so the output still passes through.
    this.result.catch(() => this.emit('drain'));
  }

  write(stream: 0 | 1, chunk: Buffer): boolean {
    if (this.failure) return true;
    // Pipes deliver 64 KiB at a time; the engine runs ~2x faster on 1 MiB chunks, and one message per MiB
    // costs less than one per read. Arrival order across the two streams is kept by flushing on a switch.
    if (stream !== this.batchStream) this.flush();
    this.batchStream = stream;
    this.batch.push(chunk);
    this.batchBytes += chunk.length;
    this.inFlight += chunk.length;
    if (this.batchBytes >= BATCH_BYTES) this.flush();
    return this.inFlight <= MAX_IN_FLIGHT;
  }

  private flush(): void {
    if (this.batchBytes === 0) return;
    // A fresh buffer of its own (not from the pool, and not zero-filled: every byte is copied over), so it can be
    // handed over to the worker without another copy.
    const joined = Buffer.allocUnsafeSlow(this.batchBytes);
    let at = 0;
    for (const b of this.batch) at += b.copy(joined, at);
    const chunk = new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
    this.worker.postMessage({ chunk, stream: this.batchStream } satisfies ToWorker, [chunk.buffer as ArrayBuffer]);
    this.batch = [];
    this.batchBytes = 0;
  }

  async finish(): Promise<{ diagnosis: Diagnosis; tail: string[] }> {
    this.flush();
    this.worker.postMessage({ end: true } satisfies ToWorker);
    try {
      return await this.result;
    } finally {
      await this.worker.terminate();
    }
  }

  async abandon(): Promise<void> {
    await this.worker.terminate();
  }
}

export async function runBuild(options: RunBuildOptions): Promise<RunBuildResult> {
  const worker = new DiagnosisWorker(options.hostPlatform);
  const watch = new BuildOutputWatch(worker);
  let result: SpawnBuildResult;
  try {
    result = await spawnBuild({
      command: options.command,
      args: options.args,
      shell: options.shell,
      consumer: watch,
      stdout: options.stdout ?? process.stdout,
      stderr: options.stderr ?? process.stderr,
      logFile: options.logFile,
      cwd: options.cwd,
      env: options.env,
      ownProcessGroup: options.ownProcessGroup,
    });
  } catch (error) {
    await worker.abandon();
    throw error;
  }
  try {
    const { diagnosis, tail } = await worker.finish();
    return { ...result, diagnosis: reconcileOutcome(diagnosis, result.exitCode, tail), output: watch.end() };
  } catch (error) {
    // The build's own exit code must survive a failed diagnosis.
    const diagnosis = reconcileOutcome(emptyDiagnosis(`buildmedic could not diagnose the output: ${(error as Error).message}`), result.exitCode);
    return { ...result, diagnosis, output: watch.end() };
  }
}
