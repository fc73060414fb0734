import type { NginxRule } from '../catalogue.ts';

export const missingEvents: NginxRule = {
  id: 'nginx-missing-events',
  kind: 'nginx',
  severity: 'error',
  messages: {
    missing: 'Ce fichier nginx.conf complet n’a pas de bloc «\u00a0events\u00a0»\u00a0: nginx refuse de démarrer sans lui (même vide\u00a0: «\u00a0events {}\u00a0»).',
  },
  docs: {
    title: 'Bloc `events` manquant',
    what: 'Un fichier de configuration principal (`nginx.conf` avec un bloc `http`) sans bloc `events`.',
    why: 'nginx exige une section `events` dans la configuration principale et refuse de démarrer (`no "events" section in configuration`). Cela arrive en remplaçant le nginx.conf de l’image officielle par un fichier écrit de zéro.',
    howToFix: 'Ajoutez au niveau principal `events { worker_connections 1024; }` (un bloc vide suffit). Souvent, le plus simple est de garder le nginx.conf de l’image et de ne monter que `conf.d/`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [{ files: { 'nginx/nginx.conf': 'events {\n    worker_connections 1024;\n}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n' } }],
    invalid: [
      {
        files: { 'nginx/nginx.conf': 'worker_processes auto;\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n' },
        errors: [{ messageId: 'missing', line: 2, column: 1 }],
      },
    ],
  },
  check(context, report) {
    if (context.role !== 'main') return;
    const top = context.config.children;
    const http = top.find((node) => node.name === 'http');
    if (!http || top.some((node) => node.name === 'events')) return;
    // Another main file of the project may hold `events` and include this one.
    if (top.some((node) => node.name === 'include')) return;
    report({ messageId: 'missing', file: context.file.path, range: http.nameRange });
  },
};
