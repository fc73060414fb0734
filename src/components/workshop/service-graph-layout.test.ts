import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../engine/check.ts';
import { clusterLabel, crosses, intersects, layoutServiceGraph, type Box, type LaidOutNode, type ServiceGraphLayout } from './service-graph-layout.ts';
import { buildServiceGraph, type ServiceGraph } from './service-graph.ts';

const elk = new ELK();

function graphOf(text: string): ServiceGraph {
  const compose = checkProject([{ path: 'compose.yaml', text }], { partial: true }).compose;
  if (!compose) throw new Error('no compose model');
  return buildServiceGraph(compose.model);
}

const layoutOf = (text: string): Promise<ServiceGraphLayout> => layoutServiceGraph(graphOf(text), elk);

const lesson = (slug: string): string => readFileSync(new URL(`../../content/lessons/${slug}/solution/compose.yaml`, import.meta.url), 'utf8');

const node = (layout: ServiceGraphLayout, name: string): LaidOutNode => {
  const found = layout.nodes.find((n) => n.name === name);
  if (!found) throw new Error(`no node ${name}`);
  return found;
};

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** What the tests below ask of any layout: no arrow through a box it does not join or a network's title, no label on a box or another label. */
function expectReadable(layout: ServiceGraphLayout): void {
  for (const edge of layout.edges) {
    expect(edge.points.length, `${edge.from}→${edge.to}`).toBeGreaterThanOrEqual(2);
    for (const [index, start] of edge.points.slice(0, -1).entries()) {
      const end = edge.points[index + 1]!;
      for (const box of layout.nodes) {
        if (box.name === edge.from || box.name === edge.to) continue;
        expect(crosses(start, end, box), `${edge.from}→${edge.to} through ${box.name}`).toBe(false);
      }
      for (const cluster of layout.clusters) {
        expect(crosses(start, end, cluster.title), `${edge.from}→${edge.to} through the title of ${cluster.networks}`).toBe(false);
      }
    }
    for (const box of layout.nodes) expect(intersects(edge.label, box), `label ${edge.from}→${edge.to} on ${box.name}`).toBe(false);
    for (const other of layout.edges) {
      if (other !== edge) expect(intersects(edge.label, other.label), `label ${edge.from}→${edge.to} on ${other.from}→${other.to}`).toBe(false);
    }
  }
  for (const cluster of layout.clusters) {
    expect(inside(cluster.title, cluster), `title of ${cluster.networks}`).toBe(true);
    for (const box of layout.nodes) expect(intersects(cluster.title, box), `title of ${cluster.networks} on ${box.name}`).toBe(false);
  }
  for (const a of layout.nodes) {
    expect(inside(a, { x: 0, y: 0, width: layout.width, height: layout.height }), `${a.name} in the drawing`).toBe(true);
    for (const b of layout.nodes) if (a !== b) expect(intersects(a, b), `${a.name} / ${b.name}`).toBe(false);
  }
}

/** Each service sits in the cluster of exactly its networks and in no other; a service on none sits outside them all. */
function expectClustered(graph: ServiceGraph, layout: ServiceGraphLayout): void {
  for (const service of graph.services) {
    const box = node(layout, service.name);
    for (const cluster of layout.clusters) {
      const own = cluster.networks.join(' ') === service.zones.join(' ');
      if (own) expect(inside(box, cluster), `${service.name} in ${cluster.networks}`).toBe(true);
      else expect(intersects(box, cluster), `${service.name} on ${cluster.networks}`).toBe(false);
    }
  }
  for (const a of layout.clusters) for (const b of layout.clusters) if (a !== b) expect(intersects(a, b), `${a.networks} / ${b.networks}`).toBe(false);
}

describe('layoutServiceGraph (elk)', () => {
  it('draws `certs` (network_mode: none) of chapter 07 outside every network', async () => {
    const graph = graphOf(lesson('07-reverse-proxy'));
    const layout = await layoutServiceGraph(graph, elk);
    const certs = node(layout, 'certs');
    expect(layout.clusters.length).toBeGreaterThan(0);
    for (const cluster of layout.clusters) expect(intersects(certs, cluster), cluster.networks.join()).toBe(false);
    expectClustered(graph, layout);
    expectReadable(layout);
  });

  it('keeps services with network_mode none, host and service:… outside every network, the others inside theirs', async () => {
    const graph = graphOf(`services:
  web: { image: nginx:1.30-alpine, networks: [front], depends_on: [api] }
  api: { image: node:24-alpine, networks: [front, back], depends_on: [db] }
  db: { image: postgres:17-alpine, networks: [back] }
  sidecar: { image: alpine:3.22, network_mode: "service:api", depends_on: [api] }
  monitor: { image: alpine:3.22, network_mode: host }
  certs: { image: alpine:3.22, network_mode: none }
  tool: { image: alpine:3.22, depends_on: [db] }
networks: { front: {}, back: {} }
`);
    const layout = await layoutServiceGraph(graph, elk);
    for (const name of ['sidecar', 'monitor', 'certs']) {
      for (const cluster of layout.clusters) expect(intersects(node(layout, name), cluster), `${name} on ${cluster.networks}`).toBe(false);
    }
    expect(layout.clusters.map((cluster) => cluster.networks.join('+'))).toEqual(['front', 'front+back', 'back', 'default']);
    expectClustered(graph, layout);
    expectReadable(layout);
  });

  it('lays out chapter 08’s stack: every service in its networks, no arrow through a box, no label on a box or a label', async () => {
    const graph = graphOf(lesson('08-production'));
    const layout = await layoutServiceGraph(graph, elk);
    expect(layout.nodes.map((n) => n.name)).toEqual(graph.services.map((s) => s.name));
    expect(layout.edges).toHaveLength(graph.edges.filter((edge) => !edge.missing).length);
    expectClustered(graph, layout);
    expectReadable(layout);
  });

  it.each(['06-architecture-trois-couches', '10-commandes', '11-bonnes-pratiques'])('lays out chapter %s readably', async (slug) => {
    const graph = graphOf(lesson(slug));
    const layout = await layoutServiceGraph(graph, elk);
    expectClustered(graph, layout);
    expectReadable(layout);
  });

  it('stacks chapter 06 by depends_on: client above api above db, each arrow from the waiting box to the awaited one', async () => {
    const layout = await layoutOf(lesson('06-architecture-trois-couches'));
    const [client, api, db] = ['client', 'api', 'db'].map((name) => node(layout, name));
    expect(client!.y + client!.height).toBeLessThan(api!.y);
    expect(api!.y + api!.height).toBeLessThan(db!.y);
    expect(layout.edges.map((e) => `${e.from}→${e.to}`)).toEqual(['client→api', 'api→db']);
    for (const edge of layout.edges) {
      const [start, end] = [edge.points[0]!, edge.points.at(-1)!];
      const from = node(layout, edge.from);
      const to = node(layout, edge.to);
      expect(start.y).toBeCloseTo(from.y + from.height);
      expect(end.y).toBeCloseTo(to.y);
    }
  });

  it('puts api, on frontend and backend, in the cluster both networks share', async () => {
    const layout = await layoutOf(lesson('06-architecture-trois-couches'));
    expect(layout.clusters.map((cluster) => cluster.networks)).toEqual([['frontend'], ['frontend', 'backend'], ['backend']]);
    expect(inside(node(layout, 'api'), layout.clusters[1]!)).toBe(true);
    expect(clusterLabel(['frontend', 'backend'], new Set(['backend']))).toBe('réseaux frontend et backend (externe)');
  });

  it('is deterministic and survives a depends_on cycle', async () => {
    const text = `services:
  a: { image: alpine:3.22, depends_on: [b] }
  b: { image: alpine:3.22, depends_on: [a] }
`;
    const first = await layoutOf(text);
    expect(await layoutOf(text)).toEqual(first);
    expect(first.nodes).toHaveLength(2);
    expect(first.edges).toHaveLength(2);
    expectReadable(first);
  });

  it('keeps an empty declared network visible as its own cluster, and leaves out arrows to missing services', async () => {
    const layout = await layoutOf(`services:
  a: { image: alpine:3.22, networks: [one], depends_on: [ghost] }
networks: { one: {}, spare: {} }
`);
    const spare = layout.clusters.find((cluster) => cluster.networks.join() === 'spare')!;
    expect(spare.width).toBeGreaterThan(0);
    expect(intersects(node(layout, 'a'), spare)).toBe(false);
    expect(layout.edges).toEqual([]);
  });
});
