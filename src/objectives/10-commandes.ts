import { composeView, dotenvVariables } from './compose-view.ts';
import type { LessonObjectives } from './types.ts';

const PERMANENT = ['proxy', 'client', 'api', 'db', 'cache'];

export const objectives: LessonObjectives = {
  'env-complet': (_result, files) => {
    const variables = dotenvVariables(files['.env']);
    return ['POSTGRES_USER', 'POSTGRES_DB', 'POSTGRES_PASSWORD', 'REDIS_PASSWORD'].every((name) => (variables.get(name) ?? '') !== '');
  },
  'sans-version': (result) => {
    const view = composeView(result);
    return view !== undefined && !view.hasVersion;
  },
  'nom-de-projet': (result) => composeView(result)?.name === 'atelier',
  // With both keys, `image` names the built result: `node:16-alpine` would overwrite the official tag locally.
  'image-api-construite': (result) => {
    const api = composeView(result)?.services.get('api');
    return api !== undefined && api.keys.includes('build') && !/^node:/.test(api.image ?? '');
  },
  'healthchecks-pour-wait': (result) => {
    const services = composeView(result)?.services;
    return (
      PERMANENT.every((name) => services?.get(name)?.healthcheck?.test !== undefined) &&
      services?.get('proxy')?.dependsOn.some((d) => d.service === 'client' && d.condition === 'service_healthy') === true
    );
  },
};
