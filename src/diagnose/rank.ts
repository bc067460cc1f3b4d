// Turns what fired into a diagnosis: the outcome, findings ordered root cause first, consequences, wrapper chain.

import { renderFix, type RenderedFix } from '../kb/install.js';
import type { CiProvider, PlatformId } from '../kb/platforms.js';
import type { PlatformTracker } from './platform-tracker.js';
import type { InstallFacts } from '../kb/platforms.js';
import type { BuildTool, CaptureValue, Evidence, PatternHit, PublicCaptureValue, Rule, RuleCategory } from '../kb/rule.js';
import { confidenceOf, fillTemplate, MAX_EVIDENCE, publicCaptures, representativeHits, templateCaptures } from '../kb/rule.js';
import { TOOL_ON_LINE } from './markers.js';

export const SCHEMA_VERSION = 2;

export type Outcome = 'failed' | 'succeeded' | 'unknown';
export type Role = 'root-cause' | 'contributing' | 'consequence';

export interface Finding {
  rule: string;
  title: string;
  category: RuleCategory;
  role: Role;
  confidence: number;
  evidence: Evidence[];
  /** The rule's declared captures only, typed as declared (see `captures` in core/rule.ts). */
  captures: Record<string, PublicCaptureValue>;
  explanation: string;
  fix: RenderedFix;
  /** Rule id of the finding that explains this one, for role "consequence". */
  explainedBy?: string;
}

export interface Diagnosis {
  schemaVersion: typeof SCHEMA_VERSION;
  outcome: Outcome;
  rootCause: string | null;
  summary: string;
  findings: Finding[];
  /** Wrappers the failure travelled through, outermost first. */
  chain: string[];
  /** The most relevant error block (the whole story when no rule explains the failure). */
  excerpt: { startLine: number; lines: string[] } | null;
  /** Lines set aside as mere consequences of the failure (cascade, wrappers). */
  consequences: Evidence[];
  platform: {
    detected: PlatformId | null;
    source: 'log' | 'host' | 'none';
    docker: { image: string; line: number } | null;
    ci: CiProvider[];
    evidence: Evidence[];
  };
  input: { lines: number; truncatedLines: number };
}

export interface RuleResult {
  rule: Rule;
  hits: PatternHit[];
}

export interface RankInput {
  results: RuleResult[];
  lineCount: number;
  truncatedLines: number;
  lastFailureLine: number;
  lastSuccessLine: number;
  firstError: Evidence | null;
  excerpt: { startLine: number; lines: string[] } | null;
  /** A short paste with no failure marker whose lines read like an error: shown when the outcome is unknown. */
  unmarkedExcerpt: { startLine: number; lines: string[] } | null;
  consequences: Evidence[];
  chain: { label: string; line: number; depth: number; tool?: BuildTool }[];
  platform: PlatformTracker;
  hostPlatform: PlatformId | null;
}

/** A rule needs one line at least this strong to be reported; weaker patterns only add support. */
export const MIN_CONFIDENCE = 0.5;
/** A finding this strong shows a failure even when the log has no failure marker (a pasted fragment). */
const STANDALONE_CONFIDENCE = 0.8;

interface Scored {
  rule: Rule;
  confidence: number;
  captures: Record<string, CaptureValue>;
  evidence: Evidence[];
  firstLine: number;
  install?: InstallFacts;
  /** Every line shown is one the tool printed as a warning and went on. */
  warningOnly: boolean;
}

function scoreRule(result: RuleResult, fired: ReadonlySet<string>): Scored | null {
  const byStrength = [...result.hits].sort((a, b) => b.weight - a.weight || a.line - b.line);
  const captures: Record<string, CaptureValue> = {};
  for (const hit of byStrength) for (const [k, v] of Object.entries(hit.captures)) if (!(k in captures)) captures[k] = v;
  let confidence = confidenceOf(result.hits);
  let evidence: Evidence[] = representativeHits(result.hits).map((h) => ({ line: h.line, text: h.text }));
  let install: InstallFacts | undefined;
  if (result.rule.refine) {
    const refinement = result.rule.refine({ hits: result.hits, firedRules: fired, captures: captures as Record<string, string> });
    if (refinement === null) return null;
    if (refinement.confidence !== undefined) confidence = refinement.confidence;
    if (refinement.captures) Object.assign(captures, refinement.captures);
    if (refinement.evidence) evidence = refinement.evidence;
    install = refinement.install;
  }
  if (confidence < MIN_CONFIDENCE) return null;
  const unique = evidence.filter((e, i) => evidence.findIndex((o) => o.line === e.line) === i).slice(0, MAX_EVIDENCE);
  const warnings = new Set(result.rule.patterns.filter((p) => p.severity === 'warning').map((p) => p.id));
  const shownHits = result.hits.filter((h) => unique.some((e) => e.line === h.line) && h.weight >= MIN_CONFIDENCE);
  const warningOnly = shownHits.length > 0 && shownHits.every((h) => warnings.has(h.pattern));
  return { rule: result.rule, confidence: Math.round(confidence * 100) / 100, captures, evidence: unique, firstLine: unique[0]?.line ?? 0, install, warningOnly };
}

function decideOutcome(input: RankInput, strongest: number): Outcome {
  if (input.lastFailureLine > 0 && input.lastFailureLine > input.lastSuccessLine) return 'failed';
  if (input.lastSuccessLine > 0) return 'succeeded';
  return strongest >= STANDALONE_CONFIDENCE ? 'failed' : 'unknown';
}

/** The layer hits that belong to the failure at `anchor`: inner layers (compilers, pkg-config) only near it, outer wrappers anywhere before it. */
function chainHitsAround(hits: RankInput['chain'], anchor: number): RankInput['chain'] {
  return hits.filter((h) => (h.depth >= 6 ? h.line >= anchor - 400 && h.line <= anchor + 60 : h.line <= anchor + 60));
}

/** One label per nesting depth: the layer hit nearest before the anchor line (the failure). */
function resolveChain(hits: RankInput['chain'], anchor: number): string[] {
  const byDepth = new Map<number, { label: string; line: number }[]>();
  for (const h of chainHitsAround(hits, anchor)) byDepth.set(h.depth, [...(byDepth.get(h.depth) ?? []), h]);
  return [...byDepth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, list]) => {
      const before = list.filter((h) => h.line <= anchor);
      return (before.length ? before.reduce((a, b) => (b.line > a.line ? b : a)) : list.reduce((a, b) => (b.line < a.line ? b : a))).label;
    })
    .filter((label, i, all) => all.indexOf(label) === i);
}

export function rankFindings(input: RankInput): Diagnosis {
  // Refine hooks see which other rules fired. A rule with hits that its own refine vetoes (or that stay below
  // the reporting threshold) has not really fired, so a second pass shows each hook only the reported rules.
  const score = (fired: ReadonlySet<string>) => input.results.map((r) => scoreRule(r, fired)).filter((s): s is Scored => s !== null);
  const firstPass = score(new Set(input.results.map((r) => r.rule.id)));
  const scored = score(new Set(firstPass.map((s) => s.rule.id)));
  const strongest = Math.max(0, ...scored.map((s) => s.confidence));
  const outcome = decideOutcome(input, strongest);

  const reported = new Set(scored.map((s) => s.rule.id));
  const explainer = new Map<string, string>();
  for (const s of scored) for (const id of s.rule.explains) if (reported.has(id) && id !== s.rule.id && !explainer.has(id)) explainer.set(id, s.rule.id);
  // A warning never outranks a hard error: the tool went on after it, so the failure is the error's.
  const order = (a: Scored, b: Scored) => Number(a.warningOnly) - Number(b.warningOnly) || b.confidence - a.confidence || a.firstLine - b.firstLine;
  const independent = scored.filter((s) => !explainer.has(s.rule.id)).sort(order);
  const explained = scored.filter((s) => explainer.has(s.rule.id)).sort(order);
  const rootCause = outcome === 'failed' && independent.length > 0 ? independent[0].rule.id : null;

  const anchor = independent[0]?.firstLine || input.firstError?.line || input.lastFailureLine || input.lineCount;
  const platform = input.platform.resolve(anchor, input.hostPlatform);
  const toolsOnLines = (lines: readonly string[]) => lines.flatMap((line) => TOOL_ON_LINE.filter((t) => t.re.test(line)).map((t) => t.tool));
  const failureTools = [...chainHitsAround(input.chain, anchor).flatMap((h) => (h.tool ? [h.tool] : [])), ...toolsOnLines(input.excerpt?.lines ?? [])];
  /** The build tools the failure shows: the chain's, the error block's, and those a finding's own evidence lines name. */
  const toolsOf = (s: Scored): ReadonlySet<BuildTool> => new Set([...failureTools, ...toolsOnLines(s.evidence.map((e) => e.text))]);
  const toFinding = (s: Scored, role: Role): Finding => ({
    rule: s.rule.id,
    title: s.rule.title,
    category: s.rule.category,
    role,
    confidence: s.confidence,
    evidence: s.evidence,
    captures: publicCaptures(s.rule, s.captures),
    explanation: fillTemplate(s.rule.explanation, templateCaptures(s.captures)),
    fix: renderFix(s.rule.fix, platform, templateCaptures(s.captures), s.install, toolsOf(s)),
    ...(explainer.has(s.rule.id) ? { explainedBy: explainer.get(s.rule.id) } : {}),
  });
  const findings =
    outcome === 'succeeded'
      ? []
      : [
          ...independent.map((s, i) => toFinding(s, i === 0 && rootCause ? 'root-cause' : 'contributing')),
          ...explained.map((s) => toFinding(s, 'consequence')),
        ];

  const root = findings.find((f) => f.role === 'root-cause');
  const summary =
    outcome === 'succeeded'
      ? 'The build succeeded.'
      : root
        ? `${root.title}. ${root.fix.summary}`
        : outcome === 'failed'
          ? 'The build failed, and no known cause matched; the excerpt shows the most relevant error block.'
          : input.unmarkedExcerpt
            ? 'No failure marker found in this short log, but lines of it read like an error; the excerpt shows it whole.'
            : 'No build failure found in this log.';

  return {
    schemaVersion: SCHEMA_VERSION,
    outcome,
    rootCause,
    summary,
    findings,
    chain: outcome === 'failed' ? resolveChain(input.chain, anchor) : [],
    excerpt: outcome === 'failed' ? input.excerpt : outcome === 'unknown' ? input.unmarkedExcerpt : null,
    consequences: outcome === 'failed' ? input.consequences : [],
    platform: {
      detected: platform.platform,
      source: platform.source,
      docker: platform.docker,
      ci: platform.ci,
      evidence: platform.evidence,
    },
    input: { lines: input.lineCount, truncatedLines: input.truncatedLines },
  };
}
