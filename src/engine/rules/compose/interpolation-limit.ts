import type { ComposeRule } from '../catalogue.ts';
import { MAX_INTERPOLATED_LENGTH, MAX_INTERPOLATION_DEPTH } from '../../limits.ts';

const deepDefault = `${'${A:-'.repeat(MAX_INTERPOLATION_DEPTH + 1)}x${'}'.repeat(MAX_INTERPOLATION_DEPTH + 1)}`;
/** Each line repeats the previous value twice: 32 characters, then 64… then past the bound on the last line. */
const doublingEnv = ['V0=' + 'x'.repeat(32), ...Array.from({ length: 12 }, (_, i) => `V${i + 1}=\${V${i}}\${V${i}}`)].join('\n') + '\n';

export const interpolationLimit: ComposeRule = {
  id: 'interpolation-limit',
  kind: 'compose',
  severity: 'warning',
  messages: {
    'too-deep': 'Valeurs par défaut imbriquées trop profondément (plus de {{max}} niveaux de `${…:-…}`)  : l’atelier ne développe pas `{{name}}` au-delà. Simplifiez cette valeur.',
    'too-large': 'Remplacer `{{name}}` ferait dépasser {{max}} caractères à cette valeur  : l’atelier ne la développe pas. Une variable ne devrait pas contenir un fichier entier.',
  },
  docs: {
    title: 'Des substitutions de variables de taille raisonnable',
    what: 'Signale une substitution de variables que l’atelier refuse de développer entièrement  : des valeurs par défaut imbriquées sur plus de 16 niveaux (`${A:-${B:-…}}`), ou une valeur qui dépasserait 65 536 caractères une fois les variables remplacées (par exemple des lignes de `.env` qui répètent chacune deux fois la précédente).',
    why: 'Le vérificateur doit répondre vite à chaque frappe, quel que soit le texte. Au-delà de ces limites, une valeur grandit sans fin (elle double à chaque ligne) et Compose lui-même s’épuise à la calculer  : ce n’est jamais ce que l’on voulait écrire.',
    howToFix: 'Gardez une ou deux valeurs par défaut (`${PORT:-8080}`), et mettez les contenus longs dans un fichier monté dans le conteneur (`volumes:` ou `configs:`) plutôt que dans une variable.',
    chapter: '10-commandes',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml': 'services:\n  api:\n    image: node:${NODE_TAG:-${DEFAULT_TAG:-22-alpine}}\n',
          '.env': 'BASE=https://example.org\nAPI_URL=${BASE}/api\n',
        },
      },
    ],
    invalid: [
      {
        name: 'valeurs par défaut imbriquées sur 17 niveaux',
        files: { 'compose.yaml': `services:\n  api:\n    image: "${deepDefault}"\n` },
        errors: [{ messageId: 'too-deep', line: 3, column: 13 + 5 * MAX_INTERPOLATION_DEPTH }],
      },
      {
        name: 'lignes de `.env` qui doublent la précédente',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n', '.env': doublingEnv },
        errors: [{ messageId: 'too-large', line: 13, column: 11, file: '.env' }],
      },
    ],
  },
  check(context, report) {
    const data = (kind: 'too-deep' | 'too-large', name: string): Record<string, string | number> => ({
      name,
      max: kind === 'too-deep' ? MAX_INTERPOLATION_DEPTH : MAX_INTERPOLATED_LENGTH,
    });
    for (const finding of context.interpolationFindings) {
      if (finding.kind === 'too-deep' || finding.kind === 'too-large') report({ messageId: finding.kind, data: data(finding.kind, finding.name), file: finding.file, range: finding.range });
    }
    const env = context.env;
    for (const issue of context.envFile?.interpolationIssues ?? []) {
      if (env && (issue.kind === 'too-deep' || issue.kind === 'too-large')) {
        report({ messageId: issue.kind, data: data(issue.kind, issue.name), file: env.path, range: context.rangeOf(env.path, issue.start, issue.end) });
      }
    }
  },
};
