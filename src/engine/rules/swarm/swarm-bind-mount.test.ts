import { testRule } from '../../testing/rule-tester.ts';
import { swarmBindMount } from './swarm-bind-mount.ts';

testRule(swarmBindMount);
