// Runs a build command: passes its output through live, tees it to an optional log file and to a line sink (the diagnosis engine). I/O.

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { constants as osConstants } from 'node:os';
import type { Writable } from 'node:stream';
import { createGzip, constants as zlibConstants, type Gzip } from 'node:zlib';
import { BuildmedicError } from '../errors.js';

export interface SpawnBuildOptions {
  command: string;
  args: readonly string[];
  /** Run through /bin/sh (or cmd.exe), or the shell named: only when asked, so arguments reach the command untouched. */
  shell?: boolean | string;
  /** Receives every chunk of output in arrival order (0 stdout, 1 stderr), e.g. the diagnosis worker. */
  consumer: OutputConsumer;
  stdout: Writable;
  stderr: Writable;
  /** Keep the full raw output here; gzipped when the name ends in .gz. */
  logFile?: string | null;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Put the command in its own process group and forward SIGINT/SIGTERM/SIGHUP to it. */
  ownProcessGroup?: boolean;
}

/** Takes the output as it arrives; like a Writable, returns false when it is behind and emits 'drain' when it catches up. */
export interface OutputConsumer {
  write(stream: 0 | 1, chunk: Buffer): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

interface Drainable {
  once(event: 'drain', listener: () => void): unknown;
}

export interface SpawnBuildResult {
  /** The command's exit code, 128+N when signal N ended it (as shells report it). */
  exitCode: number;
  signal: NodeJS.Signals | null;
  bytes: number;
  durationMs: number;
}

const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** How long output may still arrive after the command exited, from children it left behind. */
const LINGER_MS = 1000;

async function openLog(path: string): Promise<{ input: Writable; done: Promise<void> }> {
  const file: WriteStream = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', (e: NodeJS.ErrnoException) =>
      reject(new BuildmedicError('output-unwritable', `${path}: cannot write the log (${e.code ?? e.message})`, { cause: e })),
    );
  });
  const done = new Promise<void>((resolve, reject) => {
    file.once('close', () => resolve());
    file.once('error', (e) => reject(new BuildmedicError('output-unwritable', `${path}: writing the log failed (${e.message})`, { cause: e })));
  });
  if (!path.endsWith('.gz')) return { input: file, done };
  // Level 1: a log compresses ~10x even so, and higher levels would cost more CPU than the build's own output handling.
  const gzip: Gzip = createGzip({ level: 1, flush: zlibConstants.Z_NO_FLUSH });
  gzip.pipe(file);
  return { input: gzip, done };
}

function spawnError(command: string, error: NodeJS.ErrnoException): BuildmedicError {
  if (error.code === 'ENOENT') return new BuildmedicError('command-not-found', `${command}: command not found`, { cause: error });
  if (error.code === 'EACCES') return new BuildmedicError('command-not-executable', `${command}: permission denied`, { cause: error });
  return new BuildmedicError('command-failed-to-start', `${command}: cannot be started (${error.message})`, { cause: error });
}

/**
 * Spawns the command and resolves when it has exited and all its output has been passed on.
 * Throws BuildmedicError when the command cannot be started or the log cannot be written.
 */
export async function spawnBuild(options: SpawnBuildOptions): Promise<SpawnBuildResult> {
  const started = performance.now();
  const log = options.logFile ? await openLog(options.logFile) : null;
  const ownGroup = options.ownProcessGroup ?? true;
  let child: ChildProcess | null = null;
  let early: NodeJS.Signals | null = null;
  // Sharing our process group (an interactive terminal), the child already got the terminal's SIGINT/SIGHUP;
  // we only stay alive to report, and forward what was sent to us alone.
  const forward = (signal: NodeJS.Signals) => {
    if (child === null) {
      early = signal;
      return;
    }
    if (child.pid === undefined || child.exitCode !== null) return;
    if (!ownGroup && signal !== 'SIGTERM') return;
    try {
      if (ownGroup && process.platform !== 'win32') process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // The group is already gone.
    }
  };
  // Listening before the spawn: a signal that comes while the command starts must reach it, not kill us.
  for (const s of FORWARDED) process.on(s, forward);
  try {
    child = spawn(options.command, [...options.args], {
      stdio: ['inherit', 'pipe', 'pipe'],
      shell: options.shell ?? false,
      detached: ownGroup && process.platform !== 'win32',
      cwd: options.cwd,
      env: options.env,
    });
  } catch (error) {
    for (const s of FORWARDED) process.off(s, forward);
    log?.input.end();
    throw spawnError(options.command, error as NodeJS.ErrnoException);
  }
  if (early) forward(early);
  const proc: ChildProcess = child;

  let bytes = 0;
  const outputClosed = { out: false, err: false };
  const paused = new Set<Drainable>();

  const pump = (stream: 'out' | 'err', target: Writable) => (chunk: Buffer) => {
    bytes += chunk.length;
    if (!outputClosed[stream]) {
      if (!target.write(chunk)) waitFor(target);
    }
    if (log && !log.input.write(chunk)) waitFor(log.input);
    if (!options.consumer.write(stream === 'out' ? 0 : 1, chunk)) waitFor(options.consumer);
  };
  // Backpressure: when a reader (terminal, pipe, disk) is slow, stop reading the child until it drains.
  const waitFor = (w: Drainable) => {
    if (paused.has(w)) return;
    paused.add(w);
    proc.stdout?.pause();
    proc.stderr?.pause();
    w.once('drain', () => {
      paused.delete(w);
      if (paused.size === 0) {
        proc.stdout?.resume();
        proc.stderr?.resume();
      }
    });
  };
  // Whatever happens to our own output, the build runs on to its own exit code and is diagnosed; what cannot be
  // written is discarded. A reader that went away (`| head`, EPIPE): close the command's end too, so that it gets
  // SIGPIPE/EPIPE on its next write just as it would without buildmedic in between (else `buildmedic run -- yes |
  // head` would never end). Any other failure (a full disk): keep draining the command, which never saw the disk.
  const onTargetError = (stream: 'out' | 'err', target: Writable) => (error: NodeJS.ErrnoException) => {
    outputClosed[stream] = true;
    if (error.code === 'EPIPE') (stream === 'out' ? proc.stdout : proc.stderr)?.destroy();
    if (paused.delete(target) && paused.size === 0) {
      proc.stdout?.resume();
      proc.stderr?.resume();
    }
  };
  const outError = onTargetError('out', options.stdout);
  const errError = onTargetError('err', options.stderr);
  options.stdout.on('error', outError);
  options.stderr.on('error', errError);
  proc.stdout!.on('data', pump('out', options.stdout));
  proc.stderr!.on('data', pump('err', options.stderr));

  try {
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      let linger: NodeJS.Timeout | undefined;
      proc.once('error', (e) => reject(spawnError(options.command, e as NodeJS.ErrnoException)));
      // A background process the build started (a compiler server, a daemon) may keep its output pipes open long
      // after it exited; a shell returns at once, so we stop waiting for their end shortly after the exit.
      proc.once('exit', (code, signal) => {
        linger = setTimeout(() => {
          proc.stdout?.destroy();
          proc.stderr?.destroy();
          resolve({ code, signal });
        }, LINGER_MS);
      });
      proc.once('close', (code, signal) => {
        clearTimeout(linger);
        resolve({ code, signal });
      });
    });
    const exitCode = code ?? 128 + (signal ? (osConstants.signals[signal] ?? 0) : 0);
    return { exitCode, signal, bytes, durationMs: performance.now() - started };
  } finally {
    for (const s of FORWARDED) process.off(s, forward);
    options.stdout.off('error', outError);
    options.stderr.off('error', errError);
    if (log) {
      log.input.end();
      await log.done;
    }
  }
}
