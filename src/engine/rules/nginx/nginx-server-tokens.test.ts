import { testRule } from '../../testing/rule-tester.ts';
import { serverTokens } from './nginx-server-tokens.ts';

testRule(serverTokens);
