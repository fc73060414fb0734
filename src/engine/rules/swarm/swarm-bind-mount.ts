import type { ComposeRule } from '../catalogue.ts';

export const swarmBindMount: ComposeRule = {
  id: 'swarm-bind-mount',
  kind: 'compose',
  severity: 'warning',
  messages: {
    relative:
      'Le service `{{service}}` monte `{{source}}` depuis le disque de la machine : `docker stack deploy` en fait un chemin absolu sur le manager, mais la tâche peut tourner sur un autre nœud, où ce chemin n’existe pas. Pour un fichier de configuration, utilisez une config Swarm (`configs`) ; pour des données, un volume nommé.',
    absolute:
      'Le service `{{service}}` monte `{{source}}` depuis le disque du nœud qui exécute la tâche : ce chemin doit exister sur chaque nœud où Swarm peut la placer. Épinglez le service avec une contrainte de placement, ou passez par une config Swarm ou un volume nommé.',
  },
  docs: {
    title: 'Dans une stack, un montage de l’hôte dépend du nœud',
    what: 'Pour une stack Swarm, signale les montages de type `bind` (`./nginx/app.conf:/etc/nginx/conf.d/default.conf:ro`, `/srv/data:/data`).',
    why: 'Avec `docker compose`, le dossier du projet est sur la machine qui lance les conteneurs. Dans un cluster, non : `docker stack deploy` transforme un chemin relatif en chemin absolu sur la machine d’où part la commande, puis chaque nœud qui reçoit la tâche cherche ce chemin sur son propre disque. Si le fichier n’y est pas, la tâche échoue (« bind source path does not exist ») ; s’il y est dans une autre version, le service se comporte différemment selon le nœud.',
    howToFix: 'Déclarez les fichiers de configuration comme des `configs` Swarm (`configs: { proxy_conf: { file: ./nginx/proxy.conf } }`, puis `configs: [{ source: proxy_conf, target: /etc/nginx/conf.d/default.conf }]` dans le service) : les managers les distribuent aux nœuds. Pour des données, utilisez un volume nommé, et une contrainte de placement si le volume est local. Gardez un montage de l’hôte pour ce qui existe sur chaque nœud, comme `/var/run/docker.sock` d’un agent en `mode: global`.',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [
      {
        files: {
          'stack.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    configs:\n      - source: proxy_conf\n        target: /etc/nginx/conf.d/default.conf\nconfigs:\n  proxy_conf:\n    file: ./nginx/proxy.conf\n',
        },
      },
      {
        name: 'volume nommé',
        files: {
          'stack.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data\n    deploy:\n      placement:\n        constraints: [node.labels.db == true]\nvolumes:\n  db-data:\n',
        },
      },
      {
        name: 'fichier Compose hors Swarm',
        files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./nginx/proxy.conf:/etc/nginx/conf.d/default.conf:ro\n' },
      },
    ],
    invalid: [
      {
        name: 'chemin Windows',
        // docker/cli v28.2.2 (e6534b4), cli/compose/loader/loader.go `resolveVolumePaths`: a Windows path is absolute too.
        files: { 'stack.yaml': 'services:\n  agent:\n    image: nginx:1.30-alpine\n    volumes:\n      - type: bind\n        source: C:\\atelier\n        target: /data\n' },
        errors: [{ messageId: 'absolute', line: 5, column: 9, data: { service: 'agent', source: 'C:\\atelier' } }],
      },
      {
        name: 'chemin relatif',
        files: { 'stack.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./nginx/proxy.conf:/etc/nginx/conf.d/default.conf:ro\n' },
        errors: [{ messageId: 'relative', line: 5, column: 9 }],
      },
      {
        name: 'chemin absolu',
        files: { 'stack.yaml': 'services:\n  agent:\n    image: nginx:1.30-alpine\n    volumes:\n      - type: bind\n        source: /srv/atelier\n        target: /data\n' },
        errors: [{ messageId: 'absolute', line: 5, column: 9 }],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm || context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      for (const mount of service.volumes) {
        if (mount.type !== 'bind' || mount.source === undefined) continue;
        // docker/cli v28.2.2 (e6534b4), cli/compose/loader/loader.go `resolveVolumePaths`: a relative source becomes absolute on the deploying machine.
        const relative = !mount.source.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(mount.source);
        report({ messageId: relative ? 'relative' : 'absolute', data: { service: service.name, source: mount.source }, file: mount.file, range: mount.range });
      }
    }
  },
};
