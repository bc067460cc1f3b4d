// Renders a report as one self-contained HTML page (inline CSS, no scripts, no external requests), readable on a phone. Pure.

import { describeLocation, type Report, type ReportEvidence, type ReportItem } from './model.js';
import { clip } from './text-utils.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--card:#f6f8fa;--line:#d1d9e0;--hit:#fff1c2;--hitbar:#d4a72c;--err:#cf222e;--warn:#9a6700;--code:#eff2f5}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--card:#151b23;--line:#3d444d;--hit:#3b2e00;--hitbar:#d29922;--err:#ff7b72;--warn:#d29922;--code:#1f2428}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.15rem;margin:1.6rem 0 .6rem}h3{font-size:1.05rem;margin:0 0 .4rem}
.verdict.failed{color:var(--err)}.muted{color:var(--muted)}
section.finding{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--err);border-radius:6px;padding:.8rem;margin:.8rem 0}
section.finding.warning{border-left-color:var(--warn)}section.finding.note{border-left-color:var(--line)}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
code{background:var(--code);padding:.1em .3em;border-radius:4px}
pre{background:var(--code);padding:.6rem;border-radius:6px;overflow-x:auto;max-width:100%;white-space:pre}
ul.evidence{list-style:none;padding:0;margin:.4rem 0}
ul.evidence a{display:block;text-decoration:none;color:inherit;background:var(--hit);border-left:3px solid var(--hitbar);padding:.2rem .4rem;margin:.2rem 0;font:13px/1.45 ui-monospace,monospace}
.log{border:1px solid var(--line);border-radius:6px;overflow-x:auto;max-width:100%}
.log ol{list-style:none;margin:0;padding:.3rem 0;min-width:max-content}
.log li{display:flex;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre;padding:0 .5rem 0 0}
.log li .no{flex:none;width:4.5em;text-align:right;padding-right:.7em;color:var(--muted);text-decoration:none;user-select:none}
.log li.evidence{background:var(--hit);box-shadow:inset 3px 0 var(--hitbar)}
.log li.set-aside .text{color:var(--muted)}
.log li.gap{color:var(--muted);padding-left:5.2em}
.log a.text{color:inherit;text-decoration:underline dotted}
.log li:target{outline:2px solid var(--hitbar)}
table{border-collapse:collapse;width:100%}td,th{border-top:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}th{width:30%;font-weight:600}
`;

function evidenceList(item: ReportItem): string {
  if (item.evidence.length === 0) return '';
  const li = item.evidence
    .map((e) => {
      const where = escapeHtml(describeLocation(e.location));
      const body = `<span class="muted">${where}</span> ${escapeHtml(clip(e.text, 400))}`;
      return e.location.kind === 'log' ? `<li><a href="#L${e.location.line}">${body}</a></li>` : `<li><a>${body}</a></li>`;
    })
    .join('');
  return `<ul class="evidence">${li}</ul>`;
}

function findingSection(item: ReportItem): string {
  const label = item.role === 'root-cause' ? 'Root cause' : item.role === 'contributing' ? 'Also found' : item.role === 'finding' ? 'Finding' : 'Consequence';
  const score = item.confidence === null ? '' : ` · ${Math.round(item.confidence * 100)}%`;
  const parts = [`<section class="finding ${item.severity}" id="finding-${escapeHtml(item.rule)}">`, `<h3>${label}: ${escapeHtml(item.title)}</h3>`, `<p class="muted"><code>${escapeHtml(item.rule)}</code>${score}</p>`, evidenceList(item)];
  if (item.role === 'consequence') {
    parts.push(`<p>A consequence of <code>${escapeHtml(item.explainedBy ?? 'the root cause')}</code>.</p>`);
  } else {
    parts.push(`<p><strong>Why:</strong> ${escapeHtml(item.explanation)}</p>`, `<p><strong>Fix:</strong> ${escapeHtml(item.fix.summary)}</p>`);
    if (item.fix.steps.length) parts.push(`<ul>${item.fix.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`);
    if (item.fix.dockerfile) parts.push(`<p>In the Dockerfile stage that failed:</p><pre>${escapeHtml(item.fix.dockerfile)}</pre>`);
    const cmds = item.fix.commands.slice(0, 4);
    if (cmds.length) parts.push(`<pre>${cmds.map((c) => `<span class="muted"># ${escapeHtml(c.label)}</span>\n${escapeHtml(c.command)}`).join('\n')}</pre>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

interface LogLine {
  no: number;
  text: string;
  kind: 'plain' | 'evidence' | 'set-aside';
  finding: string | null;
}

/** The log lines the report knows: the excerpt, every evidence line and the lines set aside, in log order. */
function logLines(report: Report): LogLine[] {
  const byNo = new Map<number, LogLine>();
  const put = (no: number, text: string, kind: LogLine['kind'], finding: string | null) => {
    const old = byNo.get(no);
    if (!old || (old.kind !== 'evidence' && kind !== 'plain')) byNo.set(no, { no, text, kind, finding: finding ?? old?.finding ?? null });
  };
  report.excerpt?.lines.forEach((text, i) => put(report.excerpt!.startLine + i, text, 'plain', null));
  for (const e of report.setAside) if (e.location.kind === 'log') put(e.location.line, e.text, 'set-aside', null);
  for (const item of report.items) for (const e of item.evidence as ReportEvidence[]) if (e.location.kind === 'log') put(e.location.line, e.text, 'evidence', item.rule);
  return [...byNo.values()].sort((a, b) => a.no - b.no);
}

function plural(lines: number): string {
  return lines === 1 ? '1 line' : `${lines} lines`;
}

function logSection(report: Report): string {
  const lines = logLines(report);
  if (lines.length === 0) return '';
  const out: string[] = [];
  let prev = 0;
  for (const l of lines) {
    if (l.no > prev + 1) out.push(`<li class="gap">⋯ ${plural(l.no - prev - 1)}</li>`);
    const text = escapeHtml(clip(l.text, 2000));
    const no = `<a class="no" href="#L${l.no}">${l.no}</a>`;
    const body = l.finding ? `<a class="text" href="#finding-${escapeHtml(l.finding)}" title="evidence of ${escapeHtml(l.finding)}">${text}</a>` : `<span class="text">${text}</span>`;
    out.push(`<li id="L${l.no}" class="${l.kind}">${no}${body}</li>`);
    prev = l.no;
  }
  const name = report.log ? escapeHtml(report.log.name) : 'the log';
  const total = report.log && report.log.lines > prev ? `<li class="gap">⋯ ${plural(report.log.lines - prev)}</li>` : '';
  return `<h2>Log excerpt</h2>\n<p class="muted">From ${name}. Highlighted lines are evidence; they link to the finding they support.</p>\n<div class="log"><ol>\n${out.join('\n')}${total}\n</ol></div>`;
}

export function renderHtml(report: Report, options: { title?: string } = {}): string {
  const verdict = report.outcome === 'failed' ? 'Build failed' : report.outcome === 'succeeded' ? 'Build succeeded' : 'No build failure found';
  const title = options.title ?? `buildmedic: ${verdict}${report.rootCause ? ` — ${report.rootCause}` : ''}`;
  const body: string[] = [`<h1 class="verdict ${report.outcome}">${escapeHtml(verdict)}</h1>`, `<p>${escapeHtml(report.summary)}</p>`];
  const main = report.items.filter((i) => i.role !== 'consequence');
  const consequences = report.items.filter((i) => i.role === 'consequence');
  if (main.length) body.push('<h2>Diagnosis</h2>', ...main.map(findingSection));
  if (consequences.length || report.setAside.length) {
    body.push('<h2>Ruled out</h2>', '<p>Seen, but not the cause: these follow from it.</p>', ...consequences.map(findingSection));
    if (report.setAside.length) body.push(`<p class="muted">${report.setAside.length} log line(s) set aside as consequences are greyed in the excerpt.</p>`);
  }
  body.push(logSection(report));
  if (report.environment.length) {
    body.push('<h2>Environment</h2>', `<table>${report.environment.map((e) => `<tr><th>${escapeHtml(e.label)}</th><td>${escapeHtml(e.value)}</td></tr>`).join('')}</table>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body.filter(Boolean).join('\n')}
<p class="muted">Generated by buildmedic.</p>
</main>
</body>
</html>
`;
}
