import { composeView } from './compose-view.ts';
import { apiProbesWithWget, logsRotatedFromExtension, redisPingsWithPassword, restartsUnlessStopped } from './operations.ts';
import { takesFromRequired } from './secrets.ts';
import type { LessonObjectives } from './types.ts';

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
    const api = composeView(result)?.services.get('api');
    return (
      dbPorts.length > 0 &&
      dbPorts.every((port) => port.raw.startsWith('127.0.0.1:')) &&
      api !== undefined &&
      !api.volumes.some((volume) => volume.target === '/app/src' || volume.source === './api/src')
    );
  },
};
