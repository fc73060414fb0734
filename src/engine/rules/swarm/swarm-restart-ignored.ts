import type { ComposeRule } from '../catalogue.ts';
import { asMap, asString } from '../../yaml/located.ts';
import { indentOf, keyRange, stackServices } from '../../compose/stack-file.ts';

/**
 * How the Docker CLI turns `restart` into a Swarm restart policy when the
 * service has no `deploy.restart_policy` (docker/cli v28.2.2, e6534b4,
 * `convertRestartPolicy` in `cli/compose/convert/service.go`): `always` and
 * `unless-stopped` become `any`, `on-failure` stays, and `no` gives no policy
 * at all, which is Swarm's default: `any`. The same loader still prints
 * "Ignoring unsupported options: restart".
 */
const CONDITION: Record<string, string> = { always: 'any', 'unless-stopped': 'any', 'on-failure': 'on-failure', no: 'none' };

export const swarmRestartIgnored: ComposeRule = {
  id: 'swarm-restart-ignored',
  kind: 'compose',
  severity: 'warning',
  messages: {
    overridden: '`restart` est ignoré (service `{{service}}`) : `deploy.restart_policy` le remplace dans une stack.',
    'no-restarts-anyway':
      '`restart: "no"` n’empêche pas Swarm de relancer `{{service}}` : sans `deploy.restart_policy`, une tâche qui s’arrête est toujours relancée. Écrivez `deploy.restart_policy.condition: none` (ou `on-failure`).',
    refused:
      '`restart: {{value}}` n’est pas une politique de redémarrage que la CLI sait traduire pour Swarm\u00a0: `docker stack deploy` s’arrête (`{{cli}}`). Écrivez `deploy.restart_policy` (`condition`\u00a0: `any`, `on-failure` ou `none`).',
    translated: '`docker stack deploy` annonce qu’il ignore `restart` (service `{{service}}`) ; il le traduit pourtant en `deploy.restart_policy.condition: {{condition}}`. Écrivez cette politique explicitement.',
  },
  docs: {
    title: 'Dans une stack, `restart` cède la place à `deploy.restart_policy`',
    what: 'Pour une stack Swarm, signale la clé `restart` des services.',
    why: 'Swarm relance les tâches selon `deploy.restart_policy` (`condition` : `any`, `on-failure` ou `none`, avec `delay`, `max_attempts` et `window`). `docker stack deploy` affiche `Ignoring unsupported options: restart`, mais, faute de `restart_policy`, la CLI traduit quand même `always` et `unless-stopped` en `any`. Le piège est `restart: "no"` : il ne produit aucune politique, et la politique par défaut de Swarm est de relancer toujours. Une tâche ponctuelle (migration) tourne alors en boucle.',
    howToFix: 'Remplacez `restart` par `deploy.restart_policy` (le correctif rapide le fait quand le service n’a pas encore de `deploy`) : `condition: any` pour un service permanent, `condition: none` ou `on-failure` pour une tâche ponctuelle.',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [
      { files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      restart_policy:\n        condition: any\n' } },
      { name: 'fichier Compose hors Swarm', files: { 'compose.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    restart: always\n' } },
    ],
    invalid: [
      {
        name: 'traduit en silence',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    restart: unless-stopped\n' },
        errors: [{ messageId: 'translated', line: 4, column: 5 }],
        output: 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      restart_policy:\n        condition: any\n',
      },
      {
        name: 'migration relancée en boucle',
        files: { 'stack.yaml': 'services:\n  migrate:\n    image: registry.local/atelier-api:1.0\n    restart: "no"\n' },
        errors: [{ messageId: 'no-restarts-anyway', line: 4, column: 5 }],
        output: 'services:\n  migrate:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      restart_policy:\n        condition: none\n',
      },
      {
        name: 'nombre d’essais',
        // docker/cli v28.2.2 (e6534b4), `convertRestartPolicy`: `on-failure:3` gives condition on-failure (and max_attempts 3).
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    restart: on-failure:3\n' },
        errors: [{ messageId: 'translated', line: 4, column: 5, data: { service: 'api', condition: 'on-failure' } }],
        output: 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      restart_policy:\n        condition: on-failure\n',
      },
      {
        name: 'commentaire en fin de ligne, fichier sans saut de ligne final',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    restart: always # toujours\n  worker:\n    image: registry.local/atelier-api:1.0\n    restart: always' },
        errors: [
          { messageId: 'translated', line: 4, column: 5 },
          { messageId: 'translated', line: 7, column: 5 },
        ],
        output:
          'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      restart_policy:\n        condition: any # toujours\n  worker:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      restart_policy:\n        condition: any',
      },
      {
        name: 'sans correctif : deploy déjà là, ou service sur une ligne',
        files: {
          'stack.yaml':
            'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    restart: always\n    deploy:\n      replicas: 2\n  worker: { image: "registry.local/atelier-api:1.0", restart: always }\n',
        },
        errors: [
          { messageId: 'translated', line: 4, column: 5, data: { condition: 'any' } },
          { messageId: 'translated', line: 7, column: 54 },
        ],
      },
      {
        name: 'une politique inconnue',
        // docker/cli v28.2.2 (e6534b4), `convertRestartPolicy`: any other name is « unknown restart policy », a
        // count that is not a number « invalid restart policy »; the deployment stops before creating anything.
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    restart: never\n  worker:\n    image: registry.local/atelier-api:1.0\n    restart: on-failure:three\n' },
        errors: [
          { messageId: 'refused', line: 4, column: 5, data: { value: 'never', cli: 'unknown restart policy: never' } },
          { messageId: 'refused', line: 7, column: 5, data: { value: 'on-failure:three', cli: 'invalid restart policy: on-failure:three' } },
        ],
      },
      {
        name: 'déjà une politique Swarm',
        files: {
          'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    restart: always\n    deploy:\n      restart_policy:\n        condition: on-failure\n',
        },
        errors: [{ messageId: 'overridden', line: 4, column: 5 }],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm) return;
    for (const service of stackServices(context)) {
      const restart = service.map.entries.get('restart');
      if (!restart) continue;
      const file = service.document.file.path;
      const range = keyRange(service.document, restart);
      const deploy = service.map.entries.get('deploy');
      if (asMap(deploy?.value)?.entries.has('restart_policy')) {
        report({ messageId: 'overridden', data: { service: service.name }, file, range });
        continue;
      }
      // Not trimmed: the CLI's `opts.ParseRestartPolicy` does not trim either.
      const value = asString(restart.value) ?? '';
      const [name = '', count] = value.split(/:(.*)/s);
      const cli = !Object.hasOwn(CONDITION, name) ? `unknown restart policy: ${value}` : count !== undefined && !/^\d+$/.test(count) ? `invalid restart policy: ${value}` : undefined;
      if (cli) {
        report({ messageId: 'refused', severity: 'error', data: { service: service.name, value, cli }, file, range });
        continue;
      }
      const condition = CONDITION[name];
      const fix =
        condition && !deploy && service.document.file.text.slice(restart.value.range[1]).match(/^[ \t]*(#.*)?(\r?\n|$)/)
          ? {
              title: `Remplacer par \`deploy.restart_policy.condition: ${condition}\``,
              edits: [
                {
                  file,
                  range: context.rangeOf(file, restart.keyRange[0], restart.value.range[1]),
                  text: `deploy:\n${indentOf(service.document, restart)}  restart_policy:\n${indentOf(service.document, restart)}    condition: ${condition}`,
                },
              ],
            }
          : undefined;
      report({
        messageId: value === 'no' ? 'no-restarts-anyway' : 'translated',
        data: { service: service.name, condition: condition ?? 'any' },
        file,
        range,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
