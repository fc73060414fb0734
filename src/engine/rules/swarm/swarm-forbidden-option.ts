import type { ComposeRule } from '../catalogue.ts';
import { keyRange, stackServices } from '../../compose/stack-file.ts';

/**
 * The service options the Docker CLI's stack loader refuses before it even
 * validates the file (`ForbiddenProperties` in docker/cli v28.2.2, e6534b4,
 * `cli/compose/types/types.go`, checked by `validateForbidden` in
 * `cli/compose/loader/loader.go`), with what to write instead.
 */
export const FORBIDDEN_OPTIONS: Readonly<Record<string, string>> = {
  extends: 'recopiez les clés du service parent, ou fusionnez les fichiers avec `docker compose config` avant le déploiement',
  volume_driver: 'déclarez le volume dans `volumes` à la racine, avec son `driver`',
  volumes_from: 'déclarez un volume nommé dans `volumes` à la racine et montez-le dans chaque service qui le partage',
  cpu_quota: 'utilisez `deploy.resources.limits.cpus`',
  cpu_shares: 'utilisez `deploy.resources.limits.cpus` et `deploy.resources.reservations.cpus`',
  cpuset: 'utilisez `deploy.resources`',
  mem_limit: 'utilisez `deploy.resources.limits.memory`',
  memswap_limit: 'utilisez `deploy.resources.limits.memory`',
};

export const swarmForbiddenOption: ComposeRule = {
  id: 'swarm-forbidden-option',
  kind: 'compose',
  severity: 'error',
  messages: {
    forbidden: '`docker stack deploy` refuse tout le fichier à cause de `{{key}}` (service `{{service}}`) : {{instead}}.',
  },
  docs: {
    title: 'Options refusées par `docker stack deploy`',
    what: 'Pour une stack Swarm, signale les options de service que la CLI Docker refuse avant même de lire le reste : `extends`, `volume_driver`, `volumes_from`, `cpu_quota`, `cpu_shares`, `cpuset`, `mem_limit`, `memswap_limit`.',
    why: 'Ces options décrivent un conteneur sur une machine donnée. Dans un cluster, les limites de ressources se déclarent dans `deploy.resources`, que l’ordonnanceur utilise aussi pour choisir un nœud ; et les volumes se partagent par leur nom, pas en empruntant ceux d’un autre conteneur. `docker stack config` et `docker stack deploy` s’arrêtent avec « Configuration contains forbidden properties ».',
    howToFix: 'Remplacez l’option par son équivalent, indiqué dans le message : `mem_limit: 256M` devient `deploy.resources.limits.memory: 256M`.',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [
      {
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n' },
      },
      { name: 'fichier Compose hors Swarm', files: { 'compose.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    mem_limit: 256M\n' } },
    ],
    invalid: [
      {
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    mem_limit: 256M\n' },
        errors: [{ messageId: 'forbidden', line: 4, column: 5 }],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm) return;
    for (const service of stackServices(context)) {
      for (const [key, entry] of service.map.entries) {
        const instead = FORBIDDEN_OPTIONS[key];
        if (instead === undefined) continue;
        report({ messageId: 'forbidden', data: { key, service: service.name, instead }, file: service.document.file.path, range: keyRange(service.document, entry) });
      }
    }
  },
};
