// Renders a report for a GitLab CI job log: the text report inside GitLab's collapsible-section markers, with the
// quoted build output unable to open, close or hide sections. Pure (the clock is an argument).

import type { Colors } from 'picocolors/types.js';
import type { Diagnosis } from '../diagnose/rank.js';
import type { HostPlatformOrigin } from './platform-commands.js';
import { renderText } from './text.js';
import { type Report, UNEXPLAINED_RULE } from './model.js';
import { clip } from './text-utils.js';
import { terminalSafe } from './terminal-safe.js';

/** GitLab's section names: letters, digits, `_`, `.` and `-`. */
const SECTION_NAME = /^[A-Za-z0-9_.-]+$/;

export function sectionStart(name: string, header: string, unixSeconds: number, collapsed: boolean): string {
  if (!SECTION_NAME.test(name)) throw new Error(`not a GitLab section name: ${name}`);
  // GitLab's job log markers: ESC[0K, section_start:<unix time>:<name>[options], CR ESC[0K, then the header text.
  return `\x1b[0Ksection_start:${unixSeconds}:${name}${collapsed ? '[collapsed=true]' : ''}\r\x1b[0K${neutralizeForJobLog(header)}\n`;
}

export function sectionEnd(name: string, unixSeconds: number): string {
  return `\x1b[0Ksection_end:${unixSeconds}:${name}\r\x1b[0K\n`;
}

/**
 * Makes text from a build log inert in a GitLab job log. GitLab's log parser acts on ESC sequences and CR (a quoted
 * `section_end:...\r\x1b[0K` would close our section early, `\x1b[8m` would hide what follows, CR overwrites the line);
 * they are shown as `^[` and `^M`, as `cat -v` does. Other C0 controls but tab and newline go too.
 */
export function neutralizeForJobLog(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (ch) => (ch === '\x1b' ? '^[' : ch === '\r' ? '^M' : `^${String.fromCharCode(ch.charCodeAt(0) ^ 0x40)}`));
}

export interface GitlabSection {
  name: string;
  header: string;
  /** The section's lines; ANSI colour from our own renderer is kept, anything else is neutralised by the caller. */
  body: string;
  collapsed: boolean;
}

/** Sections one after another, each closed; an empty body still gets its header. */
export function renderGitlabSections(sections: readonly GitlabSection[], unixSeconds: number): string {
  return sections
    .map((s) => {
      // Every control of the content goes before the markers are added: jobLogSafe keeps only what is left of them.
      const safe = terminalSafe(s.body);
      const body = safe.endsWith('\n') || safe === '' ? safe : `${safe}\n`;
      return `${sectionStart(s.name, terminalSafe(s.header), unixSeconds, s.collapsed)}${body}${sectionEnd(s.name, unixSeconds)}`;
    })
    .join('');
}

/** A copy of `value` with every string neutralised for the job log (a diagnosis quotes the build's own lines). */
export function neutralizeDeep<T>(value: T): T {
  return mapStrings(value) as T;
}

function mapStrings(value: unknown): unknown {
  if (typeof value === 'string') return neutralizeForJobLog(value);
  if (Array.isArray(value)) return value.map(mapStrings);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v)]));
  return value;
}

/** The section header of a diagnosis: what failed, in one line, so the collapsed log still says it. */
export function diagnosisHeader(report: Pick<Report, 'outcome' | 'items' | 'rootCause'>, prefix: string): string {
  if (report.outcome === 'succeeded') return `${prefix}: the build succeeded`;
  const root = report.items.find((i) => i.role === 'root-cause');
  if (!root) return `${prefix}: no build failure found`;
  return root.rule === UNEXPLAINED_RULE ? `${prefix}: the build failed, and no known cause matched` : `${prefix}: ${root.title} [${root.rule}]`;
}

export interface GitlabDiagnosisOptions {
  verbose?: boolean;
  hostPlatform?: HostPlatformOrigin;
  /** Prefix of the section header, e.g. "buildmedic" or "buildmedic: `cargo build` exited with code 101". */
  headerPrefix?: string;
}

/**
 * A diagnosis for the job log: the text report in a section, open when the build failed, collapsed when it
 * succeeded; the lines set aside as consequences in a collapsed section of their own. `d` must be neutralised.
 */
export function renderGitlabDiagnosis(d: Diagnosis, report: Report, c: Colors, unixSeconds: number, options: GitlabDiagnosisOptions = {}): string {
  const prefix = options.headerPrefix ?? 'buildmedic';
  const sections: GitlabSection[] = [
    {
      name: 'buildmedic_diagnosis',
      header: diagnosisHeader(report, prefix),
      body: renderText(d, c, { verbose: options.verbose, hostPlatform: options.hostPlatform }),
      collapsed: d.outcome === 'succeeded',
    },
  ];
  if (!options.verbose && d.consequences.length) {
    sections.push({
      name: 'buildmedic_set_aside',
      header: `buildmedic: ${d.consequences.length} log line${d.consequences.length === 1 ? '' : 's'} set aside as consequences of the root cause`,
      body: d.consequences.map((e) => `  ${e.line}: ${clip(e.text, 220)}`).join('\n'),
      collapsed: true,
    });
  }
  return renderGitlabSections(sections, unixSeconds);
}
