import type { ComposeRule } from '../catalogue.ts';

export const composeRules: readonly ComposeRule[] = [];
