import { testRule } from '../../testing/rule-tester.ts';
import { duplicateDefaultServer } from './duplicate-default-server.ts';

testRule(duplicateDefaultServer);
