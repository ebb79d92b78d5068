/**
 * The scheduler's input: jobs (production orders) made of operations in routing order, each operation
 * with the machines that can do it and how long it takes on each. Times are whole time units (the
 * benchmarks' units, minutes in a factory) counted from the start of the horizon.
 */
export interface MachineAlternative {
  /** 0-based machine index, below `ShopModel.machineCount`. */
  readonly machine: number;
  /** Processing time on this machine, a whole number >= 0. */
  readonly duration: number;
}

/** A started or locked operation: it stays on this machine at this start, and the search works around it. */
export interface FrozenPlacement {
  readonly machine: number;
  readonly start: number;
}

export interface ShopOperation {
  /** One entry per machine that can do it (a job shop has exactly one). */
  readonly alternatives: readonly MachineAlternative[];
  /** Earliest start of this operation (material arrival), on top of the job's release. */
  readonly release?: number;
  readonly frozen?: FrozenPlacement;
}

export interface ShopJob {
  /** In routing order: each operation starts after the previous one ends. */
  readonly operations: readonly ShopOperation[];
  readonly release?: number;
  readonly due?: number;
  /** Weight of this job's tardiness (its priority); 1 when absent. */
  readonly weight?: number;
}

/** Operation `op` of job `job`, both 0-based. */
export interface OperationRef {
  readonly job: number;
  readonly op: number;
}

/** A precedence across jobs, e.g. a sub-assembly order's last operation before its parent's assembly. */
export interface Precedence {
  readonly before: OperationRef;
  readonly after: OperationRef;
}

export interface ShopModel {
  readonly machineCount: number;
  readonly jobs: readonly ShopJob[];
  readonly precedences?: readonly Precedence[];
}

export interface ScheduledOperation {
  readonly job: number;
  readonly op: number;
  readonly machine: number;
  readonly start: number;
  readonly end: number;
}

/** The benchmark contract's schedule shape: `ordo schedule` prints exactly this. */
export interface Schedule {
  readonly makespan: number;
  readonly operations: readonly ScheduledOperation[];
}
