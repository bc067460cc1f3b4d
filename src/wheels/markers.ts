// Pure PEP 508 environment-marker evaluation against a deploy target (python_version, sys_platform, ...).

import { compare, valid } from '@renovatebot/pep440';
import type { TargetSpec } from './tags.js';

export type MarkerEnv = Record<string, string>;

/** The marker variables of CPython on the target; `extra` is empty (no extras requested). */
export function markerEnv(target: TargetSpec): MarkerEnv {
  const p = target.platform;
  const [sys, system, osName] = p.startsWith('win') ? ['win32', 'Windows', 'nt'] : p.startsWith('macosx') ? ['darwin', 'Darwin', 'posix'] : ['linux', 'Linux', 'posix'];
  const arch = /_(x86_64|aarch64|i686|armv7l|ppc64le|s390x|arm64|riscv64)$/.exec(p)?.[1] ?? (p === 'win_amd64' ? 'AMD64' : p === 'win32' ? 'x86' : p === 'win_arm64' ? 'ARM64' : '');
  const v = `${target.python[0]}.${target.python[1]}`;
  return {
    python_version: v,
    python_full_version: `${v}.0`,
    sys_platform: sys,
    platform_system: system,
    os_name: osName,
    platform_machine: arch,
    implementation_name: 'cpython',
    platform_python_implementation: 'CPython',
    implementation_version: `${v}.0`,
    platform_release: '',
    platform_version: '',
    extra: '',
  };
}

type Token = { kind: 'str' | 'var' | 'op' | 'lp' | 'rp' | 'and' | 'or'; value: string };

// PEP 508 marker grammar tokens: quoted strings, variables, comparison operators, parentheses, and/or, `not in`.
const TOKEN = /\s*(?:(?<str>'[^']*'|"[^"]*")|(?<op>===|==|!=|~=|<=|>=|<|>|not\s+in\b|in\b)|(?<lp>\()|(?<rp>\))|(?<word>[A-Za-z_.]+))/y;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m?.groups) throw new Error(`cannot read the marker at '${text.slice(pos).trim()}'`);
    pos = TOKEN.lastIndex;
    const g = m.groups;
    if (g.str) out.push({ kind: 'str', value: g.str.slice(1, -1) });
    else if (g.op) out.push({ kind: 'op', value: g.op.replace(/\s+/, ' ') });
    else if (g.lp) out.push({ kind: 'lp', value: '(' });
    else if (g.rp) out.push({ kind: 'rp', value: ')' });
    else if (g.word === 'and' || g.word === 'or') out.push({ kind: g.word, value: g.word });
    else out.push({ kind: 'var', value: g.word! });
  }
  return out;
}

const VERSION_VARS = new Set(['python_version', 'python_full_version', 'implementation_version', 'platform_release']);

function compareValues(left: string, op: string, right: string, versionish: boolean): boolean {
  if (op === 'in') return right.includes(left);
  if (op === 'not in') return !right.includes(left);
  if (versionish && valid(left) && valid(right)) {
    const c = compare(left, right);
    if (op === '~=') {
      // ~=3.8 means >=3.8, ==3.*: compare the prefix without the last component.
      const prefix = right.split('.').slice(0, -1).join('.');
      return c >= 0 && (left === prefix || left.startsWith(`${prefix}.`));
    }
    return { '==': c === 0, '===': left === right, '!=': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[op] ?? false;
  }
  return { '==': left === right, '===': left === right, '!=': left !== right, '<': left < right, '<=': left <= right, '>': left > right, '>=': left >= right }[op] ?? false;
}

/** Whether `marker` holds on `env`; throws with a message naming the bad part when it is not a PEP 508 marker. */
export function evaluateMarker(marker: string, env: MarkerEnv): boolean {
  const tokens = tokenize(marker);
  let i = 0;
  const value = (): { v: string; versionish: boolean } => {
    const t = tokens[i++];
    if (t?.kind === 'str') return { v: t.value, versionish: false };
    if (t?.kind === 'var') {
      if (!(t.value in env)) throw new Error(`unknown marker variable '${t.value}'`);
      return { v: env[t.value]!, versionish: VERSION_VARS.has(t.value) };
    }
    throw new Error(`expected a value in marker '${marker}'`);
  };
  const atom = (): boolean => {
    if (tokens[i]?.kind === 'lp') {
      i++;
      const r = orExpr();
      if (tokens[i++]?.kind !== 'rp') throw new Error(`unbalanced parentheses in marker '${marker}'`);
      return r;
    }
    const l = value();
    const op = tokens[i++];
    if (op?.kind !== 'op') throw new Error(`expected a comparison in marker '${marker}'`);
    const r = value();
    return compareValues(l.v, op.value, r.v, l.versionish || r.versionish);
  };
  const andExpr = (): boolean => {
    let r = atom();
    while (tokens[i]?.kind === 'and') {
      i++;
      r = atom() && r;
    }
    return r;
  };
  const orExpr = (): boolean => {
    let r = andExpr();
    while (tokens[i]?.kind === 'or') {
      i++;
      r = andExpr() || r;
    }
    return r;
  };
  const result = orExpr();
  if (i !== tokens.length) throw new Error(`unexpected '${tokens[i]!.value}' in marker '${marker}'`);
  return result;
}
