import type { Db } from '../../db/database.ts';
import { regionRoutes } from './region.routes.ts';

export * as regionRepo from './region.repo.ts';
export type { Area, Facility, Jurisdiction } from './region.repo.ts';

export const regionContext = (deps: { db: Db }) => ({ routes: regionRoutes(deps.db) });
