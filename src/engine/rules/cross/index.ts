import type { CrossRule } from '../catalogue.ts';

export const crossRules: readonly CrossRule[] = [];
