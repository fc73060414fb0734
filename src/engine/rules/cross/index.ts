import type { CrossRule } from '../catalogue.ts';
import { disableCommentUnknownRule } from './disable-comment-unknown-rule.ts';
import { extendsCycle } from './extends-cycle.ts';
import { nginxConfigNotInProject } from './nginx-config-not-in-project.ts';
import { nginxConfigNotLoaded } from './nginx-config-not-loaded.ts';
import { nginxIncludeMissing } from './nginx-include-missing.ts';
import { missingProjectFile } from './missing-project-file.ts';
import { missingSecretFile } from './missing-secret-file.ts';
import { proxyUnknownService } from './proxy-unknown-service.ts';
import { proxyUnreachableService } from './proxy-unreachable-service.ts';
import { proxyWrongPort } from './proxy-wrong-port.ts';
import { publishedPortNotListened } from './published-port-not-listened.ts';
import { unknownExtendedService } from './unknown-extended-service.ts';

export const crossRules: readonly CrossRule[] = [
  proxyUnknownService,
  proxyUnreachableService,
  proxyWrongPort,
  publishedPortNotListened,
  nginxConfigNotInProject,
  nginxConfigNotLoaded,
  nginxIncludeMissing,
  disableCommentUnknownRule,
  missingProjectFile,
  missingSecretFile,
  unknownExtendedService,
  extendsCycle,
];
