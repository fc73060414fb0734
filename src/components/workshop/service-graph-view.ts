// Draws the service graph: the worker computes the graph, elk lays it out in
// a worker of its own (service-graph-layout.ts decides every position), the
// main thread only renders. Loaded with the workshop app, never by the lesson
// page itself; elk is fetched the first time a graph is drawn.
import { pageElk } from './service-graph-elk.ts';
import { boxLines, clusterLabel, layoutServiceGraph, METRICS, type ServiceGraphLayout } from './service-graph-layout.ts';
import type { ServiceGraphPayload } from './service-graph-payload.ts';
import { summarizeGraph, type ServiceGraph } from './service-graph.ts';
import { canZoomIn, canZoomOut, fitScale, zoomIn, zoomLabel, zoomOut } from './service-graph-zoom.ts';
import './service-graph.css';

const SVG = 'http://www.w3.org/2000/svg';

/** How many zone colours the stylesheet defines. */
const ZONE_COLOURS = 6;

function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function html<K extends keyof HTMLElementTagNameMap>(name: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(name);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

export function drawServiceGraph(graph: ServiceGraph, layout: ServiceGraphLayout, idPrefix: string): SVGSVGElement {
  const m = METRICS;
  const root = svg('svg', {
    class: 'service-graph-svg',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    role: 'img',
    'aria-label': `Graphe des services\u00a0: ${summarizeGraph(graph)}`,
  });
  const arrowId = `${idPrefix}-fleche`;
  const defs = svg('defs', {});
  const marker = svg('marker', { id: arrowId, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'service-graph-arrowhead' }));
  defs.append(marker);
  root.append(defs);

  const external = new Set(graph.zones.filter((zone) => zone.external).map((zone) => zone.name));
  const zoneIndex = new Map(graph.zones.map((zone, index) => [zone.name, index]));
  for (const cluster of layout.clusters) {
    const colour = (zoneIndex.get(cluster.networks[0]!) ?? 0) % ZONE_COLOURS;
    const shared = cluster.networks.length > 1;
    // `data-zone` names one network; the cluster of services several networks share says which.
    const group = svg('g', {
      class: `service-graph-zone service-graph-zone-${colour}${shared ? ' service-graph-zone-shared' : ''}`,
      [shared ? 'data-zones' : 'data-zone']: cluster.networks.join(' '),
    });
    group.append(svg('rect', { x: cluster.x, y: cluster.y, width: cluster.width, height: cluster.height, rx: 10 }));
    group.append(
      svg('text', { x: cluster.title.x + 4, y: cluster.title.y + cluster.title.height - 6, class: 'service-graph-zone-label' }, clusterLabel(cluster.networks, external)),
    );
    root.append(group);
  }

  // Arrows before boxes and pills: whatever elk leaves touching is covered, not covering.
  const edgeData = new Map(graph.edges.map((edge) => [`${edge.from}→${edge.to}`, edge]));
  const labels: SVGGElement[] = [];
  for (const edge of layout.edges) {
    const data = edgeData.get(`${edge.from}→${edge.to}`);
    const optional = data?.required === false ? ' service-graph-edge-optional' : '';
    const group = svg('g', { class: `service-graph-edge${optional}`, 'data-from': edge.from, 'data-to': edge.to });
    group.append(svg('polyline', { points: edge.points.map((point) => `${point.x},${point.y}`).join(' '), 'marker-end': `url(#${arrowId})` }));
    const label = edge.label;
    group.append(svg('rect', { x: label.x, y: label.y, width: label.width, height: label.height, rx: 10, class: 'service-graph-edge-label-bg' }));
    group.append(
      svg('text', { x: label.x + label.width / 2, y: label.y + label.height / 2 + 4, 'text-anchor': 'middle', class: 'service-graph-edge-label' }, data?.label ?? ''),
    );
    labels.push(group);
    root.append(group);
  }

  const services = new Map(graph.services.map((service) => [service.name, service]));
  for (const node of layout.nodes) {
    const service = services.get(node.name);
    if (!service) continue;
    const group = svg('g', { class: 'service-graph-node', 'data-service': node.name });
    group.append(svg('rect', { x: node.x, y: node.y, width: node.width, height: node.height, rx: 6 }));
    group.append(svg('text', { x: node.x + 10, y: node.y + 18, class: 'service-graph-name' }, truncate(node.name, layout.maxChars - 2)));
    boxLines(service).forEach((line, index) => {
      const kind = line.startsWith('port ')
        ? 'port'
        : line.startsWith('volume ')
          ? 'volume'
          : line.startsWith('contrôle de santé')
            ? 'health'
            : index === 0
              ? 'image'
              : 'detail';
      group.append(
        svg(
          'text',
          { x: node.x + 10, y: node.y + m.titleHeight + (index + 1) * m.lineHeight - 4, class: `service-graph-line service-graph-${kind}` },
          truncate(kind === 'health' ? `♥ ${line}` : line, layout.maxChars),
        ),
      );
    });
    root.append(group);
  }
  return root;
}

export function graphTable(graph: ServiceGraph): HTMLTableElement {
  const table = html('table', undefined, 'service-graph-table');
  table.append(html('caption', `Services\u00a0: ${summarizeGraph(graph)}`));
  const head = html('thead');
  const headRow = html('tr');
  for (const title of ['Service', 'Image', 'Réseaux', 'Ports publiés', 'Dépend de (condition)', 'Volumes']) {
    const th = html('th', title);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = html('tbody');
  for (const service of graph.services) {
    const row = html('tr');
    row.dataset['service'] = service.name;
    const name = html('th', service.name);
    name.scope = 'row';
    const dependencies = graph.edges
      .filter((edge) => edge.from === service.name)
      .map((edge) => `${edge.to} (${edge.label}${edge.required ? '' : ', facultatif'}${edge.missing ? ', service introuvable' : ''})`);
    const networks = service.networkMode !== undefined ? [`network_mode\u00a0: ${service.networkMode}`] : service.zones;
    const image = service.image ?? (service.build ? 'construite (build)' : '—');
    const cells = [
      service.healthcheck === 'defined' ? `${image}, avec contrôle de santé` : image,
      networks.join(', '),
      service.ports.map((port) => port.label).join(', ') || '—',
      dependencies.join(', ') || '—',
      service.volumes.map((volume) => `${volume.name} → ${volume.target}${volume.readOnly ? ' (lecture seule)' : ''}`).join(', ') || '—',
    ];
    row.append(name, ...cells.map((text) => html('td', text)));
    body.append(row);
  }
  table.append(head, body);
  return table;
}

export interface ServiceGraphView {
  update(payload: ServiceGraphPayload): void;
}

/** Keyboard users must reach a box that scrolls sideways: focusable, and named, only while it does. */
function scrollableByKeyboard(box: HTMLElement, label: string): void {
  if (box.scrollWidth > box.clientWidth + 1) {
    box.tabIndex = 0;
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', label);
  } else {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
  }
}

interface ZoomControls {
  element: HTMLElement;
  /** Draws the drawing at the chosen scale, or fitted to the width. */
  apply(): void;
}

/** « Réduire », « Agrandir », « Ajuster à la largeur », and the scale they set. */
function zoomControls(drawing: HTMLElement, idPrefix: string): ZoomControls {
  const group = html('div', undefined, 'service-graph-zoom');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Zoom du graphe');
  const button = (text: string, action: string): HTMLButtonElement => {
    const element = html('button', text);
    element.type = 'button';
    element.dataset['zoom'] = action;
    element.setAttribute('aria-controls', `${idPrefix}-dessin`);
    return element;
  };
  const out = button('Réduire', 'out');
  const into = button('Agrandir', 'in');
  const fit = button('Ajuster à la largeur', 'fit');
  const level = html('span', undefined, 'service-graph-zoom-level');
  group.append(out, into, fit, level);
  drawing.id = `${idPrefix}-dessin`;

  /** undefined: fitted to the width, refitted when it changes. */
  let chosen: number | undefined;
  let scale = 1;
  const apply = (): void => {
    const svgElement = drawing.querySelector('svg');
    if (!svgElement) return;
    const width = Number(svgElement.getAttribute('viewBox')?.split(' ')[2]);
    const height = Number(svgElement.getAttribute('viewBox')?.split(' ')[3]);
    scale = chosen ?? fitScale(width, drawing.clientWidth);
    svgElement.setAttribute('width', String(Math.round(width * scale)));
    svgElement.setAttribute('height', String(Math.round(height * scale)));
    drawing.dataset['zoom'] = chosen === undefined ? 'fit' : String(chosen);
    level.textContent = zoomLabel(scale);
    // aria-disabled, not disabled: the button pressed to the end keeps the keyboard focus.
    into.setAttribute('aria-disabled', String(!canZoomIn(scale)));
    out.setAttribute('aria-disabled', String(!canZoomOut(scale)));
    fit.setAttribute('aria-pressed', String(chosen === undefined));
    scrollableByKeyboard(drawing, 'Graphe des services, défilement horizontal');
  };
  into.addEventListener('click', () => {
    if (!canZoomIn(scale)) return;
    chosen = zoomIn(scale);
    apply();
  });
  out.addEventListener('click', () => {
    if (!canZoomOut(scale)) return;
    chosen = zoomOut(scale);
    apply();
  });
  fit.addEventListener('click', () => {
    chosen = undefined;
    apply();
  });
  // A fitted drawing follows its column (a window resized, a phone turned, the section shown).
  let lastWidth = 0;
  new ResizeObserver(() => {
    if (drawing.clientWidth === lastWidth) return;
    lastWidth = drawing.clientWidth;
    if (chosen === undefined) apply();
    else scrollableByKeyboard(drawing, 'Graphe des services, défilement horizontal');
  }).observe(drawing);
  return { element: group, apply };
}

/** Fills the workshop's graph section and keeps it in step with the worker's answers. */
export function mountServiceGraph(container: HTMLElement, idPrefix: string): ServiceGraphView {
  const note = html('p', undefined, 'service-graph-note');
  note.hidden = true;
  const drawing = html('div', undefined, 'service-graph-drawing');
  const zoom = zoomControls(drawing, idPrefix);
  zoom.element.hidden = true;
  const details = html('details', undefined, 'service-graph-details');
  details.append(html('summary', 'Voir le graphe sous forme de tableau'));
  const tableHost = html('div', undefined, 'service-graph-table-host');
  details.append(tableHost);
  // The table scrolls on its own on a phone, instead of widening the page.
  details.addEventListener('toggle', () => scrollableByKeyboard(tableHost, 'Tableau des services, défilement horizontal'));
  container.append(note, zoom.element, drawing, details);
  let shown = false;
  /** The last graph drawn, serialized: a keystroke rarely changes the graph, and redrawing is the page's longest task. */
  let drawn = '';

  return {
    update(payload) {
      if (payload.status === 'none') {
        container.hidden = true;
        return;
      }
      container.hidden = false;
      if (payload.status === 'broken') {
        container.dataset['stale'] = 'true';
        note.textContent = shown
          ? 'Graphe du dernier fichier valide\u00a0: corrigez le YAML pour le mettre à jour.'
          : 'Le graphe apparaîtra quand le fichier compose sera valide.';
        note.hidden = false;
        return;
      }
      if (payload.status === 'too-large') {
        container.dataset['stale'] = 'false';
        note.textContent = `Ce projet compte ${payload.services.toLocaleString('fr-FR')} services\u00a0: le graphe n’est dessiné que jusqu’à ${payload.limit} services. Les diagnostics, eux, portent sur tout le fichier.`;
        note.hidden = false;
        drawing.replaceChildren();
        tableHost.replaceChildren();
        details.hidden = true;
        zoom.element.hidden = true;
        drawn = '';
        shown = false;
        return;
      }
      container.dataset['stale'] = 'false';
      note.hidden = true;
      details.hidden = false;
      zoom.element.hidden = false;
      const key = JSON.stringify(payload);
      if (key === drawn) return;
      drawn = key;
      const graph = payload.graph;
      tableHost.replaceChildren(graphTable(graph));
      if (details.open) scrollableByKeyboard(tableHost, 'Tableau des services, défilement horizontal');
      shown = true;
      void pageElk()
        .then((elk) => layoutServiceGraph(graph, elk))
        .then(
          (layout) => {
            // A later answer of the worker has been drawn or is being laid out: this one is stale.
            if (drawn !== key) return;
            drawing.replaceChildren(drawServiceGraph(graph, layout, idPrefix));
            zoom.apply();
          },
          (error: unknown) => {
            // Our bug or elk's: the table still says everything the drawing would.
            console.error(error);
            if (drawn !== key) return;
            drawing.replaceChildren();
            note.textContent = 'Le graphe n’a pas pu être dessiné\u00a0: le tableau ci-dessous en donne le contenu.';
            note.hidden = false;
          },
        );
    },
  };
}
