// Pure deploy-target detection for Python projects: which CPython and which platform tag pip will run with,
// from command-line flags, else runtime.txt, .python-version, a Dockerfile, PaaS config files or requires-python.

import { maxSatisfying } from '@renovatebot/pep440';
import type { FileLocation } from '../project/files.js';
import type { TargetSpec } from './tags.js';

export interface TargetSource {
  /** flag: given on the command line; file: read from `where`; assumed: no file says it, a documented default. */
  kind: 'flag' | 'file' | 'assumed';
  where: FileLocation | null;
  note: string;
}

export type DeployKind = 'docker' | 'render' | 'railway' | 'heroku' | 'nixpacks' | 'none';

export interface DeployTarget {
  spec: TargetSpec;
  pythonFrom: TargetSource;
  platformFrom: TargetSource;
  /** Where the deploy is configured (where a binary-only setting belongs). */
  deploy: { kind: DeployKind; file: string | null };
  /** The interpreter is not CPython (pypy...): wheels are judged as if it were, and this says so. */
  warnings: string[];
}

export interface TargetFlags {
  python?: string;
  platform?: string;
}

// CPython minors the default picks from (requires-python upper bounds); newest first.
export const KNOWN_PYTHONS = ['3.14', '3.13', '3.12', '3.11', '3.10', '3.9', '3.8'];
// The Python a PaaS picks when nothing pins it (Heroku and Render both default to the newest-but-one series).
const DEFAULT_PYTHON = '3.13';

// glibc of Debian/Ubuntu releases, which sets the newest manylinux tag their pip accepts.
const GLIBC: Record<string, number> = { stretch: 24, buster: 28, bullseye: 31, bookworm: 36, trixie: 41, '18.04': 27, '20.04': 31, '22.04': 35, '24.04': 39, bionic: 27, focal: 31, jammy: 35, noble: 39 };
// The docker-library python images moved their unsuffixed and -slim tags to Debian trixie in August 2025.
const PYTHON_IMAGE_DEFAULT_DEBIAN = 'trixie';

function lineOf(text: string, re: RegExp): { line: number; text: string } | null {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => re.test(l));
  return i < 0 ? null : { line: i + 1, text: lines[i]! };
}

function loc(file: string, text: string, re: RegExp): FileLocation | null {
  const l = lineOf(text, re);
  return l ? { file, ...l } : null;
}

/** '3.11.4' / '3.12' / 'python-3.13' / '3.13t' → [3, 11] etc; null when not a CPython 3.x version. */
export function parsePythonVersion(v: string): { python: [number, number]; freeThreaded: boolean } | null {
  const m = /^(?:python-?)?(\d+)\.(\d+)(?:\.\d+)?(t)?(?:\s|$)/.exec(v.trim());
  return m ? { python: [Number(m[1]), Number(m[2])], freeThreaded: Boolean(m[3]) } : null;
}

interface DockerFrom {
  image: string;
  arch: string;
  where: FileLocation;
}

/** The base image pip runs in: the last stage's FROM, with ARG defaults substituted. */
function dockerBase(file: string, text: string): DockerFrom | null {
  const lines = text.split(/\r?\n/);
  const args: Record<string, string> = {};
  let found: DockerFrom | null = null;
  lines.forEach((l, i) => {
    const a = /^\s*ARG\s+(\w+)=("?)([^"\s]*)\2/i.exec(l);
    if (a) args[a[1]!] = a[3]!;
    const f = /^\s*FROM\s+(?:--platform=(\S+)\s+)?(\S+)/i.exec(l);
    if (f) {
      const image = f[2]!.replace(/\$\{?(\w+)\}?/g, (_, n: string) => args[n] ?? '');
      const plat = (f[1] ?? '').replace(/\$\{?(\w+)\}?/g, (_, n: string) => args[n] ?? '');
      const arch = /arm64|aarch64/.test(plat) ? 'aarch64' : 'x86_64';
      // A stage built FROM an earlier stage name inherits that stage's base.
      if (found && !image.includes(':') && !image.includes('/') && !/^(python|debian|ubuntu|alpine)$/.test(image)) return;
      found = { image, arch, where: { file, line: i + 1, text: l } };
    }
  });
  return found;
}

function platformOfImage(from: DockerFrom): { platform: string; python: string | null; note: string } | null {
  const [repo, tag = 'latest'] = from.image.split(':') as [string, string?];
  const name = repo.split('/').pop()!;
  if (name === 'python') {
    const py = /^(\d+\.\d+)/.exec(tag)?.[1] ?? null;
    if (/alpine/.test(tag)) return { platform: `musllinux_1_2_${from.arch}`, python: py, note: `${from.image} is Alpine (musl 1.2)` };
    const release = Object.keys(GLIBC).find((r) => tag.includes(r)) ?? PYTHON_IMAGE_DEFAULT_DEBIAN;
    return { platform: `manylinux_2_${GLIBC[release]}_${from.arch}`, python: py, note: `${from.image} is Debian ${release} (glibc 2.${GLIBC[release]})` };
  }
  if (name === 'alpine') return { platform: `musllinux_1_2_${from.arch}`, python: null, note: `${from.image} is Alpine (musl 1.2)` };
  if (name === 'debian' || name === 'ubuntu') {
    const release = Object.keys(GLIBC).find((r) => tag.includes(r));
    if (release) return { platform: `manylinux_2_${GLIBC[release]}_${from.arch}`, python: null, note: `${from.image} has glibc 2.${GLIBC[release]}` };
  }
  return null;
}

function newestAllowed(requiresPython: string): string | null {
  try {
    const best = maxSatisfying(KNOWN_PYTHONS.map((v) => `${v}.0`), requiresPython);
    return best ? best.split('.').slice(0, 2).join('.') : null;
  } catch {
    return null;
  }
}

/** Determines the deploy target from flags and project files (relative path → text). */
export function detectTarget(files: ReadonlyMap<string, string>, flags: TargetFlags = {}): DeployTarget {
  const warnings: string[] = [];
  let python: { v: string; from: TargetSource } | null = null;
  let platform: { v: string; from: TargetSource } | null = null;
  const setPython = (v: string, from: TargetSource) => {
    if (!python) python = { v, from };
  };
  const setPlatform = (v: string, from: TargetSource) => {
    if (!platform) platform = { v, from };
  };
  if (flags.python) setPython(flags.python, { kind: 'flag', where: null, note: `--python ${flags.python}` });
  if (flags.platform) setPlatform(flags.platform, { kind: 'flag', where: null, note: `--platform ${flags.platform}` });

  let deploy: DeployTarget['deploy'] = { kind: 'none', file: null };
  const dockerfile = [...files.keys()].find((f) => /^(Dockerfile|dockerfile|Containerfile)$/.test(f)) ?? [...files.keys()].find((f) => /(^|\/)Dockerfile[^/]*$/.test(f));
  if (dockerfile) {
    const from = dockerBase(dockerfile, files.get(dockerfile)!);
    const p = from && platformOfImage(from);
    if (from && p) {
      deploy = { kind: 'docker', file: dockerfile };
      // The image's interpreter is what runs pip, whatever runtime.txt or .python-version say.
      if (p.python) setPython(p.python, { kind: 'file', where: from.where, note: from.image });
      setPlatform(p.platform, { kind: 'file', where: from.where, note: p.note });
    }
  }
  const runtime = files.get('runtime.txt');
  if (runtime !== undefined) {
    const where = loc('runtime.txt', runtime, /python-\d/);
    const v = /python-(\d+\.\d+(?:\.\d+)?)/.exec(runtime)?.[1];
    if (v && where) setPython(v, { kind: 'file', where, note: 'runtime.txt' });
  }
  const pv = files.get('.python-version');
  if (pv !== undefined) {
    const where = loc('.python-version', pv, /^\s*[^#\s]/);
    if (where) {
      const v = where.text.trim();
      if (/^(pypy|graalpy|jython)/i.test(v)) warnings.push(`.python-version asks for ${v}, which is not CPython: wheels are judged for CPython`);
      else setPython(v, { kind: 'file', where, note: '.python-version' });
    }
  }
  const render = files.get('render.yaml');
  if (render !== undefined) {
    if (deploy.kind === 'none') deploy = { kind: 'render', file: 'render.yaml' };
    const where = loc('render.yaml', render, /key:\s*PYTHON_VERSION/);
    if (where) {
      const lines = render.split(/\r?\n/);
      const value = /value:\s*["']?(\d+\.\d+(?:\.\d+)?)/.exec(lines.slice(where.line - 1, where.line + 2).join('\n'))?.[1];
      if (value) setPython(value, { kind: 'file', where, note: 'PYTHON_VERSION in render.yaml' });
    }
    // Render's native runtime is an x86_64 glibc Linux whose exact glibc it does not document; 2.35 is assumed and
    // said so. A docker service is read from its Dockerfile (set above).
    setPlatform('manylinux_2_35_x86_64', { kind: 'assumed', where: loc('render.yaml', render, /runtime:|env:/), note: 'Render native runtime (x86_64 glibc Linux; glibc 2.35 assumed)' });
  }
  for (const f of ['railway.toml', 'railway.json', 'nixpacks.toml']) {
    const text = files.get(f);
    if (text === undefined) continue;
    if (deploy.kind === 'none') deploy = { kind: f === 'nixpacks.toml' ? 'nixpacks' : 'railway', file: f };
    const where = loc(f, text, /NIXPACKS_PYTHON_VERSION/);
    const v = where && /NIXPACKS_PYTHON_VERSION["']?\s*[=:]\s*["']?(\d+\.\d+(?:\.\d+)?)/.exec(where.text)?.[1];
    if (where && v) setPython(v, { kind: 'file', where, note: `NIXPACKS_PYTHON_VERSION in ${f}` });
    setPlatform('manylinux_2_35_x86_64', { kind: 'assumed', where: null, note: `${f}: Railway/Nixpacks build image (glibc 2.35 or newer assumed)` });
  }
  const procfile = files.get('Procfile');
  if (procfile !== undefined || files.has('app.json')) {
    if (deploy.kind === 'none') deploy = { kind: 'heroku', file: null };
    const stack = /"stack"\s*:\s*"heroku-(\d+)"/.exec(files.get('app.json') ?? '')?.[1];
    const glibc = stack === '22' ? 35 : stack === '20' ? 31 : 39;
    setPlatform(`manylinux_2_${glibc}_x86_64`, { kind: 'assumed', where: null, note: `Heroku stack heroku-${stack ?? '24'} (glibc 2.${glibc})` });
  }
  const pyproject = files.get('pyproject.toml');
  if (!python && pyproject !== undefined) {
    const where = loc('pyproject.toml', pyproject, /^\s*requires-python\s*=/);
    const spec = where && /=\s*["']([^"']+)["']/.exec(where.text)?.[1];
    const v = spec && newestAllowed(spec);
    if (where && v) setPython(v, { kind: 'assumed', where, note: `the newest CPython requires-python "${spec}" allows (deploy platforms pick recent Pythons)` });
  }
  setPython(DEFAULT_PYTHON, { kind: 'assumed', where: null, note: `nothing pins the Python version; ${DEFAULT_PYTHON} assumed (a current PaaS default)` });
  setPlatform('manylinux_2_35_x86_64', { kind: 'assumed', where: null, note: 'no deploy configuration found; a glibc 2.35 x86_64 Linux assumed' });
  const p = python as unknown as { v: string; from: TargetSource };
  const parsed = parsePythonVersion(p.v);
  if (!parsed) throw new Error(`${p.from.note}: '${p.v}' is not a CPython version (expected e.g. 3.13)`);
  const plat = platform as unknown as { v: string; from: TargetSource };
  return {
    spec: { python: parsed.python, platform: plat.v, ...(parsed.freeThreaded ? { freeThreaded: true } : {}) },
    pythonFrom: p.from,
    platformFrom: plat.from,
    deploy,
    warnings,
  };
}
