import type { ComposeRule } from '../catalogue.ts';
import { stackServices } from '../../compose/stack-file.ts';
import { asMap, asSeq, asString } from '../../yaml/located.ts';

function number(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

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
    ],
    invalid: [
      {
        files: {
          'stack.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports:\n      - target: 80\n        published: 8080\n        mode: host\n    deploy:\n      replicas: 2\n',
        },
        errors: [{ messageId: 'collision', line: 7, column: 15 }],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm) return;
    for (const service of stackServices(context)) {
      const deploy = asMap(service.map.entries.get('deploy')?.value);
      if (asString(deploy?.entries.get('mode')?.value) === 'global') continue;
      const replicas = number(asString(deploy?.entries.get('replicas')?.value)) ?? 1;
      const perNode = number(asString(asMap(deploy?.entries.get('placement')?.value)?.entries.get('max_replicas_per_node')?.value));
      if (replicas < 2 || perNode === 1) continue;
      for (const port of asSeq(service.map.entries.get('ports')?.value)?.items ?? []) {
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
