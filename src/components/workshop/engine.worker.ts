// The engine and the objective predicates run here, off the main thread: the
// page only receives diagnostics and booleans to render.
import { checkProject } from '../../engine/check.ts';
import { evaluateObjectives } from '../../objectives/index.ts';
import type { CheckRequest, EngineMessage } from './engine-protocol.ts';
import { serviceGraphPayload } from './service-graph-payload.ts';

const post = (message: EngineMessage): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  const started = performance.now();
  const { id, lesson, objectiveIds, files, swarm } = event.data;
  try {
    // A lesson shows an excerpt of its stack: rules about files missing from the project stay silent.
    const result = checkProject(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      { partial: true, ...(swarm ? { swarm } : {}) },
    );
    post({
      kind: 'result',
      id,
      diagnostics: result.diagnostics,
      objectives: evaluateObjectives(lesson, objectiveIds, result, files),
      graph: serviceGraphPayload(result.compose),
      durationMs: performance.now() - started,
    });
  } catch (error) {
    // The engine promises never to throw; when it does, the page must hear it rather than wait forever.
    post({ kind: 'failed', id, error: String(error).slice(0, 500) });
  }
});

post({ kind: 'ready' });
