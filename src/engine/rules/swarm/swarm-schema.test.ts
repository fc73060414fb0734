import { testRule } from '../../testing/rule-tester.ts';
import { swarmSchema } from './swarm-schema.ts';

testRule(swarmSchema);
