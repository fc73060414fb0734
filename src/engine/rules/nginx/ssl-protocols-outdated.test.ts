import { testRule } from '../../testing/rule-tester.ts';
import { sslProtocolsOutdated } from './ssl-protocols-outdated.ts';

testRule(sslProtocolsOutdated);
