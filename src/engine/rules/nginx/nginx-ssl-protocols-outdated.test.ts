import { testRule } from '../../testing/rule-tester.ts';
import { sslProtocolsOutdated } from './nginx-ssl-protocols-outdated.ts';

testRule(sslProtocolsOutdated);
