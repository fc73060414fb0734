import type { ComposeRule } from '../catalogue.ts';
import { composeSchema } from './compose-schema.ts';
import { dependencyCycle } from './dependency-cycle.ts';
import { duplicatePublishedPort } from './duplicate-published-port.ts';
import { healthyDependencyWithoutHealthcheck } from './healthy-dependency-without-healthcheck.ts';
import { invalidDuration } from './invalid-duration.ts';
import { invalidPort } from './invalid-port.ts';
import { invalidSize } from './invalid-size.ts';
import { invalidVolumeSpec } from './invalid-volume-spec.ts';
import { requiredVariable } from './required-variable.ts';
import { undefinedNetwork } from './undefined-network.ts';
import { undefinedSecret } from './undefined-secret.ts';
import { undefinedVolume } from './undefined-volume.ts';
import { unknownDependency } from './unknown-dependency.ts';
import { unsetVariable } from './unset-variable.ts';
import { yamlSyntax } from './yaml-syntax.ts';

/** Compose rules, in the order a learner meets the problems: syntax, variables, schema, references, good practice. */
export const composeRules: readonly ComposeRule[] = [
  yamlSyntax,
  requiredVariable,
  unsetVariable,
  composeSchema,
  undefinedNetwork,
  undefinedVolume,
  undefinedSecret,
  unknownDependency,
  dependencyCycle,
  invalidPort,
  invalidVolumeSpec,
  invalidDuration,
  invalidSize,
  healthyDependencyWithoutHealthcheck,
  duplicatePublishedPort,
];
