import { testRule } from '../../testing/rule-tester.ts';
import { swarmBuildIgnored } from './swarm-build-ignored.ts';

testRule(swarmBuildIgnored);
