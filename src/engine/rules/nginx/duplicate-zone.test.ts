import { testRule } from '../../testing/rule-tester.ts';
import { duplicateZone } from './duplicate-zone.ts';

testRule(duplicateZone);
