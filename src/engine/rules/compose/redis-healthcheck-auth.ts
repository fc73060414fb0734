import type { ComposeRule } from '../catalogue.ts';
import { parseImage } from '../../compose/image-reference.ts';

const REDIS_FAMILIES = new Set(['redis', 'valkey', 'keydb']);
/** `-a`, `--pass`, `--user … --pass`, `-u redis://:pw@…`, or the REDISCLI_AUTH variable that redis-cli reads. */
const AUTHENTICATES = /(^|\s)(-a|--pass|--askpass|-u)(\s|=|$)|REDISCLI_AUTH/;

function text(value: string | string[]): string {
  return Array.isArray(value) ? value.join(' ') : value;
}

export const redisHealthcheckAuth: ComposeRule = {
  id: 'redis-healthcheck-auth',
  kind: 'compose',
  severity: 'warning',
  messages: {
    noAuth:
      'Redis exige un mot de passe (`--requirepass`) mais le healthcheck appelle `redis-cli` sans s’authentifier\u00a0: Redis répond «\u00a0NOAUTH\u00a0», donc le contrôle ne prouve rien. Passez le mot de passe (`redis-cli -a "$${REDIS_PASSWORD}" --no-auth-warning ping`) ou définissez `REDISCLI_AUTH`.',
  },
  docs: {
    title: 'Le healthcheck de Redis doit s’authentifier',
    what: 'Signale un service Redis (ou Valkey) lancé avec `--requirepass` dont le healthcheck utilise `redis-cli` sans mot de passe.',
    why: 'Sans authentification, chaque commande reçoit l’erreur «\u00a0NOAUTH Authentication required\u00a0». Or `redis-cli` sort avec le code 0 sur une réponse d’erreur de Redis (sauf avec l’option `-e`)\u00a0: le contrôle réussit donc toujours, sans jamais vérifier le mot de passe. La variante `redis-cli incr ping` vue dans certains tutoriels n’écrit rien sous NOAUTH, mais écrit une clé `ping` à chaque contrôle dès que Redis n’a pas de mot de passe.',
    howToFix: 'Écrivez `test: ["CMD-SHELL", "redis-cli -a \\"$${REDIS_PASSWORD}\\" --no-auth-warning ping | grep -q PONG"]`\u00a0: le `$$` laisse le shell du conteneur lire sa propre variable, et `grep PONG` vérifie la vraie réponse.',
    chapter: '08-production',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  cache:\n    image: redis:8-alpine\n    command: ["sh", "-c", "exec redis-server --appendonly yes --requirepass \\"$${REDIS_PASSWORD}\\""]\n    environment:\n      REDIS_PASSWORD: ${REDIS_PASSWORD:?}\n    healthcheck:\n      test: ["CMD-SHELL", "redis-cli -a \\"$${REDIS_PASSWORD}\\" --no-auth-warning ping | grep -q PONG"]\n',
          '.env': 'REDIS_PASSWORD=dev-only\n',
        },
      },
      {
        name: 'sans mot de passe, pas d’authentification nécessaire',
        files: { 'compose.yaml': 'services:\n  cache:\n    image: redis:8-alpine\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n' },
      },
      {
        name: 'le mot de passe dans REDISCLI_AUTH, que redis-cli lit',
        files: {
          'compose.yaml':
            'services:\n  cache:\n    image: redis:8-alpine\n    command: ["sh", "-c", "exec redis-server --requirepass \\"$$REDISCLI_AUTH\\""]\n    environment:\n      REDISCLI_AUTH: ${REDIS_PASSWORD:?}\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n',
          '.env': 'REDIS_PASSWORD=dev-only\n',
        },
      },
      {
        name: 'une sonde sans redis-cli (elle n’est pas de ce ressort)',
        files: { 'compose.yaml': 'services:\n  cache:\n    image: redis:8-alpine\n    command: redis-server --requirepass dev-only\n    healthcheck:\n      test: ["CMD-SHELL", "nc -z 127.0.0.1 6379"]\n' },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml':
            'services:\n  cache:\n    image: redis:8-alpine\n    command: redis-server --appendonly yes --requirepass "$${REDIS_PASSWORD}"\n    healthcheck:\n      test: ["CMD", "redis-cli", "--raw", "incr", "ping"]\n',
        },
        errors: [{ messageId: 'noAuth', line: 6, column: 13 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      const image = service.image?.value;
      const test = service.healthcheck?.test;
      if (!image || !test || !REDIS_FAMILIES.has(parseImage(image).name)) continue;
      const command = [service.command, service.entrypoint].map((c) => (c ? text(c.value) : '')).join(' ');
      if (!command.includes('--requirepass')) continue;
      const probe = text(test.value);
      if (!probe.includes('redis-cli') || AUTHENTICATES.test(probe)) continue;
      if (service.environment.some((variable) => variable.name === 'REDISCLI_AUTH')) continue;
      report({ messageId: 'noAuth', file: test.file, range: test.range });
    }
  },
};
