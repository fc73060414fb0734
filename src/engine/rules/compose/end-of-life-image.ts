import type { ComposeRule } from '../catalogue.ts';
import { SUPPORTED_LINES, SUPPORTED_LINES_AS_OF, isOlder, tagVersion } from '../../compose/end-of-life.ts';
import { parseImage } from '../../compose/image-reference.ts';

export const endOfLifeImage: ComposeRule = {
  id: 'end-of-life-image',
  kind: 'compose',
  severity: 'warning',
  messages: {
    old: 'L’image `{{image}}` est en fin de vie\u00a0: {{product}} {{version}} ne reçoit plus de correctifs de sécurité. Passez à une version maintenue ({{minimum}} ou plus récente), par exemple `{{name}}:{{recommended}}`.',
  },
  docs: {
    title: 'N’utilisez pas une version en fin de vie',
    what: `Signale une image officielle dont la version n’est plus maintenue (table à jour au ${SUPPORTED_LINES_AS_OF})\u00a0: ${SUPPORTED_LINES.map((l) => `${l.product} avant ${l.label}`).join(', ')}.`,
    why: 'Une version en fin de vie ne reçoit plus de correctifs de sécurité. Les tutoriels anciens (`node:16`, `postgres:14`) datent d’une époque où ces versions étaient à jour.',
    howToFix: `Choisissez une version maintenue (${SUPPORTED_LINES.filter((l) => l.image !== 'mysql').map((l) => `\`${l.image}:${l.recommended}\``).join(', ')}). Pour PostgreSQL, changer de version majeure demande un \`pg_dump\` puis une restauration.`,
    chapter: '11-bonnes-pratiques',
  },
  examples: {
    valid: [
      { files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n  db:\n    image: postgres:17-alpine\n  proxy:\n    image: nginx:1.30-alpine\n' } },
      {
        name: 'une image d’un autre éditeur, ou sans étiquette (la règle image-tag en parle)',
        files: { 'compose.yaml': 'services:\n  db:\n    image: bitnami/postgresql:14\n  api:\n    image: node\n' },
      },
    ],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:16-alpine\n  db:\n    image: postgres:14\n  proxy:\n    image: nginx:1.25\n' },
        errors: [
          { messageId: 'old', line: 3, column: 12 },
          { messageId: 'old', line: 5, column: 12 },
          { messageId: 'old', line: 7, column: 12 },
        ],
      },
      {
        name: 'une version précise, dite au niveau de la ligne de versions',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:16.20.2-alpine\n' },
        errors: [{ messageId: 'old', line: 3, column: 12, data: { version: '16' } }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      const image = service.image;
      if (!image) continue;
      const reference = parseImage(image.value);
      if (!reference.official || !reference.tag) continue;
      const line = SUPPORTED_LINES.find((l) => l.image === reference.name);
      const version = tagVersion(reference.tag);
      if (!line || !version || !isOlder(version, line.minimum)) continue;
      report({
        messageId: 'old',
        data: { image: image.value, product: line.product, version: version.slice(0, line.minimum.length).join('.'), name: reference.name, minimum: line.label, recommended: line.recommended },
        file: image.file,
        range: image.range,
      });
    }
  },
};
