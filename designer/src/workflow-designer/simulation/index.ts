export { WorkflowSimulator, type WorkflowSimulatorProps } from './workflow-simulator.js';
