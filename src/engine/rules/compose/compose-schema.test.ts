import { testRule } from '../../testing/rule-tester.ts';
import { composeSchema } from './compose-schema.ts';

testRule(composeSchema);
