import type { ComposeRule } from '../catalogue.ts';
import { deleteEntryLines, keyRange, stackServices } from '../../compose/stack-file.ts';

export const swarmBuildIgnored: ComposeRule = {
  id: 'swarm-build-ignored',
  kind: 'compose',
  severity: 'warning',
  messages: {
    ignored: '`docker stack deploy` ignore `build` (service `{{service}}`) : les nœuds téléchargent l’image `{{image}}` depuis un registre, ils ne construisent rien.',
    'no-image':
      'Le service `{{service}}` n’a que `build` : `docker stack deploy` le refusera (« no image specified »). Construisez l’image, poussez-la dans un registre et indiquez-la dans `image`.',
  },
  docs: {
    title: 'Swarm ne construit pas les images',
    what: 'Pour une stack Swarm, signale `build` : ignoré quand le service a aussi une `image`, bloquant quand il n’en a pas.',
    why: 'Un cluster n’a pas de dossier de projet : chaque nœud qui reçoit une tâche télécharge l’image depuis un registre. `docker stack deploy` ignore donc `build` (`Ignoring unsupported options: build`) et refuse un service sans `image`. Construire l’image est le travail de la CI : `docker build`, puis `docker push` vers le registre que les nœuds peuvent joindre.',
    howToFix: 'Construisez et poussez l’image (`docker build -t registry.local/atelier-api:1.0 ./api && docker push registry.local/atelier-api:1.0`), écrivez cette référence dans `image`, et supprimez `build` de la stack (le correctif rapide le fait quand `image` est là).',
    chapter: '12-plusieurs-machines',
  },
  examples: {
    valid: [{ files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n' } }],
    invalid: [
      {
        name: 'image et build',
        files: { 'stack.yaml': 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n    build: ./api\n' },
        errors: [{ messageId: 'ignored', line: 4, column: 5 }],
        output: 'services:\n  api:\n    image: registry.local/atelier-api:1.0\n',
      },
      {
        name: 'build seul',
        files: { 'stack.yaml': 'services:\n  api:\n    build:\n      context: ./api\n' },
        errors: [{ messageId: 'no-image', line: 3, column: 5 }],
      },
    ],
  },
  check(context, report) {
    if (!context.swarm || context.syntaxErrors) return;
    for (const service of stackServices(context)) {
      const build = service.map.entries.get('build');
      if (!build) continue;
      // The merged model: an override file may give the image.
      const image = context.model.services.get(service.name)?.image?.value;
      const range = keyRange(service.document, build);
      if (!image) {
        // docker/cli v28.2.2 (e6534b4), cli/command/stack/loader/loader.go: "invalid image reference for service %s: no image specified".
        report({ messageId: 'no-image', severity: 'error', data: { service: service.name }, file: service.document.file.path, range });
        continue;
      }
      const deletion = deleteEntryLines(service.document, build);
      report({
        messageId: 'ignored',
        data: { service: service.name, image },
        file: service.document.file.path,
        range,
        ...(deletion ? { fix: { title: 'Supprimer `build`', edits: [deletion] } } : {}),
      });
    }
  },
};
