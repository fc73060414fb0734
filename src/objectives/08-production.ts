import { composeView, type ComposeView } from './compose-view.ts';
import { apiProbesWithWget, logsRotatedFromExtension, redisPingsWithPassword, restartsUnlessStopped } from './operations.ts';
import { takesFromRequired } from './secrets.ts';
import type { LessonObjectives } from './types.ts';

/**
 * Docker publishes no port of a container whose networks are all `internal`
 * (moby#36174, moby#44986): a `ports` line alone would publish nothing.
 * A service without `networks` is on `default`, which is not internal.
 */
function publishable(view: ComposeView, name: string): boolean {
  const networks = view.services.get(name)?.networks ?? [];
  if (networks.length === 0) return true;
  return networks.some((network) => view.networks.get(network)?.['internal'] !== true);
}

/** The passwords the start files write in clear. */
const CLEAR_PASSWORDS = ['securepass', 'redispass'];

export const objectives: LessonObjectives = {
  'restart-unless-stopped': (result) => restartsUnlessStopped(composeView(result), ['certs']),
  'rotation-des-logs': (result) => logsRotatedFromExtension(composeView(result)),
  'secrets-depuis-env': (result, files) => {
    const services = composeView(result)?.services;
    const clear = Object.values(files).some((text) => CLEAR_PASSWORDS.some((password) => text.includes(password)));
    return (
      !clear &&
      takesFromRequired(services?.get('db'), 'POSTGRES_PASSWORD', 'POSTGRES_PASSWORD') &&
      takesFromRequired(services?.get('api'), 'PGPASSWORD') &&
      takesFromRequired(services?.get('api'), 'REDIS_PASSWORD', 'REDIS_PASSWORD') &&
      takesFromRequired(services?.get('cache'), 'REDIS_PASSWORD', 'REDIS_PASSWORD')
    );
  },
  'healthchecks-fonctionnels': (result) => {
    const services = composeView(result)?.services;
    return apiProbesWithWget(services?.get('api')) && redisPingsWithPassword(services?.get('cache'));
  },
  'override-db-locale': (result) => {
    const override = composeView(result, 'compose.override.yaml');
    const dbPorts = override?.services.get('db')?.ports ?? [];
    const merged = composeView(result);
    const api = merged?.services.get('api');
    return (
      dbPorts.length > 0 &&
      dbPorts.every((port) => port.raw.startsWith('127.0.0.1:')) &&
      merged !== undefined &&
      publishable(merged, 'db') &&
      api !== undefined &&
      !api.volumes.some((volume) => volume.target === '/app/src' || volume.source === './api/src') &&
      // The sources reach the container through `docker compose watch`, not a bind mount.
      (override?.services.get('api')?.keys.includes('develop') ?? false)
    );
  },
};
