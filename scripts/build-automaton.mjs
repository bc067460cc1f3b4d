// Part of `npm run build`: stores the knowledge base's literal automaton next to the compiled code, so that each
// run loads it (a few MB, read straight into the scanner's memory) instead of building it (tens of ms on a cold process),
// with the scanner's filter for the pieces chosen below. A stale file is ignored:
// the runtime checks the literals it was built from.
// The scanner's filter looks for pieces of each literal (two overlapping ones, or the rarest byte pair for a short
// literal, README "Performance"); they are chosen here by how rarely they occur in the rules' case logs (real build
// output), which the runtime cannot count without reading them.

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { compileKnowledgeBase } = await import('../dist/diagnose/engine.js');
const { encodeAutomaton } = await import('../dist/diagnose/literal-scanner.js');
const { ALL_RULES } = await import('../dist/kb/rules/index.js');
const { STORED_AUTOMATON } = await import('../dist/diagnose/diagnose.js');

const RULES_DIR = new URL('../src/kb/rules/', import.meta.url).pathname;
const caseLogs = readdirSync(RULES_DIR, { recursive: true, encoding: 'utf8' })
  .filter((p) => /(^|\/)cases\/[^/]+\.log$/.test(p))
  .sort()
  .map((p) => readFileSync(join(RULES_DIR, p)));

const kb = compileKnowledgeBase(ALL_RULES);
kb.scanner.tunePieces(caseLogs);
const bytes = encodeAutomaton(kb.scanner.compiled());
// (a copy an older build left in dist/bin/ would ship for nothing)
rmSync(new URL('../dist/bin/kb-automaton.bin', import.meta.url), { force: true });
// One copy serves both: the bundled command line in dist/bin/ resolves the same '../kb-automaton.bin' from its own
// file URL (dist/bin/ sits at the same depth as dist/diagnose/).
writeFileSync(STORED_AUTOMATON, bytes);
