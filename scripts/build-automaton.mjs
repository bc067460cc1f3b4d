// Part of `npm run build`: stores the knowledge base's literal automaton next to the compiled code, so that each
// run loads it (about 2 MB, ~1 ms) instead of building it (tens of ms on a cold process). A stale file is ignored:
// the runtime checks the digest of the literals it was built from.

import { writeFileSync } from 'node:fs';

const { compileKnowledgeBase } = await import('../dist/core/engine.js');
const { encodeAutomaton } = await import('../dist/core/literal-scanner.js');
const { ALL_RULES } = await import('../dist/rules/index.js');
const { STORED_AUTOMATON } = await import('../dist/diagnose.js');

const kb = compileKnowledgeBase(ALL_RULES);
const bytes = encodeAutomaton(kb.scanner.compiled());
writeFileSync(STORED_AUTOMATON, bytes);
// The bundled command line (dist/bin/) looks for it next to itself.
writeFileSync(new URL('../dist/bin/kb-automaton.bin', import.meta.url), bytes);
