import type { ComposeRule } from '../catalogue.ts';
import type { Dependency } from '../../compose/model.ts';
import { shorten } from '../../limits.ts';
import { frenchNumber } from '../../format-message.ts';

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
    // Position of each service on the current path, so a cycle is found in constant time.
    const onPath = new Map<string, number>();
    const path: string[] = [];
    const reportCycle = (closing: Dependency): void => {
      report({ messageId: 'cycle', data: { cycle: describeCycle(path, onPath.get(closing.service)!) }, file: closing.file, range: closing.range });
    };
    // Depth-first search, with an explicit stack: a chain of 6,000 services overflowed the call stack (issue #14).
    // The edge that closes a cycle is where we point.
    for (const root of services.keys()) {
      if (state.has(root)) continue;
      const frames: { name: string; next: number }[] = [{ name: root, next: 0 }];
      state.set(root, 'visiting');
      onPath.set(root, 0);
      path.push(root);
      while (frames.length > 0) {
        const frame = frames[frames.length - 1]!;
        const dependencies = services.get(frame.name)?.dependsOn ?? [];
        if (frame.next < dependencies.length) {
          const dependency = dependencies[frame.next++]!;
          if (!services.has(dependency.service) || dependency.service === frame.name) continue;
          const seen = state.get(dependency.service);
          if (seen === 'visiting') reportCycle(dependency);
          else if (seen === undefined) {
            state.set(dependency.service, 'visiting');
            onPath.set(dependency.service, path.length);
            path.push(dependency.service);
            frames.push({ name: dependency.service, next: 0 });
          }
          continue;
        }
        frames.pop();
        path.pop();
        onPath.delete(frame.name);
        state.set(frame.name, 'done');
      }
    }
  },
};

/**
 * `a` → `b` → `a`, the cycle being `path` from `from` on; a long cycle shows
 * its first and last services around an ellipsis. Constant time: a dense
 * graph closes a cycle on almost every edge.
 */
function describeCycle(path: readonly string[], from: number): string {
  const shown = (names: readonly string[]): string => names.map((s) => `\`${shorten(s, 20)}\``).join(' → ');
  const length = path.length - from;
  if (length <= 6) return shown([...path.slice(from), path[from]!]);
  return `${shown(path.slice(from, from + 3))} → … (${frenchNumber(length - 5)} autres) → ${shown([...path.slice(-2), path[from]!])}`;
}
