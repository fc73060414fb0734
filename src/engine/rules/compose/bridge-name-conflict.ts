import type { ComposeRule } from '../catalogue.ts';

// Docker's bridge driver (libnetwork drivers/bridge, checkConflict) refuses
// to create a network whose Linux bridge another network already uses:
// « cannot create network … (docker0): conflicts with network … (bridge):
// networks have same bridge name ». `docker0` is the bridge of Docker's own
// `bridge` network on every default installation; two networks of one
// project naming the same bridge clash the same way. Compose's `config`
// accepts both; `up` stops while creating the networks.
const OPTION = 'com.docker.network.bridge.name';
const DEFAULT_BRIDGE = 'docker0';

export const bridgeNameConflict: ComposeRule = {
  id: 'bridge-name-conflict',
  kind: 'compose',
  severity: 'error',
  messages: {
    dockerDefault:
      'Le réseau `{{network}}` demande le pont Linux `docker0`, celui du réseau `bridge` que Docker crée lui-même\u00a0: `docker compose config` l’accepte, mais `docker compose up` s’arrête («\u00a0networks have same bridge name\u00a0»).',
    duplicate:
      'Le réseau `{{network}}` demande le pont Linux `{{bridge}}`, déjà demandé par le réseau `{{other}}`\u00a0: `docker compose up` s’arrête en créant le second («\u00a0networks have same bridge name\u00a0»).',
  },
  docs: {
    title: 'Un nom de pont Linux déjà pris',
    what: 'Signale un réseau `bridge` dont l’option `com.docker.network.bridge.name` nomme `docker0`, ou le même pont qu’un autre réseau du projet.',
    why: 'Chaque réseau `bridge` est un pont Linux sur la machine hôte, et deux réseaux ne peuvent pas partager un pont. `docker0` appartient au réseau `bridge` que Docker crée au démarrage. Compose ne vérifie pas ce nom\u00a0; c’est Docker qui refuse de créer le réseau, au moment du `up`.',
    howToFix: 'Retirez l’option (Docker choisit alors un nom `br-…` libre), ou donnez à chaque réseau un nom de pont qui lui est propre (au plus 15 caractères, la limite des interfaces Linux).',
    chapter: '05-api-nodejs',
  },
  examples: {
    valid: [
      { name: 'sans nom de pont', files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\nnetworks:\n  default:\n    driver: bridge\n' } },
      {
        name: 'un nom propre au projet',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\nnetworks:\n  default:\n    driver_opts:\n      com.docker.network.bridge.name: br-atelier\n' },
      },
      {
        name: 'un autre pilote',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n    networks: [lan]\nnetworks:\n  lan:\n    driver: macvlan\n    driver_opts:\n      com.docker.network.bridge.name: docker0\n' },
      },
    ],
    invalid: [
      {
        name: 'le pont de Docker',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\nnetworks:\n  default:\n    driver: bridge\n    driver_opts:\n      com.docker.network.bridge.name: docker0\n' },
        errors: [{ messageId: 'dockerDefault', line: 8, column: 39 }],
      },
      {
        name: 'deux réseaux, un pont',
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:24-alpine\n    networks: [front, back]\nnetworks:\n  front:\n    driver_opts:\n      com.docker.network.bridge.name: br-app\n  back:\n    driver_opts:\n      com.docker.network.bridge.name: br-app\n',
        },
        errors: [{ messageId: 'duplicate', line: 11, column: 39 }],
      },
    ],
  },
  check(context, report) {
    // A stack's networks default to the overlay driver and are created by the Swarm.
    if (context.syntaxErrors || context.swarm) return;
    const taken = new Map<string, string>();
    for (const network of context.model.networks.values()) {
      const driver = network.fields.get('driver')?.value ?? 'bridge';
      const bridge = network.driverOptions.get(OPTION);
      if (network.external || driver !== 'bridge' || !bridge) continue;
      const { file, range } = bridge;
      const other = taken.get(bridge.value);
      if (bridge.value === DEFAULT_BRIDGE) report({ messageId: 'dockerDefault', data: { network: network.name }, file, range });
      else if (other !== undefined) report({ messageId: 'duplicate', data: { network: network.name, bridge: bridge.value, other }, file, range });
      else taken.set(bridge.value, network.name);
    }
  },
};
