import { placeNginxFile, projectPathOf } from '../../cross/nginx-services.ts';
import type { CrossRule } from '../catalogue.ts';

const COMPOSE = `services:
  proxy:
    image: nginx:1.30-alpine
    ports:
      - "8080:80"
    volumes:
      - ./nginx/conf.d:/etc/nginx/conf.d:ro
      - ./nginx/snippets:/etc/nginx/snippets:ro
`;

function site(include: string): string {
  return `server {\n    listen 80;\n    location /api/ {\n        include ${include};\n        proxy_pass http://127.0.0.1:3000;\n    }\n}\n`;
}

const EXCERPT = { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': site('/etc/nginx/snippets/proxy-headers.conf') };

const SNIPPET = 'proxy_set_header Host $host;\nproxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n';

export const nginxIncludeMissing: CrossRule = {
  id: 'nginx-include-missing',
  kind: 'cross',
  severity: 'warning',
  messages: {
    missing: '`include {{path}}` vise `{{projectPath}}` (monté dans le conteneur), qui n’existe pas dans le projet\u00a0: nginx refusera de démarrer («\u00a0No such file or directory\u00a0»).',
  },
  docs: {
    title: 'Un fichier inclus par nginx manque au projet',
    what: 'Une directive `include` nomme un fichier qui, d’après les volumes du service nginx, viendrait du projet, mais ce fichier n’y est pas.',
    why: 'nginx lit les `include` au démarrage\u00a0: un fichier absent fait échouer `nginx -t` et le conteneur s’arrête. Les motifs (`conf.d/*.conf`) peuvent ne rien trouver, mais un chemin exact doit exister.',
    howToFix: 'Créez le fichier dans le dossier monté, ou corrigez le chemin de l’`include` pour qu’il corresponde à la cible du volume (`/etc/nginx/snippets/…` si `./nginx/snippets` y est monté).',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      {
        name: 'un extrait de projet (une leçon ne montre que certains fichiers)',
        files: EXCERPT,
        options: { partial: true },
      },
      {
        files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': site('/etc/nginx/snippets/proxy.conf'), 'nginx/snippets/proxy.conf': SNIPPET },
      },
      { name: 'un fichier fourni par l’image elle-même', files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': site('/etc/nginx/mime.types') } },
      { name: 'un motif, qui peut ne rien trouver', files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': site('/etc/nginx/snippets/*.conf') } },
    ],
    invalid: [
      {
        files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': site('/etc/nginx/snippets/proxy-headers.conf'), 'nginx/snippets/proxy.conf': SNIPPET },
        errors: [{ messageId: 'missing', line: 4, column: 17, file: 'nginx/conf.d/default.conf' }],
      },
      {
        name: 'chemin relatif, lu depuis /etc/nginx',
        files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': site('snippets/proxy-headers.conf'), 'nginx/snippets/proxy.conf': SNIPPET },
        errors: [{ messageId: 'missing', line: 4, column: 17, file: 'nginx/conf.d/default.conf', data: { path: 'snippets/proxy-headers.conf', projectPath: 'nginx/snippets/proxy-headers.conf' } }],
      },
    ],
  },
  check(context, report) {
    if (context.options.partial) return;
    const paths = new Set(context.files.map((f) => f.path));
    for (const nginx of context.nginx) {
      const placement = placeNginxFile(context, nginx);
      if (!placement) continue;
      for (const info of nginx.named('include')) {
        const word = info.node.args[0];
        if (!word || /[*?[$]/.test(word.value)) continue;
        const containerPath = word.value.startsWith('/') ? word.value : `/etc/nginx/${word.value}`;
        const projectPath = projectPathOf(context, placement.service, containerPath);
        if (projectPath === undefined || paths.has(projectPath)) continue;
        report({ messageId: 'missing', data: { path: word.value, projectPath }, file: nginx.file.path, range: word.range });
      }
    }
  },
};
