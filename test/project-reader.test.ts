// What each of the three project readers (doctor's readProject, scan/fix's readProjectFiles, wheels'
// readPythonProject) does with each hostile entry of one small tree: skipped directories, depth, size caps, FIFOs,
// symlinks inside and outside, bytes that are not UTF-8. The table is the contract that they agree.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { readProject } from '../src/project/discover.ts';
import { readProjectFiles } from '../src/project/read-project.ts';
import { scanIncomplete, scanProject } from '../src/scan/run-scan.ts';
import type { Scanner } from '../src/scan/model.ts';
import { readPythonProject } from '../src/wheels/run.ts';
import { tempDir as makeTempDir } from './helpers/temp.ts';

// Every tree of this file lives under one scratch directory, removed at the end.
const scratch = makeTempDir('bm-reader-');
after(() => rmSync(scratch, { recursive: true, force: true }));
const tempDir = (prefix: string) => mkdtempSync(join(scratch, prefix));

const MiB = 1024 * 1024;
const DOCKERFILE = 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n';

type Entry = (path: string, outside: string) => void;
/** Thirteen directories: one more than a walk enters. */
const DEEP = Array.from({ length: 13 }, (_, i) => `d${i + 1}`).join('/');
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
  ['aliased/Dockerfile', (p) => symlinkSync('../store/docker.conf', p)],
  ['dev-link/Dockerfile', (p) => symlinkSync('/dev/null', p)],
  ['dangling/Dockerfile', (p) => symlinkSync('nowhere', p)],
  [`${DEEP}/Dockerfile`, regular],
];

function buildTree(): string {
  const root = tempDir('bm-reader-');
  const outside = tempDir('bm-reader-outside-');
  writeFileSync(join(outside, 'Dockerfile'), DOCKERFILE);
  mkdirSync(join(root, 'store'));
  writeFileSync(join(root, 'store/docker.conf'), DOCKERFILE);
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
    // A link to nothing is an absent file (scan keeps it in `symlinks` only to say so in its messages).
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

/** What the shared reader makes of each entry, as scan/fix see it. */
const AGREED: Record<string, string> = {
  'Dockerfile': 'read',
  'node_modules/x/Dockerfile': 'not seen',
  'target/Dockerfile': 'not seen',
  'build/Dockerfile': 'read',
  'dist/Dockerfile': 'not seen',
  '.venv/Dockerfile': 'not seen',
  '.direnv/Dockerfile': 'not seen',
  '.hidden/Dockerfile': 'not seen',
  'a/b/c/Dockerfile': 'read',
  'a/b/c/d/Dockerfile': 'read',
  'fifo/Dockerfile': 'not read: a FIFO; not read',
  'mid/Dockerfile': 'not read: skipped, larger than 2 MiB (3.0 MiB)',
  'big/Dockerfile': 'not read: skipped, larger than 2 MiB (17.0 MiB)',
  'latin1/Dockerfile': 'read, lossy',
  // A link to a file read under its own name is that file: read once, under that name (it still exists for scan).
  'in-link/Dockerfile': 'not seen',
  'aliased/Dockerfile': 'read',
  'out-link/Dockerfile': 'not read: a link to a file outside the project; not read',
  'dev-link/Dockerfile': 'not read: a device; not read',
  'dangling/Dockerfile': 'not seen',
  [`${DEEP}/Dockerfile`]: 'not seen',
};

test('scan and wheels: each entry of a hostile tree is skipped, read or not read (with the reason) alike', async () => {
  const root = buildTree();
  assert.deepEqual(await scanView(root), AGREED);
  const scanned = await readProjectFiles(root, [dockerfileScanner]);
  assert.ok(scanned.paths.has('in-link/Dockerfile'), 'a link to a read file still exists for scan');
  // Where the walk's own depth limit cut it is said (wheels asks for three directories, so it has nothing to say).
  assert.deepEqual(scanned.unread.filter((u) => u.file.startsWith('d1/')), [{ file: DEEP, reason: 'more than 12 directories deep; not walked', walkCut: true }]);
  assert.deepEqual(await wheelsView(root), {
    ...AGREED,
    // wheels asks the walk for three directories only (its README: dependency files and deploy configuration).
    'a/b/c/d/Dockerfile': 'not seen',
    // The same cap; wheels' reports word it as bytes over the limit (pinned by test/hostile-wheels.test.ts).
    'mid/Dockerfile': 'not read: 3145728 bytes, over the 2 MiB limit for a project file; not read',
    'big/Dockerfile': 'not read: 17825792 bytes, over the 2 MiB limit for a project file; not read',
  });
});

test('scan and wheels: a tree over the file limit of a walk is cut there, and the cut is said', async () => {
  const root = tempDir('bm-reader-many-');
  mkdirSync(join(root, 'many'));
  for (let i = 0; i <= 50_000; i++) writeFileSync(join(root, 'many', `f${String(i).padStart(5, '0')}`), '');
  mkdirSync(join(root, 'z'));
  writeFileSync(join(root, 'z/Dockerfile'), DOCKERFILE);
  const cut = { file: 'many/f50000', reason: 'the walk stops at 50000 files; not walked, nor what follows it', walkCut: true as const };
  const scanned = await readProjectFiles(root, [dockerfileScanner]);
  assert.equal(scanned.files.has('z/Dockerfile'), false);
  assert.deepEqual(scanned.unread, [cut]);
  // Said in the report, but a large monorepo is ordinary: the cut alone does not make scan exit 2.
  const report = scanProject(scanned, [dockerfileScanner]);
  assert.deepEqual(report.problems, [{ scanner: 'reader-walk', message: `${cut.file}: ${cut.reason}` }]);
  assert.equal(scanIncomplete(report), false);
  const wheels = await readPythonProject(root);
  assert.equal(wheels.files.has('z/Dockerfile'), false);
  assert.deepEqual([...wheels.unread], [[cut.file, cut.reason]]);
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

test('doctor: a hostile requirements.txt is read or refused with the reason scan and wheels give', async () => {
  const table: Record<string, string> = {};
  const entries: [string, Entry][] = [
    ['regular', (p) => writeFileSync(p, 'flask==3.0\n')],
    ['not UTF-8', (p) => writeFileSync(p, Buffer.concat([Buffer.from('flask==3.0 # caf'), Buffer.from([0xe9]), Buffer.from('\n')]))],
    ['fifo', fifo],
    ['over 16 MiB', sparse(17 * MiB)],
    ['link inside', (p) => symlinkSync('Dockerfile', p)],
    ['link outside', linkOutside],
  ];
  for (const [name, make] of entries) {
    table[name] = await doctorView(make);
  }
  assert.deepEqual(table, {
    'regular': 'read (1 requirements)',
    'not UTF-8': 'read (1 requirements)',
    // doctor cannot judge a project it could not read, so a file it did not read stops it (exit 2), with the reason.
    'fifo': 'error project-unreadable: <root>/requirements.txt: a FIFO; not read',
    'over 16 MiB': 'error project-unreadable: <root>/requirements.txt: skipped, larger than 16 MiB (17.0 MiB)',
    'link inside': 'read (1 requirements)',
    'link outside': 'error project-unreadable: <root>/requirements.txt: a link to a file outside the project; not read',
  });
});

test('every reader: a missing path or one that is not a directory is refused with the same code', async () => {
  const file = join(tempDir('bm-reader-file-'), 'file');
  writeFileSync(file, '');
  const codeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: { code?: string }) => e.code);
  const codes = async (path: string) => ({ doctor: await codeOf(readProject(path)), scan: await codeOf(readProjectFiles(path, [dockerfileScanner])), wheels: await codeOf(readPythonProject(path)) });
  assert.deepEqual(await codes(file), { doctor: 'usage', scan: 'usage', wheels: 'usage' });
  assert.deepEqual(await codes(join(file, '..', 'missing')), { doctor: 'input-not-found', scan: 'input-not-found', wheels: 'input-not-found' });
});
