import type { ComposeRule } from '../catalogue.ts';
import { buildPlatformMismatch } from './build-platform-mismatch.ts';
import { composeSchema } from './compose-schema.ts';
import { databaseOnProxyNetwork } from './database-on-proxy-network.ts';
import { dependencyCycle } from './dependency-cycle.ts';
import { duplicatePublishedPort } from './duplicate-published-port.ts';
import { relativeWorkingDir } from './relative-working-dir.ts';
import { windowsVolumeSource } from './windows-volume-source.ts';
import { unknownCapability } from './unknown-capability.ts';
import { extraHostWithoutAddress } from './extra-host-without-address.ts';
import { bridgeNameConflict } from './bridge-name-conflict.ts';
import { endOfLifeImage } from './end-of-life-image.ts';
import { envFileSyntax } from './env-file-syntax.ts';
import { healthcheckWithoutCurl } from './healthcheck-without-curl.ts';
import { redisHealthcheckAuth } from './redis-healthcheck-auth.ts';
import { healthyDependencyWithoutHealthcheck } from './healthy-dependency-without-healthcheck.ts';
import { imageTag } from './image-tag.ts';
import { inlineSecret } from './inline-secret.ts';
import { interpolationLimit } from './interpolation-limit.ts';
import { invalidDuration } from './invalid-duration.ts';
import { invalidPort } from './invalid-port.ts';
import { invalidSize } from './invalid-size.ts';
import { invalidTypedValue } from './invalid-typed-value.ts';
import { invalidVolumeSpec } from './invalid-volume-spec.ts';
import { missingImageOrBuild } from './missing-image-or-build.ts';
import { noContainerName } from './no-container-name.ts';
import { noVersionKey } from './no-version-key.ts';
import { preferHealthyDependency } from './prefer-healthy-dependency.ts';
import { productionLogRotation } from './production-log-rotation.ts';
import { productionRestartPolicy } from './production-restart-policy.ts';
import { publishedDatabasePort } from './published-database-port.ts';
import { requiredVariable } from './required-variable.ts';
import { tarDatabaseBackup } from './tar-database-backup.ts';
import { undefinedNetwork } from './undefined-network.ts';
import { undefinedSecret } from './undefined-secret.ts';
import { undefinedVolume } from './undefined-volume.ts';
import { unknownDependency } from './unknown-dependency.ts';
import { mutuallyExclusiveKeys } from './mutually-exclusive-keys.ts';
import { environmentTrailingSpace } from './environment-trailing-space.ts';
import { healthcheckTestForm } from './healthcheck-test-form.ts';
import { scaleConflict } from './scale-conflict.ts';
import { newerComposeKey } from './newer-compose-key.ts';
import { unsetVariable } from './unset-variable.ts';
import { yamlSyntax } from './yaml-syntax.ts';

/** Compose rules, in the order a learner meets the problems: syntax, variables, schema, references, good practice. */
export const composeRules: readonly ComposeRule[] = [
  yamlSyntax,
  envFileSyntax,
  requiredVariable,
  unsetVariable,
  interpolationLimit,
  composeSchema,
  newerComposeKey,
  missingImageOrBuild,
  undefinedNetwork,
  undefinedVolume,
  undefinedSecret,
  unknownDependency,
  dependencyCycle,
  mutuallyExclusiveKeys,
  buildPlatformMismatch,
  environmentTrailingSpace,
  scaleConflict,
  healthcheckTestForm,
  invalidPort,
  invalidVolumeSpec,
  invalidDuration,
  invalidSize,
  invalidTypedValue,
  healthyDependencyWithoutHealthcheck,
  duplicatePublishedPort,
  relativeWorkingDir,
  windowsVolumeSource,
  unknownCapability,
  extraHostWithoutAddress,
  bridgeNameConflict,
  noVersionKey,
  imageTag,
  endOfLifeImage,
  inlineSecret,
  preferHealthyDependency,
  healthcheckWithoutCurl,
  redisHealthcheckAuth,
  publishedDatabasePort,
  noContainerName,
  productionRestartPolicy,
  productionLogRotation,
  databaseOnProxyNetwork,
  tarDatabaseBackup,
];
