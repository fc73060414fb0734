import type { ComposeRule } from '../catalogue.ts';
import { writtenItems } from '../../compose/service-keys.ts';

// Docker's container creation (oci/caps NormalizeLegacyCapabilities): a
// `cap_add` or `cap_drop` entry must be a Linux capability, with or without
// `CAP_` (any case), or `ALL`: « invalid CapAdd: unknown capability: "…" ».
// `docker compose config` accepts any string. The list is every capability
// Linux defines (up to CAP_CHECKPOINT_RESTORE, 5.9): an older kernel knows
// fewer, so the rule only flags names no kernel knows.
const CAPABILITIES = new Set(
  'CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO SYS_CHROOT SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG MKNOD LEASE AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM BLOCK_SUSPEND AUDIT_READ PERFMON BPF CHECKPOINT_RESTORE'.split(' '),
);

export const unknownCapability: ComposeRule = {
  id: 'unknown-capability',
  kind: 'compose',
  severity: 'error',
  messages: {
    unknown:
      '`{{key}}` nomme `{{value}}`, qui n’est pas une capacité Linux\u00a0: `docker compose config` l’accepte, mais `docker compose up` s’arrête («\u00a0unknown capability\u00a0»).{{hint}}',
  },
  docs: {
    title: 'Une capacité Linux inconnue dans `cap_add` ou `cap_drop`',
    what: 'Signale une entrée de `cap_add` ou `cap_drop` qui n’est pas une capacité Linux (`NET_ADMIN`, `SYS_PTRACE`…, avec ou sans `CAP_`), ni `ALL`.',
    why: 'Compose recopie la liste sans la vérifier\u00a0; c’est Docker qui refuse de créer le conteneur, au moment du `up`. Un tiret mal indenté en est une cause fréquente\u00a0: la ligne suivante prolonge alors l’élément précédent (`SYS_ADMIN - SYS_PTRACE`).',
    howToFix: 'Une capacité par élément de liste, chaque tiret aligné sur le précédent, avec son nom exact (liste dans `man 7 capabilities`).',
    chapter: '08-production',
  },
  examples: {
    valid: [{ files: { 'compose.yaml': 'services:\n  app:\n    image: node:24-alpine\n    cap_drop:\n      - ALL\n    cap_add:\n      - NET_BIND_SERVICE\n      - cap_sys_ptrace\n' } }],
    invalid: [
      {
        name: 'un tiret mal indenté',
        files: { 'compose.yaml': 'services:\n  app:\n    image: node:24-alpine\n    cap_add:\n      - SYS_ADMIN\n        - SYS_PTRACE\n' },
        errors: [{ messageId: 'unknown', line: 5, column: 9 }],
      },
      {
        name: 'une faute de frappe',
        files: { 'compose.yaml': 'services:\n  app:\n    image: node:24-alpine\n    cap_add:\n      - NET_ADMINS\n' },
        errors: [{ messageId: 'unknown', line: 5, column: 9 }],
      },
      {
        name: 'dans cap_drop aussi',
        files: { 'compose.yaml': 'services:\n  app:\n    image: node:24-alpine\n    cap_drop:\n      - NET_RAWW\n' },
        errors: [{ messageId: 'unknown', line: 5, column: 9 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    for (const service of context.model.services.values()) {
      for (const key of ['cap_add', 'cap_drop']) {
        for (const { file, item } of writtenItems(service, [key])) {
          if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
          const name = item.value.trim().toUpperCase().replace(/^CAP_/, '');
          if (name === 'ALL' || CAPABILITIES.has(name) || item.value.includes('$')) continue;
          const hint = /\s-\s/.test(item.value) ? ' Deux éléments se sont fondus en un\u00a0: le tiret de la ligne suivante est plus indenté que le précédent.' : '';
          report({ messageId: 'unknown', data: { key, value: item.value, hint }, file, range: context.rangeOf(file, ...item.range) });
        }
      }
    }
  },
};
