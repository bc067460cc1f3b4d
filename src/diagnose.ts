// Library entry for diagnosing a log file or stream: reads (I/O) and runs the pure engine.

import { compileKnowledgeBase, Diagnoser, type DiagnoseOptions, type KnowledgeBase } from './core/engine.js';
import type { Diagnosis } from './core/rank.js';
import { readLog, type ReadProgress } from './log/read-log.js';
import { ALL_RULES } from './rules/index.js';

let defaultKb: KnowledgeBase | null = null;

/** The knowledge base of every built-in rule, compiled once per process. */
export function defaultKnowledgeBase(): KnowledgeBase {
  defaultKb ??= compileKnowledgeBase(ALL_RULES);
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
