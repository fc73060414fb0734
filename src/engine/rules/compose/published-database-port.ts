import type { ComposeRule } from '../catalogue.ts';
import { CACHE_IMAGES, DATABASE_IMAGES, parseImage } from '../../compose/image-reference.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const publishedDatabasePort: ComposeRule = {
  id: 'published-database-port',
  kind: 'compose',
  severity: 'warning',
  messages: {
    published:
      'Le port {{port}} de `{{service}}` ({{kind}}) est publié sur l’hôte\u00a0: il devient joignable depuis le réseau. Les autres services y accèdent déjà par le réseau interne (`{{service}}:{{target}}`)\u00a0; retirez `ports:` ou limitez-le à `127.0.0.1:`.',
  },
  docs: {
    title: 'Ne publiez pas le port de la base de données',
    what: 'Signale une base de données (postgres, mysql, mariadb, mongo) ou un cache (redis, valkey, memcached) dont un port est publié sur toutes les interfaces de l’hôte.',
    why: 'Les services d’un même projet se parlent par le réseau interne de Compose, sans `ports:`. Publier 5432 ou 6379 expose la base à Internet sur un serveur\u00a0: les robots scannent ces ports en permanence, et Docker contourne souvent le pare-feu (ufw).',
    howToFix: 'Supprimez `ports:` du service. Pour y accéder depuis votre poste en développement, utilisez `docker compose exec db psql …`, ou publiez sur la boucle locale seulement\u00a0: `"127.0.0.1:5432:5432"`.',
    chapter: '09-base-de-donnees',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    expose: ["5432"]\n  cache:\n    image: redis:7-alpine\n    ports: ["127.0.0.1:6379:6379"]\n',
        },
      },
    ],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    ports:\n      - "5432:5432"\n' },
        errors: [{ messageId: 'published', line: 5, column: 9 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      if (!service.image) continue;
      const name = parseImage(service.image.value).name;
      const kind = DATABASE_IMAGES.has(name) ? 'base de données' : CACHE_IMAGES.has(name) ? 'cache' : undefined;
      if (!kind) continue;
      for (const port of service.ports) {
        if (!port.published || (port.hostIp && LOOPBACK.has(port.hostIp))) continue;
        report({
          messageId: 'published',
          data: { port: port.published, service: service.name, kind, target: port.target },
          file: port.file,
          range: port.range,
        });
      }
    }
  },
};
