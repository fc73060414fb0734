import { testRule } from '../../testing/rule-tester.ts';
import { envFileSyntax } from './env-file-syntax.ts';

testRule(envFileSyntax);
