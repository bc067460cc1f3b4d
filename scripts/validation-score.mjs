// Scores buildmedic's diagnoses of one labelled sample of real build logs. Pure: no I/O, no engine; the caller
// diagnoses each log and passes what the reader was shown. Used by scripts/validate.mjs and its test.
//
// A case is a manifest entry: { file, label, also_ok, self_contained, evidence? }. Its label is
//   - a rule id of the knowledge base ("known"),
//   - `new:<id>`: a cause the thread established that no rule covers yet ("outside the KB"),
//   - `unknown`: the thread settled nothing (in the older rule-gathered set it marks failures outside the KB),
//   - `success`: a build that did not fail.

/** @typedef {{ file: string, label: string, also_ok?: string[], self_contained?: boolean, evidence?: string }} Case */
/** @typedef {{ rootCause: string | null, shown: string[] }} Outcome  shown = excerpt lines + every finding's evidence */

/** @param {number} hit @param {number} of */
export const ratio = (hit, of) => ({ hit, of, pct: of ? (100 * hit) / of : null });

/** Whitespace-insensitive form, so a line re-wrapped by the excerpt or by the paste still matches. */
const squash = (text) => String(text).replace(/\s+/g, ' ').trim();

/**
 * Whether the decisive line is in front of the reader: some shown line contains it, or (for an evidence line longer
 * than what the excerpt keeps) the evidence contains a shown line of some substance.
 */
export function evidenceShown(evidence, shown) {
  const want = squash(evidence);
  return shown.some((line) => {
    const got = squash(line);
    return got.includes(want) || (got.length >= 20 && want.includes(got));
  });
}

/**
 * @param {Case[]} cases
 * @param {Outcome[]} outcomes  one per case, same order
 * @param {ReadonlySet<string>} ruleIds  ids of the knowledge base's rules
 * @param {{ unknownIsOutsideKb?: boolean }} [options]  true for a set whose `unknown` means "outside the KB"
 */
/** `new:*` labels whose kind an existing rule of another id covers. */
// `new:python-build-dep-missing` is the first sample's short spelling of the id the rule took
// (python-build-dependency-missing); it was added after that sample's holdout had been scored, so its figures are
// reported with and without it.
// `new:ruby-dev-headers-missing` (fresh5, fresh6) is the Ruby headers package missing, which native-lib-missing names
// through the ruby-headers component (kb/components.ts, there since before fresh5); mapped in the twelfth session, so
// fresh9 is reported with and without it (SCORE_WITHOUT_RUBY_MAPPING=1).
export const LABEL_IS_RULE = {
  'new:header-missing': 'native-lib-missing',
  'new:dev-package-missing': 'native-lib-missing',
  'new:python-build-dep-missing': 'python-build-dependency-missing',
  ...(process.env.SCORE_WITHOUT_RUBY_MAPPING ? {} : { 'new:ruby-dev-headers-missing': 'native-lib-missing' }),
};

export function scoreSample(cases, outcomes, ruleIds, { unknownIsOutsideKb = false } = {}) {
  const t = { known: [0, 0], knownAll: [0, 0], coverage: [0, 0], outside: [0, 0], wrong: 0, failures: 0, shown: [0, 0], noEvidence: 0, success: [0, 0], unknown: [0, 0] };
  const misses = [];
  // A `new:<id>` label names a kind that had no rule when the thread was labelled; once a rule with that id exists,
  // the label means that rule (so a sample need not be relabelled as rules land).
  // Two labels of the natural sample's vocabulary name what native-lib-missing now covers (a system library's
  // development files: its header, or its `*-config` script), so they are read as that rule (validation/natural/README.md).
  const promote = (label) => {
    const id = label.startsWith('new:') ? (LABEL_IS_RULE[label] ?? label.slice(4)) : label;
    return label.startsWith('new:') && ruleIds.has(id) ? id : label;
  };
  cases.forEach((labelled, i) => {
    const c = { ...labelled, label: promote(labelled.label), also_ok: (labelled.also_ok ?? []).map(promote) };
    const { rootCause, shown } = outcomes[i];
    const accepted = [c.label, ...(c.also_ok ?? [])];
    const right = rootCause !== null && accepted.includes(rootCause);
    const selfContained = c.self_contained !== false;
    const got = rootCause ?? 'no root cause';
    if (c.label === 'success') {
      t.success[1]++;
      if (rootCause === null) t.success[0]++;
      else misses.push(`${c.file}: successful build, got ${got}`);
      return;
    }
    t.failures++;
    const isKnown = ruleIds.has(c.label);
    const isOutside = c.label.startsWith('new:') || (c.label === 'unknown' && unknownIsOutsideKb);
    if (c.label === 'unknown' && !unknownIsOutsideKb) {
      t.unknown[1]++;
      if (rootCause === null || right) t.unknown[0]++;
      else misses.push(`${c.file}: unresolved thread, got ${got}`);
      return;
    }
    if (isKnown) {
      t.knownAll[1]++;
      if (right) t.knownAll[0]++;
      if (selfContained) {
        t.known[1]++;
        if (right) t.known[0]++;
      }
    } else if (isOutside) {
      t.outside[1]++;
      // outside the KB, saying nothing is honest; naming a rule the thread does not support is a wrong root cause
      if (rootCause === null || right) t.outside[0]++;
      else t.wrong++;
    }
    // coverage counts only causes that can be named: a known rule, or a new:* kind (right only via also_ok)
    if (selfContained && (isKnown || c.label.startsWith('new:'))) {
      t.coverage[1]++;
      if (right) t.coverage[0]++;
    }
    if (selfContained && !right && (isKnown || isOutside)) {
      if (c.evidence === undefined) t.noEvidence++;
      else {
        t.shown[1]++;
        if (evidenceShown(c.evidence, shown)) t.shown[0]++;
      }
    }
    if (!right && !(isOutside && rootCause === null)) misses.push(`${c.file}: want ${c.label}${selfContained ? '' : ' (cause not in the paste)'}, got ${got}`);
  });
  return {
    knownTop1: ratio(...t.known),
    knownTop1All: ratio(...t.knownAll),
    coverage: ratio(...t.coverage),
    outsideHonest: ratio(...t.outside),
    wrongRootCauses: ratio(t.wrong, t.failures),
    decisiveLineShown: ratio(...t.shown),
    withoutEvidence: t.noEvidence,
    successClean: ratio(...t.success),
    unknownHonest: ratio(...t.unknown),
    misses,
  };
}

/** One line per figure, in the order issue 12 lists them. */
export function formatScore(name, cases, s) {
  const f = ({ hit, of, pct }) => `${hit}/${of} (${pct === null ? 'n/a' : pct.toFixed(1) + '%'})`;
  return [
    `${name}: ${cases} logs`,
    `  known-kind top-1 (cause in the paste)       ${f(s.knownTop1)}; all known-kind ${f(s.knownTop1All)}`,
    `  coverage of failures whose paste shows it   ${f(s.coverage)}`,
    `  wrong root causes outside the KB            ${f(s.wrongRootCauses)} of failures; honest outside the KB ${f(s.outsideHonest)}`,
    `  unexplained failures, decisive line shown   ${f(s.decisiveLineShown)}${s.withoutEvidence ? ` (${s.withoutEvidence} without an evidence line)` : ''}`,
    `  successful builds with no root cause        ${f(s.successClean)}`,
    `  unresolved threads left unexplained         ${f(s.unknownHonest)}`,
  ].join('\n');
}
