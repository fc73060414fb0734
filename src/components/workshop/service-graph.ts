/**
 * The service graph's data: what the workshop draws from the learner's
 * compose model. Computed in the engine worker and posted to the page, so it
 * is plain JSON (arrays and strings, no Maps, no source ranges).
 */
import type { ComposeModel, ComposeService, DependencyCondition } from '../../engine/compose/model.ts';

/** The zone of services without `networks:` (those with `network_mode` are on none). */
export const DEFAULT_ZONE = 'default';

export interface GraphPort {
  /** As shown on the service: `8080→80`, `127.0.0.1:8080→80`, `→3000` (no host port), `53→53/udp`. */
  label: string;
  published: string | undefined;
  target: string;
  hostIp: string | undefined;
  protocol: string;
}

export interface GraphVolume {
  /** The named volume. */
  name: string;
  target: string;
  readOnly: boolean;
}

export type HealthcheckState = 'defined' | 'disabled' | 'none';

export interface GraphService {
  name: string;
  /** `image:`, or undefined when the service is built (`build`) or has neither. */
  image: string | undefined;
  /** True when the service has a `build:` section. */
  build: boolean;
  healthcheck: HealthcheckState;
  /** The zones it sits in, in the graph's zone order; never empty. */
  zones: string[];
  /** `network_mode` as written (`host`, `service:api`…), when set. */
  networkMode: string | undefined;
  ports: GraphPort[];
  volumes: GraphVolume[];
}

export interface GraphZone {
  name: string;
  /** `external: true`: created outside the project. */
  external: boolean;
  /** Services on it, in declaration order. */
  services: string[];
}

export interface GraphEdge {
  /** The service that waits… */
  from: string;
  /** …for this one. */
  to: string;
  condition: string;
  /** French label of the condition. */
  label: string;
  required: boolean;
  /** True when `to` is not a service of the file (a typo, or defined in an included file). */
  missing: boolean;
}

export interface ServiceGraph {
  services: GraphService[];
  zones: GraphZone[];
  edges: GraphEdge[];
  /** Named volumes (top-level or used by a service), with the services that mount them. */
  volumes: { name: string; services: string[] }[];
}

const CONDITION_LABELS: Record<DependencyCondition, string> = {
  service_started: 'démarré',
  service_healthy: 'en bonne santé',
  service_completed_successfully: 'terminé avec succès',
};

export function conditionLabel(condition: string): string {
  return (CONDITION_LABELS as Record<string, string | undefined>)[condition] ?? condition;
}

function portLabel(published: string | undefined, target: string, hostIp: string | undefined, protocol: string): string {
  const host = published === undefined ? '' : hostIp === undefined ? published : `${hostIp.includes(':') ? `[${hostIp}]` : hostIp}:${published}`;
  return `${host}→${target}${protocol === 'tcp' ? '' : `/${protocol}`}`;
}

function healthcheckState(service: ComposeService): HealthcheckState {
  if (!service.healthcheck) return 'none';
  if (service.healthcheck.disable) return 'disabled';
  const test = service.healthcheck.test?.value;
  // `test: ["NONE"]` switches off the image's healthcheck, as `disable: true` does.
  if (Array.isArray(test) && test[0] === 'NONE') return 'disabled';
  return 'defined';
}

/** `network_mode` (none, host, service:…, container:…) takes a service off the project's networks: it is drawn outside them. */
function serviceNetworks(service: ComposeService): string[] {
  if (service.networkMode !== undefined) return [];
  if (service.networks.length === 0) return [DEFAULT_ZONE];
  return [...new Set(service.networks.map((network) => network.name))];
}

/** The graph of a compose model: services, network zones, depends_on edges, ports and named volumes. */
export function buildServiceGraph(model: ComposeModel): ServiceGraph {
  const services = [...model.services.values()];

  // Zones: the top-level networks in declaration order, then the ones only
  // services name (an undefined network still shows where the learner put it),
  // then `default` when a service uses it.
  const zoneNames: string[] = [...model.networks.keys()];
  const networksOf = new Map(services.map((service) => [service.name, serviceNetworks(service)]));
  for (const names of networksOf.values()) for (const name of names) if (!zoneNames.includes(name)) zoneNames.push(name);
  const usedZones = new Set([...networksOf.values()].flat());
  const zones: GraphZone[] = zoneNames
    // An unused `default` is noise; an unused declared network is worth seeing.
    .filter((name) => name !== DEFAULT_ZONE || usedZones.has(name) || model.networks.has(name))
    .map((name) => ({
      name,
      external: model.networks.get(name)?.external ?? false,
      services: services.filter((service) => networksOf.get(service.name)!.includes(name)).map((service) => service.name),
    }));
  const zoneOrder = zones.map((zone) => zone.name);

  const volumeUsers = new Map<string, string[]>([...model.volumes.keys()].map((name) => [name, []]));
  const graphServices = services.map((service): GraphService => {
    const volumes = service.volumes
      .filter((mount) => mount.type === 'volume' && mount.source !== undefined)
      .map((mount) => ({ name: mount.source!, target: mount.target, readOnly: mount.readOnly }));
    for (const volume of volumes) {
      const users = volumeUsers.get(volume.name) ?? [];
      if (!users.includes(service.name)) users.push(service.name);
      volumeUsers.set(volume.name, users);
    }
    return {
      name: service.name,
      image: service.image?.value,
      build: service.build !== undefined,
      healthcheck: healthcheckState(service),
      zones: [...networksOf.get(service.name)!].sort((a, b) => zoneOrder.indexOf(a) - zoneOrder.indexOf(b)),
      networkMode: service.networkMode?.value,
      ports: service.ports.map((port) => ({
        label: portLabel(port.published, port.target, port.hostIp, port.protocol),
        published: port.published,
        target: port.target,
        hostIp: port.hostIp,
        protocol: port.protocol,
      })),
      volumes,
    };
  });

  const edges = services.flatMap((service) =>
    service.dependsOn.map(
      (dependency): GraphEdge => ({
        from: service.name,
        to: dependency.service,
        condition: dependency.condition,
        label: conditionLabel(dependency.condition),
        required: dependency.required,
        missing: !model.services.has(dependency.service),
      }),
    ),
  );

  return {
    services: graphServices,
    zones,
    edges,
    volumes: [...volumeUsers].map(([name, users]) => ({ name, services: users })),
  };
}

/** "4 services, 2 réseaux", for the drawing's accessible name. */
export function summarizeGraph(graph: ServiceGraph): string {
  const count = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;
  const parts = [count(graph.services.length, 'service', 'services'), count(graph.zones.length, 'réseau', 'réseaux')];
  const links = graph.edges.filter((edge) => !edge.missing).length;
  if (links > 0) parts.push(count(links, 'dépendance', 'dépendances'));
  if (graph.volumes.length > 0) parts.push(count(graph.volumes.length, 'volume nommé', 'volumes nommés'));
  return parts.join(', ');
}
