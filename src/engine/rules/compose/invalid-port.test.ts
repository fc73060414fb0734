import { testRule } from '../../testing/rule-tester.ts';
import { invalidPort } from './invalid-port.ts';

testRule(invalidPort);
