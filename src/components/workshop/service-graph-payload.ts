// What the engine worker sends for the graph: the graph, or why there is
// none. Kept apart from the protocol so the worker's logic is testable. The
// layout is the view's, through elk's own worker (service-graph-elk.ts): the
// diagnostics do not wait for it.
import type { ComposeContext } from '../../engine/compose/context.ts';
import { buildServiceGraph, type ServiceGraph } from './service-graph.ts';

export type ServiceGraphPayload =
  | { status: 'ok'; graph: ServiceGraph }
  /** The YAML does not parse: the page keeps the last good graph. */
  | { status: 'broken' }
  /** More services than a drawing can show legibly: neither drawn nor laid out. */
  | { status: 'too-large'; services: number; limit: number }
  /** The lesson has no compose file. */
  | { status: 'none' };

/**
 * Beyond this many services the boxes no longer fit a readable drawing, and
 * laying out, sending and drawing them (1,430 services in the 10,000-line
 * benchmark file) would cost the page more than the whole check.
 */
export const GRAPH_MAX_SERVICES = 60;

export function serviceGraphPayload(compose: ComposeContext | undefined): ServiceGraphPayload {
  if (!compose) return { status: 'none' };
  if (compose.syntaxErrors) return { status: 'broken' };
  const services = compose.model.services.size;
  if (services > GRAPH_MAX_SERVICES) return { status: 'too-large', services, limit: GRAPH_MAX_SERVICES };
  try {
    return { status: 'ok', graph: buildServiceGraph(compose.model) };
  } catch (error) {
    // Our bug, not the learner's: the diagnostics must still reach the page.
    console.error(error);
    return { status: 'broken' };
  }
}
