// The one seam between a request and the learner it acts for (STYLE.md: "the one seam for
// accounts"). Every route handler, server action and page that reads learner state gets the
// database, the learner and the clock from here, so accounts change this file alone: a session
// lookup replaces DEFAULT_LEARNER_ID, and nothing else learns where the learner comes from.
import "server-only";
import { getDb, type Db } from "./db";
import { currentLearnerId } from "./learners";

export interface RequestContext {
  db: Db;
  learnerId: string;
  /** the request's clock: read once, so everything one request does agrees on "now" */
  now: Date;
}

export async function requestContext(): Promise<RequestContext> {
  return { db: getDb(), learnerId: currentLearnerId(), now: new Date() };
}
