import { parseAst, type Plugin } from 'vite';

/**
 * The parts of an endpoint declaration the web never reads at run time (it reads method, path, permission, …), by
 * the function declaring it: `endpoint()` itself and the reference-data tables' factory.
 */
const SERVER_ONLY: Record<string, ReadonlySet<string>> = {
  endpoint: new Set(['summary', 'params', 'query', 'body', 'response']),
  referenceEndpoints: new Set(['summaries', 'query', 'item', 'create', 'update']),
};
const CONTRACTS_FILE = /libs[\\/]contracts[\\/]src[\\/].*\.ts$/;
const ENDPOINT_FILE = /libs[\\/]contracts[\\/]src[\\/]endpoints[\\/][\w-]+\.ts$/;
const ERRORS_FILE = /libs[\\/]contracts[\\/]src[\\/]errors\.ts$/;

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  visit(node as Node);
  for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value, visit);
}

function contains(node: Node, type: string): boolean {
  let found = false;
  walk(node, (n) => {
    found ||= n.type === type;
  });
  return found;
}

/** Applies [start, end, text] replacements (non-overlapping) to the code. */
function splice(code: string, edits: [number, number, string][]): string {
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** `endpoint({ …, response: schema })` → `endpoint({ …, response: undefined })` for the server-only keys. */
function stripServerOnly(code: string): string {
  const edits: [number, number, string][] = [];
  walk(parseAst(code), (node) => {
    const callee = node.callee as Node | undefined;
    const [arg] = (node.arguments as Node[] | undefined) ?? [];
    if (node.type !== 'CallExpression' || callee?.type !== 'Identifier' || arg?.type !== 'ObjectExpression') return;
    const strip = SERVER_ONLY[callee.name as string];
    if (!strip) return;
    for (const prop of arg.properties as Node[]) {
      const key = prop.key as Node | undefined;
      if (prop.type !== 'Property' || prop.computed || key?.type !== 'Identifier' || !strip.has(key.name as string)) {
        continue;
      }
      const value = prop.value as Node;
      edits.push([value.start, value.end, 'undefined']);
    }
  });
  return dropUnusedImports(splice(code, edits));
}

/** The error catalogue's parameter schemas (the web reads the codes, and the parameters from the answer). */
function stripErrorParams(code: string): string {
  const edits: [number, number, string][] = [];
  walk(parseAst(code), (node) => {
    const key = node.key as Node | undefined;
    const value = node.value as Node | undefined;
    if (
      node.type === 'Property' &&
      key?.type === 'Identifier' &&
      key.name === 'params' &&
      value?.type === 'CallExpression'
    ) {
      edits.push([value.start, value.end, 'undefined']);
    }
  });
  return dropUnusedImports(splice(code, edits));
}

/**
 * Imports none of whose names is used any more leave too: the schema modules then load with the forms that use
 * them instead of with the endpoint table on every page.
 */
function dropUnusedImports(code: string): string {
  const edits: [number, number, string][] = [];
  for (const statement of (parseAst(code) as unknown as { body: Node[] }).body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const rest = code.slice(0, statement.start) + code.slice(statement.end);
    const names = (statement.specifiers as Node[]).map((s) => (s.local as Node).name as string);
    if (names.length > 0 && !names.some((name) => new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(rest))) {
      edits.push([statement.start, statement.end, '']);
    }
  }
  return splice(code, edits);
}

/**
 * `const x = z.object({ a: z.string() }).extend(…)` → `const x = /* @__PURE__ *\/ (() => (…))()`: a module-level
 * value built by calls is declared free of side effects as a whole, so the bundler drops it when nothing uses it
 * (an annotation on a chained call would cover only one call of the chain, and its arguments not at all).
 */
function markPure(code: string): string {
  const edits: [number, number, string][] = [];
  for (const statement of (parseAst(code) as unknown as { body: Node[] }).body) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as Node[]) {
      const init = declarator.init as Node | null;
      if (!init || init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') continue;
      if (!contains(init, 'CallExpression') && !contains(init, 'NewExpression')) continue;
      edits.push([init.start, init.start, '/* @__PURE__ */ (() => ('], [init.end, init.end, '))()']);
    }
  }
  return splice(code, edits);
}

/**
 * The web build's copy of the shared contracts keeps only what the web uses at run time. The endpoint table loses
 * the zod schemas of queries, bodies and answers and the OpenAPI summaries (the API validates; the typed client reads
 * method, path, permission and output; forms import the input schemas they use directly), and every module-level
 * schema is marked pure, so those nothing else uses leave the bundle. Before this, every signed-in page built some
 * three hundred zod schemas before its first render: the largest single cost of a first visit on a mobile CPU.
 * Types are unaffected (they come from the sources); the API, the tests and `npm run dev` use the contracts as written.
 */
export function leanContracts(): Plugin {
  return {
    name: 'jv:lean-contracts',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!CONTRACTS_FILE.test(id) || /\.spec\.ts$/.test(id)) return null;
      const lean = ENDPOINT_FILE.test(id)
        ? stripServerOnly(code)
        : ERRORS_FILE.test(id)
          ? stripErrorParams(code)
          : code;
      return { code: markPure(lean), map: null };
    },
  };
}
