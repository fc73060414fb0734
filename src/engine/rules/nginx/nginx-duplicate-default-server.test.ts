import { testRule } from '../../testing/rule-tester.ts';
import { duplicateDefaultServer } from './nginx-duplicate-default-server.ts';

testRule(duplicateDefaultServer);
