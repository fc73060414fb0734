import type { ComposeRule } from '../catalogue.ts';
import { DATABASE_IMAGES, parseImage } from '../../compose/image-reference.ts';

const DUMP_TOOL: Record<string, string> = {
  postgres: '`pg_dump` (ou `pg_dumpall`)',
  postgis: '`pg_dump`',
  mysql: '`mysqldump`',
  mariadb: '`mariadb-dump`',
  mongo: '`mongodump`',
  mongodb: '`mongodump`',
};

export const tarDatabaseBackup: ComposeRule = {
  id: 'tar-database-backup',
  kind: 'compose',
  severity: 'warning',
  messages: {
    tar:
      'Le service `{{service}}` archive avec `tar` le volume `{{volume}}`, qui contient les fichiers de la base `{{database}}` en cours d’exécution\u00a0: la copie sera incohérente et souvent impossible à restaurer. Utilisez {{tool}}.',
  },
  docs: {
    title: 'Sauvegardez une base avec son outil de dump, pas avec `tar`',
    what: 'Signale un service de sauvegarde qui lance `tar` sur un volume monté aussi par une base de données (le dossier de données de PostgreSQL, MySQL…).',
    why: 'Pendant que la base tourne, ses fichiers changent à chaque instant\u00a0: `tar` copie des pages prises à des moments différents. La restauration échoue ou, pire, démarre avec des données corrompues.',
    howToFix: 'Lancez `pg_dump` (PostgreSQL), `mysqldump` ou `mongodump` depuis un service qui se connecte à la base par le réseau, et gardez plusieurs dumps datés (rotation).',
    chapter: '09-base-de-donnees',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    volumes: [db-data:/var/lib/postgresql/data]\n  backup:\n    image: postgres:17-alpine\n    command: sh -c "pg_dump -h db -U app app > /backups/app.sql"\n    volumes: [./backups:/backups]\nvolumes:\n  db-data: {}\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    volumes: [db-data:/var/lib/postgresql/data]\n  backup:\n    image: alpine:3.22\n    command: tar czf /backups/db.tar.gz -C /data .\n    volumes:\n      - db-data:/data:ro\n      - ./backups:/backups\nvolumes:\n  db-data: {}\n',
        },
        errors: [{ messageId: 'tar', line: 7, column: 14 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    const services = [...context.model.services.values()];
    const databaseVolumes = new Map<string, { database: string; tool: string }>();
    for (const service of services) {
      const name = service.image ? parseImage(service.image.value).name : undefined;
      if (!name || !DATABASE_IMAGES.has(name)) continue;
      for (const volume of service.volumes) {
        if (volume.type === 'volume' && volume.source) databaseVolumes.set(volume.source, { database: service.name, tool: DUMP_TOOL[name] ?? 'l’outil de dump de la base' });
      }
    }
    for (const service of services) {
      const command = service.command ?? service.entrypoint;
      if (!command) continue;
      const text = Array.isArray(command.value) ? command.value.join(' ') : command.value;
      if (!/(^|[\s;&|("'])tar\s/.test(text)) continue;
      for (const volume of service.volumes) {
        const database = volume.source ? databaseVolumes.get(volume.source) : undefined;
        if (!database || database.database === service.name) continue;
        report({ messageId: 'tar', data: { service: service.name, volume: volume.source ?? '', ...database }, file: command.file, range: command.range });
        break;
      }
    }
  },
};
