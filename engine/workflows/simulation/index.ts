export { activeStatePaths } from './active-states.js';
export { resolveSampleAssignees, standInOf, type StandIn } from './sample-directory.js';
export { applySimulation, advanceSimulation, editSimulationRecord, nextTimer, simulationStates, startSimulation } from './simulate.js';
export { evaluateGuard, simulationChoices } from './simulation-choices.js';
export type {
  CandidateTransition,
  ChildChoice,
  EventChoice,
  FieldChange,
  GuardResult,
  InvocationChoice,
  PendingInvocation,
  SimulatedEffect,
  SimulatedTimer,
  SimulatedUser,
  Simulation,
  SimulationAction,
  SimulationChoice,
  SimulationSetup,
  SimulationStep,
  StepCause,
  TaskSlotChoice,
} from './simulation-types.js';
