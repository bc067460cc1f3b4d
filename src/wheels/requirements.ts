// Pure pip requirements-file reader: requirements, -r/-c includes, -e, --hash, markers and index/binary options,
// with a file:line problem for each line it cannot read (the rest of the file is still read).

import { posix } from 'node:path';
import { normalizePackageName } from '../project/python.js';
import { emptySettings, type Dependency, type DependencyProblem, type InstallSettings } from './model.js';

// Hand-written: pip-requirements-js throws on `--hash`, `-e` and `--index-url` lines (see DEPENDENCIES.md).
// PEP 508: a name, optional [extras], a specifier list (or `@ url`), then an optional `; marker`.
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*([^;@]*?|@\s*\S+)\s*(?:;\s*(.*))?$/;
// One PEP 440 clause: operator and version (wildcards only with == and !=, checked loosely).
const CLAUSE = /^(===|==|!=|~=|<=|>=|<|>)\s*v?[0-9][0-9A-Za-z.*+!_-]*$/;

// pip's options that take a value, as `--opt value`, `--opt=value` or `-X value`.
const VALUE_OPTIONS = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url',
  '-f', '--find-links', '--trusted-host', '--only-binary', '--no-binary', '--use-feature', '--config-settings', '--global-option']);
const FLAG_OPTIONS = new Set(['--no-index', '--prefer-binary', '--pre', '--require-hashes']);

// pip follows -r/-c without a limit; a chain deeper than this is a hostile file (and would exhaust the stack).
export const MAX_INCLUDE_DEPTH = 64;
// A line quoted in a message is cut here: a hostile file's one 16 MiB line must not become a 16 MiB message.
const QUOTE_CHARS = 120;

/** `text` for a message: quoted, and cut short when long. */
export function quoteShort(text: string): string {
  return `'${text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…' (${text.length} characters)` : `${text}'`}`;
}

/**
 * Where a `-r`/`-c` value points, relative to the project root; null (with the reason) when it is not a file inside
 * the project: a URL (pip fetches those; we do not), an absolute path, or a path that climbs out with `..`.
 */
export function includeTarget(from: string, value: string): { path: string } | { refused: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return { refused: 'a URL; not fetched' };
  if (value.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(value)) return { refused: 'an absolute path, outside the project; not read' };
  const path = posix.normalize(posix.join(posix.dirname(from), value));
  if (path === '..' || path.startsWith('../')) return { refused: 'outside the project; not read' };
  return { path };
}

/** The files a requirements file includes with -r/-c that lie inside the project (for the reader to fetch). */
export function requirementIncludes(file: string, text: string): string[] {
  const out: string[] = [];
  for (const l of logicalLines(text)) {
    const m = /^(-r|--requirement|-c|--constraint)(?:=|\s+)(\S.*)$/.exec(l.text);
    const target = m ? includeTarget(file, m[2]!.trim()) : null;
    if (target && 'path' in target) out.push(target.path);
  }
  return out;
}

export interface RequirementsRead {
  deps: Dependency[];
  settings: InstallSettings;
  problems: DependencyProblem[];
  /** Every file read, the entry file first. */
  files: string[];
}

/** Logical lines: backslash continuations joined, comments removed; `line` is the first physical line (1-based). */
function logicalLines(text: string): { line: number; text: string; raw: string }[] {
  const out: { line: number; text: string; raw: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    // Joined once at the end: growing one string per continuation re-copied it each time (quadratic).
    const parts = [lines[i]!];
    while (parts[parts.length - 1]!.endsWith('\\') && i + 1 < lines.length) {
      parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
      parts.push(lines[++i]!);
    }
    const stripped = parts.join('').replace(/(^|\s)#.*$/, '').trim();
    if (stripped) out.push({ line: first + 1, text: stripped, raw: lines[first]! });
  }
  return out;
}

function applyBinary(set: Set<string>, value: string): void {
  for (const v of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (v === ':none:') set.clear();
    else set.add(v === ':all:' ? v : normalizePackageName(v));
  }
}

/** Validates a specifier list; returns an error message or null. */
export function specifierProblem(spec: string): string | null {
  if (!spec || spec.startsWith('@')) return null;
  for (const clause of spec.split(',')) {
    if (!CLAUSE.test(clause.trim())) return `${quoteShort(clause.trim())} is not a version specifier (expected e.g. ==1.2.3 or >=2,<3)`;
  }
  return null;
}

/**
 * Reads `entry` and what it includes from `files` (relative paths, '/' separators). `unread` names files that exist
 * but were not read (too large, not a regular file), with the reason, so a problem says that rather than "no such file".
 */
export function readRequirements(files: ReadonlyMap<string, string>, entry: string, unread: ReadonlyMap<string, string> = new Map()): RequirementsRead {
  const result: RequirementsRead = { deps: [], settings: emptySettings(), problems: [], files: [] };
  const visited = new Set<string>();
  const visit = (file: string, from: { file: string; line: number } | null, constraint: boolean, depth: number) => {
    if (visited.has(file)) return;
    const text = files.get(file);
    if (text === undefined) {
      const why = unread.get(file);
      result.problems.push({ file: from?.file ?? file, line: from?.line ?? 0, message: `${file}: ${why ?? 'no such file'}${from ? ' (included here)' : ''}` });
      return;
    }
    if (depth > MAX_INCLUDE_DEPTH) {
      result.problems.push({ file: from!.file, line: from!.line, message: `${file}: includes nest more than ${MAX_INCLUDE_DEPTH} files deep; not followed` });
      return;
    }
    visited.add(file);
    result.files.push(file);
    for (const l of logicalLines(text)) {
      const problem = (message: string) => result.problems.push({ file, line: l.line, message });
      if (l.text.startsWith('-')) {
        const m = /^(-[A-Za-z]|--[a-z-]+)(?:=|\s+)?(.*)$/.exec(l.text)!;
        const opt = m[1]!;
        const value = m[2]!.trim();
        if (FLAG_OPTIONS.has(opt)) continue;
        if (!VALUE_OPTIONS.has(opt)) {
          problem(`unknown pip option ${quoteShort(opt)}`);
          continue;
        }
        if (!value) {
          problem(`${opt} needs a value`);
          continue;
        }
        if (opt === '-r' || opt === '--requirement' || opt === '-c' || opt === '--constraint') {
          const target = includeTarget(file, value);
          if ('refused' in target) problem(`${opt} ${quoteShort(value)}: ${target.refused}`);
          else visit(target.path, { file, line: l.line }, constraint || opt === '-c' || opt === '--constraint', depth + 1);
        }
        else if (opt === '-i' || opt === '--index-url') result.settings.indexUrl = value;
        else if (opt === '--extra-index-url') result.settings.extraIndexUrls.push(value);
        else if (opt === '--only-binary') {
          applyBinary(result.settings.onlyBinary, value);
          result.settings.onlyBinaryAt = { file, line: l.line, text: l.raw };
        } else if (opt === '--no-binary') applyBinary(result.settings.noBinary, value);
        // -e/--editable installs a local directory or VCS checkout: nothing to look up on an index.
        continue;
      }
      // A bare URL or path installs that archive/directory, not a project from the index.
      if (/^[a-z+]+:\/\//i.test(l.text) || /^[./~]/.test(l.text) || /\.(whl|tar\.gz|zip)$/.test(l.text)) continue;
      if (constraint) continue;
      // Per-requirement options (pip: --hash, --config-settings, --global-option) follow the requirement.
      // (?<!\S) rather than \s+ before the option: \s+ retried from every blank of a long run of them (quadratic).
      const req = l.text.replace(/(?<!\S)--(hash|config-settings|global-option)(=|\s+)\S+/g, '').trim();
      const m = REQUIREMENT.exec(req);
      if (!m) {
        problem(`${quoteShort(l.text)} is not a requirement (expected e.g. name==1.2.3, name>=2; python_version < "3.12")`);
        continue;
      }
      if (m[3]!.startsWith('@')) continue;
      if (m[3] && !/^[<>=!~(]/.test(m[3])) {
        problem(`${quoteShort(l.text)} is not a requirement (expected e.g. name==1.2.3, name>=2; python_version < "3.12")`);
        continue;
      }
      const specifier = m[3]!.replace(/[\s()]+/g, '');
      const bad = specifierProblem(specifier);
      if (bad) {
        problem(`${m[1]!.length > 120 ? quoteShort(m[1]!) : m[1]}: ${bad}`);
        continue;
      }
      const pin = /^===?v?([0-9][0-9A-Za-z.+!_-]*)$/.exec(specifier);
      result.deps.push({
        name: m[1]!,
        normalized: normalizePackageName(m[1]!),
        specifier,
        version: pin && !pin[1]!.includes('*') ? pin[1]! : null,
        marker: m[4]?.trim() || null,
        where: { file, line: l.line, text: l.raw },
        lockedFiles: null,
      });
    }
  };
  visit(entry, null, false, 0);
  return result;
}
