// Progress: per-topic and per-domain mastery, exam readiness, activity calendars, and the
// backup of all learner progress (export/import).
export { fetchHomeProgress, fetchProgressDashboard, fetchTopicProgress, readExamDate, type NextActionView, type ProgressDashboard, type ReadinessView, type TopicProgress, type TopicProgressRow } from "./dashboard";
