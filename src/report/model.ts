// The report model every output format renders: findings with locations (a log line, or a file and line), shared by diagnose, run, scan and doctor.

import type { Diagnosis, Finding } from '../diagnose/rank.js';

/** Where a finding points: a line of the build log, or a line of a project file (scan, doctor). */
export type ReportLocation = { kind: 'log'; line: number } | { kind: 'file'; path: string; line: number; column?: number };

export interface ReportEvidence {
  location: ReportLocation;
  text: string;
}

export type ReportRole = 'root-cause' | 'contributing' | 'consequence' | 'finding';
export type ReportSeverity = 'error' | 'warning' | 'note';

export interface ReportFix {
  summary: string;
  steps: string[];
  commands: { label: string; command: string }[];
  dockerfile: string | null;
}

export interface ReportItem {
  rule: string;
  title: string;
  role: ReportRole;
  severity: ReportSeverity;
  /** 0..1, when the producer scores its findings. */
  confidence: number | null;
  explanation: string;
  fix: ReportFix;
  evidence: ReportEvidence[];
  /** For role "consequence": the rule whose finding explains this one. */
  explainedBy: string | null;
}

/** A rule's documentation, for formats that carry help text (SARIF). Gathered at the I/O edge. */
export interface RuleHelp {
  summary: string;
  markdown: string;
  /** Where the documentation is published, when known. */
  uri: string | null;
}

export interface Report {
  tool: 'diagnose' | 'run' | 'scan' | 'doctor';
  outcome: 'failed' | 'succeeded' | 'unknown';
  rootCause: string | null;
  summary: string;
  /** Root cause first. */
  items: ReportItem[];
  /** Wrappers the failure travelled through, outermost first. */
  chain: string[];
  /** The log this report reads (a file path, or a name for the output of `run`), when there is one. */
  log: { name: string; uri: string | null; lines: number; truncatedLines: number } | null;
  /** The most relevant block of the log, when no finding tells the whole story. */
  excerpt: { startLine: number; lines: string[] } | null;
  /** Log lines set aside as consequences of the failure (cascade, wrapper noise): red herrings. */
  setAside: ReportEvidence[];
  /** What ran, where: shown as an environment table. */
  environment: { label: string; value: string }[];
  ruleHelp: Record<string, RuleHelp>;
}

export interface DiagnosisContext {
  tool: 'diagnose' | 'run';
  /** The log's name for people ('<stdin>', a path, 'output of `cargo build`'). */
  logName: string;
  /** A path or URI for the log when it exists as a file (annotations, SARIF). */
  logUri: string | null;
  /** Extra environment rows: the command, its exit code, buildmedic's version. */
  environment?: { label: string; value: string }[];
  ruleHelp?: Record<string, RuleHelp>;
}

function severityOf(f: Finding): ReportSeverity {
  return f.role === 'root-cause' ? 'error' : f.role === 'contributing' ? 'warning' : 'note';
}

function itemOf(f: Finding): ReportItem {
  return {
    rule: f.rule,
    title: f.title,
    role: f.role,
    severity: severityOf(f),
    confidence: f.confidence,
    explanation: f.explanation,
    fix: { summary: f.fix.summary, steps: f.fix.steps, commands: f.fix.commands.map((c) => ({ label: c.label, command: c.command })), dockerfile: f.fix.dockerfile },
    evidence: f.evidence.map((e) => ({ location: { kind: 'log', line: e.line }, text: e.text })),
    explainedBy: f.explainedBy ?? null,
  };
}

/** A failure that no rule explains still gets one item, so every format says the build failed and where to look. */
export const UNEXPLAINED_RULE = 'unexplained-failure';

function unexplainedItem(d: Diagnosis): ReportItem {
  const first = d.excerpt ? d.excerpt.lines.findIndex((l) => /\berror\b|\bfatal\b|failed/i.test(l)) : -1;
  const at = d.excerpt ? Math.max(0, first) : -1;
  return {
    rule: UNEXPLAINED_RULE,
    title: 'The build failed, and no known cause matched',
    role: 'root-cause',
    severity: 'error',
    confidence: null,
    explanation: 'No rule of the knowledge base recognised this failure; the excerpt shows the most relevant error block of the log.',
    fix: { summary: 'Read the error block quoted here; it is where the build stopped.', steps: [], commands: [], dockerfile: null },
    evidence: d.excerpt && at >= 0 ? [{ location: { kind: 'log', line: d.excerpt.startLine + at }, text: d.excerpt.lines[at] }] : [],
    explainedBy: null,
  };
}

/** Builds the report of a diagnosed log. Pure. */
export function reportFromDiagnosis(d: Diagnosis, ctx: DiagnosisContext): Report {
  const items = d.findings.map(itemOf);
  if (d.outcome === 'failed' && d.rootCause === null) items.unshift(unexplainedItem(d));
  const environment = [...(ctx.environment ?? [])];
  if (d.platform.detected) environment.push({ label: 'Platform', value: `${d.platform.detected} (from the ${d.platform.source === 'log' ? 'log' : 'machine running buildmedic'})` });
  if (d.platform.docker) environment.push({ label: 'Docker image', value: `${d.platform.docker.image} (log line ${d.platform.docker.line})` });
  if (d.platform.ci.length) environment.push({ label: 'CI', value: d.platform.ci.join(', ') });
  if (d.chain.length) environment.push({ label: 'Failed in', value: d.chain.join(' → ') });
  environment.push({ label: 'Log', value: `${ctx.logName}, ${d.input.lines} lines${d.input.truncatedLines ? ` (${d.input.truncatedLines} cut at 64 KiB)` : ''}` });
  return {
    tool: ctx.tool,
    outcome: d.outcome,
    rootCause: d.rootCause,
    summary: d.summary,
    items,
    chain: d.chain,
    log: { name: ctx.logName, uri: ctx.logUri, lines: d.input.lines, truncatedLines: d.input.truncatedLines },
    excerpt: d.excerpt,
    setAside: d.consequences.map((e) => ({ location: { kind: 'log', line: e.line }, text: e.text })),
    environment,
    ruleHelp: ctx.ruleHelp ?? {},
  };
}

/** "log line 12" or "src/lib.rs:12", for prose. */
export function describeLocation(loc: ReportLocation): string {
  return loc.kind === 'log' ? `log line ${loc.line}` : `${loc.path}:${loc.line}${loc.column ? `:${loc.column}` : ''}`;
}
