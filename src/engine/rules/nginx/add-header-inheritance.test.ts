import { testRule } from '../../testing/rule-tester.ts';
import { addHeaderInheritance } from './add-header-inheritance.ts';

testRule(addHeaderInheritance);
