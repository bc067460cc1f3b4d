// Pure: which probes answer a set of needs (program, arguments, working directory), honouring CC, CXX, PROTOC, PYO3_PYTHON.

import { COMPONENTS } from '../kb/crate-needs.js';
import type { ProbeSpec } from '../project/probe.js';
import { rustToolchainChoice, type ToolchainPin } from '../project/toolchain.js';
import type { Need } from './needs.js';

/** Prints what doctor needs to know about the interpreter as one JSON line (Python 2 prints a syntax error: reported as unknown). */
export const PYTHON_PROBE_SCRIPT = [
  'import json, os, sys, sysconfig, platform',
  "inc = sysconfig.get_paths().get('include') or ''",
  "print(json.dumps({'version': platform.python_version(), 'implementation': platform.python_implementation(), 'executable': sys.executable, 'include': inc, 'headers': os.path.exists(os.path.join(inc, 'Python.h'))}))",
].join('\n');

/** Splits `CC="ccache gcc"` into a program and arguments. */
function commandFromEnv(value: string | undefined, fallback: string): [string, string[]] {
  const parts = (value ?? '').trim().split(/\s+/).filter(Boolean);
  return parts.length ? [parts[0], parts.slice(1)] : [fallback, []];
}

/**
 * Where probes run: a directory the project cannot put files in. In the project, rustup would obey its
 * rust-toolchain `path`, pyenv/asdf its version files, cargo its .cargo/config.toml, Python would import its modules
 * first, and a `.` on PATH would find its programs. `/` rather than the temporary directory, which anyone can write.
 */
export function neutralCwd(ctx: { env: Record<string, string | undefined>; platform: NodeJS.Platform }): string {
  return ctx.platform === 'win32' ? (ctx.env.SystemRoot ?? 'C:\\Windows') : '/';
}

// pyenv: a version name from .python-version (`3.12.1`, `pypy3.10-7.3.12`), never a path.
const PYENV_VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function probeSpecs(
  needs: readonly Need[],
  ctx: { dir: string; env: Record<string, string | undefined>; platform: NodeJS.Platform; toolchain?: ToolchainPin | null; pythonPin?: { version: string; from: string } | null },
): ProbeSpec[] {
  const want = new Set(needs.map((n) => n.component));
  const specs: ProbeSpec[] = [];
  const cwd = neutralCwd(ctx);
  const add = (id: string, command: string, args: string[], extra: { env?: Record<string, string>; display?: string } = {}) => {
    if (!specs.some((s) => s.id === id)) specs.push({ id, command, args, cwd, ...(extra.env && Object.keys(extra.env).length ? { env: extra.env } : {}), ...(extra.display ? { display: extra.display } : {}) });
  };
  const rust = rustToolchainChoice(ctx.toolchain ?? null, ctx.env);
  if (rust.run) {
    if (want.has('rustc')) add('rustc', 'rustc', ['-vV'], { env: rust.env });
    if (want.has('cargo')) add('cargo', 'cargo', ['-V'], { env: rust.env });
    if (want.has('rust-target')) add('rustup-targets', 'rustup', ['target', 'list', '--installed'], { env: rust.env });
  }
  if (want.has('c-compiler')) {
    const [cmd, args] = commandFromEnv(ctx.env.CC, ctx.platform === 'win32' ? 'cl' : 'cc');
    add('cc', cmd, ctx.platform === 'win32' && cmd === 'cl' ? args : [...args, '--version']);
  }
  if (want.has('cxx-compiler')) {
    const [cmd, args] = commandFromEnv(ctx.env.CXX, ctx.platform === 'win32' ? 'cl' : 'c++');
    add('cxx', cmd, ctx.platform === 'win32' && cmd === 'cl' ? args : [...args, '--version']);
  }
  if (want.has('make')) add('make', 'make', ['--version']);
  if (want.has('perl')) add('perl', 'perl', ['-v']);
  if (want.has('cmake')) add('cmake', ctx.env.CMAKE || 'cmake', ['--version']);
  if (want.has('protoc')) add('protoc', ctx.env.PROTOC || 'protoc', ['--version']);
  if (want.has('maturin')) add('maturin', 'maturin', ['--version']);
  const pkgConfigBin = ctx.env.PKG_CONFIG || 'pkg-config';
  const modules = [...want].map((c) => COMPONENTS[c].pkgConfig).filter((m): m is string => Boolean(m));
  if (want.has('pkg-config') || modules.length) add('pkg-config', pkgConfigBin, ['--version']);
  for (const m of modules) add(`pkg-config:${m}`, pkgConfigBin, ['--modversion', m]);
  if (want.has('python') || want.has('python-headers')) {
    // The interpreter pyo3 and maturin would pick: PYO3_PYTHON, then an active virtualenv, then the one on PATH.
    const venv = ctx.env.VIRTUAL_ENV ? (ctx.platform === 'win32' ? `${ctx.env.VIRTUAL_ENV}\\Scripts\\python.exe` : `${ctx.env.VIRTUAL_ENV}/bin/python`) : null;
    const python = ctx.env.PYO3_PYTHON || venv || (ctx.platform === 'win32' ? 'python' : 'python3');
    // pyenv's shim read .python-version in the project when the probe ran there; now it is told the pin instead.
    const pin = ctx.pythonPin?.from === '.python-version' && !ctx.env.PYENV_VERSION && PYENV_VERSION_NAME.test(ctx.pythonPin.version) ? { PYENV_VERSION: ctx.pythonPin.version } : undefined;
    // -I: isolated mode (no script directory or cwd on sys.path, no PYTHON* variables, no user site-packages).
    add('python', python, ['-I', '-c', PYTHON_PROBE_SCRIPT], { env: pin, display: `${python} -I -c 'import sysconfig; ...'` });
  }
  if (want.has('libclang') && !ctx.env.LIBCLANG_PATH) add('llvm-config', ctx.env.LLVM_CONFIG_PATH || 'llvm-config', ['--libdir']);
  return specs;
}
