import { testRule } from '../../testing/rule-tester.ts';
import { newerComposeKey } from './newer-compose-key.ts';

testRule(newerComposeKey);
