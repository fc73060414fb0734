import type { ComposeRule } from '../catalogue.ts';
import { stackServices } from '../../compose/stack-file.ts';
import { asMap, asSeq } from '../../yaml/located.ts';

export const swarmUnpinnedVolume: ComposeRule = {
  id: 'swarm-unpinned-volume',
  kind: 'compose',
  severity: 'warning',
  messages: {
    unpinned:
      'Les données de `{{service}}` sont dans le volume local `{{volume}}`, qui n’existe que sur un nœud. Sans contrainte de placement, Swarm peut relancer la tâche sur une autre machine, avec un volume vide. Épinglez le service : `deploy.placement.constraints: [node.labels.db == true]`.',
  },
  docs: {
    title: 'Un service avec un volume local doit être épinglé à un nœud',
    what: 'Pour une stack Swarm, signale un service qui monte un volume nommé du pilote `local` (celui par défaut) sans `deploy.placement.constraints`.',
    why: 'Un volume `local` est un dossier sur le disque d’une machine. Dans un cluster, quand un nœud est vidé (`drain`), tombe ou redémarre, Swarm replace ses tâches ailleurs, et le volume du même nom créé sur le nouveau nœud est vide : PostgreSQL redémarre sans ses données, ou initialise une base neuve. Les services sans état (l’API, nginx) se déplacent sans dommage ; une base de données, non.',
    howToFix: 'Étiquetez le nœud qui porte les données (`docker node update --label-add db=true <nœud>`) et épinglez le service avec `deploy.placement.constraints: [node.labels.db == true]`, avec une seule réplique. Pour survivre à la perte de ce nœud, il faut une réplication au niveau de la base (ou un stockage partagé), et des sauvegardes.',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [
      {
        files: {
          'stack.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data\n    deploy:\n      placement:\n        constraints: [node.labels.db == true]\nvolumes:\n  db-data:\n',
        },
      },
      {
        name: 'volume externe, ou d’un pilote partagé',
        files: {
          'stack.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data\n      - sauvegardes:/backup\n      - /srv/atelier:/srv\n      - type: tmpfs\n        target: /tmp\nvolumes:\n  db-data:\n    external: true\n  sauvegardes:\n    driver: rexray/ebs\n',
        },
      },
      {
        name: 'fichier Compose hors Swarm',
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n' },
      },
    ],
    invalid: [
      {
        files: { 'stack.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n' },
        errors: [{ messageId: 'unpinned', line: 5, column: 9, data: { service: 'db', volume: 'db-data' } }],
      },
      {
        name: 'deploy sans placement, contraintes vides',
        files: {
          'stack.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data\n    deploy:\n      replicas: 1\n  cache:\n    image: redis:8-alpine\n    volumes:\n      - cache-data:/data\n    deploy:\n      placement:\n        constraints: []\nvolumes:\n  db-data:\n  cache-data:\n    driver: local\n',
        },
        errors: [
          { messageId: 'unpinned', line: 5, column: 9 },
          { messageId: 'unpinned', line: 11, column: 9, data: { service: 'cache', volume: 'cache-data' } },
        ],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm || context.syntaxErrors) return;
    const pinned = new Set<string>();
    for (const service of stackServices(context)) {
      const constraints = asSeq(asMap(asMap(service.map.entries.get('deploy')?.value)?.entries.get('placement')?.value)?.entries.get('constraints')?.value);
      if (constraints && constraints.items.length > 0) pinned.add(service.name);
    }
    for (const service of context.model.services.values()) {
      if (pinned.has(service.name)) continue;
      for (const mount of service.volumes) {
        if (mount.type !== 'volume' || mount.source === undefined) continue;
        const volume = context.model.volumes.get(mount.source);
        const driver = volume?.fields.get('driver')?.value ?? 'local';
        if (!volume || volume.external || driver !== 'local') continue;
        report({ messageId: 'unpinned', data: { service: service.name, volume: mount.source }, file: mount.file, range: mount.range });
        break;
      }
    }
  },
};
