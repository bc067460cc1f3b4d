// `npm run validate`: how buildmedic does on the samples of real logs from public issue threads.
//   validation/manifest.json            the older set, gathered rule by rule (`unknown` = outside the knowledge base)
//   validation/natural/dev/manifest.json the natural sample's part that rules may be built from
//   validation/natural/holdout/...      the third set aside, scored only with --holdout (see validation/natural/README.md)
//   validation/natural/<sample>/...     the later natural samples (fresh, fresh2, ... fresh10), each gathered blind in one
//                                       session and scored only with --<sample> (see its README.md); a sample whose
//                                       manifest-untouched.json lists the logs no read of the lead touched is scored
//                                       on both (see the README's "Exposure")
// usage: npm run build && node scripts/validate.mjs [--verbose] [--holdout] [--fresh] [--fresh2] ... [--all] [--generic-only] [--json]
//   --all           every sample in validation/natural
//   --generic-only  leave out natural-sample cases found by a query that quoted a rule's own wording
//                   (`found_with_rule_wording`), so the figures rest only on generic failure markers

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatScore, scoreSample } from './validation-score.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
// The samples after dev, in the order they were gathered (holdout, fresh, fresh2, ... fresh10).
const NATURAL = readdirSync(join(ROOT, 'validation/natural'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'dev' && existsSync(join(ROOT, 'validation/natural', d.name, 'manifest.json')))
  .map((d) => d.name)
  .sort((a, b) => (a === 'holdout' ? -1 : b === 'holdout' ? 1 : Number(a.slice(5) || 1) - Number(b.slice(5) || 1)));
const known = new Set(['--verbose', '--generic-only', '--json', '--all', ...NATURAL.map((n) => `--${n}`)]);
for (const a of args) if (!known.has(a)) {
  console.error(`validate: unknown option ${a} (samples: ${NATURAL.map((n) => `--${n}`).join(' ')}; --all, --verbose, --generic-only, --json)`);
  process.exit(2);
}
const SETS = [
  { name: 'validation (rule-gathered)', manifest: 'validation/manifest.json', unknownIsOutsideKb: true },
  { name: 'natural/dev', manifest: 'validation/natural/dev/manifest.json' },
  ...NATURAL.filter((name) => args.has(`--${name}`) || args.has('--all')).flatMap((name) => [
    { name: `natural/${name}`, manifest: `validation/natural/${name}/manifest.json` },
    ...(existsSync(join(ROOT, `validation/natural/${name}/manifest-untouched.json`)) ? [{ name: `natural/${name} untouched`, manifest: `validation/natural/${name}/manifest-untouched.json` }] : []),
  ]),
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
