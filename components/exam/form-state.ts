// Shapes the exam forms and their server actions (app/exams/actions.ts) exchange. Plain data
// only: they cross the server/client boundary.

/** startExamAction: idle until the learner submits; success redirects to /exams/<id>. */
export type StartExamFormState = { status: "idle" } | { status: "error"; message: string; fieldErrors?: Record<string, string> };

/** abandonExamAction: success revalidates /exams, so only an error comes back. */
export type AbandonExamFormState = StartExamFormState;

export const IDLE_EXAM_FORM: StartExamFormState = { status: "idle" };
