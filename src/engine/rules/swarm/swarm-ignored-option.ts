import type { ComposeRule } from '../catalogue.ts';
import { deleteEntryLines, keyRange, stackServices } from '../../compose/stack-file.ts';

/**
 * Service options `docker stack deploy` accepts but drops, with a warning
 * ("Ignoring unsupported options", "Ignoring deprecated options"):
 * `UnsupportedProperties` and `DeprecatedProperties` of docker/cli v28.2.2
 * (e6534b4, `cli/compose/types/types.go`, printed by
 * `cli/command/stack/loader/loader.go`). `build` and `restart` have their own
 * rules (swarm-build-ignored, swarm-restart-ignored): the first needs an
 * image, and the second is not quite ignored. The converter
 * (`cli/compose/convert/service.go`) never reads these fields.
 */
const IGNORED_OPTIONS: Readonly<Record<string, string>> = {
  container_name: 'Swarm nomme lui-même chaque tâche (`atelier_api.1.x8k…`), et les autres services joignent celui-ci par son nom de service',
  expose: 'sur un réseau overlay, les services se joignent sur tous leurs ports',
  links: 'les services d’un même réseau se joignent déjà par leur nom, grâce au DNS de Swarm',
  external_links: 'rattachez le service au réseau de l’autre application (`external: true`)',
  network_mode: 'une tâche Swarm se rattache à des réseaux (`networks`) ; pour le réseau de l’hôte, utilisez le réseau externe `host`',
  privileged: 'un service Swarm ne peut pas être privilégié',
  security_opt: 'Swarm ne transmet pas ces options aux conteneurs',
  devices: 'Swarm ne monte pas de périphériques de l’hôte',
  cgroup_parent: 'Swarm ne transmet pas cette option',
  cgroupns_mode: 'Swarm ne transmet pas cette option',
  domainname: 'Swarm ne transmet pas cette option',
  ipc: 'Swarm ne transmet pas cette option',
  mac_address: 'Swarm attribue les adresses lui-même',
  pid: 'Swarm ne transmet pas cette option',
  shm_size: 'montez plutôt un `tmpfs` sur `/dev/shm`',
  userns_mode: 'Swarm ne transmet pas cette option',
};

export const swarmIgnoredOption: ComposeRule = {
  id: 'swarm-ignored-option',
  kind: 'compose',
  severity: 'warning',
  messages: {
    ignored: '`docker stack deploy` ignore `{{key}}` (service `{{service}}`) : {{reason}}.',
  },
  docs: {
    title: 'Options ignorées par `docker stack deploy`',
    what: 'Pour une stack Swarm, signale les options de service que `docker stack deploy` accepte mais jette sans rien faire : `container_name`, `expose`, `links`, `network_mode`, `privileged`, `security_opt`, `devices`, etc.',
    why: 'La commande se contente d’un avertissement (`Ignoring unsupported options`) que personne ne lit dans une CI. Le fichier semble dire une chose (un nom de conteneur fixe, une option de sécurité) que le cluster ne fait pas : c’est trompeur, et parfois dangereux quand il s’agit de sécurité.',
    howToFix: 'Supprimez l’option (le correctif rapide le fait) ou remplacez-la par l’équivalent Swarm que donne le message.',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [{ files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    networks: [backend]\nnetworks:\n  backend:\n    driver: overlay\n' } }],
    invalid: [
      {
        name: 'nom de conteneur et liens',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    container_name: api\n    links:\n      - db\n  db:\n    image: postgres:17-alpine\n' },
        errors: [
          { messageId: 'ignored', line: 4, column: 5 },
          { messageId: 'ignored', line: 5, column: 5 },
        ],
        output: 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    links:\n      - db\n  db:\n    image: postgres:17-alpine\n',
      },
    ],
  },
  check(context, report) {
    if (!context.swarm) return;
    for (const service of stackServices(context)) {
      for (const [key, entry] of service.map.entries) {
        const reason = IGNORED_OPTIONS[key];
        if (reason === undefined) continue;
        const deletion = deleteEntryLines(service.document, entry);
        report({
          messageId: 'ignored',
          data: { key, service: service.name, reason },
          file: service.document.file.path,
          range: keyRange(service.document, entry),
          ...(deletion ? { fix: { title: `Supprimer \`${key}\``, edits: [deletion] } } : {}),
        });
      }
    }
  },
};
