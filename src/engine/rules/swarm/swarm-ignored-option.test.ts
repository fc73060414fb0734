import { testRule } from '../../testing/rule-tester.ts';
import { swarmIgnoredOption } from './swarm-ignored-option.ts';

testRule(swarmIgnoredOption);
