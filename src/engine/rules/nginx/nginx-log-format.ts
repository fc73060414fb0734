import type { NginxRule } from '../catalogue.ts';
import type { NginxContext } from '../../nginx/context.ts';
import { hasUnseenIncludes } from '../../nginx/unseen-includes.ts';

// ngx_http_log_module: `combined` is built in; `access_log PATH NAME` needs a
// `log_format NAME` of the same http block, and a second `log_format` with a
// taken name fails (« duplicate "log_format" name »). The official image's own
// nginx.conf defines `main` and includes conf.d/*.conf inside its http block,
// so a conf.d file sees `main` unless the project brings its own nginx.conf.
const IMAGE_FORMAT = 'main';

/** Formats defined for the http block this file ends up in; undefined when an include we cannot see may define more. */
function formats(context: NginxContext): { names: Map<string, number>; imageMain: boolean } | undefined {
  const names = new Map<string, number>();
  const ownMain = context.siblings.some((s) => s.role === 'main');
  if (hasUnseenIncludes(context)) return undefined;
  for (const sibling of context.siblings) {
    for (const info of sibling.named('log_format')) {
      if (info.context !== 'http') continue;
      const name = info.node.args[0]?.value;
      if (name) names.set(name, (names.get(name) ?? 0) + 1);
    }
  }
  return { names, imageMain: !ownMain };
}

export const logFormat: NginxRule = {
  id: 'nginx-log-format',
  kind: 'nginx',
  severity: 'error',
  messages: {
    unknown: '`access_log … {{name}}`\u00a0: aucun `log_format {{name}}` n’est défini\u00a0; nginx refuse la configuration («\u00a0unknown log format\u00a0»).',
    duplicate: '`log_format {{name}}` existe déjà{{where}}\u00a0: nginx refuse la configuration (`duplicate "log_format" name`). Choisissez un autre nom.',
  },
  docs: {
    title: 'Un format de journal inconnu ou défini deux fois',
    what: 'Signale un `access_log` qui nomme un format jamais défini par `log_format`, et un `log_format` qui reprend un nom déjà pris (`combined`, intégré à nginx, ou `main`, que le `nginx.conf` de l’image officielle définit déjà).',
    why: 'nginx cherche le format au chargement. Un fichier de `conf.d/` est inclus dans le bloc `http` du `nginx.conf` de l’image, qui définit déjà `main`\u00a0: le redéfinir, ou nommer un format défini ailleurs, fait échouer `nginx -t`.',
    howToFix: 'Utilisez `combined` ou `main` tels quels, ou définissez votre format sous un nom à vous (`log_format acces_api …;`) au niveau `http` avant de l’employer.',
    chapter: '08-production',
  },
  examples: {
    valid: [
      { name: 'le format main de l’image officielle', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    access_log /var/log/nginx/access.log main;\n}\n' } },
      { name: 'un include que le projet ne contient pas peut définir le format', files: { 'nginx/conf.d/default.conf': 'include /etc/nginx/extra/logs.conf;\nserver {\n    listen 80;\n    access_log /var/log/nginx/access.log detaille;\n}\n' } },
      { name: 'un format à soi', files: { 'nginx/conf.d/default.conf': 'log_format temps \'$remote_addr $request_time\';\nserver {\n    listen 80;\n    access_log /var/log/nginx/access.log temps;\n}\n' } },
      { name: 'le format combined intégré à nginx', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    access_log /var/log/nginx/access.log combined;\n}\n' } },
      { name: 'un paramètre sans format (combined par défaut)', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    access_log /var/log/nginx/access.log buffer=32k;\n}\n' } },
      {
        name: 'le format main défini par le nginx.conf du projet',
        files: {
          'nginx/nginx.conf': 'events {}\nhttp {\n    log_format main \'$remote_addr\';\n    access_log /var/log/nginx/access.log main;\n    include /etc/nginx/conf.d/*.conf;\n}\n',
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    access_log /var/log/nginx/access.log main;\n}\n',
        },
      },
      {
        name: 'un format du bloc stream, employé dans stream',
        files: { 'nginx/nginx.conf': 'events {}\nstream {\n    log_format court \'$remote_addr\';\n    server {\n        listen 5432;\n        access_log /var/log/nginx/stream.log court;\n        proxy_pass db:5432;\n    }\n}\n' },
      },
    ],
    invalid: [
      {
        name: 'format jamais défini',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    access_log /var/log/nginx/access.log detaille;\n}\n' },
        errors: [{ messageId: 'unknown', line: 3, column: 42 }],
      },
      {
        name: 'main redéfini dans conf.d',
        files: { 'nginx/conf.d/default.conf': 'log_format main \'$remote_addr\';\nserver {\n    listen 80;\n}\n' },
        errors: [{ messageId: 'duplicate', line: 1, column: 12, data: { where: ' (dans le nginx.conf de l’image officielle)' } }],
      },
      {
        name: 'combined redéfini',
        files: { 'nginx/conf.d/default.conf': 'log_format combined \'$remote_addr\';\nserver {\n    listen 80;\n}\n' },
        errors: [{ messageId: 'duplicate', line: 1, column: 12, data: { name: 'combined', where: ' (intégré à nginx)' } }],
      },
      {
        name: 'le même nom deux fois',
        files: { 'nginx/conf.d/default.conf': 'log_format court \'$remote_addr\';\nlog_format court \'$request\';\nserver {\n    listen 80;\n    access_log /var/log/nginx/access.log court;\n}\n' },
        errors: [{ messageId: 'duplicate', line: 2, column: 12, data: { name: 'court', where: '' } }],
      },
      {
        name: 'un nginx.conf à soi ne définit pas main',
        files: {
          'nginx/nginx.conf': 'events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n',
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    access_log /var/log/nginx/access.log main;\n}\n',
        },
        errors: [{ messageId: 'unknown', line: 3, column: 42, file: 'nginx/conf.d/default.conf', data: { name: 'main' } }],
      },
      {
        name: 'un format du bloc stream, employé dans http',
        files: { 'nginx/nginx.conf': 'events {}\nstream {\n    log_format court \'$remote_addr\';\n}\nhttp {\n    server {\n        listen 80;\n        access_log /var/log/nginx/access.log court;\n    }\n}\n' },
        errors: [{ messageId: 'unknown', line: 8, column: 46 }],
      },
    ],
  },
  check(context, report) {
    const file = context.file.path;
    let known: ReturnType<typeof formats> | null = null;
    for (const info of context.named('log_format')) {
      if (info.context !== 'http') continue;
      const word = info.node.args[0];
      if (!word) continue;
      known ??= formats(context);
      const imageMain = known?.imageMain === true && context.role === 'http-include' && word.value === IMAGE_FORMAT;
      const earlier = context.named('log_format').filter((other) => other !== info && other.context === 'http' && other.node.args[0]?.value === word.value && other.node.range.start.line < info.node.range.start.line);
      if (word.value === 'combined' || imageMain || earlier.length > 0) {
        const where = word.value === 'combined' ? ' (intégré à nginx)' : imageMain ? ' (dans le nginx.conf de l’image officielle)' : '';
        report({ messageId: 'duplicate', data: { name: word.value, where }, file, range: word.range });
      }
    }
    for (const info of context.named('access_log')) {
      const name = info.node.args[1];
      if (!name || name.value.includes('=') || info.context?.startsWith('stream') || info.node.args[0]?.value === 'off') continue;
      if (name.value === 'combined') continue;
      known ??= formats(context);
      if (known === undefined) return;
      if (known.names.has(name.value) || (known.imageMain && context.role !== 'main' && name.value === IMAGE_FORMAT)) continue;
      report({ messageId: 'unknown', data: { name: name.value }, file, range: name.range });
    }
  },
};
