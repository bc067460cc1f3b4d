// The diagnosis engine: feeds log text through one literal prefilter, matches rules, markers and platform hints
// on the few lines that can match, and ranks what fired into a root cause. Pure: text in, Diagnosis out.

import { cleanText, displayLine, normalizeCleanLine } from '../log/normalize.js';
import { CHAIN_LAYERS, CONSEQUENCE_MARKERS, ERROR_MARKERS, SUCCESS_MARKERS } from './markers.js';
import { PLATFORM_LITERALS, PlatformTracker, type PlatformId } from './platform.js';
import type { Evidence, LinePattern, PatternHit, Rule } from './rule.js';
import { rankFindings, type Diagnosis, type RuleResult } from './rank.js';

export interface KnowledgeBase {
  rules: readonly Rule[];
  /** Every pattern with the index of its rule. */
  patterns: readonly { rule: number; pattern: LinePattern }[];
  prefilter: RegExp;
  maxBefore: number;
}

const EXCERPT_BEFORE = 3;
const EXCERPT_AFTER = 15;
const TAIL_LINES = 25;
const MAX_HITS_PER_RULE = 12;
const MAX_CONSEQUENCES = 30;

function escapeLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles the rules and the rule-independent markers into one prefilter. */
export function compileKnowledgeBase(rules: readonly Rule[]): KnowledgeBase {
  const literals = new Set<string>();
  const patterns: { rule: number; pattern: LinePattern }[] = [];
  rules.forEach((rule, i) => {
    for (const pattern of rule.patterns) {
      patterns.push({ rule: i, pattern });
      for (const l of pattern.literals) literals.add(l);
    }
  });
  for (const m of [...CONSEQUENCE_MARKERS, ...ERROR_MARKERS, ...SUCCESS_MARKERS, ...CHAIN_LAYERS]) for (const l of m.literals) literals.add(l);
  for (const l of PLATFORM_LITERALS) literals.add(l);
  // Longest first, so that the alternation prefers the most specific literal at a position.
  const alternation = [...literals].sort((a, b) => b.length - a.length).map(escapeLiteral).join('|');
  return {
    rules,
    patterns,
    // The g flag is the engine's, for scanning whole chunks; rule patterns themselves never carry g or y.
    prefilter: new RegExp(alternation, 'g'),
    maxBefore: Math.max(EXCERPT_BEFORE, ...rules.map((r) => r.contextBefore)),
  };
}

/** An excerpt whose lines after the error may still arrive with the next chunk. */
interface PendingExcerpt {
  startLine: number;
  head: string[];
  after: string[];
}

interface PendingContext {
  sink: string[];
  remaining: number;
}

export interface DiagnoseOptions {
  /** The platform to give fixes for when the log does not say where it ran. */
  hostPlatform?: PlatformId | null;
}

interface ChainHit {
  label: string;
  line: number;
  depth: number;
}

/** Streaming diagnosis: call `feed` with consecutive chunks of whole lines, then `finish`. */
export class Diagnoser {
  private lineCount = 0;
  private tail: string[] = [];
  private pending: PendingContext[] = [];
  private hits = new Map<number, PatternHit[]>();
  private consequences: Evidence[] = [];
  private firstError: Evidence | null = null;
  private firstConsequence: Evidence | null = null;
  private excerpt: PendingExcerpt | null = null;
  private consequenceExcerpt: PendingExcerpt | null = null;
  private lastFailureLine = 0;
  private lastSuccessLine = 0;
  private chain = new Map<number, ChainHit[]>();
  private platform = new PlatformTracker();
  private truncatedLines = 0;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly options: DiagnoseOptions = {},
  ) {}

  /** `text` holds one or more whole lines separated by '\n'; consecutive calls continue the same log. */
  feed(text: string): void {
    const clean = cleanText(text);
    const firstLine = this.lineCount + 1;
    this.fulfilPending(clean);
    const prefilter = this.kb.prefilter;
    prefilter.lastIndex = 0;
    let countedTo = 0;
    let lineNo = firstLine;
    for (let m = prefilter.exec(clean); m !== null; m = prefilter.exec(clean)) {
      const start = m.index === 0 ? 0 : clean.lastIndexOf('\n', m.index - 1) + 1;
      let end = clean.indexOf('\n', m.index);
      if (end < 0) end = clean.length;
      lineNo += countNewlines(clean, countedTo, start);
      countedTo = start;
      this.processLine(clean, start, end, lineNo);
      prefilter.lastIndex = end + 1;
      if (end >= clean.length) break;
    }
    this.lineCount = firstLine - 1 + countNewlines(clean, 0, clean.length) + 1;
    this.tail = lastLines(clean, TAIL_LINES, this.tail);
  }

  /** Lines the reader cut at its length cap, reported in the result. */
  noteTruncated(count: number): void {
    this.truncatedLines += count;
  }

  private fulfilPending(clean: string): void {
    if (this.pending.length === 0) return;
    const need = Math.max(...this.pending.map((p) => p.remaining));
    const lines = firstLines(clean, 0, need);
    for (const p of this.pending) {
      for (const l of lines.slice(0, p.remaining)) p.sink.push(l);
      p.remaining -= Math.min(p.remaining, lines.length);
    }
    this.pending = this.pending.filter((p) => p.remaining > 0);
  }

  private requestAfter(clean: string, end: number, count: number): string[] {
    const sink = end < clean.length ? firstLines(clean, end + 1, count) : [];
    if (sink.length < count) this.pending.push({ sink, remaining: count - sink.length });
    return sink;
  }

  private linesBefore(clean: string, start: number, count: number): string[] {
    const own = start === 0 ? [] : lastLines(clean.slice(Math.max(0, start - 4096 * count), start - 1), count, []);
    if (own.length >= count || start > 4096 * count) return own.slice(-count);
    return [...this.tail, ...own].slice(-count);
  }

  private processLine(clean: string, start: number, end: number, line: number): void {
    const raw = clean.slice(start, end);
    const { text } = normalizeCleanLine(raw);
    if (text === '') return;
    this.observeMarkers(clean, start, end, line, text);
    for (const layer of CHAIN_LAYERS) {
      if (!layer.literals.some((l) => raw.includes(l))) continue;
      const m = layer.re.exec(raw);
      if (!m) continue;
      const label = layer.label.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '').trim();
      const seen = this.chain.get(layer.depth) ?? [];
      if (seen.length < 64 && !seen.some((h) => h.label === label)) seen.push({ label, line, depth: layer.depth });
      this.chain.set(layer.depth, seen);
    }
    this.platform.observe(raw, line);
    for (const { rule, pattern } of this.kb.patterns) {
      if (!pattern.literals.some((l) => text.includes(l))) continue;
      const m = pattern.re.exec(text);
      if (!m) continue;
      const def = this.kb.rules[rule];
      const captures: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) captures[k] = v;
      const hit: PatternHit = {
        pattern: pattern.id,
        weight: pattern.weight,
        line,
        text,
        captures,
        before: def.contextBefore ? this.linesBefore(clean, start, def.contextBefore) : [],
        after: def.contextAfter ? this.requestAfter(clean, end, def.contextAfter) : [],
      };
      this.recordHit(rule, hit);
    }
  }

  private recordHit(rule: number, hit: PatternHit): void {
    const list = this.hits.get(rule) ?? [];
    if (list.length < MAX_HITS_PER_RULE) list.push(hit);
    else {
      // Keep the strongest evidence when a rule fires more often than we keep.
      let weakest = 0;
      for (let i = 1; i < list.length; i++) if (list[i].weight < list[weakest].weight) weakest = i;
      if (hit.weight > list[weakest].weight) list[weakest] = hit;
    }
    this.hits.set(rule, list);
  }

  private observeMarkers(clean: string, start: number, end: number, line: number, text: string): void {
    const matches = (m: { literals: readonly string[]; re: RegExp }) => m.literals.some((l) => text.includes(l)) && m.re.test(text);
    if (CONSEQUENCE_MARKERS.some(matches)) {
      this.lastFailureLine = line;
      if (this.consequences.length < MAX_CONSEQUENCES) this.consequences.push({ line, text });
      if (!this.firstConsequence) {
        this.firstConsequence = { line, text };
        this.consequenceExcerpt = this.captureExcerpt(clean, start, end, line);
      }
      return;
    }
    if (ERROR_MARKERS.some(matches)) {
      this.lastFailureLine = line;
      if (!this.firstError) {
        this.firstError = { line, text };
        this.excerpt = this.captureExcerpt(clean, start, end, line);
      }
      return;
    }
    if (SUCCESS_MARKERS.some(matches)) this.lastSuccessLine = line;
  }

  private captureExcerpt(clean: string, start: number, end: number, line: number): PendingExcerpt {
    const before = this.linesBefore(clean, start, EXCERPT_BEFORE);
    return { startLine: line - before.length, head: [...before, clean.slice(start, end)], after: this.requestAfter(clean, end, EXCERPT_AFTER) };
  }

  finish(): Diagnosis {
    const results: RuleResult[] = [];
    for (const [index, hits] of this.hits) {
      // Context was kept raw while streaming; rules see it normalised like the lines they match.
      const normalized = hits.map((h) => ({ ...h, before: h.before.map(normalizedText), after: h.after.map(normalizedText) }));
      results.push({ rule: this.kb.rules[index], hits: normalized });
    }
    const tailStart = Math.max(1, this.lineCount - this.tail.length + 1);
    return rankFindings({
      results,
      lineCount: this.lineCount,
      truncatedLines: this.truncatedLines,
      lastFailureLine: this.lastFailureLine,
      lastSuccessLine: this.lastSuccessLine,
      firstError: this.firstError,
      excerpt: trimExcerpt(this.excerpt ?? this.consequenceExcerpt ?? (this.tail.length ? { startLine: tailStart, head: this.tail, after: [] } : null)),
      consequences: this.consequences,
      chain: [...this.chain.values()].flat(),
      platform: this.platform,
      hostPlatform: this.options.hostPlatform ?? null,
    });
  }
}

const normalizedText = (line: string) => normalizeCleanLine(line).text;

function trimExcerpt(excerpt: PendingExcerpt | null) {
  if (!excerpt) return null;
  const lines = [...excerpt.head, ...excerpt.after].map(displayLine);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return { startLine: excerpt.startLine, lines };
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function firstLines(s: string, from: number, count: number): string[] {
  const out: string[] = [];
  let pos = from;
  while (out.length < count && pos <= s.length) {
    let nl = s.indexOf('\n', pos);
    if (nl < 0) nl = s.length;
    out.push(s.slice(pos, nl));
    if (nl >= s.length) break;
    pos = nl + 1;
  }
  return out;
}

/** The last `count` lines of `s`, continuing `previous` when `s` has fewer. */
function lastLines(s: string, count: number, previous: readonly string[]): string[] {
  const out: string[] = [];
  let end = s.length;
  while (out.length < count) {
    const nl = s.lastIndexOf('\n', end - 1);
    out.unshift(s.slice(nl + 1, end));
    if (nl < 0) break;
    end = nl;
  }
  if (out.length >= count) return out;
  return [...previous, ...out].slice(-count);
}

export function diagnoseText(kb: KnowledgeBase, text: string, options: DiagnoseOptions = {}): Diagnosis {
  const d = new Diagnoser(kb, options);
  if (text.length > 0) d.feed(text.endsWith('\n') ? text.slice(0, -1) : text);
  return d.finish();
}
