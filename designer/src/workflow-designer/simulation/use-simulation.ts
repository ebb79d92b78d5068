import { useCallback, useState } from 'react';
import { ERROR_CATALOGUE, isOrdoError, type Locale } from '../../../../engine/errors/index.js';
import {
  advanceSimulation,
  applySimulation,
  editSimulationRecord,
  startSimulation,
  type Simulation,
  type SimulationAction,
  type SimulationSetup,
} from '../../../../engine/workflows/simulation/index.js';

export interface SimulationFailure {
  readonly title: string;
  readonly detail: string;
}

export interface SimulationControls {
  readonly simulation: Simulation | undefined;
  readonly failure: SimulationFailure | undefined;
  start(record: Readonly<Record<string, unknown>>, at: string): void;
  apply(action: SimulationAction): void;
  advance(): void;
  edit(patch: Readonly<Record<string, unknown>>): void;
  reset(): void;
  dismiss(): void;
}

/** What the runtime would have answered: its problem title in the user's language and the engine's detail. */
function failureOf(error: unknown, locale: Locale): SimulationFailure {
  if (isOrdoError(error)) return { title: ERROR_CATALOGUE[error.code].title[locale], detail: error.message };
  return { title: ERROR_CATALOGUE.ORDO_ERR_INTERNAL.title[locale], detail: error instanceof Error ? error.message : String(error) };
}

/** The simulated instance and its operations; a refused step keeps the instance as it was and says why. */
export function useSimulation(setup: SimulationSetup | undefined, locale: Locale): SimulationControls {
  const [simulation, setSimulation] = useState<Simulation | undefined>(undefined);
  const [failure, setFailure] = useState<SimulationFailure | undefined>(undefined);
  const run = useCallback(
    (next: () => Simulation | undefined) => {
      try {
        setSimulation(next());
        setFailure(undefined);
      } catch (error) {
        setFailure(failureOf(error, locale));
      }
    },
    [locale],
  );
  return {
    simulation,
    failure,
    start: (record, at) => run(() => (setup === undefined ? undefined : startSimulation(setup, { record, at }))),
    apply: (action) => run(() => (setup === undefined || simulation === undefined ? simulation : applySimulation(setup, simulation, action))),
    advance: () => run(() => (setup === undefined || simulation === undefined ? simulation : advanceSimulation(setup, simulation))),
    edit: (patch) => run(() => (setup === undefined || simulation === undefined ? simulation : editSimulationRecord(setup, simulation, patch))),
    reset: () => {
      setSimulation(undefined);
      setFailure(undefined);
    },
    dismiss: () => setFailure(undefined),
  };
}
