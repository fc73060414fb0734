import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../engine/check.ts';
import { objectives } from './12-plusieurs-machines.ts';

// Chapter 12's objectives, each on the lesson's own files (unmet at the start,
// met by the solution) and on a small stack file that fails or passes it alone.

const lessonDir = join(import.meta.dirname, '../content/lessons/12-plusieurs-machines');
const read = (variant: 'start' | 'solution'): string => readFileSync(join(lessonDir, variant, 'stack.yaml'), 'utf8');

function met(id: string, text: string): boolean {
  const files = { 'stack.yaml': text };
  // As the workshop checks them: an excerpt, for docker stack deploy.
  const result = checkProject([{ path: 'stack.yaml', text }], { partial: true, swarm: true });
  return objectives[id]!(result, files);
}

const base = `services:
  api:
    image: 127.0.0.1:5000/atelier-api:1.0
    healthcheck:
      test: ["CMD", "wget", "-qO-", "http://127.0.0.1:3000/health"]
    environment:
      PGPASSWORD_FILE: /run/secrets/app_db_password
    secrets: [app_db_password]
    deploy:
      replicas: 3
      update_config:
        order: start-first
        monitor: 60s
        failure_action: rollback
      rollback_config:
        order: start-first
  db:
    image: postgres:17-alpine
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets: [db_password]
    volumes:
      - db-data:/var/lib/postgresql/data
    deploy:
      placement:
        constraints: [node.labels.atelier.db == true]
volumes:
  db-data:
secrets:
  db_password:
    file: ./secrets/db_password.txt
  app_db_password:
    external: true
`;

/** Each objective, and one edit of the passing snippet that must fail it. */
const cases: Record<string, [string, string][]> = {
  'api-repliquee': [
    ['deux répliques', base.replace('replicas: 3', 'replicas: 2')],
    ['un nom de conteneur', base.replace('  api:\n', '  api:\n    container_name: api\n')],
  ],
  'mise-a-jour-surveillee': [
    ['pas de retour arrière', base.replace('failure_action: rollback', 'failure_action: pause')],
    ['sans healthcheck', base.replace(/    healthcheck:\n.*\n/, '')],
    ['sans rollback_config', base.replace(/      rollback_config:\n.*\n/, '')],
    ['arrêt avant démarrage', base.replace('order: start-first\n        monitor', 'order: stop-first\n        monitor')],
  ],
  'secrets-swarm': [
    ['mot de passe dans l’environnement', base.replace('POSTGRES_PASSWORD_FILE: /run/secrets/db_password', 'POSTGRES_PASSWORD: s3cret')],
    ['secret non monté', base.replace('    secrets: [db_password]\n', '')],
    ['secret non déclaré', base.replace(/  db_password:\n    file: .*\n/, '')],
    ['secret lu dans l’environnement, que Swarm ne connaît pas', base.replace('    file: ./secrets/db_password.txt\n', '    environment: DB_PASSWORD\n')],
  ],
  'images-du-registre': [
    ['un build', base.replace('    image: 127.0.0.1:5000/atelier-api:1.0\n', '    build: ./api\n')],
    ['un nom de projet', `name: atelier\n${base}`],
    ['depends_on en forme longue', base.replace('  db:\n    image', '  db:\n    depends_on:\n      api:\n        condition: service_healthy\n    image')],
  ],
  'base-epinglee': [
    ['sans contrainte', base.replace(/      placement:\n        constraints: .*\n/, '      replicas: 1\n')],
    ['deux répliques', base.replace('      placement:\n        constraints', '      replicas: 2\n      placement:\n        constraints')],
    ['sans volume', base.replace('    volumes:\n      - db-data:/var/lib/postgresql/data\n', '')],
    ['un dossier de la machine, relatif', base.replace('      - db-data:/var/lib/postgresql/data\n', '      - ./pgdata:/var/lib/postgresql/data\n')],
    ['un dossier de la machine, absolu', base.replace('      - db-data:/var/lib/postgresql/data\n', '      - /srv/pgdata:/var/lib/postgresql/data\n')],
    ['un volume monté ailleurs', base.replace('      - db-data:/var/lib/postgresql/data\n', '      - db-data:/srv/data\n')],
  ],
};

describe('chapter 12 objectives', () => {
  it('has a case table for every objective', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(objectives).sort());
  });

  describe.each(Object.keys(objectives))('%s', (id) => {
    it('is unmet by the start file (the chapter 11 stack) and met by the solution', () => {
      expect(met(id, read('start'))).toBe(false);
      expect(met(id, read('solution'))).toBe(true);
    });

    it('is met by a minimal stack file', () => {
      expect(met(id, base)).toBe(true);
    });

    it.each(cases[id] ?? [])('is unmet with %s', (_name, text) => {
      expect(text).not.toBe(base);
      expect(met(id, text)).toBe(false);
    });
  });
});

describe('the chapter 12 workshop', () => {
  it('starts from the chapter 11 solution, renamed stack.yaml', () => {
    const chapter11 = readFileSync(join(lessonDir, '../11-bonnes-pratiques/solution/compose.yaml'), 'utf8');
    expect(read('start'), 'copy src/content/lessons/11-bonnes-pratiques/solution/compose.yaml to start/stack.yaml').toBe(chapter11);
  });

  // The stack folder is written by another part of issue #18; until it lands, say so instead of failing.
  const stackDir = join(import.meta.dirname, '../../stacks/12-plusieurs-machines');
  const stackFile = ['stack.yaml', 'docker-stack.yml', 'compose.yaml'].map((name) => join(stackDir, name)).find((path) => existsSync(path));
  it.skipIf(stackFile === undefined)(
    stackFile === undefined ? 'is the chapter’s stack file (skipped: no stack file in stacks/12-plusieurs-machines yet)' : 'is the chapter’s stack file, as the learner downloads it',
    () => {
      expect(read('solution'), `copy ${stackFile} to src/content/lessons/12-plusieurs-machines/solution/stack.yaml`).toBe(readFileSync(stackFile!, 'utf8'));
    },
  );
});
