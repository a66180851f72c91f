import { api } from '../../shared/api/client.ts';
import { pactApi } from './pact.api.ts';
import type { PactDetail, PactDocument } from './pact.types.ts';

/**
 * What most pact pages start from: the pact's state and versions, and the
 * document of the version the state is about (the one in force, or the
 * latest draft when none is), whose parties name the selectors.
 */
export interface PactBasics {
  detail: PactDetail;
  version: number;
  document: PactDocument;
}

export const loadPactBasics = async (id: string, signal: AbortSignal): Promise<PactBasics> => {
  const pacts = pactApi(api);
  const detail = await pacts.pact(id, signal);
  const version = detail.status.version ?? detail.versions.at(-1)?.version ?? 1;
  const { document } = await pacts.version(id, version, signal);
  return { detail, version, document };
};

/** Party codes and the hub, in the pact's order, with their names. */
export const members = (document: PactDocument) => [...document.parties, document.hub].map((m) => ({ code: m.code, name: m.name }));
