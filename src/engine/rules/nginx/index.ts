import type { NginxRule } from '../catalogue.ts';
import { addHeaderInheritance } from './add-header-inheritance.ts';
import { conflictingServerName } from './conflicting-server-name.ts';
import { directiveArguments } from './directive-arguments.ts';
import { directiveContext } from './directive-context.ts';
import { directiveTerminator } from './directive-terminator.ts';
import { duplicateDirective } from './duplicate-directive.ts';
import { duplicateLocation } from './duplicate-location.ts';
import { duplicateUpstream } from './duplicate-upstream.ts';
import { duplicateZone } from './duplicate-zone.ts';
import { invalidValue } from './invalid-value.ts';
import { listenHttp2 } from './listen-http2.ts';
import { locationNesting } from './location-nesting.ts';
import { mapEntries } from './map-entries.ts';
import { missingEvents } from './missing-events.ts';
import { missingSemicolon } from './missing-semicolon.ts';
import { proxyCacheUserData } from './proxy-cache-user-data.ts';
import { proxyHeaders } from './proxy-headers.ts';
import { proxyPassHost } from './proxy-pass-host.ts';
import { securityHeaders } from './security-headers.ts';
import { serverTokens } from './server-tokens.ts';
import { sslCertificate } from './ssl-certificate.ts';
import { sslPreferServerCiphers } from './ssl-prefer-server-ciphers.ts';
import { sslProtocolsOutdated } from './ssl-protocols-outdated.ts';
import { syntaxError } from './syntax-error.ts';
import { tryFilesFallback } from './try-files-fallback.ts';
import { unknownDirective } from './unknown-directive.ts';
import { unknownVariable } from './unknown-variable.ts';
import { valueFormat } from './value-format.ts';
import { upstreamAddress } from './upstream-address.ts';
import { logFormat } from './log-format.ts';
import { ifCondition } from './if-condition.ts';
import { duplicateDefaultServer } from './duplicate-default-server.ts';

/** In the order nginx itself checks: syntax, then name, context, `;`/`{`, argument count. */
export const nginxRules: readonly NginxRule[] = [
  syntaxError,
  unknownDirective,
  directiveContext,
  directiveTerminator,
  directiveArguments,
  missingSemicolon,
  invalidValue,
  valueFormat,
  mapEntries,
  duplicateDirective,
  duplicateLocation,
  locationNesting,
  duplicateUpstream,
  duplicateZone,
  unknownVariable,
  proxyPassHost,
  upstreamAddress,
  logFormat,
  ifCondition,
  duplicateDefaultServer,
  sslCertificate,
  missingEvents,
  // Warnings nginx prints itself, then good practice.
  conflictingServerName,
  listenHttp2,
  sslProtocolsOutdated,
  sslPreferServerCiphers,
  serverTokens,
  securityHeaders,
  addHeaderInheritance,
  proxyHeaders,
  proxyCacheUserData,
  tryFilesFallback,
];
