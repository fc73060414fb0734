import { testRule } from '../../testing/rule-tester.ts';
import { valueFormat } from './value-format.ts';

testRule(valueFormat);
