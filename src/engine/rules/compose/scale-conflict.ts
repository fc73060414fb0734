import type { ComposeRule } from '../catalogue.ts';
import { numberOf, writtenEntry } from '../../compose/service-keys.ts';
import type { ComposeContext } from '../../compose/context.ts';
import type { ComposeService } from '../../compose/model.ts';
import type { Range } from '../../types.ts';

// compose-go's checkConsistency (loader/validate.go): `scale` and
// `deploy.replicas` must agree and be >= 0, limits written twice must agree,
// and a fixed container name cannot be given to several replicas.
const LIMITS = [
  { key: 'cpus', deploy: ['deploy', 'resources', 'limits', 'cpus'] },
  { key: 'pids_limit', deploy: ['deploy', 'resources', 'limits', 'pids'] },
] as const;

function at(context: ComposeContext, service: ComposeService, path: readonly string[]): { file: string; range: Range; value: number | undefined } | undefined {
  const written = writtenEntry(service, path);
  if (!written) return undefined;
  return { file: written.file, range: context.rangeOf(written.file, ...written.entry.value.range), value: numberOf(written.entry.value) };
}

export const scaleConflict: ComposeRule = {
  id: 'scale-conflict',
  kind: 'compose',
  severity: 'error',
  messages: {
    scaleReplicas: '`scale: {{scale}}` et `deploy.replicas: {{replicas}}` se contredisent\u00a0: Compose refuse le projet.',
    negative: '`{{key}}` doit être positif ou nul (ici {{value}}).',
    limit: '`{{key}}: {{value}}` et `deploy.resources.limits` ({{other}}) se contredisent\u00a0: Compose refuse le projet.',
    containerName: '`container_name` donne un nom fixe, or le service `{{service}}` demande {{count}} répliques\u00a0: les noms de conteneurs doivent être uniques, Compose refuse le projet.',
  },
  docs: {
    title: 'Répliques et limites écrites deux fois',
    what: 'Signale un nombre de répliques écrit deux fois avec deux valeurs (`scale` et `deploy.replicas`), un nombre négatif, une limite (`cpus`, `pids_limit`) qui contredit `deploy.resources.limits`, et un `container_name` sur un service à plusieurs répliques.',
    why: 'Compose accepte les deux écritures, mais refuse qu’elles disent deux choses différentes («\u00a0can’t set distinct values\u00a0»)\u00a0; et chaque conteneur doit avoir un nom unique, ce qu’un `container_name` fixe empêche dès la deuxième réplique.',
    howToFix: 'Écrivez le nombre de répliques une seule fois (`deploy.replicas`, compris aussi par Swarm) et les limites une seule fois (`deploy.resources.limits`)\u00a0; retirez `container_name` d’un service qui doit passer à l’échelle.',
    chapter: '11-bonnes-pratiques',
  },
  examples: {
    valid: [
      { name: 'des répliques écrites une fois', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    deploy:\n      replicas: 3\n      resources:\n        limits:\n          cpus: "0.5"\n' } },
      { name: 'une stack pour docker stack deploy (le chargeur de Docker ne le refuse pas)', files: { 'stack.yaml': 'services:\n  api:\n    image: node:24-alpine\n    container_name: api\n    deploy:\n      replicas: 2\n' }, options: { swarm: true } },
      { name: '`cpus: 0`, qui ne fixe rien (Compose 2.40.3 l’accepte à côté d’une limite)', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    cpus: 0\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n' } },
      { name: 'les mêmes valeurs écrites deux fois', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    scale: 2\n    cpus: 0.5\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          cpus: "0.5"\n' } },
    ],
    invalid: [
      {
        name: 'scale et replicas différents',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    scale: 2\n    deploy:\n      replicas: 3\n' },
        errors: [{ messageId: 'scaleReplicas', line: 4, column: 12 }],
      },
      {
        name: 'nombre négatif',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    scale: -1\n' },
        errors: [{ messageId: 'negative', line: 4, column: 12 }],
      },
      {
        name: 'cpus contredit',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    cpus: 1\n    deploy:\n      resources:\n        limits:\n          cpus: "2"\n' },
        errors: [{ messageId: 'limit', line: 4, column: 11 }],
      },
      {
        name: 'container_name avec des répliques',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    container_name: api\n    deploy:\n      replicas: 2\n' },
        errors: [{ messageId: 'containerName', line: 4, column: 21 }],
      },
    ],
  },
  check(context, report) {
    // compose-go's loader checks this; `docker stack deploy` loads with the Docker CLI's, which does not.
    if (context.syntaxErrors || context.swarm) return;
    for (const service of context.model.services.values()) {
      const scale = at(context, service, ['scale']);
      const replicas = at(context, service, ['deploy', 'replicas']);
      for (const [key, found] of [['scale', scale], ['deploy.replicas', replicas]] as const) {
        if (found?.value !== undefined && found.value < 0) report({ messageId: 'negative', data: { key, value: found.value }, file: found.file, range: found.range });
      }
      if (scale?.value !== undefined && replicas?.value !== undefined && scale.value !== replicas.value) {
        report({ messageId: 'scaleReplicas', data: { scale: scale.value, replicas: replicas.value }, file: scale.file, range: scale.range });
      }
      for (const { key, deploy } of LIMITS) {
        const own = at(context, service, [key]);
        const other = at(context, service, deploy);
        if (own?.value !== undefined && other?.value !== undefined && own.value !== 0 && own.value !== other.value) {
          report({ messageId: 'limit', data: { key, value: own.value, other: other.value }, file: own.file, range: own.range });
        }
      }
      const count = scale?.value ?? replicas?.value ?? 1;
      if (service.containerName && count > 1) {
        report({ messageId: 'containerName', data: { service: service.name, count }, file: service.containerName.file, range: service.containerName.range });
      }
    }
  },
};
