// Precision of `scan` (and of fix's hunks and doctor's needs) on real public repositories, from local copies.
// validation/real-repos.json lists each repository as owner/name@commit with a verdict (right/wrong) and a reason for
// every finding; this script re-scans the copies and scores the findings against those verdicts. Nothing here builds
// or runs the repositories' code: buildmedic only reads their files.
//
// usage: node scripts/validate-repos.mjs [--file JSON] [--repos DIR] [--set dev|holdout|all] [--unverified] [--mutations] [--verbose] [--json]
//   DIR (or BUILDMEDIC_REPOS) holds one directory per repository, named owner+name (a git work tree at the commit).
//   --file        the catalogue (default validation/real-repos.json). One whose entries carry expectedNeeds
//                 (validation/real-repos-fresh.json, labelled blind) is scored against those labels instead
//                 (scripts/fresh-score.mjs); --set does not apply to it.
//   --unverified  also count the findings scan holds back by default (it shows them with --unverified).
//   --mutations   put each defect the scanners exist for back into temporary copies and report recall; with a
//                 catalogue of expectedNeeds, the generic mutations (scripts/generic-mutations.mjs) on every entry.
//   --verbose     list every finding with its verdict; unjudged ones always print, so they can be judged.
// Verdicts: right, wrong, or unsure (what the repository's build does could not be established from its files; not
// counted in precision, and listed).

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const reposDir = option('--repos', process.env.BUILDMEDIC_REPOS ?? '/tmp/repos');
const set = option('--set', 'dev');
const verbose = flag('--verbose');

const { SCANNERS } = await import(join(ROOT, 'dist/scan/registry.js'));
const { readProjectFiles } = await import(join(ROOT, 'dist/project/read-project.js'));
const { scanProject } = await import(join(ROOT, 'dist/scan/run-scan.js'));
const { readProject } = await import(join(ROOT, 'dist/project/discover.js'));
const { deriveNeeds } = await import(join(ROOT, 'dist/doctor/needs.js'));
const { resolveWithCargo } = await import(join(ROOT, 'dist/project/cargo-metadata.js'));
const scanOptions = { unverified: flag('--unverified') };

const catalogue = JSON.parse(readFileSync(resolve(ROOT, option('--file', 'validation/real-repos.json')), 'utf8'));

/** A finding's identity across code changes: its rule, the file it is about and what it names (not its wording). */
export function findingId(f) {
  const c = f.captures ?? {};
  const file = findingFile(f);
  const what = c.crate ? c.crate : (c.component ?? c.lockPath ?? c.dir ?? c.target ?? c.file ?? c.path ?? '');
  return `${f.rule} ${file} ${what}`.trim();
}

/** The file a finding is about: the manifest or Dockerfile it names, else its first evidence. */
function findingFile(f) {
  const c = f.captures ?? {};
  return c.manifest ?? c.dockerfile ?? f.evidence?.[0]?.file ?? '';
}

function dirOf(entry) {
  return join(reposDir, entry.repo.replace('/', '+'));
}

/** The commit a work tree is at, read from its files (a detached HEAD holds the hash itself). */
function headOf(dir) {
  try {
    let gitDir = join(dir, '.git');
    const dotGit = readFileSync(gitDir, 'utf8');
    gitDir = /^gitdir: (.*)$/m.exec(dotGit)?.[1]?.trim() ?? gitDir;
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    return /^[0-9a-f]{40}$/.test(head) ? head : null;
  } catch {
    return null;
  }
}

async function scanDir(dir) {
  return scanProject(await readProjectFiles(dir, SCANNERS, { resolveCargo: true, target: 'x86_64-unknown-linux-gnu' }), SCANNERS, undefined, scanOptions);
}

async function needsOf(dir) {
  const project = await readProject(dir);
  // As doctor does: cargo's resolved graph when it answers offline, else the lock and the manifests.
  const cargo = project.rust?.lock ? await resolveWithCargo(project.rust.root, '', 'x86_64-unknown-linux-gnu', new Map()) : null;
  const plan = deriveNeeds(project, { env: {}, platform: 'linux', hostTriple: 'x86_64-unknown-linux-gnu', cargo });
  // With no project at the root, doctor checks the general toolchain: no claim about the project to judge.
  if (plan.mode === 'general') return [];
  const system = new Set(['c-compiler', 'cxx-compiler', 'make', 'perl', 'pkg-config', 'openssl-dev', 'libclang', 'cmake', 'protoc', 'zlib-dev', 'sqlite3-dev', 'libcurl-dev', 'libpq-dev', 'mysqlclient-dev', 'alsa-dev', 'libudev-dev', 'dbus-dev', 'python-headers']);
  return plan.needs.filter((n) => system.has(n.component) && n.required).map((n) => ({ component: n.component, neededBy: n.neededBy }));
}

const tally = new Map();
const count = (bucket, verdict) => {
  const t = tally.get(bucket) ?? { right: 0, wrong: 0, unsure: 0, unjudged: 0 };
  t[verdict] += 1;
  tally.set(bucket, t);
};
const absent = [];
const moved = [];
const unjudged = [];
const report = [];

/** The local copy of an entry, or null when absent (listed); a copy at another commit than the one judged is warned of. */
function copyOf(entry) {
  const dir = dirOf(entry);
  if (!existsSync(dir)) {
    absent.push(entry.repo);
    return null;
  }
  const head = headOf(dir);
  if (head && head !== entry.commit) moved.push(`${entry.repo}: copy at ${head.slice(0, 12)}, judged at ${entry.commit.slice(0, 12)}`);
  return dir;
}

if (catalogue.repos.some((entry) => entry.expectedNeeds)) {
  const { scoreFreshRepo, totalFresh, renderFresh, checkFreshLabels } = await import(join(ROOT, 'scripts/fresh-score.mjs'));
  const scores = [];
  for (const entry of catalogue.repos) {
    for (const problem of checkFreshLabels(entry, catalogue.vocabulary ?? [])) console.log(`label problem: ${problem}`);
    const dir = copyOf(entry);
    if (!dir) continue;
    const findings = (await scanDir(dir)).findings.map((f) => ({ rule: f.rule, file: findingFile(f), id: findingId(f) }));
    scores.push(scoreFreshRepo(entry, { needs: await needsOf(dir), findings }));
  }
  const totals = totalFresh(scores);
  if (flag('--json')) process.stdout.write(`${JSON.stringify({ totals, scores, absent, moved }, null, 2)}\n`);
  else console.log(`${renderFresh(scores, totals)}${absent.length ? `\nabsent from ${reposDir}: ${absent.join(', ')}` : ''}${moved.map((m) => `\nwarning: ${m}`).join('')}`);
  if (flag('--mutations')) await genericMutationRecall();
  process.exit(0);
}

/** Recall of the mutations that need no knowledge of a repository's text (scripts/generic-mutations.mjs), on every entry. */
async function genericMutationRecall() {
  const { GENERIC_MUTATIONS } = await import(join(ROOT, 'scripts/generic-mutations.mjs'));
  let found = 0;
  let tried = 0;
  for (const entry of catalogue.repos) {
    const dir = copyOf(entry);
    if (!dir) continue;
    const project = await readProjectFiles(dir, SCANNERS, { resolveCargo: true, target: 'x86_64-unknown-linux-gnu' });
    const before = new Set(scanProject(project, SCANNERS, undefined, scanOptions).findings.map(findingId));
    for (const m of GENERIC_MUTATIONS) {
      if (!m.applies(entry)) continue;
      const mutated = m.apply(project);
      if (!mutated) continue;
      tried++;
      const after = scanProject(mutated, SCANNERS, undefined, scanOptions).findings.filter((f) => m.rule.includes(f.rule) && !before.has(findingId(f)));
      if (after.length) found++;
      console.log(`mutation ${m.name} on ${entry.repo}: ${after.length ? `found (${after.map(findingId).join('; ')})` : `MISSED (no new ${m.rule.join(' or ')})`}`);
    }
  }
  console.log(`generic mutation recall: ${found}/${tried}${tried ? ` (${((100 * found) / tried).toFixed(1)}%)` : ''}`);
}

for (const entry of catalogue.repos) {
  if (set !== 'all' && (set === 'holdout') !== Boolean(entry.holdout)) continue;
  const dir = copyOf(entry);
  if (!dir) continue;
  const scan = await scanDir(dir);
  // Held-back findings (shown with --unverified) keep the verdict given to the same finding of the baseline.
  const verdicts = new Map([...(scanOptions.unverified ? (entry.baseline?.findings ?? []) : []), ...(entry.findings ?? [])].map((v) => [v.id, v]));
  const lines = [];
  for (const f of scan.findings) {
    const id = findingId(f);
    const v = verdicts.get(id);
    const verdict = v ? v.verdict : 'unjudged';
    count(f.rule, verdict);
    count('(all scan findings)', verdict);
    if (verdict === 'unjudged') unjudged.push({ repo: entry.repo, id, message: f.message, fix: f.fix?.title ?? null });
    if (f.fix) {
      const fv = v?.fix ?? 'unjudged';
      count('(fix hunks)', ['right', 'wrong', 'unsure'].includes(fv) ? fv : 'unjudged');
    }
    lines.push(`  ${verdict.padEnd(8)} ${id}${v?.reason && verbose ? `  — ${v.reason}` : ''}`);
  }
  const needVerdicts = new Map((entry.doctorNeeds ?? []).map((v) => [v.component, v]));
  for (const n of await needsOf(dir)) {
    const v = needVerdicts.get(n.component);
    const verdict = v ? v.verdict : 'unjudged';
    count('(doctor needs)', verdict);
    if (verdict === 'unjudged') unjudged.push({ repo: entry.repo, id: `doctor ${n.component}`, message: n.neededBy.join('; ') });
    lines.push(`  ${verdict.padEnd(8)} doctor needs ${n.component} (${n.neededBy[0] ?? ''})`);
  }
  for (const m of entry.doctorMissed ?? []) count('(doctor needs missed)', 'wrong'), lines.push(`  missed   doctor ${m.component}: ${m.reason}`);
  report.push({ repo: entry.repo, held: (scan.heldBack ?? []).reduce((n, h) => n + h.count, 0), lines });
}

const pct = (t) => (t.right + t.wrong ? `${((100 * t.right) / (t.right + t.wrong)).toFixed(1)}%` : 'n/a');
if (flag('--json')) {
  process.stdout.write(`${JSON.stringify({ set, tally: Object.fromEntries(tally), absent, unjudged }, null, 2)}\n`);
} else {
  for (const r of report) {
    if (!verbose && r.lines.every((l) => !l.includes('unjudged'))) continue;
    console.log(`${r.repo}${r.held ? ` (${r.held} held back as unverified)` : ''}`);
    for (const l of r.lines) console.log(l);
  }
  console.log(`\nset ${set}: ${report.length} repositories scanned${absent.length ? `; absent from ${reposDir}: ${absent.join(', ')}` : ''}`);
  for (const m of moved) console.log(`warning: ${m}`);
  for (const [bucket, t] of [...tally].sort()) console.log(`${bucket.padEnd(34)} right ${t.right}  wrong ${t.wrong}  unsure ${t.unsure}  unjudged ${t.unjudged}  precision ${pct(t)}`);
  for (const u of unjudged) console.log(`unjudged ${u.repo}: ${u.id} — ${u.message}`);
}

if (flag('--mutations')) {
  // Each mutation changes an in-memory copy of the read project (files, git's view), never the copy on disk.
  const { MUTATIONS } = await import(join(ROOT, 'scripts/repo-mutations.mjs'));
  let found = 0;
  let tried = 0;
  for (const m of MUTATIONS) {
    const entry = catalogue.repos.find((r) => r.repo === m.repo);
    if (!entry || !existsSync(dirOf(entry))) {
      console.log(`mutation ${m.name}: ${m.repo} absent`);
      continue;
    }
    const project = await readProjectFiles(dirOf(entry), SCANNERS, { resolveCargo: true, target: 'x86_64-unknown-linux-gnu' });
    const before = new Set(scanProject(project, SCANNERS, undefined, scanOptions).findings.filter((f) => m.rule.includes(f.rule)).map(findingId));
    const mutated = m.apply(project);
    if (!mutated) {
      console.log(`mutation ${m.name} on ${m.repo}: could not be applied (the text it changes is not there)`);
      continue;
    }
    tried++;
    const after = scanProject(mutated, SCANNERS, undefined, scanOptions).findings.filter((f) => m.rule.includes(f.rule) && !before.has(findingId(f)));
    if (after.length) found++;
    console.log(`mutation ${m.name} on ${m.repo}: ${after.length ? `found (${after.map(findingId).join('; ')})` : `MISSED (no new ${m.rule.join(" or ")})`}`);
  }
  console.log(`mutation recall: ${found}/${tried}${tried ? ` (${((100 * found) / tried).toFixed(1)}%)` : ''}`);
}
