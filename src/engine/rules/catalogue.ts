import type { ComposeContext } from '../compose/context.ts';
import type { CrossContext } from '../cross/context.ts';
import type { NginxContext } from '../nginx/context.ts';
import type { RuleDefinition } from '../types.ts';
import { composeRules } from './compose/index.ts';
import { crossRules } from './cross/index.ts';
import { nginxRules } from './nginx/index.ts';
import { swarmRules } from './swarm/index.ts';

export type ComposeRule = RuleDefinition<ComposeContext>;
export type NginxRule = RuleDefinition<NginxContext>;
export type CrossRule = RuleDefinition<CrossContext>;
export type AnyRule = ComposeRule | NginxRule | CrossRule;

/** Every rule the engine runs, in a stable order. The rules reference is generated from this list. */
export const catalogue: readonly AnyRule[] = [...composeRules, ...swarmRules, ...nginxRules, ...crossRules];
