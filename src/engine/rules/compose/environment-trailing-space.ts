import type { ComposeRule } from '../catalogue.ts';
import { writtenItems } from '../../compose/service-keys.ts';

// compose-go reads list-form `environment` and `build.args` as
// MappingWithEquals (types/mapping.go): a name that ends with a space is an
// error, while spaces after `=` belong to the value.
const LISTS = [['environment'], ['build', 'args']] as const;

export const environmentTrailingSpace: ComposeRule = {
  id: 'environment-trailing-space',
  kind: 'compose',
  severity: 'error',
  messages: {
    trailingSpace: '`{{item}}`\u00a0: le nom de variable se termine par une espace avant `=`, ce que Compose refuse («\u00a0is declared with a trailing space\u00a0»).',
  },
  docs: {
    title: 'Pas d’espace avant le `=` d’une variable',
    what: 'Signale, dans la forme liste de `environment` (ou de `build.args`), une entrée `NOM = valeur` écrite avec une espace avant le signe égal.',
    why: 'Dans la forme liste, tout ce qui précède `=` est le nom de la variable, espaces compris. Compose refuse un nom qui se termine par une espace\u00a0; et l’espace après `=` ferait partie de la valeur.',
    howToFix: 'Écrivez `NOM=valeur`, sans espace autour du `=`, ou passez à la forme dictionnaire (`NOM: valeur`), où YAML retire lui-même les espaces.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [
      { name: 'forme liste collée', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    environment:\n      - NODE_ENV=production\n' } },
      { name: 'forme dictionnaire', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    environment:\n      NODE_ENV : production\n' } },
    ],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    environment:\n      - NODE_ENV = production\n' },
        errors: [{ messageId: 'trailingSpace', line: 5, column: 9 }],
      },
      {
        name: 'dans un service d’un profil inactif (Compose lit tout le fichier avant d’appliquer les profils)',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n  outils:\n    image: alpine:3.22\n    profiles: [outils]\n    environment:\n      - MODE = debug\n' },
        options: { profiles: [] },
        errors: [{ messageId: 'trailingSpace', line: 8, column: 9 }],
      },
      {
        name: 'argument de build',
        files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n      args:\n        - "NODE_VERSION =24"\n' },
        errors: [{ messageId: 'trailingSpace', line: 6, column: 11 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    // Decoding comes before the profiles apply (compose-go loader.go: Transform, then WithProfiles): an inactive service's entry is refused too.
    for (const service of [...context.model.services.values(), ...context.inactiveServices.values()]) {
      for (const path of LISTS) {
        for (const { file, item } of writtenItems(service, path)) {
          if (item.kind !== 'scalar' || item.value === null) continue;
          const text = String(item.value);
          const equals = text.indexOf('=');
          const name = equals === -1 ? text : text.slice(0, equals);
          if (name === '' || !/\s$/.test(name)) continue;
          report({ messageId: 'trailingSpace', data: { item: text.length > 60 ? `${text.slice(0, 59)}…` : text }, file, range: context.rangeOf(file, ...item.range) });
        }
      }
    }
  },
};
