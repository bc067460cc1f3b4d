// `npm run validate`: how buildmedic does on the validation set of real logs from public issue threads
// (validation/manifest.json: label, acceptable alternatives, whether the cause is visible in the paste).
// usage: node scripts/validate.mjs [--verbose]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const { diagnoseText } = await import(join(ROOT, 'dist/core/engine.js'));
const { defaultKnowledgeBase } = await import(join(ROOT, 'dist/diagnose.js'));
const verbose = process.argv.includes('--verbose');
const manifest = JSON.parse(readFileSync(join(ROOT, 'validation/manifest.json'), 'utf8'));
const kb = defaultKnowledgeBase();
const tally = { failures: [0, 0], visible: [0, 0], success: [0, 0], unknown: [0, 0] };
for (const c of manifest) {
  const d = diagnoseText(kb, readFileSync(join(ROOT, 'validation', c.file), 'utf8'));
  const ok = c.label === 'success' || c.label === 'unknown' ? d.rootCause === null || (c.also_ok ?? []).includes(d.rootCause) : d.rootCause === c.label || (c.also_ok ?? []).includes(d.rootCause);
  const bucket = c.label === 'success' ? [tally.success] : c.label === 'unknown' ? [tally.unknown] : c.self_contained ? [tally.failures, tally.visible] : [tally.failures];
  for (const b of bucket) {
    b[1]++;
    if (ok) b[0]++;
  }
  if (!ok && verbose) console.log(`miss ${c.file}: want ${c.label}, got ${d.rootCause}`);
}
const pct = ([a, b]) => `${a}/${b} (${b ? ((100 * a) / b).toFixed(1) : 'n/a'}%)`;
console.log(`failures ${pct(tally.failures)}; cause visible in the log ${pct(tally.visible)}; success logs without a cause ${pct(tally.success)}; unknown failures left unexplained ${pct(tally.unknown)}`);
