import { composeView } from './compose-view.ts';
import { takesFromRequired } from './secrets.ts';
import type { LessonObjectives } from './types.ts';

const major = (image: string | undefined): string | undefined => /^postgres:(\d+)/.exec(image ?? '')?.[1];

export const objectives: LessonObjectives = {
  'db-non-publie': (result) => {
    const db = composeView(result)?.services.get('db');
    return db !== undefined && db.ports.length === 0 && db.networks.length === 1 && db.networks[0] === 'backend';
  },
  // POSTGRES_INITDB_ARGS only applies when the data directory is created; `command` applies at every start.
  'reglages-par-command': (result) => {
    const db = composeView(result)?.services.get('db');
    const command = Array.isArray(db?.command) ? db.command : (db?.command ?? '').split(/\s+/);
    return db !== undefined && !db.environment.some((v) => v.name === 'POSTGRES_INITDB_ARGS') && command[0] === 'postgres' && command.includes('-c');
  },
  'init-en-lecture-seule': (result) =>
    composeView(result)
      ?.services.get('db')
      ?.volumes.some((v) => v.source?.replace(/\/$/, '') === './db/init' && v.target.replace(/\/$/, '') === '/docker-entrypoint-initdb.d' && v.readOnly) ?? false,
  // pg_dump refuses a server of a newer major version than itself; a host folder outlives `down -v`.
  'backup-pg-dump': (result) => {
    const view = composeView(result);
    const backup = view?.services.get('backup');
    return (
      backup?.image === 'postgres:17-alpine' &&
      major(view?.services.get('db')?.image) === '17' &&
      backup.volumes.some((v) => v.source?.replace(/\/$/, '') === './backups')
    );
  },
  'backup-attend-db': (result) => {
    const backup = composeView(result)?.services.get('backup');
    return (
      backup?.dependsOn.some((d) => d.service === 'db' && d.condition === 'service_healthy') === true &&
      takesFromRequired(backup, 'PGPASSWORD', 'POSTGRES_PASSWORD')
    );
  },
};
