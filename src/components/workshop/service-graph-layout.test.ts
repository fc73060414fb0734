import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../engine/check.ts';
import { intersects, LABEL_HEIGHT, labelWidth, layoutServiceGraph, type LaidOutNode, type ServiceGraphLayout } from './service-graph-layout.ts';
import { buildServiceGraph } from './service-graph.ts';

function layoutOf(text: string): ServiceGraphLayout {
  const compose = checkProject([{ path: 'compose.yaml', text }], { partial: true }).compose;
  if (!compose) throw new Error('no compose model');
  return layoutServiceGraph(buildServiceGraph(compose.model));
}

const chapter06 = readFileSync(new URL('../../content/lessons/06-architecture-trois-couches/solution/compose.yaml', import.meta.url), 'utf8');

const node = (layout: ServiceGraphLayout, name: string): LaidOutNode => {
  const found = layout.nodes.find((n) => n.name === name);
  if (!found) throw new Error(`no node ${name}`);
  return found;
};

const overlaps = intersects;

function inside(n: LaidOutNode, zone: { x: number; y: number; width: number; height: number }): boolean {
  return n.x >= zone.x && n.y >= zone.y && n.x + n.width <= zone.x + zone.width && n.y + n.height <= zone.y + zone.height;
}

describe('layoutServiceGraph', () => {
  it('draws `certs` (network_mode: none) of chapter 07 outside every network zone', () => {
    const chapter07 = readFileSync(new URL('../../content/lessons/07-reverse-proxy/solution/compose.yaml', import.meta.url), 'utf8');
    const layout = layoutOf(chapter07);
    const certs = node(layout, 'certs');
    expect(layout.zones.length).toBeGreaterThan(0);
    for (const zone of layout.zones) expect(overlaps(certs, zone), zone.name).toBe(false);
    for (const name of ['proxy', 'api', 'db']) expect(layout.zones.some((zone) => inside(node(layout, name), zone)), name).toBe(true);
  });

  it('stacks chapter 06 by depends_on depth: client above api above db', () => {
    const layout = layoutOf(chapter06);
    expect(['client', 'api', 'db'].map((name) => node(layout, name).row)).toEqual([0, 1, 2]);
    expect(node(layout, 'client').y + node(layout, 'client').height).toBeLessThan(node(layout, 'api').y);
    expect(node(layout, 'api').y + node(layout, 'api').height).toBeLessThan(node(layout, 'db').y);
  });

  it('puts api inside both zones, client only in frontend and db only in backend', () => {
    const layout = layoutOf(chapter06);
    const [frontend, backend] = layout.zones;
    expect([frontend?.name, backend?.name]).toEqual(['frontend', 'backend']);
    expect(inside(node(layout, 'api'), frontend!)).toBe(true);
    expect(inside(node(layout, 'api'), backend!)).toBe(true);
    expect(inside(node(layout, 'client'), frontend!)).toBe(true);
    expect(inside(node(layout, 'client'), backend!)).toBe(false);
    expect(inside(node(layout, 'db'), backend!)).toBe(true);
    expect(inside(node(layout, 'db'), frontend!)).toBe(false);
  });

  it('draws each dependency from the waiting service down to the one it waits for', () => {
    const layout = layoutOf(chapter06);
    expect(layout.edges.map((e) => `${e.from}→${e.to}`)).toEqual(['client→api', 'api→db']);
    for (const edge of layout.edges) {
      const [start, end] = [edge.points[0]!, edge.points.at(-1)!];
      const from = node(layout, edge.from);
      const to = node(layout, edge.to);
      expect(start.y).toBe(from.y + from.height);
      expect(end.y).toBe(to.y);
    }
  });

  it('never overlaps two boxes, and keeps every box inside the drawing', () => {
    const layout = layoutOf(`services:
  proxy: { image: nginx:1.30-alpine, networks: [front], depends_on: [web, api] }
  web: { image: nginx:1.30-alpine, networks: [front] }
  api: { image: node:24-alpine, networks: [front, back], depends_on: [db, cache] }
  worker: { image: node:24-alpine, networks: [back], depends_on: [db, cache] }
  db: { image: postgres:17-alpine, networks: [back] }
  cache: { image: redis:8-alpine, networks: [back] }
  tool: { image: alpine:3.22 }
networks: { front: {}, back: {} }
`);
    for (const a of layout.nodes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.nodes) if (a !== b) expect(overlaps(a, b), `${a.name} / ${b.name}`).toBe(false);
    }
    expect(layout.zones.map((z) => z.name)).toEqual(['front', 'back', 'default']);
    expect(inside(node(layout, 'tool'), layout.zones[2]!)).toBe(true);
  });

  it('is deterministic and survives a depends_on cycle', () => {
    const text = `services:
  a: { image: alpine:3.22, depends_on: [b] }
  b: { image: alpine:3.22, depends_on: [a] }
`;
    const first = layoutOf(text);
    expect(layoutOf(text)).toEqual(first);
    expect(first.nodes).toHaveLength(2);
    expect(first.edges).toHaveLength(2);
  });

  it('keeps an empty declared network visible as its own zone', () => {
    const layout = layoutOf(`services:
  a: { image: alpine:3.22, networks: [one] }
networks: { one: {}, spare: {} }
`);
    const spare = layout.zones.find((z) => z.name === 'spare')!;
    expect(spare.width).toBeGreaterThan(0);
    expect(inside(node(layout, 'a'), spare)).toBe(false);
  });

  it('keeps the arrow labels of chapter 10 (seven services) clear of the boxes and of each other', () => {
    const text = readFileSync(new URL('../../content/lessons/10-commandes/solution/compose.yaml', import.meta.url), 'utf8');
    const compose = checkProject([{ path: 'compose.yaml', text }], { partial: true }).compose!;
    const graph = buildServiceGraph(compose.model);
    const layout = layoutServiceGraph(graph);
    expect(layout.edges.length).toBeGreaterThan(4);
    const labels = layout.edges.map((edge) => {
      const width = labelWidth(graph.edges.find((e) => e.from === edge.from && e.to === edge.to)!.label);
      return { name: `${edge.from}→${edge.to}`, x: edge.labelX - width / 2, y: edge.labelY - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT };
    });
    for (const label of labels) {
      for (const box of layout.nodes) expect(intersects(label, box), `${label.name} on ${box.name}`).toBe(false);
      for (const other of labels) if (other !== label) expect(intersects(label, other), `${label.name} on ${other.name}`).toBe(false);
    }
  });
});
