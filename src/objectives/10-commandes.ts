import { composeView, dotenvVariables } from './compose-view.ts';
import type { LessonObjectives } from './types.ts';

const PERMANENT = ['proxy', 'client', 'api', 'db', 'cache'];

export const objectives: LessonObjectives = {
  'env-complet': (_result, files) => {
    const variables = dotenvVariables(files['.env']);
    return ['POSTGRES_USER', 'POSTGRES_DB', 'POSTGRES_PASSWORD', 'REDIS_PASSWORD'].every((name) => (variables.get(name) ?? '') !== '');
  },
  'sans-version': (result, files) => {
    const view = composeView(result, files);
    return view !== undefined && !view.hasVersion;
  },
  'nom-de-projet': (result, files) => composeView(result, files)?.name === 'atelier',
  // With both keys, `image` names the built result: `node:16-alpine` would overwrite the official tag locally.
  'image-api-construite': (result, files) => {
    const api = composeView(result, files)?.services.get('api');
    return api !== undefined && api.keys.includes('build') && !/^node:/.test(api.image ?? '');
  },
  'healthchecks-pour-wait': (result, files) => {
    const services = composeView(result, files)?.services;
    return (
      PERMANENT.every((name) => services?.get(name)?.healthcheck?.test !== undefined) &&
      services?.get('proxy')?.dependsOn.some((d) => d.service === 'client' && d.condition === 'service_healthy') === true
    );
  },
};
