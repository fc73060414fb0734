import type { ComposeRule } from '../catalogue.ts';

export const undefinedNetwork: ComposeRule = {
  id: 'undefined-network',
  kind: 'compose',
  severity: 'error',
  messages: {
    undefined: 'Le service `{{service}}` utilise le réseau `{{name}}`, qui n’est pas déclaré dans la section `networks:` de premier niveau.',
  },
  docs: {
    title: 'Un réseau utilisé doit être déclaré',
    what: 'Signale un service qui rejoint un réseau absent de la section `networks:` de premier niveau (le réseau `default` excepté).',
    why: '`docker compose` refuse le projet\u00a0: «\u00a0service refers to undefined network\u00a0». Les réseaux d’un service ne sont jamais créés implicitement, seul `default` l’est.',
    howToFix: 'Déclarez le réseau en bas du fichier (`networks:` puis `  back: {}`), ou corrigez son nom dans le service.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [
      { files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    networks: [back]\nnetworks:\n  back: {}\n' } },
      { files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    networks: [default]\n' } },
    ],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    networks:\n      - back\n      - front\nnetworks:\n  back: {}\n' },
        errors: [{ messageId: 'undefined', line: 6, column: 9 }],
      },
    ],
  },
  check(context, report) {
    // Names may come from `include:`d files, which the model does not hold.
    if (context.syntaxErrors || context.model.include.length > 0) return;
    const declared = context.model.networks;
    for (const service of context.model.services.values()) {
      for (const network of service.networks) {
        if (network.name === 'default' || declared.has(network.name)) continue;
        report({ messageId: 'undefined', data: { service: service.name, name: network.name }, file: network.file, range: network.range });
      }
    }
  },
};
