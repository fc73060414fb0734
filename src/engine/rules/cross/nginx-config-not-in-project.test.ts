import { testRule } from '../../testing/rule-tester.ts';
import { nginxConfigNotInProject } from './nginx-config-not-in-project.ts';

testRule(nginxConfigNotInProject);
