// What becomes of each command lesson 12 shows, on the swarm phase's one-node
// Swarm (tests/swarm/single-node.test.ts): run as written against the deployed
// stack (its name, the node's and the published port substituted, as the
// stacks phase substitutes a project's), run as written by the harness's own
// steps, or not run, with the reason. The unit test
// (scripts/stacks/lesson-commands.test.ts) keeps this plan and the lesson in step.
import type { Expectation } from '../../../scripts/stacks/lesson-command-plan.ts';

export type SwarmDecision =
  /** Run against the deployed stack, after the harness's deployment; `interrupt` for one that follows until Ctrl+C. */
  | { run: true; expect?: Expectation; interrupt?: boolean; then?: string }
  /** The harness runs this very command (placeholders substituted) in one of its own steps. */
  | { harness: string }
  | { skip: string };

const MENTION = 'mention d’une commande dans une phrase, pas une commande à taper';
const STACK_YAML = 'stack.yaml est le fichier de l’atelier, seul : sans les fichiers que la stack monte (configuration nginx, secrets) ; la pile du chapitre se déploie sous le nom compose.yaml (commandes de « Lancer la pile du chapitre »)';
const SEVERAL_NODES = 'vise un nœud worker-2 : il faut plusieurs machines ; la phase swarm le fait sur trois nœuds Docker-in-Docker (tests/swarm/multi-node.test.ts, « moves the tasks off a drained worker »)';

/** Lesson 12's command text → decision. */
export const LESSON_12: Record<string, SwarmDecision> = {
  'docker stack deploy': { skip: MENTION },
  'docker compose up': { skip: MENTION },
  'docker compose': { skip: MENTION },
  'docker inspect': { skip: MENTION },
  'docker secret create': { skip: MENTION },
  'docker push': { skip: 'mention sans argument ; la phase swarm pousse l’image de l’API dans son registre local (tests/swarm/multi-node.test.ts)' },
  'docker swarm init': { harness: 'avant tout, si le démon n’est pas déjà dans un Swarm (sinon la commande répond « This node is already part of a swarm »)' },
  'docker swarm join-token worker': { run: true, expect: { contains: 'docker swarm join --token' } },
  'docker node ls': { run: true, expect: { contains: 'Leader' } },
  'docker stack deploy -c stack.yaml atelier': { skip: STACK_YAML },
  'docker stack services atelier': { run: true, expect: { matches: '_api\\s+replicated\\s+3/3' } },
  'docker service ps atelier_api': { run: true, expect: { contains: 'Running' } },
  'docker service logs -f atelier_api': { run: true, interrupt: true, expect: { contains: 'api: listening on port 3000' } },
  'docker stack rm atelier': { harness: 'à la fin, « leaves nothing behind after docker stack rm »' },
  'docker service scale atelier_api=5': { run: true, expect: { contains: 'scaled to 5' }, then: 'docker service scale atelier_api=3' },
  'docker build -t 127.0.0.1:5000/atelier-api:1.0 ./api': { skip: 'le registre 127.0.0.1:5000 est celui de la préparation du README ; la phase swarm construit la même image depuis ./api sous un tag par contenu, pour son propre registre (buildApiImages)' },
  'docker node update --label-add atelier.db=true manager-1': { harness: 'avant le déploiement, sur le nœud du Swarm à la place de manager-1, si l’étiquette manque' },
  'docker node update --availability drain worker-2': { skip: SEVERAL_NODES },
  'docker node update --availability active worker-2': { skip: SEVERAL_NODES },
  "docker service ps atelier_api --format '{{.Node}}'": { run: true, expect: { matches: '^\\S+$' } },
  'docker service update --force atelier_api': { run: true },
  'docker stack config -c compose.yaml > /dev/null && echo "stack valide"': { run: true, expect: { contains: 'stack valide' } },
  'docker stack deploy --detach=false -c compose.yaml atelier': {
    skip: 'le harnais déploie ce fichier avec les mêmes options et --resolve-image never : en CI, sans registre ni Docker Hub, les images sont locales, et telle quelle la commande demanderait leur empreinte aux registres',
  },
  'curl -sD - -o /dev/null http://localhost:8080/api/products': { run: true, expect: { matches: '^x-task: \\S+' } },
};

/** The command as run on the harness's Swarm: its stack name, node and port. */
export function onHarness(text: string, values: { stack: string; node: string; port: number }): string {
  return text
    .replace(/(^|\s)atelier(?=$|\s|_)/g, `$1${values.stack}`)
    .replace(/\bmanager-1\b/g, values.node)
    .replace(/localhost:8080\b/g, `127.0.0.1:${values.port}`);
}
