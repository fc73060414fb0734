import { isLoadedByNginx, placeNginxFile, projectDirectory, runsEntrypointScripts } from '../../cross/nginx-services.ts';
import { isWithin, joinPath } from '../../cross/posix-path.ts';
import type { CrossRule } from '../catalogue.ts';

function compose(target: string, extra = ''): string {
  return `services:
  web:
    image: nginx:1.30-alpine
    ports:
      - "8080:80"
    volumes:
      - ./nginx/site.conf:${target}:ro
${extra}`;
}

const SITE = 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000;\n    }\n}\n';
const API = '  api:\n    image: node:24-alpine\n';

export const nginxConfigNotLoaded: CrossRule = {
  id: 'nginx-config-not-loaded',
  kind: 'cross',
  severity: 'warning',
  messages: {
    templateNotRendered: '`{{service}}` remplace la commande ou le point d’entrée de l’image\u00a0: ses scripts de démarrage ne tournent pas, `{{containerPath}}` ne sera jamais rendu dans conf.d et la configuration de `{{file}}` sera ignorée.',
    notLoaded: 'nginx ne lira jamais `{{containerPath}}`\u00a0: l’image officielle n’inclut que `/etc/nginx/conf.d/*.conf` (et ne rend que les modèles `/etc/nginx/templates/*.template`), la configuration de `{{file}}` sera ignorée.',
  },
  docs: {
    title: 'Configuration nginx montée là où nginx ne la lit pas',
    what: 'Un service de l’image nginx officielle monte un fichier de configuration du projet à un endroit qu’aucun `include` ne lit\u00a0: `sites-enabled/` (une habitude des paquets Debian), un nom sans `.conf` dans `conf.d/`, un modèle sans `.template` dans `templates/`.',
    why: 'Le `nginx.conf` de l’image officielle n’inclut que `/etc/nginx/conf.d/*.conf`, et son point d’entrée ne rend que les fichiers `*.template` de `/etc/nginx/templates/`. Ailleurs, le fichier est bien dans le conteneur mais nginx ne l’ouvre pas\u00a0: il démarre avec sa page par défaut, sans erreur, et le proxy semble «\u00a0ne rien faire\u00a0».',
    howToFix: 'Montez le fichier dans `/etc/nginx/conf.d/` avec l’extension `.conf` (`./nginx/site.conf:/etc/nginx/conf.d/default.conf:ro`), un modèle dans `/etc/nginx/templates/` avec l’extension `.template`, ou montez aussi un `nginx.conf` qui l’inclut. Les modèles ne sont rendus que si la commande reste `nginx …` (le point d’entrée de l’image ne lance ses scripts que dans ce cas)\u00a0: retirez le `command: sh -c "…"` ou montez le fichier directement dans conf.d.',
    chapter: '04-client',
  },
  examples: {
    valid: [
      { files: { 'compose.yaml': compose('/etc/nginx/conf.d/default.conf', API), 'nginx/site.conf': SITE } },
      { name: 'un modèle rendu par l’image', files: { 'compose.yaml': compose('/etc/nginx/templates/default.conf.template', API), 'nginx/site.conf': SITE } },
      {
        name: 'sites-enabled inclus par le nginx.conf monté',
        files: {
          'compose.yaml': compose('/etc/nginx/sites-enabled/default.conf', '      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n' + API),
          'nginx/site.conf': SITE,
          'nginx/nginx.conf': 'events {}\nhttp {\n    include /etc/nginx/sites-enabled/*.conf;\n}\n',
        },
      },
    ],
    invalid: [
      {
        files: { 'compose.yaml': compose('/etc/nginx/sites-enabled/default.conf', API), 'nginx/site.conf': SITE },
        errors: [{ messageId: 'notLoaded', line: 7, column: 9, file: 'compose.yaml', data: { containerPath: '/etc/nginx/sites-enabled/default.conf', file: 'nginx/site.conf' } }],
      },
      {
        name: 'un modèle sans l’extension .template',
        files: { 'compose.yaml': compose('/etc/nginx/templates/default.conf', API), 'nginx/site.conf': SITE },
        errors: [{ messageId: 'notLoaded', line: 7, column: 9, file: 'compose.yaml', data: { containerPath: '/etc/nginx/templates/default.conf' } }],
      },
      {
        name: 'un modèle avec une commande qui remplace celle de l’image',
        files: {
          'compose.yaml': compose('/etc/nginx/templates/default.conf.template', '    command: ["/bin/sh", "-c", "exec nginx -g \'daemon off;\'"]\n' + API),
          'nginx/site.conf': SITE,
        },
        errors: [{ messageId: 'templateNotRendered', line: 7, column: 9, file: 'compose.yaml', data: { service: 'web' } }],
      },
    ],
  },
  check(context, report) {
    const base = projectDirectory(context);
    const reported = new Set<object>();
    for (const nginx of context.nginx) {
      const placement = placeNginxFile(context, nginx);
      if (!placement || placement.containerPath === undefined || isLoadedByNginx(context, placement)) continue;
      const mount = placement.service.volumes.find((m) => m.type === 'bind' && m.source !== undefined && isWithin(nginx.file.path, joinPath(base, m.source)));
      if (!mount || reported.has(mount)) continue;
      reported.add(mount);
      const unrendered = placement.containerPath.startsWith('/etc/nginx/templates/') && placement.containerPath.endsWith('.template') && !runsEntrypointScripts(placement.service);
      report({
        messageId: unrendered ? 'templateNotRendered' : 'notLoaded',
        data: { containerPath: placement.containerPath, file: nginx.file.path, service: placement.service.name },
        file: mount.file,
        range: mount.range,
      });
    }
  },
};
