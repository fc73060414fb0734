import { testRule } from '../../testing/rule-tester.ts';
import { valueFormat } from './nginx-value-format.ts';

testRule(valueFormat);
