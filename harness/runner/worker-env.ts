// How a grading worker learns what to grade, beside SOCKET_GRADER_SUBMISSION.

/** Which groups to grade (comma-separated; all when empty). */
export const GROUPS_VARIABLE = 'SOCKET_GRADER_GROUPS';
/** Which tests, by words of their titles (a JSON list; all when empty). */
export const TESTS_VARIABLE = 'SOCKET_GRADER_TESTS';
