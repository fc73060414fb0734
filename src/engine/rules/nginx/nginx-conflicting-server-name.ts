import { childrenNamed } from '../../nginx/ast.ts';
import { httpServers } from '../../nginx/servers.ts';
import type { NginxRule } from '../catalogue.ts';

function socketOf(listen: string): string | undefined {
  if (listen.includes('$') || listen.startsWith('unix:')) return undefined;
  if (/^\d+$/.test(listen)) return `0.0.0.0:${listen}`;
  const match = /^(\*|[\d.]+|\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d+))?$/.exec(listen);
  if (!match) return undefined;
  return `${match[1] === '*' ? '0.0.0.0' : match[1]}:${match[2] ?? '80'}`;
}

/** nginx's `conflicting server name "x" on 0.0.0.0:80, ignored` warning: the second server never answers for that name. */
export const conflictingServerName: NginxRule = {
  id: 'nginx-conflicting-server-name',
  kind: 'nginx',
  severity: 'warning',
  messages: {
    conflict: 'Le nom «\u00a0{{name}}\u00a0» sur {{socket}} est déjà servi par le bloc server de la ligne {{line}}\u00a0: nginx ignore celui-ci pour ce nom.',
    repeated: 'Le nom «\u00a0{{name}}\u00a0» est déjà écrit dans ce bloc server\u00a0: nginx avertit («\u00a0conflicting server name\u00a0») et ignore la répétition. Retirez-la.',
  },
  docs: {
    title: 'Deux serveurs pour le même nom et le même port',
    what: 'Deux blocs `server` écoutent sur la même adresse et le même port avec le même `server_name` (ou tous deux sans `server_name`).',
    why: 'nginx démarre, mais avertit («\u00a0conflicting server name … ignored\u00a0») et n’utilise que le premier bloc\u00a0: les `location` du second ne répondent jamais, ce qui donne des 404 incompréhensibles.',
    howToFix: 'Fusionnez les deux blocs, ou donnez-leur des `server_name` (ou des ports) différents.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    server_name app.localhost;\n}\nserver {\n    listen 80;\n    server_name api.localhost;\n}\n' } },
      { name: 'un autre port, des expressions régulières jamais comparées', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    server_name localhost;\n}\nserver {\n    listen 8080;\n    server_name localhost;\n}\nserver {\n    listen 80;\n    server_name ~^api\\.;\n}\nserver {\n    listen 80;\n    server_name ~^api\\.;\n}\n' } },
    ],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    server_name localhost;\n}\nserver {\n    listen 80;\n    server_name localhost;\n}\n' },
        errors: [{ messageId: 'conflict', line: 7, column: 17, data: { name: 'localhost', socket: '0.0.0.0:80', line: 1 } }],
      },
      {
        name: 'le même port écrit de deux façons',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 8080;\n    server_name localhost;\n}\nserver {\n    listen *:8080;\n    server_name localhost;\n}\n' },
        errors: [{ messageId: 'conflict', line: 7, column: 17, data: { name: 'localhost', socket: '0.0.0.0:8080', line: 1 } }],
      },
      {
        name: 'une adresse sans port, des majuscules',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 127.0.0.1;\n    server_name App.localhost;\n}\nserver {\n    listen 127.0.0.1:80;\n    server_name app.localhost;\n}\n' },
        errors: [{ messageId: 'conflict', line: 7, column: 17, data: { name: 'app.localhost', socket: '127.0.0.1:80' } }],
      },
      {
        name: 'un server sans listen écoute le port 80',
        files: { 'nginx/conf.d/default.conf': 'server {\n    server_name localhost;\n}\nserver {\n    listen 80;\n    server_name localhost;\n}\n' },
        errors: [{ messageId: 'conflict', line: 6, column: 17, data: { socket: '0.0.0.0:80' } }],
      },
      {
        name: 'deux server sans nom',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n}\nserver {\n    listen 80;\n}\n' },
        errors: [{ messageId: 'conflict', line: 4, column: 1, data: { name: '""' } }],
      },
      {
        name: 'un nom écrit deux fois dans le même server',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    listen 8080;\n    server_name localhost localhost;\n}\n' },
        errors: [{ messageId: 'repeated', line: 4, column: 27, data: { name: 'localhost' } }],
      },
    ],
  },
  check(context, report) {
    const seen = new Map<string, number>();
    for (const server of httpServers(context)) {
      const names = childrenNamed(server.block, 'server_name').flatMap((d) => d.args);
      const listens = childrenNamed(server.block, 'listen').map((d) => socketOf(d.args[0]?.value ?? '')).filter((s): s is string => s !== undefined);
      const sockets = listens.length > 0 ? [...new Set(listens)] : childrenNamed(server.block, 'listen').length === 0 ? ['0.0.0.0:80'] : [];
      const keyed = names.length > 0 ? names.map((word) => ({ name: word.value.toLowerCase(), range: word.range })) : [{ name: '', range: server.block.nameRange }];
      for (const socket of sockets) {
        for (const { name, range } of keyed) {
          if (name.includes('$') || name.startsWith('~')) continue;
          const key = `${socket} ${name}`;
          const first = seen.get(key);
          if (first === undefined) seen.set(key, server.block.nameRange.start.line);
          else if (first !== server.block.nameRange.start.line) report({ messageId: 'conflict', data: { name: name || '""', socket, line: first }, file: context.file.path, range });
          // nginx warns for a name written twice in one block too, once per socket: said once here.
          else if (socket === sockets[0]) report({ messageId: 'repeated', data: { name }, file: context.file.path, range });
        }
      }
    }
  },
};
