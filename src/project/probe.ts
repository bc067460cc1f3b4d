// Probes the machine (I/O): runs real programs with timeouts, looks at files, disk and memory. Never installs or changes anything.

import { spawn } from 'node:child_process';
import { access, constants, readdir, stat, statfs } from 'node:fs/promises';
import { freemem } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';

export interface ProbeSpec {
  id: string;
  command: string;
  args: string[];
  /** Where it runs: always given, so a probe never runs in whatever directory buildmedic was started in. */
  cwd: string;
  /** Extra environment for this probe only. */
  env?: Record<string, string>;
  /** How to show the command in reports, when the real arguments are long (an inline script). */
  display?: string;
}

export type ProbeOutcome = 'ok' | 'failed' | 'not-found' | 'timeout' | 'crashed' | 'error';

export interface ProbeResult {
  id: string;
  /** The command line as a user would type it. */
  shown: string;
  outcome: ProbeOutcome;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** The spawn error message, for outcome "error". */
  error: string | null;
  ms: number;
}

const OUTPUT_CAP = 64 * 1024;

/** Runs one probe; resolves (never rejects) within `timeoutMs` plus the time to kill its process group. */
export function runProbe(spec: ProbeSpec, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  const shown = spec.display ?? [spec.command, ...spec.args].map((a) => (/[\s'"$]/.test(a) ? `'${a.replace(/'/g, "'\\''")}'` : a)).join(' ');
  return new Promise((resolvePromise) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const finish = (r: Omit<ProbeResult, 'id' | 'shown' | 'stdout' | 'stderr' | 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise({ id: spec.id, shown, stdout, stderr, ms: Math.round(performance.now() - started), ...r });
    };
    let child;
    try {
      child = spawn(spec.command, spec.args, {
        cwd: spec.cwd,
        // LC_ALL=C: version lines are parsed, so they must not be translated. RUSTUP_AUTO_INSTALL=0: a rustup proxy
        // must not install the toolchain a rust-toolchain file names just because we asked for its version.
        env: { ...env, ...spec.env, LC_ALL: 'C', RUSTUP_AUTO_INSTALL: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Own process group, so a timeout kills the whole tree (rustup proxies exec children).
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
    } catch (error) {
      finish({ outcome: 'error', exitCode: null, signal: null, error: (error as Error).message });
      return;
    }
    // Node's timers take at most 2^31-1 ms; a longer one (`doctor --timeout 99999999999`) would fire at once.
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      // A grandchild that keeps the pipes open must not keep us waiting.
      setTimeout(() => finish({ outcome: 'timeout', exitCode: null, signal: 'SIGKILL', error: null }), 200).unref();
    }, Math.min(timeoutMs, 2 ** 31 - 1));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < OUTPUT_CAP) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < OUTPUT_CAP) stderr += d;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({ outcome: error.code === 'ENOENT' ? 'not-found' : 'error', exitCode: null, signal: null, error: error.message });
    });
    child.on('close', (code, signal) => {
      if (timedOut) return finish({ outcome: 'timeout', exitCode: null, signal: 'SIGKILL', error: null });
      if (signal) return finish({ outcome: 'crashed', exitCode: null, signal, error: null });
      finish({ outcome: code === 0 ? 'ok' : 'failed', exitCode: code, signal: null, error: null });
    });
  });
}

export function runProbes(specs: readonly ProbeSpec[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ProbeResult[]> {
  return Promise.all(specs.map((s) => runProbe(s, env, timeoutMs)));
}

/** Looks `name` up on PATH like a shell does; null when absent. */
export async function probeWhich(name: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  if (isAbsolute(name)) return (await isExecutable(name)) ? name : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (await isExecutable(p)) return p;
  }
  return null;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export interface WritableProbe {
  path: string;
  /** The directory actually tested: the path, or its nearest existing ancestor when the path does not exist yet. */
  tested: string;
  exists: boolean;
  writable: boolean;
  error: string | null;
}

/** Whether `path` (or, if absent, the ancestor it would be created in) is writable; access(2) reports EROFS even for root. */
export async function probeWritable(path: string): Promise<WritableProbe> {
  let tested = path;
  let exists = true;
  for (;;) {
    try {
      await stat(tested);
      break;
    } catch {
      exists = false;
      const parent = dirname(tested);
      if (parent === tested) break;
      tested = parent;
    }
  }
  try {
    await access(tested, constants.W_OK);
    return { path, tested, exists, writable: true, error: null };
  } catch (error) {
    return { path, tested, exists, writable: false, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** Free bytes available to unprivileged users on the filesystem holding `path` (or its nearest existing ancestor). */
export async function probeDiskFree(path: string): Promise<{ path: string; freeBytes: number | null }> {
  let p = path;
  for (;;) {
    try {
      const s = await statfs(p);
      return { path: p, freeBytes: s.bavail * s.bsize };
    } catch {
      const parent = dirname(p);
      if (parent === p) return { path, freeBytes: null };
      p = parent;
    }
  }
}

export function probeMemory(): { availableBytes: number } {
  return { availableBytes: freemem() };
}

/** For each header, the first include directory that has it, or null. */
export async function probeHeaders(headers: readonly string[], dirs: readonly string[]): Promise<Record<string, string | null>> {
  const found = await Promise.all(
    headers.map(async (h) => {
      for (const d of dirs) {
        try {
          await access(join(d, h), constants.R_OK);
          return join(d, h);
        } catch {
          // not in this directory
        }
      }
      return null;
    }),
  );
  return Object.fromEntries(headers.map((h, i) => [h, found[i]]));
}

/** Lists files named like a loadable libclang in the given directories (missing directories are skipped). */
export async function probeLibclangFiles(dirs: readonly string[]): Promise<{ dir: string; files: string[] }[]> {
  const out = await Promise.all(
    dirs.map(async (dir) => {
      try {
        const files = (await readdir(dir)).filter((f) => /^(?:lib)?clang(?:-\d+(?:\.\d+)*)?\.(?:so(?:\.\d+)*|dylib|dll)$/.test(f));
        return { dir, files };
      } catch {
        return { dir, files: [] };
      }
    }),
  );
  return out.filter((d) => d.files.length > 0);
}

/** Directories clang-sys searches when LIBCLANG_PATH and llvm-config give nothing (its Linux/macOS defaults, abridged). */
export async function defaultLibclangDirs(): Promise<string[]> {
  const dirs = ['/usr/lib', '/usr/lib64', '/usr/local/lib', '/usr/local/lib64', '/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/Library/Developer/CommandLineTools/usr/lib', '/Applications/Xcode.app/Contents/Developer/Toolchains/XcodeDefault.xctoolchain/usr/lib', '/opt/homebrew/opt/llvm/lib', '/usr/local/opt/llvm/lib'];
  for (const base of ['/usr/lib', '/usr/lib64']) {
    try {
      for (const e of await readdir(base)) if (/^llvm(?:-\d+)?$/.test(e)) dirs.push(join(base, e, 'lib'));
    } catch {
      // absent on this system
    }
  }
  return dirs;
}
