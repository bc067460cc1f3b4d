// Pure: turns package verdicts into scan findings with fix plans (a version bump, a Python pin, or a binary-only
// setting where the deploy is configured), as text edits of the project's own files.

import type { DeployTarget } from './python-target.js';
import type { FileLocation, TextEdit } from '../project/files.js';
import type { FixPlan, ScanFinding } from '../report/finding.js';
import type { PackageVerdict } from './check.js';
import type { DependencySet } from './model.js';
import { lineStart } from './text-lines.js';


const eol = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/** `==old` → `==new` on the requirement's own line (requirements file or pyproject). */
export function planVersionBump(v: PackageVerdict, files: ReadonlyMap<string, string>, to: string): FixPlan | null {
  const { where } = v.dep;
  const text = files.get(where.file);
  if (!text || !v.dep.version || !/^==/.test(v.dep.specifier) || where.line < 1) return null;
  const start = lineStart(text, where.line);
  const lineText = text.slice(start, text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start));
  // A hash-checked requirement would fail with the old hashes; pip-compile must regenerate them, so no edit here.
  // The line and its backslash continuations only: splitting the rest of the file for every finding was quadratic.
  let logical = '';
  for (let pos = start; ; ) {
    const nl = text.indexOf('\n', pos);
    const l = text.slice(pos, nl < 0 ? text.length : nl).replace(/\r$/, '');
    logical += ` ${l}`;
    if (!l.endsWith('\\') || nl < 0) break;
    pos = nl + 1;
  }
  if (/--hash[=\s]/.test(logical)) return null;
  const m = new RegExp(`==\\s*(v?${v.dep.version.replace(/[.+]/g, '\\$&')})(?![\\w.])`).exec(lineText);
  if (!m) return null;
  const at = start + m.index + m[0].length - m[1]!.length;
  return { title: `${v.dep.name}: ${v.dep.version} → ${to} (has a wheel for the target)`, safety: 'unsafe', edits: [{ file: where.file, start: at, end: at + m[1]!.length, text: to }], commands: [] };
}

/** The Python version where it is pinned (runtime.txt, .python-version, a Dockerfile FROM python:X, render.yaml). */
export function planPythonPin(target: DeployTarget, files: ReadonlyMap<string, string>, python: string): FixPlan | null {
  const where = target.pythonFrom.where;
  if (!where || target.pythonFrom.kind !== 'file') return null;
  const text = files.get(where.file);
  if (!text) return null;
  const start = lineStart(text, where.line);
  const re = where.file === 'runtime.txt' ? /python-(\d+\.\d+(?:\.\d+)?)/ : /FROM/i.test(where.text) ? /python:(\d+\.\d+(?:\.\d+)?)/ : where.file === 'render.yaml' ? null : /(\d+\.\d+(?:\.\d+)?t?)/;
  let at: number;
  let len: number;
  if (re) {
    const m = re.exec(where.text);
    if (!m) return null;
    at = start + m.index + m[0].length - m[1]!.length;
    len = m[1]!.length;
  } else {
    // render.yaml: the value on the line after `key: PYTHON_VERSION`.
    const after = text.slice(start);
    const m = /key:\s*PYTHON_VERSION[^\n]*\n\s*value:\s*["']?(\d+\.\d+(?:\.\d+)?)/.exec(after);
    if (!m) return null;
    at = start + m.index + m[0].length - m[1]!.length;
    len = m[1]!.length;
  }
  return { title: `pin CPython ${python} in ${where.file} (the packages have wheels for it)`, safety: 'unsafe', edits: [{ file: where.file, start: at, end: at + len, text: python }], commands: [] };
}

/** PIP_ONLY_BINARY / --only-binary for `names`, where the deploy is configured; null when there is no such place. */
export function planBinaryOnly(names: string[], target: DeployTarget, set: DependencySet, files: ReadonlyMap<string, string>): FixPlan | null {
  const list = names.join(',');
  const title = `binary-only install of ${list} (pip then picks the newest release with a wheel)`;
  const plan = (edit: TextEdit): FixPlan => ({ title, safety: 'unsafe', edits: [edit], commands: [] });
  const { kind, file } = target.deploy;
  if (kind === 'docker' && file) {
    const text = files.get(file)!;
    const fromLine = target.platformFrom.where?.file === file ? target.platformFrom.where.line : text.split(/\r?\n/).findIndex((l) => /^\s*FROM\s/i.test(l)) + 1;
    if (fromLine > 0) {
      const at = lineStart(text, fromLine + 1);
      const prefix = at === text.length && !text.endsWith('\n') ? eol(text) : '';
      return plan({ file, start: at, end: at, text: `${prefix}ENV PIP_ONLY_BINARY=${list}${eol(text)}` });
    }
  }
  if (kind === 'render' && file) {
    const text = files.get(file)!;
    const m = /^([ \t]*)envVars:[ \t]*\r?\n([ \t]*)- /m.exec(text);
    if (m) {
      const at = m.index + m[0].length - m[2]!.length - 2;
      const ind = m[2]!;
      return plan({ file, start: at, end: at, text: `${ind}- key: PIP_ONLY_BINARY${eol(text)}${ind}  value: ${list}${eol(text)}` });
    }
  }
  if (files.has('nixpacks.toml')) {
    const text = files.get('nixpacks.toml')!;
    const m = /^\[variables\][ \t]*\r?\n/m.exec(text);
    if (m) {
      const at = m.index + m[0].length;
      return { ...plan({ file: 'nixpacks.toml', start: at, end: at, text: `PIP_ONLY_BINARY = "${list}"${eol(text)}` }) };
    }
  }
  if (set.kind === 'requirements') {
    const text = files.get(set.source) ?? '';
    return plan({ file: set.source, start: 0, end: 0, text: `--only-binary ${list}${eol(text)}` });
  }
  return null;
}

const pyName = (t: DeployTarget) => `CPython ${t.spec.python.join('.')}${t.spec.freeThreaded ? 't' : ''}`;

function message(v: PackageVerdict, target: DeployTarget): string {
  const on = `${pyName(target)} on ${target.spec.platform}`;
  const outs: string[] = [];
  if (v.newestWithWheel && v.version && v.newestWithWheel.version !== v.version) {
    outs.push(`${v.dep.name} ${v.newestWithWheel.version} has a wheel${v.newestWithWheel.allowed ? ` and '${v.dep.specifier}' allows it (install binary-only)` : ' (bump the version)'}`);
  }
  const otherPy = v.pythonsWithWheel.filter((p) => p !== target.spec.python.join('.'));
  if (otherPy.length) outs.push(`${v.dep.name} ${v.version} has wheels for CPython ${otherPy.slice(0, 3).join(', ')} (pin the Python version)`);
  if (v.status === 'source-build' && v.needs) outs.push(`${outs.length ? 'or ' : ''}give the build ${v.needs.needs.join(', ')}`);
  const ways = outs.length ? ` ${outs.length === 1 ? 'Way' : 'Ways'} out: ${outs.join('; ')}.` : '';
  if (v.status === 'no-candidate') return `${v.dep.name}: ${v.reason} (${on}), so the install fails.${ways}`;
  const needs = v.needs ? `needs ${v.needs.needs.join(', ')} (${v.needs.backend})` : 'needs whatever its build backend needs (a C compiler and headers, for most)';
  return `${v.dep.name} ${v.version} has no wheel for ${on}: pip will build ${v.file} from source, which ${needs}.${ways}`;
}

/** Findings for packages that build from source or cannot be installed, with one fix plan each where one fits. */
export function wheelFindings(verdicts: PackageVerdict[], target: DeployTarget, set: DependencySet, files: ReadonlyMap<string, string>): ScanFinding[] {
  const bad = verdicts.filter((v) => v.status === 'source-build' || v.status === 'no-candidate');
  const binaryCandidates = bad.filter((v) => v.status === 'source-build' && v.newestWithWheel?.allowed).map((v) => v.dep.normalized);
  const binaryPlan = binaryCandidates.length ? planBinaryOnly(binaryCandidates, target, set, files) : null;
  // A Python pin helps only when every affected package has a wheel for the same other Python.
  const common = bad.length ? bad.map((v) => v.pythonsWithWheel).reduce((a, b) => a.filter((p) => b.includes(p))) : [];
  const pinTo = common.find((p) => p !== target.spec.python.join('.'));
  const pinPlan = pinTo ? planPythonPin(target, files, pinTo) : null;
  let binaryGiven = false;
  let pinGiven = false;
  return bad.map((v): ScanFinding => {
    const evidence: FileLocation[] = [v.dep.where];
    for (const s of [target.pythonFrom, target.platformFrom]) {
      if (s.where && !evidence.some((e) => e.file === s.where!.file && e.line === s.where!.line)) evidence.push(s.where);
    }
    let fix: FixPlan | null = null;
    if (v.newestWithWheel && !v.newestWithWheel.allowed && v.dep.version) fix = planVersionBump(v, files, v.newestWithWheel.version);
    // Plans shared by several findings are attached once, so applying every fix never edits the same text twice.
    if (!fix && binaryPlan && binaryCandidates.includes(v.dep.normalized) && !binaryGiven) {
      fix = binaryPlan;
      binaryGiven = true;
    }
    if (!fix && pinPlan && !pinGiven && v.pythonsWithWheel.includes(pinTo!)) {
      fix = pinPlan;
      pinGiven = true;
    }
    return {
      rule: v.needs?.rust ? 'sdist-fallback-needs-rust' : 'python-wheel-missing',
      title: v.status === 'no-candidate' ? `no installable file of ${v.dep.name} for the deploy target` : `${v.dep.name} builds from source on the deploy target`,
      severity: v.status === 'no-candidate' || v.needs?.rust ? 'error' : 'warning',
      message: message(v, target),
      evidence,
      captures: {
        package: v.dep.normalized,
        version: v.version ?? '',
        python: target.spec.python.join('.'),
        platform: target.spec.platform,
        file: v.file ?? '',
        newestWithWheel: v.newestWithWheel?.version ?? '',
      },
      fix,
    };
  });
}
