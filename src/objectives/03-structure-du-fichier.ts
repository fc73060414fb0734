import { composeView } from './compose-view.ts';
import type { LessonObjectives } from './types.ts';

const sameSet = (actual: readonly string[] | undefined, expected: readonly string[]): boolean =>
  actual !== undefined && actual.length === expected.length && expected.every((name) => actual.includes(name));

export const objectives: LessonObjectives = {
  'reseaux-declares': (result) => {
    const networks = composeView(result)?.networks;
    return networks?.has('frontend') === true && networks.has('backend');
  },
  'client-sur-frontend': (result) => sameSet(composeView(result)?.services.get('client')?.networks, ['frontend']),
  'api-sur-deux-reseaux': (result) => sameSet(composeView(result)?.services.get('api')?.networks, ['frontend', 'backend']),
  'db-sur-backend': (result) => sameSet(composeView(result)?.services.get('db')?.networks, ['backend']),
  'api-non-publiee': (result) => {
    const services = composeView(result)?.services;
    if (!services?.has('api')) return false;
    return [...services.values()].every((service) => service.name === 'client' || service.ports.length === 0);
  },
};
