import { testRule } from '../../testing/rule-tester.ts';
import { inlineSecret } from './inline-secret.ts';

testRule(inlineSecret);
