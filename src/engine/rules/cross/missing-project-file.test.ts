import { testRule } from '../../testing/rule-tester.ts';
import { missingProjectFile } from './missing-project-file.ts';

testRule(missingProjectFile);
