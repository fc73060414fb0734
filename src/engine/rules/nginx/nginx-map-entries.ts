import type { NginxNode } from '../../nginx/ast.ts';
import type { NginxRule } from '../catalogue.ts';

/** What `ngx_http_map` accepts on each line of a `map` body. */
export const mapEntries: NginxRule = {
  id: 'nginx-map-entries',
  kind: 'nginx',
  severity: 'error',
  messages: {
    count: 'Chaque ligne d’un bloc «\u00a0map\u00a0» associe une valeur à un résultat\u00a0: deux éléments attendus, {{count}} trouvé(s).',
    'duplicate-default': 'La valeur «\u00a0default\u00a0» de ce «\u00a0map\u00a0» est déjà définie ligne {{line}}.',
  },
  docs: {
    title: 'Ligne invalide dans un bloc `map`',
    what: 'Une ligne d’un bloc `map` qui n’a pas exactement deux éléments (la valeur testée et le résultat), ou deux lignes `default`.',
    why: 'nginx refuse la configuration («\u00a0invalid number of the map parameters\u00a0», «\u00a0duplicate default map parameter\u00a0»). Un «\u00a0;\u00a0» oublié en fin de ligne colle deux entrées et produit cette erreur.',
    howToFix: 'Écrivez une entrée par ligne, `valeur résultat;`, et mettez entre guillemets une valeur vide ou contenant des espaces (`\'\' close;`).',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { files: { 'nginx/conf.d/default.conf': "map $http_upgrade $connection_upgrade {\n    default upgrade;\n    '' close;\n}\n" } },
      { name: 'hostnames et volatile s’écrivent seuls', files: { 'nginx/conf.d/default.conf': 'map $host $site {\n    hostnames;\n    volatile;\n    default principal;\n    *.example.com secondaire;\n}\n' } },
    ],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': "map $http_upgrade $connection_upgrade {\n    default upgrade\n    '' close;\n}\n" },
        errors: [{ messageId: 'count', line: 2, column: 5, data: { count: 4 } }],
      },
      {
        name: 'deux valeurs par défaut',
        files: { 'nginx/conf.d/default.conf': "map $http_upgrade $connection_upgrade {\n    default upgrade;\n    '' close;\n    default close;\n}\n" },
        errors: [{ messageId: 'duplicate-default', line: 4, column: 5, data: { line: 2 } }],
      },
      {
        name: 'trois éléments dans un map du bloc stream',
        files: { 'nginx/nginx.conf': 'events {}\nstream {\n    map $ssl_preread_server_name $cible {\n        default db:5432 cache:6379;\n    }\n}\n' },
        errors: [{ messageId: 'count', line: 4, column: 9, data: { count: 3 } }],
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('map')) {
      const block = info.node;
      if (block.kind !== 'block' || info.inGeneric || (info.context !== 'http' && info.context !== 'stream')) continue;
      let defaultEntry: NginxNode | undefined;
      for (const entry of block.children) {
        if (entry.kind !== 'directive' || !entry.terminated) continue;
        const words = 1 + entry.args.length;
        const single = entry.name === 'hostnames' || entry.name === 'volatile';
        if (single && words === 1) continue;
        if (words !== 2) {
          report({ messageId: 'count', data: { count: words }, file: context.file.path, range: entry.range });
          continue;
        }
        if (entry.name === 'default') {
          if (defaultEntry) report({ messageId: 'duplicate-default', data: { line: defaultEntry.nameRange.start.line }, file: context.file.path, range: entry.range });
          else defaultEntry = entry;
        }
      }
    }
  },
};
