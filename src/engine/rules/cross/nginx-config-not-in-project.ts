import { isNginxImage, projectDirectory } from '../../cross/nginx-services.ts';
import { isWithin, joinPath } from '../../cross/posix-path.ts';
import type { CrossRule } from '../catalogue.ts';

/** Mount targets that hold nginx's configuration (not certificates, logs or content). */
const CONFIG_TARGET = /^\/etc\/nginx\/(nginx\.conf|conf\.d\/?|templates\/?|.*\.conf|.*\.template)$/;

function compose(source: string): string {
  return `services:
  web:
    image: nginx:1.30-alpine
    ports:
      - "8080:80"
    volumes:
      - ${source}:/etc/nginx/conf.d/default.conf:ro
`;
}

const EXCERPT = { 'compose.yaml': compose('./nginx/site.conf') };

const SITE = 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n}\n';

export const nginxConfigNotInProject: CrossRule = {
  id: 'nginx-config-not-in-project',
  kind: 'cross',
  severity: 'warning',
  messages: {
    missing: '`{{source}}` n’existe pas dans le projet\u00a0: le conteneur `{{service}}` démarrerait sans cette configuration nginx (Docker créerait un dossier vide à sa place).',
  },
  docs: {
    title: 'La configuration nginx montée est introuvable',
    what: 'Un service nginx monte dans `/etc/nginx` un fichier ou un dossier de configuration (bind mount) qui n’existe pas à côté du `compose.yaml`.',
    why: 'Avec la syntaxe courte, Docker crée un dossier vide quand la source d’un bind mount manque\u00a0: nginx démarre alors avec une configuration absente ou échoue («\u00a0is a directory\u00a0»), loin de la vraie cause, une faute dans le chemin.',
    howToFix: 'Corrigez le chemin (relatif au dossier du `compose.yaml`, commençant par `./`) ou créez le fichier attendu, par exemple `./nginx/default.conf`.',
    chapter: '04-client',
  },
  examples: {
    valid: [
      {
        name: 'un extrait de projet (une leçon ne montre que certains fichiers)',
        files: EXCERPT,
        options: { partial: true },
      },
      { files: { 'compose.yaml': compose('./nginx/default.conf'), 'nginx/default.conf': SITE } },
      {
        name: 'un volume nommé, rempli par un autre conteneur',
        files: { 'compose.yaml': `${compose('nginx-conf').replace('/etc/nginx/conf.d/default.conf:ro', '/etc/nginx/conf.d:ro')}volumes:\n  nginx-conf:\n` },
      },
      { name: 'un chemin absolu, propre à la machine', files: { 'compose.yaml': compose('/srv/atelier/nginx/site.conf') } },
      { name: 'un service qui n’est pas nginx', files: { 'compose.yaml': compose('./nginx/site.conf').replace('nginx:1.30-alpine', 'node:22-alpine') } },
    ],
    invalid: [
      {
        files: { 'compose.yaml': compose('./nginx/site.conf'), 'nginx/default.conf': SITE },
        errors: [{ messageId: 'missing', line: 7, column: 9 }],
      },
    ],
  },
  check(context, report) {
    if (context.options.partial) return;
    const model = context.compose?.model;
    if (!model) return;
    const base = projectDirectory(context);
    const paths = context.files.map((f) => f.path);
    for (const service of model.services.values()) {
      if (!isNginxImage(service)) continue;
      for (const mount of service.volumes) {
        if (mount.type !== 'bind' || mount.source === undefined || !CONFIG_TARGET.test(mount.target)) continue;
        const source = joinPath(base, mount.source);
        if (source.startsWith('/') || paths.some((path) => isWithin(path, source))) continue;
        report({ messageId: 'missing', data: { source: mount.source, service: service.name }, file: mount.file, range: mount.range });
      }
    }
  },
};
