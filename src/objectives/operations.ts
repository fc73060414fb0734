import type { ComposeView, ServiceView } from './compose-view.ts';
import { healthcheckCommand } from './healthcheck.ts';

/** One-shot services (they exit when done) keep `restart: "no"`; every other one restarts by itself. */
export function restartsUnlessStopped(view: ComposeView | undefined, oneShot: readonly string[]): boolean {
  if (!view || view.services.size === 0) return false;
  return [...view.services.values()].every((service) =>
    oneShot.includes(service.name) ? service.restart === undefined || service.restart === 'no' : service.restart === 'unless-stopped',
  );
}

const rotates = (logging: unknown): boolean => {
  if (typeof logging !== 'object' || logging === null) return false;
  const options = (logging as { options?: unknown }).options;
  return typeof options === 'object' && options !== null && 'max-size' in options && 'max-file' in options;
};

/** Every service rotates its logs, from one `x-…` definition (the anchor is resolved by then). */
export function logsRotatedFromExtension(view: ComposeView | undefined): boolean {
  if (!view || view.services.size === 0) return false;
  const shared = [...view.extensions.values()].filter(rotates);
  if (shared.length === 0) return false;
  return [...view.services.values()].every((service) => service.logging !== undefined && rotates(service.logging));
}

/** The Redis healthcheck authenticates (`-a`) and pings: an anonymous client only gets NOAUTH. */
export function redisPingsWithPassword(service: ServiceView | undefined): boolean {
  const command = healthcheckCommand(service);
  return /redis-cli/.test(command) && /\s-a\s/.test(` ${command} `) && /\bping\b/i.test(command);
}

/** The API's healthcheck uses wget, never curl (node:alpine images have no curl). */
export function apiProbesWithWget(service: ServiceView | undefined): boolean {
  const command = healthcheckCommand(service);
  return /\bwget\b/.test(command) && !/\bcurl\b/.test(command) && /\/health\b/.test(command);
}
