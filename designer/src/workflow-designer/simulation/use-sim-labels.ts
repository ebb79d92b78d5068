import { useMemo } from 'react';
import type { AppDefinition, WorkflowDefinition } from '../../../../engine/definitions/generated/definition-types.js';
import { useI18n } from '../../i18n/index.js';
import { factoryTime } from '../../scheduling/factory-time.js';
import type { SimLabels } from './sim-labels.js';
import { eventTitle, personLabel, stateTitle } from './simulation-setup.js';

export type { SimLabels } from './sim-labels.js';

/** How the panel names things: states by title, people by role or manager, roles by title, instants on the factory clock. */
export function useSimLabels(definition: WorkflowDefinition | undefined, app: AppDefinition | undefined): SimLabels {
  const { t, text, locale } = useI18n();
  return useMemo(
    () => ({
      state: (path) => (definition === undefined ? path : stateTitle(definition, path, text)),
      event: (name) => text(definition === undefined ? undefined : eventTitle(definition, name), name),
      person: (username) => personLabel(username, app, text, (who) => t('sim.managerOf', { user: who })),
      role: (id) => text(app?.roles.find((role) => role.id === id)?.title, id),
      time: (iso) => factoryTime(iso, locale),
    }),
    [definition, app, t, text, locale],
  );
}
