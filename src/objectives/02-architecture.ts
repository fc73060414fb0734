import { composeView, dotenvVariables } from './compose-view.ts';
import { requiresVariable } from './secrets.ts';
import type { LessonObjectives } from './types.ts';


export const objectives: LessonObjectives = {
  'api-joint-db-par-son-nom': (result) =>
    composeView(result)?.services.get('api')?.environment.some((v) => v.name === 'PGHOST' && v.raw === 'db') ?? false,
  'db-non-publiee': (result) => {
    const db = composeView(result)?.services.get('db');
    // `- "5432"` publishes too, on a port the host picks: any `ports` entry for 5432 counts.
    return db !== undefined && !db.ports.some((p) => p.target === '5432');
  },
  'volume-nomme-db': (result) => {
    const view = composeView(result);
    const mounted = view?.services.get('db')?.volumes.some((v) => v.source === 'db-data' && v.target.replace(/\/$/, '') === '/var/lib/postgresql/data');
    return mounted === true && view?.volumes.has('db-data') === true;
  },
  'image-postgres-maintenue': (result) => composeView(result)?.services.get('db')?.image === 'postgres:17-alpine',
  'mot-de-passe-dans-env': (result, files) => {
    const view = composeView(result);
    const password = dotenvVariables(files['.env']).get('POSTGRES_PASSWORD');
    const uses = (service: string, variable: string): boolean =>
      view?.services.get(service)?.environment.some((v) => v.name === variable && requiresVariable(v.raw, 'POSTGRES_PASSWORD')) ?? false;
    return password !== undefined && password !== '' && uses('db', 'POSTGRES_PASSWORD') && uses('api', 'PGPASSWORD');
  },
};
