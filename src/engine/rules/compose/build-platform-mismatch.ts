import type { ComposeRule } from '../catalogue.ts';
import { writtenEntry, writtenItems } from '../../compose/service-keys.ts';

// compose-go's consistency check (loader/validate.go checkConsistency, v2.9.1,
// which Compose 2.40.3 ships): when a service lists `build.platforms` and names
// a `platform`, the platform must be one of them, or `docker compose config`
// fails with «service.build.platforms MUST include service.platform».
export const buildPlatformMismatch: ComposeRule = {
  id: 'build-platform-mismatch',
  kind: 'compose',
  severity: 'error',
  messages: {
    notBuilt:
      'Le service `{{service}}` tourne sur `{{platform}}`, mais son build ne produit que {{platforms}}\u00a0: Compose refuse le projet («\u00a0service.build.platforms MUST include service.platform\u00a0»).',
  },
  docs: {
    title: 'La plateforme du service doit être parmi celles du build',
    what: 'Signale un service dont `platform` n’est pas dans la liste `build.platforms`.',
    why: '`build.platforms` dit pour quelles plateformes l’image est construite, `platform` sur laquelle le conteneur tourne\u00a0: une image jamais construite pour cette plateforme ne peut pas démarrer, et `docker compose config` refuse le projet dès le chargement.',
    howToFix: 'Ajoutez la plateforme du service à `build.platforms` (par exemple `linux/arm64`), ou corrigez `platform` pour nommer l’une des plateformes construites. Sans `build.platforms`, le build vise la plateforme du service.',
  },
  examples: {
    valid: [
      {
        name: 'la plateforme du service est construite',
        files: { 'compose.yaml': 'services:\n  api:\n    image: atelier/api:1.0\n    platform: linux/arm64\n    build:\n      context: ./api\n      platforms:\n        - linux/amd64\n        - linux/arm64\n' },
      },
      { name: 'sans build.platforms', files: { 'compose.yaml': 'services:\n  api:\n    platform: linux/arm64\n    build: ./api\n' } },
      {
        name: 'une plateforme vide ne fixe rien (Compose 2.40.3 l’accepte)',
        files: { 'compose.yaml': 'services:\n  api:\n    image: atelier/api:1.0\n    platform: ""\n    build:\n      context: ./api\n      platforms:\n        - linux/amd64\n' },
      },
    ],
    invalid: [
      {
        name: 'une plateforme que le build ne produit pas',
        files: { 'compose.yaml': 'services:\n  api:\n    image: atelier/api:1.0\n    platform: linux/riscv64\n    build:\n      context: ./api\n      platforms:\n        - linux/amd64\n        - linux/arm64\n' },
        errors: [{ messageId: 'notBuilt', line: 4, column: 15, data: { platform: 'linux/riscv64', platforms: '`linux/amd64`, `linux/arm64`' } }],
      },
    ],
  },
  check(context, report) {
    // compose-go's loader checks this; `docker stack deploy` does not build.
    if (context.syntaxErrors || context.swarm) return;
    for (const service of context.model.services.values()) {
      const platform = writtenEntry(service, ['platform']);
      const value = platform?.entry.value;
      if (!platform || value?.kind !== 'scalar' || typeof value.value !== 'string' || value.value === '') continue;
      const platforms = writtenItems(service, ['build', 'platforms']).flatMap(({ item }) => (item.kind === 'scalar' && item.value !== null ? [String(item.value)] : []));
      if (platforms.length === 0 || platforms.includes(value.value)) continue;
      report({
        messageId: 'notBuilt',
        data: { service: service.name, platform: value.value, platforms: platforms.map((p) => `\`${p}\``).join(', ') },
        file: platform.file,
        range: context.rangeOf(platform.file, ...value.range),
      });
    }
  },
};
