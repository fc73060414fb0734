import type { ComposeRule } from '../catalogue.ts';
import { explainSchemaErrors } from '../../compose/schema/schema-errors.ts';
import { validate } from '../../compose/schema/validate-compose.generated.js';
import { toPlain } from '../../yaml/located.ts';

export const composeSchema: ComposeRule = {
  id: 'compose-schema',
  kind: 'compose',
  severity: 'error',
  messages: {
    'unknown-key': 'Clé inconnue `{{key}}` dans {{where}}.',
    'unknown-key-suggest': 'Clé inconnue `{{key}}` dans {{where}}\u00a0: vouliez-vous dire `{{suggestion}}`\u00a0?',
    'invalid-name': 'Nom invalide pour {{kind}} `{{name}}`\u00a0: utilisez seulement des lettres, des chiffres, `.`, `_` et `-`.',
    'wrong-type': '`{{key}}` doit être {{expected}} (dans {{where}}).',
    'wrong-item-type': 'Chaque élément de `{{key}}` doit être {{expected}} (dans {{where}}).',
    'list-item-map':
      'Élément de `{{key}}` mal écrit\u00a0: dans une liste, écrivez `- NOM=valeur`\u00a0; ou retirez les tirets pour la forme objet `NOM: valeur` (dans {{where}}).',
    'missing-key': 'Il manque la clé obligatoire `{{key}}` dans {{where}}.',
    'bad-enum': '`{{key}}` doit valoir l’une de ces valeurs\u00a0: {{values}}.',
    'duplicate-item': '`{{key}}` contient deux fois la même valeur.',
    'bad-format': 'Valeur «\u00a0{{value}}\u00a0» invalide pour `{{key}}` (dans {{where}}).',
    'out-of-range': 'Valeur hors limites pour `{{key}}` (limite\u00a0: {{limit}}).',
  },
  docs: {
    title: 'Le fichier doit respecter la spécification Compose',
    what: 'Vérifie le fichier avec le schéma JSON officiel de la Compose Specification\u00a0: clés inconnues ou mal orthographiées, mauvais types (texte au lieu de liste…), clés obligatoires manquantes, valeurs hors de la liste permise.',
    why: '`docker compose` valide chaque fichier avec ce même schéma et refuse de démarrer au moindre écart. Une faute de frappe comme `enviroment` n’est pas ignorée\u00a0: tout le projet est rejeté.',
    howToFix: 'Corrigez la clé ou la valeur signalée\u00a0; le message propose la clé connue la plus proche. La référence est https://docs.docker.com/reference/compose-file/.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  api:\n    build: ./api\n    environment:\n      NODE_ENV: production\n    ports:\n      - "3000:3000"\n    networks: [back]\nnetworks:\n  back: {}\n',
        },
      },
    ],
    invalid: [
      {
        name: 'faute de frappe',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    enviroment:\n      NODE_ENV: production\n' },
        errors: [{ messageId: 'unknown-key-suggest', line: 4, column: 5 }],
        output: 'services:\n  api:\n    image: node:22-alpine\n    environment:\n      NODE_ENV: production\n',
      },
      {
        name: 'mauvais type',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    ports: "80:80"\n' },
        errors: [{ messageId: 'wrong-type', line: 4, column: 12 }],
      },
      {
        name: 'liste et objet mélangés',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    environment:\n      - NODE_ENV: production\n' },
        errors: [{ messageId: 'list-item-map', line: 5, column: 9 }],
      },
      {
        name: 'clé obligatoire manquante',
        files: {
          'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      db:\n        restart: true\n  db:\n    image: postgres:17-alpine\n',
        },
        errors: [{ messageId: 'missing-key', line: 5, column: 7 }],
      },
      {
        name: 'valeur hors liste',
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      db:\n        condition: service_ready\n  db:\n    image: postgres:17-alpine\n',
        },
        errors: [{ messageId: 'bad-enum', line: 6, column: 20 }],
      },
      {
        name: 'nom de service invalide',
        files: { 'compose.yaml': 'services:\n  mon api:\n    image: node:22-alpine\n' },
        errors: [{ messageId: 'invalid-name', line: 2, column: 3 }],
      },
      {
        name: 'clé en français',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    memoire: 512m\n' },
        errors: [{ messageId: 'unknown-key', line: 4, column: 5 }],
      },
      {
        name: 'nombre dans une commande',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    command: [node, server.js, --port, 3000]\n' },
        errors: [{ messageId: 'wrong-item-type', line: 4, column: 40 }],
      },
      {
        name: 'dépendance écrite deux fois',
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    depends_on:\n      - db\n      - cache\n      - db\n  db:\n    image: postgres:17-alpine\n  cache:\n    image: redis:8-alpine\n',
        },
        errors: [{ messageId: 'duplicate-item', line: 5, column: 7 }],
      },
      {
        name: 'politique de téléchargement à la Kubernetes',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    pull_policy: IfNotPresent\n' },
        errors: [{ messageId: 'bad-format', line: 4, column: 18 }],
      },
      {
        name: 'pourcentage de processeur au-delà de 100',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    cpu_percent: 150\n' },
        errors: [{ messageId: 'out-of-range', line: 4, column: 18, data: { limit: '100' } }],
      },
    ],
  },
  check(context, report) {
    // A stack file is judged by the Docker CLI's own schema instead (swarm-schema).
    if (context.swarm) return;
    for (const document of context.documents) {
      if (document.issues.some((i) => i.severity === 'error') || document.root?.kind !== 'map') continue;
      if (validate(toPlain(document.root))) continue;
      for (const problem of explainSchemaErrors(validate.errors ?? [], document.root)) {
        const range = context.rangeOf(document.file.path, problem.range[0], problem.range[1]);
        const suggestion = problem.messageId === 'unknown-key-suggest' ? String(problem.data['suggestion']) : undefined;
        report({
          messageId: problem.messageId,
          data: problem.data,
          file: document.file.path,
          range,
          ...(suggestion ? { fix: { title: `Remplacer par \`${suggestion}\``, edits: [{ file: document.file.path, range, text: suggestion }] } } : {}),
        });
      }
    }
  },
};
