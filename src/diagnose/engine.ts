// The diagnosis engine: feeds log text through one literal prefilter, matches rules, markers and platform hints
// on the few lines that can match, and ranks what fired into a root cause. Pure: text in, Diagnosis out.

import { cleanText, displayLine, normalizeCleanLine } from './normalize.js';
import { LiteralScanner, type CompiledAutomaton } from './literal-scanner.js';
import { CHAIN_LAYERS, CONSEQUENCE_MARKERS, ERROR_MARKERS, ERROR_WORDS, SUCCESS_MARKERS, type Marker } from './markers.js';
import { PLATFORM_LITERALS, PlatformTracker } from './platform-tracker.js';
import { type PlatformId } from '../kb/platforms.js';
import type { BuildTool, Evidence, LinePattern, PatternHit, Rule } from '../kb/rule.js';
import { CAPTURE_OF_KIND, entityOf, routeSignal, SIGNALS, type Signal, type SignalPattern } from '../kb/signals.js';
import { rankFindings, type Diagnosis, type RuleResult } from './rank.js';

export interface KnowledgeBase {
  rules: readonly Rule[];
  /** Every pattern with the index of its rule; signal patterns (rule -1) are routed to a rule by the entity they find. */
  patterns: readonly { rule: number; pattern: LinePattern; signal?: Signal }[];
  ruleIndex: ReadonlyMap<string, number>;
  /** Every literal of rules, markers and platform signals: only lines containing one are looked at. */
  literals: readonly string[];
  scanner: LiteralScanner;
  /** For each literal id, the indexes of the patterns that list it. */
  patternsByLiteral: readonly (readonly number[])[];
  /** Literal ids of each marker and chain layer, in the order of markers.ts. */
  markerLiteralIds: ReadonlyMap<object, readonly number[]>;
  /** For each literal id, the markers and chain layers that list it (so a line looks only at those). */
  ownersByLiteral: readonly (readonly object[])[];
  /** Each marker's and chain layer's list (consequence, error, success, chain) and place in it, in markers.ts. */
  ownerSlots: ReadonlyMap<object, OwnerSlot>;
  /** Literal ids that platform signals use: a line without one skips the platform tracker. */
  platformLiteralIds: ReadonlySet<number>;
  literalIds: ReadonlyMap<string, number>;
}

/** Where a marker or chain layer sits in markers.ts: checks follow that order, as they did over the whole lists. */
export interface OwnerSlot {
  list: 'consequence' | 'error' | 'success' | 'chain';
  index: number;
}

const EXCERPT_BEFORE = 3;
const EXCERPT_AFTER = 15;
/**
 * npm prints its summary ("npm error code 1", "npm ERR! path ...") after the output of the script that failed, which
 * no marker recognises: an excerpt anchored on that summary shows more of what came before it.
 */
const WRAPPER_SUMMARY_BEFORE = 12;
// npm >= 10 "npm error ...", older "npm ERR! ..." (the lines npm prints about a failed lifecycle script)
const NPM_SUMMARY = /^npm (?:error|ERR!) /;
/** A Python traceback names its exception on its last line: an excerpt that starts at one reads on to it. */
const TRACEBACK_AFTER = 80;
// python: the first line of a traceback
const TRACEBACK_START = /^Traceback \(most recent call last\):?$/;
// python: the line that ends a traceback, "RuntimeError: message", "KeyboardInterrupt", "pkg.Error: ..."
const TRACEBACK_END = /^[A-Za-z_][\w.]*(?::\s|:?$)/;
const TAIL_LINES = 25;
const MAX_HITS_PER_RULE = 12;

/** A rule's full list of hits: how often each pattern is in it, and the index of the hit a new one replaces (-1: none). */
interface FullList {
  patterns: Map<string, number>;
  victim: number;
}
const MAX_CONSEQUENCES = 30;
/** Lines longer than this are matched on their start only and reported as truncated. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * Compiles the rules and the rule-independent markers into one prefilter (reusing a stored automaton when it fits,
 * and scanning with the WebAssembly loop when its module is given).
 */
export function compileKnowledgeBase(rules: readonly Rule[], storedAutomaton?: CompiledAutomaton | null, scanModule?: WebAssembly.Module | null): KnowledgeBase {
  const literals = new Set<string>();
  const patterns: { rule: number; pattern: LinePattern; signal?: Signal }[] = [];
  rules.forEach((rule, i) => {
    for (const pattern of rule.patterns) {
      patterns.push({ rule: i, pattern });
      for (const l of pattern.literals) literals.add(l);
    }
  });
  for (const signal of SIGNALS) {
    for (const pattern of signal.patterns) {
      patterns.push({ rule: -1, pattern, signal });
      for (const l of pattern.literals) literals.add(l);
    }
  }
  for (const m of [...CONSEQUENCE_MARKERS, ...ERROR_MARKERS, ...SUCCESS_MARKERS, ...CHAIN_LAYERS]) for (const l of m.literals) literals.add(l);
  for (const l of PLATFORM_LITERALS) literals.add(l);
  const all = [...literals].sort();
  const idOf = new Map(all.map((l, i) => [l, i]));
  const patternsByLiteral: number[][] = all.map(() => []);
  patterns.forEach(({ pattern }, index) => {
    for (const l of new Set(pattern.literals)) patternsByLiteral[idOf.get(l)!].push(index);
  });
  const markerLiteralIds = new Map<object, number[]>();
  const ownersByLiteral: object[][] = all.map(() => []);
  for (const m of [...CONSEQUENCE_MARKERS, ...ERROR_MARKERS, ...SUCCESS_MARKERS, ...CHAIN_LAYERS]) {
    const ids = m.literals.map((l) => idOf.get(l)!);
    markerLiteralIds.set(m, ids);
    for (const id of new Set(ids)) ownersByLiteral[id].push(m);
  }
  const ownerSlots = new Map<object, OwnerSlot>();
  const lists = { consequence: CONSEQUENCE_MARKERS, error: ERROR_MARKERS, success: SUCCESS_MARKERS, chain: CHAIN_LAYERS } as const;
  for (const [list, owners] of Object.entries(lists)) owners.forEach((o, index) => ownerSlots.set(o, { list: list as OwnerSlot['list'], index }));
  const platformLiteralIds = new Set(PLATFORM_LITERALS.map((l) => idOf.get(l)!));
  const scanner = new LiteralScanner(all, storedAutomaton);
  if (scanModule) scanner.useWasm(scanModule);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return { rules, patterns, ruleIndex, literals: all, scanner, patternsByLiteral, markerLiteralIds, ownersByLiteral, ownerSlots, platformLiteralIds, literalIds: idOf };
}

/** An excerpt whose lines after the error may still arrive with the next chunk. */
interface PendingExcerpt {
  startLine: number;
  head: string[];
  after: string[];
  /** The anchor starts a Python traceback: the excerpt ends at the traceback's exception line. */
  traceback?: boolean;
}

interface PendingContext {
  sink: string[];
  remaining: number;
}

export interface DiagnoseOptions {
  /** The platform to give fixes for when the log does not say where it ran. */
  hostPlatform?: PlatformId | null;
}

/** Indexes into each list of markers.ts of what owns a literal of one line, in ascending order. */
type OwnedByLine = Record<OwnerSlot['list'], number[]>;

/** A line's decoded and normalised text, its literals, and what owns them: all decided by its bytes alone. */
interface LineFacts {
  raw: string;
  text: string;
  present: ReadonlySet<number>;
  owned: OwnedByLine;
  platformLiteral: boolean;
  /** Indexes into KnowledgeBase.patterns, ascending. */
  candidates: readonly number[];
}

/** Lines up to this many bytes are remembered by factsOf, in this many slots. */
const MAX_REMEMBERED_LINE = 512;
export const REMEMBERED_LINES = 64;

/** FNV-1a of a line's bytes, never 0: lines of one shape (the same message, another number) seldom share it. */
export function lineSignature(buf: Buffer, start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + length; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return (h >>> 0) | 1;
}

interface ChainHit {
  label: string;
  line: number;
  depth: number;
  tool?: BuildTool;
}

/** Streaming diagnosis: call `feed` (text) or `feedBytes` (UTF-8) with consecutive chunks of whole lines, then `finish`. */
export class Diagnoser {
  private lineCount = 0;
  private tail: string[] = [];
  private pending: PendingContext[] = [];
  private hits = new Map<number, PatternHit[]>();
  private fullLists = new Map<number, FullList>();
  private consequences: Evidence[] = [];
  private firstError: Evidence | null = null;
  private excerpt: PendingExcerpt | null = null;
  private consequenceExcerpt: PendingExcerpt | null = null;
  /** The first error block the build went on past (a stage completed after it): shown only when nothing came later. */
  private passedExcerpt: PendingExcerpt | null = null;
  private lastFailureLine = 0;
  private lastSuccessLine = 0;
  private chain = new Map<number, ChainHit[]>();
  private platform = new PlatformTracker();
  private truncatedLines = 0;
  /** factsOf's memory: per slot, the facts of a line and a copy of its bytes, and the last signature seen there. */
  private lineFacts: ({ bytes: Buffer; facts: LineFacts } | undefined)[] = [];
  private lineSignatures = new Uint32Array(REMEMBERED_LINES);
  /** Weak signal hits that the lines after them may confirm (checked in finish, when those lines have arrived). */
  // Weak: a hit recordHit drops (past MAX_HITS_PER_RULE) must not stay alive here with its context lines; a flood of
  // confirmable lines (meson `found: NO`, autoconf `checking ... no`) would otherwise hold every one of them.
  private toConfirm = new WeakMap<PatternHit, { pattern: SignalPattern; entity: string }>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly options: DiagnoseOptions = {},
  ) {}

  /** `text` holds one or more whole lines separated by '\n'; consecutive calls continue the same log. */
  feed(text: string): void {
    this.feedBytes(Buffer.from(text, 'utf8'));
  }

  /** Like `feed`, for UTF-8 bytes: one or more whole lines separated by '\n', no trailing newline. */
  feedBytes(input: Uint8Array): void {
    let buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    // Decorations the byte scanner cannot step over (HTML entities, colour codes without ESC) are cleaned as text.
    if (needsTextCleaning(buf)) buf = Buffer.from(cleanText(buf.toString('utf8')), 'utf8');
    const firstLine = this.lineCount + 1;
    const len = buf.length;
    this.fulfilPending(buf);
    let countedTo = 0;
    let lineNo = firstLine;
    const find = this.kb.scanner.over(buf);
    for (let pos = 0; pos < len; ) {
      const hit = find(pos, len);
      if (hit < 0) break;
      const start = hit === 0 ? 0 : buf.lastIndexOf(10, hit) + 1;
      let end = buf.indexOf(10, hit);
      if (end < 0) end = len;
      lineNo += this.countLines(buf, countedTo, start);
      countedTo = start;
      this.processLine(buf, start, end, lineNo);
      pos = end + 1;
    }
    this.lineCount = lineNo + this.countLines(buf, countedTo, len);
    this.tail = lastLines(buf, len, TAIL_LINES, this.tail);
  }

  /** Newlines in buf[from, to); lines longer than the cap on the way are counted as truncated. */
  private countLines(buf: Buffer, from: number, to: number): number {
    const { lines, long } = this.kb.scanner.countLines(buf, from, to, MAX_LINE_BYTES);
    this.truncatedLines += long;
    return lines;
  }

  /** Lines the reader cut at its length cap, reported in the result. */
  noteTruncated(count: number): void {
    this.truncatedLines += count;
  }

  private fulfilPending(buf: Buffer): void {
    if (this.pending.length === 0) return;
    const need = Math.max(...this.pending.map((p) => p.remaining));
    const lines = firstLines(buf, 0, need);
    for (const p of this.pending) {
      for (const l of lines.slice(0, p.remaining)) p.sink.push(l);
      p.remaining -= Math.min(p.remaining, lines.length);
    }
    this.pending = this.pending.filter((p) => p.remaining > 0);
  }

  private requestAfter(buf: Buffer, end: number, count: number): string[] {
    const sink = end < buf.length ? firstLines(buf, end + 1, count) : [];
    if (sink.length < count) this.pending.push({ sink, remaining: count - sink.length });
    return sink;
  }

  private linesBefore(buf: Buffer, start: number, count: number): string[] {
    const own = start === 0 ? [] : lastLines(buf, start - 1, count, []);
    return own.length >= count ? own : [...this.tail, ...own].slice(-count);
  }

  /**
   * What the bytes of buf[start, capped) alone decide, remembered for lines seen before: a big log repeats many of
   * the lines the prefilter lets through (progress and summary lines, the same warning), and decoding, cleaning and
   * normalising them again was most of the cost of such a line.
   */
  private factsOf(buf: Buffer, start: number, capped: number): LineFacts {
    const length = capped - start;
    // A signature of the bytes picks the slot: cheap beside the facts for the many lines seen once (they leave only
    // their signature), while the bytes themselves decide whether a slot's facts are this line's.
    const sig = length > 0 && length <= MAX_REMEMBERED_LINE ? lineSignature(buf, start, length) : 0;
    const slot = sig % REMEMBERED_LINES;
    const known = sig === 0 ? undefined : this.lineFacts[slot];
    if (known && known.bytes.length === length && buf.compare(known.bytes, 0, length, start, capped) === 0) return known.facts;
    const raw = decodeLine(buf, start, capped);
    const normalized = normalizeCleanLine(raw);
    // A quoted source line (a comment in a Dockerfile excerpt, a snippet under a compiler error) is not the tool speaking.
    const text = normalized.quotedSource ? '' : normalized.text;
    // Only what owns a literal present in the line can match it: typically a handful of patterns, not all.
    const present = text === '' ? new Set<number>() : this.kb.scanner.literalsIn(buf, start, capped);
    // The markers and layers owning a literal of this line: usually none or one, so only those are checked.
    const owned: OwnedByLine = { consequence: [], error: [], success: [], chain: [] };
    let platformLiteral = false;
    const candidates = new Set<number>();
    for (const id of present) {
      for (const o of this.kb.ownersByLiteral[id]) {
        const owner = this.kb.ownerSlots.get(o)!;
        if (!owned[owner.list].includes(owner.index)) owned[owner.list].push(owner.index);
      }
      if (this.kb.platformLiteralIds.has(id)) platformLiteral = true;
      for (const p of this.kb.patternsByLiteral[id]) candidates.add(p);
    }
    for (const indexes of Object.values(owned)) if (indexes.length > 1) indexes.sort((a, b) => a - b);
    const facts = { raw, text, present, owned, platformLiteral, candidates: [...candidates].sort((a, b) => a - b) };
    // Remembered when its signature comes a second time; a copy of the bytes is worth it only for lines that repeat.
    if (sig !== 0 && this.lineSignatures[slot] === sig) this.lineFacts[slot] = { bytes: Buffer.from(buf.subarray(start, capped)), facts };
    else if (sig !== 0) this.lineSignatures[slot] = sig;
    return facts;
  }

  private processLine(buf: Buffer, start: number, end: number, line: number): void {
    const capped = Math.min(end, start + MAX_LINE_BYTES);
    const { raw, text, present, owned, platformLiteral, candidates } = this.factsOf(buf, start, capped);
    if (text === '') return;
    this.observeMarkers(buf, start, end, line, text, owned);
    for (const index of owned.chain) {
      const layer = CHAIN_LAYERS[index];
      const m = layer.re.exec(raw);
      if (!m) continue;
      const label = layer.label.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '').trim();
      const seen = this.chain.get(layer.depth) ?? [];
      if (seen.length < 64 && !seen.some((h) => h.label === label)) seen.push({ label, line, depth: layer.depth, ...(layer.tool ? { tool: layer.tool } : {}) });
      this.chain.set(layer.depth, seen);
    }
    if (platformLiteral) this.platform.observe(raw, text, line, (l) => present.has(this.kb.literalIds.get(l)!));
    for (const index of candidates) {
      const { pattern, signal } = this.kb.patterns[index];
      const m = pattern.re.exec(text);
      if (!m) continue;
      const groups = m.groups ?? {};
      if (!signal) {
        const captures: Record<string, string> = {};
        for (const [k, v] of Object.entries(groups)) if (v !== undefined) captures[k] = v;
        const rule = this.kb.patterns[index].rule;
        if (this.keepsHit(rule, pattern.id, pattern.weight)) this.recordHit(rule, this.makeHit(buf, start, end, line, text, pattern.id, pattern.weight, captures, rule));
        continue;
      }
      const signalPattern = pattern as SignalPattern;
      const entity = entityOf(signalPattern, groups);
      const routed = entity === undefined ? null : routeSignal(signal, signalPattern, entity);
      if (!routed) continue;
      const takes = (ruleId: string) => {
        const i = this.kb.ruleIndex.get(ruleId);
        return i !== undefined && this.kb.rules[i].signals.includes(signal.id) ? i : undefined;
      };
      const first = takes(routed.rule) ?? takes(routed.fallback);
      const targets = [first, ...routed.also.map(takes)].filter((t, i, all): t is number => t !== undefined && all.indexOf(t) === i);
      for (const target of targets) {
        if (!this.keepsHit(target, `${signal.id}:${pattern.id}`, routed.weight)) continue;
        const captures: Record<string, string> = { [CAPTURE_OF_KIND[routed.fact.kind]]: routed.fact.name, _entityKind: routed.fact.kind };
        for (const [k, v] of Object.entries(groups)) if (v !== undefined && !k.startsWith('entity')) captures[k] = v;
        const confirmAround = signalPattern.confirm ? 3 : 0;
        const hit = this.makeHit(buf, start, end, line, text, `${signal.id}:${pattern.id}`, routed.weight, captures, target, confirmAround);
        if (confirmAround) this.toConfirm.set(hit, { pattern: signalPattern, entity: routed.fact.name });
        this.recordHit(target, hit);
      }
    }
  }

  /** A hit of `rule` with the context lines that rule asked for (at least `minAround` before and after it). */
  private makeHit(buf: Buffer, start: number, end: number, line: number, text: string, pattern: string, weight: number, captures: Record<string, string>, rule: number, minAround = 0): PatternHit {
    const def = this.kb.rules[rule];
    const after = Math.max(def.contextAfter, minAround);
    const before = Math.max(def.contextBefore, minAround);
    return {
      pattern,
      weight,
      line,
      text,
      captures,
      before: before ? this.linesBefore(buf, start, before) : [],
      after: after ? this.requestAfter(buf, end, after) : [],
    };
  }

  /**
   * Whether recordHit would keep a hit of `pattern` with `weight`: once a rule's list is full, a flood of the same
   * message (a million distinct missing headers) is decided here, before its context lines are copied.
   */
  private keepsHit(rule: number, pattern: string, weight: number): boolean {
    const list = this.hits.get(rule);
    if (!list || list.length < MAX_HITS_PER_RULE) return true;
    const full = this.fullLists.get(rule) ?? this.describeFull(rule, list);
    return full.victim >= 0 && (!full.patterns.has(pattern) || weight > list[full.victim].weight);
  }

  /** A full list's patterns and the hit to replace: the weakest of a pattern seen twice. Kept until the list changes. */
  private describeFull(rule: number, list: readonly PatternHit[]): FullList {
    const patterns = new Map<string, number>();
    for (const h of list) patterns.set(h.pattern, (patterns.get(h.pattern) ?? 0) + 1);
    let victim = -1;
    for (let i = 0; i < list.length; i++) {
      if ((patterns.get(list[i].pattern) ?? 0) < 2) continue;
      if (victim < 0 || list[i].weight < list[victim].weight) victim = i;
    }
    const full = { patterns, victim };
    this.fullLists.set(rule, full);
    return full;
  }

  private recordHit(rule: number, hit: PatternHit): void {
    const list = this.hits.get(rule) ?? [];
    this.hits.set(rule, list);
    if (list.length < MAX_HITS_PER_RULE) {
      list.push(hit);
      return;
    }
    // Full: keep one hit of every pattern seen (a repeated message must not push out the line that supports
    // it), and otherwise the strongest evidence.
    if (!this.keepsHit(rule, hit.pattern, hit.weight)) return;
    list[this.fullLists.get(rule)!.victim] = hit;
    this.fullLists.delete(rule);
  }

  private observeMarkers(buf: Buffer, start: number, end: number, line: number, text: string, owned: OwnedByLine): void {
    const matches = (list: readonly Marker[]) => (index: number) => list[index].re.test(text);
    if (owned.consequence.some(matches(CONSEQUENCE_MARKERS))) {
      this.lastFailureLine = line;
      if (this.consequences.length < MAX_CONSEQUENCES) this.consequences.push({ line, text });
      this.consequenceExcerpt ??= this.captureExcerpt(buf, start, end, line);
      return;
    }
    if (owned.error.some(matches(ERROR_MARKERS))) {
      this.lastFailureLine = line;
      this.firstError ??= { line, text };
      this.excerpt ??= this.captureExcerpt(buf, start, end, line, text);
      return;
    }
    const successIndex = owned.success.find(matches(SUCCESS_MARKERS));
    const success = successIndex === undefined ? undefined : SUCCESS_MARKERS[successIndex];
    if (!success) return;
    // The build went on past the errors so far (pip's "Successfully built a" comes right before "Failed to build b", and
    // another job of make -j may finish after one failed, so those prove nothing): the failure's block starts later.
    if (!success.onlyBeforeFailure && !success.interleaves && (this.excerpt || this.consequenceExcerpt)) {
      this.passedExcerpt ??= this.excerpt ?? this.consequenceExcerpt;
      this.excerpt = null;
      this.consequenceExcerpt = null;
    }
    if (!success.stageOnly && !(success.onlyBeforeFailure && this.lastFailureLine > 0)) this.lastSuccessLine = line;
  }

  private captureExcerpt(buf: Buffer, start: number, end: number, line: number, text = ''): PendingExcerpt {
    const before = this.linesBefore(buf, start, NPM_SUMMARY.test(text) ? WRAPPER_SUMMARY_BEFORE : EXCERPT_BEFORE);
    const traceback = TRACEBACK_START.test(text);
    const after = this.requestAfter(buf, end, traceback ? TRACEBACK_AFTER : EXCERPT_AFTER);
    return { startLine: line - before.length, head: [...before, decodeLine(buf, start, end)], after, traceback };
  }

  finish(): Diagnosis {
    const results: RuleResult[] = [];
    for (const [index, hits] of this.hits) {
      // Context was kept raw while streaming; rules see it normalised like the lines they match.
      const normalized = hits.map((h) => {
        const after = h.after.map(normalizedText);
        const before = h.before.map(normalizedText);
        const pending = this.toConfirm.get(h);
        const confirm = pending?.pattern.confirm;
        const weight = confirm && confirm.by(after, pending.entity, before, h.text) ? confirm.weight : h.weight;
        return { ...h, weight, before, after };
      });
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
      excerpt: trimExcerpt(this.excerptBlock(tailStart)),
      unmarkedExcerpt: trimExcerpt(this.unmarkedPaste()),
      consequences: this.consequences,
      chain: [...this.chain.values()].flat(),
      platform: this.platform,
      hostPlatform: this.options.hostPlatform ?? null,
    });
  }

  /**
   * The block shown when no cause matched: around the first error after the last stage the build completed (else the
   * first such consequence, else the first error the build went on past, else the tail). A log no
   * longer than that block is shown whole, since the decisive line of a short paste often precedes its first
   * recognised error by more than the lines kept before it (a reporter's quoting, a command line, a compiler error
   * followed by its include and caret lines).
   */
  private excerptBlock(tailStart: number): PendingExcerpt | null {
    if (this.lineCount > 0 && this.lineCount <= EXCERPT_BEFORE + 1 + EXCERPT_AFTER && this.tail.length >= this.lineCount) {
      return { startLine: 1, head: this.tail.slice(-this.lineCount), after: [] };
    }
    return this.excerpt ?? this.consequenceExcerpt ?? this.passedExcerpt ?? (this.tail.length ? { startLine: tailStart, head: this.tail, after: [] } : null);
  }

  /**
   * A short paste with no failure marker whose lines read like an error, whole (shown while the outcome stays unknown):
   * the reporter cut it to the lines that failed, and the one that decides it is a message no marker knows.
   */
  private unmarkedPaste(): PendingExcerpt | null {
    if (this.lastFailureLine > 0 || this.lastSuccessLine > 0) return null;
    if (this.lineCount === 0 || this.lineCount > EXCERPT_BEFORE + 1 + EXCERPT_AFTER || this.tail.length < this.lineCount) return null;
    const paste = this.tail.slice(-this.lineCount);
    return paste.some((line) => ERROR_WORDS.test(normalizedText(line))) ? { startLine: 1, head: paste, after: [] } : null;
  }
}

const normalizedText = (line: string) => normalizeCleanLine(line).text;

/** The lines after a traceback's first line, up to its exception line and two more (at least the usual count). */
function tracebackLines(anchor: string, after: readonly string[]): readonly string[] {
  const depth = normalizeCleanLine(anchor).indent;
  const end = after.findIndex((l) => {
    const { text, indent } = normalizeCleanLine(l);
    return text !== '' && indent <= depth && !text.startsWith('File "') && TRACEBACK_END.test(text);
  });
  return after.slice(0, Math.max(EXCERPT_AFTER, end < 0 ? EXCERPT_AFTER : end + 3));
}

function trimExcerpt(excerpt: PendingExcerpt | null) {
  if (!excerpt) return null;
  const after = excerpt.traceback ? tracebackLines(excerpt.head[excerpt.head.length - 1], excerpt.after) : excerpt.after;
  const lines = [...excerpt.head, ...after].map(displayLine);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return { startLine: excerpt.startLine, lines };
}

/** Decodes one line (invalid UTF-8 becomes U+FFFD), capped, without NULs, colours or HTML entities. */
function decodeLine(buf: Buffer, start: number, end: number): string {
  let line = buf.toString('utf8', start, Math.min(end, start + MAX_LINE_BYTES));
  if (line.includes('\0')) line = line.replaceAll('\0', '');
  return line.includes('\x1b') ? cleanText(line) : line;
}

/** The end of a colour code; a needle as bytes, since Buffer#indexOf encodes a string needle on every call. */
const SGR_RESET = Buffer.from('[0m');

/** HTML entities and colour codes whose ESC byte was lost hide literals from the byte scanner. */
function needsTextCleaning(buf: Buffer): boolean {
  if (buf.indexOf(0x26 /* & */) !== -1 && /&(?:lt|gt|amp|quot|#39|#x27|#96|#x60|nbsp);/.test(buf.toString('latin1'))) return true;
  for (let i = buf.indexOf(SGR_RESET); i !== -1; i = buf.indexOf(SGR_RESET, i + 3)) if (i === 0 || buf[i - 1] !== 0x1b) return true;
  return false;
}

function firstLines(buf: Buffer, from: number, count: number): string[] {
  const out: string[] = [];
  let pos = from;
  while (out.length < count && pos <= buf.length) {
    let nl = buf.indexOf(10, pos);
    if (nl < 0) nl = buf.length;
    out.push(decodeLine(buf, pos, nl));
    if (nl >= buf.length) break;
    pos = nl + 1;
  }
  return out;
}

/** The last `count` lines of buf[0, end), continuing `previous` when there are fewer. */
function lastLines(buf: Buffer, end: number, count: number, previous: readonly string[]): string[] {
  const out: string[] = [];
  let stop = end;
  while (out.length < count) {
    const nl = stop === 0 ? -1 : buf.lastIndexOf(10, stop - 1);
    out.unshift(decodeLine(buf, nl + 1, stop));
    if (nl < 0) break;
    stop = nl;
  }
  if (out.length >= count) return out;
  return [...previous, ...out].slice(-count);
}

export function diagnoseText(kb: KnowledgeBase, text: string, options: DiagnoseOptions = {}): Diagnosis {
  const d = new Diagnoser(kb, options);
  if (text.length > 0) d.feed(text.endsWith('\n') ? text.slice(0, -1) : text);
  return d.finish();
}
