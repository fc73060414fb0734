import { testRule } from '../../testing/rule-tester.ts';
import { syntaxError } from './nginx-syntax-error.ts';

testRule(syntaxError);
