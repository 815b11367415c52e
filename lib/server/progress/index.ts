// Progress: per-topic and per-domain mastery, exam readiness, activity calendars, and the
// backup of all learner progress (export/import).
import "server-only";
export { fetchHomeProgress, fetchProgressDashboard, fetchTopicProgress, readExamDate } from "./dashboard";
export type { NextActionView, ProgressDashboard, ReadinessView, TopicProgress, TopicProgressRow } from "@/lib/core/progress/views";
export { exportProgress, importProgress, type ImportResult } from "./backup";
