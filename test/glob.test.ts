// The one glob matcher against the real semantics of each dialect: Cargo's member globs (answers recorded from
// `cargo metadata` 1.95 on the directory tree below), moby/patternmatcher's .dockerignore (its regexp translation
// rebuilt here as the oracle), BuildKit's COPY sources; and bounded work on pathological input.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { compileGlob, type GlobDialect, matchGlob, tryCompileGlob } from '../src/project/glob.ts';
import { isWorkspaceMember } from '../src/project/workspace.ts';

const matches = (pattern: string, path: string, dialect: GlobDialect) => matchGlob(compileGlob(pattern, dialect), path);

// crates/{a,b,c,ax,bx,.hid,a-1,]x,d,q[1],deep/leaf}, each with a Cargo.toml but deep; `members = ["crates/<pattern>"]`
// and the package directories cargo metadata listed (cargo 1.95.0, glob 0.3).
const CRATES = ['a', 'b', 'c', 'ax', 'bx', '.hid', 'a-1', ']x', 'd', 'q[1]'];
const CARGO_SAW: Record<string, string[]> = {
  '[ab]*': ['a', 'a-1', 'ax', 'b', 'bx'],
  '[!d]*': ['.hid', ']x', 'a', 'a-1', 'ax', 'b', 'bx', 'c', 'q[1]'],
  '[!.d]*': [']x', 'a', 'a-1', 'ax', 'b', 'bx', 'c', 'q[1]'],
  '?x': [']x', 'ax', 'bx'],
  '[]]x': [']x'],
  '[a-c]': ['a', 'b', 'c'],
  '[-a]': ['a'],
  '*1': ['a-1'],
  'q[[]1]': ['q[1]'],
  '[c-a]': [],
};

test('cargo: member globs select the directories cargo metadata selected', () => {
  for (const [pattern, expected] of Object.entries(CARGO_SAW)) {
    const glob = compileGlob(`crates/${pattern}`, 'cargo');
    const got = CRATES.filter((c) => matchGlob(glob, `crates/${c}`)).sort();
    assert.deepEqual(got, [...expected].sort(), pattern);
  }
  assert.ok(matches('**/leaf', 'crates/deep/leaf', 'cargo'));
  assert.ok(matches('crates/*', 'crates/.hid', 'cargo'), '`*` matches a leading dot in the glob crate');
  assert.ok(!matches('crates/*', 'crates/deep/leaf', 'cargo'), '`*` stays inside one component');
  assert.ok(matches('crates/deep/**', 'crates/deep', 'cargo') && matches('crates/deep/**', 'crates/deep/leaf/src', 'cargo'));
});

test('cargo: the patterns cargo refuses are errors, with its reasons', () => {
  // cargo: "invalid range pattern", "recursive wildcards must form a single path component",
  // "wildcards are either regular `*` or recursive `**`".
  for (const [pattern, reason] of [['crates/[', /unclosed `\[`/], ['crates/a**', /whole path component/], ['crates/***', /either `\*` or a recursive/]] as const) {
    const r = tryCompileGlob(pattern, 'cargo');
    assert.ok('error' in r, pattern);
    assert.match(r.error, reason);
  }
});

test('cargo: exclude takes paths, not globs; a literal member wins over its exclusion (cargo metadata 1.95)', () => {
  const members = (ms: string[], ex: string[]) => CRATES.filter((c) => isWorkspaceMember(`crates/${c}`, ms, ex));
  assert.deepEqual(members(['crates/[!d]*'], ['crates/a']), ['b', 'c', 'ax', 'bx', '.hid', 'a-1', ']x', 'q[1]']);
  assert.deepEqual(members(['crates/[!d]*'], ['crates/b*']).length, 9);
  assert.ok(members(['crates/[!d]*', 'crates/b'], ['crates/b']).includes('b'));
  assert.equal(isWorkspaceMember('crates/deep/leaf', ['crates/deep/*'], ['crates']), false);
  assert.equal(isWorkspaceMember('crates/x', ['crates/['], []), false);
});

/** moby/patternmatcher's translation of a pattern to a Go regexp, rebuilt as an oracle for small inputs. */
function mobyRegExp(pattern: string): RegExp | 'suffix' | 'prefix' | 'exact' {
  let re = '^';
  let kind: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      const first = i === 0;
      i++;
      if (pattern[i + 1] === '/') i++;
      if (i + 1 >= pattern.length) {
        if (kind === 'exact') kind = 'prefix';
        else {
          re += '.*';
          kind = 'regexp';
        }
      } else {
        re += '(.*/)?';
        kind = 'regexp';
      }
      if (first) kind = 'suffix';
    } else if (ch === '*') {
      re += '[^/]*';
      kind = 'regexp';
    } else if (ch === '?') {
      re += '[^/]';
      kind = 'regexp';
    } else if ('.+()|{}$'.includes(ch)) re += `\\${ch}`;
    else re += ch;
  }
  return kind === 'regexp' ? new RegExp(`${re}$`) : kind;
}

function mobyMatch(pattern: string, path: string): boolean {
  const r = mobyRegExp(pattern);
  if (r === 'exact') return path === pattern;
  if (r === 'prefix') return path.startsWith(pattern.slice(0, -2));
  if (r === 'suffix') {
    const suffix = pattern.slice(2);
    return path.endsWith(suffix) || (suffix[0] === '/' && path === suffix.slice(1));
  }
  return r.test(path);
}

function clean(p: string): string {
  return p.split('/').filter(Boolean).join('/');
}

/** A fixed-seed generator, so the differential test is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('dockerignore: 20,000 random small patterns and paths agree with patternmatcher\'s regexp translation', () => {
  const rnd = lcg(14);
  const pick = (alphabet: string, max: number) => Array.from({ length: Math.floor(rnd() * (max + 1)) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  for (let k = 0; k < 20_000; k++) {
    // Docker cleans every pattern (filepath.Clean, no leading slash) and matches clean relative paths.
    const pattern = clean(pick('ab/*?', 7));
    const path = clean(pick('ab/', 8));
    if (!pattern) continue;
    assert.equal(matches(pattern, path, 'dockerignore'), mobyMatch(pattern, path), `${JSON.stringify(pattern)} vs ${JSON.stringify(path)}`);
  }
});

test('dockerignore: classes, escapes and the `**` forms', () => {
  assert.ok(matches('**/*.md', 'a.md', 'dockerignore') && matches('**/*.md', 'docs/x/a.md', 'dockerignore'));
  assert.ok(!matches('*.md', 'docs/a.md', 'dockerignore'));
  assert.ok(matches('**foo', 'a/xfoo', 'dockerignore'), 'a leading ** before plain text is a suffix match');
  assert.ok(matches('a**b', 'ax/b', 'dockerignore') && !matches('a**b', 'axb', 'dockerignore'));
  assert.ok(matches('[^a]bc', 'xbc', 'dockerignore') && !matches('[^a]bc', 'abc', 'dockerignore'));
  assert.ok(matches('[!a]bc', 'abc', 'dockerignore') && !matches('[!a]bc', 'xbc', 'dockerignore'), 'Go classes negate with ^, not !');
  assert.ok(matches('\\*', '*', 'dockerignore') && !matches('\\*', 'x', 'dockerignore'));
  assert.ok(matches('target/[a-d]*', 'target/debug', 'dockerignore') && !matches('target/[a-c]*', 'target/debug', 'dockerignore'));
  for (const bad of ['[', 'a\\', '[]a]']) assert.ok('error' in tryCompileGlob(bad, 'dockerignore'), bad);
});

test('copy: Go filepath.Match per component, where `**` is only `*`', () => {
  assert.ok(matches('src/*.rs', 'src/main.rs', 'copy') && !matches('src/*.rs', 'src/a/b.rs', 'copy'));
  assert.ok(matches('**/*.rs', 'src/main.rs', 'copy') && !matches('**/*.rs', 'main.rs', 'copy') && !matches('**/*.rs', 'a/b/c.rs', 'copy'));
  assert.ok(!matches('[^/]x', '/x', 'copy'));
});

test('scan: the reader\'s globs', () => {
  assert.ok(matches('**/Cargo.toml', 'Cargo.toml', 'scan') && matches('**/Cargo.toml', 'a/b/Cargo.toml', 'scan'));
  assert.ok(matches('.github/workflows/*.yml', '.github/workflows/ci.yml', 'scan') && !matches('.github/workflows/*.yml', '.github/workflows/x/ci.yml', 'scan'));
  assert.ok(matches('[x].txt', '[x].txt', 'scan'), 'brackets are literal in scanner globs');
});

test('pathological input: 64 KiB of `*a` against 64 KiB of `a` stays linear; one star before a long literal stays O(n*m)', () => {
  const bomb = `${'*a'.repeat(32 * 1024)}*c`;
  const path = 'a'.repeat(64 * 1024);
  for (const dialect of ['cargo', 'dockerignore', 'copy', 'scan'] as const) {
    const work = { steps: 0 };
    assert.equal(matchGlob(compileGlob(bomb, dialect), path, work), false);
    assert.ok(work.steps <= 8 * (bomb.length + path.length), `${dialect}: ${work.steps} steps`);
    const hit = { steps: 0 };
    assert.equal(matchGlob(compileGlob(bomb, dialect), `${path}c`, hit), true);
    assert.ok(hit.steps <= 8 * (bomb.length + path.length + 1), `${dialect}: ${hit.steps} steps`);
  }
  // A single star then 1,000 literal characters: every start is live at once, bounded by (n + 1) x (2m + 2).
  const literal = `*${'a'.repeat(1000)}b`;
  const text = 'a'.repeat(8000);
  const work = { steps: 0 };
  assert.equal(matchGlob(compileGlob(literal, 'dockerignore'), text, work), false);
  assert.ok(work.steps <= 3 * (text.length + 1) * (2 * literal.length + 2), `${work.steps} steps`);
  // A pattern longer than the path cannot match, and costs nothing to reject.
  const short = { steps: 0 };
  assert.equal(matchGlob(compileGlob(bomb, 'cargo'), 'a'.repeat(200), short), false);
  assert.equal(short.steps, 0);
});
