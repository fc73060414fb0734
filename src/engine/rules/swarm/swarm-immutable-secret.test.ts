import { testRule } from '../../testing/rule-tester.ts';
import { swarmImmutableSecret } from './swarm-immutable-secret.ts';

testRule(swarmImmutableSecret);
