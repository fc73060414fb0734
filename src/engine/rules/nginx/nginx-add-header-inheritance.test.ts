import { testRule } from '../../testing/rule-tester.ts';
import { addHeaderInheritance } from './nginx-add-header-inheritance.ts';

testRule(addHeaderInheritance);
