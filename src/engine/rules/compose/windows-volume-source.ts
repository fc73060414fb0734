import type { ComposeRule } from '../catalogue.ts';

// compose-go keeps a Windows absolute path (`C:\data`) as the bind source
// and hands `C:\data:/data:rw` to Docker, which on Linux splits it at every
// `:` and refuses: « invalid volume specification: 'C:\data:/data:rw' ».
// `docker compose config` accepts it.
const WINDOWS_PATH = /^[a-zA-Z]:[\\/]/;

export const windowsVolumeSource: ComposeRule = {
  id: 'windows-volume-source',
  kind: 'compose',
  severity: 'error',
  messages: {
    windows:
      'La source `{{source}}` est un chemin Windows\u00a0: `docker compose config` l’accepte, mais le Docker Linux de `docker compose up` refuse le volume («\u00a0invalid volume specification\u00a0»).',
  },
  docs: {
    title: 'Un chemin Windows comme source de volume',
    what: 'Signale un montage dont la source est un chemin Windows (`C:\\data`, `D:/projets`).',
    why: 'Les conteneurs du cours tournent sous Linux, même avec Docker Desktop sous Windows\u00a0: Docker y découpe le montage à chaque `:` et ne reconnaît pas `C:`. Compose ne vérifie pas le chemin\u00a0; l’erreur n’arrive qu’au `up`.',
    howToFix: 'Écrivez un chemin relatif au projet (`./data:/data`)\u00a0: il fonctionne sur toutes les machines.',
    chapter: '09-base-de-donnees',
  },
  examples: {
    valid: [{ files: { 'compose.yaml': 'services:\n  app:\n    image: node:24-alpine\n    volumes:\n      - ./data:/data\n' } }],
    invalid: [
      {
        files: { 'compose.yaml': 'services:\n  app:\n    image: node:24-alpine\n    volumes:\n      - type: bind\n        source: C:\\docker\\projet\n        target: /data\n' },
        errors: [{ messageId: 'windows', line: 6, column: 17 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      for (const volume of service.volumes) {
        if (volume.type !== 'bind' || volume.source === undefined || !WINDOWS_PATH.test(volume.source)) continue;
        report({ messageId: 'windows', data: { source: volume.source }, file: volume.file, range: volume.sourceRange });
      }
    }
  },
};
