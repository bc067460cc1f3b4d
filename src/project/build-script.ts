// Reads a Cargo build script's text (never runs it) for what a default build makes it do: whether it calls a tool
// crate's API (bindgen, cmake, prost-build) on a path `main` takes by default, and which pkg-config probes it makes with
// no fallback. A lexical reading, not a Rust parser: where it cannot tell, it says the call may run; pure.

/** What decides whether a guarded path runs: the user's environment and, when known, the crate's enabled features. */
export interface BuildScriptContext {
  /** Whether the user's environment sets this variable (build scripts see it; cargo's own variables are not asked). */
  envSet: (name: string) => boolean;
  /** Whether the crate is built with this feature; undefined when that is not known (then the path may run). */
  featureOn: (name: string) => boolean | undefined;
}

export interface ToolCalls {
  /** 'yes': a call runs in a default build or may; 'no': every call sits behind a guard a default build leaves off. */
  byDefault: 'yes' | 'no';
  /** The guards that kept calls off (`LIBSQL_DEV unset`, `feature "x" off`), for the report. */
  offBecause: string[];
}

/**
 * The text with comments and the insides of string and char literals blanked (their quotes kept), offsets kept, so
 * that every brace, parenthesis, semicolon and name left is Rust's own; a literal's value is read from the text.
 */
export function maskRust(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      // Rust block comments nest.
      let depth = 0;
      let j = i;
      while (j < text.length) {
        if (text[j] === '/' && text[j + 1] === '*') (depth++, (j += 2));
        else if (text[j] === '*' && text[j + 1] === '/') {
          j += 2;
          if (--depth === 0) break;
        } else j++;
      }
      blank(i, j);
      i = j;
    } else if ((c === 'r' || (c === 'b' && text[i + 1] === 'r')) && /^b?r#*"/.test(text.slice(i, i + 260)) && !/[\w]/.test(text[i - 1] ?? '')) {
      const open = /^b?r(#*)"/.exec(text.slice(i, i + 260))!;
      const close = text.indexOf(`"${open[1]}`, i + open[0].length);
      const stop = close < 0 ? text.length : close + 1 + open[1].length;
      blank(i + open[0].length, stop - 1 - open[1].length);
      i = stop;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
    } else if (c === "'") {
      // A char literal ('{', '\n', '\u{7b}') or a lifetime ('a): only the literal closes with a quote.
      const literal = /^'(?:\\u\{[0-9a-fA-F]{1,6}\}|\\.|[^\\'])'/.exec(text.slice(i, i + 12));
      if (literal) blank(i + 1, i + literal[0].length - 1);
      i += literal ? literal[0].length : 1;
    } else i++;
  }
  return out.join('');
}

interface Block {
  open: number;
  close: number;
}

interface FnItem {
  name: string;
  /** From the item's first attribute (or `fn`) to the body's closing brace. */
  start: number;
  body: Block;
}

/**
 * Every `{...}` pair of the masked code, by opening offset, and for each offset the innermost `{` around it (-1 at
 * the top level), so that the blocks around a place are a walk up, not a search.
 */
function blocks(code: string): { pairs: Map<number, number>; enclosing: Int32Array; balanced: boolean } {
  const pairs = new Map<number, number>();
  const enclosing = new Int32Array(code.length + 1);
  const stack: number[] = [];
  let balanced = true;
  for (let i = 0; i < code.length; i++) {
    enclosing[i] = stack.length ? stack[stack.length - 1] : -1;
    if (code[i] === '{') stack.push(i);
    else if (code[i] === '}') {
      if (stack.length) pairs.set(stack.pop()!, i);
      else balanced = false;
    }
  }
  enclosing[code.length] = -1;
  return { pairs, enclosing, balanced: balanced && stack.length === 0 };
}

// `fn name`; its generics and parameters run up to the body's `{` (a `;` first: a declaration without a body).
const FN_NAME = /\bfn\s+([A-Za-z_][A-Za-z0-9_]*)/g;

function functions(code: string, pairs: Map<number, number>): FnItem[] {
  const out: FnItem[] = [];
  // The first `{` or `;` at or after a place, found once for all the `fn`s before it: a regex running `[^{;]*` from
  // every `fn` to it was quadratic (a 256 KiB script of `fn a fn a ...` took 18 s per read).
  let stop = -1;
  FN_NAME.lastIndex = 0;
  for (let m = FN_NAME.exec(code); m; m = FN_NAME.exec(code)) {
    const after = m.index + m[0].length;
    if (stop < after) {
      stop = after;
      while (stop < code.length && code[stop] !== '{' && code[stop] !== ';') stop++;
    }
    if (stop >= code.length) break;
    if (code[stop] !== '{') continue;
    // As a global regex would, the search goes on after this fn's `{` (a `fn` in its header is not an item).
    FN_NAME.lastIndex = stop + 1;
    const close = pairs.get(stop);
    if (close === undefined) continue;
    out.push({ name: m[1], start: statementStart(code, m.index), body: { open: stop, close } });
  }
  return out;
}

/** How far back a statement is looked for: no real header is this long, and a flood of calls in one expression stays linear. */
const MAX_STATEMENT_CHARS = 4096;

/** Where the statement or item holding `at` starts: just after the previous `;`, `{` or `}` outside parentheses. */
function statementStart(code: string, at: number): number {
  let depth = 0;
  const floor = Math.max(0, at - MAX_STATEMENT_CHARS);
  for (let i = at - 1; i >= floor; i--) {
    const c = code[i];
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth === 0) return i + 1;
      depth--;
    } else if (depth === 0 && (c === ';' || c === '{' || c === '}')) return i + 1;
  }
  return floor;
}

// Variables cargo sets for every build script (and the `CARGO_*`/`DEP_*` families): never the user's opt-in.
const CARGO_SET = /^(?:CARGO_.*|DEP_.*|TARGET|HOST|OUT_DIR|PROFILE|OPT_LEVEL|DEBUG|NUM_JOBS|RUSTC|RUSTDOC|RUSTC_LINKER|RUSTC_WRAPPER|RUSTC_WORKSPACE_WRAPPER|RUSTFLAGS)$/;

// Tests of an environment variable that are true only when it is set (rustc's std::env API): `env::var("X").is_ok()`,
// `env::var_os("X").is_some()`, `let Ok(v) = env::var("X")`, `option_env!("X").is_some()`, `== Ok(...)`, `map_or(false, ...)`.
const ENV_SET_TEST = /^(?:let\s+(?:Ok|Some)\s*\(.*\)\s*=\s*)?(?:(?:::)?std\s*::\s*)?(?:env\s*::\s*var(?:_os)?\s*\(|option_env!\s*\()\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)(?:\s*\.\s*(?:is_ok|is_some)\s*\(\s*\)|\s*\.\s*(?:is_ok_and|is_some_and)\s*\(.*\)|\s*\.\s*map_or\s*\(\s*false\s*,.*\)|(?:\s*\.\s*as_deref\s*\(\s*\))?\s*==\s*(?:Ok|Some)\s*\(.*\))?$/s;
// `cfg!(feature = "x")` and `#[cfg(feature = "x")]`: rustc's cfg of a Cargo feature.
const FEATURE_TEST = /^cfg!\s*\(\s*feature\s*=\s*"([^"]+)"\s*\)$/;
const CFG_ATTRIBUTE = /#\s*\[\s*cfg\s*\(\s*feature\s*=\s*"([^"]+)"\s*\)\s*\]/g;

/** Why a condition is false in a default build, or null when it may be true. */
function offGuard(condition: string, original: string, ctx: BuildScriptContext): string | null {
  // Split at top-level `&&` (a `||` anywhere at the top level: either side may hold, so no guard).
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < condition.length; i++) {
    const c = condition[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && condition.startsWith('||', i)) return null;
    else if (depth === 0 && condition.startsWith('&&', i)) {
      parts.push(original.slice(from, i));
      from = i + 2;
      i++;
    }
  }
  parts.push(original.slice(from));
  for (const raw of parts) {
    const part = raw.trim();
    const env = ENV_SET_TEST.exec(part);
    if (env && !CARGO_SET.test(env[1]) && !ctx.envSet(env[1])) return `${env[1]} unset`;
    const feature = FEATURE_TEST.exec(part);
    if (feature && ctx.featureOn(feature[1]) === false) return `feature "${feature[1]}" off`;
  }
  return null;
}

/** The `#[cfg(feature = "x")]` attributes in `text` whose feature is off. */
function offAttributes(text: string, ctx: BuildScriptContext): string | null {
  for (const m of text.matchAll(CFG_ATTRIBUTE)) if (ctx.featureOn(m[1]) === false) return `feature "${m[1]}" off`;
  return null;
}

/** Above this size a build script is generated or hostile, not read (the lookups below are quadratic at worst). */
const MAX_SCRIPT_CHARS = 256 * 1024;

class ScriptReading {
  readonly code: string;
  private readonly pairs: Map<number, number>;
  private readonly enclosing: Int32Array;
  private readonly fnByBody = new Map<number, FnItem>();
  readonly fns: FnItem[];
  /**
   * Whether the whole script is in this text and read as rustc would: a `mod x;` or an `include!` brings in code not
   * read here, and unbalanced braces mean the lexing went wrong (or rustc would reject it).
   */
  readonly whole: boolean;
  private readonly defaults = new Map<FnItem, boolean>();
  /** For a fn not run by default: the guards that kept its call sites off. */
  readonly blockedBy = new Map<string, Set<string>>();

  constructor(
    readonly text: string,
    private readonly ctx: BuildScriptContext,
  ) {
    this.code = text.length <= MAX_SCRIPT_CHARS ? maskRust(text) : '';
    const { pairs, enclosing, balanced } = blocks(this.code);
    this.pairs = pairs;
    this.enclosing = enclosing;
    this.fns = functions(this.code, this.pairs);
    for (const f of this.fns) this.fnByBody.set(f.body.open, f);
    this.whole = balanced && text.length <= MAX_SCRIPT_CHARS && !/\bmod\s+[A-Za-z_][A-Za-z0-9_]*\s*;/.test(this.code) && !/\binclude!\s*\(/.test(this.code);
    this.reach();
  }

  /** The innermost fn whose body holds `at`. */
  fnAt(at: number): FnItem | null {
    return this.upBlocks(this.enclosing[at], -1, this.fnOfBlock, (b) => this.fnByBody.get(b) ?? null);
  }

  // What each block's walk up found, so that many places in one deep block do not each walk up again: a main of 60000
  // calls inside 2000 nested blocks took 80 s per read.
  private readonly fnOfBlock = new Map<number, FnItem | null>();
  private readonly guardOfBlocks = new Map<number, string | null>();
  private readonly macroOfBlock = new Map<number, true | null>();

  /**
   * `own(b)` of the innermost block from `b` up (not past `stop`) that has one, else null; memoised per block in
   * `memo`, which is only right for one `stop` per block (a block's innermost enclosing fn body, for guards).
   */
  private upBlocks<T>(from: number, stop: number, memo: Map<number, T | null>, own: (b: number) => T | null): T | null {
    const path: number[] = [];
    let found: T | null = null;
    for (let b = from; b >= 0 && b !== stop; b = this.enclosing[b]) {
      const known = memo.get(b);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(b);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      found = own(path[i]) ?? found;
      memo.set(path[i], found);
    }
    return found;
  }

  /** Why `at` does not run when its fn does (a guard a default build leaves off), or null when it may run. */
  guardAt(at: number, fn: FnItem): string | null {
    const own = this.code.slice(statementStart(this.code, at), at);
    const direct = offAttributes(this.text.slice(statementStart(this.code, at), at), this.ctx);
    if (direct && /#\s*\[/.test(own)) return direct;
    return this.upBlocks(this.enclosing[at], fn.body.open, this.guardOfBlocks, (open) => this.blockGuard(open));
  }

  /** Why the block opening at `open` does not run when the code around it does, or null. */
  private blockGuard(open: number): string | null {
    if (this.pairs.get(open) === undefined) return null;
    const start = statementStart(this.code, open);
    const header = this.code.slice(start, open);
    const original = this.text.slice(start, open);
    const attribute = offAttributes(original, this.ctx);
    if (attribute) return attribute;
    // `if COND {` and `else if COND {`; a plain `else {`, a match arm, a loop or a closure may run.
    const cond = /^\s*(?:#\s*\[[^\]]*\]\s*)*(?:else\s+)?if\s+([\s\S]*?)\s*$/.exec(header);
    if (!cond || /(?:^|\s)else\s*$/.test(header)) return null;
    const offset = header.length - header.trimStart().length;
    const at0 = header.indexOf(cond[1], offset);
    return offGuard(cond[1], original.slice(at0, at0 + cond[1].length), this.ctx);
  }

  /** Whether `at` (outside any fn) is in a `macro_rules!` body or a `const`/`static` item. */
  inMacroOrConstant(at: number): boolean {
    if (/^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const|static)\b/.test(this.code.slice(statementStart(this.code, at), at))) return true;
    const inMacro = (open: number) => (this.pairs.get(open) !== undefined && /macro_rules!\s*[A-Za-z_][A-Za-z0-9_]*\s*$/.test(this.code.slice(Math.max(0, open - 200), open)) ? true : null);
    return this.upBlocks(this.enclosing[at], -1, this.macroOfBlock, inMacro) === true;
  }

  /** Whether the fn runs in a default build: `main`, or called on an unguarded path from one that does. */
  runs(fn: FnItem): boolean {
    return this.defaults.get(fn) ?? false;
  }

  private reach(): void {
    const byName = new Map<string, FnItem[]>();
    for (const f of this.fns) {
      const same = byName.get(f.name);
      if (same) same.push(f);
      else byName.set(f.name, [f]);
    }
    const queue = this.fns.filter((f) => f.name === 'main' && this.fnAt(f.body.open) === null);
    for (const f of queue) this.defaults.set(f, true);
    for (let i = 0; i < queue.length; i++) {
      const caller = queue[i];
      // A call by name (`build(`, `bindings::write(`, `self.write(`, `run::<T>(`); a fn used as a value counts too.
      for (const m of this.code.slice(caller.body.open, caller.body.close).matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\b/g)) {
        const callees = byName.get(m[1]);
        if (!callees) continue;
        const at = caller.body.open + m.index!;
        // A callee already known to run gains nothing from another call: its guard is not looked for.
        if (callees.every((c) => this.defaults.has(c) || at === c.body.open)) continue;
        if (this.fnAt(at) !== caller) continue;
        const guard = this.guardAt(at, caller);
        if (guard) {
          const guards = this.blockedBy.get(m[1]);
          if (guards) guards.add(guard);
          else this.blockedBy.set(m[1], new Set([guard]));
          continue;
        }
        for (const callee of callees) {
          if (this.defaults.has(callee) || at === callee.body.open) continue;
          this.defaults.set(callee, true);
          queue.push(callee);
        }
      }
    }
  }
}

/** The names a `use crate::...;` tree brings into scope (last segments and `as` aliases), and the crate itself. */
function importedNames(code: string, crate: string): Set<string> {
  const names = new Set([crate]);
  const useItem = new RegExp(`\\buse\\s+(?:::)?${crate}\\s*::([^;]*);`, 'g');
  for (const m of code.matchAll(useItem)) {
    for (const leaf of m[1].split(/[{},]/)) {
      const alias = /\bas\s+([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(leaf.trim());
      const last = /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(leaf.trim());
      const name = alias?.[1] ?? last?.[1];
      if (name && name !== 'self' && name !== '*') names.add(name);
    }
    // A glob import brings in names that cannot be listed: any call may be the crate's.
    if (/\*/.test(m[1])) names.add('*');
  }
  return names;
}

/**
 * Whether a build script calls crate `crate` (its Rust name, `bindgen`) in a default build. Every mention outside a
 * `use` line counts as a call: in a fn `main` reaches on an unguarded path, or outside any fn (a const, a macro),
 * or anywhere when the script is not all here.
 */
export function toolCallsOf(text: string, crate: string, ctx: BuildScriptContext): ToolCalls {
  const script = new ScriptReading(text, ctx);
  const names = importedNames(script.code, crate);
  if (!script.whole || names.has('*')) return { byDefault: 'yes', offBecause: [] };
  const offBecause = new Set<string>();
  const mention = new RegExp(`(?<![A-Za-z0-9_:])(?:${[...names].join('|')})\\b`, 'g');
  for (const m of script.code.matchAll(mention)) {
    const at = m.index!;
    const statement = script.code.slice(statementStart(script.code, at), at);
    if (/^\s*(?:pub(?:\([^)]*\))?\s+)?(?:use|extern\s+crate)\b/.test(statement)) continue;
    const fn = script.fnAt(at);
    // Outside any fn a mention is a type (an impl, a struct field, a signature) unless it is code that runs where it
    // is used: a macro body or a const/static initialiser.
    if (!fn) {
      if (script.inMacroOrConstant(at)) return { byDefault: 'yes', offBecause: [] };
      continue;
    }
    if (!script.runs(fn)) {
      const guards = script.blockedBy.get(fn.name);
      offBecause.add(guards ? `${fn.name}() runs only behind a guard that is off here (${[...guards].join(', ')})` : `${fn.name}() is not called from main`);
      continue;
    }
    const guard = script.guardAt(at, fn);
    if (!guard) return { byDefault: 'yes', offBecause: [] };
    offBecause.add(guard);
  }
  return { byDefault: 'no', offBecause: [...offBecause] };
}

/**
 * Every `(` of the masked code with its closing `)`, matched once: scanning from each probe to its `)` was quadratic
 * (9000 nested or unclosed `probe_library(` took 5 s).
 */
function parenPairs(code: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < code.length; i++) {
    if (code[i] === '(') stack.push(i);
    else if (code[i] === ')' && stack.length) pairs.set(stack.pop()!, i);
  }
  return pairs;
}

// The pkg-config crate's probes: `pkg_config::probe_library("x")` and `pkg_config::Config::new()...probe("x")`.
const PROBE_START = /(?<![A-Za-z0-9_])(?:(?:::)?pkg_config\s*::\s*)(probe_library\s*\(|Config\s*::\s*new\s*\(\s*\))/g;
// A method of the chain: `.atleast_version("1.3")`, `.probe("x")`.
const CHAIN_METHOD = /^\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(/;
// What makes a failed probe fail the build: `.unwrap()`, `.expect(...)`, or `?` in `main`.
const NO_FALLBACK = /^\s*(?:\.\s*(?:unwrap|expect)\s*\(|\?)/;

/**
 * The libraries a build script probes with pkg-config in a default build with nothing to fall back on: the probe's
 * result is unwrapped (`.unwrap()`, `.expect(...)`, `?` in `main`) on a path `main` takes unguarded. A probe whose
 * result is matched, tested or dropped (`let _ =`, `if let Ok`, `.is_ok()`) falls back, and is not listed.
 */
export function pkgConfigProbesOf(text: string, ctx: BuildScriptContext): string[] {
  const script = new ScriptReading(text, ctx);
  const parens = parenPairs(script.code);
  /** The closing parenthesis of the call whose `(` is at `open`, or -1. */
  const closeParen = (open: number) => parens.get(open) ?? -1;
  const out: string[] = [];
  for (const m of script.code.matchAll(PROBE_START)) {
    const at = m.index!;
    const fn = script.fnAt(at);
    if (!fn || !script.runs(fn) || script.guardAt(at, fn)) continue;
    let end = at + m[0].length - 1;
    let library: string | null = null;
    if (m[1].startsWith('probe_library')) {
      const close = closeParen(end);
      if (close < 0) continue;
      library = /^\s*"([^"]*)"\s*$/.exec(text.slice(end + 1, close))?.[1] ?? '';
      end = close;
    } else {
      // Follow the builder chain to its `.probe(...)`.
      for (;;) {
        const method = CHAIN_METHOD.exec(script.code.slice(end + 1, end + 400));
        if (!method) break;
        const open = end + 1 + method[0].length - 1;
        const close = closeParen(open);
        if (close < 0) break;
        end = close;
        if (method[1] === 'probe') {
          library = /^\s*"([^"]*)"\s*$/.exec(text.slice(open + 1, close))?.[1] ?? '';
          break;
        }
      }
      if (library === null) continue;
    }
    const after = script.code.slice(end + 1, end + 40);
    if (!NO_FALLBACK.test(after) || (/^\s*\?/.test(after) && fn.name !== 'main')) continue;
    out.push(library);
  }
  return out;
}

// cc's switch to its C++ compiler, and the calls that hand it source files.
const CPP_SWITCH = /\.\s*cpp\s*\(\s*true\s*\)/g;
const SOURCE_CALL = /\.\s*files?\s*\(/g;
// Extensions the compiler driver compiles as C++ whatever cc calls it as (gcc hands them to cc1plus, which g++ ships).
const CPP_SOURCE = /\.(?:cc|cpp|cxx|c\+\+)$/i;

/**
 * How a build script compiles C++ with the cc crate on a path `main` takes by default: `.cpp(true)` on a Build, or a
 * `.file(...)`/`.files(...)` call naming a C++ source literally; null when it does neither (or only behind a guard).
 */
export function cppBuildOf(text: string, ctx: BuildScriptContext): string | null {
  const script = new ScriptReading(text, ctx);
  const parens = parenPairs(script.code);
  const onDefaultPath = (at: number) => {
    const fn = script.fnAt(at);
    return fn !== null && script.runs(fn) && !script.guardAt(at, fn);
  };
  for (const m of script.code.matchAll(CPP_SWITCH)) if (onDefaultPath(m.index!)) return '.cpp(true)';
  for (const m of script.code.matchAll(SOURCE_CALL)) {
    const open = m.index! + m[0].length - 1;
    const close = parens.get(open) ?? -1;
    if (close < 0 || !onDefaultPath(m.index!)) continue;
    // The masked code keeps each literal's quotes: its value is read from the text between them.
    for (const q of script.code.slice(open, close).matchAll(/"( *)"/g)) {
      const start = open + q.index! + 1;
      const value = text.slice(start, start + q[1].length);
      if (CPP_SOURCE.test(value)) return `compiles ${value}`;
    }
  }
  return null;
}
