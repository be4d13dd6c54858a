// Custom-elements manifest (`npm run analyze`): the public API of the elements, from their JSDoc
// (@fires, @csspart, @cssproperty, @slot, @summary). Private and protected members, Lit's
// lifecycle methods, internal state and undocumented events are left out, so the API docs show
// what embedders use.
const LIFECYCLE = new Set([
  'render',
  'willUpdate',
  'updated',
  'firstUpdated',
  'connectedCallback',
  'disconnectedCallback',
  'styles',
  'properties',
]);

function publicApiOnly() {
  return {
    name: 'intake-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) =>
              member.privacy !== 'private' &&
              member.privacy !== 'protected' &&
              !member.name.startsWith('#') &&
              !LIFECYCLE.has(member.name),
          );
          // Events come from the `@fires` tags; the analyzer also reports the generic
          // `dispatchEvent(new CustomEvent(type))` of a helper as an event named "type".
          if (declaration.events) {
            declaration.events = declaration.events.filter((event) => event.description);
          }
          declaration.attributes = (declaration.attributes ?? []).filter(
            (attribute) =>
              !attribute.fieldName ||
              declaration.members.some((m) => m.name === attribute.fieldName),
          );
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // The staff inbox's pages are the receiver's own, not elements for embedders.
  exclude: ['src/generated/**', 'src/**/*.test.ts', 'src/inbox/**'],
  outdir: '.',
  litelement: true,
  plugins: [publicApiOnly()],
};
