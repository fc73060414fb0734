import type { ComposeRule } from '../catalogue.ts';
import { writtenEntry } from '../../compose/service-keys.ts';
import { NEWER_KEYS, ORACLE_COMPOSE } from '../../compose/newer-keys.ts';

export const newerComposeKey: ComposeRule = {
  id: 'newer-compose-key',
  kind: 'compose',
  severity: 'warning',
  messages: {
    newer: '`{{key}}` demande Compose {{compose}} ou plus récent\u00a0: Compose {{oracle}} (la version la plus récente chez Debian et Ubuntu) refuse ce fichier («\u00a0additional properties … not allowed\u00a0»).',
  },
  docs: {
    title: 'Une clé plus récente que Compose 2.40',
    what: 'Signale une clé que la spécification Compose accepte aujourd’hui mais que Compose 2.40, la version la plus récente des paquets Debian et Ubuntu, ne connaît pas encore (`pre_start`, `build.no_cache_filter`).',
    why: 'Compose 5 (depuis décembre 2025) ajoute des clés\u00a0; une machine qui a encore Compose 2.40 refuse tout le fichier à la moindre clé inconnue. Le fichier est donc juste pour l’un et faux pour l’autre.',
    howToFix: 'Vérifiez la version avec `docker compose version`. Si vos machines ont Compose 5, gardez la clé\u00a0; sinon, retirez-la ou installez Compose depuis le dépôt de Docker.',
    chapter: '10-commandes',
  },
  examples: {
    valid: [{ name: 'des clés que Compose 2.40 connaît', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n      provenance: true\n' } }],
    invalid: [
      {
        name: 'un conteneur d’initialisation pre_start',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    pre_start:\n      - command: ["node", "migrate.js"]\n' },
        errors: [{ messageId: 'newer', line: 4, column: 5 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      for (const key of NEWER_KEYS) {
        const written = writtenEntry(service, key.path);
        if (!written) continue;
        report({
          messageId: 'newer',
          data: { key: key.path.join('.'), compose: key.compose, oracle: ORACLE_COMPOSE },
          file: written.file,
          range: context.rangeOf(written.file, ...written.entry.keyRange),
        });
      }
    }
  },
};
