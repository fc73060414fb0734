import type { Diagnostic } from '../../engine/types.ts';
import type { ServiceGraphPayload } from './service-graph-payload.ts';

/** Main thread → engine worker: check these files for this lesson. */
export interface CheckRequest {
  id: number;
  lesson: string;
  objectiveIds: string[];
  /** Exercise path → text. */
  files: Record<string, string>;
  /** Check the files as a stack for `docker stack deploy` (the lesson says so). */
  swarm?: boolean;
}

/** Engine worker → main thread. Only plain data crosses: the parsed models stay in the worker. */
export interface CheckResponse {
  kind: 'result';
  id: number;
  diagnostics: Diagnostic[];
  objectives: Record<string, boolean>;
  /** Time spent in the worker, for the perf script. */
  durationMs: number;
  /** The service graph of the compose file(s); the page lays it out. */
  graph: ServiceGraphPayload;
}

/**
 * Everything the worker may post: `ready` once its modules are loaded (the
 * page's time budget for a check starts then), a result, or the exception a
 * check threw (our bug, reported instead of a silent worker).
 */
export type EngineMessage = { kind: 'ready' } | CheckResponse | { kind: 'failed'; id: number; error: string };
