// The figures grading must reach on a 2-core machine (issue: fast grading, measured).

export interface BenchFigures {
  ratioToFloor: number;
  catalogSeconds: number;
  /** The slowest task's median `grade <task> reference`, each task graded alone. */
  slowestTaskSeconds: number;
  /** The median over tasks of each one's median `grade <task> reference`. */
  medianTaskSeconds: number;
  /** The median over tasks of the floor of what each starts alone: no grading of a task can be faster than its floor. */
  medianTaskFloorSeconds: number;
  emptySubmissionSeconds: number;
  hangingSubmissionSeconds: number;
  /** A class graded with no parallelism (one grading at a time, its tests one after another) over the same class on every core. */
  classSpeedup: number;
  /** Every mutant of the tasks graded as a class per task, every core busy (null: --no-mutants). */
  mutantClassSeconds: number | null;
  /** Starting the same programs that class started, doing nothing, as many at once. */
  mutantClassFloorSeconds: number | null;
  mutantClassRatio: number | null;
  slowestMutantSeconds: number | null;
  /** The most one grading worker held (VmHWM), over every grading the bench ran alone or as the mutant class. */
  workerPeakMiB: number;
  validateSeconds: number | null;
}

interface Target {
  figure: keyof BenchFigures;
  says: string;
  met: (v: number) => boolean;
}

export const TARGETS: Target[] = [
  { figure: 'ratioToFloor', says: 'at most 1.2', met: (v) => v <= 1.2 },
  { figure: 'slowestTaskSeconds', says: 'at most 1.5 s', met: (v) => v <= 1.5 },
  { figure: 'medianTaskSeconds', says: 'at most 1.0 s', met: (v) => v <= 1.0 },
  { figure: 'catalogSeconds', says: 'under 40 s', met: (v) => v < 40 },
  { figure: 'emptySubmissionSeconds', says: 'under 60 s', met: (v) => v < 60 },
  { figure: 'hangingSubmissionSeconds', says: 'under 60 s', met: (v) => v < 60 },
  { figure: 'classSpeedup', says: 'at least 1.6', met: (v) => v >= 1.6 },
  { figure: 'mutantClassRatio', says: 'at most 2.0 (twice its floor)', met: (v) => v <= 2.0 },
  { figure: 'slowestMutantSeconds', says: 'at most 10 s', met: (v) => v <= 10 },
  { figure: 'workerPeakMiB', says: 'under 200 MiB', met: (v) => v < 200 },
];

/** Each target with its figure; one not measured this run (null) is left out rather than failed. */
export function checkTargets(f: BenchFigures): Array<{ figure: string; value: number; target: string; met: boolean }> {
  return TARGETS.flatMap((t) => {
    const value = f[t.figure];
    return value === null ? [] : [{ figure: t.figure, value, target: t.says, met: t.met(value) }];
  });
}
