import { testRule } from '../../testing/rule-tester.ts';
import { swarmHostPortReplicas } from './swarm-host-port-replicas.ts';

testRule(swarmHostPortReplicas);
