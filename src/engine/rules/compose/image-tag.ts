import type { ComposeRule } from '../catalogue.ts';
import { parseImage } from '../../compose/image-reference.ts';

export const imageTag: ComposeRule = {
  id: 'image-tag',
  kind: 'compose',
  severity: 'warning',
  messages: {
    latest: 'L’image `{{image}}` utilise l’étiquette `latest`\u00a0: la version changera sans prévenir au prochain `docker compose pull`. Fixez une version (`{{name}}:…`).',
    untagged: 'L’image `{{image}}` n’a pas d’étiquette, donc `latest`\u00a0: la version changera sans prévenir. Fixez une version (`{{name}}:…`).',
  },
  docs: {
    title: 'Fixez la version des images',
    what: 'Signale une image sans étiquette (`postgres`) ou avec l’étiquette `latest`.',
    why: '`latest` n’est pas «\u00a0la dernière version stable\u00a0» mais une étiquette mobile\u00a0: deux machines, ou le même serveur à deux dates, n’obtiennent pas la même image. Une mise à jour majeure de PostgreSQL peut ainsi rendre le volume de données illisible.',
    howToFix: 'Indiquez une version majeure au moins (`postgres:17-alpine`, `node:22-alpine`), voire un digest (`@sha256:…`) pour une reproductibilité totale.',
    chapter: '11-bonnes-pratiques',
  },
  examples: {
    valid: [{ files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n  api:\n    build: ./api\n    image: atelier/api\n' } }],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres\n  cache:\n    image: redis:latest\n' },
        errors: [
          { messageId: 'untagged', line: 3, column: 12 },
          { messageId: 'latest', line: 5, column: 12 },
        ],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      const image = service.image;
      // With `build:`, `image:` names the image built here: no registry tag to pin.
      if (!image || image.value.trim() === '' || service.build) continue;
      const reference = parseImage(image.value);
      if (reference.digest) continue;
      const messageId = reference.tag === undefined ? 'untagged' : reference.tag === 'latest' ? 'latest' : undefined;
      if (messageId) report({ messageId, data: { image: image.value, name: reference.repository }, file: image.file, range: image.range });
    }
  },
};
