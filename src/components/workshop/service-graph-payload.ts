// What the engine worker sends for the graph: the graph and its layout, or
// why there is none. Kept apart from the protocol so the worker's logic is testable.
import type { ComposeContext } from '../../engine/compose/context.ts';
import { layoutServiceGraph, type ServiceGraphLayout } from './service-graph-layout.ts';
import { buildServiceGraph, type ServiceGraph } from './service-graph.ts';

export type ServiceGraphPayload =
  | { status: 'ok'; graph: ServiceGraph; layout: ServiceGraphLayout }
  /** The YAML does not parse: the page keeps the last good graph. */
  | { status: 'broken' }
  /** The lesson has no compose file. */
  | { status: 'none' };

export function serviceGraphPayload(compose: ComposeContext | undefined): ServiceGraphPayload {
  if (!compose) return { status: 'none' };
  if (compose.syntaxErrors) return { status: 'broken' };
  try {
    const graph = buildServiceGraph(compose.model);
    return { status: 'ok', graph, layout: layoutServiceGraph(graph) };
  } catch (error) {
    // Our bug, not the learner's: the diagnostics must still reach the page.
    console.error(error);
    return { status: 'broken' };
  }
}
