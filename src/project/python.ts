// Pure parsers for Python project files: pyproject.toml, requirements files, .python-version, runtime.txt, setup.py.

import { parseTomlText } from './cargo.js';
import type { PyprojectInfo, PythonProject, Requirement } from './model.js';

type Table = Record<string, unknown>;
const table = (v: unknown): Table => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Table) : {});
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function parsePyproject(text: string, file = 'pyproject.toml'): PyprojectInfo {
  const t = parseTomlText(text, file);
  const bs = table(t['build-system']);
  const project = table(t.project);
  const maturin = table(table(t.tool).maturin);
  return {
    buildBackend: typeof bs['build-backend'] === 'string' ? bs['build-backend'] : null,
    buildRequires: strList(bs.requires),
    requiresPython: typeof project['requires-python'] === 'string' ? project['requires-python'] : null,
    name: typeof project.name === 'string' ? project.name : null,
    dependencies: strList(project.dependencies),
    maturinManifestPath: typeof maturin['manifest-path'] === 'string' ? maturin['manifest-path'] : null,
    maturinFeatures: strList(maturin.features),
  };
}

/** PEP 503 name normalisation. */
export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

// Hand-written: pip-requirements-js throws on `--hash`, `-e` and `--index-url` lines (see DEPENDENCIES.md).
// PEP 508 name, optional [extras], then the specifier up to a `;` marker.
const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*?)\s*(?:;\s*(.*))?$/;

/** Parses a pip requirements file; options, URLs, editables and includes are skipped. */
export function parseRequirements(text: string): Requirement[] {
  const out: Requirement[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const first = i + 1;
    // Backslash continuations join lines (pip does this before anything else).
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i];
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-') || /^[a-z+]+:\/\//i.test(line) || line.startsWith('.') || line.startsWith('/')) continue;
    line = line.replace(/\s--hash=\S+/g, '').trim();
    const m = REQUIREMENT.exec(line);
    if (!m) continue;
    const specifier = m[2].startsWith('@') ? m[2] : m[2].replace(/\s+/g, '');
    out.push({ name: m[1], normalized: normalizePackageName(m[1]), specifier, marker: m[3]?.trim() || null, line: first });
  }
  return out;
}

/** `.python-version` (pyenv: first non-comment line, e.g. `3.11.7`, `3.12`, `pypy3.10-7.3.12`). */
export function parsePythonVersionFile(text: string): string | null {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line) return line;
  }
  return null;
}

/** Heroku-style `runtime.txt`: `python-3.11.4`. */
export function parseRuntimeTxt(text: string): string | null {
  return /python-(\d+(?:\.\d+){0,2})/.exec(text)?.[1] ?? null;
}

/** Whether setup.py builds C or C++ extension modules (a text heuristic: setup.py is a program, not data). */
export function scanSetupPy(text: string): { cExtensions: boolean; cppExtensions: boolean; rust: boolean } {
  const rust = /\bRustExtension\s*\(|setuptools_rust/.test(text);
  const cExtensions = /\b(?:Extension|Pybind11Extension|cythonize)\s*\(/.test(text.replace(/\bRustExtension\s*\(/g, ''));
  const cppExtensions = /\.(?:cpp|cc|cxx)['"]|language\s*=\s*['"]c\+\+['"]|Pybind11Extension/.test(text);
  return { cExtensions, cppExtensions: cExtensions && cppExtensions, rust };
}

/** Classifies the native build a Python project does. */
export function pythonBackend(pyproject: PyprojectInfo | null, setupPy: ReturnType<typeof scanSetupPy> | null): PythonProject['backend'] {
  const backend = pyproject?.buildBackend ?? null;
  const requires = (pyproject?.buildRequires ?? []).map((r) => normalizePackageName(/^[A-Za-z0-9._-]+/.exec(r)?.[0] ?? r));
  if (backend?.startsWith('maturin') || requires.includes('maturin')) return 'maturin';
  if (requires.includes('setuptools-rust') || setupPy?.rust) return 'setuptools-rust';
  if (setupPy?.cExtensions) return 'setuptools-c';
  if (backend?.startsWith('setuptools') || setupPy) return 'setuptools';
  if (backend || pyproject) return pyproject?.buildBackend || pyproject?.buildRequires.length ? 'other' : 'none';
  return 'none';
}
