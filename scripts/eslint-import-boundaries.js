// ESLint rule `boundaries/imports`: resolves each relative import against the importing file and
// refuses a plugin reaching into another plugin, and sdk/ reaching into host/ (docs/architecture.md).
// Paths are resolved, so `../../live-detail/main/x.js` is caught however deep the importing file is.
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = dirname(dirname(new URL(import.meta.url).pathname));

/** `plugins/<id>/…` → id, `sdk/…` → 'sdk', `host/…` → 'host'; null elsewhere (tests, scripts). */
function areaOf(file) {
  const parts = relative(ROOT, file).split(sep);
  // The generated UI registry (scripts/gen-ui-registry.mjs) lazily imports each plugin.json's UI entry.
  if (parts.slice(0, 3).join('/') === 'host/ui/generated') return null;
  if (parts[0] === 'plugins' && parts.length > 2) return { kind: 'plugin', id: parts[1] };
  if (parts[0] === 'sdk' || parts[0] === 'host') return { kind: parts[0] };
  return null;
}

function refusal(from, to) {
  if (from.kind === 'plugin' && to.kind === 'plugin' && from.id !== to.id) {
    return `Plugin "${from.id}" must not import plugin "${to.id}": share code through sdk/ or talk through channels and events.`;
  }
  if (from.kind === 'plugin' && to.kind === 'host') return 'Plugins import only sdk/* and their own files.';
  if (from.kind === 'sdk' && to.kind === 'host')
    return 'sdk/ must not import host code: plugins build on sdk/ alone.';
  if (from.kind === 'host' && to.kind === 'plugin')
    return 'The host loads plugins through their manifest only.';
  return null;
}

const importBoundaries = {
  meta: { type: 'problem', schema: [], docs: { description: 'Keeps plugins, sdk and host apart' } },
  create(context) {
    const from = areaOf(context.filename);
    if (from === null) return {};
    const check = (node, source) => {
      if (source === null || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = areaOf(resolve(dirname(context.filename), source.value));
      const message = to === null ? null : refusal(from, to);
      if (message !== null) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export default { rules: { imports: importBoundaries } };
