// The layout is the architecture: kb/ holds the facts and imports nothing outside itself, and the top-level folders
// of src/ import each other without cycles (kb -> project -> the commands -> report -> cli, bin, action).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';

const SRC = join(import.meta.dirname, '..', 'src');

// Static imports and re-exports (type-only ones too: they tie folders together as much), side-effect imports and
// import() calls with a literal specifier. Comments are blanked first so that an example in a comment is not an import.
const IMPORT = /(?:^|[;\n}])\s*(?:import|export)\b[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1|(?:^|[;\n])\s*import\s*(['"])([^'"]+)\3|\bimport\(\s*(['"])([^'"]+)\5\s*\)/g;

function specifiersOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(IMPORT)].map((m) => m[2] ?? m[4] ?? m[6]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'cases' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The top-level unit of a path under src/: its folder, or the file itself for index.ts and errors.ts. */
function unitOf(path: string): string {
  const rel = relative(SRC, path).split(sep).join('/');
  return rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel.replace(/\.ts$/, '');
}

interface Edge { from: string; to: string; file: string; specifier: string }

function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    for (const fileName of specifiersOf(readFileSync(file, 'utf8'))) {
      if (!fileName.startsWith('.')) continue;
      const target = join(dirname(file), fileName);
      edges.push({ from: unitOf(file), to: unitOf(target), file: posix.normalize(relative(SRC, file).split(sep).join('/')), specifier: fileName });
    }
  }
  return edges;
}

const EDGES = importEdges();

test('the import scan sees the imports it judges', () => {
  // Guards the test itself: an empty scan would pass every assertion below.
  assert.ok(EDGES.length > 300, `only ${EDGES.length} relative imports found`);
  assert.ok(EDGES.some((e) => e.from === 'diagnose' && e.to === 'kb'));
  assert.ok(EDGES.some((e) => e.from === 'cli' && e.to === 'scan'));
});

test('kb/ imports nothing outside kb/', () => {
  const outside = EDGES.filter((e) => e.from === 'kb' && e.to !== 'kb');
  assert.deepEqual(outside.map((e) => `${e.file} imports ${e.specifier}`), []);
});

test('kb/ uses no package but the standard library', () => {
  const used = sourceFiles(join(SRC, 'kb')).flatMap((file) =>
    specifiersOf(readFileSync(file, 'utf8'))
      .filter((name) => !name.startsWith('.') && !name.startsWith('node:'))
      .map((name) => `${relative(SRC, file)} imports ${name}`));
  assert.deepEqual(used, []);
});

test('no cycle between the top-level folders of src/', () => {
  const graph = new Map<string, Set<string>>();
  for (const e of EDGES) if (e.from !== e.to) (graph.get(e.from) ?? graph.set(e.from, new Set()).get(e.from)!).add(e.to);
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (unit: string) => {
    state.set(unit, 'open');
    path.push(unit);
    for (const next of graph.get(unit) ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...path.slice(path.indexOf(next)), next];
        const witness = loop.slice(1).map((to, i) => EDGES.find((e) => e.from === loop[i] && e.to === to)!);
        cycles.push(loop.join(' -> ') + ' (' + witness.map((e) => `${e.file} imports ${e.specifier}`).join('; ') + ')');
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(unit, 'done');
  };
  for (const unit of [...graph.keys()].sort()) if (!state.has(unit)) visit(unit);
  assert.deepEqual(cycles, []);
});

test('only the entry points import the command line', () => {
  const intoCli = EDGES.filter((e) => e.to === 'cli' && !['cli', 'action', 'bin'].includes(e.from));
  assert.deepEqual(intoCli.map((e) => `${e.file} imports ${e.specifier}`), []);
});
