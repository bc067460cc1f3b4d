// Scores doctor's needs and scan's findings on one blind-labelled repository of validation/real-repos-fresh.json.
// Pure: the caller (scripts/validate-repos.mjs --file ...) runs buildmedic on the local copy and passes what it
// reported; this module only compares that with the labels, so its test needs no repository and runs no command.
//
// Labels (see validation/REAL-REPOS-FRESH.md): expectedNeeds and notNeeded are lists of { component, reason };
// unsure lists components whose need the labeller could not settle; expectedFindings are { rule, file, reason }.

/** @typedef {{ component: string, reason: string }} NeedLabel */
/** @typedef {{ rule: string, file: string, reason?: string }} FindingLabel */
/** @typedef {{ repo: string, expectedNeeds: NeedLabel[], notNeeded?: NeedLabel[], unsure?: NeedLabel[], expectedFindings?: FindingLabel[] }} FreshEntry */
/** @typedef {{ component: string, neededBy?: string[] }} ReportedNeed */
/** @typedef {{ rule: string, file: string, id?: string }} ReportedFinding */

const byComponent = (labels) => new Map((labels ?? []).map((l) => [l.component, l]));

/**
 * The verdict on each need doctor reported and on each scan finding, and what the labels expected but was not
 * reported. A need is right when labelled needed, wrong when labelled not needed or not labelled at all (the
 * labeller saw no reason for it), and unsure (counted nowhere) when the labels say it could not be settled.
 * @param {FreshEntry} entry
 * @param {{ needs: ReportedNeed[], findings: ReportedFinding[] }} reported
 */
export function scoreFreshRepo(entry, reported) {
  const expected = byComponent(entry.expectedNeeds);
  const notNeeded = byComponent(entry.notNeeded);
  const unsure = byComponent(entry.unsure);
  const seen = new Set();
  const needs = [];
  for (const n of reported.needs) {
    // doctor may list one component for several crates: the claim judged is that the build needs it at all.
    if (seen.has(n.component)) continue;
    seen.add(n.component);
    const label = expected.get(n.component) ?? notNeeded.get(n.component) ?? unsure.get(n.component);
    const verdict = expected.has(n.component) ? 'right' : unsure.has(n.component) ? 'unsure' : 'wrong';
    needs.push({ component: n.component, neededBy: n.neededBy ?? [], verdict, reason: label?.reason ?? 'not in the labels: the labeller found no reason for it' });
  }
  const missedNeeds = (entry.expectedNeeds ?? []).filter((l) => !seen.has(l.component));

  const expectedFindings = entry.expectedFindings ?? [];
  const matches = (label, f) => label.rule === f.rule && label.file === f.file;
  const findings = reported.findings.map((f) => {
    const label = expectedFindings.find((l) => matches(l, f));
    return { ...f, verdict: label ? 'right' : 'wrong', reason: label?.reason ?? 'no expected finding has this rule and file' };
  });
  const missedFindings = expectedFindings.filter((l) => !reported.findings.some((f) => matches(l, f)));

  const count = (list, verdict) => list.filter((x) => x.verdict === verdict).length;
  return {
    repo: entry.repo,
    needs,
    missedNeeds,
    findings,
    missedFindings,
    tally: {
      needs: { right: count(needs, 'right'), wrong: count(needs, 'wrong'), unsure: count(needs, 'unsure'), missed: missedNeeds.length },
      findings: { right: count(findings, 'right'), wrong: count(findings, 'wrong'), missed: missedFindings.length },
    },
  };
}

/** Sums the per-repository tallies, with precision (right of right+wrong) and recall (right of right+missed). */
export function totalFresh(scores) {
  const sum = (kind) => {
    const t = { right: 0, wrong: 0, unsure: 0, missed: 0 };
    for (const s of scores) for (const k of Object.keys(t)) t[k] += s.tally[kind][k] ?? 0;
    const precision = t.right + t.wrong ? t.right / (t.right + t.wrong) : null;
    const recall = t.right + t.missed ? t.right / (t.right + t.missed) : null;
    return { ...t, precision, recall };
  };
  return { repos: scores.length, needs: sum('needs'), findings: sum('findings') };
}

/**
 * Label mistakes that would make a score meaningless: a component both needed and not needed, a component outside
 * the vocabulary doctor's needs are scored in, a need or finding without a reason, an entry without its commit.
 * @param {FreshEntry & { commit?: string }} entry
 * @param {string[]} vocabulary
 */
export function checkFreshLabels(entry, vocabulary) {
  const problems = [];
  const known = new Set(vocabulary);
  if (!/^[0-9a-f]{40}$/.test(entry.commit ?? '')) problems.push(`${entry.repo}: commit is not a 40-digit hash`);
  const lists = { expectedNeeds: entry.expectedNeeds, notNeeded: entry.notNeeded, unsure: entry.unsure };
  const where = new Map();
  for (const [list, labels] of Object.entries(lists)) {
    if (list === 'expectedNeeds' && !Array.isArray(labels)) problems.push(`${entry.repo}: expectedNeeds is missing`);
    for (const l of labels ?? []) {
      if (!known.has(l.component)) problems.push(`${entry.repo}: ${list} names ${l.component}, which is not in the vocabulary`);
      if (!l.reason) problems.push(`${entry.repo}: ${list} ${l.component} has no reason`);
      if (where.has(l.component)) problems.push(`${entry.repo}: ${l.component} is in both ${where.get(l.component)} and ${list}`);
      where.set(l.component, list);
    }
  }
  for (const f of entry.expectedFindings ?? []) {
    if (!f.rule || !f.file || !f.reason) problems.push(`${entry.repo}: an expected finding lacks its rule, file or reason`);
  }
  return problems;
}

const pct = (x) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);

/** The text report: every judged need and finding per repository, then the totals. */
export function renderFresh(scores, totals) {
  const lines = [];
  for (const s of scores) {
    lines.push(s.repo);
    for (const n of s.needs) lines.push(`  ${n.verdict.padEnd(7)} doctor needs ${n.component}${n.neededBy[0] ? ` (${n.neededBy[0]})` : ''} — ${n.reason}`);
    for (const m of s.missedNeeds) lines.push(`  missed  doctor ${m.component} — ${m.reason}`);
    for (const f of s.findings) lines.push(`  ${f.verdict.padEnd(7)} ${f.id ?? `${f.rule} ${f.file}`} — ${f.reason}`);
    for (const m of s.missedFindings) lines.push(`  missed  ${m.rule} ${m.file} — ${m.reason}`);
  }
  const { needs, findings } = totals;
  lines.push('');
  lines.push(`fresh set: ${totals.repos} repositories`);
  lines.push(`doctor needs   right ${needs.right}  wrong ${needs.wrong}  unsure ${needs.unsure}  missed ${needs.missed}  precision ${pct(needs.precision)}  recall ${pct(needs.recall)}`);
  lines.push(`scan findings  right ${findings.right}  wrong ${findings.wrong}  missed ${findings.missed}  precision ${pct(findings.precision)}  recall ${pct(findings.recall)}`);
  return lines.join('\n');
}
