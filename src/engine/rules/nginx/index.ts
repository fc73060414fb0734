import type { NginxRule } from '../catalogue.ts';

export const nginxRules: readonly NginxRule[] = [];
