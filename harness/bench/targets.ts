// The figures grading must reach on a 2-core machine (issue: fast grading, measured).

export interface BenchFigures {
  ratioToFloor: number;
  catalogSeconds: number;
  /** The slowest `grade <task> reference`, each task graded alone. */
  slowestTaskSeconds: number;
  emptySubmissionSeconds: number;
  hangingSubmissionSeconds: number;
  classSpeedup: number;
  validateSeconds: number | null;
}

interface Target {
  figure: keyof BenchFigures;
  says: string;
  met: (v: number) => boolean;
}

export const TARGETS: Target[] = [
  { figure: 'ratioToFloor', says: 'at most 2.0', met: (v) => v <= 2.0 },
  { figure: 'slowestTaskSeconds', says: 'under 3 s', met: (v) => v < 3 },
  { figure: 'catalogSeconds', says: 'under 40 s', met: (v) => v < 40 },
  { figure: 'emptySubmissionSeconds', says: 'under 60 s', met: (v) => v < 60 },
  { figure: 'hangingSubmissionSeconds', says: 'under 60 s', met: (v) => v < 60 },
  { figure: 'classSpeedup', says: 'at least 1.6', met: (v) => v >= 1.6 },
];

export function checkTargets(f: BenchFigures): Array<{ figure: string; value: number; target: string; met: boolean }> {
  return TARGETS.map((t) => ({ figure: t.figure, value: f[t.figure] ?? NaN, target: t.says, met: t.met(f[t.figure] ?? NaN) }));
}
