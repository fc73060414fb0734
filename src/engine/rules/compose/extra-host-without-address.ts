import type { ComposeRule } from '../catalogue.ts';
import { mapOf, writtenItems } from '../../compose/service-keys.ts';

// Docker's container creation validates each `extra_hosts` entry
// (opts.ValidateExtraHost): "invalid IP address in add-host: """. Compose
// accepts `host:` with nothing after it, typically a variable left unset.
export const extraHostWithoutAddress: ComposeRule = {
  id: 'extra-host-without-address',
  kind: 'compose',
  severity: 'error',
  messages: {
    empty: 'L’entrée `extra_hosts` `{{host}}` n’a pas d’adresse IP{{variable}}\u00a0: `docker compose config` l’accepte, mais `docker compose up` s’arrête («\u00a0invalid IP address in add-host\u00a0»).',
  },
  docs: {
    title: 'Une entrée `extra_hosts` sans adresse',
    what: 'Signale une entrée `extra_hosts` dont l’adresse IP est vide, souvent une variable non définie (`"api.local:${API_IP}"`).',
    why: '`extra_hosts` ajoute des lignes au fichier `/etc/hosts` du conteneur\u00a0: chaque nom a besoin d’une adresse. Compose recopie l’entrée sans la vérifier\u00a0; c’est Docker qui refuse de créer le conteneur, au moment du `up`.',
    howToFix: 'Donnez l’adresse (`"api.local:10.0.0.5"`, ou `host-gateway` pour la machine hôte), ou définissez la variable dans `.env`.',
    chapter: '03-structure-du-fichier',
  },
  examples: {
    valid: [
      { name: 'une adresse', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    extra_hosts:\n      - "db.local:10.0.0.5"\n      - "host.docker.internal:host-gateway"\n' } },
      { name: 'la variable définie', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    extra_hosts:\n      - "db.local:${DB_IP}"\n', '.env': 'DB_IP=10.0.0.5\n' } },
    ],
    invalid: [
      {
        name: 'une variable non définie',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    extra_hosts:\n      - "db.local:${DB_IP}"\n' },
        errors: [{ messageId: 'empty', line: 5, column: 9 }],
      },
      {
        name: 'en dictionnaire',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    extra_hosts:\n      db.local: ""\n' },
        errors: [{ messageId: 'empty', line: 5, column: 17 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      const entries: { file: string; host: string; address: string; written: string; range: [number, number] }[] = [];
      for (const { file, item } of writtenItems(service, ['extra_hosts'])) {
        if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
        // compose-go splits `host=ip` first, then `host:ip` at the first colon.
        const text = item.value;
        const at = text.includes('=') ? text.indexOf('=') : text.indexOf(':');
        if (at < 0) continue;
        entries.push({ file, host: text.slice(0, at), address: text.slice(at + 1), written: item.written ?? text, range: item.range });
      }
      for (const source of service.sources) {
        const map = mapOf(source.map.entries.get('extra_hosts')?.value);
        for (const entry of map?.entries.values() ?? []) {
          const value = entry.value;
          if (value.kind !== 'scalar' || (value.value !== null && typeof value.value !== 'string')) continue;
          entries.push({ file: source.file, host: entry.key, address: value.value ?? '', written: value.written ?? '', range: value.range });
        }
      }
      for (const e of entries) {
        if (e.address.trim() !== '') continue;
        const variable = /\$\{?(\w+)/.exec(e.written.slice(e.written.lastIndexOf(':') + 1))?.[1];
        report({ messageId: 'empty', data: { host: e.host, variable: variable ? ` (la variable \`${variable}\` n’est pas définie)` : '' }, file: e.file, range: context.rangeOf(e.file, ...e.range) });
      }
    }
  },
};
