import type { NginxRule } from '../catalogue.ts';
import { addHeaderInheritance } from './nginx-add-header-inheritance.ts';
import { conflictingServerName } from './nginx-conflicting-server-name.ts';
import { directiveArguments } from './nginx-invalid-number-of-arguments.ts';
import { directiveContext } from './nginx-directive-not-allowed-here.ts';
import { directiveTerminator } from './nginx-block-or-semicolon.ts';
import { duplicateDirective } from './nginx-duplicate-directive.ts';
import { duplicateLocation } from './nginx-duplicate-location.ts';
import { duplicateUpstream } from './nginx-duplicate-upstream.ts';
import { duplicateZone } from './nginx-duplicate-zone.ts';
import { invalidValue } from './nginx-invalid-value.ts';
import { listenHttp2 } from './nginx-listen-http2-deprecated.ts';
import { locationNesting } from './nginx-location-nesting.ts';
import { mapEntries } from './nginx-map-entries.ts';
import { missingEvents } from './nginx-missing-events.ts';
import { missingSemicolon } from './nginx-missing-semicolon.ts';
import { proxyCacheUserData } from './nginx-proxy-cache-user-data.ts';
import { proxyHeaders } from './nginx-proxy-headers.ts';
import { proxyPassHost } from './nginx-proxy-pass-host.ts';
import { securityHeaders } from './nginx-security-headers.ts';
import { serverTokens } from './nginx-server-tokens.ts';
import { sslCertificate } from './nginx-ssl-certificate.ts';
import { sslPreferServerCiphers } from './nginx-ssl-prefer-server-ciphers.ts';
import { sslProtocolsOutdated } from './nginx-ssl-protocols-outdated.ts';
import { syntaxError } from './nginx-syntax-error.ts';
import { tryFilesFallback } from './nginx-try-files-fallback.ts';
import { unknownDirective } from './nginx-unknown-directive.ts';
import { unknownVariable } from './nginx-unknown-variable.ts';
import { valueFormat } from './nginx-value-format.ts';
import { upstreamAddress } from './nginx-upstream-address.ts';
import { logFormat } from './nginx-log-format.ts';
import { ifCondition } from './nginx-if-condition.ts';
import { duplicateDefaultServer } from './nginx-duplicate-default-server.ts';
import { duplicateListen } from './nginx-duplicate-listen.ts';
import { emptyUpstream } from './nginx-empty-upstream.ts';
import { loadModule } from './nginx-load-module.ts';
import { placeholderAddress } from './nginx-placeholder-address.ts';
import { unknownCacheZone } from './nginx-unknown-cache-zone.ts';

/** In the order nginx itself checks: syntax, then name, context, `;`/`{`, argument count. */
export const nginxRules: readonly NginxRule[] = [
  syntaxError,
  loadModule,
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
  emptyUpstream,
  duplicateZone,
  unknownVariable,
  proxyPassHost,
  upstreamAddress,
  placeholderAddress,
  logFormat,
  unknownCacheZone,
  ifCondition,
  duplicateDefaultServer,
  duplicateListen,
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
