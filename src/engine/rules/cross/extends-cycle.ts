import type { CrossRule } from '../catalogue.ts';
import { extendsWalk } from '../../cross/project-references.ts';

// compose-go follows `extends` from service to service, across files
// (loader/extends.go); meeting a service again stops the load with
// «Circular reference:» and the chain. Probed on Compose 2.40.3: a service
// extending itself, two services of one file, and two files.
export const extendsCycle: CrossRule = {
  id: 'extends-cycle',
  kind: 'cross',
  severity: 'error',
  messages: {
    cycle: 'Le service `{{service}}` finit par s’étendre lui-même ({{chain}})\u00a0: Compose refuse le projet («\u00a0Circular reference\u00a0»).',
  },
  docs: {
    title: 'Une chaîne d’`extends` ne peut pas revenir à son point de départ',
    what: 'Signale un service qui, d’`extends` en `extends`, dans le même fichier ou à travers `extends.file`, revient à lui-même.',
    why: 'Compose recopie la définition du service étendu, qui recopie la sienne, et ainsi de suite\u00a0: une boucle n’a pas de fin, et `docker compose config` refuse le projet en affichant la chaîne («\u00a0Circular reference\u00a0»).',
    howToFix: 'Choisissez le service de base (celui qui porte `image` ou `build`) et retirez son `extends`\u00a0: les autres services l’étendent, lui n’étend rien.',
  },
  examples: {
    valid: [
      { name: 'une chaîne qui s’arrête', files: { 'compose.yaml': 'services:\n  base:\n    image: node:24-alpine\n  api:\n    extends: base\n  worker:\n    extends: api\n    command: ["node", "worker.js"]\n' } },
    ],
    invalid: [
      {
        name: 'un service qui s’étend lui-même',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    extends: api\n' },
        errors: [{ messageId: 'cycle', line: 4, column: 14, data: { service: 'api', chain: 'api → api' } }],
      },
      {
        name: 'deux services qui s’étendent l’un l’autre',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    extends: worker\n  worker:\n    extends: api\n' },
        errors: [{ messageId: 'cycle', line: 4, column: 14, data: { chain: 'api → worker → api' } }],
      },
      {
        name: 'à travers un autre fichier',
        files: {
          'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    extends:\n      file: commun.yaml\n      service: node\n',
          'commun.yaml': 'services:\n  node:\n    extends:\n      file: compose.yaml\n      service: api\n',
        },
        errors: [{ messageId: 'cycle', line: 6, column: 16, data: { chain: 'api → node (commun.yaml) → api' } }],
      },
    ],
  },
  check(context, report) {
    const found = extendsWalk(context);
    if (!found) return;
    const { walk, rangeOf } = found;
    for (const cycle of walk.extendsCycles) {
      report({ messageId: 'cycle', data: { service: cycle.service, chain: cycle.chain.join(' → ') }, file: cycle.file, range: rangeOf(cycle.file, cycle.range) });
    }
  },
};
