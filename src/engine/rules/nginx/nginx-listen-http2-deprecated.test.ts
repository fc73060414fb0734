import { testRule } from '../../testing/rule-tester.ts';
import { listenHttp2 } from './nginx-listen-http2-deprecated.ts';

testRule(listenHttp2);
