// `npm run validate`: how buildmedic does on the samples of real logs from public issue threads.
//   validation/manifest.json            the older set, gathered rule by rule (`unknown` = outside the knowledge base)
//   validation/natural/dev/manifest.json the natural sample's part that rules may be built from
//   validation/natural/holdout/...      the third set aside, scored only with --holdout (see validation/natural/README.md)
//   validation/natural/fresh/...        a second natural sample, gathered later and kept whole as untouched, scored
//                                       only with --fresh (see validation/natural/fresh/README.md)
//   validation/natural/fresh2/...       a third natural sample, gathered in the fifth session, scored only with --fresh2
//   validation/natural/fresh3/...       a fourth natural sample, gathered in the sixth session, scored only with --fresh3
//   validation/natural/fresh4/...       a fifth natural sample, gathered in the seventh session, scored only with --fresh4
//   validation/natural/fresh5/...       a sixth natural sample, gathered in the eighth session, scored only with --fresh5
//   validation/natural/fresh6/...       a seventh natural sample, gathered in the ninth session, scored only with --fresh6
//   validation/natural/fresh7/...       an eighth natural sample, gathered in the tenth session, scored only with --fresh7
//   validation/natural/fresh8/...       a ninth natural sample, gathered in the eleventh session, scored only with --fresh8
//   validation/natural/fresh9/...       a tenth natural sample, gathered in the twelfth session, scored only with --fresh9
// usage: npm run build && node scripts/validate.mjs [--verbose] [--holdout] [--fresh] [--fresh2] [--fresh3] [--fresh4] [--fresh5] [--fresh6] [--fresh7] [--fresh8] [--fresh9] [--generic-only] [--json]
//   --generic-only  leave out natural-sample cases found by a query that quoted a rule's own wording
//                   (`found_with_rule_wording`), so the figures rest only on generic failure markers

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatScore, scoreSample } from './validation-score.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const SETS = [
  { name: 'validation (rule-gathered)', manifest: 'validation/manifest.json', unknownIsOutsideKb: true },
  { name: 'natural/dev', manifest: 'validation/natural/dev/manifest.json' },
  ...(args.has('--holdout') ? [{ name: 'natural/holdout', manifest: 'validation/natural/holdout/manifest.json' }] : []),
  ...(args.has('--fresh') ? [{ name: 'natural/fresh', manifest: 'validation/natural/fresh/manifest.json' }] : []),
  ...(args.has('--fresh2') ? [{ name: 'natural/fresh2', manifest: 'validation/natural/fresh2/manifest.json' }] : []),
  ...(args.has('--fresh3') ? [{ name: 'natural/fresh3', manifest: 'validation/natural/fresh3/manifest.json' }] : []),
  ...(args.has('--fresh4') ? [{ name: 'natural/fresh4', manifest: 'validation/natural/fresh4/manifest.json' }] : []),
  ...(args.has('--fresh5') ? [{ name: 'natural/fresh5', manifest: 'validation/natural/fresh5/manifest.json' }] : []),
  ...(args.has('--fresh6') ? [{ name: 'natural/fresh6', manifest: 'validation/natural/fresh6/manifest.json' }] : []),
  ...(args.has('--fresh7') ? [{ name: 'natural/fresh7', manifest: 'validation/natural/fresh7/manifest.json' }] : []),
  ...(args.has('--fresh8') ? [{ name: 'natural/fresh8', manifest: 'validation/natural/fresh8/manifest.json' }] : []),
  ...(args.has('--fresh9') ? [{ name: 'natural/fresh9', manifest: 'validation/natural/fresh9/manifest.json' }] : []),
  // (the 231 of them that no read of the lead touched: see validation/natural/fresh9/README.md, "Exposure")
  ...(args.has('--fresh9') ? [{ name: 'natural/fresh9 untouched', manifest: 'validation/natural/fresh9/manifest-untouched.json' }] : []),
];

const { diagnoseText } = await import(join(ROOT, 'dist/diagnose/engine.js'));
const { defaultKnowledgeBase } = await import(join(ROOT, 'dist/diagnose/diagnose.js'));
const kb = defaultKnowledgeBase();
const ruleIds = new Set(kb.rules.map((r) => r.id));

/** What a reader of the diagnosis sees of the log: the excerpt and each finding's evidence lines. */
function outcomeOf(diagnosis) {
  const shown = [...(diagnosis.excerpt?.lines ?? []), ...diagnosis.findings.flatMap((f) => f.evidence.map((e) => e.text))];
  return { rootCause: diagnosis.rootCause, shown };
}

const report = [];
for (const set of SETS) {
  const path = join(ROOT, set.manifest);
  const cases = JSON.parse(readFileSync(path, 'utf8')).filter((c) => !(args.has('--generic-only') && c.found_with_rule_wording));
  const outcomes = cases.map((c) => outcomeOf(diagnoseText(kb, readFileSync(join(dirname(path), c.file), 'utf8'))));
  const score = scoreSample(cases, outcomes, ruleIds, { unknownIsOutsideKb: set.unknownIsOutsideKb });
  report.push({ set: set.name, cases: cases.length, ...score });
  if (args.has('--json')) continue;
  console.log(formatScore(set.name, cases.length, score));
  if (args.has('--verbose')) for (const m of score.misses) console.log(`  miss ${m}`);
}
if (args.has('--json')) console.log(JSON.stringify(report, null, 1));
