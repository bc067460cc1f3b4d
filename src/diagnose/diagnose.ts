// Library entry for diagnosing a log file or stream: reads (I/O) and runs the pure engine.

import { readFileSync } from 'node:fs';
import { compileKnowledgeBase, Diagnoser, type DiagnoseOptions, type KnowledgeBase } from './engine.js';
import { decodeAutomaton } from './literal-scanner.js';
import type { Diagnosis } from './rank.js';
import { readLog, type ReadProgress } from './read-log.js';
import { ALL_RULES } from '../kb/rules/index.js';

let defaultKb: KnowledgeBase | null = null;

/** Written by `npm run build` (scripts/build-automaton.mjs): the literal automaton, so a run need not rebuild it. */
export const STORED_AUTOMATON = new URL('../kb-automaton.bin', import.meta.url);

function readStoredAutomaton() {
  try {
    return decodeAutomaton(readFileSync(STORED_AUTOMATON));
  } catch {
    return null; // not built yet, or unreadable: build it in memory instead
  }
}

/** Written by `npm run build` (scripts/build-scan-wasm.mjs from src/diagnose/literal-scan.wat): the scanner's loop. */
export const SCAN_WASM = new URL('../literal-scan.wasm', import.meta.url);

function readScanModule(): WebAssembly.Module | null {
  try {
    return new WebAssembly.Module(readFileSync(SCAN_WASM));
  } catch {
    return null; // not built yet, or no WebAssembly: the JavaScript loop finds the same lines
  }
}

/** The knowledge base of every built-in rule, compiled once per process. */
export function defaultKnowledgeBase(): KnowledgeBase {
  defaultKb ??= compileKnowledgeBase(ALL_RULES, readStoredAutomaton(), readScanModule());
  return defaultKb;
}

export interface DiagnoseFileOptions extends DiagnoseOptions {
  knowledgeBase?: KnowledgeBase;
  onProgress?: (p: ReadProgress) => void;
}

/** Diagnoses a log file (plain or gzip), or standard input when `path` is null or '-'. */
export async function diagnoseFile(path: string | null, options: DiagnoseFileOptions = {}): Promise<Diagnosis> {
  const diagnoser = new Diagnoser(options.knowledgeBase ?? defaultKnowledgeBase(), options);
  await readLog(path, diagnoser, options.onProgress);
  return diagnoser.finish();
}
