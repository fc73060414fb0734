import type { ComposeRule } from '../catalogue.ts';

export const productionRestartPolicy: ComposeRule = {
  id: 'production-restart-policy',
  kind: 'compose',
  severity: 'warning',
  messages: {
    missing: 'En production, le service `{{service}}` n’a pas de politique de redémarrage\u00a0: après un plantage ou un redémarrage du serveur, il restera arrêté. Ajoutez `restart: unless-stopped`.',
  },
  docs: {
    title: 'En production, chaque service doit redémarrer tout seul',
    what: 'Dans un fichier de production (nom contenant `prod`, ou option production), signale un service sans `restart:` ni `deploy.restart_policy`.',
    why: 'Par défaut (`restart: "no"`), un conteneur qui plante ou un serveur qui redémarre laisse le site hors ligne jusqu’à une intervention manuelle.',
    howToFix: 'Ajoutez `restart: unless-stopped` (ou `always`). Pour une tâche ponctuelle (migration), écrivez explicitement `restart: "no"`.',
    chapter: '08-production',
  },
  examples: {
    valid: [{ files: { 'compose.prod.yaml': 'services:\n  api:\n    image: node:22-alpine\n    restart: unless-stopped\n' } }],
    invalid: [
      {
        files: { 'compose.prod.yaml': 'services:\n  api:\n    image: node:22-alpine\n' },
        errors: [{ messageId: 'missing', line: 2, column: 3 }],
      },
      {
        name: 'option production',
        files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17-alpine\n' },
        options: { production: true },
        errors: [{ messageId: 'missing', line: 2, column: 3 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    if (!context.production) return;
    for (const service of context.model.services.values()) {
      if (service.restart || service.deploy?.restartPolicy) continue;
      report({ messageId: 'missing', data: { service: service.name }, file: service.file, range: service.range });
    }
  },
};
