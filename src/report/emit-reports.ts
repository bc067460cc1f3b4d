// Turns a diagnosis into the reports asked for: the main output (text, json, github, markdown) and the files (SARIF, HTML, job summary). I/O at the edge; rendering is pure.

import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { jsonTerminalSafe, terminalSafe } from './terminal-safe.js';
import { existsSync, readFileSync } from 'node:fs';
import type { Colors } from 'picocolors/types.js';
import type { Diagnosis } from '../diagnose/rank.js';
import { BuildmedicError } from '../errors.js';
import type { HostPlatformOrigin } from './platform-commands.js';
import { renderText } from './text.js';
import { codeQualityFromReport, formatCodeQuality } from './codequality.js';
import { renderGithubAnnotations } from './github.js';
import { neutralizeDeep, renderGitlabDiagnosis } from './gitlab.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { type DiagnosisContext, type Report, reportFromDiagnosis, type RuleHelp } from './model.js';
import { redactDeep } from './redact.js';
import { INFORMATION_URI, renderSarif } from './sarif.js';
import { RULE_GROUPS } from '../kb/rules/index.js';

export const REPORT_FORMATS = ['text', 'json', 'github', 'gitlab', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportRequest {
  format: ReportFormat;
  sarif?: string | null;
  html?: string | null;
  /** Write a GitLab Code Quality report (artifacts:reports:codequality) here. */
  codequality?: string | null;
  /** The directory Code Quality paths are relative to (GitLab's CI_PROJECT_DIR; else the current directory). */
  projectDir?: string;
  /** The header of the gitlab format's section, before the diagnosis's own one-line summary. */
  sectionHeader?: string;
  /** Seconds since the epoch, for the gitlab format's section markers. */
  now?: number;
  /** Append the Markdown report here (GitHub's $GITHUB_STEP_SUMMARY); used with the github format. */
  stepSummary?: string | null;
  redact: boolean;
  verbose?: boolean;
  /** What the machine's platform stands for in the text output when the log does not name one. */
  hostPlatform?: HostPlatformOrigin;
  colors: Colors;
}

/** `--format` wins; otherwise GitHub Actions gets annotations, a GitLab CI job its sections, everyone else text (or JSON with --json). */
export function chooseFormat(format: string | undefined, json: boolean | undefined, env: NodeJS.ProcessEnv): ReportFormat {
  if (format !== undefined) return format as ReportFormat;
  if (json) return 'json';
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  return env.GITLAB_CI === 'true' ? 'gitlab' : 'text';
}

let version: string | null = null;

/** buildmedic's own version, from the package manifest shipped next to dist/. */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

/** The rule documentation that SARIF carries as help text: each rule's README.md. */
export async function collectRuleHelp(ids: readonly string[]): Promise<Record<string, RuleHelp>> {
  const out: Record<string, RuleHelp> = {};
  for (const [group, rules] of Object.entries(RULE_GROUPS)) {
    for (const rule of rules) {
      if (!ids.includes(rule.id)) continue;
      const path = new URL(`../../src/kb/rules/${group}/${rule.id}/README.md`, import.meta.url);
      const markdown = existsSync(path) ? await readFile(path, 'utf8') : `${rule.title}.\n\n${rule.summary}`;
      out[rule.id] = { summary: rule.summary, markdown, uri: `${INFORMATION_URI}/blob/main/src/kb/rules/${group}/${rule.id}/README.md` };
    }
  }
  return out;
}

/** Writes (or appends to) a report file; a failure is a coded error naming the file. */
export async function writeOutput(path: string, text: string, append = false): Promise<void> {
  try {
    await (append ? appendFile(path, text) : writeFile(path, text));
  } catch (error) {
    throw new BuildmedicError('output-unwritable', `${path}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
}

export interface EmittedReports {
  /** What to print (stdout for diagnose, stderr after the build's output for run); may be ''. */
  primary: string;
  report: Report;
  diagnosis: Diagnosis;
}

/**
 * Renders the main output and writes the report files. Secrets are masked first, here and only here, unless
 * `redact` is false: every format renders either the masked diagnosis (text, JSON) or the masked report built from
 * it (the rest), so no string of either reaches an output unmasked.
 */
export async function emitReports(raw: Diagnosis, context: DiagnosisContext, request: ReportRequest): Promise<EmittedReports> {
  const ruleHelp = request.sarif ? await collectRuleHelp(raw.findings.map((f) => f.rule)) : {};
  // The context (the command line, the log's name) can hold secrets too: `curl -H "Authorization: ..."`.
  const built = reportFromDiagnosis(raw, { ...context, ruleHelp });
  const diagnosis = request.redact ? redactDeep(raw) : raw;
  const report = request.redact ? redactDeep(built) : built;
  let primary: string;
  switch (request.format) {
    case 'json':
      primary = `${JSON.stringify(diagnosis, null, 2)}\n`;
      break;
    case 'github':
      primary = renderGithubAnnotations(report);
      break;
    case 'markdown':
      primary = renderMarkdown(report);
      break;
    case 'gitlab':
      primary = renderGitlabDiagnosis(neutralizeDeep(diagnosis), report, request.colors, request.now ?? Math.floor(Date.now() / 1000), {
        verbose: request.verbose,
        hostPlatform: request.hostPlatform,
        headerPrefix: request.sectionHeader,
      });
      break;
    default:
      primary = renderText(diagnosis, request.colors, { verbose: request.verbose, hostPlatform: request.hostPlatform });
  }
  // Report files are read in terminals and browsers too: the same controls are kept out as on stdout.
  if (request.sarif) await writeOutput(request.sarif, jsonTerminalSafe(`${JSON.stringify(renderSarif(report, { toolVersion: toolVersion() }), null, 2)}\n`));
  if (request.html) await writeOutput(request.html, terminalSafe(renderHtml(report)));
  if (request.codequality) await writeOutput(request.codequality, jsonTerminalSafe(formatCodeQuality(codeQualityFromReport(report, request.projectDir ?? process.cwd()))));
  if (request.format === 'github' && request.stepSummary) await writeOutput(request.stepSummary, terminalSafe(renderMarkdown(report)), true);
  return { primary, report, diagnosis };
}
