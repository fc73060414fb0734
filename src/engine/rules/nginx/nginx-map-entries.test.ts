import { testRule } from '../../testing/rule-tester.ts';
import { mapEntries } from './nginx-map-entries.ts';

testRule(mapEntries);
