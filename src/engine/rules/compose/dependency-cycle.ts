import type { ComposeRule } from '../catalogue.ts';
import type { Dependency } from '../../compose/model.ts';

export const dependencyCycle: ComposeRule = {
  id: 'dependency-cycle',
  kind: 'compose',
  severity: 'error',
  messages: {
    cycle: 'Dépendance circulaire\u00a0: {{cycle}}. Compose ne peut pas choisir quel service démarrer en premier.',
  },
  docs: {
    title: 'Les dépendances ne doivent pas former de cycle',
    what: 'Signale des services qui dépendent les uns des autres en boucle (`api` → `worker` → `api`).',
    why: '`docker compose` refuse le projet («\u00a0dependency cycle detected\u00a0»)\u00a0: l’ordre de démarrage serait impossible.',
    howToFix: 'Retirez la dépendance qui ne sert pas au démarrage. En général la flèche va vers la base de données ou le cache, jamais dans l’autre sens.',
    chapter: '06-architecture-trois-couches',
  },
  examples: {
    valid: [
      {
        files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    depends_on: [api]\n  api:\n    image: node:22-alpine\n    depends_on: [db]\n  db:\n    image: postgres:17-alpine\n' },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    depends_on: [worker]\n  worker:\n    image: node:22-alpine\n    depends_on: [api]\n',
        },
        errors: [{ messageId: 'cycle', line: 7, column: 18 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    const services = context.model.services;
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    // Depth-first search; the edge that closes a cycle is where we point.
    const visit = (name: string): void => {
      state.set(name, 'visiting');
      stack.push(name);
      for (const dependency of services.get(name)?.dependsOn ?? []) {
        if (!services.has(dependency.service) || dependency.service === name) continue;
        const seen = state.get(dependency.service);
        if (seen === 'visiting') reportCycle(dependency);
        else if (seen === undefined) visit(dependency.service);
      }
      stack.pop();
      state.set(name, 'done');
    };
    const reportCycle = (closing: Dependency): void => {
      const from = stack.indexOf(closing.service);
      const cycle = [...stack.slice(from), closing.service].map((s) => `\`${s}\``).join(' → ');
      report({ messageId: 'cycle', data: { cycle }, file: closing.file, range: closing.range });
    };
    for (const name of services.keys()) if (!state.has(name)) visit(name);
  },
};
