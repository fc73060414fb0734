import { directiveVerdicts } from '../../nginx/directive-check.ts';
import type { NginxRule } from '../catalogue.ts';

function expected(min: number, max: number): string {
  if (max === Infinity) return min <= 1 ? (min === 0 ? 'un nombre quelconque' : 'au moins 1') : `au moins ${min}`;
  if (min === max) return String(min);
  return `de ${min} à ${max}`;
}

/** `invalid number of arguments in "x" directive`, from the table verified against nginx 1.30. */
export const directiveArguments: NginxRule = {
  id: 'nginx-invalid-number-of-arguments',
  kind: 'nginx',
  severity: 'error',
  messages: {
    'invalid-count': 'Nombre d’arguments invalide pour «\u00a0{{name}}\u00a0»\u00a0: {{count}} donné(s), {{expected}} attendu(s).',
  },
  docs: {
    title: 'Nombre d’arguments invalide',
    what: 'Une directive reçoit trop ou trop peu de valeurs\u00a0: `root` sans chemin, `add_header` sans valeur, `listen` vide…',
    why: 'nginx vérifie le nombre d’arguments de chaque directive au chargement et refuse la configuration («\u00a0invalid number of arguments\u00a0»). Souvent, c’est le signe d’un «\u00a0;\u00a0» oublié ou d’une valeur contenant une espace sans guillemets.',
    howToFix: 'Donnez à la directive le nombre de valeurs prévu par sa syntaxe\u00a0; mettez entre guillemets une valeur qui contient des espaces (`add_header Content-Security-Policy "default-src \'self\'";`).',
    chapter: '04-client',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    add_header X-Content-Type-Options "nosniff" always;\n}\n' } }],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    add_header X-Content-Type-Options;\n}\n' },
        errors: [{ messageId: 'invalid-count', line: 3, column: 5, data: { name: 'add_header', count: 1, expected: 'de 2 à 3' } }],
      },
      {
        name: 'valeur avec espaces sans guillemets',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    root /usr/share/nginx/my site;\n}\n' },
        errors: [{ messageId: 'invalid-count', line: 3, column: 5, data: { count: 2, expected: '1' } }],
      },
      {
        name: 'arguments oubliés, y compris pour un bloc',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    index;\n    try_files $uri;\n    location {\n        return 204;\n    }\n}\n' },
        errors: [
          { messageId: 'invalid-count', line: 3, column: 5, data: { name: 'index', count: 0, expected: 'au moins 1' } },
          { messageId: 'invalid-count', line: 4, column: 5, data: { name: 'try_files', expected: 'au moins 2' } },
          { messageId: 'invalid-count', line: 5, column: 5, data: { name: 'location', expected: 'de 1 à 2' } },
        ],
      },
    ],
  },
  check(context, report) {
    for (const verdict of directiveVerdicts(context)) {
      if (verdict.kind !== 'argument-count') continue;
      const { node } = verdict.info;
      // nginx names the line of the `;` or `{`: the range runs from the name to it.
      const end = node.kind === 'block' ? node.openRange.end : node.range.end;
      report({
        messageId: 'invalid-count',
        data: { name: node.name, count: node.args.length, expected: expected(verdict.min, verdict.max) },
        file: context.file.path,
        range: { start: node.nameRange.start, end },
      });
    }
  },
};
