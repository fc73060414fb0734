import { composeView } from './compose-view.ts';
import { healthcheckCommand } from './healthcheck.ts';
import { apiProbesWithWget, logsRotatedFromExtension, redisPingsWithPassword, restartsUnlessStopped } from './operations.ts';
import { takesFromRequired } from './secrets.ts';
import type { LessonObjectives } from './types.ts';

const PINNED: Record<string, string> = {
  proxy: 'nginx:1.30-alpine',
  client: 'nginx:1.30-alpine',
  db: 'postgres:17-alpine',
  cache: 'redis:8-alpine',
  backup: 'postgres:17-alpine',
};

export const objectives: LessonObjectives = {
  'fichier-et-images': (result) => {
    const view = composeView(result);
    if (!view || view.hasVersion) return false;
    const services = [...view.services.values()];
    const api = view.services.get('api');
    return (
      services.every((service) => service.containerName === undefined) &&
      Object.entries(PINNED).every(([name, image]) => view.services.get(name)?.image === image) &&
      api !== undefined &&
      api.keys.includes('build') &&
      api.image === undefined
    );
  },
  'secrets-hors-fichier': (result, files) => {
    const services = composeView(result)?.services;
    const clear = /secret123|redispass/.test(files['compose.yaml'] ?? '');
    return (
      !clear &&
      takesFromRequired(services?.get('db'), 'POSTGRES_PASSWORD', 'POSTGRES_PASSWORD') &&
      takesFromRequired(services?.get('api'), 'PGPASSWORD') &&
      takesFromRequired(services?.get('api'), 'REDIS_PASSWORD', 'REDIS_PASSWORD') &&
      takesFromRequired(services?.get('cache'), 'REDIS_PASSWORD', 'REDIS_PASSWORD')
    );
  },
  'reseaux-et-ports': (result) => {
    const services = composeView(result)?.services;
    if (!services) return false;
    const published = services.get('proxy')?.ports.map((p) => p.published?.replace(/\s/g, '')) ?? [];
    const only = (name: string, network: string): boolean => {
      const networks = services.get(name)?.networks;
      return networks?.length === 1 && networks[0] === network;
    };
    return (
      published.includes('${HTTP_PORT:-8080}') &&
      published.includes('${HTTPS_PORT:-8443}') &&
      [...services.values()].every((service) => service.name === 'proxy' || service.ports.length === 0) &&
      only('proxy', 'frontend') &&
      only('db', 'backend') &&
      only('cache', 'backend')
    );
  },
  'sante-et-dependances': (result) => {
    const view = composeView(result);
    const services = [...(view?.services.values() ?? [])];
    const dependencies = services.flatMap((service) => service.dependsOn);
    return (
      apiProbesWithWget(view?.services.get('api')) &&
      redisPingsWithPassword(view?.services.get('cache')) &&
      dependencies.length > 0 &&
      // The cache may be only started: chapter 08 makes Redis optional for the API, on purpose.
      dependencies.every((d) => d.condition === 'service_healthy' || d.condition === 'service_completed_successfully' || (d.service === 'cache' && d.condition === 'service_started'))
    );
  },
  // A `tar` of a live PostgreSQL directory is no backup: pg_dump gives a consistent one.
  'exploitation': (result) => {
    const view = composeView(result);
    const backup = view?.services.get('backup');
    const command = [healthcheckCommand(backup), ...(Array.isArray(backup?.command) ? backup.command : [backup?.command ?? ''])].join(' ');
    return (
      restartsUnlessStopped(view, ['certs', 'migrate']) &&
      logsRotatedFromExtension(view) &&
      backup?.image?.startsWith('postgres:') === true &&
      !/\btar\b/.test(command) &&
      !backup.volumes.some((v) => v.target.startsWith('/backup/db') || v.source === 'db-data' || v.source === 'db_volume')
    );
  },
};
