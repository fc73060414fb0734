import { effectiveDirective } from '../../nginx/inheritance.ts';
import type { NginxRule } from '../catalogue.ts';

export const sslPreferServerCiphers: NginxRule = {
  id: 'nginx-ssl-prefer-server-ciphers',
  kind: 'nginx',
  severity: 'info',
  messages: {
    useless: '«\u00a0ssl_prefer_server_ciphers on\u00a0» est sans effet en TLS 1.3 seul\u00a0: les suites y sont toutes sûres et choisies par le client.',
  },
  docs: {
    title: '`ssl_prefer_server_ciphers` inutile en TLS 1.3',
    what: '`ssl_prefer_server_ciphers on;` alors que `ssl_protocols` n’autorise que TLSv1.3.',
    why: 'Cette directive date de l’époque où certaines suites TLS 1.0–1.2 étaient faibles\u00a0; en TLS 1.3, toutes les suites sont sûres et le serveur n’a pas à imposer son ordre (la configuration «\u00a0moderne\u00a0» de Mozilla recommande `off`). Elle ne casse rien, mais entretient une fausse idée.',
    howToFix: 'Supprimez la ligne, ou écrivez `ssl_prefer_server_ciphers off;`.',
    chapter: '11-bonnes-pratiques',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'ssl_protocols TLSv1.2 TLSv1.3;\nssl_prefer_server_ciphers on;\n' } }],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'ssl_protocols TLSv1.3;\nssl_prefer_server_ciphers on;\n' },
        errors: [{ messageId: 'useless', line: 2, column: 1 }],
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('ssl_prefer_server_ciphers')) {
      if (info.inGeneric || info.node.args[0]?.value !== 'on') continue;
      const top = context.rootContext === 'http' ? context.config : undefined;
      const protocols = effectiveDirective(info.path, 'ssl_protocols', top);
      if (!protocols || protocols.args.some((a) => a.value !== 'TLSv1.3')) continue;
      report({ messageId: 'useless', file: context.file.path, range: info.node.nameRange });
    }
  },
};
