/**
 * The server's health (workspace name, version), fetched once for the whole app: the top bar
 * shows the workspace, the home page the server status.
 */
import { api, type ApiProblem } from '../api.ts';
import { problemOfError, readJson } from './http.ts';

export interface Health {
  ok: boolean;
  version: string;
  workspace: { name: string; locale?: string; reportingCurrency?: string };
  nodeVersion: string;
}

export type HealthStatus =
  | { type: 'health-loading' }
  | { type: 'health-ready'; health: Health }
  | { type: 'health-failed'; problem: ApiProblem };

class HealthState {
  status: HealthStatus = $state({ type: 'health-loading' });
  #loading: Promise<void> | undefined;

  /** Fetches the health once; `force` asks again (the retry button). */
  load(force = false): Promise<void> {
    if (this.#loading && !force) return this.#loading;
    this.status = { type: 'health-loading' };
    this.#loading = readJson<Health>(api().api.health.$get()).then(
      (health) => {
        this.status = { type: 'health-ready', health };
      },
      (error: unknown) => {
        this.status = { type: 'health-failed', problem: problemOfError(error) };
      },
    );
    return this.#loading;
  }
}

export const health = new HealthState();
