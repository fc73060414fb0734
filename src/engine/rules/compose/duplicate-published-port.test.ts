import { testRule } from '../../testing/rule-tester.ts';
import { duplicatePublishedPort } from './duplicate-published-port.ts';

testRule(duplicatePublishedPort);
