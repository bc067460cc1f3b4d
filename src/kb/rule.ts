// The shape of a knowledge-base rule: declarative data (patterns, templates, fix advice) plus an optional refine hook.

import type { ComponentId } from './components.js';
import type { InstallFacts, PackageManager } from './platforms.js';
import type { SignalId } from './signals.js';

/** Closed list of rule categories, shown by `buildmedic rules`. */
export const RULE_CATEGORIES = [
  'toolchain', // a compiler, linker or build tool is missing or too old
  'system-library', // headers or libraries a -sys crate or extension needs
  'rust', // cargo/rustc configuration, features, lock files, targets
  'python', // pip, maturin, setuptools, wheels, interpreters
  'packaging', // wheel tags, manylinux, sdists
  'resources', // memory, disk, permissions
  'network', // registries, git hosts, downloads
  'container', // Docker/BuildKit, Nix, PaaS builders
  'code', // a genuine error in source code
] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

/** Commands other than diagnose/run that print rule ids. */
export type ReportingCommand = 'scan' | 'fix' | 'doctor' | 'wheel' | 'wheels';

/**
 * One single-line signal of a rule. `literals` is a prefilter: every line that `re` matches
 * must contain at least one of them (the knowledge-base test checks this on every case log),
 * so the engine only runs `re` on lines that contain a literal.
 */
export interface LinePattern {
  /** Short stable name, used in tests and `--explain` output. */
  id: string;
  /** Which tool prints the line this pattern targets (and since which version, where it matters). */
  source: string;
  literals: readonly string[];
  /** Applied to the normalised line (see log/normalize.ts). Named groups become captures. No g/y flags. */
  re: RegExp;
  /** How strongly this line alone shows the rule's cause, 0..1. Below 0.5 it only supports other patterns. */
  weight: number;
  /**
   * 'warning': the tool goes on after printing this line (e.g. cargo's failed cache write), so a finding that rests
   * only on such lines never outranks a finding with a hard error.
   */
  severity?: 'warning';
}

/** The build tools a fix command can be for. */
export const BUILD_TOOLS = ['cargo', 'pip', 'node-gyp', 'cmake', 'meson', 'make', 'go', 'gem', 'r', 'cabal', 'docker'] as const;
export type BuildTool = (typeof BUILD_TOOLS)[number];

/** A command that only helps where one build tool runs (`cargo fetch`, `meson setup --wipe builddir`). */
export interface ToolCommand {
  tool: BuildTool;
  command: string;
}

/** A step of advice that only applies where some build tools run (a crate feature for cargo, a CMake cache variable). */
export interface ToolStep {
  tool: BuildTool | readonly BuildTool[];
  step: string;
}

/** Advice for the fix, rendered for the platform the build ran on. Strings may use {{capture}} placeholders. */
export interface FixSpec {
  summary: string;
  /** Steps of advice; one tagged with a build tool is chosen the way tagged commands are (below). */
  steps?: readonly (string | ToolStep)[];
  /** Components of the kb table that provide what is missing: their packages and platform advice (preferred). */
  components?: readonly ComponentId[];
  /** System packages that provide what is missing, per package manager, when no component of the table fits. */
  packages?: Partial<Record<PackageManager, readonly string[]>>;
  /**
   * Commands that do not depend on the platform (e.g. `cargo update -p openssl-sys`). One tagged with a build tool is
   * shown only when the log shows that tool ran (the failure's wrapper chain, its evidence lines), unless the log shows
   * none of the tools the rule's tagged commands name.
   */
  commands?: readonly (string | ToolCommand)[];
  /** Commands for one platform only (e.g. `xcode-select --install` on macOS). */
  platformCommands?: Partial<Record<'macos' | 'windows' | 'linux' | 'nix', readonly string[]>>;
}

export interface Evidence {
  line: number;
  text: string;
}

/**
 * How a declared capture is typed in the public JSON: `string[]` is a list (features, packages, error codes),
 * `integer` a JSON number (a line, an ABI number), `version` and `path` strings of that kind.
 */
export const CAPTURE_TYPES = ['string', 'string[]', 'integer', 'version', 'path'] as const;
export type CaptureType = (typeof CAPTURE_TYPES)[number];

/** One public capture of a rule: what `diagnose --json` may print under `captures`, and what it means. */
export interface CaptureSpec {
  type: CaptureType;
  /** What the value is, for docs/diagnosis-json.md and the JSON Schema. */
  doc: string;
  /** Set when not every finding of the rule has it (the log may not say); test/captures.test.ts checks the others are always there. */
  optional?: boolean;
}

/** A capture as rules and templates handle it: patterns produce strings, a refine may produce a list. */
export type CaptureValue = string | readonly string[];
/** A capture as the public JSON carries it, typed by its declaration. */
export type PublicCaptureValue = string | number | string[];

/** A pattern hit recorded by the engine, with the lines around it that the rule asked for. */
export interface PatternHit {
  pattern: string;
  weight: number;
  line: number;
  text: string;
  captures: Record<string, string>;
  before: readonly string[];
  after: string[];
}

/** What a refine hook may look at: this rule's hits, and which other rules fired. */
export interface RefineContext {
  hits: readonly PatternHit[];
  /** Rules reported for this log (after their own refine and threshold), this one included. */
  firedRules: ReadonlySet<string>;
  /** Captures merged over all hits, first value wins. */
  captures: Record<string, string>;
}

/** What a refine hook returns: veto (null) or adjusted confidence and captures. */
export interface Refinement {
  confidence?: number;
  /** Added to the merged captures: declared names reach the JSON, `_names` feed templates only. */
  captures?: Record<string, CaptureValue>;
  /** Evidence lines to show, when not every hit is worth showing. */
  evidence?: Evidence[];
  /** What installs the entity this finding is about (from the kb table), replacing the rule's own packages. */
  install?: InstallFacts;
}

export interface RuleDefinition {
  /** Kebab-case `<subject>-<condition>`; public API, never reused. */
  id: string;
  title: string;
  /** One sentence saying what the diagnosis means. */
  summary: string;
  category: RuleCategory;
  /**
   * For a rule with no log detection (no patterns, no signals): the commands that report its id from project files
   * or artifacts. Such a rule is metadata and docs only, so `rules`, `explain` and SARIF know every id printed.
   */
  reportedBy?: readonly ReportingCommand[];
  /**
   * The captures this rule publishes (named groups of its patterns, signal entities, refine values), typed. Only these
   * reach the JSON; any other value a pattern or refine produces is listed in `internal` (or named `_likeThis`).
   */
  captures?: Readonly<Record<string, CaptureSpec>>;
  /**
   * Values that patterns or refine produce for the rule's own use (refine inputs, template fragments such as a
   * ready-made note, `name2` groups of a second wording): never output. kb-integrity checks that every value a
   * pattern or refine produces is in `captures` or here (names starting with `_` need not be listed).
   */
  internal?: readonly string[];
  patterns: readonly LinePattern[];
  /**
   * Shared signals (core/signals.ts) whose entities this rule owns: the kb table routes each entity (a program, a
   * header, a library...) to one rule, and the engine hands the hit to that rule only if it lists the signal here.
   */
  signals?: readonly SignalId[];
  /** Lines of context the engine keeps around each hit for `refine` (bounded). */
  contextBefore?: number;
  contextAfter?: number;
  /** Rules this one explains: when both fire, theirs is reported as a consequence of this one. */
  explains?: readonly string[];
  /** Why it happens, with {{capture}} placeholders. */
  explanation: string;
  fix: FixSpec;
  /** Stateful checks that single lines cannot express; return null to veto the finding. */
  refine?: (ctx: RefineContext) => Refinement | null;
}

export interface Rule extends RuleDefinition {
  captures: Readonly<Record<string, CaptureSpec>>;
  internal: readonly string[];
  signals: readonly SignalId[];
  contextBefore: number;
  contextAfter: number;
  explains: readonly string[];
}

/**
 * The default confidence of a set of hits: the strongest line, raised a little when several distinct patterns
 * agree. The engine applies it to all of a rule's hits; a refine hook that sets some hits aside applies it to the rest.
 */
export function confidenceOf(hits: readonly Pick<PatternHit, 'weight' | 'pattern'>[]): number {
  if (hits.length === 0) return 0;
  const best = Math.max(...hits.map((h) => h.weight));
  const distinct = new Set(hits.map((h) => h.pattern)).size;
  return Math.min(0.99, best + 0.05 * Math.min(2, distinct - 1));
}

/**
 * The hits with one reading per line: where a shared signal and a rule's own pattern read the same line, only the
 * stronger (the first of equals) counts, so one line is not taken for two wordings that agree.
 */
export function oneHitPerLine<T extends Pick<PatternHit, 'weight' | 'line'>>(hits: readonly T[]): T[] {
  const best = new Map<number, T>();
  for (const hit of hits) {
    const kept = best.get(hit.line);
    if (!kept || hit.weight > kept.weight) best.set(hit.line, hit);
  }
  return hits.filter((h) => best.get(h.line) === h);
}

/** How many evidence lines a finding shows at most. */
export const MAX_EVIDENCE = 6;

/**
 * The default evidence of a set of hits: the first of each pattern, then the rest, in line order, so a repeated line
 * cannot hide the others. The engine applies it to all of a rule's hits; a refine hook that sets some hits aside
 * applies it to the rest.
 */
export function representativeHits<H extends Pick<PatternHit, 'line' | 'pattern'>>(hits: readonly H[]): H[] {
  const byLine = [...hits].sort((a, b) => a.line - b.line);
  const firsts = byLine.filter((h, i) => byLine.findIndex((o) => o.pattern === h.pattern) === i);
  const rest = byLine.filter((h) => !firsts.includes(h));
  return [...firsts, ...rest].slice(0, MAX_EVIDENCE).sort((a, b) => a.line - b.line);
}

export const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;

export function defineRule(def: RuleDefinition): Rule {
  return {
    ...def,
    captures: def.captures ?? {},
    internal: def.internal ?? [],
    signals: def.signals ?? [],
    contextBefore: def.contextBefore ?? 0,
    contextAfter: def.contextAfter ?? 0,
    explains: def.explains ?? [],
  };
}

/** The captures of a finding that its rule declares, typed as declared; a value that does not fit its type is left out. */
export function publicCaptures(rule: Pick<Rule, 'captures'>, captures: Readonly<Record<string, CaptureValue>>): Record<string, PublicCaptureValue> {
  const out: Record<string, PublicCaptureValue> = {};
  for (const [name, value] of Object.entries(captures)) {
    const spec = rule.captures[name];
    if (!spec) continue;
    const typed = typedCapture(spec.type, value);
    if (typed !== undefined) out[name] = typed;
  }
  return out;
}

function typedCapture(type: CaptureType, value: CaptureValue): PublicCaptureValue | undefined {
  if (type === 'string[]') return typeof value === 'string' ? [value] : [...value];
  if (typeof value !== 'string') return undefined;
  // Digits only, as logs print a line or ABI number; anything else is not that integer.
  if (type === 'integer') return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
  return value;
}

/** Captures as templates read them: a list reads as its items joined by ", ". */
export function templateCaptures(captures: Readonly<Record<string, CaptureValue>>): Record<string, string> {
  return Object.fromEntries(Object.entries(captures).map(([k, v]) => [k, typeof v === 'string' ? v : v.join(', ')]));
}

/** Replaces {{name}} and {{name|fallback}} with captures; an unknown name without fallback becomes its own name. */
export function fillTemplate(template: string, captures: Record<string, string>): string {
  return template.replace(/\{\{(\w+)(?:\|([^}]*))?\}\}/g, (_, name: string, fallback?: string) => {
    const value = captures[name];
    if (value !== undefined && value !== '') return value;
    return fallback ?? name;
  });
}
