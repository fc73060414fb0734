import type { ComposeRule } from '../catalogue.ts';
import type { ComposeContext } from '../../compose/context.ts';
import type { ComposeService } from '../../compose/model.ts';
import { writtenItems } from '../../compose/service-keys.ts';
import type { Range } from '../../types.ts';
import { shorten } from '../../limits.ts';
import { frenchNumber } from '../../format-message.ts';

interface Edge { service: string; file: string; range: Range }

/**
 * What a service waits for: its `depends_on`, and what Compose adds to it
 * (compose-go's normalisation): the service of `network_mode: service:x`, of
 * `links` (`x` or `x:alias`) and of `volumes_from` (`x`, `x:ro`; not
 * `container:…`).
 */
function edges(context: ComposeContext, service: ComposeService): Edge[] {
  const out: Edge[] = service.dependsOn.map((d) => ({ service: d.service, file: d.file, range: d.range }));
  const mode = service.networkMode;
  if (mode?.value.startsWith('service:')) out.push({ service: mode.value.slice('service:'.length), file: mode.file, range: mode.range });
  for (const key of ['links', 'volumes_from'] as const) {
    for (const { file, item } of writtenItems(service, [key])) {
      if (item.kind !== 'scalar' || typeof item.value !== 'string' || item.value.startsWith('container:')) continue;
      out.push({ service: item.value.split(':')[0]!, file, range: context.rangeOf(file, ...item.range) });
    }
  }
  return out;
}

export const dependencyCycle: ComposeRule = {
  id: 'dependency-cycle',
  kind: 'compose',
  severity: 'error',
  messages: {
    cycle: 'Dépendance circulaire\u00a0: {{cycle}}. Compose ne peut pas choisir quel service démarrer en premier.',
  },
  docs: {
    title: 'Les dépendances ne doivent pas former de cycle',
    what: 'Signale des services qui dépendent les uns des autres en boucle (`api` → `worker` → `api`), en comptant les dépendances que Compose ajoute\u00a0: `network_mode: service:x`, `links` et `volumes_from`.',
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
      {
        name: 'une dépendance ajoutée par network_mode',
        files: {
          'compose.yaml': 'services:\n  app:\n    image: node:22-alpine\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17-alpine\n    network_mode: service:app\n',
        },
        errors: [{ messageId: 'cycle', line: 9, column: 19 }],
      },
      {
        name: 'des dépendances ajoutées par links et volumes_from',
        files: {
          'compose.yaml': 'services:\n  app:\n    image: node:22-alpine\n    links: ["db:base"]\n  db:\n    image: postgres:17-alpine\n    volumes_from: ["app:ro"]\n',
        },
        errors: [{ messageId: 'cycle', line: 7, column: 20 }],
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
    const cache = new Map<ComposeService, Edge[]>();
    const edgesOf = (service: ComposeService): Edge[] => cache.get(service) ?? (cache.set(service, edges(context, service)), cache.get(service)!);
    const reportCycle = (closing: Edge): void => {
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
        const service = services.get(frame.name);
        const dependencies = service ? edgesOf(service) : [];
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
