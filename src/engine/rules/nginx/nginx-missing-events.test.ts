import { testRule } from '../../testing/rule-tester.ts';
import { missingEvents } from './nginx-missing-events.ts';

testRule(missingEvents);
