import { testRule } from '../../testing/rule-tester.ts';
import { swarmDependsOnCondition } from './swarm-depends-on-condition.ts';

testRule(swarmDependsOnCondition);
