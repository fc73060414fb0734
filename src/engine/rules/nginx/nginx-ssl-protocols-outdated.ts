import type { NginxRule } from '../catalogue.ts';

const OUTDATED = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);

export const sslProtocolsOutdated: NginxRule = {
  id: 'nginx-ssl-protocols-outdated',
  kind: 'nginx',
  severity: 'warning',
  messages: {
    outdated: '«\u00a0{{protocol}}\u00a0» est obsolète et vulnérable\u00a0: n’autorisez que TLSv1.2 et TLSv1.3.',
  },
  docs: {
    title: 'Protocoles TLS obsolètes',
    what: '`ssl_protocols` autorise SSLv2, SSLv3, TLSv1 ou TLSv1.1.',
    why: 'Ces versions ont des failles connues (POODLE, BEAST…) et sont retirées des navigateurs depuis 2020 (RFC 8996). Les garder n’aide aucun client moderne et abaisse la note de sécurité du site.',
    howToFix: 'Écrivez `ssl_protocols TLSv1.2 TLSv1.3;` (c’est d’ailleurs la valeur par défaut de nginx récent\u00a0: vous pouvez aussi supprimer la ligne).',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'ssl_protocols TLSv1.2 TLSv1.3;\n' } }],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n' },
        errors: [
          { messageId: 'outdated', line: 1, column: 15 },
          { messageId: 'outdated', line: 1, column: 21 },
        ],
        output: 'ssl_protocols TLSv1.2 TLSv1.3;\n',
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('ssl_protocols')) {
      if (info.inGeneric) continue;
      const { node } = info;
      const last = node.args[node.args.length - 1];
      if (!last) continue;
      const fix = {
        title: 'N’autoriser que TLSv1.2 et TLSv1.3',
        edits: [{ file: context.file.path, range: { start: node.args[0]!.range.start, end: last.range.end }, text: 'TLSv1.2 TLSv1.3' }],
      };
      for (const arg of node.args) {
        if (OUTDATED.has(arg.value)) report({ messageId: 'outdated', data: { protocol: arg.value }, file: context.file.path, range: arg.range, fix });
      }
    }
  },
};
