import type { ComposeRule } from '../catalogue.ts';

export const undefinedVolume: ComposeRule = {
  id: 'undefined-volume',
  kind: 'compose',
  severity: 'error',
  messages: {
    undefined:
      'Le service `{{service}}` monte le volume nommé `{{name}}`, qui n’est pas déclaré dans la section `volumes:` de premier niveau. Pour un dossier de l’hôte, commencez le chemin par `./`.',
  },
  docs: {
    title: 'Un volume nommé doit être déclaré',
    what: 'Signale un volume nommé (`db-data:/var/lib/postgresql/data`) absent de la section `volumes:` de premier niveau.',
    why: '`docker compose` refuse le projet\u00a0: «\u00a0service refers to undefined volume\u00a0». Un nom sans `./` ni `/` désigne un volume géré par Docker, pas un dossier\u00a0: `data:/app/data` n’est pas `./data:/app/data`.',
    howToFix: 'Déclarez le volume en bas du fichier (`volumes:` puis `  db-data: {}`), ou écrivez `./data` si vous vouliez un dossier du projet.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [
      {
        name: 'un volume déclaré dans un fichier inclus',
        files: { 'compose.yaml': 'include:\n  - stockage.yaml\nservices:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - donnees:/var/lib/postgresql/data\n', 'stockage.yaml': 'volumes:\n  donnees: {}\n' },
      },
      {
        files: {
          'compose.yaml':
            'services:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d:ro\nvolumes:\n  db-data: {}\n',
        },
      },
    ],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data\n' },
        errors: [{ messageId: 'undefined', line: 5, column: 9 }],
      },
      {
        name: 'syntaxe longue',
        files: {
          'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n    volumes:\n      - type: volume\n        source: pgdata\n        target: /var/lib/postgresql/data\n',
        },
        errors: [{ messageId: 'undefined', line: 6, column: 17 }],
      },
    ],
  },
  check(context, report) {
    // Names may come from `include:`d files, which the model does not hold.
    if (context.syntaxErrors || context.model.include.length > 0) return;
    const declared = context.model.volumes;
    for (const service of context.model.services.values()) {
      for (const volume of service.volumes) {
        if (volume.type !== 'volume' || !volume.source || declared.has(volume.source)) continue;
        report({ messageId: 'undefined', data: { service: service.name, name: volume.source }, file: volume.file, range: volume.sourceRange });
      }
    }
  },
};
