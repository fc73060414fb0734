// The engine and the objective predicates run here, off the main thread: the
// page only receives diagnostics and booleans to render.
import { checkProject } from '../../engine/check.ts';
import { evaluateObjectives } from '../../objectives/index.ts';
import type { CheckRequest, CheckResponse } from './engine-protocol.ts';

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  const started = performance.now();
  const { id, lesson, objectiveIds, files } = event.data;
  const result = checkProject(Object.entries(files).map(([path, text]) => ({ path, text })));
  const response: CheckResponse = {
    id,
    diagnostics: result.diagnostics,
    objectives: evaluateObjectives(lesson, objectiveIds, result, files),
    durationMs: performance.now() - started,
  };
  self.postMessage(response);
});
