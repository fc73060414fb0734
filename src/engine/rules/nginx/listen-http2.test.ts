import { testRule } from '../../testing/rule-tester.ts';
import { listenHttp2 } from './listen-http2.ts';

testRule(listenHttp2);
