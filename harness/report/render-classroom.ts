// The report in the shape GitHub Classroom's autograding reporter reads from a runner
// (base64 of this JSON in <RUNNER>_RESULTS): points per test on every push.

import type { TaskReport } from './types.js';

export interface ClassroomResults {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: Array<{ name: string; status: 'pass' | 'fail' | 'error'; message: string; line_no: number; execution_time: string; score: number }>;
}

export function toClassroom(reports: TaskReport[]): ClassroomResults {
  const tests = reports.flatMap((r) =>
    r.tests.map((t) => ({
      name: `${r.task} · ${t.group} · ${t.name}`,
      status: t.status === 'passed' ? ('pass' as const) : t.status === 'error' ? ('error' as const) : ('fail' as const),
      message: t.message ?? '',
      line_no: 0,
      execution_time: `${(t.durationMs / 1000).toFixed(2)}s`,
      score: t.points,
    })),
  );
  const status = tests.some((t) => t.status === 'error') ? 'error' : tests.some((t) => t.status === 'fail') ? 'fail' : 'pass';
  return { version: 1, status, max_score: reports.reduce((a, r) => a + r.maxScore, 0), tests };
}
