// What each of the three project readers (doctor's readProject, scan/fix's readProjectFiles, wheels'
// readPythonProject) does with each hostile entry of one small tree: skipped directories, depth, size caps, FIFOs,
// symlinks inside and outside, bytes that are not UTF-8. The table is the contract that they agree.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { readProject } from '../src/project/discover.ts';
import { readProjectFiles } from '../src/scan/read-project.ts';
import type { Scanner } from '../src/scan/model.ts';
import { readPythonProject } from '../src/wheels/run.ts';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const MiB = 1024 * 1024;
const DOCKERFILE = 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n';

type Entry = (path: string, outside: string) => void;
const regular: Entry = (p) => writeFileSync(p, DOCKERFILE);
const sparse = (bytes: number): Entry => (p) => {
  writeFileSync(p, DOCKERFILE);
  truncateSync(p, bytes);
};
const fifo: Entry = (p) => execFileSync('mkfifo', [p]);
const latin1: Entry = (p) => writeFileSync(p, Buffer.concat([Buffer.from('FROM python:3.12-slim\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
const linkInside: Entry = (p) => symlinkSync('../Dockerfile', p);
const linkOutside: Entry = (p, outside) => symlinkSync(join(outside, 'Dockerfile'), p);

/** Each entry is a Dockerfile (a name scan and wheels both read) placed where a reader has to decide. */
const ENTRIES: [string, Entry][] = [
  ['Dockerfile', regular],
  ['node_modules/x/Dockerfile', regular],
  ['target/Dockerfile', regular],
  ['build/Dockerfile', regular],
  ['dist/Dockerfile', regular],
  ['.venv/Dockerfile', regular],
  ['.direnv/Dockerfile', regular],
  ['.hidden/Dockerfile', regular],
  ['a/b/c/Dockerfile', regular],
  ['a/b/c/d/Dockerfile', regular],
  ['fifo/Dockerfile', fifo],
  ['mid/Dockerfile', sparse(3 * MiB)],
  ['big/Dockerfile', sparse(17 * MiB)],
  ['latin1/Dockerfile', latin1],
  ['in-link/Dockerfile', linkInside],
  ['out-link/Dockerfile', linkOutside],
];

function buildTree(): string {
  const root = tempDir('bm-reader-');
  const outside = tempDir('bm-reader-outside-');
  writeFileSync(join(outside, 'Dockerfile'), DOCKERFILE);
  for (const [rel, make] of ENTRIES) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    make(join(root, rel), outside);
  }
  return root;
}

const dockerfileScanner: Scanner = { id: 'reader-table', reads: ['**/Dockerfile'], scan: () => [] };

/** What scan/fix's reader made of each entry. */
async function scanView(root: string): Promise<Record<string, string>> {
  const project = await readProjectFiles(root, [dockerfileScanner]);
  const out: Record<string, string> = {};
  for (const [rel] of ENTRIES) {
    const text = project.files.get(rel);
    const unread = project.unread.find((u) => u.file === rel);
    if (text !== undefined) out[rel] = text.includes('\uFFFD') ? 'read, lossy' : 'read';
    else if (unread) out[rel] = `not read: ${unread.reason}`;
    else if (project.symlinks.has(rel)) out[rel] = project.paths.has(rel) ? 'symlink, not read (exists)' : 'symlink, not read';
    else out[rel] = 'not seen';
  }
  return out;
}

/** What wheels' reader made of each entry. */
async function wheelsView(root: string): Promise<Record<string, string>> {
  const project = await readPythonProject(root);
  const out: Record<string, string> = {};
  for (const [rel] of ENTRIES) {
    const text = project.files.get(rel);
    const unread = project.unread.get(rel);
    if (text !== undefined) out[rel] = text.includes('\uFFFD') ? 'read, lossy' : 'read';
    else if (unread) out[rel] = `not read: ${unread}`;
    else out[rel] = 'not seen';
  }
  return out;
}

test('scan and wheels: what each reader does with each entry of a hostile tree', async () => {
  const root = buildTree();
  assert.deepEqual(await scanView(root), {
    'Dockerfile': 'read',
    'node_modules/x/Dockerfile': 'not seen',
    'target/Dockerfile': 'not seen',
    'build/Dockerfile': 'read',
    'dist/Dockerfile': 'read',
    '.venv/Dockerfile': 'not seen',
    '.direnv/Dockerfile': 'not seen',
    '.hidden/Dockerfile': 'not seen',
    'a/b/c/Dockerfile': 'read',
    'a/b/c/d/Dockerfile': 'read',
    'fifo/Dockerfile': 'not read: a FIFO; not read',
    'mid/Dockerfile': 'not read: skipped, larger than 2 MiB (3.0 MiB)',
    'big/Dockerfile': 'not read: skipped, larger than 2 MiB (17.0 MiB)',
    'latin1/Dockerfile': 'read, lossy',
    'in-link/Dockerfile': 'symlink, not read (exists)',
    'out-link/Dockerfile': 'symlink, not read',
  });
  assert.deepEqual(await wheelsView(root), {
    'Dockerfile': 'read',
    'node_modules/x/Dockerfile': 'not seen',
    'target/Dockerfile': 'read',
    'build/Dockerfile': 'not seen',
    'dist/Dockerfile': 'not seen',
    '.venv/Dockerfile': 'not seen',
    '.direnv/Dockerfile': 'read',
    '.hidden/Dockerfile': 'read',
    'a/b/c/Dockerfile': 'read',
    'a/b/c/d/Dockerfile': 'not seen',
    'fifo/Dockerfile': 'not seen',
    'mid/Dockerfile': 'read',
    'big/Dockerfile': 'not read: 17825792 bytes, over the 16 MiB limit for a project file; not read',
    'latin1/Dockerfile': 'read, lossy',
    'in-link/Dockerfile': 'not seen',
    'out-link/Dockerfile': 'not seen',
  });
});

/** What doctor made of a requirements.txt at the root made by `make` (doctor reads only known names, by path). */
async function doctorView(make: Entry): Promise<string> {
  const root = tempDir('bm-reader-doctor-');
  const outside = tempDir('bm-reader-outside-');
  writeFileSync(join(outside, 'Dockerfile'), 'flask==3.0\n');
  writeFileSync(join(root, 'Dockerfile'), 'flask==3.0\n');
  make(join(root, 'requirements.txt'), outside);
  try {
    const project = await readProject(root);
    const req = project.python?.requirements.find((r) => r.file === 'requirements.txt');
    return req ? `read (${req.requirements.length} requirements)` : 'not seen';
  } catch (error) {
    return `error ${(error as { code?: string }).code}: ${(error as Error).message.replace(root, '<root>')}`;
  }
}

test('doctor: what its reader does with a hostile requirements.txt', async () => {
  const table: Record<string, string> = {};
  for (const [name, make] of [['regular', (p: string) => writeFileSync(p, 'flask==3.0\n')], ['fifo', fifo], ['over 64 MiB', sparse(65 * MiB)], ['link inside', (p: string) => symlinkSync('Dockerfile', p)], ['link outside', linkOutside]] as [string, Entry][]) {
    table[name] = await doctorView(make);
  }
  assert.deepEqual(table, {
    'regular': 'read (1 requirements)',
    'fifo': 'error project-unreadable: <root>/requirements.txt: a FIFO; not read',
    'over 64 MiB': 'error project-unreadable: <root>/requirements.txt: skipped, larger than 64 MiB (65.0 MiB)',
    'link inside': 'read (1 requirements)',
    'link outside': 'read (1 requirements)',
  });
});

test('every reader: a path that is not a directory is refused with the same code', async () => {
  const file = join(tempDir('bm-reader-file-'), 'file');
  writeFileSync(file, '');
  const codeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: { code?: string }) => e.code);
  assert.deepEqual(
    { doctor: await codeOf(readProject(file)), scan: await codeOf(readProjectFiles(file, [dockerfileScanner])), wheels: await codeOf(readPythonProject(file)) },
    { doctor: 'usage', scan: 'usage', wheels: 'project-unreadable' },
  );
});
