/**
 * A deterministic layout for the service graph, computed in the worker with
 * the graph. Hand-written rather than elkjs/dagre: the course's stacks have at
 * most a handful of services, the drawing must put a service on two networks
 * across both zones (which layered-graph libraries do not model), and a 100+ KB
 * library would double the workshop chunk for a few dozen lines of arithmetic.
 *
 * Rows are depth in `depends_on` (the services others wait for at the bottom),
 * zones are columns: services are grouped by the span of zones they sit on, so
 * a service on `frontend` and `backend` takes a slot shared by both columns.
 * Text widths are estimates (no DOM in a worker): the view truncates to
 * `maxChars`.
 */
import type { GraphService, ServiceGraph } from './service-graph.ts';

export interface Point {
  x: number;
  y: number;
}

export interface LaidOutZone {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  labelX: number;
  labelY: number;
}

export interface LaidOutNode {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  row: number;
  slot: number;
}

export interface LaidOutEdge {
  from: string;
  to: string;
  /** From the waiting service's box to the box of the one it waits for. */
  points: Point[];
  labelX: number;
  labelY: number;
}

export interface ServiceGraphLayout {
  width: number;
  height: number;
  /** Longest text that fits in a box, in characters. */
  maxChars: number;
  zones: LaidOutZone[];
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

/** Sizes shared with the view, which draws the lines at these offsets. */
export const METRICS = {
  margin: 12,
  charWidth: 7.2,
  minBoxWidth: 170,
  maxBoxWidth: 250,
  gapX: 56,
  gapY: 64,
  zonePad: 14,
  zoneLabelHeight: 20,
  titleHeight: 26,
  lineHeight: 18,
  boxPadBottom: 10,
} as const;

/** The lines a box shows, in order, so the layout and the view agree on its height. */
export function boxLines(service: GraphService): string[] {
  const lines = [service.image ?? (service.build ? 'image construite (build)' : 'sans image')];
  if (service.networkMode !== undefined) lines.push(`network_mode\u00a0: ${service.networkMode}`);
  if (service.healthcheck !== 'none') lines.push(service.healthcheck === 'defined' ? 'contrôle de santé' : 'contrôle de santé désactivé');
  for (const port of service.ports) lines.push(`port ${port.label}`);
  for (const volume of service.volumes) lines.push(`volume ${volume.name}`);
  return lines;
}

/** Length of the longest `depends_on` chain below each service; a cycle counts once. */
function depths(graph: ServiceGraph): Map<string, number> {
  const known = new Set(graph.services.map((service) => service.name));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (name: string): number => {
    const done = depth.get(name);
    if (done !== undefined) return done;
    if (visiting.has(name)) return 0;
    visiting.add(name);
    let value = 0;
    for (const edge of graph.edges) {
      if (edge.from === name && edge.to !== name && known.has(edge.to)) value = Math.max(value, visit(edge.to) + 1);
    }
    visiting.delete(name);
    depth.set(name, value);
    return value;
  };
  for (const service of graph.services) visit(service.name);
  return depth;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const LABEL_HEIGHT = 20;
const LABEL_POSITIONS = [0.5, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85];

/** Estimated width of an arrow's label pill (11px text). */
export function labelWidth(label: string): number {
  return Math.ceil(label.length * 6.6 + 12);
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Spreads `count` points over a box edge of `width` starting at `x`. */
function spread(x: number, width: number, index: number, count: number): number {
  return x + (width * (index + 1)) / (count + 1);
}

export function layoutServiceGraph(graph: ServiceGraph): ServiceGraphLayout {
  const m = METRICS;
  const zoneIndex = new Map(graph.zones.map((zone, index) => [zone.name, index]));
  const longest = Math.max(0, ...graph.services.flatMap((service) => [service.name.length + 2, ...boxLines(service).map((line) => line.length)]));
  const boxWidth = Math.min(m.maxBoxWidth, Math.max(m.minBoxWidth, Math.ceil(longest * m.charWidth + 20)));
  const maxChars = Math.floor((boxWidth - 20) / m.charWidth);

  const depth = depths(graph);
  const maxDepth = Math.max(0, ...depth.values());
  const rowOf = (name: string): number => maxDepth - (depth.get(name) ?? 0);

  // Groups of services sharing the same span of zones, left to right; an
  // empty zone keeps a slot of its own so it is still drawn.
  const spanOf = (service: GraphService): [number, number] => {
    // On no network (`network_mode`): a column of its own, right of every zone.
    if (service.zones.length === 0) return [graph.zones.length, graph.zones.length];
    const indexes = service.zones.map((zone) => zoneIndex.get(zone) ?? 0);
    return [Math.min(...indexes), Math.max(...indexes)];
  };
  const groups = new Map<string, { span: [number, number]; services: GraphService[] }>();
  for (const service of graph.services) {
    const span = spanOf(service);
    const key = span.join(':');
    const group = groups.get(key) ?? { span, services: [] };
    group.services.push(service);
    groups.set(key, group);
  }
  graph.zones.forEach((zone, index) => {
    if (zone.services.length === 0) groups.set(`${index}:${index}`, { span: [index, index], services: [] });
  });
  const ordered = [...groups.values()].sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);

  const slotOf = new Map<string, number>();
  const zoneSlots = new Map<string, number[]>();
  let nextSlot = 0;
  for (const group of ordered) {
    const perRow = new Map<number, number>();
    for (const service of group.services) {
      const row = rowOf(service.name);
      const k = perRow.get(row) ?? 0;
      perRow.set(row, k + 1);
      slotOf.set(service.name, nextSlot + k);
    }
    const width = Math.max(1, ...perRow.values());
    for (let index = group.span[0]; index <= group.span[1]; index++) {
      const name = graph.zones[index]?.name;
      if (name === undefined) continue;
      // Only the zones the group's services are really on (a span may skip one).
      if (group.services.length > 0 && !group.services.some((service) => service.zones.includes(name))) continue;
      const slots = zoneSlots.get(name) ?? [];
      for (let s = nextSlot; s < nextSlot + width; s++) slots.push(s);
      zoneSlots.set(name, slots);
    }
    nextSlot += width;
  }
  const slotCount = Math.max(1, nextSlot);
  const slotX = (slot: number): number => m.margin + m.zonePad + slot * (boxWidth + m.gapX);

  // Zone labels sit in a header; zones that start on the same slot stack theirs.
  const zoneStart = graph.zones.map((zone) => Math.min(...(zoneSlots.get(zone.name) ?? [0])));
  const lanes = graph.zones.map((_, index) => zoneStart.slice(0, index).filter((start) => start === zoneStart[index]).length);
  const header = m.margin + 8 + Math.max(1, ...lanes.map((lane) => lane + 1)) * m.zoneLabelHeight;

  const heightOf = (service: GraphService): number => m.titleHeight + boxLines(service).length * m.lineHeight + m.boxPadBottom;
  const rowCount = maxDepth + 1;
  const rowHeights = Array.from({ length: rowCount }, (_, row) =>
    Math.max(0, ...graph.services.filter((service) => rowOf(service.name) === row).map(heightOf)),
  );
  const rowY: number[] = [];
  let y = header;
  for (const height of rowHeights) {
    rowY.push(y);
    y += height + m.gapY;
  }
  const contentBottom = y - m.gapY + m.zonePad;

  const nodes: LaidOutNode[] = graph.services.map((service) => {
    const row = rowOf(service.name);
    const slot = slotOf.get(service.name) ?? 0;
    return { name: service.name, x: slotX(slot), y: rowY[row]!, width: boxWidth, height: heightOf(service), row, slot };
  });

  const zones: LaidOutZone[] = graph.zones.map((zone, index) => {
    const slots = zoneSlots.get(zone.name) ?? [0];
    const lane = lanes[index]!;
    // Zones sharing a slot are inset a little so both borders stay visible.
    const inset = lane * 4;
    const x = slotX(Math.min(...slots)) - m.zonePad + inset;
    const right = slotX(Math.max(...slots)) + boxWidth + m.zonePad - inset;
    return {
      name: zone.name,
      x,
      y: m.margin + inset,
      width: right - x,
      height: contentBottom - m.margin - 2 * inset,
      labelX: x + 8,
      labelY: m.margin + 16 + lane * m.zoneLabelHeight,
    };
  });

  // Labels slide along their arrow until they cover neither a box nor an earlier label.
  const taken: Box[] = nodes.map((node) => ({ x: node.x, y: node.y, width: node.width, height: node.height }));
  const placeLabel = (start: Point, end: Point, width: number): { labelX: number; labelY: number } => {
    const at = (t: number): Box => ({
      x: start.x + (end.x - start.x) * t - width / 2,
      y: start.y + (end.y - start.y) * t - LABEL_HEIGHT / 2,
      width,
      height: LABEL_HEIGHT,
    });
    const t = LABEL_POSITIONS.find((candidate) => !taken.some((box) => intersects(box, at(candidate)))) ?? 0.5;
    const box = at(t);
    taken.push(box);
    return { labelX: box.x + width / 2, labelY: box.y + LABEL_HEIGHT / 2 };
  };

  const byName = new Map(nodes.map((node) => [node.name, node]));
  const drawn = graph.edges.filter((edge) => !edge.missing && edge.from !== edge.to && byName.has(edge.to));
  const outgoing = (name: string) => drawn.filter((edge) => edge.from === name);
  const incoming = (name: string) => drawn.filter((edge) => edge.to === name);
  const edges: LaidOutEdge[] = drawn.map((edge) => {
    const from = byName.get(edge.from)!;
    const to = byName.get(edge.to)!;
    const out = outgoing(edge.from);
    const inc = incoming(edge.to);
    let start: Point;
    let end: Point;
    if (from.row < to.row) {
      start = { x: spread(from.x, from.width, out.indexOf(edge), out.length), y: from.y + from.height };
      end = { x: spread(to.x, to.width, inc.indexOf(edge), inc.length), y: to.y };
    } else if (from.row > to.row) {
      // Only in a cycle: the arrow goes up.
      start = { x: spread(from.x, from.width, out.indexOf(edge), out.length), y: from.y };
      end = { x: spread(to.x, to.width, inc.indexOf(edge), inc.length), y: to.y + to.height };
    } else {
      const rightwards = from.x < to.x;
      start = { x: rightwards ? from.x + from.width : from.x, y: from.y + 20 };
      end = { x: rightwards ? to.x : to.x + to.width, y: to.y + 20 };
    }
    return { from: edge.from, to: edge.to, points: [start, end], ...placeLabel(start, end, labelWidth(edge.label)) };
  });

  return {
    width: Math.ceil(slotX(slotCount - 1) + boxWidth + m.zonePad + m.margin),
    height: Math.ceil(contentBottom + m.margin),
    maxChars,
    zones,
    nodes,
    edges,
  };
}
