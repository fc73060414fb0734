import type { ComposeRule } from '../catalogue.ts';
import { stackServices } from '../../compose/stack-file.ts';
import { asMap, asSeq, asString } from '../../yaml/located.ts';

export const swarmHostPortReplicas: ComposeRule = {
  id: 'swarm-host-port-replicas',
  kind: 'compose',
  severity: 'warning',
  messages: {
    collision:
      'Le port {{port}} est publié en `mode: host` pour {{replicas}} répliques de `{{service}}` : deux tâches sur le même nœud ne peuvent pas ouvrir le même port, la seconde restera en attente. Utilisez le routing mesh (`mode: ingress`), `deploy.mode: global`, ou `deploy.placement.max_replicas_per_node: 1`.',
  },
  docs: {
    title: 'Un port en mode `host` ne se partage pas entre répliques d’un même nœud',
    what: 'Pour une stack Swarm, signale un port publié avec un numéro fixe en `mode: host` sur un service qui a plusieurs répliques, sans `deploy.mode: global` ni `max_replicas_per_node: 1`.',
    why: 'Par défaut, Swarm publie les ports par son routing mesh (`mode: ingress`) : chaque nœud écoute le port et répartit les connexions entre toutes les répliques, où qu’elles tournent. En `mode: host`, c’est le conteneur lui-même qui ouvre le port sur son nœud : deux répliques placées sur la même machine entrent en conflit, et Swarm laisse la seconde en attente (« host-mode port already in use »), sans erreur visible au déploiement.',
    howToFix: 'Gardez le mode `ingress` (la forme courte `"8080:80"`), ou bien une tâche par nœud : `deploy.mode: global`, ou `deploy.placement.max_replicas_per_node: 1` avec au moins autant de nœuds que de répliques.',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [
      {
        name: 'routing mesh',
        files: { 'stack.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - "8080:80"\n    deploy:\n      replicas: 2\n' },
      },
      {
        name: 'une tâche par nœud',
        files: {
          'stack.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - target: 80\n        published: 8080\n        mode: host\n    deploy:\n      mode: global\n',
        },
      },
      {
        name: 'une réplique au plus par nœud',
        files: {
          'stack.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - target: 80\n        published: 8080\n        mode: host\n    deploy:\n      replicas: 3\n      placement:\n        max_replicas_per_node: 1\n',
        },
      },
      {
        name: 'port choisi par Swarm, routing mesh, ou pas de port',
        files: {
          'stack.yaml':
            'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    ports:\n      - target: 9000\n        mode: host\n      - target: 80\n        published: 8080\n      - target: 443\n        published: 8443\n        mode: ingress\n    deploy:\n      replicas: 3\n  worker:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      replicas: 3\n',
        },
      },
      {
        name: 'une seule réplique',
        files: { 'stack.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - target: 80\n        published: 8080\n        mode: host\n' },
      },
      {
        name: 'fichier Compose hors Swarm',
        files: {
          'compose.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - target: 80\n        published: 8080\n        mode: host\n    deploy:\n      replicas: 2\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'stack.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - target: 80\n        published: 8080\n        mode: host\n    deploy:\n      replicas: 2\n',
        },
        errors: [{ messageId: 'collision', line: 7, column: 15, data: { port: '8080', replicas: 2, service: 'proxy' } }],
      },
      {
        name: 'dix répliques, deux par nœud',
        files: {
          'stack.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - target: 443\n        published: 8443\n        mode: host\n    deploy:\n      replicas: 10\n      placement:\n        max_replicas_per_node: 2\n',
        },
        errors: [{ messageId: 'collision', line: 7, column: 15, data: { port: '8443', replicas: 10 } }],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm) return;
    for (const service of stackServices(context)) {
      const deploy = asMap(service.map.entries.get('deploy')?.value);
      // `deploy.mode: global` needs no test: it forbids `replicas` (docker/cli v28.2.2, e6534b4, `convertDeployMode`
      // in cli/compose/convert/service.go: "replicas can only be used with replicated mode"), so one task per node.
      // A value that is not a number (a schema error) gives NaN, and no warning.
      const replicas = Number(asString(deploy?.entries.get('replicas')?.value) ?? 1);
      const perNode = Number(asString(asMap(deploy?.entries.get('placement')?.value)?.entries.get('max_replicas_per_node')?.value));
      const ports = asSeq(service.map.entries.get('ports')?.value);
      if (!(replicas >= 2) || perNode === 1 || !ports) continue;
      for (const port of ports.items) {
        const mode = asMap(port)?.entries.get('mode');
        const published = asString(asMap(port)?.entries.get('published')?.value);
        if (!mode || asString(mode.value) !== 'host' || published === undefined || published.trim() === '') continue;
        report({
          messageId: 'collision',
          data: { port: published, replicas, service: service.name },
          file: service.document.file.path,
          range: context.rangeOf(service.document.file.path, mode.value.range[0], mode.value.range[1]),
        });
      }
    }
  },
};
