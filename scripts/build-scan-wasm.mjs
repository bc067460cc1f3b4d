// Part of `npm run build`: assembles the scanner's WebAssembly loop (src/diagnose/literal-scan.wat) into
// dist/literal-scan.wasm, and next to the bundled command line in dist/bin/. Without it, the JavaScript loop runs.

import { readFileSync, writeFileSync } from 'node:fs';
import wabt from 'wabt';

const SOURCE = new URL('../src/diagnose/literal-scan.wat', import.meta.url);
const { SCAN_WASM } = await import('../dist/diagnose/diagnose.js');

const assembler = await wabt();
const module = assembler.parseWat('literal-scan.wat', readFileSync(SOURCE, 'utf8'));
module.validate();
const { buffer } = module.toBinary({});
module.destroy();
writeFileSync(SCAN_WASM, buffer);
writeFileSync(new URL('../dist/bin/literal-scan.wasm', import.meta.url), buffer);
