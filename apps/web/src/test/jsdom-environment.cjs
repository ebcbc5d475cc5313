// The web tests' environment: jsdom, plus the web platform globals that the browser has and jsdom
// lacks. react-router's data routers build a `Request` (with an AbortSignal) on every navigation,
// react-router needs TextEncoder, and tests spy on `fetch` (jest.spyOn(global, 'fetch')) and answer
// with `new Response(...)`. They come from Node, together with Node's AbortController: Node's Request
// accepts only Node's AbortSignal.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'AbortController',
  'AbortSignal',
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
];
const IF_MISSING = ['structuredClone', 'BroadcastChannel'];

class WebTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) this.global[name] = globalThis[name];
    for (const name of IF_MISSING) if (this.global[name] === undefined) this.global[name] = globalThis[name];
  }
}

module.exports = WebTestEnvironment;
