import { testRule } from '../../testing/rule-tester.ts';
import { databaseOnProxyNetwork } from './database-on-proxy-network.ts';

testRule(databaseOnProxyNetwork);
