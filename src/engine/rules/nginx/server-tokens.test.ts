import { testRule } from '../../testing/rule-tester.ts';
import { serverTokens } from './server-tokens.ts';

testRule(serverTokens);
