import { testRule } from '../../testing/rule-tester.ts';
import { swarmRestartIgnored } from './swarm-restart-ignored.ts';

testRule(swarmRestartIgnored);
