import { composeView, type ComposeView } from './compose-view.ts';
import { healthcheckCommand, probesWithWget } from './healthcheck.ts';
import type { LessonObjectives } from './types.ts';

const waitsHealthy = (view: ComposeView | undefined, service: string, dependency: string): boolean =>
  view?.services.get(service)?.dependsOn.some((d) => d.service === dependency && d.condition === 'service_healthy') ?? false;

export const objectives: LessonObjectives = {
  // `$$` keeps the `$` for the container's shell: Compose would otherwise interpolate it.
  'db-healthcheck-variables': (result) => {
    const command = healthcheckCommand(composeView(result)?.services.get('db'));
    return /pg_isready/.test(command) && /\$\$\{?POSTGRES_USER\}?/.test(command) && /\$\$\{?POSTGRES_DB\}?/.test(command);
  },
  'api-attend-db-saine': (result) => waitsHealthy(composeView(result), 'api', 'db'),
  'api-healthcheck': (result) => probesWithWget(composeView(result)?.services.get('api'), 'http://127.0.0.1:3000/health'),
  'client-attend-api-saine': (result) => waitsHealthy(composeView(result), 'client', 'api'),
  'db-seulement-backend': (result) => {
    const networks = composeView(result)?.services.get('db')?.networks;
    return networks !== undefined && networks.length === 1 && networks[0] === 'backend';
  },
};
