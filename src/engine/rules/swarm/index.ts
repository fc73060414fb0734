import type { ComposeRule } from '../catalogue.ts';
import { swarmBindMount } from './swarm-bind-mount.ts';
import { swarmBuildIgnored } from './swarm-build-ignored.ts';
import { swarmDependsOnCondition } from './swarm-depends-on-condition.ts';
import { swarmForbiddenOption } from './swarm-forbidden-option.ts';
import { swarmHostPortReplicas } from './swarm-host-port-replicas.ts';
import { swarmIgnoredOption } from './swarm-ignored-option.ts';
import { swarmImmutableSecret } from './swarm-immutable-secret.ts';
import { swarmRestartIgnored } from './swarm-restart-ignored.ts';
import { swarmSchema } from './swarm-schema.ts';
import { swarmUnpinnedVolume } from './swarm-unpinned-volume.ts';

/**
 * Rules for a stack file (`docker stack deploy`): they stay silent unless the
 * project is for Swarm (`context.swarm`: the `swarm` option, a stack file
 * name, or the `x-atelier: { cible: swarm }` marker). What the Docker CLI
 * refuses first, then what it ignores, then what goes wrong on a cluster.
 */
export const swarmRules: readonly ComposeRule[] = [
  swarmSchema,
  swarmForbiddenOption,
  swarmDependsOnCondition,
  swarmBuildIgnored,
  swarmRestartIgnored,
  swarmIgnoredOption,
  swarmHostPortReplicas,
  swarmImmutableSecret,
  swarmUnpinnedVolume,
  swarmBindMount,
];
