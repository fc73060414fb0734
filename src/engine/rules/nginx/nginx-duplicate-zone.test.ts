import { testRule } from '../../testing/rule-tester.ts';
import { duplicateZone } from './nginx-duplicate-zone.ts';

testRule(duplicateZone);
