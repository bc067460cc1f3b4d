// Worker thread that diagnoses a running build's output, so passing the output through never waits for the engine. I/O (messages).

import { parentPort, workerData } from 'node:worker_threads';
import { Diagnoser } from '../diagnose/engine.js';
import type { PlatformId } from '../kb/platforms.js';
import { defaultKnowledgeBase } from '../diagnose/diagnose.js';
import { ByteLineChunker } from '../diagnose/read-log.js';
import { TailSink } from './tail-sink.js';

/** Messages from the main thread. */
export type ToWorker = { chunk: Uint8Array; stream: 0 | 1 } | { end: true };
/** Messages to the main thread. */
export type FromWorker = { ack: number } | { done: ReturnType<Diagnoser['finish']>; tail: string[] } | { error: string };

const port = parentPort!;
const { hostPlatform } = workerData as { hostPlatform: PlatformId | null };
const diagnoser = new Diagnoser(defaultKnowledgeBase(), { hostPlatform });
const sink = new TailSink(diagnoser);
// One chunker per stream keeps a partial line of stdout from being glued to a line of stderr.
const chunkers = [new ByteLineChunker(sink), new ByteLineChunker(sink)];

port.on('message', (msg: ToWorker) => {
  try {
    if ('chunk' in msg) {
      chunkers[msg.stream].push(Buffer.from(msg.chunk.buffer, msg.chunk.byteOffset, msg.chunk.byteLength));
      port.postMessage({ ack: msg.chunk.byteLength } satisfies FromWorker);
      return;
    }
    for (const c of chunkers) c.end();
    port.postMessage({ done: diagnoser.finish(), tail: sink.tail } satisfies FromWorker);
  } catch (error) {
    port.postMessage({ error: (error as Error)?.stack ?? String(error) } satisfies FromWorker);
  }
});
