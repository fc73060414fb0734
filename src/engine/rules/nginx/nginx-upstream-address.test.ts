import { testRule } from '../../testing/rule-tester.ts';
import { upstreamAddress } from './nginx-upstream-address.ts';

testRule(upstreamAddress);
