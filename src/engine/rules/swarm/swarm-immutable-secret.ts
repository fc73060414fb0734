import type { ComposeRule } from '../catalogue.ts';
import { keyRange, topLevelEntries } from '../../compose/stack-file.ts';
import { asString } from '../../yaml/located.ts';

export const swarmImmutableSecret: ComposeRule = {
  id: 'swarm-immutable-secret',
  kind: 'compose',
  severity: 'info',
  messages: {
    immutable:
      '{{kind}} `{{name}}` est {{created}} depuis `{{file}}` au premier déploiement, puis ne peut plus changer : un nouveau contenu fera échouer `docker stack deploy`. Donnez-lui un `name` versionné (`{{name}}_v1`) à changer à chaque rotation, ou créez-le à part (`external: true`).',
  },
  docs: {
    title: 'Un secret Swarm ne se modifie pas : il se remplace',
    what: 'Pour une stack Swarm, signale un secret ou une config tiré d’un fichier (`file`) sans `name` explicite.',
    // moby/moby integration/config/config_test.go: updating a config's Data fails with "only updates to Labels are allowed" (secrets alike).
    why: 'Avec `file`, `docker stack deploy` crée le secret dans le cluster (chiffré dans le journal Raft des managers) sous le nom `<stack>_<clé>`. Au déploiement suivant, la CLI tente de le mettre à jour, mais Swarm n’autorise que la modification des labels d’un secret ou d’une config : si le fichier a changé, le déploiement échoue. Changer un mot de passe demande donc un nouveau secret, et les services qui l’utilisent sont redéployés avec lui.',
    howToFix: 'Ajoutez `name: db_password_v1` (avec une variable si vous voulez : `name: db_password_${DB_PASSWORD_VERSION:?}`) et changez ce nom à chaque rotation ; ou créez le secret avec `docker secret create` et déclarez-le `external: true`.',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [
      { name: 'nom versionné', files: { 'stack.yaml': 'services: {}\nsecrets:\n  db_password:\n    name: db_password_v1\n    file: ./secrets/db_password.txt\n' } },
      { name: 'secret externe', files: { 'stack.yaml': 'services: {}\nsecrets:\n  db_password:\n    external: true\n' } },
      { name: 'secret sans corps : laissé à swarm-schema', files: { 'stack.yaml': 'services: {}\nsecrets:\n  db_password:\n' } },
      { name: 'fichier Compose hors Swarm', files: { 'compose.yaml': 'services: {}\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n' } },
    ],
    invalid: [
      {
        files: { 'stack.yaml': 'services: {}\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n' },
        errors: [{ messageId: 'immutable', line: 3, column: 3, data: { kind: 'Le secret', created: 'créé', file: './secrets/db_password.txt' } }],
      },
      {
        name: 'config',
        files: { 'stack.yaml': 'services: {}\nconfigs:\n  proxy_conf:\n    file: ./nginx/proxy.conf\n' },
        errors: [{ messageId: 'immutable', line: 3, column: 3, data: { kind: 'La config', created: 'créée', name: 'proxy_conf' } }],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm) return;
    for (const [section, kind, created] of [
      ['secrets', 'Le secret', 'créé'],
      ['configs', 'La config', 'créée'],
    ] as const) {
      for (const resource of topLevelEntries(context, section)) {
        // A resource written without a body is swarm-schema's error (a secret must be a mapping).
        if (!resource.map) continue;
        const file = resource.map.entries.get('file');
        if (!file || resource.map.entries.has('name')) continue;
        report({
          messageId: 'immutable',
          data: { kind, created, name: resource.name, file: asString(file.value) ?? 'file' },
          file: resource.document.file.path,
          range: keyRange(resource.document, resource.entry),
        });
      }
    }
  },
};
