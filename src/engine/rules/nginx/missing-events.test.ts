import { testRule } from '../../testing/rule-tester.ts';
import { missingEvents } from './missing-events.ts';

testRule(missingEvents);
