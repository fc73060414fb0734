import type { PortProtocol } from './model.ts';

/** A short-syntax port, split. Ranges stay as written (`8000-8010`). */
export interface ParsedPort {
  hostIp: string | undefined;
  published: string | undefined;
  target: string;
  protocol: PortProtocol;
}

const PORT = /^\d{1,5}$/;
const PORT_RANGE = /^(\d{1,5})(?:-(\d{1,5}))?$/;
const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function portSpan(text: string): number | undefined {
  const match = PORT_RANGE.exec(text);
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (low > 65535 || high > 65535 || high < low) return undefined;
  return high - low + 1;
}

/**
 * `[[host_ip:]published:]target[/protocol]`, as docker/go-connections'
 * `nat.ParsePortSpec` reads it for compose (IPv6 host IPs in brackets).
 * Returns undefined for what compose rejects.
 */
export function parsePort(spec: string): ParsedPort | undefined {
  let rest = spec.trim();
  let protocol: string = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash !== -1) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
    if (!PROTOCOLS.has(protocol)) return undefined;
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close === -1 || rest[close + 1] !== ':') return undefined;
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  let published: string | undefined;
  let target: string;
  if (hostIp !== undefined) {
    if (parts.length !== 2) return undefined;
    published = parts[0];
    target = parts[1]!;
  } else if (parts.length === 1) {
    target = parts[0]!;
  } else if (parts.length === 2) {
    published = parts[0];
    target = parts[1]!;
  } else if (parts.length === 3) {
    hostIp = parts[0];
    published = parts[1];
    target = parts[2]!;
  } else {
    return undefined;
  }
  if (published === '') published = undefined;
  const targetSpan = portSpan(target);
  if (targetSpan === undefined) return undefined;
  if (published !== undefined) {
    const publishedSpan = portSpan(published);
    if (publishedSpan === undefined) return undefined;
    // A host range may serve one container port; otherwise both ranges must have the same size.
    if (targetSpan !== 1 && publishedSpan !== targetSpan) return undefined;
  }
  if (hostIp === '') hostIp = undefined;
  // go-connections: "Invalid ip address: localhost" — a host name is not accepted.
  if (hostIp !== undefined && !IPV4.test(hostIp) && !(hostIp.includes(':') && /^[0-9a-fA-F:.]+$/.test(hostIp))) return undefined;
  return { hostIp, published, target, protocol: protocol as PortProtocol };
}

/** Every host port a published spec occupies (`8000-8002` → 8000, 8001, 8002). */
export function publishedPorts(published: string): number[] {
  const match = PORT_RANGE.exec(published);
  if (!match) return [];
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  const out: number[] = [];
  for (let p = low; p <= high && out.length < 65536; p++) out.push(p);
  return out;
}

export function isPortNumber(text: string): boolean {
  return PORT.test(text) && Number(text) <= 65535;
}
