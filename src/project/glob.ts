// One glob matcher for every glob a project brings (Cargo workspace members, .dockerignore, COPY sources, the
// scanners' own file lists); pure, and linear in practice: a state-set simulation, never a backtracking regex.
//
// Hand-written rather than a library: picomatch and minimatch compile to RegExp (which backtracks on `*a*a*a…c`), and
// none speaks both the `glob` crate's dialect and Docker's.

/**
 * `cargo`: the `glob` crate as Cargo expands `[workspace] members` (per path component: `*` `?` `[a-z]` `[!a]`,
 * `**` only as a whole component, a `]` right after `[` or `[!` is literal, no escapes).
 * `dockerignore`: moby/patternmatcher (Go `filepath.Match` classes `[^a]` and `\` escapes, `**` spans directories,
 * a leading `**` before plain text is a suffix match).
 * `copy`: a COPY/ADD source in BuildKit (Go `filepath.Match` per component: `**` is just `*`).
 * `scan`: the lists scanners declare (`**` then a slash, `*`, `?`; everything else literal).
 */
export type GlobDialect = 'cargo' | 'dockerignore' | 'copy' | 'scan';

type Step =
  /** Consumes one character that `test` accepts. */
  | { kind: 'one'; test: (c: number) => boolean; slash: boolean }
  /** Any run of characters; `slash`: the run may contain '/'. */
  | { kind: 'star'; slash: boolean }
  /** Empty, or any run that ends with '/': zero or more whole directories. */
  | { kind: 'dirs' };

export interface Glob {
  readonly source: string;
  readonly dialect: GlobDialect;
  /** The path matches when one alternative does (only a Cargo `dir/**` has two: `dir` itself, or below it). */
  readonly alternatives: readonly CompiledSteps[];
}

interface CompiledSteps {
  steps: Step[];
  /** How many characters a match consumes at least: a longer pattern cannot match a shorter path. */
  minLength: number;
  /** For each step position, the last earlier step that can consume '/', or -1 (for pruning, see matchSteps). */
  lastSlashCapable: Int32Array;
}

export class GlobSyntaxError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`invalid glob pattern \`${pattern}\`: ${reason}`);
  }
}

/** Counts the work a match does, so tests can bound it without a clock. */
export interface GlobWork {
  steps: number;
}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;

function literal(c: number): Step {
  return { kind: 'one', test: (x) => x === c, slash: c === SLASH };
}

const ANY_BUT_SLASH: Step = { kind: 'one', test: (x) => x !== SLASH, slash: false };

/** Appends a step, folding runs of stars that mean the same (two `**` in a row, a `*` after `**`) so chains stay short. */
function push(steps: Step[], s: Step): void {
  if (s.kind !== 'one') {
    if (s.kind === 'star' && s.slash) {
      while (steps.length && steps[steps.length - 1].kind !== 'one') steps.pop();
    } else {
      const last = steps[steps.length - 1];
      if (last && last.kind === 'star' && last.slash) return;
      if (last && last.kind === s.kind && (s.kind === 'dirs' || (last.kind === 'star' && s.kind === 'star' && last.slash === s.slash))) return;
    }
  }
  steps.push(s);
}

interface ClassSyntax {
  negation: string;
  escapes: boolean;
  /** A `]` first in the set is a member (glob crate), not the end (Go rejects it). */
  leadingBracketLiteral: boolean;
  /** Go's regexp classes in .dockerignore can match '/'; per-component matchers never see one. */
  matchesSlash: boolean;
}

/** Parses `[...]` at `cps[start]`; returns the step and the index after `]`. */
function parseClass(cps: number[], start: number, syntax: ClassSyntax, pattern: string): { step: Step; next: number } {
  let i = start + 1;
  let negated = false;
  if (i < cps.length && syntax.negation.includes(String.fromCodePoint(cps[i]))) {
    negated = true;
    i++;
  }
  const ranges: [number, number][] = [];
  const item = (): number => {
    if (i >= cps.length) throw new GlobSyntaxError(pattern, 'unclosed `[`');
    let c = cps[i++];
    if (syntax.escapes && c === BACKSLASH) {
      if (i >= cps.length) throw new GlobSyntaxError(pattern, 'a `\\` ends the pattern');
      c = cps[i++];
    }
    return c;
  };
  let first = true;
  for (;;) {
    if (i >= cps.length) throw new GlobSyntaxError(pattern, 'unclosed `[`');
    if (cps[i] === 0x5d && !(first && syntax.leadingBracketLiteral)) {
      if (first) throw new GlobSyntaxError(pattern, 'empty `[]`');
      i++;
      break;
    }
    first = false;
    const lo = item();
    let hi = lo;
    if (cps[i] === 0x2d && i + 1 < cps.length && cps[i + 1] !== 0x5d) {
      i++;
      hi = item();
    }
    ranges.push([lo, hi]);
  }
  const allowSlash = syntax.matchesSlash;
  const test = (x: number): boolean => {
    if (x === SLASH && !allowSlash) return false;
    let inSet = false;
    for (const [lo, hi] of ranges) if (x >= lo && x <= hi) inSet = true;
    return inSet !== negated;
  };
  return { step: { kind: 'one', test, slash: allowSlash && test(SLASH) }, next: i };
}

const GO_CLASS: ClassSyntax = { negation: '^', escapes: true, leadingBracketLiteral: false, matchesSlash: false };
const GLOB_CRATE_CLASS: ClassSyntax = { negation: '!', escapes: false, leadingBracketLiteral: true, matchesSlash: false };

/** `?`, a `[...]` set or a literal character at `cps[i]`: pushes its step, returns the index after it. */
function pushOneCharacter(cps: number[], i: number, steps: Step[], classes: ClassSyntax, pattern: string): number {
  if (cps[i] === 0x3f) {
    push(steps, ANY_BUT_SLASH);
    return i + 1;
  }
  if (cps[i] === 0x5b) {
    const { step, next } = parseClass(cps, i, classes, pattern);
    push(steps, step);
    return next;
  }
  push(steps, literal(cps[i]));
  return i + 1;
}

function compileCargo(pattern: string): Step[][] {
  const cps = Array.from(pattern, (ch) => ch.codePointAt(0)!);
  const steps: Step[] = [];
  for (let i = 0; i < cps.length; ) {
    const c = cps[i];
    if (c === 0x2a) {
      let run = 0;
      while (cps[i + run] === 0x2a) run++;
      if (run > 2) throw new GlobSyntaxError(pattern, 'wildcards are either `*` or a recursive `**`');
      if (run === 2) {
        const atStart = i === 0 || cps[i - 1] === SLASH;
        const atEnd = i + 2 === cps.length || cps[i + 2] === SLASH;
        if (!atStart || !atEnd) throw new GlobSyntaxError(pattern, 'a recursive `**` must be a whole path component');
        if (i + 2 === cps.length) {
          // `dir/**` is `dir` itself and everything below it.
          const parent = steps.slice(0, -1);
          const below = [...steps];
          push(below, { kind: 'star', slash: true });
          return i === 0 ? [below] : [parent, below];
        }
        push(steps, { kind: 'dirs' });
        i += 3;
        continue;
      }
      push(steps, { kind: 'star', slash: false });
      i++;
    } else {
      // The glob crate takes `[` as a set only when a `]` closes it; a lone `[` is an error ("invalid range pattern").
      i = pushOneCharacter(cps, i, steps, GLOB_CRATE_CLASS, pattern);
    }
  }
  return [steps];
}

/** Go filepath.Match syntax per component; `dockerignore` adds patternmatcher's `**`. */
function compileGo(pattern: string, doubleStar: boolean): Step[][] {
  const cps = Array.from(pattern, (ch) => ch.codePointAt(0)!);
  const steps: Step[] = [];
  const special = (x: number) => x === 0x2a || x === 0x3f || x === 0x5b || x === 0x5d || x === BACKSLASH;
  for (let i = 0; i < cps.length; ) {
    const c = cps[i];
    if (c === 0x2a && doubleStar && cps[i + 1] === 0x2a) {
      i += 2;
      const ateSlash = cps[i] === SLASH;
      if (ateSlash) i++;
      if (i >= cps.length) push(steps, { kind: 'star', slash: true });
      else if (steps.length === 0 && !ateSlash && !cps.slice(i).some(special)) {
        // patternmatcher: a leading `**` before plain text is a suffix match (`**foo` matches `xfoo`).
        push(steps, { kind: 'star', slash: true });
      } else push(steps, { kind: 'dirs' });
    } else if (c === 0x2a) {
      push(steps, { kind: 'star', slash: false });
      i++;
    } else if (c === BACKSLASH) {
      if (i + 1 >= cps.length) throw new GlobSyntaxError(pattern, 'a `\\` ends the pattern');
      push(steps, literal(cps[i + 1]));
      i += 2;
    } else {
      i = pushOneCharacter(cps, i, steps, { ...GO_CLASS, matchesSlash: doubleStar }, pattern);
    }
  }
  return [steps];
}

function compileScan(pattern: string): Step[][] {
  const cps = Array.from(pattern, (ch) => ch.codePointAt(0)!);
  const steps: Step[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c === 0x2a && cps[i + 1] === 0x2a) {
      if (cps[i + 2] === SLASH) {
        push(steps, { kind: 'dirs' });
        i += 2;
      } else {
        push(steps, { kind: 'star', slash: true });
        i += 1;
      }
    } else if (c === 0x2a) push(steps, { kind: 'star', slash: false });
    else if (c === 0x3f) push(steps, ANY_BUT_SLASH);
    else push(steps, literal(c));
  }
  return [steps];
}

function canConsumeSlash(s: Step): boolean {
  return s.kind === 'dirs' || (s.kind === 'star' ? s.slash : s.slash);
}

function finish(steps: Step[]): CompiledSteps {
  const lastSlashCapable = new Int32Array(steps.length + 1);
  let last = -1;
  for (let k = 0; k <= steps.length; k++) {
    lastSlashCapable[k] = last;
    if (k < steps.length && canConsumeSlash(steps[k])) last = k;
  }
  return { steps, minLength: steps.filter((s) => s.kind === 'one').length, lastSlashCapable };
}

/** Compiles `pattern`; throws GlobSyntaxError where the tool that owns the dialect would reject it too. */
export function compileGlob(pattern: string, dialect: GlobDialect): Glob {
  const alts = dialect === 'cargo' ? compileCargo(pattern) : dialect === 'scan' ? compileScan(pattern) : compileGo(pattern, dialect === 'dockerignore');
  return { source: pattern, dialect, alternatives: alts.map(finish) };
}

/** Like compileGlob, but an invalid pattern gives its reason instead of throwing. */
export function tryCompileGlob(pattern: string, dialect: GlobDialect): Glob | { error: string } {
  try {
    return compileGlob(pattern, dialect);
  } catch (error) {
    if (error instanceof GlobSyntaxError) return { error: error.message };
    throw error;
  }
}

/** Whether a path component holds a wildcard in this dialect (otherwise it names one entry literally). */
export function hasWildcard(segment: string, dialect: GlobDialect): boolean {
  return dialect === 'scan' ? /[*?]/.test(segment) : /[*?[]/.test(segment) || (dialect !== 'cargo' && segment.includes('\\'));
}

/**
 * Simulates the pattern on the path with a set of live positions (Thompson's construction, as RE2 does), so the
 * work is at most (path length + 1) x (2 x steps + 2), never exponential. A position left behind a live `*` with
 * nothing between them that can take a '/' can match nothing that `*` cannot, so it is dropped: that keeps
 * `*a*a*a…c` linear, as in Russ Cox's "Glob Matching Can Be Simple And Fast Too".
 */
function matchSteps(c: CompiledSteps, text: number[], work: GlobWork): boolean {
  const { steps, lastSlashCapable } = c;
  if (c.minLength > text.length) return false;
  const n = steps.length;
  const mark = new Int32Array(2 * n + 2).fill(-1);
  let gen = 0;
  // State 2i: about to match step i (2n: matched everything); 2i+1: inside the `dirs` step i.
  const add = (list: number[], id: number) => {
    for (;;) {
      if (mark[id] === gen) return;
      mark[id] = gen;
      list.push(id);
      work.steps++;
      const i = id >> 1;
      if ((id & 1) === 1 || i >= n || steps[i].kind === 'one') return;
      id = 2 * (i + 1); // a star or `dirs` may match nothing
    }
  };
  let live: number[] = [];
  add(live, 0);
  for (const ch of text) {
    gen++;
    const next: number[] = [];
    for (const id of live) {
      work.steps++;
      const i = id >> 1;
      if (i >= n) continue;
      const s = steps[i];
      if (s.kind === 'one') {
        if (s.test(ch)) add(next, 2 * (i + 1));
      } else if (s.kind === 'star') {
        if (s.slash || ch !== SLASH) add(next, 2 * i);
      } else {
        add(next, 2 * i + 1);
        if (ch === SLASH) add(next, 2 * (i + 1));
      }
    }
    if (next.length === 0) return false;
    live = next.length > 1 ? prune(next, steps, lastSlashCapable, work) : next;
  }
  return live.includes(2 * n);
}

function prune(states: number[], steps: Step[], lastSlashCapable: Int32Array, work: GlobWork): number[] {
  states.sort((a, b) => b - a);
  const kept: number[] = [];
  let slashStar = false;
  let lowestStar = -1;
  for (const id of states) {
    work.steps++;
    const i = id >> 1;
    if (slashStar) continue;
    if (lowestStar >= 0 && lastSlashCapable[lowestStar] < i) continue;
    kept.push(id);
    const s = steps[i];
    if ((id & 1) === 0 && s?.kind === 'star') {
      if (s.slash) slashStar = true;
      else lowestStar = i;
    }
  }
  return kept;
}

/** Whether `path` (slash-separated, relative) matches; `work` counts the steps taken. */
export function matchGlob(glob: Glob, path: string, work: GlobWork = { steps: 0 }): boolean {
  const text = Array.from(path, (ch) => ch.codePointAt(0)!);
  return glob.alternatives.some((a) => matchSteps(a, text, work));
}

/** One predicate for a list of globs: true when a path matches any. A pattern the dialect rejects matches nothing. */
export function globMatcher(globs: readonly string[], dialect: GlobDialect): (path: string) => boolean {
  const compiled = [...new Set(globs)].map((g) => tryCompileGlob(g, dialect)).filter((g): g is Glob => 'alternatives' in g);
  return (path) => compiled.some((g) => matchGlob(g, path));
}
