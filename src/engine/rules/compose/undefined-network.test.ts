import { testRule } from '../../testing/rule-tester.ts';
import { undefinedNetwork } from './undefined-network.ts';

testRule(undefinedNetwork);
