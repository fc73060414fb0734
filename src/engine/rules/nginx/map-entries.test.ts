import { testRule } from '../../testing/rule-tester.ts';
import { mapEntries } from './map-entries.ts';

testRule(mapEntries);
