import { closest } from '../../compose/schema/edit-distance.ts';
import type { CrossRule } from '../catalogue.ts';

const COMPOSE = 'services:\n  web:\n    image: nginx:1.30-alpine\n';

export const disableCommentUnknownRule: CrossRule = {
  id: 'disable-comment-unknown-rule',
  kind: 'cross',
  severity: 'warning',
  messages: {
    unknown: 'La règle `{{id}}` n’existe pas : ce commentaire ne fait taire aucune règle.',
    unknownSuggest: 'La règle `{{id}}` n’existe pas : vouliez-vous dire `{{suggestion}}` ?',
    missing: 'Indiquez la ou les règles à faire taire sur la ligne suivante : `# atelier-compose-disable-next-line nom-de-la-regle`.',
  },
  docs: {
    title: 'Un commentaire de désactivation doit nommer une règle existante',
    what: 'Signale un commentaire `# atelier-compose-disable-next-line` qui ne nomme aucune règle, ou qui nomme une règle inconnue du vérificateur.',
    why: 'Une faute dans le nom de la règle rend le commentaire sans effet : le problème que vous pensiez avoir accepté reste signalé, ou pire, vous croyez qu’une autre règle est désactivée.',
    howToFix: 'Écrivez l’identifiant exact de la règle, tel que le vérificateur l’affiche (`image-tag`, `nginx-server-tokens`…), plusieurs séparés par des virgules, et ajoutez si vous voulez la raison après ` -- `.',
  },
  examples: {
    valid: [
      {
        name: 'une règle connue, avec sa raison',
        files: { 'compose.yaml': '# atelier-compose-disable-next-line image-tag -- image de démonstration\nservices:\n  web:\n    image: nginx\n' },
      },
      {
        name: 'deux règles dans un fichier nginx',
        files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/site.conf': 'server {\n    listen 80;\n    # atelier-compose-disable-next-line nginx-server-tokens, nginx-security-headers\n    root /srv;\n}\n' },
      },
    ],
    invalid: [
      {
        name: 'une faute de frappe dans le nom',
        files: { 'compose.yaml': 'services:\n  web:\n    # atelier-compose-disable-next-line image-tags\n    image: nginx\n' },
        errors: [{ messageId: 'unknownSuggest', line: 3, column: 41 }],
      },
      {
        name: 'le nom d’une règle d’un autre outil (ici hadolint)',
        files: { 'compose.yaml': 'services:\n  web:\n    # atelier-compose-disable-next-line DL3008\n    image: nginx\n' },
        errors: [{ messageId: 'unknown', line: 3, column: 41 }],
      },
      {
        name: 'aucune règle nommée',
        files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/site.conf': '# atelier-compose-disable-next-line\nserver {\n    listen 80;\n}\n' },
        errors: [{ messageId: 'missing', line: 1, column: 1, file: 'nginx/conf.d/site.conf' }],
      },
    ],
  },
  check(context, report) {
    const known = context.knownRuleIds;
    if (!known) return;
    for (const directive of context.disableDirectives ?? []) {
      if (directive.rules.length === 0) {
        report({ messageId: 'missing', file: directive.file, range: directive.range });
        continue;
      }
      for (const rule of directive.rules) {
        if (known.has(rule.id)) continue;
        // No rule id is near 100 characters: a longer word gets no suggestion (and no quadratic distance).
        const suggestion = rule.id.length <= 100 ? closest(rule.id, known) : undefined;
        report({ messageId: suggestion ? 'unknownSuggest' : 'unknown', data: { id: rule.id, suggestion: suggestion ?? '' }, file: directive.file, range: rule.range });
      }
    }
  },
};
