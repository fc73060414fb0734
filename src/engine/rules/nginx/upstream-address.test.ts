import { testRule } from '../../testing/rule-tester.ts';
import { upstreamAddress } from './upstream-address.ts';

testRule(upstreamAddress);
