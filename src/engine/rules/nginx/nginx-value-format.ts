import type { NginxRule } from '../catalogue.ts';
import { valueSlot, type ValueSlot } from '../../nginx/value-slots.ts';
import { acceptsValue } from '../../nginx/value-format.ts';

const EXPECTED: Record<ValueSlot, string> = {
  size: 'une taille (`512`, `16k`, `8m`)',
  off: 'une taille (`512`, `16k`, `8m`, `1g`)',
  msec: 'une durée (`500ms`, `30s`, `5m`, `1h`)',
  sec: 'une durée en secondes ou plus (`30s`, `5m`, `1h`, `7d`)',
  num: 'un nombre entier (`1024`)',
  bufs: 'un nombre puis une taille (`8 16k`)',
};

export const valueFormat: NginxRule = {
  id: 'nginx-value-format',
  kind: 'nginx',
  severity: 'error',
  messages: {
    invalid: '«\u00a0{{value}}\u00a0» n’est pas {{expected}} pour `{{name}}`\u00a0: nginx refuse la configuration («\u00a0invalid value\u00a0»).',
  },
  docs: {
    title: 'Une taille, une durée ou un nombre mal écrit',
    what: 'Signale la valeur d’une directive qui attend une taille, une durée ou un nombre entier quand nginx ne sait pas la lire\u00a0: `client_max_body_size 10mb;`, `proxy_read_timeout 60sec;`, `worker_connections 1 024;`.',
    why: 'nginx lit ces valeurs avec des règles strictes\u00a0: les tailles n’ont qu’une lettre (`k`, `m`, parfois `g`), les durées s’écrivent `500ms`, `30s`, `5m`, `1h`, `7d`, dans cet ordre si on les combine (`1h30m`). Une autre écriture fait échouer `nginx -t`.',
    howToFix: 'Écrivez `10m` pour dix mégaoctets (et non `10mb`), `60s` ou `1m` pour une minute (et non `60sec`), un entier sans espace pour un nombre.',
    chapter: '04-client',
  },
  examples: {
    valid: [
      { name: 'tailles et durées bien écrites', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    client_max_body_size 10m;\n    proxy_read_timeout 1h30m;\n    proxy_connect_timeout 500ms;\n    proxy_buffers 8 16k;\n}\n' } },
      { name: 'une variable de gabarit remplacée au démarrage', files: { 'nginx/templates/default.conf.template': 'server {\n    listen 80;\n    client_max_body_size ${MAX_UPLOAD};\n}\n' } },      { name: 'le nombre de tampons donné par une variable de gabarit', files: { 'nginx/templates/default.conf.template': 'server {\n    listen 80;\n    proxy_buffers ${NB_TAMPONS} 16k;\n}\n' } },
      { name: 'proxy_buffers sans sa taille relève du nombre d’arguments', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    proxy_buffers 8;\n}\n' } },
    ],
    invalid: [
      {
        name: 'taille en « mb »',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    client_max_body_size 10mb;\n}\n' },
        errors: [{ messageId: 'invalid', line: 3, column: 26 }],
      },
      {
        name: 'durée en « sec »',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_read_timeout 60sec;\n        proxy_pass http://api:3000;\n    }\n}\n' },
        errors: [{ messageId: 'invalid', line: 4, column: 28, data: { value: '60sec', expected: 'une durée (`500ms`, `30s`, `5m`, `1h`)', name: 'proxy_read_timeout' } }],
      },
      {
        name: 'taille des tampons en « kb »',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    proxy_buffers 8 16kb;\n}\n' },
        errors: [{ messageId: 'invalid', line: 3, column: 21, data: { value: '16kb', expected: 'un nombre puis une taille (`8 16k`)', name: 'proxy_buffers' } }],
      },
      {
        name: 'nombre de tampons en lettres',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    proxy_buffers huit 16k;\n}\n' },
        errors: [{ messageId: 'invalid', line: 3, column: 19, data: { value: 'huit' } }],
      },
      {
        name: 'aucun tampon',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    proxy_buffers 0 16k;\n}\n' },
        errors: [{ messageId: 'invalid', line: 3, column: 19, data: { value: '0' } }],
      },
      {
        name: 'dans un gabarit, une valeur sans variable',
        files: { 'nginx/templates/default.conf.template': 'server {\n    listen 80;\n    client_max_body_size 10mb;\n}\n' },
        errors: [{ messageId: 'invalid', line: 3, column: 26, data: { value: '10mb' } }],
      },
    ],
  },
  check(context, report) {
    for (const info of context.nodes) {
      const { node } = info;
      if (info.inGeneric || info.inUnknownBlock || node.kind !== 'directive') continue;
      const slot = valueSlot(node.name);
      if (!slot || node.args.length === 0) continue;
      const words = slot === 'bufs' ? node.args.slice(0, 2) : node.args.slice(0, 1);
      if (slot === 'bufs' && words.length < 2) continue;
      if (context.isTemplate && words.some((w) => w.value.includes('${'))) continue;
      if (acceptsValue(slot, words.map((w) => w.value))) continue;
      const word = slot === 'bufs' && /^\d+$/.test(words[0]!.value) && Number(words[0]!.value) > 0 ? words[1]! : words[0]!;
      report({ messageId: 'invalid', data: { value: word.value, expected: EXPECTED[slot], name: node.name }, file: context.file.path, range: word.range });
    }
  },
};
