import type { ComposeRule } from '../catalogue.ts';
import { parseImage } from '../../compose/image-reference.ts';

/**
 * Official images whose variant ships busybox `wget` but no `curl` (alpine), or neither (slim). nginx's
 * `-alpine` Dockerfile adds curl (« Bring in curl and ca-certificates to make registering on DNS SD
 * easier »): of nginx's alpine variants, only `-alpine-slim` lacks it.
 */
function lacksCurl(image: string): { wget: boolean } | undefined {
  const reference = parseImage(image);
  if (!reference.official || !reference.tag) return undefined;
  const families = ['node', 'postgres', 'redis', 'nginx', 'python', 'httpd', 'valkey', 'alpine'];
  if (!families.includes(reference.name)) return undefined;
  if (reference.name === 'nginx') return /(^|-)alpine-slim/.test(reference.tag) ? { wget: true } : undefined;
  if (reference.name === 'alpine' || /(^|-)alpine/.test(reference.tag)) return { wget: true };
  if (/(^|-)slim/.test(reference.tag)) return { wget: false };
  return undefined;
}

export const healthcheckWithoutCurl: ComposeRule = {
  id: 'healthcheck-without-curl',
  kind: 'compose',
  severity: 'warning',
  messages: {
    alpine:
      'Le healthcheck appelle `curl`, absent de l’image `{{image}}`\u00a0: il échouera toujours et le service restera «\u00a0unhealthy\u00a0». Utilisez `wget -qO- http://localhost:…` (busybox) ou, pour Node.js, un `node -e` qui fait la requête.',
    slim: 'Le healthcheck appelle `curl`, absent de l’image `{{image}}` (ni `curl` ni `wget`)\u00a0: il échouera toujours. Pour Node.js, utilisez un `node -e` qui fait la requête.',
  },
  docs: {
    title: 'Un healthcheck ne peut appeler que des outils présents dans l’image',
    what: 'Signale un healthcheck qui utilise `curl` dans une image qui n’en a pas\u00a0: les variantes `-alpine` de node, postgres, redis, python ou valkey et la variante `-alpine-slim` de nginx (qui n’ont que le `wget` de busybox ; `nginx:…-alpine`, elle, installe curl), et les variantes `-slim`.',
    why: 'La commande échoue avec «\u00a0curl\u00a0: not found\u00a0», Docker marque le conteneur «\u00a0unhealthy\u00a0» et tous les services qui attendent `service_healthy` ne démarrent jamais. Beaucoup de tutoriels copient `curl -f` sans vérifier l’image.',
    howToFix: 'Avec alpine\u00a0: `["CMD", "wget", "-qO-", "http://localhost:3000/health"]`. Pour une API Node.js\u00a0: `["CMD", "node", "-e", "fetch(\'http://localhost:3000/health\').then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"]`. Pour PostgreSQL\u00a0: `pg_isready`.',
    chapter: '06-architecture-trois-couches',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:3000/health"]\n      interval: 10s\n',
        },
      },
      {
        name: 'nginx en variante alpine, dont le Dockerfile installe curl',
        files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n' },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/health"]\n      interval: 10s\n',
        },
        errors: [{ messageId: 'alpine', line: 5, column: 13 }],
      },
      {
        name: 'forme shell',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-slim\n    healthcheck:\n      test: curl -f http://localhost:3000/health || exit 1\n' },
        errors: [{ messageId: 'slim', line: 5, column: 13 }],
      },
      {
        name: 'nginx en variante alpine-slim',
        files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine-slim\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n' },
        errors: [{ messageId: 'alpine', line: 5, column: 13 }],
      },
      {
        name: 'redis et postgres en variante alpine, python en variante slim',
        files: {
          'compose.yaml':
            'services:\n  cache:\n    image: redis:8-alpine\n    healthcheck:\n      test: curl -f http://localhost:6379\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: curl -f http://localhost:5432\n  tool:\n    image: python:3.13-slim\n    healthcheck:\n      test: curl -f http://localhost:8000\n',
        },
        errors: [
          { messageId: 'alpine', line: 5, column: 13 },
          { messageId: 'alpine', line: 9, column: 13 },
          { messageId: 'slim', line: 13, column: 13 },
        ],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      const test = service.healthcheck?.test;
      if (!test || !service.image || service.build) continue;
      const words = Array.isArray(test.value) ? test.value.join(' ') : test.value;
      if (!/(^|[\s;&|(])curl(\s|$)/.test(words)) continue;
      const missing = lacksCurl(service.image.value);
      if (!missing) continue;
      report({ messageId: missing.wget ? 'alpine' : 'slim', data: { image: service.image.value }, file: test.file, range: test.range });
    }
  },
};
