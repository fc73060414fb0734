/**
 * The service graph's layout, decided here and only drawn by the view. The
 * geometry is elkjs' (Eclipse Layout Kernel, layered algorithm): services are
 * nodes, `depends_on` links are edges with orthogonal routing and their labels
 * placed by elk, clear of every box (#17: hand-written geometry let arrows
 * cross boxes and labels).
 *
 * Networks are clusters (elk compound nodes). A compound node has one parent,
 * so a service on several networks sits in the cluster of that exact set of
 * networks (« réseaux frontend et backend »); a service with `network_mode`
 * (none, host, service:…) is on none of the project's networks and sits
 * outside every cluster.
 *
 * elk is passed in: Node tests give it `elk.bundled.js`, the page a copy
 * running in its own worker (`service-graph-elk.ts`). Text widths are
 * estimates (no DOM where this runs): the view truncates to `maxChars`.
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { GraphService, ServiceGraph } from './service-graph.ts';

/** The part of elkjs' API the layout uses. */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A cluster: the services on exactly this set of networks. */
export interface LaidOutCluster extends Box {
  /** One network, or several for the services they share; in the graph's zone order. */
  networks: string[];
  /** Where its title sits (left-aligned text): laid out by elk as a node, so no arrow crosses it. */
  title: Box;
}

export interface LaidOutNode extends Box {
  name: string;
}

export interface LaidOutEdge {
  from: string;
  to: string;
  /** From the waiting service's box to the box of the one it waits for, bends included. */
  points: Point[];
  /** The condition's pill, centred on (x + width / 2, y + height / 2). */
  label: Box;
}

export interface ServiceGraphLayout {
  width: number;
  height: number;
  /** Longest text that fits in a box, in characters. */
  maxChars: number;
  clusters: LaidOutCluster[];
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

/** Sizes shared with the view, which draws the lines at these offsets. */
export const METRICS = {
  margin: 12,
  charWidth: 7.2,
  minBoxWidth: 170,
  maxBoxWidth: 250,
  clusterPad: 14,
  clusterLabelHeight: 22,
  titleHeight: 26,
  lineHeight: 18,
  boxPadBottom: 10,
  labelHeight: 20,
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

/** A cluster's title: « réseau backend », « réseaux frontend et backend », « (externe) » when it is. */
export function clusterLabel(networks: string[], external: ReadonlySet<string>): string {
  const names = networks.map((name) => `${name}${external.has(name) ? ' (externe)' : ''}`);
  if (names.length === 1) return `réseau ${names[0]}`;
  return `réseaux ${names.slice(0, -1).join(', ')} et ${names.at(-1)}`;
}

/** Estimated width of an arrow's label pill (11px text). */
export function labelWidth(label: string): number {
  return Math.ceil(label.length * 6.6 + 12);
}

/** Estimated width of a cluster's title (13px, semi-bold). */
export function titleWidth(title: string): number {
  return Math.ceil(title.length * 7.6 + 16);
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when the segment runs through the box's inside (touching its border does not count). */
export function crosses(a: Point, b: Point, box: Box): boolean {
  const inset = 0.5;
  const [left, right, top, bottom] = [box.x + inset, box.x + box.width - inset, box.y + inset, box.y + box.height - inset];
  // Liang–Barsky clipping: does any part of the segment lie inside the box?
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - left],
    [dx, right - a.x],
    [-dy, a.y - top],
    [dy, bottom - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t0 < t1;
}

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  // One layering across the clusters, so an arrow between two networks is routed like any other.
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.spacing.nodeNodeBetweenLayers': '32',
  'elk.layered.spacing.edgeNodeBetweenLayers': '12',
  'elk.spacing.nodeNode': '36',
  'elk.spacing.edgeNode': '20',
  'elk.spacing.edgeEdge': '14',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.labelNode': '8',
  'elk.padding': `[top=${METRICS.margin},left=${METRICS.margin},bottom=${METRICS.margin},right=${METRICS.margin}]`,
  // Every coordinate elk returns is in the drawing's frame, whatever the nesting.
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

const CLUSTER_OPTIONS: LayoutOptions = {
  'elk.padding': `[top=${METRICS.clusterPad},left=${METRICS.clusterPad},bottom=${METRICS.clusterPad},right=${METRICS.clusterPad}]`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
};

const clusterId = (networks: string[]): string => `cluster:${networks.join('\n')}`;
const nodeId = (name: string): string => `service:${name}`;

/** Lays the graph out with elk; the same graph always gives the same layout. */
export async function layoutServiceGraph(graph: ServiceGraph, elk: ElkLayouter): Promise<ServiceGraphLayout> {
  const m = METRICS;
  const longest = Math.max(0, ...graph.services.flatMap((service) => [service.name.length + 2, ...boxLines(service).map((line) => line.length)]));
  const boxWidth = Math.min(m.maxBoxWidth, Math.max(m.minBoxWidth, Math.ceil(longest * m.charWidth + 20)));
  const maxChars = Math.floor((boxWidth - 20) / m.charWidth);
  const heightOf = (service: GraphService): number => m.titleHeight + boxLines(service).length * m.lineHeight + m.boxPadBottom;
  const external = new Set(graph.zones.filter((zone) => zone.external).map((zone) => zone.name));

  // Clusters in the order of their first network, then single before shared;
  // an empty declared network still gets its (empty) cluster.
  const clusters = new Map<string, { networks: string[]; services: GraphService[] }>();
  for (const zone of graph.zones) clusters.set(clusterId([zone.name]), { networks: [zone.name], services: [] });
  const outside: GraphService[] = [];
  for (const service of graph.services) {
    if (service.zones.length === 0) {
      outside.push(service);
      continue;
    }
    const id = clusterId(service.zones);
    const cluster = clusters.get(id) ?? { networks: service.zones, services: [] };
    cluster.services.push(service);
    clusters.set(id, cluster);
  }
  const zoneOrder = graph.zones.map((zone) => zone.name);
  const orderedClusters = [...clusters.entries()].sort(
    ([, a], [, b]) => zoneOrder.indexOf(a.networks[0]!) - zoneOrder.indexOf(b.networks[0]!) || a.networks.length - b.networks.length,
  );

  const serviceNode = (service: GraphService): ElkNode => ({ id: nodeId(service.name), width: boxWidth, height: heightOf(service) });
  const known = new Set(graph.services.map((service) => service.name));
  const drawn = graph.edges.filter((edge) => !edge.missing && edge.from !== edge.to && known.has(edge.from) && known.has(edge.to));
  const edges: ElkExtendedEdge[] = drawn.map((edge, index) => ({
    id: `edge:${index}`,
    sources: [nodeId(edge.from)],
    targets: [nodeId(edge.to)],
    labels: [{ id: `label:${index}`, text: edge.label, width: labelWidth(edge.label), height: m.labelHeight }],
  }));

  const root: ElkNode = {
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    children: [
      ...orderedClusters.map(([id, cluster]) => ({
        id,
        layoutOptions: {
          ...CLUSTER_OPTIONS,
          'elk.nodeSize.minimum': `(${Math.max(boxWidth / 2, titleWidth(clusterLabel(cluster.networks, external)))},${m.clusterLabelHeight + 2 * m.clusterPad})`,
        },
        // The title is a node of its own: elk routes the arrows around it as around a box.
        children: [{ id: `title:${id}`, width: titleWidth(clusterLabel(cluster.networks, external)), height: m.clusterLabelHeight }, ...cluster.services.map(serviceNode)],
      })),
      ...outside.map(serviceNode),
    ],
    edges,
  };

  const result = await elk.layout(root);
  const byId = new Map<string, ElkNode>();
  const index = (node: ElkNode): void => {
    byId.set(node.id, node);
    for (const child of node.children ?? []) index(child);
  };
  index(result);
  const boxOf = (id: string): Box => {
    const node = byId.get(id);
    if (!node) throw new Error(`elk lost ${id}`);
    return { x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 };
  };

  const laidEdges = (result.edges ?? []).map((edge, position): LaidOutEdge => {
    const source = drawn[position]!;
    const section = edge.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(({ x, y }) => ({ x, y })) : [];
    const label = edge.labels?.[0];
    return {
      from: source.from,
      to: source.to,
      points,
      label: { x: label?.x ?? 0, y: label?.y ?? 0, width: label?.width ?? 0, height: label?.height ?? 0 },
    };
  });

  return {
    width: Math.ceil(result.width ?? 0),
    height: Math.ceil(result.height ?? 0),
    maxChars,
    clusters: orderedClusters.map(([id, cluster]) => {
      return { ...boxOf(id), networks: cluster.networks, title: boxOf(`title:${id}`) };
    }),
    nodes: graph.services.map((service) => ({ name: service.name, ...boxOf(nodeId(service.name)) })),
    edges: laidEdges,
  };
}
