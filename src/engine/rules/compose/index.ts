import type { ComposeRule } from '../catalogue.ts';
import { composeSchema } from './compose-schema.ts';
import { requiredVariable } from './required-variable.ts';
import { unsetVariable } from './unset-variable.ts';
import { yamlSyntax } from './yaml-syntax.ts';

/** Compose rules, in the order a learner meets the problems: syntax, schema, references, good practice. */
export const composeRules: readonly ComposeRule[] = [yamlSyntax, requiredVariable, unsetVariable, composeSchema];
