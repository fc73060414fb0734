import { testRule } from '../../testing/rule-tester.ts';
import { disableCommentUnknownRule } from './disable-comment-unknown-rule.ts';

testRule(disableCommentUnknownRule);
