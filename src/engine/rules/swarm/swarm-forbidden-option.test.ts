import { testRule } from '../../testing/rule-tester.ts';
import { swarmForbiddenOption } from './swarm-forbidden-option.ts';

testRule(swarmForbiddenOption);
