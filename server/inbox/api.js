/**
 * The inbox's data API (contract: "HTTP API"), registered by ./index.js in one line: the
 * stored definitions shared by its routes, then each group of routes as a sub-plugin.
 */
import { actionsPlugin } from './actions.js';
import { auditPlugin } from './audit.js';
import { createDefinitions } from './definitions.js';
import { exportPlugin } from './export.js';
import { submissionsPlugin } from './submissions.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ useStorage: () => Promise<any>, formsDir?: string }} options
 */
export async function apiPlugin(app, { useStorage, formsDir }) {
  let definitions;
  const useDefinitions = async () => {
    definitions ??= createDefinitions(await useStorage(), { formsDir });
    return definitions;
  };
  const shared = { useStorage, useDefinitions };
  await app.register(auditPlugin, shared);
  await app.register(submissionsPlugin, shared);
  await app.register(actionsPlugin, shared);
  await app.register(exportPlugin, shared);
}
