import type { ComposeRule } from '../catalogue.ts';
import { deleteEntryLines, keyRange, stackServices } from '../../compose/stack-file.ts';

export const swarmDependsOnCondition: ComposeRule = {
  id: 'swarm-depends-on-condition',
  kind: 'compose',
  severity: 'error',
  messages: {
    condition:
      '`docker stack deploy` refuse la forme longue de `depends_on` (service `{{service}}`) : Swarm n’attend aucun service. C’est le healthcheck et les tentatives de reconnexion de l’application qui gèrent l’attente.',
    ignored: 'Swarm ignore `depends_on` (service `{{service}}`) : toutes les tâches démarrent en même temps, dans n’importe quel ordre.',
  },
  docs: {
    title: 'Swarm ne respecte pas d’ordre de démarrage',
    what: 'Pour une stack Swarm, signale `depends_on` : la forme longue (`condition: service_healthy`) fait refuser le fichier, la forme courte est acceptée mais sans effet.',
    why: 'Le schéma de `docker stack deploy` n’accepte qu’une liste de noms pour `depends_on`, et la CLI ne s’en sert jamais pour créer les services : Swarm démarre toutes les tâches en parallèle, sur plusieurs machines, et relance celles qui échouent. Sur un cluster, une dépendance peut d’ailleurs disparaître à tout moment (un nœud qui tombe) : l’attente au démarrage ne suffirait pas. L’application doit donc réessayer ses connexions, et son healthcheck ne passer au vert qu’une fois ses dépendances joignables ; Swarm ne lui envoie du trafic qu’à ce moment-là.',
    howToFix: 'Supprimez `depends_on` de la stack (le correctif rapide le fait), donnez un healthcheck à chaque service et vérifiez que l’application réessaie de se connecter à la base et au cache au lieu de s’arrêter.',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [
      { files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n' } },
      {
        name: 'fichier Compose hors Swarm',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    depends_on:\n      db:\n        condition: service_started\n  db:\n    image: postgres:17-alpine\n' },
      },
    ],
    invalid: [
      {
        name: 'forme longue',
        files: {
          'stack.yaml':
            'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17-alpine\n',
        },
        errors: [{ messageId: 'condition', line: 4, column: 5 }],
        output: 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n  db:\n    image: postgres:17-alpine\n',
      },
      {
        name: 'forme courte',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    depends_on: [db]\n  db:\n    image: postgres:17-alpine\n' },
        errors: [{ messageId: 'ignored', line: 4, column: 5 }],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm) return;
    for (const service of stackServices(context)) {
      const dependsOn = service.map.entries.get('depends_on');
      if (!dependsOn) continue;
      const file = service.document.file.path;
      const range = keyRange(service.document, dependsOn);
      if (dependsOn.value.kind === 'seq') {
        report({ messageId: 'ignored', severity: 'info', data: { service: service.name }, file, range });
        continue;
      }
      if (dependsOn.value.kind !== 'map') continue;
      // Swarm never reads `depends_on`: deleting it changes nothing on the cluster and makes the file acceptable.
      const deletion = deleteEntryLines(service.document, dependsOn);
      report({
        messageId: 'condition',
        data: { service: service.name },
        file,
        range,
        ...(deletion ? { fix: { title: 'Supprimer `depends_on`', edits: [deletion] } } : {}),
      });
    }
  },
};
