// Library entry for diagnosing a log file or stream: reads (I/O) and runs the pure engine.

import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { compileKnowledgeBase, Diagnoser, type DiagnoseOptions, type KnowledgeBase } from './engine.js';
import { scanMemory } from './literal-scan-wasm.js';
import { AUTOMATON_PREFIX_BYTES, automatonFromImage, automatonHeaderBytes, parseAutomatonHeader, type CompiledAutomaton } from './literal-scanner.js';
import type { Diagnosis } from './rank.js';
import { readLog, type ReadProgress } from './read-log.js';
import { ALL_RULES } from '../kb/rules/index.js';

let defaultKb: KnowledgeBase | null = null;

/** Written by `npm run build` (scripts/build-automaton.mjs): the literal automaton, so a run need not rebuild it. */
export const STORED_AUTOMATON = new URL('../kb-automaton.bin', import.meta.url);

/**
 * Reads the stored automaton; with the scanner's module, straight into the memory the module will scan with (its
 * image is megabytes, and a copy of it in fresh memory cost more than the read).
 */
export function readStoredAutomaton(path: URL | string, scanModule: WebAssembly.Module | null): CompiledAutomaton | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null; // not built yet, or unreadable: build it in memory instead
  }
  const readFully = (into: Uint8Array, position: number): boolean => {
    for (let done = 0; done < into.length; ) {
      const n = readSync(fd, into, done, into.length - done, position + done);
      if (n === 0) return false;
      done += n;
    }
    return true;
  };
  try {
    const prefix = new Uint8Array(AUTOMATON_PREFIX_BYTES);
    const headerBytes = readFully(prefix, 0) ? automatonHeaderBytes(prefix) : null;
    if (headerBytes === null) return null;
    const headerText = new Uint8Array(headerBytes);
    const header = readFully(headerText, AUTOMATON_PREFIX_BYTES) ? parseAutomatonHeader(headerText) : null;
    if (header === null) return null;
    const memory = scanModule ? scanMemory(header.layout) : undefined;
    const image = memory ? new Uint8Array(memory.buffer, 0, header.layout.textAt) : new Uint8Array(header.layout.textAt);
    return readFully(image, header.imageAt) ? automatonFromImage(header, image, memory) : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
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
  if (defaultKb === null) {
    const scanModule = readScanModule();
    defaultKb = compileKnowledgeBase(ALL_RULES, readStoredAutomaton(STORED_AUTOMATON, scanModule), scanModule);
  }
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
