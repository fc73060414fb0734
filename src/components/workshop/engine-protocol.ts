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
  id: number;
  diagnostics: Diagnostic[];
  objectives: Record<string, boolean>;
  /** Time spent in the worker, for the perf script. */
  durationMs: number;
  /** The service graph of the compose file(s), laid out. */
  graph: ServiceGraphPayload;
}
