import { testRule } from '../../testing/rule-tester.ts';
import { noContainerName } from './no-container-name.ts';

testRule(noContainerName);
