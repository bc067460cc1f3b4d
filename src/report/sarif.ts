// Renders a report as a SARIF 2.1.0 log for code scanning (GitHub, IDEs). Pure.

import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Report, ReportItem } from './model.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/buildmedic/buildmedic';

export interface SarifOptions {
  toolVersion: string;
  /** Where log findings point when the log is not a file (the output of `run` without --log). */
  defaultLogUri?: string;
}

function descriptorOf(item: ReportItem, report: Report): ReportingDescriptor {
  const help = report.ruleHelp[item.rule];
  const text = help?.markdown ?? `${item.title}.\n\n${item.explanation}\n\nFix: ${item.fix.summary}`;
  return {
    id: item.rule,
    name: item.rule.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: item.title },
    fullDescription: { text: help?.summary ?? item.explanation },
    help: { text, markdown: text },
    ...(help?.uri ? { helpUri: help.uri } : {}),
    defaultConfiguration: { level: item.severity },
  };
}

/** Log line numbers are 1-based like SARIF regions; a log with no evidence line points at its first line. */
function resultOf(item: ReportItem, ruleIndex: number, report: Report, options: SarifOptions): Result {
  const logUri = report.log?.uri ?? options.defaultLogUri ?? 'build.log';
  const locations = (item.evidence.length ? item.evidence.slice(0, 1) : [null]).map((e) => {
    if (e?.location.kind === 'file') {
      return { physicalLocation: { artifactLocation: { uri: toUri(e.location.path) }, region: { startLine: e.location.line, ...(e.location.column ? { startColumn: e.location.column } : {}) } } };
    }
    return { physicalLocation: { artifactLocation: { uri: toUri(logUri) }, region: { startLine: Math.max(1, e?.location.line ?? 1) } } };
  });
  const first = item.evidence[0];
  const message = [item.role === 'consequence' ? `${item.title} (a consequence of ${item.explainedBy ?? 'the root cause'}).` : `${item.title}. ${item.fix.summary}`];
  if (first) message.push(`Evidence: ${first.text.slice(0, 500)}`);
  return {
    ruleId: item.rule,
    ruleIndex,
    level: item.severity,
    message: { text: message.join('\n') },
    locations,
    ...(first ? { partialFingerprints: { buildmedicEvidence: `${item.rule}:${first.text.trim().slice(0, 200)}` } } : {}),
    properties: { role: item.role, ...(item.confidence === null ? {} : { confidence: item.confidence }) },
  };
}

/** SARIF wants URI references: forward slashes, and spaces and other reserved characters percent-encoded. */
function toUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) => (/^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
}

export function renderSarif(report: Report, options: SarifOptions): Log {
  const rules: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  const results: Result[] = [];
  for (const item of report.outcome === 'succeeded' ? [] : report.items) {
    if (!index.has(item.rule)) {
      index.set(item.rule, rules.length);
      rules.push(descriptorOf(item, report));
    }
    results.push(resultOf(item, index.get(item.rule)!, report, options));
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'buildmedic', version: options.toolVersion, semanticVersion: options.toolVersion, informationUri: INFORMATION_URI, rules } },
        results,
        invocations: [{ executionSuccessful: true }],
      },
    ],
  };
}
